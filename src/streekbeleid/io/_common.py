"""What the format modules share: the records of a model or slice, names, IRIs and safe writing."""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import json
import os
import re
import tempfile
import typing
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import attrs

from .._gc import gc_paused
from ..assembly import defined_ids, references
from ..errors import FileSystemError
from ..model.dates import DateBound, PartialDate, Period
from ..model.model import Model
from ..model.phrasing import name
from ..model.records import (
    RECORD_KINDS,
    Actor,
    Identifier,
    PlanItem,
    Source,
    Territory,
    VoteCount,
    edge_record_of,
    references_of,
)
from ..serialization import unstructure

__all__ = [
    "DEFAULT_BASE",
    "KIND_OF",
    "PathOrFile",
    "closure",
    "document_iri",
    "export_records",
    "flat_columns",
    "flatten",
    "gc_paused",
    "government_ids",
    "identifiers_of",
    "refnis_concepts",
    "label_of",
    "merger_date",
    "model_records",
    "open_text",
    "record_iri",
    "reference_fields",
    "slug",
    "whole",
    "write_atomic",
]


def label_of(model: Model, record_id: str | None) -> str:
    """A readable name for an id, as the formats write it: the record's own name, whatever the language in use
    (a theme's Dutch name is written as its own label where a format has one)."""
    return name(model, record_id, translated=False)


#: The IRI base of exported records, documents and the vocabulary.  ``.example`` is reserved
#: (RFC 2606): the IRIs identify, they do not resolve.  Every exporter takes ``base=`` to change it.
DEFAULT_BASE = "https://streekbeleid.example/"

#: The key of each record type in a dataset (``Actor`` -> ``"actors"``).
KIND_OF: dict[type[Any], str] = {cls: key for key, cls in RECORD_KINDS.items()}
_ORDER = {key: i for i, key in enumerate(RECORD_KINDS)}
_ID = attrgetter("id")

PathOrFile = str | os.PathLike[str] | IO[str]


def whole(model: Model) -> Model:
    """The unsliced model a slice was cut from (the model itself when it is not a slice)."""
    return model.whole()


def model_records(model: Model) -> list[Any]:
    """The top-level records of a model or slice, in dataset order (kind, then id).

    Plan items travel inside their plan; memberships, lineage and relations come
    from the edges they stand behind.
    """
    kinds: dict[type[Any], dict[str, Any]] = {}
    for rid, rec in model.graph.nodes(data="record"):
        if rec is not None and not isinstance(rec, PlanItem):
            kinds.setdefault(type(rec), {})[rid] = rec
    for key, rec in model.keyed_edge_records():
        if edge_record_of(type(rec)) is not None and key == rec.id:
            kinds.setdefault(type(rec), {})[key] = rec
    out: list[Any] = []
    for cls in sorted(kinds, key=_kind_rank):
        out.extend(sorted(kinds[cls].values(), key=_ID))
    return out


def _kind_rank(cls: type[Any]) -> int:
    """Where a record class comes in a dataset (its kind's place in ``RECORD_KINDS``)."""
    return _ORDER.get(KIND_OF.get(cls, ""), len(_ORDER))


def _sort_key(record: Any) -> tuple[int, str]:
    return (_kind_rank(type(record)), record.id)


def export_records(model: Model, *, closed: bool = True) -> list[Any]:
    """The records an export of a model or slice writes: the slice's own, plus (``closed``) what they refer to."""
    records = model_records(model)
    if closed and model.graph is not whole(model).graph:
        records = closure(model, records)
    return records


def closure(model: Model, records: Iterable[Any]) -> list[Any]:
    """``records`` plus every record they refer to, transitively, taken from the whole model.

    A slice refers to records outside it (an actor's parent organisation, a
    territory's province); an export that should read back on its own needs them.
    """
    full = whole(model)
    index = {rid: rec for rec in model_records(full) for rid in defined_ids(rec)}
    chosen: dict[int, Any] = {}
    frontier = list(records)
    defined: set[str] = set()
    while frontier:
        rec = frontier.pop()
        if id(rec) in chosen:
            continue
        chosen[id(rec)] = rec
        defined.update(defined_ids(rec))
        for _path, ref in references(rec):
            if ref not in defined and ref in index:
                frontier.append(index[ref])
    return sorted(chosen.values(), key=_sort_key)


def reference_fields(cls: type[Any]) -> dict[str, bool]:
    """The fields of a record class that hold ids: name -> True for a tuple of ids, False for one."""
    return {name: reference.many for name, reference in references_of(cls).items()}


_GOVERNMENT_KINDS = {"government", "provincial_government", "municipal_government"}


def government_ids(model: Model) -> dict[str, str]:
    """For each territory, the actor that governs it (``nis:70000`` -> ``org:provincie-limburg``).

    A territory used as a member or a decider stands for its government; where the
    model names that government as an actor, exports use the actor, so one body is
    not written twice.
    """
    out: dict[str, str] = {}
    for _rid, rec in whole(model).graph.nodes(data="record"):  # actors are nodes: no need to list every record
        if isinstance(rec, Actor) and rec.territory and rec.kind in _GOVERNMENT_KINDS:
            known = out.get(rec.territory)
            if known is None or rec.id < known:  # the first in a dataset's order (actors by id)
                out[rec.territory] = rec.id
    return out


