"""The phrases of :mod:`streekbeleid.model.phrasing`: one wording per concept, and the variants its users keep."""

from __future__ import annotations

from datetime import date

import pytest

import streekbeleid
from streekbeleid import Actor, Body, CadenceRule, Membership, Model, Period, Post, SeatGroup
from streekbeleid.errors import UnknownIdError
from streekbeleid.i18n import use_language
from streekbeleid.model import phrasing
from streekbeleid.model.dates import DateBound, PartialDate


@pytest.fixture
def model() -> Model:
    return Model.from_records(
        [
            Body(id="x:resoc", name="RESOC X", kind="resoc", abbreviation="RX"),
            Actor(
                id="org:voka", name="VOKA - Kamer van Koophandel", abbreviation="VOKA", kind="employers_organisation"
            ),
            Post(id="x:chair", label="Voorzitter", organization="x:resoc"),
            Membership(
                id="x:m1",
                organization="x:resoc",
                member="org:voka",
                label="de werkgeverszetel",
                valid=Period.parse("2014/2019"),
            ),
        ]
    )


def test_names_of_an_id(model: Model) -> None:
    assert phrasing.name(model, "x:resoc") == "RESOC X"
    assert phrasing.name(model, "x:chair") == "Voorzitter"  # a post has a label, not a name
    assert phrasing.name(model, "x:m1") == "de werkgeverszetel"  # an edge record is found too
    assert phrasing.name(model, "x:nothing") == "x:nothing"
    assert phrasing.name(model, None) == ""
    assert phrasing.label(model, "x:resoc") == "RESOC X (x:resoc)"
    assert phrasing.label(model, "x:nothing") == "x:nothing"
    assert phrasing.short_name(model, "org:voka") == "VOKA"
    assert phrasing.short_name(model, "x:chair") == "x:chair"  # no abbreviation and no name


def test_a_slice_does_not_hide_a_name(model: Model) -> None:
    later = model.as_of("2025-01-01")
    with pytest.raises(UnknownIdError):
        later.get("x:m1")  # the membership ended in 2019: the slice leaves it out, its name is still found
    assert phrasing.name(later, "x:m1") == "de werkgeverszetel"
    assert phrasing.label(later, "org:voka") == "VOKA - Kamer van Koophandel (org:voka)"


def test_seat_rules_in_words() -> None:
    one = SeatGroup(name="chair", seats=1, voting=True)
    least = SeatGroup(name="employers", min_seats=4, voting=False)
    unknown = SeatGroup(name="guests")
    assert [phrasing.seat_count(g) for g in (one, least, unknown)] == ["1 seats", "at least 4 seats", None]
    assert [phrasing.seat_count_short(g) for g in (one, least, unknown)] == ["1", ">=4", None]
    assert [phrasing.seat_rule(g) for g in (one, least, unknown, None)] == [
        "1 seat, voting",
        "at least 4 seats, advisory",
        "no seat count in the rules",
        "no seat group of this name in the rules",
    ]


def test_cadence_in_words() -> None:
    five = CadenceRule(min_meetings=5, max_meetings=5)
    six = CadenceRule(min_meetings=6)
    range_ = CadenceRule(min_meetings=2, max_meetings=4, per="month")
    none = CadenceRule()
    assert [phrasing.cadence_text(c) for c in (five, six, range_, none)] == [
        "exactly 5 times a year",
        "at least 6 times a year",
        "at least 2 and at most 4 times a month",
        "an unstated number of times a year",
    ]


def test_dates_and_periods_in_words() -> None:
    assert phrasing.bound_words(DateBound.parse("..2014-12")) == "December 2014 at the latest"
    assert phrasing.when(PartialDate.parse("2016-06")) == "June 2016"
    assert phrasing.period_words(Period.parse("..2016-04/..")) == "from April 2016 at the latest"
    assert phrasing.period_words(Period.parse("../2019")) == "until 2019"
    assert phrasing.period_words(Period.parse("2016-06-30/2016-06-30")) == "30 June 2016"
    assert phrasing.period_words(Period.parse("?/2019")) == "start unknown, until 2019"
    assert phrasing.period_notation(Period.parse("2014/2019")) == "2014/2019"
    assert phrasing.period_notation(Period.parse("../..")) == "no dates"
    day = date(2016, 6, 30).toordinal()
    assert phrasing.span_text(day, day) == "on 30 June 2016"
    assert phrasing.span_text(date.min.toordinal(), day) == "until 30 June 2016"
    with use_language("nl"):
        assert phrasing.span_text(day - 29, day) == "van 1 juni 2016 tot 30 juni 2016"
    assert phrasing.span_text(date.min.toordinal(), date.max.toordinal()) == "at all times"


# ---------------------------------------------------------------- records without a name of their own


@pytest.fixture(scope="module")
def bundled() -> streekbeleid.Model:
    return streekbeleid.load()


@pytest.mark.parametrize(
    ("record_id", "nl", "en"),
    [
        ("limburg:resoc/abvv", "ABVV in RESOC Limburg", "ABVV in RESOC Limburg"),
        (
            "limburg:lires/indiening",
            "ERSV Limburg vzw dient LIRES-plan in, april 2016",
            "ERSV Limburg vzw submits LIRES-plan, April 2016",
        ),
        (
            "limburg:lires/toelage",
            "Subsidie van Vlaamse overheid voor LIRES-plan",
            "Subsidy from Vlaamse overheid for LIRES-plan",
        ),
        ("limburg:lires/deepens/salk", "LIRES-plan verdiept SALK", "LIRES-plan deepens SALK"),
        (
            "limburg:streekpact-2014-2019/onderschrijving-gemeenteraden",
            "42 van de 44 gemeenteraden (95%) onderschreven Streekpact 2014-2019",
            "42 of 44 municipal councils (95%) endorsed Streekpact 2014-2019",
        ),
        (
            "zuid_oost_vlaanderen:resoc/integration-into-solva",
            "1 januari 2019: het werk van RESOC Zuid-Oost-Vlaanderen geïntegreerd in SOLVA",
            "1 January 2019: the work of RESOC Zuid-Oost-Vlaanderen integrated into SOLVA",
        ),
    ],
)
def test_a_record_without_a_name_is_named_by_what_it_links(
    bundled: streekbeleid.Model, record_id: str, nl: str, en: str
) -> None:
    with use_language("nl"):
        assert phrasing.name(bundled, record_id) == nl
        assert phrasing.label(bundled, record_id).startswith(nl.split(", ")[0].split(" (")[0])
    with use_language("en"):
        assert phrasing.name(bundled, record_id) == en
        assert phrasing.label(bundled, record_id).endswith(f"({record_id})")
    # the exports name a record by its own name or id, whatever the language
    assert phrasing.name(bundled, record_id, translated=False) == record_id


def test_an_unknown_id_is_named_by_itself(bundled: streekbeleid.Model) -> None:
    assert phrasing.name(bundled, "limburg:nothing-here") == "limburg:nothing-here"
    assert phrasing.label(bundled, "limburg:nothing-here") == "limburg:nothing-here"
