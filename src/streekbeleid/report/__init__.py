"""A self-contained HTML report of the model: one page per region, a comparison, the checks and the sources.

>>> import tempfile, streekbeleid
>>> from streekbeleid.report import write_report
>>> index = write_report(streekbeleid.load(plugins=[]), tempfile.mkdtemp())
>>> index.name
'index.html'

The site needs no network when it is viewed: styles are inline, pictures are
SVG drawn on the server, there is no script, and the source documents the
facts cite are copied next to the pages.  Every string from the data is
escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from ..checks import check
from ..citing import document_dirs
from ..i18n import _, language, use_language
from ..model.dates import parse_day
from ..model.model import Model
from ..model.records import Problem
from ..workflows import Engine, Registry, open_store
from ._pages import pages
from ._site import InstanceView, Site, WorkflowView
from ._summary import region_summary
from .scope import region_scope, report_regions
from .sources import SourceIndex

__all__ = ["write_report", "run_checks", "document_dirs", "region_summary", "report_regions"]


def run_checks(model: Model) -> list[Problem]:
    """Every problem the checks find: the library's rules and those the plugins contribute."""
    return check(model)


def _workflow_view(model: Model, store: str | Path | None) -> WorkflowView:
    registry = Registry.from_contributions(model.workflows)
    view = WorkflowView(definitions=list(registry.definitions.values()), store=None if store is None else str(store))
    if store is None:
        return view
    if not Path(store).exists():
        view.note = _("The workflow store {store} does not exist: no procedures recorded.").format(store=store)
        return view
    with open_store(store) as events:
        engine = Engine(model, events, registry=registry)
        for row in engine.instances():
            view.instances.append(
                InstanceView(
                    id=row.id,
                    definition=row.definition,
                    subject=row.subject,
                    state=row.state,
                    finished=engine.status(row.id).finished,
                    events=tuple(engine.history(row.id)),
                )
            )
    return view


def write_report(
    model: Model,
    out_dir: str | Path,
    *,
    regions: Sequence[str] = (),
    as_of: date | str | None = None,
    store: str | Path | None = None,
    documents: Iterable[str | Path] = (),
    problems: Sequence[Problem] | None = None,
    lang: str | None = None,
) -> Path:
    """Write the report into ``out_dir`` and return the path of its ``index.html``.

    :param model: the whole model (not a slice); the report slices it itself.
    :param regions: region ids (``limburg:lires``) or plugin names (``limburg``); default every top-level
        region a plugin defines.
    :param as_of: show bodies, members and plans as they stood on this day; the timeline still shows all
        periods, with a line on the day.
    :param store: a workflow event store (SQLite) whose instances to show.
    :param documents: extra folders holding the documents the sources cite (seed files).
    :param problems: check results to show; default: :func:`run_checks`.
    :param lang: ``"nl"`` or ``"en"``; default the language in use (:func:`streekbeleid.i18n.language`: Dutch
        unless ``STREEKBELEID_LANG`` or the locale asks for English).
    """
    with use_language(lang or language()):  # the environment read once, not once per text
        return _write(model, out_dir, regions=regions, as_of=as_of, store=store, documents=documents, problems=problems)


def _write(
    model: Model,
    out_dir: str | Path,
    *,
    regions: Sequence[str],
    as_of: date | str | None,
    store: str | Path | None,
    documents: Iterable[str | Path],
    problems: Sequence[Problem] | None,
) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    day = parse_day(as_of) if as_of is not None else None
    view = model.as_of(day) if day is not None else model
    chosen = report_regions(model, regions)
    scopes = [region_scope(view, view.get(r.id) if r.id in view else r) for r in chosen]
    site = Site(
        model=model,
        view=view,
        scopes=scopes,
        sources=SourceIndex(document_dirs(model, documents)),
        problems=list(run_checks(model) if problems is None else problems),
        workflows=_workflow_view(model, store),
        as_of=day,
    )
    site.register()
    for name, render in pages(site):
        (out / name).write_text(render(), encoding="utf-8")
    site.sources.write(out, site.page)
    return out / "index.html"
