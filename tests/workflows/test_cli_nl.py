"""``streekbeleid workflow ...`` in Dutch (``--lang nl``): Dutch words, names beside ids, dates in words; the tables
(``list``, ``instances``, ``history``) written with ``-o`` to a workbook, a CSV file and JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import streekbeleid_limburg

from streekbeleid.cli import main

HISTORY = streekbeleid_limburg.HISTORY
PACT = "limburg:streekpact-2014-2019"
INSTANCE = f"{PACT}/levensloop"
NOTATION = re.compile(r"(?<![\w:/-])\d{4}-\d{2}(-\d{2})?(?![\w/-])|\d{4}-\d{2}-\d{2}\.\.")


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    store = tmp_path / "store.sqlite3"

    def run(*args: str, lang: str = "nl") -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--lang", lang, "workflow", *args, "--store", str(store), "--plugins", "limburg"])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_a_round_trip_in_dutch(run: Any) -> None:
    code, out, _ = run("start", "core:streekpact", PACT)
    assert (code, out) == (0, f"core:streekpact/{PACT} begonnen in toestand ontwerp\n")
    iid = f"core:streekpact/{PACT}"
    code, out, _ = run("fire", iid, "approve", "--date", "2014-03-11", "--decision", f"{PACT}/goedkeuring-resoc")
    assert (code, out) == (0, f"{iid}: goedkeuring -> goedgekeurd (versie 2)\n")
    code, out, _ = run("status", iid)
    lines = out.splitlines()
    assert lines[0] == f"{iid}: goedgekeurd"
    assert "  workflow:   Levensloop van een streekpact (core:streekpact)" in lines
    assert "  onderwerp:  Streekpact 2014-2019 (limburg:streekpact-2014-2019)" in lines
    assert "  bijgewerkt: 11 maart 2014" in lines
    assert any(line.startswith("  volgende: ") and "(vraagt date" in line for line in lines)
    assert "  volgende: indiening (submit) -> ingediend (vraagt date, recipient; voorwaarden: " in out
    code, out, _ = run("correct", iid, "2", "--reason", "een andere dag", "--date", "2014-03")
    assert (code, out) == (0, f"{iid}: gebeurtenis 2 gecorrigeerd (versie 3)\n")
    code, out, _ = run("history", iid)
    header = out.splitlines()[0].split()
    assert header == ["#", "datum", "stap", "toestand", "feiten", "notitie"]
    assert "11 maart 2014" in out and "correctie van #2" in out and "beslissing: " in out
    assert "goedkeuring" in out and "goedgekeurd" in out and "approve" not in out
    code, out, _ = run("audit", iid)
    assert (code, out) == (0, f"{iid}: elke stap voldoet nog aan zijn voorwaarden\n")


def test_an_imported_history_in_dutch(run: Any) -> None:
    code, out, _ = run("import", str(HISTORY))
    assert code == 0 and f"{INSTANCE}: ingediend (versie 11)" in out.splitlines()
    code, out, _ = run("instances")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "workflow", "onderwerp", "toestand", "versie"]
    row = next(line for line in lines if line.startswith(INSTANCE))
    assert "Levensloop van een streekpact" in row and "Streekpact 2014-2019" in row and "core:streekpact " not in row
    assert row.split()[-2:] == ["ingediend", "11"]
    code, out, _ = run("history", INSTANCE)
    table, _sep, notes = out.partition("\n  #")
    assert "ten vroegste 11 maart 2014" in table and "door: RESOC Limburg (limburg:resoc)" in table
    assert "twijfel: " in notes and "bron: " in notes and "een onbekende datum" in notes
    assert not NOTATION.search(out), NOTATION.search(out)


def test_list_and_show_in_dutch(run: Any) -> None:
    code, out, _ = run("list")
    assert code == 0
    assert out.splitlines()[0].split() == ["id", "naam", "loopt", "over", "toestanden", "overgangen"]
    _code, out, _ = run("show", "core:streekpact")
    assert "  loopt over: plan" in out and "  overgangen:" in out and "      vraagt: date, decision" in out


def test_the_tables_written_to_files(run: Any, tmp_path: Path) -> None:
    run("import", str(HISTORY))
    workbook, csv_file, json_file = tmp_path / "h.xlsx", tmp_path / "i.csv", tmp_path / "h.json"
    code, out, err = run("history", INSTANCE, "-o", str(workbook))
    assert code == 0 and out == "" and str(workbook) in err
    rows = list(openpyxl.load_workbook(workbook).active.iter_rows(values_only=True))
    assert rows[0] == ("#", "datum", "stap", "toestand", "feiten", "notitie")
    assert rows[2][0] == 2 and rows[2][1].date() == dt.date(2014, 3, 11)  # an exact day is a date in the workbook
    assert rows[3][1] == "ten vroegste 11 maart 2014" and rows[3][4].startswith("beslissing: ")
    run("instances", "-o", str(csv_file))
    data = csv_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "id;workflow;onderwerp;toestand;versie"
    assert f"{INSTANCE};Levensloop van een streekpact;Streekpact 2014-2019;ingediend;11" in lines
    run("history", INSTANCE, "-o", str(json_file), lang="en")
    events = json.loads(json_file.read_text(encoding="utf-8"))
    assert [e["version"] for e in events] == list(range(1, 12))
    assert events[1]["date"] == "2014-03-11" and events[2]["date"] == "2014-03-11.."  # the notation in JSON


def test_english_stays_english(run: Any) -> None:
    _code, out, _ = run("start", "core:streekpact", PACT, lang="en")
    assert out == f"started core:streekpact/{PACT} in state drafted\n"
    _code, out, _ = run("fire", f"core:streekpact/{PACT}", "consult", "--date", "2013", lang="en")
    assert out == f"core:streekpact/{PACT}: consultation -> in consultation (version 2)\n"


def test_a_refused_step_says_why_in_dutch(run: Any) -> None:
    run("start", "core:streekpact", PACT)
    iid = f"core:streekpact/{PACT}"
    code, _, err = run("fire", iid, "submit", "--date", "2014-03-11")
    assert code != 0
    assert "transition.illegal" in err  # the rule stays machine-readable
    assert f"indiening (submit) kan niet in toestand ontwerp van instantie '{iid}'" in err
    assert "cannot fire" not in err
    assert "(nu mogelijk: overleg (consult), goedkeuring (approve), vervanging (supersede))" in err
    code, _, err = run("fire", iid, "approve", "--date", "2014-03-11")
    assert code != 0 and "goedkeuring (approve) van 'core:streekpact' vraagt decision" in err
    run("fire", iid, "consult", "--date", "2014-02")
    code, _, err = run("fire", iid, "approve", "--date", "2014-01", "--decision", f"{PACT}/goedkeuring-resoc")
    assert code != 0 and "januari 2014 valt vóór februari 2014, de datum van overleg (gebeurtenis 2)" in err
