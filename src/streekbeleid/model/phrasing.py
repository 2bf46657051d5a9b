"""Every phrase a person reads about a record, written once: names, seat rules, meeting cadences, periods, dates.

The checks, the queries, the exports, the report, ``streekbeleid show`` and the
workflow guards all word these things through this module, so a change of
wording (or, later, a translation: each function below returns one phrase and is
the one place to wrap it) is made here and nowhere else.

Where two users worded the same thing differently before this module existed,
both wordings are kept, each under its own name or keyword, so their output did
not change; the docstrings say which is which.

>>> from streekbeleid.model.records import CadenceRule, SeatGroup
>>> seat_count(SeatGroup(name="employers", min_seats=4))
'at least 4 seats'
>>> seat_rule(SeatGroup(name="chair", seats=1, voting=True))
'1 seat, voting'
>>> cadence_text(CadenceRule(min_meetings=6))
'at least 6 times a year'
>>> period_words(Period.parse("2014/2019")), period_notation(Period.parse("2014/2019"))  # in English
('from 2014 to 2019', '2014/2019')
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import UnknownIdError
from ..i18n import _, pgettext
from .dates import DateBound, PartialDate, Period

if TYPE_CHECKING:
    from .model import Model
    from .records import CadenceRule, SeatGroup

__all__ = [
    "bound_words",
    "cadence_bounds",
    "cadence_text",
    "date_text",
    "day_words",
    "label",
    "name",
    "period_notation",
    "period_words",
    "record_name",
    "record_short_name",
    "seat_count",
    "seat_count_short",
    "seat_rule",
    "short_name",
    "span_text",
    "when",
]

_MIN_ORDINAL = date.min.toordinal()
_MAX_ORDINAL = date.max.toordinal()


# ---------------------------------------------------------------- names


def _record(model: Model, record_id: str) -> Any | None:
    """The record with this id in the whole model (a slice's date or region does not hide it), or None."""
    try:
        return model.whole().get(record_id)
    except UnknownIdError:
        return None


def record_name(record: Any, fallback: str = "") -> str:
    """A record's own name: its ``name``, else its ``label`` (a post, a membership), else ``fallback``."""
    return str(getattr(record, "name", None) or getattr(record, "label", None) or fallback)


def name(model: Model, record_id: str | None) -> str:
    """The readable name of an id: ``RESOC Limburg``; the id itself when it has no name or is unknown.

    ``""`` for no id.  The record is looked up in the whole model.
    """
    if record_id is None:
        return ""
    return record_name(_record(model, record_id), record_id)


def label(model: Model, record_id: str) -> str:
    """``RESOC Limburg (limburg:resoc)``: the name with the id, or the bare id when there is no name."""
    found = record_name(_record(model, record_id))
    return f"{found} ({record_id})" if found else record_id


def record_short_name(record: Any, fallback: str = "") -> str:
    """A record's shortest name: its ``abbreviation`` (``VOKA``), else its ``name``, else ``fallback``."""
    return str(getattr(record, "abbreviation", None) or getattr(record, "name", None) or fallback)


def short_name(model: Model, record_id: str) -> str:
    """The shortest readable name of an id (:func:`record_short_name`), or the id itself."""
    return record_short_name(_record(model, record_id), record_id)


# ---------------------------------------------------------------- seat rules


def seat_count(group: SeatGroup) -> str | None:
    """How many seats a seat group has: ``8 seats``, ``at least 8 seats``; None when the rules do not say.

    The number is always followed by ``seats`` (``1 seats``), as ``check``, ``members`` and ``show`` print it.
    """
    if group.seats is not None:
        return f"{group.seats} seats"
    if group.min_seats is not None:
        return f"at least {group.min_seats} seats"
    return None


def seat_count_short(group: SeatGroup) -> str | None:
    """The seat count in a list of groups: ``8``, ``>=4``; None when the rules do not say."""
    if group.seats is not None:
        return str(group.seats)
    if group.min_seats is not None:
        return f">={group.min_seats}"
    return None


def _seats(n: int) -> str:
    return f"{n} seat" if n == 1 else f"{n} seats"


def seat_rule(group: SeatGroup | None) -> str:
    """The rule of a seat group as the report words it: ``8 seats, voting``; ``1 seat``; ``at least 10 seats``."""
    if group is None:
        return "no seat group of this name in the rules"
    if group.seats is not None:
        text = _seats(group.seats)
    elif group.min_seats is not None:
        text = f"at least {_seats(group.min_seats)}"
    else:
        text = "no seat count in the rules"
    if group.voting is not None:
        text += ", voting" if group.voting else ", advisory"
    return text


# ---------------------------------------------------------------- meeting cadence


def _bounds(lo: int | None, hi: int | None) -> str:
    bounds = [f"at least {lo}" if lo is not None else "", f"at most {hi}" if hi is not None else ""]
    return " and ".join(b for b in bounds if b)


def cadence_text(rule: CadenceRule) -> str:
    """How often a body must meet, as the report words it.

    ``exactly 5 times a year``, ``at least 6 times a year``, ``at least 2 and at most 4 times a month``,
    ``an unstated number of times a year``.
    """
    lo, hi = rule.min_meetings, rule.max_meetings
    if lo is not None and lo == hi:
        return f"exactly {lo} times a {rule.per}"
    return f"{_bounds(lo, hi) or 'an unstated number of'} times a {rule.per}"


def cadence_bounds(rule: CadenceRule, *, exact: bool = True) -> str:
    """How often a body must meet, as the checks word it: ``5 times a year``, ``at least 6 times a year``.

    With ``exact=False`` (``show``) an equal minimum and maximum stays two bounds:
    ``at least 5 and at most 5 times a year``.
    """
    lo, hi = rule.min_meetings, rule.max_meetings
    if exact and lo is not None and lo == hi:
        return f"{lo} times a {rule.per}"
    return f"{_bounds(lo, hi)} times a {rule.per}"


# ---------------------------------------------------------------- dates and periods

_MONTHS = (
    lambda: pgettext("month", "January"),
    lambda: pgettext("month", "February"),
    lambda: pgettext("month", "March"),
    lambda: pgettext("month", "April"),
    lambda: pgettext("month", "May"),
    lambda: pgettext("month", "June"),
    lambda: pgettext("month", "July"),
    lambda: pgettext("month", "August"),
    lambda: pgettext("month", "September"),
    lambda: pgettext("month", "October"),
    lambda: pgettext("month", "November"),
    lambda: pgettext("month", "December"),
)


def when(value: PartialDate) -> str:
    """A partial date in words, as precise as it is: ``2016``, ``juni 2016`` / ``June 2016``, ``11 maart 2014``."""
    if value.month is None:
        return str(value.year)
    month = _MONTHS[value.month - 1]()
    if value.day is None:
        return _("{month} {year}").format(month=month, year=value.year)
    return _("{day} {month} {year}").format(day=value.day, month=month, year=value.year)


def day_words(day: date) -> str:
    """A full day in words: ``11 maart 2014`` / ``11 March 2014``."""
    return when(PartialDate.from_date(day))


def bound_words(bound: DateBound) -> str:
    """One end of a period in words: ``11 maart 2014``, ``ten laatste 11 maart 2014``, ``ten vroegste 2016``,
    ``onbekend``; an open end is the empty string."""
    if bound.kind == "open":
        return ""
    if bound.kind == "unknown":
        return _("unknown")
    assert bound.date is not None
    text = when(bound.date)
    if bound.kind == "not_after":
        return _("{date} at the latest").format(date=text)
    if bound.kind == "not_before":
        return _("{date} at the earliest").format(date=text)
    return text


def date_text(value: DateBound | PartialDate | None) -> str:
    """A date in the workflow guards' messages: ``2014-03-11``, ``2014-03-11 or later``, ``2014-12 or earlier``,
    ``an unknown date`` (the notation with words around it; the guards' messages come to words with the rest of
    their text).

    >>> date_text(DateBound.parse("2014-03-11..")), date_text(None)
    ('2014-03-11 or later', 'an unknown date')
    """
    if value is None or (isinstance(value, DateBound) and value.kind in ("unknown", "open")):
        return "an unknown date"
    if isinstance(value, DateBound) and value.kind == "not_after":
        return f"{value.date} or earlier"
    if isinstance(value, DateBound) and value.kind == "not_before":
        return f"{value.date} or later"
    return str(value.date if isinstance(value, DateBound) else value)


def period_words(period: Period) -> str:
    """A period in words, never more precise than the data.

    ``van 2014 tot 2019``, ``vanaf 2016``, ``tot 2019``, ``vanaf 2016, einde onbekend``, ``11 maart 2014``
    (a period within one partial date), ``zonder datums`` (open at both ends), ``datums onbekend``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     period_words(Period.parse("..2014-03-11/2019")), period_words(Period.parse("2016/?"))
    ('van ten laatste 11 maart 2014 tot 2019', 'vanaf 2016, einde onbekend')
    >>> with use_language("en"):
    ...     period_words(Period.parse("2014/2019")), period_words(Period.parse("?/?"))
    ('from 2014 to 2019', 'dates unknown')
    """
    start, end = period.start, period.end
    if start.kind == "open" and end.kind == "open":
        return _("no dates")
    if start.kind == "unknown" and end.kind == "unknown":
        return _("dates unknown")
    if start == end and start.kind == "date":
        return bound_words(start)
    s, e = bound_words(start), bound_words(end)
    if start.kind == "unknown":
        return _("start unknown, until {end}").format(end=e) if e else _("start unknown")
    if end.kind == "unknown":
        return _("from {start}, end unknown").format(start=s)
    if not e:
        return _("from {start}").format(start=s)
    if not s:
        return _("until {end}").format(end=e)
    return _("from {start} to {end}").format(start=s, end=e)


def period_notation(period: Period) -> str:
    """A period in the data's notation (``2014/2019``), or ``no dates`` for one open at both ends (the checks)."""
    return "no dates" if period.is_always else str(period)


def span_text(first: int, last: int) -> str:
    """The days ``first`` to ``last`` (ordinals, inclusive, open ends allowed): ``from 2014-01-01 to 2019-12-31``.

    >>> span_text(date(2014, 1, 1).toordinal(), date.max.toordinal())
    'from 2014-01-01 on'
    """
    start = None if first <= _MIN_ORDINAL else date.fromordinal(first)
    end = None if last >= _MAX_ORDINAL else date.fromordinal(last)
    if start is None and end is None:
        return "at all times"
    if start is None:
        return f"until {end}"
    if end is None:
        return f"from {start} on"
    if start == end:
        return f"on {start}"
    return f"from {start} to {end}"
