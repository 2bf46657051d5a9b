"""Partial dates, date bounds and periods with three-valued answers.

A partial date (``2016``, ``2016-06``, ``2016-06-30``) covers a range of days.
Questions about time therefore have three answers: :data:`Truth.YES`,
:data:`Truth.NO` and :data:`Truth.UNCERTAIN`.  Nothing in this module treats
``2015`` as 1 January or 31 December.

A period's bound is one of:

- a partial date: ``2014``, ``2014-03``, ``2014-03-11``;
- ``..D``: on or before the partial date ``D`` (the latest it can be is known);
- ``D..``: on or after ``D`` (the earliest it can be is known);
- ``D..E``: between ``D`` and ``E`` (both ends known: "started between 2016-04-11 and September 2016" is
  ``2016-04-11..2016-09``);
- ``?``: unknown;
- open (``..`` or absent): the period has no bound on that side.

Periods are written ``START/END`` in the EDTF interval style, e.g.
``2014/2019``, ``2014-03-11/..`` and ``../2019``.

>>> p = Period.parse("2014/2019")
>>> p.active_on(date(2016, 6, 30))
<Truth.YES: 'yes'>
>>> p.active_on(date(2019, 6, 30))
<Truth.UNCERTAIN: 'uncertain'>
>>> p.active_on(date(2020, 1, 1))
<Truth.NO: 'no'>
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from datetime import date
from functools import lru_cache

from ..errors import InvalidValueError
from ..i18n import _

__all__ = ["Truth", "PartialDate", "DateBound", "Period", "parse_day"]

_MIN = date.min.toordinal()
_MAX = date.max.toordinal()

_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Truth(enum.Enum):
    """The answer to a question about time: yes, no, or uncertain."""

    YES = "yes"
    NO = "no"
    UNCERTAIN = "uncertain"

    @property
    def possible(self) -> bool:
        """True unless the answer is a certain no."""
        return self is not Truth.NO

    def __bool__(self) -> bool:
        raise TypeError("a Truth has three values; compare with Truth.YES, or use .possible")

    def __and__(self, other: Truth) -> Truth:
        if self is Truth.NO or other is Truth.NO:
            return Truth.NO
        if self is Truth.YES and other is Truth.YES:
            return Truth.YES
        return Truth.UNCERTAIN


def parse_day(value: date | str) -> date:
    """A full day from a :class:`datetime.date` or a ``YYYY-MM-DD`` string.

    >>> parse_day("2016-06-30")
    datetime.date(2016, 6, 30)
    """
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidValueError(_("expected a full day YYYY-MM-DD, got {value!r}").format(value=value)) from None


class PartialDate:
    """A date known to the year, the month or the day.

    >>> d = PartialDate.parse("2016-06")
    >>> d.earliest, d.latest
    (datetime.date(2016, 6, 1), datetime.date(2016, 6, 30))
    >>> str(d)
    '2016-06'
    """

    __slots__ = ("_hi", "_lo", "day", "month", "year")

    year: int
    month: int | None
    day: int | None
    _lo: int
    _hi: int

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise InvalidValueError(_("a partial date with a day needs a month"))
        if not 1 <= year <= 9999:
            raise InvalidValueError(_("year out of range: {year}").format(year=year))
        if month is not None and not 1 <= month <= 12:
            raise InvalidValueError(_("month out of range: {month}").format(month=month))
        if month is None:
            lo, hi = date(year, 1, 1), date(year, 12, 31)
        elif day is None:
            lo = date(year, month, 1)
            hi = date(year, month, calendar.monthrange(year, month)[1])
        else:
            try:
                lo = hi = date(year, month, day)
            except ValueError:  # a day out of range for the month
                raise InvalidValueError(
                    _("day out of range for the month: {year}-{month:02d}-{day:02d}").format(
                        year=year, month=month, day=day
                    )
                ) from None
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)
        object.__setattr__(self, "_lo", lo.toordinal())
        object.__setattr__(self, "_hi", hi.toordinal())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PartialDate is immutable")

    @classmethod
    def parse(cls, value: str | int | date | PartialDate) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (an int year or a date also do)."""
        if isinstance(value, PartialDate):
            return value
        return _parse_partial(value)

    @classmethod
    def from_date(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def earliest(self) -> date:
        """The first day the partial date may mean."""
        return date.fromordinal(self._lo)

    @property
    def latest(self) -> date:
        """The last day the partial date may mean."""
        return date.fromordinal(self._hi)

    def contains(self, day: date) -> bool:
        """Whether ``day`` is one of the days this partial date may mean."""
        return self._lo <= day.toordinal() <= self._hi

    def precedes(self, other: PartialDate) -> Truth:
        """Whether this date is strictly before ``other``.

        >>> PartialDate.parse("2015").precedes(PartialDate.parse("2015-06"))
        <Truth.UNCERTAIN: 'uncertain'>
        """
        if self._hi < other._lo:
            return Truth.YES
        if self._lo >= other._hi:
            return Truth.NO
        return Truth.UNCERTAIN

    def sort_key(self) -> tuple[int, int]:
        """A key for sorting (earliest day first, then the wider range last)."""
        return (self._lo, self._hi)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __reduce__(self) -> tuple[object, ...]:
        return (PartialDate.parse, (str(self),))


@lru_cache(maxsize=4096)
def _parse_partial(value: str | int | date) -> PartialDate:
    if isinstance(value, date):
        return PartialDate.from_date(value)
    if isinstance(value, bool):
        raise InvalidValueError(_("not a date: {value!r}").format(value=value))
    if isinstance(value, int):
        return PartialDate(value)
    if not isinstance(value, str):
        raise InvalidValueError(_("not a date: {value!r}").format(value=value))
    m = _PARTIAL_RE.match(value.strip())
    if not m:
        raise InvalidValueError(
            _("not a partial date: {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)").format(value=value)
        )
    y, mo, d = m.groups()
    return PartialDate(int(y), int(mo) if mo else None, int(d) if d else None)


class DateBound:
    """One end of a period: the range of days it may fall on.

    ``kind`` is ``"date"`` (a partial date), ``"not_after"`` (``..D``),
    ``"not_before"`` (``D..``), ``"between"`` (``D..E``: ``date`` is the earliest,
    ``upper`` the latest it can be), ``"unknown"`` (``?``) or ``"open"`` (no bound).

    >>> b = DateBound.parse("2016-04-11..2016-09")
    >>> b.kind, str(b.date), str(b.upper)
    ('between', '2016-04-11', '2016-09')
    >>> Period(b, OPEN).active_on(date(2016, 6, 1)), Period(b, OPEN).active_on(date(2016, 10, 1))
    (<Truth.UNCERTAIN: 'uncertain'>, <Truth.YES: 'yes'>)
    """

    __slots__ = ("_text", "date", "kind", "upper")

    kind: str
    date: PartialDate | None
    upper: PartialDate | None
    _text: str

    _KINDS = ("date", "not_after", "not_before", "between", "unknown", "open")

    def __init__(self, kind: str, value: PartialDate | None = None, upper: PartialDate | None = None) -> None:
        if kind not in self._KINDS:
            raise InvalidValueError(_("unknown bound kind {kind!r}").format(kind=kind))
        if (value is None) != (kind in ("unknown", "open")):
            raise InvalidValueError(
                (
                    _("a bound of kind {kind!r} needs a date")
                    if value is None
                    else _("a bound of kind {kind!r} takes no date")
                ).format(kind=kind)
            )
        if (upper is None) == (kind == "between"):
            raise InvalidValueError(
                (
                    _("a bound of kind {kind!r} needs an upper date")
                    if upper is None
                    else _("a bound of kind {kind!r} takes no upper date")
                ).format(kind=kind)
            )
        if value is not None and upper is not None and upper._hi < value._lo:
            raise InvalidValueError(
                _("a bound between {earliest} and {latest}: the latest date comes before the earliest").format(
                    earliest=value, latest=upper
                )
            )
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "date", value)
        object.__setattr__(self, "upper", upper)
        text = {
            "date": str(value),
            "not_after": f"..{value}",
            "not_before": f"{value}..",
            "between": f"{value}..{upper}",
            "unknown": "?",
            "open": "..",
        }[kind]
        object.__setattr__(self, "_text", text)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("DateBound is immutable")

    @classmethod
    def parse(cls, value: str | int | _dt.date | PartialDate | DateBound | None) -> DateBound:
        """Parse a bound: ``2014``, ``..2017-02-06``, ``2017-02-06..``, ``2016-04-11..2016-09``
        (between), ``?`` or ``..``/None."""
        if isinstance(value, DateBound):
            return value
        if value is None:
            return OPEN
        if isinstance(value, (PartialDate, int, _dt.date)) and not isinstance(value, bool):
            return cls("date", PartialDate.parse(value))
        if not isinstance(value, str):
            raise InvalidValueError(_("not a date bound: {value!r}").format(value=value))
        return _parse_bound(value)

    def range(self, side: str) -> tuple[int, int]:
        """The earliest and latest day (as ordinals) this bound may fall on.

        An open bound is certain: minus infinity as a start, plus infinity as an end.
        """
        d = self.date
        if self.kind == "date":
            assert d is not None
            return d._lo, d._hi
        if self.kind == "not_after":
            assert d is not None
            return _MIN, d._hi
        if self.kind == "not_before":
            assert d is not None
            return d._lo, _MAX
        if self.kind == "between":
            assert d is not None and self.upper is not None
            return d._lo, self.upper._hi
        if self.kind == "unknown":
            return _MIN, _MAX
        return (_MIN, _MIN) if side == "start" else (_MAX, _MAX)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"DateBound({self._text!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DateBound):
            return NotImplemented
        return self._text == other._text

    def __hash__(self) -> int:
        return hash(self._text)

    def __reduce__(self) -> tuple[object, ...]:
        return (DateBound.parse, (self._text,))


