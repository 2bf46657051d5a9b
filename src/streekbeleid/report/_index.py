"""The index page: the regions, the overview of Flanders, the checks in numbers."""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import _, ngettext
from ..model import phrasing
from ..model.records import Problem
from ._site import Site
from .html import Markup, concat, el, table

__all__ = ["findings", "index_page"]


def findings(problems: Sequence[Problem]) -> int:
    """How many of the problems are findings (errors and warnings); notes (infos) are not."""
    return sum(1 for p in problems if p.severity in ("error", "warning"))


def index_page(site: Site) -> str:
    """The overview every visit starts from."""
    errors = sum(1 for p in site.problems if p.severity == "error")
    warnings = sum(1 for p in site.problems if p.severity == "warning")
    notes = sum(1 for p in site.problems if p.severity == "info")
    shown = (
        _("The report shows the situation on {date}.").format(date=phrasing.day_words(site.as_of))
        if site.as_of
        else _("The report shows all periods.")
    )
    counts = ", ".join(
        [
            ngettext("{n} error", "{n} errors", errors).format(n=errors),
            ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
            ngettext("{n} note", "{n} notes", notes).format(n=notes),
        ]
    )
    body = concat(
        el("h1", _("Regional socio-economic policy in Flanders")),
        el(
            "p",
            _(
                "Who sits in which body, which pacts and plans exist, who committed to what, "
                "which councils approved or endorsed them, and where each fact comes from."
            ),
            " ",
            shown,
            class_="muted",
        ),
        el("h2", _("Regions")),
        _regions(site),
        el(
            "p",
            el("a", _("All of Flanders"), href="flanders.html"),
            ": ",
            _("every RESOC area by province, with its bodies and what is known of them."),
        ),
        el("p", el("a", _("Compare the regions"), href="compare.html"), ": ", _("themes and shared actors.")),
        el("h2", _("Checks")),
        el("p", el("a", counts, href="checks.html"), " ", _("found by the checks of the library and the plugins.")),
        el(
            "p",
            _("Errors are contradictions in the data, warnings are gaps or rules not met; notes are not problems."),
            class_="muted",
        ),
        el("p", el("a", _("About this report"), href="about.html"), ": ", _("the region packages and how to read it.")),
    )
    return site.page(_("Overview"), body)


def _regions(site: Site) -> Markup:
    if not site.scopes:
        return el("p", _("No region package is installed: only the core catalogue is loaded."), class_="muted")
    rows = [
        el(
            "tr",
            el("td", el("a", s.region.name, href=site.page_of(s.region))),
            el("td", str(len(s.bodies)), class_="num"),
            el("td", str(len(s.actor_ids())), class_="num"),
            el("td", str(len(s.plans)), class_="num"),
            el("td", str(len(s.decisions) + len(s.tallies)), class_="num"),
            el("td", str(findings(site.problems_of(s))), class_="num"),
        )
        for s in site.scopes
    ]
    heads = [_("region"), (_("bodies"), "num"), (_("actors"), "num"), (_("plans"), "num"), (_("decisions"), "num")]
    return table([*heads, (_("findings"), "num")], rows)
