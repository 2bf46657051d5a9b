"""CSV: one table per record kind, written to a folder, for spreadsheets.

Each kind of record gets its own file (``memberships.csv``, ``decisions.csv``,
``plan_items.csv`` with every priority, objective and action, ``fundings.csv`` ...),
every file is written even when empty, with a header row, so a spreadsheet or a
script can count on them.  Nested parts get tables of their own:
``region_parts.csv``, ``seat_groups.csv``, ``plan_items.csv``, ``indicators.csv``, and the money:
``budgets.csv`` and ``transactions.csv`` (by ``funding``), ``share_rules.csv`` (by ``call``).

Columns follow the record's fields (see :func:`streekbeleid.io._common.flatten`):
a period is ``valid`` plus ``valid_start``/``valid_end``; every field that holds an id
is followed by a ``<field>_name`` column with the name it stands for; ids in a list
are joined with ``"; "``; booleans are ``true``/``false``; absent values are empty.
A ``datapackage.json`` (Frictionless Data Package) describes the tables and their columns.

>>> import csv, io, streekbeleid
>>> from streekbeleid.io.csv import to_tables
>>> tables = to_tables(streekbeleid.load(plugins=[]))
>>> header, rows = tables["actors"]
>>> header[:4]
['id', 'name', 'kind', 'abbreviation']
>>> next(r for r in rows if r[0] == "org:voka")[:3]
['org:voka', 'VOKA', 'employers_organisation']
"""

from __future__ import annotations

import csv as _csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from .._version import __version__
from ..model.model import Model
from ..model.records import (
    RECORD_KINDS,
    Actor,
    Body,
    Budget,
    Funding,
    IndicatorPeriod,
    OtherName,
    Plan,
    PlanItem,
    Region,
    RegionPart,
    SeatGroup,
    ShareRule,
    Transaction,
)
from ..serialization import FORMAT
from ._common import export_records, flat_columns, flatten, label_of, reference_fields

__all__ = ["TABLES", "to_tables", "write_csv"]

Table = tuple[list[str], list[list[str]]]

_NESTED = {"items", "parts", "seat_groups", "indicators", "other_names", "budgets", "transactions", "share_rules"}
_TYPES = {bool: "boolean", int: "integer", float: "number"}

