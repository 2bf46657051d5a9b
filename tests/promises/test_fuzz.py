"""Property-based fuzzing of where input enters: the data-file loader, the native JSON reader, the payload parser.

Whatever the input, each either reads it or refuses it with a :class:`~streekbeleid.errors.DataError`
(the payload: a ``payload.invalid`` :class:`~streekbeleid.errors.WorkflowError`), one message naming
the file: never another exception, never a hang.  ``make test`` runs a bounded number of examples;
``make fuzz`` runs many more (``STREEKBELEID_FUZZ_EXAMPLES``).  Every crash found is a regression test
(the ``@example`` lines and ``test_bounded_resources.py``).
"""

from __future__ import annotations

import json
import os
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from streekbeleid import DataError, WorkflowError
from streekbeleid.io import native
from streekbeleid.serialization import Dataset, parse_data
from streekbeleid.serialization.reading import parse_text
from streekbeleid.workflows import parse_payload

EXAMPLES = int(os.environ.get("STREEKBELEID_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

KINDS = ["actors", "bodies", "memberships", "fundings", "tallies", "plans", "regions", "decisions", "workflows"]
FIELDS = ["id", "name", "kind", "valid", "amount", "count", "out_of", "seats", "items", "sources", "date", "by"]
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["x:a", "org:voka", "2019/2014", "2014/..", "NaN", "-Infinity", "1e999", "resoc", "?"])
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=30,
)
_datasets = st.dictionaries(
    st.sampled_from(KINDS) | st.text(max_size=8),
    st.lists(st.dictionaries(st.sampled_from(FIELDS), _values, max_size=6), max_size=3),
    max_size=4,
)


def _load(text: str, name: str, *, is_json: bool) -> None:
    try:
        data, lines = parse_text(text, name, is_json=is_json)
        parse_data(data if data is not None else {}, Dataset, name, lines)
    except DataError as exc:
        assert str(exc).startswith(name), str(exc)


@FUZZ
@given(st.text(max_size=300))
@example("a: &a [1]\nb: [*a, *a]\n")
@example("a: " + "[" * 2000 + "]" * 2000)
@example("a: " + "9" * 5000)
@example("? [a]\n: 1\n")  # a key that is a list
@example("a: !!python/object:os.system ls")
def test_the_data_file_loader_reads_or_refuses_any_text(text: str) -> None:
    _load(text, "fuzz.yaml", is_json=False)
    _load(text, "fuzz.json", is_json=True)


@FUZZ
@given(_datasets, st.booleans())
def test_the_data_file_loader_reads_or_refuses_any_data(data: dict[str, Any], as_json: bool) -> None:
    text = json.dumps(data, allow_nan=True) if as_json else yaml.safe_dump(data, allow_unicode=True)
    _load(text, "fuzz.json" if as_json else "fuzz.yaml", is_json=as_json)


@FUZZ
@given(st.text(max_size=300) | _datasets.map(json.dumps))
@example("[" * 100_000 + "]" * 100_000)
@example('{"bodies": [{"id": "x:b", "name": "B", "kind": "council", "seat_groups": [{"name": "a", "seats": 1e400}]}]}')
@example('{"format": 7}')
@example('{"a": 1, "a": 2}')
def test_the_native_json_reader_reads_or_refuses_any_text(text: str) -> None:
    try:
        native.parse_json(text, "fuzz.json")
    except DataError as exc:
        assert str(exc).startswith("fuzz.json"), str(exc)


@FUZZ
@given(st.none() | st.text(max_size=100) | _values.map(json.dumps), st.lists(st.text(max_size=40), max_size=3))
@example('{"a": NaN}', ["=x"])
@example("[" * 5000, ["k=" + "[" * 5000])
def test_the_payload_parser_reads_or_refuses_any_text(payload: str | None, sets: list[str]) -> None:
    try:
        result = parse_payload(payload, sets)
    except WorkflowError as exc:
        assert exc.rule == "payload.invalid" and "\n" not in str(exc), str(exc)
        return
    assert result is None or (isinstance(result, dict) and json.loads(json.dumps(result, allow_nan=False)) == result)
