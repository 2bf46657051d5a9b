"""A table answer written to a file people open: an Excel workbook, a CSV file, or JSON.

The kind of file follows the name: ``.xlsx`` (a real workbook: a bold, frozen header row, columns as wide as
their text, exact dates as dates; needs the ``xlsx`` extra, openpyxl), ``.csv`` (UTF-8 with a byte-order mark
so Excel reads the accents; ``;`` between fields in Dutch, as Excel expects in a Dutch locale, ``,`` in
English; exact dates as ``YYYY-MM-DD``), ``.json`` (the raw values: ids, dates and periods in their notation).
Headings and values other than exact dates and numbers are written as a person reads them, in the language in
use.  The file is written whole or not at all.
"""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import StreekbeleidError
from ..i18n import _, language
from ..model.dates import DateBound, PartialDate
from ..model.table import Table, cell_text
from ._common import write_atomic

__all__ = ["TABLE_SUFFIXES", "write_table"]

#: The kinds of file a table can be written to.
TABLE_SUFFIXES = (".xlsx", ".csv", ".json")


def _exact(value: Any) -> date | None:
    """The day of a value known to the day, else None."""
    if isinstance(value, date):
        return value
    if isinstance(value, DateBound) and value.kind == "date":
        value = value.date
    if isinstance(value, PartialDate) and value.day is not None:
        return value.earliest
    return None


def _cell(value: Any) -> Any:
    """A value for a workbook or CSV cell: exact dates and numbers as themselves, the rest as words."""
    exact = _exact(value)
    if exact is not None:
        return exact
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    return cell_text(value)


def write_table(table: Table, path: str | os.PathLike[str]) -> Path:
    """Write ``table`` to ``path``; its suffix chooses the kind of file (see the module's description)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".json":
        with write_atomic(target) as fh:
            json.dump(table.records(), fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    elif suffix == ".csv":
        with write_atomic(target) as fh:
            fh.write("\ufeff")
            writer = csv.writer(fh, delimiter=";" if language() == "nl" else ",", lineterminator="\r\n")
            writer.writerow(table.headings())
            for row in table.rows:
                writer.writerow([c.isoformat() if isinstance(c := _cell(v), date) else c for v in row])
    elif suffix == ".xlsx":
        _write_workbook(table, target)
    else:
        raise StreekbeleidError(
            _("cannot write a table to {path}: the name must end in .xlsx, .csv or .json").format(path=target)
        )
    return target


def _write_workbook(table: Table, target: Path) -> None:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError:
        raise StreekbeleidError(_("writing .xlsx needs openpyxl: pip install 'streekbeleid[xlsx]'")) from None
    book = Workbook(write_only=False)
    sheet = book.create_sheet(index=0)
    book.remove(book.worksheets[1])  # the empty sheet a new workbook starts with
    sheet.title = (_(table.title) if table.title else "streekbeleid")[:31]
    sheet.append(table.headings())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(h) for h in table.headings()]
    for row in table.rows:
        cells = [_cell(v) for v in row]
        sheet.append(cells)
        for i, value in enumerate(cells):
            widths[i] = max(widths[i], 10 if isinstance(value, date) else len(str(value)))
        for cell, value in zip(sheet[sheet.max_row], cells, strict=True):
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
    for i, width in enumerate(widths):
        sheet.column_dimensions[_column_letter(i)].width = min(max(width, 4) + 2, 80)
    with write_atomic(target, binary=True) as fh:
        book.save(fh)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))
