"""Dutch and English for people: the language in use, translated messages, and dates in words.

Every text a person reads passes through :func:`_` (or :func:`ngettext`, :func:`pgettext`): the message ids
are English, the Dutch texts live in a gettext catalogue (``locale/nl/LC_MESSAGES/streekbeleid.po``, kept with
Babel: ``make translations`` extracts, updates and compiles it; a test fails when a Dutch text is missing or
stale).  The language is, in this order: the one chosen in code (:func:`set_language`, :func:`use_language`,
the command line's ``--lang``), ``STREEKBELEID_LANG``, the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``);
Dutch when none of them names Dutch or English, because the readers are Flemish.

>>> with use_language("nl"):
...     when(PartialDate.parse("2016-06")), period_words(Period.parse("..2014-03-11/2019"))
('juni 2016', 'van ten laatste 11 maart 2014 tot 2019')
>>> with use_language("en"):
...     when(PartialDate.parse("2016-06")), period_words(Period.parse("2016/?"))
('June 2016', 'from 2016, end unknown')

Dates in words are never more precise than the data: a year stays a year, a month a month.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
import os
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib.resources import files

from .model.dates import DateBound, PartialDate, Period

__all__ = [
    "KEYWORDS",
    "LANGUAGES",
    "N_",
    "_",
    "bound_words",
    "day_words",
    "language",
    "ngettext",
    "period_words",
    "pgettext",
    "set_language",
    "use_language",
    "when",
]

#: The languages every text exists in, Dutch first.
LANGUAGES = ("nl", "en")
DOMAIN = "streekbeleid"
#: The functions that mark a text for translation, as Babel's extractor reads them (``make translations``).
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}

_chosen: contextvars.ContextVar[str | None] = contextvars.ContextVar("streekbeleid_language", default=None)


def _check(lang: str) -> str:
    if lang not in LANGUAGES:
        from .errors import StreekbeleidError

        raise StreekbeleidError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    return lang


def _from_environment() -> str:
    chosen = os.environ.get("STREEKBELEID_LANG", "").strip().lower()
    if chosen:
        return _check(chosen)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip().lower()
        if value:  # the first one set decides, as in POSIX
            return "en" if value.startswith("en") else "nl"
    return "nl"


def language() -> str:
    """The language in use: ``"nl"`` or ``"en"``."""
    return _chosen.get() or _from_environment()


def set_language(lang: str | None) -> None:
    """Choose the language for this thread or task (None: back to the environment's)."""
    _chosen.set(None if lang is None else _check(lang))


@contextlib.contextmanager
def use_language(lang: str | None) -> Iterator[str]:
    """Speak ``lang`` inside the block (None: the environment's); yields the language in use."""
    token = _chosen.set(None if lang is None else _check(lang))
    try:
        yield language()
    finally:
        _chosen.reset(token)


@cache
def _catalogue(lang: str) -> _gettext.NullTranslations:
    if lang == "en":  # the message ids are English
        return _gettext.NullTranslations()
    path = files("streekbeleid") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as fp:
        return _gettext.GNUTranslations(fp)


def _(message: str) -> str:
    """``message`` (English) in the language in use."""
    return _catalogue(language()).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; translate it with :func:`_` where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message for ``n``, in the language in use."""
    return _catalogue(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in a context (``pgettext("month", "May")``), in the language in use."""
    return _catalogue(language()).pgettext(context, message)


# ---------------------------------------------------------------- dates in words

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


def day_words(day: date) -> str:
    """A full day in words: ``11 maart 2014`` / ``11 March 2014``."""
    return when(PartialDate.from_date(day))


def when(value: PartialDate) -> str:
    """A partial date in words, as precise as it is: ``2016``, ``juni 2016``, ``11 maart 2014``."""
    if value.month is None:
        return str(value.year)
    month = _MONTHS[value.month - 1]()
    if value.day is None:
        return _("{month} {year}").format(month=month, year=value.year)
    return _("{day} {month} {year}").format(day=value.day, month=month, year=value.year)


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


def period_words(period: Period) -> str:
    """A period in words, never more precise than the data.

    ``van 2014 tot 2019``, ``vanaf 2016``, ``tot 2019``, ``vanaf 2016, einde onbekend``, ``11 maart 2014``
    (a period within one partial date), ``zonder datums`` (open at both ends), ``datums onbekend``.
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
