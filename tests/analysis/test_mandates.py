"""Legislative terms and mandates (issue 15, concept 3): the terms of the core, who held which office when, a seat
held by an office resolved to its holder on a day, "not recorded" where nobody is recorded, and the two checks."""

from __future__ import annotations

import datetime
import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import LegislativeTerm, Membership, Model, Person, Post
from streekbeleid.cli import main
from streekbeleid.i18n import use_language
from streekbeleid.model.dates import Period
from streekbeleid.queries.mandates import holders, mandates

#: The body of the hand-made models, and the office that holds a seat in it.
BODY = "x:overleg"
MAYOR = "x:burgemeester-hasselt"


def seat_model(build: Callable[..., Model], *, seat: str = "2016/2020", **extra: object) -> Model:
    """A mayors' conference whose seat is held by the mayor of Hasselt, an office two persons held in turn."""
    from streekbeleid import Body

    return build(
        Body(id=BODY, name="Overleg X", kind="mayors_conference", region="refreg:REFREG15"),
        LegislativeTerm(id="x:t1", name="Term 2013-2018", level="municipality",
                        valid=Period.parse("2013-01-01/2018-12-31")),
        LegislativeTerm(id="x:t2", name="Term 2019-2024", level="municipality",
                        valid=Period.parse("2019-01-01/2024-12-31")),
        Person(id="x:a", name="Alice Eerst"),
        Person(id="x:b", name="Bert Later"),
        Post(id=MAYOR, label="Burgemeester van Hasselt", organization="nis:71022", role="mayor"),
        Membership(id="x:a/mayor", organization="nis:71022", member="x:a", post=MAYOR, role="office_holder",
                   term="x:t1", valid=Period.parse("2013-01-01/2018-12-31")),
        Membership(id="x:b/mayor", organization="nis:71022", member="x:b", post=MAYOR, role="office_holder",
                   term="x:t2", valid=Period.parse("2019-01-01/2024-12-31")),
        Membership(id="x:overleg/hasselt", organization=BODY, member=MAYOR, valid=Period.parse(seat)),
        *extra.values(),
    )  # fmt: skip


# ---------------------------------------------------------------- terms of the core


def test_the_core_has_the_three_terms_of_municipalities_and_provinces_each_sourced(core: Model) -> None:
    terms = core.records(LegislativeTerm)
    assert sorted((t.level, t.name[-9:]) for t in terms) == sorted(
        (level, years) for level in ("municipality", "province") for years in ("2013-2018", "2019-2024", "2025-2030")
    )
    assert all(t.sources and all(s.locator for s in t.sources) for t in terms)
    # each term follows the one before it: no two terms of a level certainly overlap
    for level in ("municipality", "province"):
        ordered = sorted((t for t in terms if t.level == level), key=lambda t: t.name)
        for first, second in itertools.pairwise(ordered):
            assert first.valid.overlaps(second.valid) is not streekbeleid.Truth.YES, (first.id, second.id)


def test_erik_gerits_is_the_deputy_for_economy_in_the_provincial_term_2013_2018(limburg: Model) -> None:
    found = mandates(limburg, "org:provincie-limburg", on="2017-02-06")
    assert [(m.post.id if m.post else None, [h.id for h in m.holders]) for m in found.rows] == [
        ("limburg:gedeputeerde-economie", ["limburg:erik-gerits"])
    ]
    term = limburg.get(found.rows[0].term.id if found.rows[0].term else "")
    assert term.level == "province"
    # the sources date the term's start only as after the elections of 14 October 2012: it may have begun later
    assert term.valid.active_on(datetime.date(2017, 2, 6)) is not streekbeleid.Truth.NO
    assert term.valid.active_on(datetime.date(2012, 10, 13)) is streekbeleid.Truth.NO


def test_a_territory_asks_its_governments(limburg: Model) -> None:
    by_province = mandates(limburg, "nis:70000")
    assert [h.name for m in by_province.rows for h in m.holders] == ["Erik Gerits"]


def test_a_plan_is_not_where_mandates_are_held(limburg: Model) -> None:
    with pytest.raises(streekbeleid.RecordKindError, match="is a plan"):
        mandates(limburg, "limburg:streekpact-2014-2019")


# ---------------------------------------------------------------- a seat held by an office


def test_a_seat_held_by_an_office_is_resolved_to_the_holder_on_the_day(build: Callable[..., Model]) -> None:
    model = seat_model(build)
    on_2017 = mandates(model, BODY, on="2017-06-01").rows
    on_2020 = mandates(model, BODY, on="2020-06-01").rows
    assert [(m.by_office, [h.name for h in m.holders]) for m in on_2017] == [(True, ["Alice Eerst"])]
    assert [[h.name for h in m.holders] for m in on_2020] == [["Bert Later"]]
    assert on_2017[0].term is not None and on_2017[0].term.id == "x:t1"
    # without a day: everyone who held the office during the seat
    assert [h.name for m in mandates(model, BODY).rows for h in m.holders] == ["Alice Eerst", "Bert Later"]
    assert [m.id for m in holders(model, MAYOR, on="2019-03-01")] == ["x:b/mayor"]


