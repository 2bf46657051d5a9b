"""Reading data files: YAML (a safe loader only) or JSON, with the line of every JSON path.

Every problem in a file is reported together, each as ``file:line: $.path: message``.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs
import yaml
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.v import format_exception

from ..errors import DataError, DataProblem
from ..i18n import _
from .parser_words import parser_problem
from .structuring import converter, describe

__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "Readable",
    "line_for",
    "loads_json",
    "parse_data",
    "parse_text",
    "read_data_file",
    "read_or_refuse",
]

T = TypeVar("T")


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


class Readable(Protocol):
    """A file to read: a path, or a package resource (``importlib.resources``)."""

    name: str

    def read_text(self, encoding: str = ...) -> str: ...


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_INT_TAG = "tag:yaml.org,2002:int"

#: How deep data may nest: a plan's items within items, their indicators and periods take a dozen levels.
MAX_DEPTH = 64
#: How many digits an integer may have (a count of seats or votes needs a handful).
MAX_INT_DIGITS = 100
#: How many values YAML aliases may expand a file to: this many per character of the file, and a floor.
_EXPANSION_PER_CHAR, _EXPANSION_FLOOR = 10, 100_000


class _Bounds(Exception):
    """Input beyond the bounds above: where and why (raised out of the walk, reported as a DataError)."""

    def __init__(self, line: int, path: str, message: str) -> None:
        super().__init__(message)
        short = path if len(path) <= 100 else f"{path[:90]}..."  # one line, however deep
        self.line, self.path, self.message = line, short, message


def _walk_node(
    node: yaml.Node,
    loader: _Loader,
    path: str,
    lines: dict[str, int],
    problems: list[tuple[int, str, str]],
    budget: list[int],
    depth: int = 0,
) -> Any:
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    budget[0] -= 1
    if budget[0] < 0:
        raise _Bounds(
            line, path, _("YAML aliases expand this file beyond what a data file holds; write the values out")
        )
    if depth > MAX_DEPTH:
        raise _Bounds(line, path, _("nested more than {n} levels deep").format(n=MAX_DEPTH))
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        problems.append((line, path, _("unsupported YAML tag {tag!r}").format(tag=node.tag)))
        return None
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append((key_node.start_mark.line + 1, path, _("keys must be text, not a list or mapping")))
                continue
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                problems.append(
                    (key_node.start_mark.line + 1, path, _("keys must be text, got {key}").format(key=repr(key)[:80]))
                )
                continue
            child = f"{path}.{key}"
            if key in out:
                problems.append((key_node.start_mark.line + 1, child, _("duplicate key")))
            lines[child] = key_node.start_mark.line + 1
            out[key] = _walk_node(value_node, loader, child, lines, problems, budget, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk_node(item, loader, f"{path}[{i}]", lines, problems, budget, depth + 1)
            for i, item in enumerate(node.value)
        ]
    if node.tag == _INT_TAG and len(node.value) > MAX_INT_DIGITS:
        problems.append(
            (
                line,
                path,
                _("an integer of {n} characters; at most {most} digits").format(n=len(node.value), most=MAX_INT_DIGITS),
            )
        )
        return None
    return loader.construct_object(node, deep=True)


def _read_text(source: Path | Readable) -> str:
    return source.read_text(encoding="utf-8")


def read_or_refuse(source: Path | Readable, name: str) -> str:
    """The text of a file, or a :class:`~streekbeleid.errors.DataError` naming it."""
    try:
        return _read_text(source)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError.single(name, None, "", _("cannot read the file: {error}").format(error=exc)) from None


def read_data_file(source: Path | Readable, display: str | None = None) -> tuple[Any, dict[str, int]]:
    """Read a YAML or JSON file into plain data and a map from JSON path to line."""
    name = display or str(source)
    return parse_text(read_or_refuse(source, name), name, is_json=source.name.endswith(".json"))


def invalid_json(exc: json.JSONDecodeError) -> str:
    """``invalid JSON: expected a value``: the decoder's problem in the language in use (the line is the error's)."""
    return _("invalid {format}: {error}").format(format="JSON", error=parser_problem(exc.msg))


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    """What PyYAML found wrong, in the language in use; with what it was doing when that is said
    ("while scanning a quoted scalar") only in its own words, as a last resort."""
    if exc.problem:
        return parser_problem(exc.problem)
    return parser_problem(exc.context) if exc.context else str(exc)


def parse_text(text: str, name: str, *, is_json: bool = False) -> tuple[Any, dict[str, int]]:
    """Parse YAML or JSON text into plain data and a map from JSON path to line.

    Bounded: YAML aliases may not expand a file beyond ten values per character, data may not nest
    more than :data:`MAX_DEPTH` levels, an integer may not have more than :data:`MAX_INT_DIGITS`
    digits; each is one problem naming file and line.
    """
    lines: dict[str, int] = {}
    problems: list[tuple[int, str, str]] = []
    data: Any = None
    unreadable = ""
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError.single(name, exc.lineno, "", invalid_json(exc)) from None
        except (ValueError, RecursionError) as exc:  # nested too deep, an integer too long: the walk says where
            unreadable = str(exc)
    loader = _Loader(text)
    budget = [max(_EXPANSION_FLOOR, _EXPANSION_PER_CHAR * len(text))]
    try:
        node = loader.get_single_node()
        if node is None:
            walked: Any = {}
        else:
            walked = _walk_node(node, loader, "$", lines, problems, budget)
    except _Bounds as exc:
        raise DataError.single(name, exc.line, exc.path, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        if is_json and not unreadable:  # JSON that YAML cannot read: keep the data, lose the lines
            return data, lines
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = "JSON" if is_json else "YAML"
        raise DataError.single(
            name, line, "", _("invalid {format}: {error}").format(format=what, error=_yaml_problem(exc))
        ) from None
    except yaml.YAMLError as exc:  # a problem without a place
        raise DataError.single(
            name, None, "", _("invalid {format}: {error}").format(format="JSON" if is_json else "YAML", error=exc)
        ) from None
    finally:
        loader.dispose()
    if problems:
        raise DataError([DataProblem(name, line, path, msg) for line, path, msg in problems])
    if unreadable:
        raise DataError.single(name, None, "", _("cannot read the JSON: {error}").format(error=unreadable))
    if is_json:
        return ({} if node is None else data), lines
    return walked, lines


def loads_json(text: str, name: str) -> Any:
    """Parse a JSON value a person typed (a payload): bounded as :func:`parse_text`, without NaN or Infinity.

    :raises DataError: naming ``name`` and saying what is wrong, in one line.
    """

    def number(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise ValueError(
                _("an integer of {n} characters; at most {most} digits").format(n=len(digits), most=MAX_INT_DIGITS)
            )
        return int(digits)

    def constant(word: str) -> Any:
        raise ValueError(_("{word} is not a number JSON allows").format(word=word))

    try:
        data = json.loads(text, parse_int=number, parse_constant=constant)
    except json.JSONDecodeError as exc:
        where = _("line {line}, column {column}").format(line=exc.lineno, column=exc.colno)
        error = _("{problem} ({where})").format(problem=parser_problem(exc.msg), where=where)
        raise DataError.single(name, None, "", _("not JSON: {error}").format(error=error)) from None
    except (ValueError, RecursionError) as exc:
        message = str(exc) if isinstance(exc, ValueError) else _("nested more than {n} levels deep").format(n=MAX_DEPTH)
        raise DataError.single(name, None, "", message) from None
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:  # depth, without recursion
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise DataError.single(name, None, "", _("nested more than {n} levels deep").format(n=MAX_DEPTH))
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return data


def line_for(path: str, lines: Mapping[str, int]) -> int | None:
    """The line of a JSON path, or of the nearest enclosing path that has one (``$`` last)."""
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
            yield f"{path}.{key}", _("unknown field (check its spelling; see the data format reference)")
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
                yield child, _("required field is missing")
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
        if m and not message.startswith(("expected", "not ", "verwacht", "geen ")):
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
        raise DataError.single(
            name, lines.get("$"), "$", _("expected a mapping at the top, got {value}").format(value=describe(data))
        )
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, TypeError, ValueError) as exc:
        problems = [DataProblem(name, line_for(p, lines), p, m) for p, m in _leaves(exc, "$", data)]
        raise DataError(problems) from None
