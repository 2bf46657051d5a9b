"""Helpers the query modules share: the day a question is about, records outside a slice.

Names and other phrases are :mod:`streekbeleid.model.phrasing`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from ..errors import RecordKindError, UnknownIdError
from ..model.dates import parse_day
from ..model.model import Model, record_type

__all__ = [
    "RecordKindError",
    "day_of",
    "expect",
    "find",
    "lookup",
    "pointing_to",
]

R = TypeVar("R")


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


def lookup(model: Model, record_id: str) -> Any:
    """The record with this id, even when the slice leaves it out; :class:`UnknownIdError` if none."""
    graph = model.whole().graph  # the slice may leave the record out
    if record_id in graph:
        return graph.nodes[record_id]["record"]
    return model.get(record_id)  # an edge record (membership, lineage, relation), or UnknownIdError


def find(model: Model, record_id: str) -> Any | None:
    """Like :func:`lookup`, but None for an unknown id."""
    try:
        return lookup(model, record_id)
    except UnknownIdError:
        return None


def pointing_to(model: Model, record_id: str, kind: type[R]) -> list[R]:
    """The records of ``kind`` whose edges end at ``record_id`` in the whole model, once each, sorted by id: an
    organisation's memberships and posts, the change events naming it ...

    Read from the record's own in-edges, so the cost is that of the record's neighbours, not of the model.
    """
    graph = model.whole().graph
    if record_id not in graph:
        return []
    found = {id(r): r for _u, _v, r in graph.in_edges(record_id, data="record") if isinstance(r, kind)}
    return sorted(found.values(), key=lambda r: getattr(r, "id", ""))
