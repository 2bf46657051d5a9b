"""Meeting cadence: does a body meet as often as its rule says (Taskforce Spitsregio Leuven: at least 6 a year)?

Judged only for the years (or months) that lie wholly within the body's
lifetime and in the past, between its first and last recorded meeting; a body
with a rule and no meetings recorded gets a clear "no meetings recorded".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..model.dates import Period, Truth
from ..model.model import Model
from ..model.phrasing import cadence_bounds, label
from ..model.records import Body, CadenceRule, Meeting, Problem
from ._common import UNDECIDABLE, judge_count, problem

__all__ = ["cadence_rule", "meetings_of"]

RULE = "cadence"


def meetings_of(model: Model, body_id: str) -> list[Meeting]:
    """The recorded meetings of a body, by date (all of them, also on a date slice)."""
    graph = model.whole().graph
    found = [
        graph.nodes[source]["record"]
        for source, _b, kind in graph.in_edges(body_id, data="kind")
        if kind == "meeting_of"
    ]
    return sorted(found, key=lambda m: (m.date.sort_key(), m.id))


def _units(per: str, first: date, last: date) -> Iterator[tuple[str, date, date]]:
    """The calendar years or months from ``first`` to ``last``: (name, first day, last day)."""
    if per == "year":
        for year in range(first.year, last.year + 1):
            yield str(year), date(year, 1, 1), date(year, 12, 31)
        return
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = date(year + month // 12, month % 12 + 1, 1)
        yield f"{year:04d}-{month:02d}", date(year, month, 1), date.fromordinal(nxt.toordinal() - 1)
        year, month = nxt.year, nxt.month


def cadence_rule(model: Model) -> Iterator[Problem]:
    """Meetings per year (or month) against each body's cadence rules."""
    today = date.today()
    for body in model.records(Body):
        if not body.cadence:
            continue
        meetings = meetings_of(model, body.id)
        for rule in body.cadence:
            if not meetings:
                yield problem(
                    "info",
                    RULE,
                    [body.id],
                    f"No meetings recorded for {label(model, body.id)}: "
                    f"cannot check that it meets {cadence_bounds(rule)}",
                    body,
                    rule,
                )
                continue
            yield from _judge(model, body, rule, meetings, today)


def _judge(model: Model, body: Body, rule: CadenceRule, meetings: list[Meeting], today: date) -> Iterator[Problem]:
    first, last = meetings[0].date.earliest, max(m.date.latest for m in meetings)
    for name, start, end in _units(rule.per, first, last):
        if model.date is not None and not start <= model.date <= end:
            continue
        if end >= today or body.valid.active_throughout(Period.between(start, end)) is not Truth.YES:
            continue  # a year not over yet, or one the body lived only part of
        certain = [m for m in meetings if start <= m.date.earliest and m.date.latest <= end]
        possible = [m for m in meetings if m.date.latest >= start and m.date.earliest <= end]
        verdict = judge_count(len(certain), len(possible), minimum=rule.min_meetings, maximum=rule.max_meetings)
        if verdict == "ok":
            continue
        held = str(len(certain)) if len(certain) == len(possible) else f"between {len(certain)} and {len(possible)}"
        base = f"{label(model, body.id)} met {held} time(s) in {name}; its rule says {cadence_bounds(rule)}"
        ids = [body.id, *(m.id for m in possible)]
        if verdict == "undecidable":
            message = f"{UNDECIDABLE}: {base}, and some meeting dates are too coarse to place in {name}"
            yield problem("info", RULE, ids, message, body, rule, *possible)
        else:
            message = f"{base} ({'too few' if verdict == 'under' else 'too many'})"
            yield problem("warning", RULE, ids, message, body, rule, *possible)
