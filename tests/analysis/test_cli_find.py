"""The commands that find things and answer an analyst's next question: search, list, diff, endorsements.

Each in English and in Dutch (``--lang nl``), as JSON (ids and raw dates) and written to a file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streekbeleid.cli import main

from ._cli import run

PACT = "limburg:streekpact-2014-2019"


def test_search_finds_a_body_despite_a_typo_with_kind_and_region(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["search", "resoc limbrg", "--kind", "body"], capsys)
    lines = out.splitlines()
    assert lines[0].split() == ["name", "kind", "region", "id", "score"]
    assert "RESOC Limburg" in lines[2] and "limburg:resoc" in lines[2] and "Limburg" in lines[2]
    assert all("core:gebied" not in line for line in lines)  # --kind body leaves the region out


def test_search_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["--lang", "nl", "search", "spitsregio", "--limit", "3"], capsys)
    assert out.splitlines()[0].split() == ["naam", "soort", "regio", "id", "score"]
    assert "leuven:taskforce-spitsregio" in out and "orgaan" in out
    assert len(out.splitlines()) == 2 + 3


def test_search_json_holds_ids(capsys: pytest.CaptureFixture[str]) -> None:
    hits = json.loads(run(["search", "RESOC Limburg", "--json"], capsys))
    first = next(h for h in hits if h["id"] == "limburg:resoc")
    assert first["region"] == "limburg:limburg" and first["name"] == "RESOC Limburg"


def test_list_bodies_of_a_region_on_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["list", "bodies", "--region", "limburg:limburg", "--as-of", "2015-01-01"], capsys)
    assert out.splitlines()[0].split() == ["id", "name", "region", "valid", "active"]
    resoc = next(line for line in out.splitlines() if line.startswith("limburg:resoc "))
    assert "from 11 March 2014 at the latest" in resoc and resoc.rstrip().endswith("yes")
    assert "leuven:" not in out


def test_list_in_dutch_and_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["list", "bodies", "--lang", "nl", "--region", "limburg:limburg", "--as-of", "2015-01-01"], capsys)
    assert "ten laatste 11 maart 2014" in out and out.splitlines()[0].split()[:2] == ["id", "naam"]
    rows = json.loads(run(["list", "bodies", "--region", "limburg:limburg", "--json"], capsys))
    resoc = next(r for r in rows if r["id"] == "limburg:resoc")
    assert resoc["valid"] == "..2014-03-11/2017-02-06.." and resoc["region"] == "limburg:limburg"


def test_list_of_an_unknown_kind_is_one_line_naming_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "unicorns"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "cannot list 'unicorns': choose one of territories, regions, actors" in err


def test_diff_lists_what_began_between_two_days(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["diff", "--from", "2013-01-01", "--to", "2015-01-01", "--region", "limburg:limburg"]
    out = run(argv, capsys)
    resoc = next(line for line in out.splitlines() if " limburg:resoc " in line)
    assert resoc.startswith("began") and "RESOC Limburg" in resoc
    dutch = run(["--lang", "nl", *argv], capsys)
    assert any(line.startswith("begonnen") and " limburg:resoc " in line for line in dutch.splitlines())
    rows = json.loads(run([*argv, "--json"], capsys))
    assert any(r["id"] == "limburg:resoc" and r["valid"] == "..2014-03-11/2017-02-06.." for r in rows)


def test_diff_with_the_days_the_wrong_way_round_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["diff", "--from", "2015-01-01", "--to", "2013-01-01"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("streekbeleid: error: the second day") and len(err.splitlines()) == 1


def test_endorsements_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["endorsements", PACT], capsys)
    approval = next(line for line in out.splitlines() if line.startswith("approval"))
    assert "RESOC Limburg" in approval and "11 March 2014" in approval and approval.endswith("unanimous")
    assert "42 of 44 municipal councils" in out
    assert any(line.startswith("endorsement") and "VOKA" in line for line in out.splitlines())


def test_endorsements_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["endorsements", PACT, "--lang", "nl"], capsys)
    approval = next(line for line in out.splitlines() if line.startswith("goedkeuring"))
    assert "11 maart 2014" in approval and approval.endswith("unaniem")
    assert "42 van de 44 gemeenteraden" in out
    assert out.splitlines()[0].split() == ["wat", "door", "datum", "toelichting"]


def test_endorsements_json_holds_ids_and_raw_dates(capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(["endorsements", PACT, "--json"], capsys))
    assert {"what": "approval", "by": "limburg:resoc", "date": "2014-03-11", "detail": "unanimous"} in rows
    assert {r["by"] for r in rows if r["what"] == "endorsement"} >= {"org:voka", "org:unizo"}


def test_an_error_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--lang", "nl", "endorsements", "limburg:resoc"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("streekbeleid: fout: ") and len(err.splitlines()) == 1


def test_written_to_a_workbook_with_a_header_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "pact.xlsx"
    assert run(["endorsements", PACT, "-o", str(target)], capsys) == ""
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("what", "by", "date", "detail")
    assert any(r[0] == "approval" and r[1] == "RESOC Limburg" for r in rows[1:])


def test_written_to_csv_in_dutch_with_semicolons_and_a_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bodies.csv"
    run(["--lang", "nl", "list", "bodies", "--region", "limburg:limburg", "-o", str(target)], capsys)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "id;naam;regio;geldig"
    assert any(line.startswith("limburg:resoc;RESOC Limburg;Limburg;") for line in lines)


def test_written_to_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "hits.json"
    run(["search", "RESOC Limburg", "-o", str(target)], capsys)
    assert any(h["id"] == "limburg:resoc" for h in json.loads(target.read_text(encoding="utf-8")))


def test_lang_holds_for_the_command_only(capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid.i18n import language

    run(["--lang", "nl", "search", "voka", "--limit", "1"], capsys)
    assert language() == "en"  # the tests' STREEKBELEID_LANG, back after the command
