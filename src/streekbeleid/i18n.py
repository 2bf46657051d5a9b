"""Dutch and English for people: the language in use and translated messages.

Every text a person reads passes through :func:`_` (or :func:`ngettext`, :func:`pgettext`): the message ids
are English, the Dutch texts live in a gettext catalogue (``locale/nl/LC_MESSAGES/streekbeleid.po``, kept with
Babel: ``make translations`` extracts, updates and compiles it; a test fails when a Dutch text is missing or
stale).  The language is, in this order: the one chosen in code (:func:`set_language`, :func:`use_language`,
the command line's ``--lang``), ``STREEKBELEID_LANG``, the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``);
Dutch when none of them names Dutch or English, because the readers are Flemish.  The phrases themselves (names,
dates and periods in words ...) are written once, in :mod:`streekbeleid.model.phrasing`.

>>> with use_language("nl"):
...     _("unknown")
'onbekend'
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
import os
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

__all__ = [
    "KEYWORDS",
    "LANGUAGES",
    "N_",
    "_",
    "language",
    "ngettext",
    "pgettext",
    "set_language",
    "use_language",
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

        # no language is in use yet: said in both, Dutch first
        message = N_("unknown language {lang!r}: choose one of {languages}")
        said = (_catalogue(each).gettext(message) for each in LANGUAGES)
        raise StreekbeleidError(" / ".join(s.format(lang=lang, languages=", ".join(LANGUAGES)) for s in said))
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