#: The tables written, in order: one per record kind, and the nested parts.
TABLES = (
    *RECORD_KINDS,
    "region_parts",
    "seat_groups",
    "plan_items",
    "indicators",
    "other_names",
    "budgets",
    "transactions",
    "share_rules",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


class _Spec:
    """The columns of a table: the flattened fields, each id field followed by its ``_name`` column."""

    def __init__(self, cls: type[Any], prefix: list[str], skip: set[str]) -> None:
        self.prefix = prefix
        self.refs = reference_fields(cls)
        self.fields = flat_columns(cls, skip=skip | _NESTED)
        self.skip = skip | _NESTED
        self.header = list(prefix)
        if "id" in attrs.fields_dict(cls):
            self.header.append("id")
        for name in self.fields:
            self.header.append(name)
            if name in self.refs:
                self.header.append(f"{name}_name")
        self.types: dict[str, str] = {"depth": "integer", "ascending": "boolean"}

    def row(self, model: Model, record: Any, prefix_values: Iterable[Any] = ()) -> list[str]:
        flat = flatten(record, skip=self.skip)
        for k, v in flat.items():
            kind = _TYPES.get(type(v), "string")
            if self.types.get(k, kind) != kind:
                kind = "string"
            self.types[k] = kind
        if isinstance(record, SeatGroup) and record.allocations:
            flat["allocations"] = "; ".join(f"{a.member}: {a.seats}" for a in record.allocations)
        cells = [_cell(v) for v in prefix_values]
        if hasattr(record, "id") and "id" in self.header:
            cells.append(record.id)
        for name in self.fields:
            cells.append(_cell(flat.get(name)))
            if name in self.refs:
                value = getattr(record, name)
                if self.refs[name]:
                    cells.append("; ".join(label_of(model, v) for v in value))
                else:
                    cells.append(label_of(model, value) if value else "")
        return cells


def _walk(plan: Plan) -> Iterator[tuple[str, int, PlanItem]]:
    stack = [(plan.id, 1, item) for item in reversed(plan.items)]
    while stack:
        parent, depth, item = stack.pop()
        yield parent, depth, item
        stack.extend((item.id, depth + 1, child) for child in reversed(item.items))


def _tables_and_specs(model: Model, closed: bool) -> tuple[dict[str, Table], dict[str, _Spec]]:
    records = export_records(model, closed=closed)
    specs: dict[str, _Spec] = {kind: _Spec(cls, [], set()) for kind, cls in RECORD_KINDS.items()}
    specs["region_parts"] = _Spec(RegionPart, ["region"], set())
    specs["seat_groups"] = _Spec(SeatGroup, ["body"], set())
    specs["plan_items"] = _Spec(PlanItem, ["plan", "parent", "depth"], set())
    specs["indicators"] = _Spec(IndicatorPeriod, ["item", "indicator", "measure", "ascending", "baseline"], set())
    specs["other_names"] = _Spec(OtherName, ["organisation"], set())
    specs["budgets"] = _Spec(Budget, ["funding"], set())
    specs["transactions"] = _Spec(Transaction, ["funding"], set())
    specs["share_rules"] = _Spec(ShareRule, ["call"], set())
    rows: dict[str, list[list[str]]] = {name: [] for name in TABLES}
    kind_of = {cls: kind for kind, cls in RECORD_KINDS.items()}
    for rec in records:
        kind = kind_of[type(rec)]
        rows[kind].append(specs[kind].row(model, rec))
        if isinstance(rec, (Actor, Body)):  # an organisation's names per period, one row each
            rows["other_names"].extend(specs["other_names"].row(model, n, [rec.id]) for n in rec.other_names)
        if isinstance(rec, Region):
            for part in rec.parts:
                rows["region_parts"].append(specs["region_parts"].row(model, part, [rec.id]))
        elif isinstance(rec, Body):
            for group in rec.seat_groups:
                cells = specs["seat_groups"].row(model, group, [rec.id])
                rows["seat_groups"].append(cells)
        elif isinstance(rec, Funding):
            rows["budgets"].extend(specs["budgets"].row(model, b, [rec.id]) for b in rec.budgets)
            rows["transactions"].extend(specs["transactions"].row(model, t, [rec.id]) for t in rec.transactions)
        if isinstance(rec, Plan):
            rows["share_rules"].extend(specs["share_rules"].row(model, r, [rec.id]) for r in rec.share_rules)
            for parent, depth, item in _walk(rec):
                rows["plan_items"].append(specs["plan_items"].row(model, item, [rec.id, parent, depth]))
                for ind in item.indicators:
                    baseline = f"{ind.baseline.year}: {ind.baseline.value}" if ind.baseline else None
                    prefix = [item.id, ind.name, ind.measure, ind.ascending, baseline]
                    for period in ind.periods or (IndicatorPeriod(valid=rec.valid),):
                        rows["indicators"].append(specs["indicators"].row(model, period, prefix))
    tables = {name: (specs[name].header, rows[name]) for name in TABLES}
    return tables, specs


def to_tables(model: Model, *, closed: bool = True) -> dict[str, Table]:
    """The tables of a model or slice: name -> (header, rows of text cells)."""
    return _tables_and_specs(model, closed)[0]


def write_csv(
    model: Model, folder: str | os.PathLike[str], *, closed: bool = True, encoding: str = "utf-8"
) -> list[Path]:
    """Write one CSV file per table (see :data:`TABLES`) and a ``datapackage.json`` into ``folder``.

    The files are written to a temporary folder first and moved in place together,
    so a failure leaves no half-written set.  Use ``encoding="utf-8-sig"`` for
    spreadsheets that need a byte-order mark to read UTF-8.  Returns the paths written.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    tables, specs = _tables_and_specs(model, closed)
    resources = []
    with tempfile.TemporaryDirectory(prefix=".csv-", dir=target) as tmp:
        for name, (header, rows) in tables.items():
            with open(Path(tmp) / f"{name}.csv", "w", encoding=encoding, newline="") as fh:
                writer = _csv.writer(fh)
                writer.writerow(header)
                writer.writerows(rows)
            types = specs[name].types
            resources.append(
                {
                    "name": name.replace("_", "-"),
                    "path": f"{name}.csv",
                    "format": "csv",
                    "encoding": encoding,
                    "schema": {"fields": [{"name": h, "type": types.get(h, "string")} for h in header]},
                }
            )
        package = {
            "name": "streekbeleid",
            "title": "streekbeleid tables",
            "created_by": f"streekbeleid {__version__} ({FORMAT})",
            **({"as_of": model.date.isoformat()} if model.date else {}),
            **({"region": model.region} if model.region else {}),
            "resources": resources,
        }
        with open(Path(tmp) / "datapackage.json", "w", encoding="utf-8") as fh:
            json.dump(package, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        written = []
        for entry in sorted(Path(tmp).iterdir()):
            dest = target / entry.name
            shutil.move(str(entry), dest)
            written.append(dest)
    return written
