"""Provenance: the sources of the facts behind an answer.

Every query result carries ``basis``, the records its answer rests on;
:func:`sources_of` turns answers, records and problems into the list of their
sources, each source once, in the order first met.

>>> import streekbeleid
>>> from streekbeleid.queries import municipalities, sources_of
>>> core = streekbeleid.load(plugins=[])
>>> pelt = municipalities(core, "nis:72043", on="2020-06-01")
>>> [s.document for s in sources_of(pelt)]
['Statbel REFNIS classification', 'flemish_municipalities.csv']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from ..model.records import Source, inferences_of

if TYPE_CHECKING:
    from ..model.model import Model

__all__ = ["Grounded", "inferences", "sources_of"]


class Grounded(Protocol):
    """An answer that knows the records it rests on."""

    @property
    def basis(self) -> tuple[Any, ...]: ...


def sources_of(*answers: object) -> tuple[Source, ...]:
    """The sources behind answers: query results, records, problems, or iterables of these.

    A result contributes the sources of every record in its ``basis``; a record
    or a :class:`~streekbeleid.Problem` its own ``sources``.  Ids are refused:
    pass ``model.get(id)`` instead.
    """
    seen: dict[Source, None] = {}
    for answer in answers:
        for source in _walk(answer):
            seen.setdefault(source, None)
    return tuple(seen)


def _walk(obj: object) -> Iterator[Source]:
    if obj is None:
        return
    if isinstance(obj, str):
        raise TypeError(f"sources_of takes records or query results, not the id {obj!r}; use model.get(id)")
    basis = getattr(obj, "basis", None)
    if basis is not None:
        for record in basis:
            yield from _walk(record)
        return
    sources = getattr(obj, "sources", None)
    if sources is not None:
        yield from sources
        return
    if isinstance(obj, Iterable):
        for item in obj:
            yield from _walk(item)
        return
    raise TypeError(f"sources_of cannot find the sources of a {type(obj).__name__}")


def inferences(model: Model) -> dict[str, tuple[Source, ...]]:
    """The records of a model that are inferences: id -> the sources that give the reasoning, sorted by id.

    A record is an inference when it claims more than its documents say; the source
    that carries the ``inference`` says why it is read so.

    >>> import streekbeleid
    >>> limburg = streekbeleid.load(plugins=["limburg"])
    >>> print(inferences(limburg)["limburg:streekpact-2014-2019/onderschrijving-voka"][0].inference[:62])
    The seed says "de sociale partners" endorsed the pact without
    """
    found: dict[str, tuple[Source, ...]] = {}
    for record in model.records():
        rid = getattr(record, "id", None)
        marked = inferences_of(record)
        if rid and marked:
            found[rid] = marked
    return dict(sorted(found.items()))
