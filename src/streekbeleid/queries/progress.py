"""How far a plan has come, from the indicators of its items (IATI results, Decidim accountability).

Each indicator gives the share of its target reached in the period that holds the day asked about; an item's
share is the mean of its own indicators, or else the weighted mean of its children's; the plan's is the weighted
mean of its top items. Every share is a range ``low``-``high`` within 0-1: an actual that is not recorded is
unknown (0-1), never 0, and a parent over partly unknown children carries the range and says for how many of its
indicators the status is known. docs/progress.md gives the rules in full.

>>> from streekbeleid import Indicator, IndicatorPeriod, Period, Plan, PlanItem
>>> from streekbeleid.testing import build_model
>>> term = Period.parse("2014/2016")
>>> jobs = Indicator(name="jobs", periods=[IndicatorPeriod(valid=term, target="200", actual="150")])
>>> fair = Indicator(name="job fairs", periods=[IndicatorPeriod(valid=term, target="4")])
>>> pact = Plan(id="x:pact", name="Pact", kind="streekpact", items=[
...     PlanItem(id="x:a1", kind="action", name="Jobs", indicators=[jobs], weight=3),
...     PlanItem(id="x:a2", kind="action", name="Fairs", indicators=[fair]),
...     PlanItem(id="x:a3", kind="action", name="Website")])
>>> found = progress(build_model(pact, catalogue=False), "x:pact", on="2015-07-01")
>>> [(i.id, i.status.value, i.low, i.high) for i in found.items]
[('x:a1', 'on_track', 0.75, 0.75), ('x:a2', 'unknown', 0.0, 1.0), ('x:a3', 'not_recorded', None, None)]
>>> r = found.root
>>> r.status.value, round(r.low, 4), round(r.high, 4), r.known, r.total, r.unrecorded
('unknown', 0.5625, 0.8125, 1, 2, 1)
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ..i18n import N_, _, ngettext, pgettext
from ..model.dates import Period, Truth, parse_day
from ..model.model import Model
from ..model.phrasing import kind_label, period_words
from ..model.records import Indicator, IndicatorPeriod, Plan, PlanItem
from ..model.table import Column, Ref, Table, Tabular
from ._util import day_of, expect

__all__ = [
    "IndicatorProgress",
    "ItemProgress",
    "Percent",
    "Progress",
    "Status",
    "combine",
    "indicator_detail",
    "indicator_progress",
    "item_detail",
    "progress",
    "read_number",
    "reason_text",
    "status_label",
]


class Status(enum.StrEnum):
    """Where an item stands: JSON keeps the code, a person reads it in words (``str``)."""

    DONE = "done"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    UNKNOWN = "unknown"
    NOT_RECORDED = "not_recorded"

    def __str__(self) -> str:
        return status_label(self)


def status_label(status: Status) -> str:
    """A status in the language in use: ``behind`` -> ``achter``."""
    return {
        Status.DONE: pgettext("progress", "done"),
        Status.ON_TRACK: pgettext("progress", "on track"),
        Status.BEHIND: pgettext("progress", "behind"),
        Status.NOT_STARTED: pgettext("progress", "not started"),
        Status.UNKNOWN: pgettext("progress", "unknown"),
        Status.NOT_RECORDED: pgettext("progress", "not recorded"),
    }[status]


#: Why an indicator gives no exact share (codes for JSON; :func:`reason_text` words them).
REASONS = (
    "no_period",
    "no_target",
    "no_actual",
    "not_a_number",
    "qualitative",
    "comparison_only",
    "open_period",
)


def reason_text(reason: str) -> str:
    """Why an indicator gives no exact share or status, in the language in use."""
    return {
        "no_period": _("no period with a target"),
        "no_target": _("no target recorded"),
        "no_actual": _("no actual recorded"),
        "not_a_number": _("target, actual or baseline is not a number"),
        "qualitative": _("a qualitative or nominal indicator gives no ratio"),
        "comparison_only": _(
            "only whether the target is reached can be told (ordinal, or lower is better without a baseline)"
        ),
        "open_period": _("the period's start or end is not a date, so no pace can be expected"),
    }[reason]


class Percent(float):
    """A share (0.75) that a person reads as ``75%``; JSON and spreadsheets keep the number."""

    def __str__(self) -> str:
        # rounded down, so 99.9% of a target never reads as 100%
        return f"{math.floor(round(float(self) * 100, 6))}%"


class _Kind(str):
    """A record kind: JSON keeps the code, a person reads it in words."""

    __slots__ = ()

    def __str__(self) -> str:
        return kind_label(str.__str__(self)) if str.__str__(self) != "indicator" else _("indicator")


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def read_number(text: str | None) -> Decimal | None:
    """A target, actual or baseline as a number, or None when it is not one without guessing.

    ``12,5`` and ``12.5`` are both 12.5 and a trailing ``%`` is dropped; ``1.000`` or ``1,000`` could be a
    thousand or one, so it is not read.

    >>> read_number("150"), read_number("12,5 %"), read_number("1.000"), read_number("about 40")
    (Decimal('150'), Decimal('12.5'), None, None)
    """
    if text is None:
        return None
    t = text.strip().removesuffix("%").strip()
    if not _NUMBER.match(t) or re.search(r"[.,]\d{3}$", t):
        return None
    try:
        return Decimal(t.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


@attrs.frozen(kw_only=True)
class IndicatorProgress:
    """One indicator on a day: the period used, its share of the target and its status.

    ``share`` is the exact ratio (above 1 when the target is passed, below 0 when worse than the baseline), None
    when it cannot be computed; ``low``/``high`` bound the share capped to 0-1 (0-1 when unknown), both None when
    the indicator has not started; ``expected`` is the part of the period gone by on the day; ``reason`` says
    why no exact share or status could be given.
    """

    item: str
    indicator: Indicator
    period: IndicatorPeriod | None
    status: Status
    share: float | None = None
    low: float | None = None
    high: float | None = None
    expected: float | None = None
    reason: str | None = None

    @property
    def known(self) -> bool:
        return self.status is not Status.UNKNOWN


@attrs.frozen(kw_only=True)
class ItemProgress:
    """An item (or the plan) on a day: its status, its share as a range, and how much of it is known.

    ``own`` are its own indicators; ``children`` its items. ``known`` of ``total`` indicators under it (its own,
    or else its children's) have a known status; ``unrecorded`` children have no indicators and are left out
    (none when its own indicators measure it).
    """

    id: str
    record: Plan | PlanItem = attrs.field(repr=False)
    depth: int
    weight: int
    status: Status
    low: float | None
    high: float | None
    known: int
    total: int
    unrecorded: int
    own: tuple[IndicatorProgress, ...] = ()
    children: tuple[ItemProgress, ...] = ()

    @property
    def exact(self) -> bool:
        """Whether the share is one number rather than a range."""
        return self.low is not None and self.low == self.high

    def walk(self) -> Iterator[ItemProgress]:
        """This item and every item below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def _elapsed(valid: Period, on: dt.date) -> float | None:
    """The part of a period gone by on ``on`` (0-1), None unless both ends are dates (``2014``, ``2016-06-30``).

    A start written ``2014`` is read as 1 January, an end written ``2016`` as 31 December.
    """
    if valid.start.kind != "date" or valid.end.kind != "date":
        return None
    first, _s_hi, _e_lo, last = valid.ordinals()
    return min(1.0, max(0.0, (on.toordinal() - first + 1) / (last - first + 1)))


def _choose(ind: Indicator, on: dt.date) -> tuple[IndicatorPeriod | None, bool]:
    """The period holding ``on`` (or, after them all, the last one), and whether every period is still ahead."""
    day = on.toordinal()
    holding = [p for p in ind.periods if p.valid.active_on(on) is Truth.YES]
    if not holding:
        holding = [p for p in ind.periods if p.valid.active_on(on) is Truth.UNCERTAIN]
    if holding:
        return holding[0], False
    ended = [p for p in ind.periods if p.valid.ordinals()[3] < day]
    if ended:
        return max(ended, key=lambda p: p.valid.ordinals()[3]), False
    return None, bool(ind.periods)


def indicator_progress(item_id: str, ind: Indicator, on: dt.date | str) -> IndicatorProgress:
    """The share and status of one indicator on a day (see the module's description and docs/progress.md)."""
    day = parse_day(on)
    period, ahead = _choose(ind, day)

    def result(status: Status, low: float | None, high: float | None, **more: Any) -> IndicatorProgress:
        return IndicatorProgress(item=item_id, indicator=ind, period=period, status=status, low=low, high=high, **more)

    if period is None:
        if ahead:
            return result(Status.NOT_STARTED, None, None)
        return result(Status.UNKNOWN, 0.0, 1.0, reason="no_period")
    reason = _unreadable(ind, period)
    if reason:
        return result(Status.UNKNOWN, 0.0, 1.0, reason=reason)
    target, actual = read_number(period.target), read_number(period.actual)
    base = read_number(ind.baseline.value) if ind.baseline is not None else None
    assert target is not None and actual is not None  # _unreadable said so
    expected = _elapsed(period.valid, day)
    ended = period.valid.ordinals()[3] < day.toordinal()
    if ind.measure == "ordinal" or (base is None and not ind.ascending) or base == target:
        if (actual >= target) if ind.ascending else (actual <= target):
            return result(Status.DONE, 1.0, 1.0, expected=expected)
        status = Status.BEHIND if ended else Status.UNKNOWN
        return result(status, 0.0, 1.0, expected=expected, reason="comparison_only")
    share = float((actual - (base or 0)) / (target - (base or 0)))
    capped = min(1.0, max(0.0, share))
    if capped >= 1.0:
        status = Status.DONE
    elif ended:
        status = Status.BEHIND
    elif expected is None:
        status = Status.UNKNOWN
    else:
        status = Status.ON_TRACK if capped >= expected else Status.BEHIND
    reason = "open_period" if status is Status.UNKNOWN else None
    return result(status, capped, capped, share=share, expected=expected, reason=reason)


def _unreadable(ind: Indicator, period: IndicatorPeriod) -> str | None:
    """Why an indicator's period gives no figure at all, or None when it does."""
    if ind.measure in ("qualitative", "nominal"):
        return "qualitative"
    if period.target is None:
        return "no_target"
    if period.actual is None:
        return "no_actual"
    if read_number(period.target) is None or read_number(period.actual) is None:
        return "not_a_number"
    if ind.baseline is not None and read_number(ind.baseline.value) is None:
        return "not_a_number"
    return None


def combine(statuses: Sequence[Status]) -> Status:
    """The status of a parent from its parts' (not recorded parts left out): done when all are done, not started
    when none has started, behind when any is, else unknown when any is, else on track."""
    parts = [s for s in statuses if s is not Status.NOT_RECORDED]
    if not parts:
        return Status.NOT_RECORDED
    for status in (Status.DONE, Status.NOT_STARTED):
        if all(s is status for s in parts):
            return status
    for status in (Status.BEHIND, Status.UNKNOWN):
        if status in parts:
            return status
    return Status.ON_TRACK


def _mean(parts: Sequence[tuple[int, float | None, float | None]]) -> tuple[float | None, float | None]:
    """The weighted mean of ranges ``(weight, low, high)``; parts with no share (not started) are left out."""
    shared = [(w, lo, hi) for w, lo, hi in parts if lo is not None and hi is not None]
    if not shared:
        return None, None
    total = sum(w for w, _lo, _hi in shared)
    return sum(w * lo for w, lo, _hi in shared) / total, sum(w * hi for w, _lo, hi in shared) / total


def _item(record: Plan | PlanItem, depth: int, on: dt.date) -> ItemProgress:
    children = tuple(_item(c, depth + 1, on) for c in record.items)
    measured = [c for c in children if c.status is not Status.NOT_RECORDED]
    indicators = record.indicators if isinstance(record, PlanItem) else ()
    own = tuple(indicator_progress(record.id, ind, on) for ind in indicators)
    weight = (record.weight if isinstance(record, PlanItem) else None) or 1
    unrecorded = 0 if own else len(children) - len(measured)
    if own:
        low, high = _mean([(1, i.low, i.high) for i in own])
        status = combine([i.status for i in own])
        known, total = sum(i.known for i in own), len(own)
    else:
        low, high = _mean([(c.weight, c.low, c.high) for c in measured])
        status = combine([c.status for c in measured])
        known, total = sum(c.known for c in measured), sum(c.total for c in measured)
    return ItemProgress(
        id=record.id,
        record=record,
        depth=depth,
        weight=weight,
        status=status,
        low=low,
        high=high,
        known=known,
        total=total,
        unrecorded=unrecorded,
        own=own,
        children=children,
    )


@attrs.frozen
class Progress(Tabular):
    """The progress of a plan on a day: ``root`` is the plan, ``items`` every item depth first."""

    plan: Plan
    on: dt.date
    root: ItemProgress
    model: Any = attrs.field(default=None, eq=False, repr=False)

    @property
    def items(self) -> tuple[ItemProgress, ...]:
        """Every item of the plan, depth first (the plan itself left out)."""
        return tuple(self.root.walk())[1:]

    def of(self, item_id: str) -> ItemProgress:
        """The progress of one item (or of the plan, by its id)."""
        for found in self.root.walk():
            if found.id == item_id:
                return found
        raise KeyError(item_id)

    @property
    def recorded(self) -> bool:
        """Whether any item of the plan has an indicator."""
        return self.root.status is not Status.NOT_RECORDED

    def table(self) -> Table:
        columns = [
            Column("number", N_("number")),
            Column("kind", N_("kind")),
            Column("item", N_("item")),
            Column("indicator", N_("indicator")),
            Column("weight", N_("weight")),
            Column("status", N_("status")),
            Column("low", N_("at least")),
            Column("high", N_("at most")),
            Column("known", N_("known")),
            Column("of", N_("of")),
            Column("detail", N_("detail")),
        ]
        rows: list[tuple[Any, ...]] = []
        for item in self.root.walk():
            record = item.record
            ref = Ref(item.id, record.name)
            number = record.number if isinstance(record, PlanItem) else None
            kind = _Kind(record.kind if isinstance(record, PlanItem) else "plan")
            weight = item.weight if isinstance(record, PlanItem) else None
            counts = (item.known, item.total) if item.total else (None, None)
            share = _percents(item.low, item.high)
            rows.append((number, kind, ref, None, weight, item.status, *share, *counts, item_detail(item)))
            for ind in item.own:
                head = (number, _Kind("indicator"), ref, ind.indicator.name, None, ind.status)
                rows.append((*head, *_percents(ind.low, ind.high), int(ind.known), 1, indicator_detail(ind)))
        return Table(columns, rows)


def _percents(low: float | None, high: float | None) -> tuple[Percent | None, Percent | None]:
    return (None if low is None else Percent(low)), (None if high is None else Percent(high))


def item_detail(item: ItemProgress) -> str:
    """What a person should know about an item's figure: how much is known, what is left out."""
    bits = []
    if item.total and item.known < item.total:
        bits.append(
            ngettext(
                "status known for {k} of {n} indicator", "status known for {k} of {n} indicators", item.total
            ).format(k=item.known, n=item.total)
        )
    if item.unrecorded and item.status is not Status.NOT_RECORDED:
        bits.append(
            ngettext(
                "{n} part without indicators left out", "{n} parts without indicators left out", item.unrecorded
            ).format(n=item.unrecorded)
        )
    if item.status is Status.NOT_RECORDED:
        bits.append(_("no indicators"))
    return "; ".join(bits)


def indicator_detail(ind: IndicatorProgress) -> str:
    """The period, target, actual and baseline of an indicator, and why its figure is not exact."""
    bits = []
    if ind.period is not None:
        bits.append(
            _("{period}: target {target}, actual {actual}").format(
                period=period_words(ind.period.valid),
                target=ind.period.target or "–",
                actual=ind.period.actual or "–",
            )
        )
    if ind.indicator.baseline is not None:
        b = ind.indicator.baseline
        bits.append(_("baseline {value} ({year})").format(value=b.value, year=b.year))
    if not ind.indicator.ascending:
        bits.append(_("lower is better"))
    if ind.share is not None and not 0 <= ind.share <= 1:
        bits.append(_("exactly {share}").format(share=Percent(ind.share)))
    if ind.reason:
        bits.append(reason_text(ind.reason))
    return "; ".join(bits)


def progress(model: Model, plan_id: str, *, on: dt.date | str | None = None) -> Progress:
    """The progress of plan ``plan_id`` on day ``on`` (today when None), from the indicators of its items."""
    plan = expect(model, plan_id, Plan, N_("a plan"))
    day = day_of(model, on) or dt.date.today()
    return Progress(plan, day, _item(plan, 0, day), model)
