"""The one cattrs converter of the project, data-file loading with locations, and the JSON Schema.

Data files are YAML (loaded with a safe loader only) or JSON.  Every problem in
a file is reported together, each as ``file:line: $.path: message``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import pickle
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs
import cattrs
import cattrs.cols
import yaml
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.v import format_exception

from ._version import __version__
from .errors import DataError, DataProblem
from .model.dates import ALWAYS, DateBound, PartialDate, Period
from .model.records import (
    ID_PATTERN,
    RECORD_KINDS,
    Actor,
    Body,
    Decision,
    Funding,
    Lineage,
    Meeting,
    Membership,
    OneOf,
    Person,
    Plan,
    Post,
    Project,
    Region,
    Relation,
    Source,
    Tally,
    Territory,
    Theme,
)
from .model.workflow import WorkflowDefinition

__all__ = [
    "FORMAT",
    "Dataset",
    "converter",
    "structure",
    "unstructure",
    "load_data_file",
    "parse_data",
    "dataset_json_schema",
]

#: The version of the data format, written by exports and accepted by imports.
FORMAT = "streekbeleid/1"

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Dataset:
    """The contents of a data file: lists of records by kind.

    The same shape is the native JSON export of a whole model.
    """

    format: str | None = None
    territories: tuple[Territory, ...] = ()
    regions: tuple[Region, ...] = ()
    actors: tuple[Actor, ...] = ()
    persons: tuple[Person, ...] = ()
    posts: tuple[Post, ...] = ()
    bodies: tuple[Body, ...] = ()
    memberships: tuple[Membership, ...] = ()
    themes: tuple[Theme, ...] = ()
    plans: tuple[Plan, ...] = ()
    projects: tuple[Project, ...] = ()
    decisions: tuple[Decision, ...] = ()
    tallies: tuple[Tally, ...] = ()
    fundings: tuple[Funding, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    lineage: tuple[Lineage, ...] = ()
    relations: tuple[Relation, ...] = ()
    #: Workflow definitions (procedures), not records: they go to ``Model.workflows``.
    workflows: tuple[WorkflowDefinition, ...] = ()

    def records(self) -> Iterable[Any]:
        """Every record of the dataset, kind by kind."""
        for kind in RECORD_KINDS:
            yield from getattr(self, kind)


# ------------------------------------------------------------------ converter


def _strict(tp: type, name: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not tp and not (tp is int and type(value) is int):
            raise TypeError(f"expected {name}, got {_describe(value)}")
        return value

    return hook


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    kind = {str: "text", int: "an integer", bool: "true/false", float: "a number", list: "a list", dict: "a mapping"}
    return f"{kind.get(type(value), type(value).__name__)} {value!r}"[:120]


def _structure_period(value: Any, _: Any) -> Period:
    try:
        return Period.parse(value)
    except ValueError as exc:
        raise ValueError(f"{exc}; write a period as START/END, e.g. 2014/2019 or 2014-03-11/..") from None


def _structure_partial(value: Any, _: Any) -> PartialDate:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {_describe(value)}")
    return PartialDate.parse(value)


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError(f"expected an amount, got {_describe(value)}")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not an amount: {value!r}") from None


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=True)
    conv.register_structure_hook(str, _strict(str, "text"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))

    def _int(value: Any, _: Any) -> int:
        if type(value) is not int:
            raise TypeError(f"expected an integer, got {_describe(value)}")
        return value

    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook(Period, str)
    conv.register_structure_hook(PartialDate, _structure_partial)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(DateBound, lambda v, _: DateBound.parse(v))
    conv.register_unstructure_hook(DateBound, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)

    base_source = conv.get_structure_hook(Source)

    def _source(value: Any, tp: Any) -> Source:
        if isinstance(value, str):
            return Source(document=value)
        return base_source(value, tp)  # type: ignore[no-any-return]

    conv.register_structure_hook(Source, _source)
    conv.register_structure_hook_factory(_is_many, _strict_many)
    return conv


def _is_many(tp: Any) -> bool:
    """``tuple[X, ...]``: the type of every list field of a record."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _strict_many(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A list field takes a list (or a tuple), never text or a mapping: cattrs would iterate those."""
    inner = cattrs.cols.homogenous_tuple_structure_factory(tp, conv)

    def hook(value: Any, _: Any) -> Any:
        if type(value) is not list and type(value) is not tuple:
            raise TypeError(f"expected a list, got {_describe(value)}")
        return inner(value, tp)

    return hook


