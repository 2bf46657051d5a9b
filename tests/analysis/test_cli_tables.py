"""show and the table commands (members, municipalities, lineage, regions, plugins) in Dutch and English, written
to files with -o, the query results as tables in Python (text, Jupyter, pandas), and the help in Dutch."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import queries
from streekbeleid.cli import main
from streekbeleid.i18n import use_language

from ._cli import run

#: The raw date notation of the data (``..2014-03-11``, ``2014/2019``, ``?``) never stands where a person reads.
RAW = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}/\d{4}|\.\.\d{4}|\?/|/\?")
#: Ids beside names (``(limburg:resoc/2014-03-11)``) may hold a date: they are left out before looking for one.
IDS = re.compile(r"\([a-z_]+:[^)\s]*\)|\b[a-z_]+:[^\s]+")


def raw_dates(text: str) -> list[str]:
    """The raw date notation in ``text`` outside ids."""
    return RAW.findall(IDS.sub("", text))


# ---------------------------------------------------------------- show


def test_show_of_a_gone_municipality_says_what_it_became(capsys: pytest.CaptureFixture[str]) -> None:
    dutch = run(["--lang", "nl", "show", "nis:72025", "--plugins", ""], capsys)
    assert dutch.splitlines()[:2] == ["Neerpelt", "gebied · nis:72025"]
    assert "bestaat niet meer: op 1 januari 2019 opgegaan in Pelt (nis:72043)" in dutch
    assert "geldig: tot 31 december 2018" in dutch and "niveau: gemeente" in dutch
    english = run(["--lang", "en", "show", "nis:72025", "--plugins", ""], capsys)
    assert "no longer exists: merged into Pelt (nis:72043) on 1 January 2019" in english
    assert not raw_dates(dutch) and not raw_dates(english)


def test_show_follows_a_successor_that_is_gone_too(capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid import Model, Period, Territory

    model = Model.from_records(
        [
            Territory(
                id="nis:1", name="Oud", level="municipality", successor="nis:2", valid=Period.parse("../2000-12-31")
            ),
            Territory(
                id="nis:2",
                name="Midden",
                level="municipality",
                successor="nis:3",
                valid=Period.parse("2001-01-01/2010"),
            ),
            Territory(id="nis:3", name="Nieuw", level="municipality", valid=Period.parse("2011-01-01/..")),
        ]
    )
    from streekbeleid.describe import describe

    with use_language("nl"):
        text = describe(model, model.get("nis:1"))
    assert "bestaat niet meer: op 1 januari 2001 opgegaan in Midden (nis:2)" in text
    assert "later: op 1 januari 2011 opgegaan in Nieuw (nis:3)" in text
    with use_language("en"):
        alive = describe(model, model.get("nis:3"))
    assert "no longer exists" not in alive


def test_show_of_a_body_in_dutch_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    dutch = run(["--lang", "nl", "show", "limburg:resoc"], capsys)
    assert dutch.splitlines()[1] == "orgaan · RESOC · limburg:resoc"
    assert "geldig: van ten laatste 11 maart 2014 tot ten vroegste 6 februari 2017" in dutch
    assert "zetelgroep werkgevers: 8 zetels (VOKA (org:voka) 4" in dutch
    assert "    werknemers:" in dutch and "ABVV (org:abvv) (2 zetels, datums onbekend)" in dutch
    assert "RESOC Limburg wordt ondersteund door ERSV Limburg vzw (limburg:ersv)" in dutch
    assert "relaties:" in dutch and "bronnen:" in dutch
    english = run(["--lang", "en", "show", "limburg:resoc"], capsys)
    assert english.splitlines()[1] == "body · RESOC · limburg:resoc"
    assert "seat group employers: 8 seats (VOKA (org:voka) 4" in english
    assert not raw_dates(dutch.split("bronnen:")[0]) and not raw_dates(english.split("sources:")[0])


def test_show_words_a_decision_without_a_name(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["--lang", "nl", "show", "limburg:streekpact-2014-2019/onderschrijving-gemeenteraden"], capsys)
    assert out.splitlines()[0] == "42 van de 44 gemeenteraden (95%) onderschreven Streekpact 2014-2019"
    plan = run(["--lang", "nl", "show", "limburg:streekpact-2014-2019"], capsys)
    assert "RESOC Limburg keurt Streekpact 2014-2019 goed, 11 maart 2014 (" in plan


def test_show_of_a_plan_item_lists_the_items_under_it(capsys: pytest.CaptureFixture[str]) -> None:
    item = "zuid_oost_vlaanderen:streekpact-2013-2018/2"
    dutch = run(["--lang", "nl", "show", item], capsys)
    assert dutch.splitlines()[1] == f"planonderdeel · prioriteit · {item}"
    assert "2 onderdelen eronder:" in dutch
    assert "    - doelstelling 2.1: Ondersteuning uitbouw lokale economie" in dutch
    assert "      - actie: NIMBY" in dutch  # the items under the items, one level deeper
    assert "thema’s: Ondernemerschap (theme:entrepreneurship)" in dutch  # the theme's Dutch name
    english = run(["--lang", "en", "show", item], capsys)
    assert "2 items under it:" in english and "    - objective 2.1: Ondersteuning uitbouw lokale economie" in english


def test_show_json_keeps_ids_and_notation(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(["--lang", "nl", "show", "nis:72025", "--plugins", "", "--json"], capsys))
    assert data["record"]["successor"] == "nis:72043" and data["record"]["valid"] == "../2018-12-31"


# ---------------------------------------------------------------- the table commands as text


def test_members_in_dutch_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["members", "limburg:resoc", "--as-of", "2016-06-30", "--plugins", "limburg"]
    dutch = run(["--lang", "nl", *argv], capsys)
    assert dutch.splitlines()[0] == "RESOC Limburg (limburg:resoc) op 30 juni 2016"
    assert dutch.splitlines()[2].split()[:3] == ["zetelgroep", "lid", "zetels"]
    voka = next(line for line in dutch.splitlines() if " VOKA " in line)
    assert voka.split()[:4] == ["werkgevers", "VOKA", "4", "lid"] and "datums onbekend" in voka and "onzeker" in voka
    assert "werkgevers: 0 tot 8 bezet van 8 zetels" in dutch
    english = run(["--lang", "en", *argv], capsys)
    assert english.splitlines()[0] == "RESOC Limburg (limburg:resoc) on 30 June 2016"
    assert "employers: 0 to 8 filled of 8 seats" in english
    assert not raw_dates(dutch) and not raw_dates(english)


def test_municipalities_in_dutch_name_what_a_gone_one_became(capsys: pytest.CaptureFixture[str]) -> None:
    dutch = run(["--lang", "nl", "municipalities", "nis:70000", "--as-of", "2019-06-01", "--plugins", ""], capsys)
    assert dutch.splitlines()[0] == "Limburg (nis:70000) op 1 juni 2019: 42 gemeenten"
    assert dutch.splitlines()[2].split() == ["id", "naam", "zeker"]
    assert any(line.split() == ["nis:72043", "Pelt", "ja"] for line in dutch.splitlines())
    english = run(["--lang", "en", "municipalities", "nis:72000", "--as-of", "2019-06-01", "--plugins", ""], capsys)
    assert english.splitlines()[0] == "Maaseik (nis:72000) on 1 June 2019: 12 municipalities"
    assert english.splitlines()[2].split() == ["id", "name", "certain"]


def test_municipalities_of_a_region_naming_a_gone_one(capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid import Model, Period, Region, RegionPart, Territory

    model = Model.from_records(
        [
            Territory(
                id="nis:1", name="Oud", level="municipality", successor="nis:2", valid=Period.parse("../2018-12-31")
            ),
            Territory(id="nis:2", name="Nieuw", level="municipality", valid=Period.parse("2019-01-01/..")),
            Region(id="x:r", name="Streek", parts=[RegionPart(territory="nis:1")]),
        ]
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(streekbeleid.assembly, "load", lambda plugins=None, strict=None: model)
        out = run(["--lang", "nl", "municipalities", "x:r", "--as-of", "2020-01-01"], capsys)
    assert "genoemd maar verdwenen op 1 januari 2020: Oud (nis:1), nu Nieuw (nis:2)" in out


def test_lineage_in_dutch_oldest_first(capsys: pytest.CaptureFixture[str]) -> None:
    dutch = run(["--lang", "nl", "lineage", "limburg:streekpact-2014-2019"], capsys)
    lines = dutch.splitlines()
    assert lines[0] == "verwantschap van Streekpact 2014-2019 (limburg:streekpact-2014-2019)"
    assert lines[2].split() == ["nieuwer", "verband", "ouder"]
    assert any(line.split() == ["Streekpact", "2014-2019", "volgt", "op", "Streekpact", "2008-2013"] for line in lines)
    oldest = lines[lines.index("oudste eerst:") + 3]
    assert oldest.split()[:3] == ["Streekpact", "2008-2013", "limburg:streekpact-2008-2013"]
    assert oldest.rstrip().endswith("van 2008 tot 2013")
    assert not raw_dates(dutch)


def test_regions_and_plugins_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    regions = run(["--lang", "nl", "regions"], capsys)
    assert regions.splitlines()[0].split() == ["id", "naam", "soort", "deel", "van", "plugin", "delen"]
    maasland = next(line for line in regions.splitlines() if line.startswith("limburg:maasland "))
    assert maasland.split()[1:5] == ["Maasland", "deelregio", "Limburg", "limburg"] and "onbekend" in maasland
    plugins = run(["--lang", "nl", "plugins"], capsys)
    assert plugins.splitlines()[0].split() == ["naam", "distributie", "versie", "status", "hooks"]
    core = next(line for line in plugins.splitlines() if line.startswith("core "))
    assert core.split()[3] == "ok" and "territories" in core
    english = run(["--lang", "en", "plugins"], capsys)
    assert english.splitlines()[2].split()[3] == "ok"


# ---------------------------------------------------------------- -o FILE for every table command

COMMANDS = {
    "members": (["members", "limburg:resoc", "--as-of", "2016-06-30"], "seat_group", "werkgevers"),
    "municipalities": (["municipalities", "nis:72000", "--as-of", "2019-06-01"], "name", "Pelt"),
    "lineage": (["lineage", "limburg:streekpact-2014-2019"], "link", "volgt op"),
    "regions": (["regions"], "name", "Maasland"),
    "plugins": (["plugins"], "status", "streekbeleid"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_table_command_writes_xlsx_csv_and_json(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    argv, key, word = COMMANDS[command]
    for suffix in ("xlsx", "csv", "json"):
        assert run(["--lang", "nl", *argv, "-o", str(tmp_path / f"t.{suffix}")], capsys) == ""
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] and all(isinstance(h, str) for h in rows[0]) and sheet.freeze_panes == "A2"
    assert any(word in str(cell) for row in rows[1:] for cell in row)
    text = (tmp_path / "t.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(text.removeprefix("\ufeff").splitlines(), delimiter=";"))
    assert table[0] == list(rows[0]) and len(table) == len(rows)
    records = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert len(records) == len(rows) - 1 and key in records[0]


def test_dates_are_dates_in_the_workbook_and_notation_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    argv = ["members", "x:resoc", "--plugins", ""]
    from streekbeleid import Body, Membership, Model, Period

    model = Model.from_records(
        [
            Body(id="x:resoc", name="RESOC X", kind="resoc"),
            Membership(id="x:m", organization="x:resoc", member="x:resoc", valid=Period.parse("2014-03-11/2019")),
        ]
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(streekbeleid.assembly, "load", lambda plugins=None, strict=None: model)
        run(["--lang", "en", *argv, "-o", str(tmp_path / "m.xlsx")], capsys)
        run(["--lang", "en", *argv, "-o", str(tmp_path / "m.json")], capsys)
        run(["--lang", "en", *argv, "-o", str(tmp_path / "m.csv")], capsys)
    rows = list(openpyxl.load_workbook(tmp_path / "m.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("seat group", "member", "seats", "role", "on behalf of", "voting right", "valid", "certain")
    assert rows[1][6] == "from 11 March 2014 to 2019" and rows[1][2] == 1
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))[0]["valid"] == "2014-03-11/2019"
    assert (tmp_path / "m.csv").read_text(encoding="utf-8-sig").splitlines()[0].startswith("seat group,member,")
    found = queries.endorsements(streekbeleid.load(), "limburg:streekpact-2014-2019")
    from streekbeleid.io.table_files import write_table

    write_table(found.table(), tmp_path / "e.xlsx")
    approval = list(openpyxl.load_workbook(tmp_path / "e.xlsx").active.iter_rows(values_only=True))[1]
    assert approval[2] == dt.datetime(2014, 3, 11)  # an exact date is a date in the workbook


# ---------------------------------------------------------------- the results in Python


@pytest.fixture(scope="module")
def model() -> streekbeleid.Model:
    return streekbeleid.load()


def _results(model: streekbeleid.Model) -> dict[str, object]:
    return {
        "composition": queries.composition(model, "limburg:resoc", on="2016-06-30"),
        "endorsements": queries.endorsements(model, "limburg:streekpact-2014-2019"),
        "lineage": queries.lineage(model, "limburg:streekpact-2014-2019"),
        "municipalities": queries.municipalities(model, "nis:72000", on="2019-06-01"),
    }


def _cells(result: object) -> list[list[str]]:
    return [line.split() for line in str(result).splitlines()]


def test_results_print_as_tables_in_the_language_in_use(model: streekbeleid.Model) -> None:
    results = _results(model)
    with use_language("nl"):
        assert str(results["composition"]).splitlines()[0].split()[:3] == ["zetelgroep", "lid", "zetels"]
        assert ["goedkeuring", "RESOC", "Limburg", "11", "maart", "2014", "unaniem"] in _cells(results["endorsements"])
        assert "42 van de 44 gemeenteraden (95%) onderschreven Streekpact 2014-2019" in str(results["endorsements"])
        assert ["LIRES-plan", "verdiept", "SALK"] in _cells(results["lineage"])
        assert ["nis:72043", "Pelt", "ja"] in _cells(results["municipalities"])
    with use_language("en"):
        assert ["approval", "RESOC", "Limburg", "11", "March", "2014", "unanimous"] in _cells(results["endorsements"])
    # what callers used before stays
    assert results["composition"].group("employers").possible == 8  # type: ignore[attr-defined]
    assert "nis:72043" in results["municipalities"] and len(results["municipalities"]) == 12  # type: ignore[arg-type,operator]
    assert results["lineage"].older()[0] == "limburg:streekpact-2008-2013"  # type: ignore[attr-defined]


def test_results_show_as_html_in_jupyter(model: streekbeleid.Model) -> None:
    for what, result in _results(model).items():
        with use_language("nl"):
            html = result._repr_html_()  # type: ignore[attr-defined]
        assert html.startswith("<table>") and "<th>" in html, what
    with use_language("nl"):
        assert "<td>werkgevers</td>" in _results(model)["composition"]._repr_html_()  # type: ignore[attr-defined]


def test_results_go_to_pandas(model: streekbeleid.Model) -> None:
    pytest.importorskip("pandas")
    results = _results(model)
    frame = results["composition"].to_pandas()  # type: ignore[attr-defined]
    assert list(frame.columns)[:2] == ["seat_group", "member"] and "org:voka" in set(frame["member"])
    links = results["lineage"].to_pandas()  # type: ignore[attr-defined]
    assert {"newer": "limburg:lires", "link": "deepens", "older": "limburg:salk"} in links.to_dict("records")
    towns = results["municipalities"].to_pandas()  # type: ignore[attr-defined]
    assert len(towns) == 12 and bool(towns.set_index("id").loc["nis:72043", "certain"])
    assert "approval" in set(results["endorsements"].to_pandas()["what"])  # type: ignore[attr-defined]


# ---------------------------------------------------------------- help in Dutch


@pytest.mark.parametrize("argv", [["--lang", "nl", "members", "--help"], ["members", "--lang=nl", "--help"]])
def test_help_in_dutch(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert out.startswith("gebruik: streekbeleid members")
    assert "het id van het orgaan, bv. limburg:resoc" in out and "toon deze hulp en stop" in out
    assert "opties:" in out and "positionele argumenten:" in out
    assert "who sits in a body" not in out


def test_help_follows_the_environment_and_english_on_request(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STREEKBELEID_LANG", "nl")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "wie in een orgaan zetelt, per zetelgroep, op een datum" in out and "opdrachten:" in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "who sits in a body, by seat group, on a date" in capsys.readouterr().out


def test_a_usage_error_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--lang", "nl", "members", "limburg:resoc", "--as-of", "2016"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: ") and "streekbeleid members: fout: " in err
    assert "verwacht een volledige dag JJJJ-MM-DD, kreeg '2016'" in err


@pytest.mark.parametrize(
    ("argv", "dutch", "english"),
    [
        (
            ["export", "--format", "nope"],
            "ongeldige keuze: 'nope' (kies uit 'json'",
            "invalid choice: 'nope' (choose from",
        ),
        (["export"], "deze argumenten zijn verplicht: --format/-f", "the following arguments are required: --format"),
        (["regions", "--bogus"], "onbekende argumenten: --bogus", "unrecognized arguments: --bogus"),
    ],
)
def test_argparse_own_messages_in_dutch_and_english(
    argv: list[str], dutch: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse
    import gettext

    for lang, expected in (("nl", dutch), ("en", english)):
        with pytest.raises(SystemExit) as info:
            main(["--lang", lang, *argv])
        assert info.value.code == 2
        assert expected in capsys.readouterr().err
    assert vars(argparse)["_"] is gettext.gettext  # argparse's own look-up is back after parsing


def test_show_words_money_and_co_financing_rules(capsys: pytest.CaptureFixture[str]) -> None:
    dutch = run(["--lang", "nl", "show", "core:versterkt-streekbeleid", "--plugins", ""], capsys)
    assert (
        "regels voor cofinanciering: lokale cofinanciering ten minste 50% (gemeente, intercommunale, provincie); "
        "Vlaamse cofinanciering ten hoogste 50% (Vlaamse overheid)"
    ) in dutch
    english = run(["--lang", "en", "show", "core:versterkt-streekbeleid/budget", "--plugins", ""], capsys)
    assert "budgets: original budget: EUR 15,000,000" in english
    dutch = run(["--lang", "nl", "show", "core:versterkt-streekbeleid/budget", "--plugins", ""], capsys)
    assert "EUR 15.000.000" in dutch and "{'" not in dutch


def test_show_tells_a_note_from_a_quote_and_words_documents(capsys: pytest.CaptureFixture[str]) -> None:
    """A paraphrase is never in quotation marks (the rule the report keeps, issue 12); documents in words."""
    resoc = run(["--lang", "nl", "show", "zuid_oost_vlaanderen:resoc"], capsys)
    assert "so-lva.be (notitie: het streekwerk werd op 2019-01-01 in SOLVA geïntegreerd)" in resoc
    assert "“the regional work" not in resoc and "“decree of 7 May 2004" not in resoc
    lires = run(["--lang", "nl", "show", "limburg:lires"], capsys)
    assert "Persbericht nav de start van LIRES (limburg:document/lires-persbericht) is een document over" in lires
    assert "(persbericht, " in lires and "press release" not in lires and "document of" not in lires
    english = run(["--lang", "en", "show", "limburg:lires"], capsys)
    assert "(press release, " in english and "is a document about LIRES-plan" in english


@pytest.mark.parametrize(
    ("argv", "nl", "en"),
    [
        (["coverage"], "geef een GEMEENTE of --region ID", "give a MUNICIPALITY or --region ID"),
        (
            ["harvest", "/nonexistent/x.ttl", "--plugin", "x", "-o", "/nonexistent/out"],
            "/nonexistent/x.ttl: bestand of map bestaat niet",
            "/nonexistent/x.ttl: no such file or folder",
        ),
        (
            ["harvest", "/nonexistent/x.ttl", "--plugin", "X!", "-o", "/nonexistent/out"],
            "is geen naam van een regiopakket",
            "is not a region package slug",
        ),
    ],
)
def test_a_refusal_is_told_in_the_language_in_use(
    capsys: pytest.CaptureFixture[str], argv: list[str], nl: str, en: str
) -> None:
    for lang, expected in (("nl", nl), ("en", en)):
        capsys.readouterr()
        code = main(["--lang", lang, *argv])
        err = capsys.readouterr().err
        assert code != 0 and expected in err and "Traceback" not in err