def government_name(territory: Territory) -> str:
    """The Dutch name of a territory's government: ``Gemeente Hasselt``, ``Provincie Limburg``."""
    prefix = {"municipality": "Gemeente", "province": "Provincie"}.get(territory.level, "Bestuur")
    return f"{prefix} {territory.name}"


def identifiers_of(record: Any) -> tuple[Identifier, ...]:
    """A record's official identifiers; a territory's NIS code is one (scheme ``nis``, from its own sources).

    >>> t = Territory(id="nis:71022", name="Hasselt", level="municipality", nis="71022")
    >>> [(i.scheme, i.identifier) for i in identifiers_of(t)]
    [('nis', '71022')]
    """
    declared: tuple[Identifier, ...] = getattr(record, "identifiers", ())
    if isinstance(record, Territory) and record.nis and not any(i.scheme == "nis" for i in declared):
        return (Identifier(scheme="nis", identifier=record.nis, sources=record.sources), *declared)
    return declared


#: The REFNIS code lists of the Belgian federal vocabularies (vocab.belgif.be, published by Statbel) and the
#: period each applies to: REFNIS-1995 "vanaf 1995", REFNIS-2019 "vanaf 2019" (the mergers of 1 January
#: 2019), REFNIS-2025 "vanaf 12/2024" (the mergers of 1 January 2025).  A concept is ``<list>/<code>``.
REFNIS_LISTS: tuple[tuple[str, Period], ...] = (
    ("http://vocab.belgif.be/auth/refnis1995", Period.parse("1995-01-01/2018-12-31")),
    ("http://vocab.belgif.be/auth/refnis2019", Period.parse("2019-01-01/2024-12-31")),
    ("http://vocab.belgif.be/auth/refnis2025", Period.parse("2025-01-01/..")),
)


def refnis_concepts(territory: Territory) -> list[str]:
    """The REFNIS concepts of a territory: its code in each code list whose period its lifetime may overlap.

    >>> borsbeek = Territory(id="nis:11007", name="Borsbeek", level="municipality", nis="11007",
    ...                      valid=Period.parse("../2024-12-31"))
    >>> refnis_concepts(borsbeek)
    ['http://vocab.belgif.be/auth/refnis1995/11007', 'http://vocab.belgif.be/auth/refnis2019/11007']
    >>> refnis_concepts(Territory(id="nis:02000", name="Vlaanderen", level="region", nis="02000"))[-1]
    'http://vocab.belgif.be/auth/refnis2025/2000'
    """
    if not territory.nis or not territory.nis.isdigit():
        return []
    code = str(int(territory.nis))  # the lists write 2000, not 02000
    return [f"{scheme}/{code}" for scheme, applies in REFNIS_LISTS if territory.valid.overlaps(applies).possible]


def merger_date(successor: Territory, predecessors: Iterable[Territory]) -> PartialDate | None:
    """The day a merger took effect: the successor's first day, else the day after its predecessors' last.

    >>> from streekbeleid import Territory, Period
    >>> antwerpen = Territory(id="nis:11002", name="Antwerpen", level="municipality")
    >>> borsbeek = Territory(id="nis:11007", name="Borsbeek", level="municipality",
    ...                      successor="nis:11002", valid=Period.parse("../2024-12-31"))
    >>> str(merger_date(antwerpen, [borsbeek]))
    '2025-01-01'
    """
    if successor.valid.start.kind == "date" and successor.valid.start.date is not None:
        return successor.valid.start.date
    ends = {
        p.valid.end.date
        for p in predecessors
        if p.valid.end.kind == "date" and p.valid.end.date is not None and p.valid.end.date.precision == "day"
    }
    if len(ends) != 1:
        return None
    last = ends.pop()
    following = _dt.date(last.year, last.month or 1, last.day or 1) + _dt.timedelta(days=1)
    return PartialDate(following.year, following.month, following.day)


