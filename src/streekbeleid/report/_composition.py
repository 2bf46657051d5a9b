"""A body's composition by seat group set against its rules: the day to show, and how to judge a group.

The counting itself is :func:`streekbeleid.queries.composition`; this module
picks the day when none is given and words the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..model.dates import Truth
from ..model.records import Membership
from ..queries import GroupCount

__all__ = ["composition_day", "group_status"]


def composition_day(memberships: Sequence[Membership]) -> date | None:
    """The day on which the most seats of a body are certainly filled (the body's best-known moment).

    Candidates are the first days each membership certainly holds; ties go to the later day.
    """
    floor = date(1900, 1, 1).toordinal()
    candidates = {
        max(s_hi, floor) for _s_lo, s_hi, e_lo, _e_hi in (m.valid.ordinals() for m in memberships) if s_hi <= e_lo
    }
    best: tuple[int, int] | None = None
    for day in sorted(candidates):
        d = date.fromordinal(day)
        seats = sum(m.seats for m in memberships if m.valid.active_on(d) is Truth.YES)
        if best is None or seats >= best[0]:
            best = (seats, day)
    return date.fromordinal(best[1]) if best else None


def group_status(group: GroupCount) -> str:
    """``ok``, ``short``, ``over``, ``uncertain`` (the dates allow both), ``no count`` or ``no rule``."""
    rule = group.rule
    if rule is None:
        return "no rule"
    if rule.seats is None and rule.min_seats is None:
        return "no count"
    low = rule.seats if rule.seats is not None else rule.min_seats
    assert low is not None
    if rule.seats is not None and group.certain > rule.seats:
        return "over"
    if group.certain >= low and (rule.seats is None or group.possible <= rule.seats):
        return "ok"
    if group.possible >= low:
        return "uncertain"
    return "short"
