"""The facts a person gives a workflow step on the command line: ``--payload JSON`` and ``--set KEY=VALUE``.

>>> parse_payload('{"subregion": "limburg:maasland"}', ["votes=24", "note=unanimously"])
{'subregion': 'limburg:maasland', 'votes': 24, 'note': 'unanimously'}
>>> parse_payload(None, []) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import DataError, WorkflowError
from ..serialization.reading import loads_json
from ._refuse import refuse

__all__ = ["parse_payload"]


def parse_payload(payload: str | None, settings: Iterable[str] = ()) -> dict[str, Any] | None:
    """The payload of a step: a JSON object (``payload``) and ``KEY=VALUE`` settings, a value read as JSON when
    it is JSON and as text otherwise; None when both are empty.

    JSON is read within bounds (nesting depth, integer size, no NaN); anything else is a :class:`WorkflowError`
    ``payload.invalid`` of one line.
    """
    found: dict[str, Any] = {}
    if payload:
        try:
            loaded = loads_json(payload, "--payload")  # bounded: depth, integer size, no NaN
        except DataError as exc:
            raise _invalid(str(exc)) from None
        if not isinstance(loaded, dict):
            raise _invalid(f"--payload must be a JSON object, got {payload!r:.80}")
        found.update(loaded)
    for item in settings:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise _invalid(f"--set takes KEY=VALUE, got {item!r:.80}")
        try:
            found[key] = loads_json(value, f"--set {key}")
        except DataError as exc:
            if "not JSON" not in str(exc):  # JSON beyond the bounds is refused; text that is not JSON is text
                raise _invalid(str(exc)) from None
            found[key] = value
    return found or None


def _invalid(message: str) -> WorkflowError:
    return refuse("payload.invalid", message)
