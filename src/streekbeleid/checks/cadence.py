"""Meeting cadence: does a body meet as often as its rule says (Taskforce Spitsregio Leuven: at least 6 a year)?

Judged for every year (or month) of the rule's whole period that lies wholly within the body's lifetime and in
the past: the years between its first and last recorded meeting, and the years of its lifetime before and after
them.  A year with too few or too many meetings is a warning; a year of the lifetime outside the recorded meetings
with none recorded is not a finding but a gap in the data, reported once per rule as "no meetings recorded in ..."
(an info); a body with a rule and no meetings recorded at all gets one "no meetings recorded".
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


def _span(body: Body, meetings: list[Meeting], today: date) -> tuple[date, date]:
    """The days to judge: the body's lifetime where its bounds are known (else the recorded meetings), to today."""
    first, last = meetings[0].date.earliest, max(m.date.latest for m in meetings)
    _s_lo, s_hi, e_lo, _e_hi = body.valid.ordinals()
    if date.min.toordinal() < s_hi < date.max.toordinal():
        first = min(first, date.fromordinal(s_hi))
    if date.min.toordinal() < e_lo < date.max.toordinal():
        last = max(last, date.fromordinal(e_lo))
    return first, min(last, today)


def _judge(model: Model, body: Body, rule: CadenceRule, meetings: list[Meeting], today: date) -> Iterator[Problem]:
    recorded_from, recorded_to = meetings[0].date.earliest, max(m.date.latest for m in meetings)
    first, last = _span(body, meetings, today)
    unrecorded: list[str] = []
    for name, start, end in _units(rule.per, first, last):
        if model.date is not None and not start <= model.date <= end:
            continue
        if end >= today or body.valid.active_throughout(Period.between(start, end)) is not Truth.YES:
            continue  # a year not over yet, or one the body lived only part of
        certain = [m for m in meetings if start <= m.date.earliest and m.date.latest <= end]
        possible = [m for m in meetings if m.date.latest >= start and m.date.earliest <= end]
        if not possible and (end < recorded_from or start > recorded_to):
            unrecorded.append(name)  # outside the recorded meetings: the data is silent, not the body
            continue
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
    if unrecorded:
        yield problem(
            "info",
            RULE,
            [body.id],
            f"No meetings recorded for {label(model, body.id)} in {', '.join(unrecorded)}, years of its lifetime "
            f"outside the recorded meetings: cannot check that it meets {cadence_bounds(rule)} then",
            body,
            rule,
        )
