"""The checks page, and the check results a region's page shows too: grouped by rule and by plan, the real
findings first, so that one error is not buried under thirty near-identical warnings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..i18n import N_, _, ngettext
from ..model.records import Plan, Problem
from ._site import Site
from .html import Markup, concat, el, table

__all__ = ["SEVERITY_LABELS", "checks_page", "problem_groups", "problems_table"]

SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("note")}
_ORDER = {"error": 0, "warning": 1, "info": 2}
#: A group this small is shown open; a bigger one shows its size and folds its rows.
_OPEN = 3


def _plan_of(site: Site, problem: Problem) -> str | None:
    """The plan a problem is about, when one of its records is a plan."""
    for record_id in problem.ids:
        if isinstance(site.model.get(record_id) if record_id in site.model else None, Plan):
            return record_id
    return None


def problem_groups(site: Site, problems: Sequence[Problem]) -> list[tuple[str, str, str | None, list[Problem]]]:
    """``(severity, rule, plan, problems)`` per group: errors, then warnings, then notes; within a severity the
    smallest groups first (a single finding stands out, thirty of one kind are one pattern)."""
    groups: dict[tuple[str, str, str | None], list[Problem]] = defaultdict(list)
    for p in problems:
        groups[(p.severity, p.rule, _plan_of(site, p))].append(p)
    ordered = sorted(groups.items(), key=lambda kv: (_ORDER.get(kv[0][0], 3), len(kv[1]), kv[0][1], kv[0][2] or ""))
    return [(sev, rule, plan, sorted(ps, key=lambda p: p.ids)) for (sev, rule, plan), ps in ordered]


def problems_table(site: Site, problems: Sequence[Problem], prefix: str = "") -> Markup:
    """The problems in groups by severity, rule and plan; each group a table of messages and records."""
    if not problems:
        return el("p", _("No problems found."), class_="status-ok")
    out = []
    for severity, rule, plan, group in problem_groups(site, problems):
        head = concat(
            el("span", _(SEVERITY_LABELS.get(severity, severity)), class_=f"sev-{severity}"),
            " · ",
            el("code", rule),
            (" · ", _("in {plan}").format(plan=site.name(plan))) if plan else None,
            " · ",
            ngettext("{n} finding", "{n} findings", len(group)).format(n=len(group)),
        )
        rows = [
            el(
                "tr",
                el("td", p.message, site.sources.links(p.sources, prefix)),
                el("td", [concat(site.link(i, prefix=prefix), el("br")) for i in p.ids]),
            )
            for p in group
        ]
        body = table([_("what the check says"), _("records")], rows, class_="problems")
        out.append(
            el("details", el("summary", head), body, open=len(group) <= _OPEN and severity != "info", class_="group")
        )
    return concat(out)


def checks_page(site: Site) -> str:
    """Every problem the checks found in the whole model."""
    body = concat(
        el("h1", _("Check results")),
        el(
            "p",
            _(
                "Every rule of the library and of the region packages, run over the whole model, grouped by rule "
                "and by plan. Errors are contradictions in the data; warnings are gaps or rules not met; notes "
                "say what cannot be checked. The messages of the checks are shown as the checks word them."
            ),
            class_="muted",
        ),
        problems_table(site, site.problems),
    )
    return site.page(_("Checks"), body)
