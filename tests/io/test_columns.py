"""The native reader's fast paths: column-at-a-time structuring, and orjson with its duplicate-key check.

Each fast path must give exactly what the slow one gives, or step aside: never accept what
the project converter refuses, never read a file with a duplicate key.
"""

from __future__ import annotations

import copy
import json
import threading
from importlib.resources import files
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streekbeleid import Actor, DataError, Model
from streekbeleid.io import native
from streekbeleid.io.columns import Columns, Reject
from streekbeleid.serialization import Dataset, converter, load_data_file, unstructure

from .test_native import models

_COLUMNS = Columns(converter)


def columns() -> Columns:
    """A column reader for the project converter (the native reader keeps one like it)."""
    return _COLUMNS


# ------------------------------------------------------------------ structuring


def test_real_exports_take_the_fast_path(everything: Model) -> None:
    """The fast path does not step aside for real data: the installed regions read without the converter."""
    data = native.to_data(everything)
    assert columns().structure(data, Dataset) == converter.structure(data, Dataset) == native.to_dataset(everything)


def test_classes_it_cannot_build_go_to_the_converter() -> None:
    """Workflow definitions check themselves after __init__: the converter builds them, in the same call."""
    path = files("streekbeleid") / "data" / "workflows.yaml"
    dataset = load_data_file(path, "workflows.yaml")  # type: ignore[arg-type]
    assert dataset.workflows
    data = unstructure(dataset)
    assert columns().structure(data, Dataset) == dataset
    assert not columns().builds(type(dataset.workflows[0]))
    assert columns().builds(Actor)


@attrs.frozen(init=False)
class _OwnInit:
    name: str

    def __init__(self, name: str) -> None:
        self.__attrs_init__(name=name.strip())  # type: ignore[attr-defined]


@attrs.frozen
class _Plain:
    name: str
    inner: tuple[_OwnInit, ...] = ()


def test_a_class_with_an_init_of_its_own_is_built_by_its_init() -> None:
    fast = Columns(converter)
    assert not fast.builds(_OwnInit) and fast.builds(_Plain)
    data = {"name": "a", "inner": [{"name": "  b  "}]}
    expected = _Plain(name="a", inner=(_OwnInit(name="b"),))
    assert fast.structure(data, _Plain) == converter.structure(data, _Plain) == expected


def test_defaults_computed_from_other_fields() -> None:
    data = {
        "actors": [{"id": "x:a", "name": "A", "kind": "other"}, {"id": "x:p", "name": "P", "kind": "other"}],
        "meetings": [{"id": "x:m", "body": "x:a", "date": "2016-03"}],
        "decisions": [
            {"id": "x:d", "kind": "approve", "by": "x:a", "subject": "x:p", "date": 2016},
            {"id": "x:e", "kind": "approve", "by": "x:a", "subject": "x:p", "valid": "2014/2019"},
            {"id": "x:f", "kind": "approve", "by": "x:a", "subject": "x:p"},
        ],
    }
    got = columns().structure(data, Dataset)
    assert got == converter.structure(data, Dataset)
    assert [str(d.valid) for d in got.decisions] == ["2016/..", "2014/2019", "../.."]
    assert str(got.meetings[0].valid) == "2016-03/2016-03"


@pytest.mark.parametrize(
    "bad_id",
    ["x:a\nx:b", "x:a\n", "", "X:a", "x:", "x:a b", 5, None],
)
def test_an_id_the_pattern_refuses_is_refused(bad_id: Any) -> None:
    data = {"actors": [{"id": "x:ok", "name": "A", "kind": "other", "part_of": bad_id}]}
    if bad_id is None:  # part_of may be null
        assert columns().structure(data, Dataset) == converter.structure(data, Dataset)
        return
    with pytest.raises(Reject):
        columns().structure(data, Dataset)
    with pytest.raises(DataError, match=r"\$\.actors\[0\]\.part_of"):
        native.from_data(data, "bad.json")


_DAMAGE = st.sampled_from(
    [
        None,
        0,
        -1,
        1.5,
        True,
        "",
        "x",
        "Bad Id",
        "x:a\nx:b",
        "x:a\n",
        "2014/..",
        "2014-13",
        "member",
        [],
        ["x:a"],
        [{"document": "d"}],
        ["d"],
        {},
        {"document": "d"},
    ]
)


