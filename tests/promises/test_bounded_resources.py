"""Promise 2: bounded resources wherever input enters.

Data files, ``import``, history files, ``--payload`` and ``--set``: YAML alias expansion is limited,
nesting depth and integer size are bounded, each refused with one line naming file and line.
"""

from __future__ import annotations

import itertools
import time
import tracemalloc
from pathlib import Path

import pytest

from streekbeleid import DataError, WorkflowError
from streekbeleid.cli import main
from streekbeleid.io import native
from streekbeleid.serialization import load_data_file
from streekbeleid.serialization.reading import MAX_DEPTH, MAX_INT_DIGITS, parse_text
from streekbeleid.workflows import parse_payload


def alias_bomb(levels: int = 9) -> str:
    """The classic "billion laughs": 9 lists of 9 aliases of the list before, 9**9 values from 342 bytes."""
    names = "abcdefghijklmnop"
    lines = ["a: &a [" + ",".join(['"lol"'] * 9) + "]"]
    for prev, name in itertools.pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_expansion_is_limited() -> None:
    text = alias_bomb()
    assert len(text) < 400
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(DataError) as info:
        parse_text(text, "bomb.yaml")
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 20 and peak < 100_000_000, (elapsed, peak)  # was 10.7 s and 961 MB
    [problem] = info.value.problems
    assert problem.file == "bomb.yaml" and problem.line is not None
    assert "YAML aliases expand this file beyond what a data file holds" in problem.message
    assert "\n" not in str(info.value)


def test_a_few_aliases_as_people_write_them_are_fine() -> None:
    text = "a: &s [{document: x.txt}]\nb: *s\nc: *s\n"
    assert parse_text(text, "ok.yaml")[0] == {"a": [{"document": "x.txt"}]} | {
        "b": [{"document": "x.txt"}],
        "c": [{"document": "x.txt"}],
    }


@pytest.mark.parametrize(
    ("text", "is_json", "line"),
    [
        ("a: " + "[" * 100_000 + "]" * 100_000, False, 1),
        ("a: " + "[" * 999 + "]" * 999, False, 1),
        ("[" * 100_000 + "]" * 100_000, True, 1),
        ("[" * 900 + "]" * 900, True, 1),
        ("x: 1\nitems:\n" + "".join(" " * i + "- \n" for i in range(300)), False, None),
    ],
    ids=["yaml-flow-100000", "yaml-flow-999", "json-100000", "json-900", "yaml-block-300"],
)
def test_nesting_depth_is_bounded(text: str, is_json: bool, line: int | None) -> None:
    with pytest.raises(DataError) as info:
        parse_text(text, "deep.json" if is_json else "deep.yaml")
    [problem] = info.value.problems
    assert problem.line is not None and (line is None or problem.line == line)
    assert "nest" in problem.message
    assert "\n" not in str(info.value) and len(str(info.value)) < 250


@pytest.mark.parametrize("is_json", [False, True])
def test_integer_size_is_bounded(is_json: bool) -> None:
    digits = "9" * 5000
    text = f'{{"a": 1,\n "b": {digits}}}' if is_json else f"a: 1\nb: {digits}\n"
    with pytest.raises(DataError) as info:
        parse_text(text, "big")
    assert str(info.value) == f"big:2: $.b: an integer of 5000 characters; at most {MAX_INT_DIGITS} digits"


def test_a_data_file_beyond_the_bounds_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb())
    with pytest.raises(DataError, match=r"^bomb\.yaml:\d+: \$\.\w.*: YAML aliases"):
        load_data_file(path, "bomb.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"actors": ' + "[" * 900 + "]" * 900 + "}",
        '{"bodies": [{"id": "x:b", "name": "B", "kind": "council", "seat_groups": [{"name": "a", "seats": '
        + "9" * 5000
        + "}]}]}",
    ],
    ids=["deep", "deep-in-a-field", "big-integer"],
)
def test_the_native_json_reader_is_bounded(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(DataError) as info:
        native.parse_json(text, "t.json")
    assert str(info.value).startswith("t.json") and "\n" not in str(info.value)
    path = tmp_path / "t.json"
    path.write_text(text)
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_history_file_beyond_the_bounds_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "history.yaml"
    path.write_text(alias_bomb())
    code = main(["workflow", "import", str(path), "--store", str(tmp_path / "s.sqlite3"), "--plugins", "limburg"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "YAML aliases" in err


@pytest.mark.parametrize(
    ("payload", "sets", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, [], f"--payload: nested more than {MAX_DEPTH} levels deep"),
        ('{"a": ' + "[" * 200 + "]" * 200 + "}", [], f"--payload: nested more than {MAX_DEPTH} levels deep"),
        ('{"a": ' + "9" * 5000 + "}", [], "--payload: an integer of 5000 characters"),
        ('{"a": NaN}', [], "--payload: NaN is not a number JSON allows"),
        (None, ["n=" + "9" * 5000], "--set n: an integer of 5000 characters"),
        (None, ["d=" + "[" * 3000 + "]" * 3000], f"--set d: nested more than {MAX_DEPTH} levels deep"),
        (None, ["x=Infinity"], "--set x: Infinity is not a number JSON allows"),
    ],
)
def test_payload_and_set_are_bounded(payload: str | None, sets: list[str], message: str) -> None:
    with pytest.raises(WorkflowError) as info:
        parse_payload(payload, sets)
    assert info.value.rule == "payload.invalid"
    assert str(info.value).startswith(f"payload.invalid: {message}") and "\n" not in str(info.value)


def test_set_keeps_text_that_is_not_json_as_text() -> None:
    assert parse_payload('{"a": [1]}', ["k=hello world", "n=3"]) == {
        "a": [1],
        "k": "hello world",
        "n": 3,
    }