def record_iri(record_id: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a record: ``limburg:resoc`` -> ``https://streekbeleid.example/id/limburg/resoc``."""
    namespace, _, local = record_id.partition(":")
    if _UNQUOTED.fullmatch(local):  # nothing to quote (most ids): quote() would give it back
        return f"{base}id/{namespace}/{local}"
    return f"{base}id/{namespace}/{quote(local, safe='/._-')}"


#: What ``quote(text, safe="/._-")`` leaves as it is.
_UNQUOTED = re.compile(r"[A-Za-z0-9_.~/-]*")


_URL_RE = re.compile(r"^(https?|ftp|urn|doi):[^\s]+$", re.I)


def document_iri(document: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a source document: the document itself when it is a URL, else one under ``base``.

    Documents are often names (a seed file, "Statbel REFNIS classification"), not
    URLs; they get an identifying IRI, and exports keep the name as a label.
    """
    if _URL_RE.match(document):
        return document
    return f"{base}document/{quote(document, safe='._-')}"


def source_text(source: Source) -> str:
    """``document (locator)`` or the document alone; ``[inferred: reasoning]`` after it when it carries an inference.

    >>> source_text(Source(document="004.txt", locator="Halle-Vilvoorde", inference="read as the arrondissement"))
    '004.txt (Halle-Vilvoorde) [inferred: read as the arrondissement]'
    """
    text = f"{source.document} ({source.locator})" if source.locator else source.document
    return f"{text} [inferred: {source.inference}]" if source.inference else text


def slug(text: str) -> str:
    """A lower-case ASCII slug for minted ids: ``Werkgevers (8)`` -> ``werkgevers-8``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def bound_text(bound: DateBound) -> str | None:
    """A bound as text, or None when the period is open on that side."""
    return None if bound.kind == "open" else str(bound)


def exact_date(bound: DateBound) -> PartialDate | None:
    """The partial date of a bound that is exactly a partial date; None for ``..D``, ``D..``, ``?`` and open."""
    return bound.date if bound.kind == "date" else None


def is_always(period: Period) -> bool:
    return period.start.kind == "open" and period.end.kind == "open"


def flatten(record: Any, *, skip: set[str] | frozenset[str] = frozenset()) -> dict[str, str | int | float | bool]:
    """A record's fields as scalars (text, integer, double, boolean) for GraphML and CSV.

    Absent values are left out; a period becomes ``valid`` with its bounds
    ``valid_start``/``valid_end``; vote counts ``votes_yes``/``votes_no``/``votes_abstain``;
    an amount a float; ids in a tuple are joined with ``"; "``; sources become
    ``document (locator); ...``; other nested structures their native JSON text.
    """
    out: dict[str, str | int | float | bool] = {}
    for field in attrs.fields(type(record)):
        name = field.name
        if name == "id" or name in skip:
            continue
        value = getattr(record, name)
        if value is None or value == ():
            continue
        if isinstance(value, Period):
            if not is_always(value):
                out[name] = str(value)
                for side, bound in (("start", value.start), ("end", value.end)):
                    text = bound_text(bound)
                    if text is not None:
                        out[f"{name}_{side}"] = text
        elif isinstance(value, (bool, int, str)):
            out[name] = value
        elif isinstance(value, Decimal):
            out[name] = float(value)
        elif isinstance(value, PartialDate):
            out[name] = str(value)
        elif isinstance(value, VoteCount):
            for option in ("yes", "no", "abstain"):
                count = getattr(value, option)
                if count is not None:
                    out[f"{name}_{option}"] = count
        elif isinstance(value, tuple) and all(isinstance(v, Source) for v in value):
            out[name] = "; ".join(source_text(s) for s in value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            out[name] = "; ".join(value)
        else:
            out[name] = json.dumps(unstructure(value), ensure_ascii=False, separators=(",", ":"))
    return out


def flat_columns(cls: type[Any], *, skip: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The names :func:`flatten` may give a record class's fields, in field order."""
    hints = typing.get_type_hints(cls)
    out: list[str] = []
    for field in attrs.fields(cls):
        name = field.name
        if name == "id" or name in skip:
            continue
        tp = hints[name]
        if tp is Period:
            out.extend([name, f"{name}_start", f"{name}_end"])
        elif VoteCount in typing.get_args(tp) or tp is VoteCount:
            out.extend(f"{name}_{option}" for option in ("yes", "no", "abstain"))
        else:
            out.append(name)
    return out


@contextlib.contextmanager
def open_text(target: PathOrFile) -> Iterator[IO[str]]:
    """A text stream to write to: an open file as is, or a path written atomically."""
    if hasattr(target, "write"):
        yield target  # type: ignore[misc]
        return
    with write_atomic(Path(os.fspath(target))) as fh:  # type: ignore[arg-type]
        yield fh


@contextlib.contextmanager
def write_atomic(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Write a file through a temporary file beside it, renamed into place only on success.

    A failing exporter leaves the old file, or none, never half a file.  Text is UTF-8; ``binary`` gives a
    file of bytes (a workbook).  The file gets the permissions any new file of the user gets (the umask),
    not the temporary file's private 0600.  A path that cannot be written is a
    :class:`~streekbeleid.errors.FileSystemError` naming it.
    """
    if path.is_dir():
        raise FileSystemError.of(IsADirectoryError(errno.EISDIR, "Is a directory", str(path)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileSystemError.of(exc) from None  # names the part of the path that is in the way
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise FileSystemError.of(exc, path) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, FileSystemError):
            raise FileSystemError.of(exc, path) from None
        raise


def _umask() -> int:
    """The process's umask: from ``/proc`` on Linux (setting it to read it races with other threads)."""
    with contextlib.suppress(OSError, ValueError, StopIteration), open("/proc/self/status", encoding="ascii") as status:
        return int(next(line for line in status if line.startswith("Umask:")).split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: set it and set it back
    os.umask(mask)
    return mask
