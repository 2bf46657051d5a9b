"""Organisation history: change events, names per period, successors, and the rules about them."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

import streekbeleid
import streekbeleid.assembly
from streekbeleid import Actor, Body, Model, OrganisationChange, OtherName, PartialDate, Period, Source
from streekbeleid.cli import main
from streekbeleid.errors import DataError, StreekbeleidError
from streekbeleid.i18n import use_language
from streekbeleid.queries import lineage, name_on, organisation_history
from streekbeleid.serialization import Dataset
from streekbeleid.serialization.reading import parse_data, parse_text
from streekbeleid.serialization.structuring import structure

SRC = [Source(document="history.txt", locator="hand-made")]


def org(oid: str, valid: str = "../..", *names: OtherName) -> Actor:
    return Actor(
        id=oid, name=oid.split(":")[1], kind="nonprofit", valid=Period.parse(valid), other_names=names, sources=SRC
    )


def change(cid: str, kind: str, original: list[str], resulting: list[str], date: str | None) -> OrganisationChange:
    return OrganisationChange(
        id=cid,
        kind=kind,
        original=original,
        resulting=resulting,
        date=PartialDate.parse(date) if date else None,
        sources=SRC,
    )


def test_the_zov_regional_work_went_to_solva_on_1_january_2019(zov: Model) -> None:
    history = organisation_history(zov, "zuid_oost_vlaanderen:resoc")
    (event,) = history.changes
    assert (event.kind, str(event.date), event.original, event.resulting) == (
        "integration",
        "2019-01-01",
        ("zuid_oost_vlaanderen:resoc",),
        ("zuid_oost_vlaanderen:solva",),
    )
    assert event.sources[0].document == "so-lva.be"
    assert history.became == ("zuid_oost_vlaanderen:solva",) and history.came_from == ()
    assert organisation_history(zov, "zuid_oost_vlaanderen:solva").came_from == ("zuid_oost_vlaanderen:resoc",)
    # an integration does not end the RESOC: its own period still ends "on or after" 2018-12-31
    assert str(zov.get("zuid_oost_vlaanderen:resoc").valid.end) == "2018-12-31.."


def test_successors_are_found_as_a_municipality_s_are(build: Callable[..., Model]) -> None:
    model = build(
        org("x:a", "../2009-12-31"),
        org("x:b", "../2009-12-31"),
        org("x:ab", "2010-01-01/.."),
        org("x:c", "2015/.."),
        change("x:merger", "merger", ["x:a", "x:b"], ["x:ab"], "2010-01-01"),
        change("x:integration", "integration", ["x:ab"], ["x:c"], "2016"),
    )
    chain = lineage(model, "x:a", direction="newer")
    assert chain.newer() == ("x:ab", "x:c")
    assert {(link.newer, link.kind, link.older) for link in chain.links} == {
        ("x:ab", "succeeds", "x:a"),
        ("x:c", "succeeds", "x:ab"),
    }
    assert organisation_history(model, "x:c").came_from == ("x:a", "x:b", "x:ab")
    assert organisation_history(model, "x:b").became == ("x:ab", "x:c")


def test_a_rename_links_nothing_and_an_organisation_without_history_says_so(build: Callable[..., Model]) -> None:
    model = build(org("x:a"), org("x:quiet"), change("x:rename", "rename", ["x:a"], ["x:a"], "2012"))
    history = organisation_history(model, "x:a")
    assert [c.id for c in history.changes] == ["x:rename"] and history.became == () and history.recorded
    assert not organisation_history(model, "x:quiet").recorded


def test_the_name_on_a_date(build: Callable[..., Model]) -> None:
    model = build(
        org(
            "x:vzw",
            "2004/..",
            OtherName(name="Old", valid=Period.parse("2004/2015-06-30"), sources=SRC),
            OtherName(name="Older or not", valid=Period.parse("2016/..2017"), sources=SRC),
        )
    )
    assert name_on(model, "x:vzw", on="2010-05-01").certain == ("Old",)
    assert name_on(model, "x:vzw", on="2015-08-01").certain == ("vzw",)
    during = name_on(model, "x:vzw", on="2017-06-01")  # "Older or not" may have ended by then
    assert during.certain == () and during.possible == ("Older or not", "vzw")
    with pytest.raises(StreekbeleidError):
        name_on(model, "nis:71072")  # a territory is not an organisation


def test_the_data_format_reads_change_events_and_other_names() -> None:
    data = structure(
        {
            "bodies": [
                {
                    "id": "x:b",
                    "name": "B",
                    "kind": "board",
                    "other_names": [{"name": "Old B", "valid": "2004/2010-12-31", "sources": ["s.txt"]}],
                }
            ],
            "organisation_changes": [
                {"id": "x:c", "kind": "dissolution", "original": ["x:b"], "date": "2020-06", "sources": ["s.txt"]}
            ],
        },
        Dataset,
    )
    (body,) = data.bodies
    assert isinstance(body, Body) and str(body.other_names[0].valid) == "2004/2010-12-31"
    (event,) = data.organisation_changes
    assert (event.kind, str(event.date), event.resulting, str(event.valid)) == (
        "dissolution",
        "2020-06",
        (),
        "2020-06/..",
    )
    bad = 'organisation_changes:\n  - id: "x:c"\n    kind: takeover\n    original: ["x:b"]\n'
    raw, lines = parse_text(bad, "history.yaml")
    with pytest.raises(DataError, match=r"history.yaml:3: .*organisation_changes\[0\]\.kind: 'takeover' is not one of"):
        parse_data(raw, Dataset, "history.yaml", lines)


def test_an_organisation_active_after_the_merger_that_ended_it_is_an_error(build: Callable[..., Model]) -> None:
    model = build(
        org("x:a", "../2012"),  # still active all of 2012, merged on 2010-01-01
        org("x:b", "../2009-12-31"),
        org("x:maybe", "../2009-12-31.."),  # its end may lie before the merger: undecided, no finding
        org("x:ab", "2010-01-01/.."),
        org("x:work", "../.."),  # an integration does not end the original
        change("x:merger", "merger", ["x:a", "x:b", "x:maybe"], ["x:ab"], "2010-01-01"),
        change("x:integration", "integration", ["x:work"], ["x:ab"], "2011"),
    )
    problems = streekbeleid.check(model, rules=["active-after-change"])
    assert [(p.severity, p.ids) for p in problems] == [("error", ("x:a", "x:merger"))]
    assert "1 January 2010" in problems[0].message and problems[0].sources
    # the change by what it did, its date said once (its title is a dated sentence of its own)
    assert problems[0].message == (
        "a (x:a) is active after 1 January 2010, when the merger of a, b, maybe into ab ended it (until 2012)"
    )
    assert problems[0].message.count("2010") == 1
    with use_language("nl"):
        (dutch,) = streekbeleid.check(model, rules=["active-after-change"])
    assert "1 januari 2010" in dutch.message and "de fusie van a, b, maybe tot ab" in dutch.message


def test_names_whose_periods_overlap(build: Callable[..., Model]) -> None:
    model = build(
        org(
            "x:two",
            "../..",
            OtherName(name="One", valid=Period.parse("2004/2012"), sources=SRC),
            OtherName(name="Two", valid=Period.parse("2010/2015"), sources=SRC),
            OtherName(name="Three", valid=Period.parse("2015-06/2018"), sources=SRC),
        ),
        org("x:fine", "../..", OtherName(name="Old", valid=Period.parse("2004/2009"), sources=SRC)),
    )
    problems = streekbeleid.check(model, rules=["name-overlap"])
    assert [(p.severity, p.ids) for p in problems] == [("warning", ("x:two",)), ("info", ("x:two",))]
    assert "One" in problems[0].message and "Two" in problems[0].message
    assert problems[1].message.startswith("Undecidable")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_show_tells_the_history_and_what_it_became(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "show", "zuid_oost_vlaanderen:resoc", "--plugins", "zuid_oost_vlaanderen", "--lang", "nl")
    assert code == 0
    history = out[out.index("geschiedenis:") :]
    assert "1 januari 2019: het werk van RESOC Zuid-Oost-Vlaanderen geïntegreerd in SOLVA" in history
    assert "werd: SOLVA" in history
    code, out = run(capsys, "show", "org:voka", "--plugins", "", "--lang", "nl")
    assert "geschiedenis:\n    niet geregistreerd" in out
    code, out = run(capsys, "show", "zuid_oost_vlaanderen:solva", "--plugins", "zuid_oost_vlaanderen", "--json")
    data = json.loads(out)["history"]
    assert data["came_from"] == ["zuid_oost_vlaanderen:resoc"] and data["changes"][0]["date"] == "2019-01-01"


def test_lineage_answers_for_organisations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "lineage", "zuid_oost_vlaanderen:resoc", "--plugins", "zuid_oost_vlaanderen", "--json")
    assert code == 0
    (link,) = json.loads(out)["links"]
    assert (link["newer"], link["kind"], link["record"]) == (
        "zuid_oost_vlaanderen:solva",
        "succeeds",
        "zuid_oost_vlaanderen:resoc/integration-into-solva",
    )


def test_show_on_a_day_gives_the_name_of_that_day(
    build: Callable[..., Model], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = build(org("x:vzw", "2004/..", OtherName(name="Old", valid=Period.parse("2004/2015-06-30"), sources=SRC)))
    monkeypatch.setattr(streekbeleid.assembly, "load", lambda plugins=None, strict=None: model)
    code, out = run(capsys, "show", "x:vzw", "--as-of", "2010-05-01", "--lang", "en")
    assert code == 0 and "name on 1 May 2010: Old" in out
    assert "also named Old (from 2004 to 30 June 2015)" in out
    code, out = run(capsys, "show", "x:vzw", "--as-of", "2020-05-01", "--lang", "nl")
    assert "naam op 1 mei 2020: vzw" in out
