"""Helpers the query and check modules share: the day a question is about, records outside a slice.

Names and other phrases are :mod:`streekbeleid.model.phrasing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import networkx as nx

from ..errors import RecordKindError, UnknownIdError
from ..model.dates import parse_day
from ..model.model import Model, record_type
from ..model.records import Lineage, Membership, Relation

__all__ = [
    "RecordKindError",
    "all_records",
    "base_graph",
    "day_of",
    "edge_records",
    "expect",
    "find",
    "lookup",
    "nodes_of",
]


def expect(model: Model, record_id: str, kinds: type[Any] | tuple[type[Any], ...], wanted: str) -> Any:
    """The record with this id (see :func:`lookup`), checked to be of one of ``kinds``."""
    record = lookup(model, record_id)
    if not isinstance(record, kinds):
        raise RecordKindError(record_id, record_type(record), wanted)
    return record


def day_of(model: Model, on: date | str | None) -> date | None:
    """The day a question is about: ``on`` if given, else the slice's date, else None."""
    if on is not None:
        return parse_day(on)
    return model.date


def base_graph(model: Model) -> nx.MultiDiGraph:
    """The whole graph behind a model or a slice.

    Queries that state their own date (the municipalities of a region on a day)
    walk the whole graph and decide with the records' periods, so their answer
    does not depend on how the model was sliced before.
    """
    return model.whole().graph


def lookup(model: Model, record_id: str) -> Any:
    """The record with this id, even when the slice leaves it out; :class:`UnknownIdError` if none."""
    graph = base_graph(model)
    if record_id in graph:
        return graph.nodes[record_id]["record"]
    return model.get(record_id)  # an edge record (membership, lineage, relation), or UnknownIdError


def find(model: Model, record_id: str) -> Any | None:
    """Like :func:`lookup`, but None for an unknown id."""
    try:
        return lookup(model, record_id)
    except UnknownIdError:
        return None


def edge_records(model: Model) -> Iterator[Any]:
    """The record behind every edge of the model or slice (a membership, a lineage link, a region part ...)."""
    return model.edge_records()


def nodes_of(model: Model, *types: str) -> Iterator[Any]:
    """The records of the nodes of some types (``"plan"``, ``"theme"`` ...) in the model or slice."""
    for _n, data in model.graph.nodes(data=True):
        if data["type"] in types:
            yield data["record"]


def all_records(model: Model) -> Iterator[Any]:
    """Every record in the model or slice once: nodes, then memberships, lineage and relations (edges)."""
    for _n, record in model.graph.nodes(data="record"):
        yield record
    seen: set[str] = set()
    for record in edge_records(model):
        if type(record) is Membership:
            yield record  # one edge per membership
        elif isinstance(record, (Lineage, Relation)) and record.id not in seen:
            seen.add(record.id)
            yield record
