"""Native JSON: the whole model or a slice, lossless, versioned, with a published JSON Schema.

The native format is the data-file format (:class:`~streekbeleid.serialization.Dataset`):
one list of records per kind, written by the project's cattrs converter, with
``"format": "streekbeleid/1"`` on top.  The JSON Schema is shipped as
``streekbeleid/data/streekbeleid.schema.json`` (see :func:`json_schema`).

Reading checks everything a data file is checked for and more, and either
returns a complete model or raises one :class:`~streekbeleid.errors.DataError`
listing every problem as ``file:line: $.path: message``; nothing is half-read.

>>> import streekbeleid
>>> from streekbeleid.io import native
>>> core = streekbeleid.load(plugins=[])
>>> text = native.generate_json(core)
>>> again = native.parse_json(text, "core.json")
>>> again.get("nis:72043").name
'Pelt'
>>> sorted(map(str, native.to_dataset(again).records())) == sorted(map(str, native.to_dataset(core).records()))
True
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from importlib.resources import files
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import cattrs
from cattrs.fns import identity

from ..assembly import defined_ids, references
from ..errors import DataError, DataProblem
from ..i18n import _
from ..model.model import Model
from ..model.records import Source, contained_of, reference_plan
from ..serialization import FORMAT, Dataset, converter, dataset_json_schema, line_for, parse_data, parse_text
from ..serialization.reading import invalid_json
from ._common import KIND_OF, PathOrFile, export_records, gc_paused, model_records, open_text, whole
from .columns import Columns, Reject

__all__ = [
    "FORMAT",
    "dataset_from_json",
    "dataset_to_json",
    "dumps_json",
    "from_data",
    "generate_json",
    "json_schema",
    "parse_json",
    "read_json",
    "to_data",
    "to_dataset",
    "write_json",
]

# ------------------------------------------------------------------ converters tuned for speed
#
# The writer is a copy of the project converter with shortcuts for the commonest field
# types: it gives exactly what ``converter.unstructure`` gives.  The reader structures a
# column at a time (:mod:`.columns`): exactly what the converter gives, or it steps aside and
# the converter's detailed validation names the problems.  The test suite checks both
# claims on random models, and the reader's on random damage to them.


def _build_writer() -> cattrs.Converter:
    conv = converter.copy()
    for tp in (str | None, bool | None, int | None):
        conv.register_unstructure_hook_func(_is(tp), identity)
    source = conv.get_unstructure_hook(Source)

    def _sources(value: tuple[Source, ...]) -> list[Any]:
        return [source(s) for s in value]

    conv.register_unstructure_hook_func(_is(tuple[Source, ...]), _sources)
    conv.register_unstructure_hook_func(_is(tuple[str, ...]), list)
    return conv


def _is(tp: Any) -> Callable[[Any], bool]:
    def predicate(t: Any) -> bool:
        return bool(t == tp)

    return predicate


def _build_reader() -> cattrs.Converter:
    # for the classes and fields the column reader leaves to a converter: no detailed errors
    # needed, a problem sends the whole file to the detailed pass anyway
    return converter.copy(detailed_validation=False)


_writer: cattrs.Converter | None = None
_reader: cattrs.Converter | None = None
_columns: Columns | None = None


def _get_writer() -> cattrs.Converter:
    global _writer
    if _writer is None:
        _writer = _build_writer()
    return _writer


def _get_columns() -> Columns:
    global _columns
    if _columns is None:
        _columns = Columns(_get_reader())
    return _columns


def _get_reader() -> cattrs.Converter:
    global _reader
    if _reader is None:
        _reader = _build_reader()
    return _reader


# ------------------------------------------------------------------ JSON text: orjson when installed

_orjson: Any
try:  # orjson is an optional accelerator (extra "fast"): the same text, ten times sooner
    _orjson = importlib.import_module("orjson")
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


def dumps_json(data: Any, indent: int | None) -> str:
    """JSON text of plain data as the native writer writes it: compact or indented by ``indent``, with orjson
    when it is installed (the standard library's encoder otherwise, and for integers beyond 64 bits)."""
    if _orjson is not None and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            return str(_orjson.dumps(data, option=option).decode("utf-8"))
        except _orjson.JSONEncodeError:  # an integer beyond 64 bits: the standard encoder writes it
            pass
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _DuplicateKey
    return out


class _DuplicateKey(Exception):
    pass


_decoder = json.JSONDecoder(object_pairs_hook=_no_duplicates)


def _loads(text: str, name: str) -> Any:
    """Parse JSON text; a syntax error or a duplicate key is a DataError with its line.

    With orjson, text as this module writes it (compact or indented by two, as orjson
    writes them) is parsed by orjson and written again: the same text means no key was
    dropped, so there was no duplicate.  Any other text, and any text orjson refuses, goes
    to the standard library's decoder, which finds duplicates as it parses and names the
    line of a syntax error.
    """
    if _orjson is not None:
        try:
            data = _orjson.loads(text)
        except _orjson.JSONDecodeError:
            pass
        else:
            body = text[:-1] if text.endswith("\n") else text
            option = _orjson.OPT_INDENT_2 if body.startswith("{\n") else 0
            with contextlib.suppress(_orjson.JSONEncodeError):  # deeper than orjson writes: the decoder reads it
                if _orjson.dumps(data, option=option) == body.encode("utf-8"):
                    return data
    try:
        return _decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise DataError.single(name, exc.lineno, "", invalid_json(exc)) from None
    except _DuplicateKey:
        # the data-file reader finds and places every duplicate key
        parse_text(text, name, is_json=True)
        raise DataError.single(name, None, "", _("duplicate key")) from None
    except (ValueError, RecursionError) as exc:  # nested too deep, an integer too long: the reader says where
        raise _beyond_bounds(text, name, exc) from None


def _beyond_bounds(text: str, name: str, exc: Exception) -> DataError:
    """The error for JSON beyond the reader's bounds (depth, integer size), with its line when it has one."""
    parse_text(text, name, is_json=True)  # raises naming file, line and path
    return DataError.single(name, None, "", f"cannot read the JSON: {type(exc).__name__}: {exc}")


# ------------------------------------------------------------------ writing


def to_dataset(model: Model, *, closed: bool = True) -> Dataset:
    """The records of a model or slice as a :class:`~streekbeleid.serialization.Dataset`.

    :param closed: also take the records that the slice's records refer to (a
        territory's province, a member outside the region), so that the export
        reads back on its own.  Has no effect on a whole model.
    """
    records = export_records(model, closed=closed)
    groups: dict[str, list[Any]] = {}
    for rec in records:
        groups.setdefault(KIND_OF[type(rec)], []).append(rec)
    return Dataset(format=FORMAT, **{k: tuple(v) for k, v in groups.items()})


def to_data(model: Model, *, closed: bool = True) -> dict[str, Any]:
    """The native JSON data (plain dicts and lists) of a model or slice."""
    data: dict[str, Any] = _get_writer().unstructure(to_dataset(model, closed=closed))
    return data


def generate_json(model: Model, *, closed: bool = True, indent: int | None = None) -> str:
    """The native JSON text of a model or slice (compact unless ``indent`` is given)."""
    return dataset_to_json(to_dataset(model, closed=closed), indent=indent)


def dataset_to_json(dataset: Dataset, *, indent: int | None = None) -> str:
    """The native JSON text of a dataset (records grouped by kind, as data files hold them)."""
    with gc_paused():
        return dumps_json(_get_writer().unstructure(dataset), indent)


def write_json(model: Model, path: PathOrFile, *, closed: bool = True, indent: int | None = None) -> None:
    """Write the native JSON of a model or slice to a path (atomically) or an open text file."""
    text = generate_json(model, closed=closed, indent=indent)
    with open_text(path) as fh:
        fh.write(text)
        fh.write("\n")


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (2020-12) of the native format, as shipped with the package.

    It equals :func:`streekbeleid.serialization.dataset_json_schema`; the test suite
    checks that the shipped file is up to date.
    """
    text = (files("streekbeleid") / "data" / "streekbeleid.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_text() -> str:
    """The JSON Schema as written to ``streekbeleid.schema.json``."""
    return json.dumps(dataset_json_schema(), indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------ reading


def read_json(source: PathOrFile, *, base: Model | None = None) -> Model:
    """Read a native JSON file (a path or an open text file) into a model.

    :param base: a model to read the file into (e.g. ``streekbeleid.load()``): the
        file's records may then refer to the base's ids, and must not redefine them.
    :raises DataError: naming file, line and path of every problem; no model is returned.
    """
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        text = source.read()  # type: ignore[union-attr]
    else:
        path = Path(os.fspath(source))  # type: ignore[arg-type]
        name = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError.single(name, None, "", f"cannot read the file: {exc}") from None
    return parse_json(text, name, base=base)


def parse_json(text: str | bytes, name: str = "<string>", *, base: Model | None = None) -> Model:
    """Parse native JSON text into a model; see :func:`read_json`."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    with gc_paused():
        data = _loads(text, name)
        try:
            return from_data(data, name, base=base, lines=_line_finder(text, name))
        except RecursionError as exc:  # records nested deeper than structuring can follow
            raise _beyond_bounds(text, name, exc) from None


def dataset_from_json(text: str | bytes, name: str = "<string>") -> Dataset:
    """Parse native JSON text into a dataset: every field checked, references not resolved.

    :raises DataError: naming file, line and path of every problem.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    with gc_paused():
        data = _loads(text, name)
        try:
            return _structure(data, name, _line_finder(text, name))
        except RecursionError as exc:
            raise _beyond_bounds(text, name, exc) from None


def _line_finder(text: str, name: str) -> Callable[[], Mapping[str, int]]:
    return lambda: parse_text(text, name, is_json=True)[1]


def from_data(
    data: Any,
    name: str = "<data>",
    *,
    base: Model | None = None,
    lines: Mapping[str, int] | Callable[[], Mapping[str, int]] | None = None,
) -> Model:
    """Build a model from native JSON data (as :func:`to_data` gives it); see :func:`read_json`.

    :param lines: where each JSON path starts in the text, or a function that works
        it out (called only when there is a problem to place).
    """
    dataset = _structure(data, name, lines)
    problems = _integrity(dataset, base)
    if problems:
        where = _lines(lines)
        raise DataError([DataProblem(name, line_for(path, where), path, msg) for path, msg in problems])
    records = list(dataset.records())
    if base is None:
        return Model.from_records(records, origins=dict.fromkeys(_all_ids(records), name))
    full = whole(base)
    origins = {**full.origins, **dict.fromkeys(_all_ids(records), name)}
    return Model.from_records(
        [*model_records(full), *records],
        plugins=full.plugins,
        checks=full.checks,
        workflows=full.workflows,
        origins=origins,
    )


def _lines(lines: Mapping[str, int] | Callable[[], Mapping[str, int]] | None) -> Mapping[str, int]:
    if lines is None:
        return {}
    if callable(lines):
        try:
            return lines()
        except DataError:  # text the line finder cannot read: report without lines
            return {}
    return lines


def _structure(data: Any, name: str, lines: Mapping[str, int] | Callable[[], Mapping[str, int]] | None) -> Dataset:
    if isinstance(data, dict):
        fmt = data.get("format")
        if fmt is not None and fmt != FORMAT:
            raise DataError.single(
                name,
                line_for("$.format", _lines(lines)),
                "$.format",
                f"unsupported format {fmt!r}; this version of streekbeleid reads {FORMAT!r}",
            )
        try:
            dataset: Dataset = _get_columns().structure(data, Dataset)
            return dataset
        except Reject:  # a problem, or data the fast path cannot vouch for: the converter decides
            pass
    return parse_data(data, Dataset, name, _lines(lines))


def _all_ids(records: list[Any]) -> Iterator[str]:
    for rec in records:
        yield from defined_ids(rec)


def _defined(record: Any, path: str) -> Iterator[tuple[str, str]]:
    yield f"{path}.id", record.id
    for name, _held in contained_of(type(record)):
        for i, item in enumerate(getattr(record, name)):
            yield from _defined(item, f"{path}.{name}[{i}]")


def _integrity(dataset: Dataset, base: Model | None) -> list[tuple[str, str]]:
    """Duplicate ids, clashes with the base, and references to ids defined nowhere."""
    known: set[str] = set()
    if base is not None:
        full = whole(base)
        known = {rid for rid in full.graph.nodes} | set(_edge_ids(full))
    if _sound(dataset, known):
        return []
    return _integrity_problems(dataset, known)


def _sound(dataset: Dataset, known: set[str]) -> bool:
    """Whether the ids are distinct and new and every reference resolves: a field at a time, no paths."""
    ids: list[str] = []
    for kind in KIND_OF.values():
        records = getattr(dataset, kind)
        if records and contained_of(type(records[0])):
            ids.extend(chain.from_iterable(map(defined_ids, records)))
        else:
            ids.extend(map(attrgetter("id"), records))
    defined = set(ids)
    if len(defined) != len(ids) or not defined.isdisjoint(known):
        return False
    defined |= known
    for kind in KIND_OF.values():
        records = getattr(dataset, kind)
        if not records:
            continue
        for field, reference in reference_plan(type(records[0])):
            values = map(attrgetter(field), records)
            if reference is None:
                refs = {ref for value in values for ref in _refs_in(value)}
            elif reference.many:
                refs = set(chain.from_iterable(values))
            else:
                refs = set(values)
                refs.discard(None)
            if not refs <= defined:
                return False
    return True


def _refs_in(value: Any) -> Iterator[str]:
    if isinstance(value, tuple):
        for v in value:
            yield from _refs(v)
    elif value is not None:
        yield from _refs(value)


def _integrity_problems(dataset: Dataset, known: set[str]) -> list[tuple[str, str]]:
    """Every integrity problem, each with its path: the slow pass, run when there is one."""
    problems: list[tuple[str, str]] = []
    first: dict[str, str] = {}
    for kind in KIND_OF.values():
        for i, rec in enumerate(getattr(dataset, kind)):
            for path, rid in _defined(rec, f"$.{kind}[{i}]"):
                if rid in first:
                    problems.append((path, f"id {rid!r} is defined twice (first at {first[rid]})"))
                elif rid in known:
                    problems.append((path, f"id {rid!r} is already defined by the model the file is read into"))
                else:
                    first[rid] = path
    defined = known | set(first)
    for kind in KIND_OF.values():
        for i, rec in enumerate(getattr(dataset, kind)):
            if all(ref in defined for ref in _refs(rec)):
                continue
            for path, ref in references(rec):  # the slow walk that names the field
                if ref not in defined:
                    problems.append((f"$.{kind}[{i}].{path}", f"refers to unknown id {ref!r}"))
    return problems


def _refs(record: Any) -> Iterator[str]:
    """The ids a record refers to, like :func:`streekbeleid.assembly.references` without the paths, faster."""
    for name, reference in reference_plan(type(record)):
        value = getattr(record, name)
        if reference is None:
            yield from _refs_in(value)
        elif reference.many:
            yield from value
        elif value is not None:
            yield value


def _edge_ids(model: Model) -> Iterator[str]:
    for _u, _v, key, rec in model.graph.edges(keys=True, data="record"):
        if getattr(rec, "id", None) == key:
            yield key
