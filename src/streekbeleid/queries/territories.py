"""Territories through time: the municipalities of a region on a date, and what a gone municipality became.

The core catalogue knows every Flemish municipality since 2014 with its
lifetime and successor, so a region defined as "province Limburg" has 44
municipalities in 2014, 42 from 2019 and 38 from 2025:

>>> import streekbeleid
>>> from streekbeleid.queries import municipalities, refers_to
>>> core = streekbeleid.load(plugins=[])
>>> [len(municipalities(core, "nis:70000", on=day)) for day in ("2014-06-01", "2019-06-01", "2025-06-01")]
[44, 42, 38]
>>> refers_to(core, "nis:73040", on="2025-06-01").current      # Kortessem merged into Hasselt
('nis:71072',)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import attrs

from ..i18n import N_
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import name
from ..model.records import Region, Territory
from ..model.table import HEADINGS, Column, Table, Tabular
from ._util import day_of, expect, lookup

__all__ = ["Municipalities", "municipalities", "Referent", "refers_to"]


@attrs.frozen(kw_only=True)
class Municipalities(Tabular):
    """The municipalities of a region or territory on a date.

    ``certain`` held for sure on the day, ``uncertain`` only possibly (a date
    known to the month or year).  ``complete`` is false when the sources do not
    say which territories (part of) the region holds: the list is then what is
    known, not all there is.  ``gone`` lists municipalities the region names
    directly but that no longer existed on the day (see :func:`refers_to`).  Printed, shown in Jupyter or
    taken to pandas it is the table of :meth:`table`, named from ``model``, the model it was asked of.
    """

    of: str
    on: date
    certain: tuple[str, ...]
    uncertain: tuple[str, ...] = ()
    complete: bool = True
    gone: tuple[str, ...] = ()
    basis: tuple[Any, ...] = attrs.field(default=(), repr=False)
    model: Model | None = attrs.field(default=None, eq=False, repr=False)

    def table(self) -> Table:
        """The municipalities: id, name and whether they belonged to the region on the day for certain."""
        columns = [Column("id", HEADINGS["id"]), Column("name", HEADINGS["name"]), Column("certain", N_("certain"))]
        names = {getattr(r, "id", None): getattr(r, "name", None) for r in self.basis}
        rows = [(t, names.get(t) or (name(self.model, t) if self.model else t), t in self.certain) for t in self.ids]
        return Table(columns, rows)

    @property
    def ids(self) -> tuple[str, ...]:
        """All municipalities, certain and uncertain, sorted."""
        return tuple(sorted(self.certain + self.uncertain))

    def __len__(self) -> int:
        return len(self.certain) + len(self.uncertain)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __contains__(self, territory_id: object) -> bool:
        return territory_id in self.certain or territory_id in self.uncertain


def municipalities(model: Model, region_id: str, *, on: date | str | None = None) -> Municipalities:
    """The municipalities of a region (with its subregions) or a territory on a day.

    Territories are expanded through ``part_of`` (province -> arrondissements ->
    municipalities) and kept only where alive on the day, so mergers are
    followed.  ``on`` defaults to the slice's date, else today.  The answer does
    not depend on slicing: it is decided from the records' own periods.
    """
    day = day_of(model, on) or date.today()
    record = expect(model, region_id, (Region, Territory), N_("a region or territory"))
    found: dict[str, Truth] = {}
    basis: list[Any] = [record]
    gone: list[str] = []
    complete = True
    if isinstance(record, Region):
        # a region that lists its own parts holds its subregions' too; one that does not is their union
        subregions_known = True
        for region, truth in _regions(model, record, day):
            if region is not record:
                basis.append(region)
                subregions_known = subregions_known and region.parts_known
            for part in region.parts:
                held = truth & part.valid.active_on(day)
                if held is not Truth.NO:
                    basis.append(part)
                    _expand(model, part.territory, day, held, found, basis, gone)
        complete = record.parts_known and (bool(record.parts) or subregions_known)
        # a region alive on the day whose every part is dated outside it: the parts and the region
        # disagree on when they hold (a reference region valid from 2023 with parts listed from 2025)
        if (
            record.parts
            and record.valid.active_on(day) is not Truth.NO
            and all(part.valid.active_on(day) is Truth.NO for part in record.parts)
        ):
            complete = False
    else:
        _expand(model, region_id, day, Truth.YES, found, basis, gone)
    return Municipalities(
        of=region_id,
        on=day,
        certain=tuple(sorted(t for t, v in found.items() if v is Truth.YES)),
        uncertain=tuple(sorted(t for t, v in found.items() if v is Truth.UNCERTAIN)),
        complete=complete,
        gone=tuple(sorted(set(gone))),
        basis=tuple(basis),
        model=model,
    )


def _regions(model: Model, region: Region, day: date) -> Iterator[tuple[Region, Truth]]:
    """The region and its subregions (through ``part_of``), each with whether it held on the day."""
    graph = model.whole().graph
    stack = [(region, region.valid.active_on(day))]
    seen = {region.id}
    while stack:
        current, truth = stack.pop()
        if truth is Truth.NO:
            continue
        yield current, truth
        for child, _r, kind in graph.in_edges(current.id, data="kind"):
            sub = graph.nodes[child]["record"]
            if kind == "part_of" and isinstance(sub, Region) and child not in seen:
                seen.add(child)
                stack.append((sub, truth & sub.valid.active_on(day)))


def _expand(
    model: Model,
    territory_id: str,
    day: date,
    truth: Truth,
    found: dict[str, Truth],
    basis: list[Any],
    gone: list[str],
) -> None:
    graph = model.whole().graph
    territory: Territory = lookup(model, territory_id)
    held = truth & territory.valid.active_on(day)
    if territory.level == "municipality":
        if held is Truth.NO:
            gone.append(territory_id)
        elif found.get(territory_id) is not Truth.YES:
            if territory_id not in found:
                basis.append(territory)
            found[territory_id] = held
        return
    if held is Truth.NO:
        return
    basis.append(territory)
    stack = [(territory_id, held)]
    while stack:
        parent, parent_truth = stack.pop()
        for child, _p, kind in graph.in_edges(parent, data="kind"):
            sub = graph.nodes[child]["record"]
            if kind != "part_of" or not isinstance(sub, Territory):
                continue
            sub_truth = parent_truth & sub.valid.active_on(day)
            if sub_truth is Truth.NO:
                continue
            if sub.level == "municipality":
                if found.get(child) is not Truth.YES:
                    if child not in found:
                        basis.append(sub)
                    found[child] = sub_truth
            else:
                basis.append(sub)
                stack.append((child, sub_truth))


@attrs.frozen(kw_only=True)
class Referent:
    """What a territory named in a fact refers to on a date.

    ``chain`` runs from the territory through its successors to ``current``,
    the territory alive on the day (itself if it still exists); ``current`` is
    empty when nothing alive is known (the territory did not exist yet, or its
    successor is not in the catalogue).
    """

    territory: str
    on: date
    chain: tuple[str, ...]
    current: tuple[str, ...]
    basis: tuple[Any, ...] = attrs.field(default=(), repr=False)


def refers_to(model: Model, territory_id: str, *, on: date | str | None = None) -> Referent:
    """Follow a territory through mergers to the territory it lives on in on a day (default: today).

    A fact about Neerpelt (gone since 2019) is about Pelt today; a fact about
    Kortessem is about Hasselt (71072) from 2025.

    >>> import streekbeleid
    >>> from streekbeleid.queries import refers_to
    >>> core = streekbeleid.load(plugins=[])
    >>> r = refers_to(core, "nis:72025", on="2025-06-01")    # Neerpelt
    >>> r.chain, r.current
    (('nis:72025', 'nis:72043'), ('nis:72043',))
    """
    day = day_of(model, on) or date.today()
    current: Territory = expect(model, territory_id, Territory, N_("a territory"))
    chain = [current]
    while current.valid.active_on(day) is Truth.NO and current.successor:
        if current.valid.ordinals()[3] >= day.toordinal() or any(t.id == current.successor for t in chain):
            break  # not yet gone on the day (no successor applies), or a cycle in the data
        current = lookup(model, current.successor)
        chain.append(current)
    alive = (current.id,) if current.valid.active_on(day) is not Truth.NO else ()
    return Referent(
        territory=territory_id,
        on=day,
        chain=tuple(t.id for t in chain),
        current=alive,
        basis=tuple(chain),
    )
