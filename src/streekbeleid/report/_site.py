"""What every page of the report shares: the model, links to records, sources, problems, the page frame."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from importlib.resources import files
from typing import Any

import attrs

from .._version import __version__
from ..i18n import _, language
from ..model import phrasing
from ..model.dates import Truth
from ..model.model import Model, record_type
from ..model.records import (
    Actor,
    Problem,
    Region,
    Territory,
)
from ..model.workflow import WorkflowDefinition, WorkflowEvent
from .html import Markup, anchor_id, el
from .scope import RegionScope
from .sources import SourceIndex, cited_sources

__all__ = ["InstanceView", "Site", "WorkflowView", "page_names"]

_CSS = (files("streekbeleid.report") / "style.css").read_text(encoding="utf-8")


def page_names(regions: Sequence[Region]) -> dict[str, str]:
    """The file name of each region's page: ``limburg-limburg.html``; the exact encoding where two would clash."""
    simple = {r.id: re.sub(r"[^a-z0-9]+", "-", r.id.lower()).strip("-") + ".html" for r in regions}
    taken = list(simple.values())
    reserved = {"index.html", "compare.html", "checks.html", "sources.html", "flanders.html", "about.html"}
    return {
        rid: anchor_id(rid, "region") + ".html" if taken.count(name) > 1 or name in reserved else name
        for rid, name in simple.items()
    }


@attrs.frozen
class InstanceView:
    """A workflow instance read from a store: where it stands and every event recorded."""

    id: str
    definition: str
    subject: str
    state: str
    finished: bool
    events: tuple[WorkflowEvent, ...]


@attrs.define
class WorkflowView:
    """What the report shows of workflows: definitions and, from a store, instances with their history."""

    definitions: list[WorkflowDefinition] = attrs.Factory(list)
    instances: list[InstanceView] = attrs.Factory(list)
    store: str | None = None
    note: str | None = None


@attrs.define
class Site:
    """Everything the pages share: the model and its slice, links to records, sources, problems."""

    model: Model  # the whole model
    view: Model  # the model on the report's date, or the whole model
    scopes: list[RegionScope]
    sources: SourceIndex
    problems: list[Problem]
    workflows: WorkflowView
    as_of: date | None = None
    generated: date = attrs.Factory(date.today)
    hrefs: dict[str, str] = attrs.Factory(dict)
    _pages: dict[str, str] = attrs.Factory(dict)

    # ------------------------------------------------------------- shared bits

    def page_of(self, region: Region) -> str:
        """The file name of a region's page."""
        if not self._pages:
            self._pages = page_names([s.region for s in self.scopes])
        return self._pages[region.id]

    def page(self, title: str, body: Markup, prefix: str = "") -> str:
        """A whole HTML document around ``body``: header, navigation, inline styles, footer."""
        nav = el(
            "header",
            el("a", _("Regional policy in Flanders"), href=f"{prefix}index.html", class_="brand"),
            el(
                "nav",
                el("a", _("Flanders"), href=f"{prefix}flanders.html"),
                [el("a", s.region.name, href=f"{prefix}{self.page_of(s.region)}") for s in self.scopes],
                el("a", _("Comparison"), href=f"{prefix}compare.html"),
                el("a", _("Checks"), href=f"{prefix}checks.html"),
                el("a", _("Sources"), href=f"{prefix}sources.html"),
                el("a", _("About"), href=f"{prefix}about.html"),
                aria_label=_("pages of the report"),
            ),
            class_="site",
        )
        shown = _("as of {date}").format(date=phrasing.day_words(self.as_of)) if self.as_of else _("all periods")
        footer = el(
            "footer",
            _("Made with streekbeleid {version} on {date} ({shown}).").format(
                version=__version__, date=phrasing.day_words(self.generated), shown=shown
            ),
            " ",
            _("Every fact links to its sources; a date known only to the month or the year is shown as uncertain."),
        )
        doc = el(
            "html",
            el(
                "head",
                el("meta", charset="utf-8"),
                el("meta", name="viewport", content="width=device-width, initial-scale=1"),
                el("link", rel="icon", href="data:,"),
                el("title", f"{title} · streekbeleid"),
                el("style", Markup(_CSS)),
            ),
            el("body", nav, el("main", body), footer),
            lang=language(),
        )
        return "<!DOCTYPE html>\n" + doc + "\n"

    def name(self, record_id: str | None) -> str:
        """The readable name of an id (:func:`~streekbeleid.model.phrasing.name`)."""
        return phrasing.name(self.model, record_id)

    def link(self, record_id: str | None, text: str | None = None, prefix: str = "") -> Markup:
        """A link to where a record is shown in the report, or its name when it is shown nowhere."""
        if record_id is None:
            return Markup("")
        label = text if text is not None else self.name(record_id)
        href = self.hrefs.get(record_id)
        if href is None:
            return el("span", label)
        return el("a", label, href=prefix + href)

    def src(self, record: Any, prefix: str = "") -> Markup:
        return self.sources.links(getattr(record, "sources", ()), prefix)

    def uncertain(self, record_id: str) -> Markup:
        """A mark for records that only possibly hold on the report's date."""
        if self.as_of is None:
            return Markup("")
        try:
            truth = self.view.status(record_id)
        except KeyError:
            return Markup("")
        if truth is Truth.UNCERTAIN:
            return el("span", " ", _("(possibly not yet or no longer, on this date)"), class_="uncertain-mark")
        return Markup("")

    # ------------------------------------------------------------- register anchors

    def register(self) -> None:
        """Decide where each record is shown, so every page can link to it; collect the sources."""
        for scope in self.scopes:
            page = self.page_of(scope.region)
            shown: list[Any] = [scope.region, *scope.subregions, *scope.bodies, *scope.plans, *scope.projects]
            shown += [*scope.decisions, *scope.tallies, *scope.fundings, *scope.lineage, *scope.memberships]
            shown += [*scope.relations, *scope.meetings]
            for plan in scope.plans:
                shown.extend(plan.walk())
            for actor_id in sorted(scope.actor_ids()):
                try:
                    shown.append(self.model.get(actor_id))
                except KeyError:
                    continue
            for record in shown:
                rid = record.id
                self.hrefs.setdefault(rid, f"{page}#{anchor_id(rid)}")
                self.sources.add(cited_sources(record, self.name(rid)))

    # ------------------------------------------------------------- what a region holds

    def kind(self, record_id: str) -> str:
        """The kind of a record as the report groups it: an actor's kind, a territory's government, else its type."""
        try:
            rec = self.model.get(record_id)
        except KeyError:
            return "other"
        if isinstance(rec, Actor):
            return rec.kind
        if isinstance(rec, Territory):
            return "provincial_government" if rec.level == "province" else "municipal_government"
        return record_type(rec)

    def theme(self, theme_id: str) -> str:
        """A theme's name in the language in use (its ``name_nl`` in Dutch, when it has one)."""
        return self.name(theme_id)

    def kind_label(self, record_id: str) -> str:
        """The kind of a record in words (:func:`~streekbeleid.model.phrasing.kind_label`)."""
        return phrasing.kind_label(self.kind(record_id))

    def scope_ids(self, scope: RegionScope) -> set[str]:
        """The ids of every record a region's page shows, plan items included."""
        ids = {r.id for r in scope.records()}
        ids.update(i.id for p in scope.plans for i in p.walk())
        return ids

    def problems_of(self, scope: RegionScope) -> list[Problem]:
        """The problems that name a record of a region."""
        ids = self.scope_ids(scope)
        return [p for p in self.problems if set(p.ids) & ids]
