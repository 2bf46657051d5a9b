"""Answers as tables: read in a terminal, shown in Jupyter, taken to pandas, written to Excel, CSV or JSON.

A :class:`Table` holds raw values (ids, partial dates, periods, numbers, yes/no/uncertain); how a person reads
them is decided when it is shown, in the language in use: dates in words, names beside ids, ``ja``/``nee``.
The raw values stay for ``--json`` and the files (:func:`streekbeleid.io.table_files.write_table`).

>>> from streekbeleid.i18n import use_language
>>> from streekbeleid.model.dates import Period
>>> t = Table(
...     [Column(key, HEADINGS[key]) for key in ("id", "name", "valid")],
...     [("limburg:resoc", "RESOC Limburg", Period.parse("..2014-03-11/2017-02-06.."))],
... )
>>> with use_language("nl"):
...     print(t)
id             naam           geldig
-------------  -------------  --------------------------------------------------------------
limburg:resoc  RESOC Limburg  van ten laatste 11 maart 2014 tot ten vroegste 6 februari 2017
>>> t.records()
[{'id': 'limburg:resoc', 'name': 'RESOC Limburg', 'valid': '..2014-03-11/2017-02-06..'}]
"""

from __future__ import annotations

import abc
import html
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from ..i18n import N_, _
from .dates import DateBound, PartialDate, Period, Truth
from .phrasing import amount_text, bound_words, period_words, share_text, when

__all__ = [
    "HEADINGS",
    "UNKNOWN",
    "Amount",
    "Column",
    "NotRecorded",
    "Ref",
    "Share",
    "Table",
    "Tabular",
    "Term",
    "cell_text",
    "json_value",
]

#: Headings many tables share (English, translated when shown).
HEADINGS = {
    "id": N_("id"),
    "name": N_("name"),
    "kind": N_("kind"),
    "region": N_("region"),
    "valid": N_("valid"),
    "date": N_("date"),
}


@attrs.frozen
class Column:
    """A column: its key in records and files, and its heading (English, translated when shown; mark it with
    :func:`~streekbeleid.i18n.N_`)."""

    key: str
    title: str


@attrs.frozen
class Ref:
    """A record in a table: people read its ``name``, ``--json`` and the files get its ``id``."""

    id: str
    name: str

    @classmethod
    def to(cls, model: Any, record_id: str | None) -> Ref | None:
        """A reference to ``record_id`` named from ``model`` (its id when it has no name or is unknown)."""
        if record_id is None:
            return None
        node = model.whole().graph.nodes.get(record_id)
        record = node["record"] if node else None
        from .phrasing import record_name

        return cls(record_id, record_name(record, record_id))


@attrs.frozen
class NotRecorded:
    """A value the data does not record: a person reads "not recorded" ("niet geregistreerd"), JSON gets null."""


@attrs.frozen
class Term:
    """A value of the data's vocabulary in a table (a severity, a status): people read ``text`` (English, marked
    with :func:`~streekbeleid.i18n.N_` and translated when shown), ``--json`` and the files get ``value``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     cell_text(Term("error", "error")), json_value(Term("error", "error"))
    ('fout', 'error')
    """

    value: str
    text: str


class _Unknown:
    """A value the data does not give: people read "unknown" (``onbekend``), ``--json`` and the files get null."""

    def __repr__(self) -> str:
        return "UNKNOWN"


#: A cell whose value is not known (an amount not recorded): shown as "unknown", never as an empty cell or 0.
UNKNOWN = _Unknown()


@attrs.frozen
class Amount:
    """An amount of money in a table: people read ``EUR 15.000.000``, ``--json`` and the files get the number."""

    value: Decimal
    currency: str = "EUR"


@attrs.frozen
class Share:
    """A share from 0 to 1 in a table: people read ``50%``, ``--json`` and the files get ``0.5``."""

    value: Decimal


def cell_text(value: Any) -> str:
    """A value as a person reads it, in the language in use."""
    if value is None:
        return ""
    if isinstance(value, NotRecorded):
        return _("not recorded")
    if value is UNKNOWN:
        return _("unknown")
    if isinstance(value, Amount):
        return amount_text(value.value, value.currency)
    if isinstance(value, Share):
        return share_text(value.value)
    if isinstance(value, Ref):
        return value.name
    if isinstance(value, Term):
        return _(value.text)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Truth):
        return {Truth.YES: _("yes"), Truth.NO: _("no"), Truth.UNCERTAIN: _("uncertain")}[value]
    if isinstance(value, PartialDate):
        return when(value)
    if isinstance(value, date):
        return when(PartialDate.from_date(value))
    if isinstance(value, Period):
        return period_words(value)
    if isinstance(value, DateBound):
        return bound_words(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(cell_text(v) for v in value)
    return str(value)


def json_value(value: Any) -> Any:
    """A value for JSON and the files: dates and periods in their raw notation, numbers as numbers."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, NotRecorded):
        return None
    if value is UNKNOWN:
        return None
    if isinstance(value, (Amount, Share)):
        return str(value.value)
    if isinstance(value, Truth):
        return value.value
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, Term):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (PartialDate, Period, DateBound)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_value(v) for v in value]
    return str(value)


def _columns(columns: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(columns)


def _rows(rows: Iterable[Iterable[Any]]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(r) for r in rows)


@attrs.frozen
class Table:
    """Columns and rows of raw values, with an optional title (English, translated when shown)."""

    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Any, ...], ...] = attrs.field(converter=_rows)
    title: str | None = None

    def headings(self) -> list[str]:
        """The column headings in the language in use."""
        return [_(c.title) for c in self.columns]

    def text_rows(self) -> list[list[str]]:
        """Every cell as a person reads it."""
        return [[cell_text(v) for v in row] for row in self.rows]

    def text(self) -> str:
        """A plain text table with columns sized to their content."""
        heads = self.headings()
        rows = self.text_rows()
        widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(heads)]
        lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
        if self.title:
            lines.insert(0, _(self.title))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter."""
        e = html.escape
        head = "".join(f"<th>{e(h)}</th>" for h in self.headings())
        body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in self.text_rows())
        caption = f"<caption>{e(_(self.title))}</caption>" if self.title else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def records(self) -> list[dict[str, Any]]:
        """The rows as dictionaries of raw values (dates and periods in their notation), for JSON."""
        keys = [c.key for c in self.columns]
        return [dict(zip(keys, (json_value(v) for v in row), strict=True)) for row in self.rows]

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the raw values (pandas is an optional extra: ``pip install streekbeleid[pandas]``)."""
        try:
            import pandas as pd  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            from ..errors import StreekbeleidError

            raise StreekbeleidError(_("pandas is not installed: pip install 'streekbeleid[pandas]'")) from None
        return pd.DataFrame.from_records(self.records(), columns=[c.key for c in self.columns])


class Tabular(abc.ABC):
    """A result that can be shown as a table: implement :meth:`table`; printing, Jupyter and pandas follow."""

    @abc.abstractmethod
    def table(self) -> Table:
        """The result as a table."""

    def __str__(self) -> str:
        return self.table().text()

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()

    def to_pandas(self) -> Any:
        """The result as a pandas DataFrame (pandas is an optional extra)."""
        return self.table().to_pandas()
