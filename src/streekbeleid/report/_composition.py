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


def count_status(certain: int, possible: int, *, exact: int | None, minimum: int | None) -> str:
    """How seats filled compare with a rule: ``ok``, ``over`` (certainly more seats than the rule gives),
    ``uncertain`` (the members' dates allow both), ``fewer`` (fewer members recorded than the rule gives:
    vacant seats or members not recorded, a gap rather than a breach) or ``no count``.

    >>> count_status(3, 3, exact=4, minimum=None), count_status(0, 4, exact=4, minimum=None)
    ('fewer', 'uncertain')
    """
    low = exact if exact is not None else minimum
    if low is None:
        return "no count"
    if exact is not None and certain > exact:
        return "over"
    if certain >= low and (exact is None or possible <= exact):
        return "ok"
    if possible >= low:
        return "uncertain"
    return "fewer"


def group_status(group: GroupCount) -> str:
    """The status of a seat group on a day (:func:`count_status`), or ``no rule`` when the body has none of its name."""
    rule = group.rule
    if rule is None:
        return "no rule"
    return count_status(group.certain, group.possible, exact=rule.seats, minimum=rule.min_seats)
