"""Every record of a kind, in a region and on a day if asked: the answer to "which bodies are there?".

>>> import streekbeleid
>>> from streekbeleid.queries.listing import listing
>>> found = listing(streekbeleid.load(), "bodies", region="limburg:limburg", on="2016-06-30")
>>> [(r.id, r.region.name, r.active.value) for r in found.rows]  # doctest: +NORMALIZE_WHITESPACE
[('limburg:lires-samenwerking', 'Limburg', 'yes'), ('limburg:resoc', 'Limburg', 'yes'),
 ('limburg:serr', 'Limburg', 'uncertain')]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import StreekbeleidError
from ..i18n import N_, _
from ..model.dates import Period, Truth, parse_day
from ..model.model import Model
from ..model.phrasing import record_title
from ..model.records import RECORD_KINDS, PlanItem
from ..model.table import HEADINGS, Column, Ref, Table, Tabular

__all__ = ["LISTABLE", "Listed", "Listing", "listing"]

#: The kinds ``list`` answers, by the key they have in a data file.
LISTABLE = tuple(k for k in RECORD_KINDS if k not in ("memberships", "lineage", "relations"))


@attrs.frozen
class Listed:
    """One record in a listing: id, name, the region it belongs to (if it says), its period, and whether it is
    active on the day asked (yes, or uncertain; None when no day was asked)."""

    id: str
    name: str
    region: Ref | None
    valid: Period
    active: Truth | None
    record: Any = attrs.field(eq=False, repr=False)


@attrs.frozen
class Listing(Tabular):
    kind: str
    region: str | None
    on: dt.date | None
    rows: tuple[Listed, ...]

    def table(self) -> Table:
        columns = [
            Column("id", HEADINGS["id"]),
            Column("name", HEADINGS["name"]),
            Column("region", HEADINGS["region"]),
            Column("valid", HEADINGS["valid"]),
        ]
        if self.on is not None:
            columns.append(Column("active", N_("active")))
        rows = [(r.id, r.name, r.region, r.valid, *(() if self.on is None else (r.active,))) for r in self.rows]
        return Table(columns, rows)


def listing(model: Model, kind: str, *, region: str | None = None, on: dt.date | str | None = None) -> Listing:
    """The records of ``kind`` (``bodies``, ``plans``, ``actors``, ``regions``, ``projects``, ``decisions``,
    ``territories`` ... see :data:`LISTABLE`), sorted by name, in ``region`` and active ``on`` a day if given."""
    cls = RECORD_KINDS.get(kind)
    if cls is None or kind not in LISTABLE:
        raise StreekbeleidError(
            _("cannot list {kind!r}: choose one of {kinds}").format(kind=kind, kinds=", ".join(LISTABLE))
        )
    scope = model.whole()
    if region:
        scope = scope.in_region(region)
    day = parse_day(on) if on is not None else None
    if day is not None:
        scope = scope.as_of(day)
    rows = []
    for record in scope.records(cls):
        if isinstance(record, PlanItem):
            continue
        name = record_title(model, record, record.id)
        active = scope.status(record.id) if day is not None else None
        region_ref = Ref.to(model, getattr(record, "region", None))
        rows.append(Listed(record.id, name, region_ref, record.valid, active, record))
    rows.sort(key=lambda r: (r.name.casefold(), r.id))
    return Listing(kind, region, day, tuple(rows))
