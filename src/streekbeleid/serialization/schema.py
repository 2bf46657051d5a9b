"""The JSON Schema (2020-12) of a data file and of the native JSON export, generated from the records."""

from __future__ import annotations

import collections.abc
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from ..model.dates import PartialDate, Period
from ..model.records import ID_PATTERN, OneOf, Source, fraction, reference_of
from .structuring import Dataset

__all__ = ["dataset_json_schema"]


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
    if origin in (dict, collections.abc.Mapping):  # text keys (e.g. state ids) to values
        return {"type": "object", "additionalProperties": _schema_for(typing.get_args(tp)[1], defs)}
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
        if field.validator is fraction:  # a share: a number from 0 to 1 (as text, or a number at most 1)
            share = {"type": ["string", "number"], "minimum": 0, "maximum": 1, "description": "a share from 0 to 1"}
            schema = {"anyOf": [share, {"type": "null"}]}
        if (field.name == "id" or reference_of(field) is not None) and hints[field.name] is str:
            schema = {"type": "string", "pattern": ID_PATTERN}  # an own id, or a required reference
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
