"""What the rules share: judging one period inside another with three values, and building problems."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ..i18n import _
from ..model.dates import DateBound, Period, Truth
from ..model.records import Problem
from ..queries.provenance import sources_of

__all__ = ["Containment", "containment", "judge_count", "problem", "undated", "undecidable", "UNDECIDABLE"]

Containment = Literal["inside", "partly outside", "outside", "undecidable"]

#: Messages of problems that a rule cannot decide start with this word (in English; ``Onbeslisbaar`` in Dutch).
UNDECIDABLE = "Undecidable"


def undecidable(finding: str) -> str:
    """The message of a problem a rule cannot decide, in the language in use: ``Undecidable: {finding}``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     undecidable("x")
    'Onbeslisbaar: x'
    """
    return _("Undecidable: {finding}").format(finding=finding)


def containment(outer: Period, inner: Period) -> Containment:
    """Whether ``inner`` lies within ``outer``: inside, partly outside, outside, or undecidable.

    Each end is judged on its own.  Undecidable means the dates allow both
    answers (a membership of ``2019`` in a body that ended ``2019-06``).  An
    end written the same way in both (``..2016-04``) is read as the same moment,
    since that is what a source means by giving one date for both; an end that
    is unknown (``?``) on either side claims nothing, so it cannot break the rule.

    >>> containment(Period.parse("2016/2020"), Period.parse("2017/2018"))
    'inside'
    >>> containment(Period.parse("2016/2020"), Period.parse("2019/2021"))
    'partly outside'
    >>> containment(Period.parse("2016-06/2020"), Period.parse("2016/2018"))
    'undecidable'
    >>> containment(Period.parse("..2016-04/?"), Period.parse("2017-02-06"))
    'inside'
    """
    o_slo, o_shi, o_elo, o_ehi = outer.ordinals()
    i_slo, i_shi, i_elo, i_ehi = inner.ordinals()
    start = _side(_same(outer.start, inner.start) or o_shi <= i_slo, o_slo > i_shi)
    end = _side(_same(outer.end, inner.end) or i_ehi <= o_elo, o_ehi < i_elo)
    throughout = start & end
    if throughout is Truth.YES:
        return "inside"
    if throughout is Truth.UNCERTAIN:
        return "undecidable"
    return "outside" if outer.overlaps(inner) is Truth.NO else "partly outside"


def _side(within: bool, beyond: bool) -> Truth:
    return Truth.YES if within else Truth.NO if beyond else Truth.UNCERTAIN


def _same(a: DateBound, b: DateBound) -> bool:
    return a == b or "unknown" in (a.kind, b.kind)


def undated(period: Period) -> bool:
    """Whether a period says nothing about time (both ends open or unknown): such a fact claims no time."""
    return period.start.kind in ("open", "unknown") and period.end.kind in ("open", "unknown")


def problem(
    severity: Literal["error", "warning", "info"],
    rule: str,
    ids: Iterable[str],
    message: str,
    *records: Any,
) -> Problem:
    """A :class:`~streekbeleid.Problem` whose sources are those of ``records``."""
    return Problem(
        severity=severity, rule=rule, ids=tuple(dict.fromkeys(ids)), message=message, sources=sources_of(*records)
    )


def judge_count(
    certain: int,
    possible: int,
    *,
    exact: int | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
) -> Literal["ok", "over", "under", "undecidable"]:
    """Judge a count known to lie between ``certain`` and ``possible`` against a rule.

    ``over`` or ``under`` only when every possible count breaks the rule;
    ``undecidable`` when some counts keep it and others break it.

    >>> judge_count(7, 7, exact=8), judge_count(6, 9, exact=8), judge_count(3, 5, minimum=6)
    ('under', 'undecidable', 'under')
    """
    low = max((v for v in (exact, minimum) if v is not None), default=None)
    high = min((v for v in (exact, maximum) if v is not None), default=None)
    if high is not None and certain > high:
        return "over"
    if low is not None and possible < low:
        return "under"
    if (high is not None and possible > high) or (low is not None and certain < low):
        return "undecidable"
    return "ok"
