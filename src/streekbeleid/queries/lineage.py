"""Lineage: plans that succeed, deepen, revise or subscribe to each other, and the succession of municipalities.

Both are edges from the newer record to the older one: a
:class:`~streekbeleid.Lineage` record (``LIRES deepens SALK``) or a territory's
``successor`` (Pelt ``succeeds`` Neerpelt and Overpelt), so one function follows both.

>>> import streekbeleid
>>> from streekbeleid.queries import lineage
>>> core = streekbeleid.load(plugins=[])
>>> pelt = lineage(core, "nis:72043")
>>> [(link.newer, link.kind, link.older) for link in pelt.links]
[('nis:72043', 'succeeds', 'nis:72025'), ('nis:72043', 'succeeds', 'nis:72029')]
>>> pelt.older()
('nis:72025', 'nis:72029')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

from ..i18n import N_
from ..model.dates import Period
from ..model.model import Model
from ..model.phrasing import lineage_label
from ..model.records import LINEAGE_KINDS, OrganisationChange, Plan
from ..model.table import HEADINGS, Column, Ref, Table, Tabular
from ._util import lookup

__all__ = ["LineageLink", "LineageChain", "lineage"]


@attrs.frozen(kw_only=True)
class LineageLink:
    """One link: ``newer`` ``kind`` ``older`` (e.g. ``limburg:lires deepens limburg:salk``).

    ``record`` is the :class:`~streekbeleid.Lineage` behind it, or for a merger
    the old :class:`~streekbeleid.Territory` that names its successor.
    """

    newer: str
    kind: str
    older: str
    record: Any


@attrs.frozen(kw_only=True)
class LineageChain(Tabular):
    """The lineage around a record: the links found and the records they join, oldest first.

    Printed, shown in Jupyter or taken to pandas it is the table of :meth:`table` (the links), named from
    ``model``, the model it was asked of; :meth:`members_table` lists the records oldest first.
    """

    root: str
    direction: str
    links: tuple[LineageLink, ...]
    members: tuple[str, ...]
    basis: tuple[Any, ...] = attrs.field(default=(), repr=False)
    model: Model | None = attrs.field(default=None, eq=False, repr=False)

    def table(self) -> Table:
        """The links: the newer record, how it descends from the older one, the older record."""
        columns = [Column("newer", N_("newer")), Column("link", N_("link")), Column("older", N_("older"))]
        rows = [
            (self._ref(link.newer), Ref(link.kind, lineage_label(link.kind)), self._ref(link.older))
            for link in self.links
        ]
        return Table(columns, rows)

    def members_table(self) -> Table:
        """The records of the lineage, oldest first, with their periods."""
        columns = [Column("name", HEADINGS["name"]), Column("id", HEADINGS["id"]), Column("valid", HEADINGS["valid"])]
        valid = {getattr(r, "id", None): r.valid for r in self.basis}
        rows = [(self._ref(m), m, valid.get(m)) for m in self.members]
        return Table(columns, rows)

    def _ref(self, record_id: str) -> Ref:
        found = Ref.to(self.model, record_id) if self.model is not None else None
        return found or Ref(record_id, record_id)

    def older(self) -> tuple[str, ...]:
        """The records the root descends from (it succeeds, deepens, revises, subscribes to ...), oldest first."""
        return self._reach(lambda link: (link.newer, link.older))

    def newer(self) -> tuple[str, ...]:
        """The records that descend from the root, oldest first."""
        return self._reach(lambda link: (link.older, link.newer))

    def _reach(self, step: Any) -> tuple[str, ...]:
        following: dict[str, list[str]] = {}
        for link in self.links:
            src, dst = step(link)
            following.setdefault(src, []).append(dst)
        found: set[str] = set()
        frontier = [self.root]
        while frontier:
            for dst in following.get(frontier.pop(), ()):
                if dst not in found and dst != self.root:
                    found.add(dst)
                    frontier.append(dst)
        return tuple(m for m in self.members if m in found)


def _oldest_first(period: Period) -> tuple[int, int, int, int]:
    """A sort key: the latest possible start, then the earliest, then the end's."""
    s_lo, s_hi, e_lo, e_hi = period.ordinals()
    return (s_hi, s_lo, e_lo, e_hi)