def _places(data: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the data, the top mapping's own keys included."""
    out: list[tuple[Any, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            out.append((node, key))
            stack.append(value)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(), st.data())
def test_damaged_data_is_never_accepted_unless_the_converter_accepts_it(model: Model, draw: st.DataObject) -> None:
    """Random damage anywhere in a random model's data: the fast path refuses, or agrees with the converter."""
    data = copy.deepcopy(native.to_data(model))
    places = _places(data)
    container, key = draw.draw(st.sampled_from(places))
    action = draw.draw(st.sampled_from(["replace", "delete", "add a field"]))
    if action == "replace" or (action == "delete" and isinstance(container, list)):
        container[key] = draw.draw(_DAMAGE)
    elif action == "delete":
        del container[key]
    else:
        target = container if isinstance(container, dict) else container[key]
        if not isinstance(target, dict):
            return
        target["colour"] = draw.draw(_DAMAGE)
    try:
        expected = converter.structure(data, Dataset)
    except Exception:  # noqa: BLE001 - the converter refuses: so must the fast path
        with pytest.raises(Reject):
            columns().structure(data, Dataset)
        return
    try:
        got = columns().structure(data, Dataset)
    except Reject:  # stepping aside is allowed; the converter will read it
        return
    assert got == expected


def test_a_refusal_leaves_the_reader_ready_for_the_next_file() -> None:
    good = {"actors": [{"id": "x:a", "name": "A", "kind": "other", "valid": "2014/2019"}]}
    with pytest.raises(Reject):
        columns().structure({"actors": [{"id": "x:a", "name": "A", "kind": "other", "valid": "2014/20"}]}, Dataset)
    assert columns().structure(good, Dataset) == converter.structure(good, Dataset)
    assert not hasattr(columns(), "_periods")  # nothing of a call is kept


# ------------------------------------------------------------------ parsing


def _actors(n: int) -> Model:
    return Model.from_records([Actor(id=f"x:a{i}", name=f"Actor {i}", kind="other") for i in range(n)])


@pytest.mark.parametrize("indent", [None, 2])
def test_text_as_written_is_parsed_by_orjson(indent: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = native.generate_json(_actors(3), indent=indent) + "\n"
    monkeypatch.setattr(native, "_decoder", None)  # the standard library's decoder must not be needed
    assert native.to_dataset(native.parse_json(text)) == native.to_dataset(_actors(3))


@pytest.mark.parametrize("indent", [None, 2])
def test_a_duplicate_key_is_found_in_text_orjson_would_read(indent: int | None) -> None:
    text = native.generate_json(_actors(2), indent=indent)
    if indent == 2:
        doubled = text.replace('"name": ', '"name": "first",\n      "name": ', 1)
    else:
        doubled = text.replace('"name":', '"name":"first","name":', 1)
    assert orjson.loads(doubled)["actors"][0]["name"] == "Actor 0"  # orjson keeps the last silently
    with pytest.raises(DataError, match=r"\$\.actors\[0\]\.name: duplicate key"):
        native.parse_json(doubled, "doubled.json")


def test_other_text_and_no_orjson_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _actors(3)
    data = native.to_data(model)
    spaced = json.dumps(data, indent=4, ensure_ascii=True)
    expected = native.to_dataset(model)
    assert native.to_dataset(native.parse_json(spaced)) == expected
    monkeypatch.setattr(native, "_orjson", None)
    assert native.to_dataset(native.parse_json(spaced)) == expected
    assert native.to_dataset(native.parse_json(native.generate_json(model))) == expected


def test_what_orjson_refuses_or_reads_otherwise_goes_to_the_standard_library() -> None:
    with pytest.raises(DataError, match=r"bad.json:2: invalid JSON"):
        native.parse_json('{"actors":\n [,]}', "bad.json")
    # orjson reads an integer beyond 64 bits as a float; written again, the text differs
    huge = 10**30
    text = (
        '{"actors":[{"id":"x:a","name":"A","kind":"other"}],'
        f'"tallies":[{{"id":"x:t","kind":"approve","subject":"x:a","by":"councils","count":{huge}}}]}}'
    )
    assert orjson.loads(text)["tallies"][0]["count"] == float(huge)
    count = native.parse_json(text).get("x:t").count
    assert count == huge and type(count) is int


def test_records_built_by_the_fast_path_behave_like_any_other() -> None:
    data = {"actors": [{"id": "x:a", "name": "A", "kind": "other"}]}
    built = columns().structure(data, Dataset).actors[0]
    made = Actor(id="x:a", name="A", kind="other")
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.name = "B"  # type: ignore[misc]
    assert attrs.evolve(built, name="B").name == "B"


def test_threads_may_share_the_reader() -> None:
    """A call keeps its state to itself: a bad id in one thread's data never leaks into another's answer."""
    good = native.to_data(_actors(300))
    bad = copy.deepcopy(good)
    bad["actors"][-1]["id"] = "Not An Id"
    expected = converter.structure(good, Dataset)
    outcomes: list[str] = []

    def read(data: dict[str, Any]) -> None:
        for _ in range(30):
            try:
                outcomes.append("good" if columns().structure(data, Dataset) == expected else "wrong")
            except Reject:
                outcomes.append("refused")

    threads = [threading.Thread(target=read, args=(data,)) for data in (good, bad, good, bad)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(set(outcomes)) == ["good", "refused"]
    assert outcomes.count("good") == outcomes.count("refused") == 60
