"""``check``, ``compare`` and ``coverage`` in Dutch (``--lang nl``): Dutch words, names beside ids, dates in words;
and their tables written with ``-o`` to a workbook, a CSV file and JSON (ids and raw notation there)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

from streekbeleid.cli import main

#: A day or month in the data's notation (2016-06-30, 2016-06): never where a person reads a date.
NOTATION = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- check


def test_check_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "check", "--region", "limburg:limburg")
    assert code == 0
    lines = out.splitlines()
    summary = lines[-1]
    assert re.fullmatch(r"\d+ fouten?, \d+ waarschuwing(en)?, \d+ melding(en)?", summary), summary
    findings = lines[:-2]
    assert findings and all(line.split()[0] in ("fout", "waarschuwing", "melding") for line in findings)
    assert any("Onbeslisbaar: " in line or "geen trekker" in line for line in findings)
    # the composition of RESOC Limburg: seat groups in Dutch, the days in words, the body named beside its id
    resoc = next(
        line for line in findings if line.startswith("waarschuwing") and "RESOC Limburg (limburg:resoc)" in line
    )
    assert "zetelgroep 'gemeenten'" in resoc and "van 11 maart 2014 tot 6 februari 2017" in resoc
    assert not [line for line in findings if NOTATION.search(line.split(": ", 1)[1])]
    assert "error" not in out and "warning" not in out


def test_check_without_problems_says_so_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "check", "--plugins", "", "--rule", "period-order")
    assert (code, out) == (0, "geen problemen gevonden\n")


def test_check_json_keeps_rules_ids_and_severities(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "nl", "check", "--region", "limburg:limburg", "--json")
    problems = json.loads(out)
    assert {p["severity"] for p in problems} <= {"error", "warning", "info"}
    lead = next(p for p in problems if p["rule"] == "action-lead")
    assert all(":" in i for i in lead["ids"]) and "heeft geen trekker" in lead["message"]


def test_check_written_to_a_workbook_in_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "problemen.xlsx"
    code, out, err = run(capsys, "--lang", "nl", "check", "--region", "limburg:limburg", "-o", str(target))
    assert code == 0 and out == "" and str(target) in err
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("ernst", "regel", "betreft", "bericht")
    lead = next(r for r in rows[1:] if r[1] == "action-lead")
    assert lead[0] == "waarschuwing" and "limburg:" not in str(lead[2])  # names where a person reads


def test_check_written_to_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file, json_file = tmp_path / "p.csv", tmp_path / "p.json"
    run(capsys, "--lang", "nl", "check", "--region", "limburg:limburg", "--severity", "warning", "-o", str(csv_file))
    data = csv_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "ernst;regel;betreft;bericht"
    assert all(line.startswith("waarschuwing;") for line in lines[1:] if line)
    run(capsys, "check", "--region", "limburg:limburg", "--severity", "warning", "-o", str(json_file))
    records = json.loads(json_file.read_text(encoding="utf-8"))
    assert records and {r["severity"] for r in records} == {"warning"}
    assert all(isinstance(r["ids"], list) and all(":" in i for i in r["ids"]) for r in records)


# ---------------------------------------------------------------- compare


def test_compare_in_dutch_names_regions_and_themes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "compare", "--actors")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "plannen, planonderdelen en projecten per thema en regio"
    assert lines[1].startswith("thema ") and "Limburg" in lines[1] and "limburg:" not in lines[1]
    assert "actoren die regio's verbinden" in lines
    header = lines[lines.index("actoren die regio's verbinden") + 1]
    assert header.split() == ["actor", "regio's", "tussenligging"]
    assert "limburg:limburg" not in out and "theme:" not in out


def test_compare_written_to_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    matrix, actors = tmp_path / "matrix.csv", tmp_path / "actors.json"
    run(capsys, "--lang", "nl", "compare", "-o", str(matrix))
    lines = matrix.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("thema;") and "Limburg" in lines[0].split(";")
    run(capsys, "compare", "--actors", "-o", str(actors))
    records = json.loads(actors.read_text(encoding="utf-8"))
    voka = next(r for r in records if r["actor"] == "org:voka")
    assert all(":" in r for r in voka["regions"]) and isinstance(voka["betweenness"], float)


# ---------------------------------------------------------------- coverage


def test_coverage_of_a_municipality_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "coverage", "nis:72025", "--as-of", "2016-06-30")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Neerpelt (nis:72025) op 30 juni 2016: bekend"
    assert lines[2].split() == ["gebied", "of", "orgaan", "soort", "via", "gemeente", "dekt"]
    resoc = next(line for line in lines if line.startswith("RESOC Limburg "))
    assert resoc.split()[-1] == "ja" and "Neerpelt" in resoc and "nis:" not in resoc
    assert not NOTATION.search(out)


def test_coverage_of_a_region_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "coverage", "--region", "core:gebied/westhoek", "--as-of", "2016-06-30")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "RESOC-gebied Westhoek (core:gebied/westhoek) op 30 juni 2016"
    assert re.fullmatch(r"\d+ orga(an|nen), \d+ gemeenten", lines[2])
    assert lines[3].split() == ["naam", "soort", "zeker"]
    assert any(line.split()[:3] == ["Diksmuide", "gemeente", "ja"] for line in lines)


def test_coverage_why_not_certain_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--lang", "nl", "coverage", "nis:37015", "--as-of", "2016-06-30")  # Tielt
    assert out.splitlines()[0] == "Tielt (nis:37015) op 30 juni 2016: onzeker"
    reasons = out.split("waarom niet zeker:\n", 1)[1]
    assert "RESOC Midden-West-Vlaanderen (core:resoc/midden-west-vlaanderen): bestond " in reasons
    assert "de bronnen beslechten de dag niet" in reasons and not NOTATION.search(reasons)


def test_coverage_written_to_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target, raw = tmp_path / "neerpelt.xlsx", tmp_path / "neerpelt.json"
    run(capsys, "--lang", "nl", "coverage", "nis:72025", "--as-of", "2016-06-30", "-o", str(target))
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("gebied of orgaan", "soort", "via gemeente", "dekt")
    assert ("RESOC Limburg", "RESOC", "Neerpelt", "ja") in rows
    run(capsys, "coverage", "nis:72025", "--as-of", "2016-06-30", "-o", str(raw))
    assert {"id": "limburg:resoc", "kind": "RESOC", "municipality": "nis:72025", "covers": "yes"} in json.loads(
        raw.read_text(encoding="utf-8")
    )
