"""Promise 3: impossible values are refused where they enter, as ``file:line: $.path: message``.

A NaN or infinite amount, a period that certainly ends before it starts, a tally that counts more
deciders than it counts out of: refused by the records themselves, so a data file, a plugin's data
(lenient and strict), ``import`` of YAML or JSON and a record built in Python all refuse them.
"""

from __future__ import annotations

import io
import json
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import Actor, DataError, Funding, Period, Tally
from streekbeleid.cli import main
from streekbeleid.plugins.manager import PluginWarning
from streekbeleid.serialization import load_data_file

EXPECTED = [
    "impossible/impossible.yaml:5: $.actors[0].valid: 2019/2014 ends before it starts",
    "impossible/impossible.yaml:7: $.fundings[0].amount: must be a finite amount, got NaN",
    "impossible/impossible.yaml:8: $.fundings[1].amount: must be a finite amount, got -Infinity",
    "impossible/impossible.yaml:10: $.tallies[0].out_of: counts 45 of 44; count cannot exceed out_of",
]


def test_impossible_values_are_refused_where_they_enter_in_strict_mode(test_plugins: Path) -> None:
    with pytest.raises(DataError) as info:
        streekbeleid.load(plugins=["impossible"], strict=True)
    assert sorted(str(p) for p in info.value.problems) == sorted(EXPECTED)


def test_impossible_values_are_refused_where_they_enter_in_lenient_mode(test_plugins: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = streekbeleid.load(plugins=["impossible"])
    [warning] = [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]
    assert all(line in warning.splitlines() for line in EXPECTED), warning
    assert "impossible:a" not in model


@pytest.mark.parametrize(
    ("amount", "shown"), [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("sNaN", "sNaN")]
)
def test_a_nan_or_infinite_amount_is_refused(tmp_path: Path, amount: str, shown: str) -> None:
    path = tmp_path / "f.json"  # JSON's NaN and Infinity literals too
    literal = amount if amount != "sNaN" else json.dumps(amount)
    path.write_text(f'{{"fundings": [\n{{"id": "x:f", "kind": "fund", "funder": "org:vdab", "amount": {literal}}}]}}')
    with pytest.raises(DataError) as info:
        load_data_file(path, "f.json")
    assert str(info.value) == f"f.json:2: $.fundings[0].amount: must be a finite amount, got {shown}"
    with pytest.raises(ValueError, match="finite"):
        Funding(id="x:f", kind="fund", funder="org:vdab", amount=Decimal(amount))


def test_a_period_that_ends_before_it_starts_is_refused_but_one_that_may_is_left_to_check() -> None:
    with pytest.raises(ValueError, match="valid: 2019/2014 ends before it starts"):
        Actor(id="x:a", name="A", kind="other", valid=Period.parse("2019/2014"))
    # within one partial date, or coarse enough to be undecidable: the check says so, as info
    Actor(id="x:a", name="A", kind="other", valid=Period.parse("2019/2019-03"))
    Actor(id="x:a", name="A", kind="other", valid=Period.parse("2019/2019"))


def test_a_tally_counting_more_than_out_of_is_refused() -> None:
    with pytest.raises(ValueError, match="counts 45 of 44"):
        Tally(id="x:t", kind="endorse", subject="x:p", by="municipal_council", count=45, out_of=44)
    Tally(id="x:t", kind="endorse", subject="x:p", by="municipal_council", count=44, out_of=44)


def test_import_refuses_impossible_values_with_file_line_and_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(__file__).parents[1] / "plugin_fixtures/src/sb_test_plugins/data/impossible.yaml"
    path = tmp_path / "impossible.yaml"
    path.write_text(source.read_text())
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:5: $.actors[0].valid: 2019/2014 ends before it starts" in err
    assert f"{path}:10: $.tallies[0].out_of: counts 45 of 44" in err
    assert "Traceback" not in err


def test_import_reads_yaml_data_files_as_its_help_says(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("actors:\n  - id: x:a\n    name: A\n    kind: other\n")
    assert main(["import", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: valid, 1 records")


def test_import_from_standard_input_checks_utf8_as_import_of_a_file_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = b'{"actors": [{"id": "x:a", "name": "Br\xfcgge", "kind": "other"}]}'
    path = tmp_path / "latin1.json"
    path.write_bytes(raw)
    assert main(["import", str(path)]) == 2
    from_file = capsys.readouterr().err.strip().splitlines()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape"))
    assert main(["import", "-"]) == 2
    from_stdin = capsys.readouterr().err.strip().splitlines()
    assert len(from_file) == len(from_stdin) == 1
    assert from_stdin[0].endswith(
        "<stdin>: cannot read the file: 'utf-8' codec can't decode byte 0xfc in position 37: invalid start byte"
    )
    assert from_file[0].endswith(from_stdin[0].split("<stdin>", 1)[1])