def test_an_office_with_no_recorded_holder_says_not_recorded_in_both_languages(build: Callable[..., Model]) -> None:
    model = build(
        streekbeleid.Body(id=BODY, name="Overleg X", kind="mayors_conference", region="refreg:REFREG15"),
        Post(id=MAYOR, label="Burgemeester van Hasselt", organization="nis:71022", role="mayor"),
        Membership(id="x:overleg/hasselt", organization=BODY, member=MAYOR),
    )
    found = mandates(model, BODY)
    assert [m.holders for m in found.rows] == [()]
    with use_language("en"):
        assert "not recorded" in str(found)
    with use_language("nl"):
        assert "niet geregistreerd" in str(found)
    assert found.table().records()[0]["holder"] is None  # JSON and the files: null, not a phrase
    assert found.table().records()[0]["term"] is None


# ---------------------------------------------------------------- checks


def problems(model: Model, rule: str) -> list[streekbeleid.Problem]:
    return streekbeleid.check(model, rules=[rule])


def test_a_mandate_outside_its_term_is_found(build: Callable[..., Model]) -> None:
    model = seat_model(
        build,
        late=Membership(id="x:a/late", organization="nis:71022", member="x:a", post=MAYOR, term="x:t1",
                        valid=Period.parse("2020-01-01/2021-12-31")),
        partly=Membership(id="x:a/partly", organization="nis:71022", member="x:a", post=MAYOR, term="x:t1",
                          valid=Period.parse("2017-01-01/2019-06-30")),
        coarse=Membership(id="x:a/coarse", organization="nis:71022", member="x:a", post=MAYOR, term="x:t1",
                          valid=Period.parse("2017-01-01/..2019-06-30")),
    )  # fmt: skip
    found = {p.ids[0]: p for p in problems(model, "mandate-term")}
    assert set(found) == {"x:a/late", "x:a/partly", "x:a/coarse"}  # x:a/mayor and x:b/mayor lie in their terms
    assert found["x:a/late"].severity == "warning" and found["x:a/partly"].severity == "warning"
    assert found["x:a/coarse"].severity == "info" and found["x:a/coarse"].message.startswith("Undecidable")
    assert "Alice Eerst" in found["x:a/late"].message  # names, not ids


def test_a_seat_held_by_an_office_nobody_held_then_is_found(build: Callable[..., Model]) -> None:
    assert problems(seat_model(build), "office-seat") == []
    late = problems(seat_model(build, seat="2026/2027"), "office-seat")
    assert [(p.severity, p.ids) for p in late] == [("warning", ("x:overleg/hasselt", MAYOR))]
    coarse = problems(seat_model(build, seat="2024-12-31../2026"), "office-seat")  # Bert held it to 2024-12-31
    assert [(p.severity, p.message.startswith("Undecidable")) for p in coarse] == [("info", True)]
    unknown_holders = build(
        streekbeleid.Body(id=BODY, name="Overleg X", kind="mayors_conference", region="refreg:REFREG15"),
        Post(id=MAYOR, label="Burgemeester van Hasselt", organization="nis:71022"),
        Membership(id="x:overleg/hasselt", organization=BODY, member=MAYOR, valid=Period.parse("2030")),
    )
    assert problems(unknown_holders, "office-seat") == []  # nobody recorded: not recorded, not a finding


@pytest.mark.parametrize("slug", ["limburg", "zuid_oost_vlaanderen", "leuven"])
def test_the_three_regions_break_no_mandate_rule(slug: str, request: pytest.FixtureRequest) -> None:
    model = request.getfixturevalue({"zuid_oost_vlaanderen": "zov"}.get(slug, slug))
    found = [p for p in streekbeleid.check(model, rules=["mandate-term", "office-seat"]) if p.severity != "info"]
    assert found == []


# ---------------------------------------------------------------- the command


def test_the_command_prints_json_and_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "mandates", "org:provincie-limburg", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            "organization": "org:provincie-limburg",
            "post": "limburg:gedeputeerde-economie",
            "holder": ["limburg:erik-gerits"],
            "term": "core:term/provincies-2013-2018",
            "valid": "..2017-02-06/2017-02-06..",
        }
    ]
    assert main(["--lang", "nl", "mandates", "nis:70000", "--as-of", "2017-02-06"]) == 0
    text = capsys.readouterr().out
    assert "Erik Gerits" in text and "Provinciale bestuursperiode 2013-2018" in text and "6 februari 2017" in text
    path = tmp_path / "mandates.csv"
    assert main(["mandates", "org:provincie-limburg", "-o", str(path)]) == 0
    assert "Erik Gerits" in path.read_text(encoding="utf-8")


def test_the_command_says_so_when_nothing_is_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "mandates", "limburg:resoc"]) == 0
    assert "No mandates are recorded here." in capsys.readouterr().out


def test_a_persons_seat_that_is_no_office_is_not_a_mandate(build: Callable[..., Model]) -> None:
    model = seat_model(build, expert=Membership(id="x:overleg/a", organization=BODY, member="x:a", role="expert"))
    assert [m.by_office for m in mandates(model, BODY).rows] == [True]  # the office's seat only