@lru_cache(maxsize=4096)
def _parse_bound(text: str) -> DateBound:
    t = text.strip()
    if t in ("", ".."):
        return OPEN
    if t == "?":
        return UNKNOWN
    if t.startswith(".."):
        return DateBound("not_after", _parse_partial(t[2:]))
    if t.endswith(".."):
        return DateBound("not_before", _parse_partial(t[:-2]))
    if ".." in t:
        low, _dots, high = t.partition("..")
        return DateBound("between", _parse_partial(low), _parse_partial(high))
    return DateBound("date", _parse_partial(t))


OPEN = DateBound("open")
UNKNOWN = DateBound("unknown")


class Period:
    """A span of time between two :class:`DateBound` s, both ends inclusive.

    >>> Period.parse("2014-03-11/..").active_on(date(2030, 1, 1))
    <Truth.YES: 'yes'>
    >>> Period.parse("?/2019").active_on(date(2016, 1, 1))
    <Truth.UNCERTAIN: 'uncertain'>

    Periods are immutable and interned: parsing the same text twice gives the
    same object, so a million memberships share a handful of periods.
    """

    __slots__ = ("__weakref__", "_e_hi", "_e_lo", "_hash", "_s_hi", "_s_lo", "end", "start")

    start: DateBound
    end: DateBound
    _s_lo: int
    _s_hi: int
    _e_lo: int
    _e_hi: int
    _hash: int

    def __init__(self, start: DateBound | None = None, end: DateBound | None = None) -> None:
        start = start if start is not None else OPEN
        end = end if end is not None else OPEN
        s_lo, s_hi = start.range("start")
        e_lo, e_hi = end.range("end")
        for name, value in (
            ("start", start),
            ("end", end),
            ("_s_lo", s_lo),
            ("_s_hi", s_hi),
            ("_e_lo", e_lo),
            ("_e_hi", e_hi),
            ("_hash", hash((start, end))),
        ):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Period is immutable")

    @classmethod
    def parse(cls, value: str | dict[str, object] | Period | None) -> Period:
        """Parse ``"START/END"``, a single partial date, or ``{"start": ..., "end": ...}``.

        A single partial date (``"2016-06"``) is a period that starts and ends within it.
        """
        if isinstance(value, Period):
            return value
        if value is None:
            return ALWAYS
        if isinstance(value, dict):
            extra = set(value) - {"start", "end"}
            if extra:
                raise InvalidValueError(
                    _("unexpected key(s) in a period: {keys}").format(keys=", ".join(sorted(extra)))
                )
            s, e = value.get("start"), value.get("end")
            return _intern(DateBound.parse(s), DateBound.parse(e))  # type: ignore[arg-type]
        if isinstance(value, (int, date)) and not isinstance(value, bool):
            b = DateBound.parse(value)
            return _intern(b, b)
        if not isinstance(value, str):
            raise InvalidValueError(_("not a period: {value!r}").format(value=value))
        return _parse_period(value)

    @classmethod
    def between(cls, start: object = None, end: object = None) -> Period:
        """A period from two bounds given in any form :meth:`DateBound.parse` takes."""
        return _intern(DateBound.parse(start), DateBound.parse(end))  # type: ignore[arg-type]

    @classmethod
    def on(cls, day: object) -> Period:
        """The period of a single (partial) date, e.g. a meeting."""
        b = DateBound.parse(day)  # type: ignore[arg-type]
        return _intern(b, b)

    @classmethod
    def since(cls, day: object) -> Period:
        """From a (partial) date on, with no end: e.g. a decision that stands."""
        return _intern(DateBound.parse(day), OPEN)  # type: ignore[arg-type]

    @property
    def is_always(self) -> bool:
        return self.start is OPEN and self.end is OPEN

    def active_on(self, day: date) -> Truth:
        """Whether the period covers ``day``: yes, no, or uncertain."""
        d = day.toordinal()
        if self._s_hi <= d <= self._e_lo:
            return Truth.YES
        if d < self._s_lo or d > self._e_hi:
            return Truth.NO
        return Truth.UNCERTAIN

    def active_throughout(self, other: Period) -> Truth:
        """Whether this period covers every day of ``other``."""
        if self._s_hi <= other._s_lo and other._e_hi <= self._e_lo:
            return Truth.YES
        if self._s_lo > other._s_hi or self._e_hi < other._e_lo:
            return Truth.NO
        return Truth.UNCERTAIN

    def overlaps(self, other: Period) -> Truth:
        """Whether the two periods share at least one day."""
        # certain overlap: the latest possible start comes before the earliest possible end of both
        if max(self._s_hi, other._s_hi) <= min(self._e_lo, other._e_lo):
            return Truth.YES
        if max(self._s_lo, other._s_lo) > min(self._e_hi, other._e_hi):
            return Truth.NO
        return Truth.UNCERTAIN

    def ends_before_start(self) -> Truth:
        """Whether the end precedes the start (a data error when certain).

        A period within one partial date (a meeting in ``2024-12``) is one event: its end cannot precede its start.
        """
        if self.start.kind == "date" and self.start == self.end:
            return Truth.NO
        if self._e_hi < self._s_lo:
            return Truth.YES
        if self._e_lo >= self._s_hi:
            return Truth.NO
        return Truth.UNCERTAIN

    def ordinals(self) -> tuple[int, int, int, int]:
        """Earliest and latest start, earliest and latest end, as day ordinals."""
        return self._s_lo, self._s_hi, self._e_lo, self._e_hi

    def __str__(self) -> str:
        return f"{self.start._text}/{self.end._text}"

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if self is other:  # interned: the common case, and writers compare every period with the default
            return True
        if not isinstance(other, Period):
            return NotImplemented
        return self._hash == other._hash and self.start._text == other.start._text and self.end._text == other.end._text

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[object, ...]:
        # unpickled periods are interned again: ``valid is ALWAYS`` holds after a round trip
        return (Period.parse, (str(self),))


@lru_cache(maxsize=65536)
def _intern(start: DateBound, end: DateBound) -> Period:
    return Period(start, end)


@lru_cache(maxsize=65536)
def _parse_period(text: str) -> Period:
    t = text.strip()
    if "/" in t:
        s, _slash, e = t.partition("/")
        if "/" in e:
            raise InvalidValueError(_("not a period: {text!r} (one '/' between start and end)").format(text=text))
        return _intern(_parse_bound(s), _parse_bound(e))
    b = _parse_bound(t)
    if b.kind != "date":
        raise InvalidValueError(_("not a period: {text!r} (expected START/END, e.g. 2014/2019)").format(text=text))
    return _intern(b, b)


ALWAYS = _intern(OPEN, OPEN)
