"""Answers as tables: text, HTML, pandas, and files a person opens (xlsx, csv) or a tool reads (json)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from streekbeleid import PartialDate, Period, StreekbeleidError, Truth
from streekbeleid.i18n import use_language
from streekbeleid.io.table_files import write_table
from streekbeleid.model.table import HEADINGS, Column, Table, Tabular

TABLE = Table(
    [
        *(Column(key, HEADINGS[key]) for key in ("id", "name", "date", "valid")),
        Column("seats", "seats"),
        Column("voting", "voting"),
    ],
    [
        ("limburg:resoc", "RESOC Limburg", PartialDate.parse("2014-03-11"), Period.parse("2014/2019"), 4, True),
        (
            "nis:71053",
            "Sint-Truiden; één stad",
            PartialDate.parse("2016-06"),
            Period.parse("2016/?"),
            None,
            Truth.UNCERTAIN,
        ),
    ],
    title="valid",
)


def test_a_table_reads_in_words_in_the_language_in_use() -> None:
    with use_language("nl"):
        text = str(TABLE)
    assert "11 maart 2014" in text and "juni 2016" in text and "vanaf 2016, einde onbekend" in text
    assert text.splitlines()[1].split() == ["id", "naam", "datum", "geldig", "zetels", "stemgerechtigd"]
    assert text.splitlines()[-1].endswith("onzeker")
    with use_language("en"):
        assert "from 2014 to 2019" in str(TABLE) and "yes" in str(TABLE)


def test_html_for_jupyter_escapes_and_keeps_the_words() -> None:
    evil = Table([Column("name", HEADINGS["name"])], [("<script>alert(1)</script>",)])
    with use_language("nl"):
        html = evil._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "<th>naam</th>" in html


def test_records_keep_raw_values_for_json() -> None:
    assert TABLE.records()[1] == {
        "id": "nis:71053",
        "name": "Sint-Truiden; één stad",
        "date": "2016-06",
        "valid": "2016/?",
        "seats": None,
        "voting": "uncertain",
    }


def test_to_pandas_gives_a_data_frame_of_raw_values() -> None:
    frame = TABLE.to_pandas()
    assert list(frame.columns) == ["id", "name", "date", "valid", "seats", "voting"]
    assert frame.loc[0, "valid"] == "2014/2019" and frame.shape == (2, 6)


def test_a_result_that_is_tabular_prints_shows_and_converts() -> None:
    class Answer(Tabular):
        def table(self) -> Table:
            return TABLE

    with use_language("en"):
        assert str(Answer()) == TABLE.text()
    assert Answer()._repr_html_() == TABLE._repr_html_()
    assert Answer().to_pandas().shape == (2, 6)


def test_a_workbook_has_a_bold_frozen_header_exact_dates_as_dates_and_numbers(tmp_path: Path) -> None:
    with use_language("nl"):
        path = write_table(TABLE, tmp_path / "out.xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("id", "naam", "datum", "geldig", "zetels", "stemgerechtigd")
    assert rows[1][2] == dt.datetime(2014, 3, 11) and sheet["C2"].number_format == "yyyy-mm-dd"
    assert rows[1][4] == 4 and rows[1][5] == "ja"
    assert rows[2][2] == "juni 2016"  # a month is not a day: written as words, never as 1 June
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width >= len("Sint-Truiden; één stad")
    assert sheet.title == "geldig"


def test_csv_in_dutch_has_a_bom_and_semicolons_in_english_commas(tmp_path: Path) -> None:
    with use_language("nl"):
        nl = write_table(TABLE, tmp_path / "nl.csv").read_bytes()
    with use_language("en"):
        en = write_table(TABLE, tmp_path / "en.csv").read_bytes()
    assert nl.startswith(b"\xef\xbb\xbf") and en.startswith(b"\xef\xbb\xbf")
    nl_lines = nl.decode("utf-8-sig").splitlines()
    assert nl_lines[0] == "id;naam;datum;geldig;zetels;stemgerechtigd"
    assert nl_lines[2] == 'nis:71053;"Sint-Truiden; één stad";juni 2016;vanaf 2016, einde onbekend;;onzeker'
    assert nl_lines[1].split(";")[2] == "2014-03-11"
    assert en.decode("utf-8-sig").splitlines()[0] == "id,name,date,valid,seats,voting"


def test_json_holds_the_raw_values(tmp_path: Path) -> None:
    path = write_table(TABLE, tmp_path / "out.json")
    assert json.loads(path.read_text(encoding="utf-8")) == TABLE.records()


def test_an_unknown_suffix_is_one_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    with use_language("en"), pytest.raises(StreekbeleidError, match=r"must end in \.xlsx, \.csv or \.json"):
        write_table(TABLE, tmp_path / "out.ods")
    assert list(tmp_path.iterdir()) == []