def lineage(
    model: Model,
    record_id: str,
    *,
    direction: Literal["both", "older", "newer"] = "both",
    kinds: Iterable[str] | None = None,
) -> LineageChain:
    """The chain of plans (or organisations, or territories) linked to a record by lineage.

    ``direction="older"`` follows what the record succeeds, deepens, revises or
    subscribes to, and so on back; ``"newer"`` what descends from it; ``"both"``
    (the default) the whole family, so from the Streekpact 2014-2019 one reaches
    the pact of 2008-2013, SALK and LIRES.  ``kinds`` limits the link kinds
    (default: all of :data:`~streekbeleid.model.records.LINEAGE_KINDS`).
    A call (a plan of kind ``call``, such as the Flemish Versterkt Streekbeleid call) ends the walk
    unless it is where the walk starts: the plans that answer the same call are not one family.
    Members are ordered by the start of their period, oldest first: by the latest day the start can be (a plan
    begun "in 2013-02 at the latest" comes before one begun in 2013-07, and one begun in 2008 before both), then
    the earliest; a record whose start is unknown comes last.  See the module example.
    """
    lookup(model, record_id)
    wanted = frozenset(kinds) if kinds is not None else frozenset(LINEAGE_KINDS)
    graph = model.graph
    links: dict[str, LineageLink] = {}
    seen = {record_id}
    frontier = [record_id]
    while frontier:
        node = frontier.pop()
        if node not in graph:
            continue
        record = graph.nodes[node]["record"]
        if node != record_id and isinstance(record, Plan) and record.kind == "call":
            continue
        edges: list[tuple[str, str, str, dict[str, Any]]] = []
        if direction in ("both", "older"):
            edges.extend(graph.out_edges(node, keys=True, data=True))
        if direction in ("both", "newer"):
            edges.extend(graph.in_edges(node, keys=True, data=True))
        edges.extend(_change_edges(model, node, direction))
        for newer, older, key, data in edges:
            if data["kind"] not in wanted:
                continue
            links.setdefault(key, LineageLink(newer=newer, kind=data["kind"], older=older, record=data["record"]))
            for nxt in (newer, older):
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
    records = {n: lookup(model, n) for n in seen}
    members = sorted(seen, key=lambda n: (_oldest_first(records[n].valid), n))
    place = {n: i for i, n in enumerate(members)}
    ordered = sorted(links.values(), key=lambda link: (place[link.newer], place[link.older]))
    basis = [records[n] for n in members]
    held = {id(r) for r in basis}
    for link in ordered:
        if id(link.record) not in held:
            held.add(id(link.record))
            basis.append(link.record)
    return LineageChain(
        root=record_id,
        direction=direction,
        links=tuple(ordered),
        members=tuple(members),
        basis=tuple(basis),
        model=model,
    )


def _change_edges(model: Model, node: str, direction: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    """The organisations a change event joins to ``node``, as ``succeeds`` edges (newer, older, key, data).

    An :class:`~streekbeleid.OrganisationChange` (SOLVA took over RESOC Zuid-Oost-Vlaanderen's
    regional work) makes each resulting organisation succeed each original one; the link's
    ``record`` is the change event.  A rename (the same organisation before and after) links nothing.
    """
    graph = model.graph
    found: list[tuple[str, str, str, dict[str, Any]]] = []
    for event_id, _node, kind in graph.in_edges(node, data="kind"):
        event = graph.nodes[event_id]["record"]
        if not isinstance(event, OrganisationChange):
            continue
        pairs = []
        if kind == "results_in" and direction in ("both", "older"):
            pairs = [(node, older) for older in event.original]
        elif kind == "changes" and direction in ("both", "newer"):
            pairs = [(newer, node) for newer in event.resulting]
        for newer, older in pairs:
            if newer != older:
                found.append((newer, older, f"{event.id}#{newer}>{older}", {"kind": "succeeds", "record": event}))
    return found