#: The project's converter.  Never use cattrs' global converter for our records.
converter = _make_converter()


def structure(data: Any, cls: type[T]) -> T:
    """Structure plain data into records with the project converter."""
    return converter.structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Unstructure records into plain, JSON-ready data (defaults omitted)."""
    return converter.unstructure(obj)


# ------------------------------------------------------------------ reading files with line numbers


# libyaml's parser when PyYAML has it (about ten times faster), with the safe constructor either way.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[assignment]


class _Loader(_SafeBase):  # type: ignore[misc, valid-type]
    """A safe loader that keeps dates as text: partial dates are ours to parse."""


# YAML 1.1 reads yes/no/on/off as booleans (so `votes: {yes: 32, no: 0}` breaks); keep YAML 1.2's true/false only.
_DROPPED_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _Readable(Protocol):
    name: str

    def read_text(self, encoding: str = ...) -> str: ...


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def _walk_node(
    node: yaml.Node, loader: _Loader, path: str, lines: dict[str, int], problems: list[tuple[int, str, str]]
) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        problems.append((node.start_mark.line + 1, path, f"unsupported YAML tag {node.tag!r}"))
        return None
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                problems.append((key_node.start_mark.line + 1, path, f"keys must be text, got {key!r}"))
                continue
            child = f"{path}.{key}"
            if key in out:
                problems.append((key_node.start_mark.line + 1, child, "duplicate key"))
            lines[child] = key_node.start_mark.line + 1
            out[key] = _walk_node(value_node, loader, child, lines, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk_node(item, loader, f"{path}[{i}]", lines, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _read_text(source: Path | _Readable) -> str:
    return source.read_text(encoding="utf-8")


def _read_or_refuse(source: Path | _Readable, name: str) -> str:
    try:
        return _read_text(source)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError.single(name, None, "", f"cannot read the file: {exc}") from None


def read_data_file(source: Path | _Readable, display: str | None = None) -> tuple[Any, dict[str, int]]:
    """Read a YAML or JSON file into plain data and a map from JSON path to line."""
    name = display or str(source)
    return parse_text(_read_or_refuse(source, name), name, is_json=source.name.endswith(".json"))


def parse_text(text: str, name: str, *, is_json: bool = False) -> tuple[Any, dict[str, int]]:
    """Parse YAML or JSON text into plain data and a map from JSON path to line."""
    lines: dict[str, int] = {}
    problems: list[tuple[int, str, str]] = []
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError.single(name, exc.lineno, "", f"invalid JSON: {exc.msg}") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ({} if not is_json else data), lines
        walked = _walk_node(node, loader, "$", lines, problems)
    except yaml.MarkedYAMLError as exc:
        if is_json:  # JSON that YAML cannot read: keep the data, lose the lines
            return data, lines
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataError.single(name, line, "", f"invalid YAML: {exc.problem or exc}") from None
    finally:
        loader.dispose()
    if problems:
        raise DataError([DataProblem(name, line, path, msg) for line, path, msg in problems])
    return (data if is_json else walked), lines


def _line_for(path: str, lines: Mapping[str, int]) -> int | None:
    p = path
    while p:
        if p in lines:
            return lines[p]
        cut = max(p.rfind("."), p.rfind("["))
        if cut <= 0:
            break
        p = p[:cut]
    return lines.get("$")


def _leaves(exc: BaseException, path: str, raw: Any = None) -> Iterable[tuple[str, str]]:
    """Flatten a cattrs validation error into (path, message) pairs; ``raw`` is the data at ``path``."""
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield f"{path}.{key}", "unknown field (check its spelling; see the data format reference)"
        return
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        failed: set[str] = set()
        for inner, note in with_notes:
            name = getattr(note, "name", None)
            index = getattr(note, "index", None)
            if name is not None:
                child, below = f"{path}.{name}", raw.get(name) if isinstance(raw, dict) else None
                failed.add(name)
            elif index is not None:
                child, below = f"{path}[{index}]", _item(raw, index)
            else:
                child, below = path, raw
            if isinstance(inner, KeyError) and not isinstance(inner, (ClassValidationError,)):
                yield child, "required field is missing"
            else:
                yield from _leaves(inner, child, below)
        for inner in without:
            yield from _leaves(inner, path, raw)
        if isinstance(exc, ClassValidationError) and failed and isinstance(raw, dict):
            yield from _unvalidated(exc.cl, raw, failed, path)
        return
    if isinstance(exc, (TypeError, ValueError)) and exc.args:
        message = str(exc.args[0])
        # attrs validators name the field first: "role: 'boss' is not one of ..."
        m = re.match(r"^(\w+): (.*)$", message, re.S)
        if m and not message.startswith(("expected", "not ")):
            yield f"{path}.{m.group(1)}", m.group(2)
            return
        yield path, message
        return
    if isinstance(exc, AttributeError):
        yield path, "expected a mapping of fields (key: value)"
        return
    yield path, format_exception(exc, None)


def _item(raw: Any, index: int) -> Any:
    return raw[index] if isinstance(raw, (list, tuple)) and 0 <= index < len(raw) else None


def _unvalidated(cls: type, raw: dict[str, Any], failed: set[str], path: str) -> Iterable[tuple[str, str]]:
    """The validator problems of a record some of whose fields did not structure.

    cattrs calls ``cls(...)``, and so the validators, only when every field structured;
    without this an unknown ``kind`` would show only once the record's other problems
    are fixed.  Each field that structured on its own is run through its validator.
    """
    if not attrs.has(cls):
        return
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.validator is None or field.name in failed or field.name not in raw:
            continue
        try:  # the field structured in the pass that failed, so it structures again here
            value = converter.structure(raw[field.name], hints[field.name])
            if field.converter is not None:
                value = field.converter(value)  # type: ignore[operator]
            field.validator(None, field, value)
        except (TypeError, ValueError) as exc:
            yield from _leaves(exc, path)
        except Exception:  # noqa: BLE001 - a validator that needs the whole record: the next pass reports it
            continue


def parse_data(data: Any, cls: type[T], name: str, lines: Mapping[str, int] | None = None) -> T:
    """Structure plain data into ``cls``, raising one :class:`DataError` with every problem."""
    lines = lines or {}
    if not isinstance(data, dict) and attrs.has(cls):
        raise DataError.single(name, lines.get("$"), "$", f"expected a mapping at the top, got {_describe(data)}")
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, TypeError, ValueError) as exc:
        problems = [DataProblem(name, _line_for(p, lines), p, m) for p, m in _leaves(exc, "$", data)]
        raise DataError(problems) from None


def _cache_dir() -> Path | None:
    """Where parsed data files are kept between runs; None when ``STREEKBELEID_NO_CACHE`` is set."""
    if os.environ.get("STREEKBELEID_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "streekbeleid" / "data"


@functools.cache
def _code_fingerprint() -> bytes:
    """Changes whenever the code that turns a file into records changes (records, dates, this module)."""
    from .model import dates, records, workflow

    digest = hashlib.sha256(__version__.encode())
    for module in (records, dates, workflow, sys.modules[__name__]):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.digest()


def _private(fd: int, folder: Path) -> bool:
    """Whether a cache entry is the user's own: a pickle runs code when read, so no one else may write it.

    The entry and the folders it is in (up to the cache root) must belong to the user and be
    writable by no one else, as ssh asks of its keys; otherwise the entry is not read but
    parsed afresh.  On systems without POSIX owners (Windows) the user's profile protects it.
    """
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows
        return True
    uid = os.getuid()
    stats = [os.fstat(fd), os.stat(folder), os.stat(folder.parent)]
    return all(st.st_uid == uid and not st.st_mode & 0o022 for st in stats)


def load_data_file_located(source: Path | _Readable, display: str | None = None) -> tuple[Dataset, dict[str, int]]:
    """Load a data file into a :class:`Dataset` and the map from JSON path to line.

    A file that loaded cleanly before is read back from a cache (``~/.cache/streekbeleid``, or
    ``$XDG_CACHE_HOME``) keyed by the hash of its text and of the loading code, so a second run skips
    parsing and structuring; ``STREEKBELEID_NO_CACHE=1`` turns the cache off.  Only files without
    problems are cached, so every error is always found afresh.
    """
    name = display or str(source)
    text = _read_or_refuse(source, name)
    is_json = source.name.endswith(".json")
    folder = _cache_dir()
    entry = None
    if folder is not None:
        key = hashlib.sha256(_code_fingerprint() + bytes([is_json]) + text.encode("utf-8")).hexdigest()
        entry = folder / key[:2] / f"{key}.pickle"
        try:
            with entry.open("rb") as handle:
                if _private(handle.fileno(), entry.parent):
                    cached = pickle.load(handle)
                    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], Dataset):
                        return cached  # type: ignore[return-value]
        except Exception:  # noqa: BLE001 - a missing, stale or broken cache entry is only a miss
            pass
    data, lines = parse_text(text, name, is_json=is_json)
    dataset = parse_data(data if data is not None else {}, Dataset, name, lines)
    if entry is not None:
        with contextlib.suppress(OSError):  # a read-only home: no cache, same answers
            _write_private(entry, pickle.dumps((dataset, lines), protocol=pickle.HIGHEST_PROTOCOL))
    return dataset, lines


def _write_private(entry: Path, content: bytes) -> None:
    """Write a cache entry that only the user can write, in folders only the user can write (see :func:`_private`)."""
    cache_root = entry.parent.parent
    cache_root.parent.mkdir(parents=True, exist_ok=True)
    for folder in (cache_root, entry.parent):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # also a folder an older version made with the default mode
    partial = entry.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    os.replace(partial, entry)


def load_data_file(source: Path | _Readable, display: str | None = None) -> Dataset:
    """Load one YAML or JSON data file into a :class:`Dataset`.

    Raises :class:`~streekbeleid.errors.DataError` naming file, line and field
    path for every problem in the file.
    """
    return load_data_file_located(source, display)[0]


# ------------------------------------------------------------------ JSON Schema


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is Decimal:
        return {"type": ["string", "number"], "description": "an amount"}
    if tp is Period:
        return {"$ref": "#/$defs/Period"}
    if tp is PartialDate:
        return {"$ref": "#/$defs/PartialDate"}
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = [_schema_for(a, defs) for a in args]
        schemas = inner + ([{"type": "null"}] if len(args) < len(typing.get_args(tp)) else [])
        return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(tp)[0], defs)}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _class_schema(tp, defs)
        if tp is Source:
            return {"anyOf": [{"type": "string", "description": "a document id"}, {"$ref": f"#/$defs/{name}"}]}
        return {"$ref": f"#/$defs/{name}"}
    if tp is typing.Any or callable(tp):
        return {}
    raise TypeError(f"no schema for {tp!r}")


def _validator_choices(field: attrs.Attribute[Any]) -> list[str] | None:
    if isinstance(field.validator, OneOf):
        return sorted(field.validator.allowed)
    return None


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        schema = _schema_for(hints[field.name], defs)
        choices = _validator_choices(field)
        if choices:
            schema = {"enum": choices + ([None] if field.default is None else [])}
        if (
            field.validator is not None
            and field.name in {"id"} | {"organization", "member", "by", "subject", "object", "body", "funder"}
            and hints[field.name] is str
        ):
            schema = {"type": "string", "pattern": ID_PATTERN}
        props[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split("\n\n")[0].split())
    if required:
        out["required"] = required
    return out


def dataset_json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a data file and of the native JSON export, generated from the records."""
    defs: dict[str, Any] = {
        "PartialDate": {
            "description": "A date known to the year, month or day.",
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
        },
        "Period": {
            "description": (
                "START/END; each end a partial date, ..D (on or before), D.. (on or after), ? (unknown) "
                "or .. (open). A single partial date is a period within that date."
            ),
            "anyOf": [
                {"type": "string"},
                {"type": "integer"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "start": {"type": ["string", "integer", "null"]},
                        "end": {"type": ["string", "integer", "null"]},
                    },
                },
            ],
        },
    }
    top = _class_schema(Dataset, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://streekbeleid.example/schema/streekbeleid-1.json",
        "title": "streekbeleid data file (format streekbeleid/1)",
        **top,
        "$defs": defs,
    }


_ = ALWAYS
