"""What a new region team could not say before (issue 15, concept 6): a date known to lie between two dates,
co-leads, an outcome "adopted with remarks", an endorsement by a group with no count, a body's size, a cadence
of once every N years, and persons in roles other than public office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import streekbeleid
from streekbeleid import (
    Actor,
    Body,
    CadenceRule,
    Decision,
    Membership,
    PartialDate,
    Period,
    Person,
    Plan,
    PlanItem,
    SeatGroup,
    Source,
    Tally,
)
from streekbeleid.checks import check
from streekbeleid.describe import describe
from streekbeleid.i18n import use_language
from streekbeleid.io.linked_data import VOCABULARY_IRI, to_rdf
from streekbeleid.io.native import generate_json, parse_json
from streekbeleid.io.popolo import to_popolo
from streekbeleid.model.dates import DateBound, Truth
from streekbeleid.model.phrasing import outcome_words, period_words, role_label, tally_phrase
from streekbeleid.queries import actions_without_lead, endorsements
from streekbeleid.testing import build_model

SRC = Source(document="seed.txt", locator="here")
SB = VOCABULARY_IRI


# ---------------------------------------------------------------- a bound between two dates


def test_a_bound_between_two_dates_is_answered_three_valued() -> None:
    p = Period.parse("2016-04-11..2016-09/2018")
    assert p.start.kind == "between"
    assert p.active_on(date(2016, 4, 10)) is Truth.NO
    assert p.active_on(date(2016, 6, 1)) is Truth.UNCERTAIN
    assert p.active_on(date(2016, 10, 1)) is Truth.YES
    assert str(p) == "2016-04-11..2016-09/2018"


def test_a_bound_whose_latest_comes_before_its_earliest_is_refused() -> None:
    with pytest.raises(streekbeleid.StreekbeleidError, match="latest date comes before the earliest"):
        DateBound.parse("2016-09..2016-04-11")


def test_a_bound_between_two_dates_in_words() -> None:
    with use_language("nl"):
        assert period_words(Period.parse("2016-04-11..2016-09/2018")) == (
            "van tussen 11 april 2016 en september 2016 tot 2018"
        )
    with use_language("en"):
        assert period_words(Period.parse("2016-04-11..2016-09/..")) == "from between 11 April 2016 and September 2016"


def _with_between() -> streekbeleid.Model:
    valid = Period.parse("2016-04-11..2016-09/2018")
    body = Body(id="x:team", name="Team X", kind="working_group", valid=valid, sources=[SRC])
    plan = Plan(id="x:pact", name="Pact X", kind="streekpact", valid=valid, sources=[SRC])
    return build_model(body, plan)


def test_a_bound_between_two_dates_survives_the_native_round_trip_and_the_exports() -> None:
    model = _with_between()
    again = parse_json(generate_json(model))
    assert again.get("x:team").valid == Period.parse("2016-04-11..2016-09/2018")
    org = next(o for o in to_popolo(model)["organizations"] if o["id"] == "x:team")
    # neither 2016-04-11 nor 2016-09 would be true; 2016, the year every day it may fall on lies in, is
    assert org["founding_date"] == "2016"
    assert (org["founding_date_earliest"], org["founding_date_latest"]) == ("2016-04-11", "2016-09-30")
    assert org["valid"] == "2016-04-11..2016-09/2018"
    g = to_rdf(model)
    between = {s for s in g.subjects() if str(s).endswith("/x/pact/period/start/between")}
    assert len(between) == 1
    ends = {
        str(o)
        for p in ("hasBeginning", "hasEnd")
        for o in g.objects(next(iter(between)), URIRef(f"http://www.w3.org/2006/time#{p}"))
    }
    dates = {str(o) for e in ends for o in g.objects(URIRef(e), None) if isinstance(o, Literal)}
    assert {"2016-04-11", "2016-09"} <= dates


# ---------------------------------------------------------------- co-leads


def _pact(**action: object) -> streekbeleid.Model:
    item = PlanItem(id="x:pact/a", kind="action", name="Action A", sources=[SRC], **action)  # type: ignore[arg-type]
    plan = Plan(id="x:pact", name="Pact X", kind="streekpact", items=[item], sources=[SRC])
    return build_model(plan)


def test_an_action_with_co_leads_is_led_by_all_of_them() -> None:
    model = _pact(lead="org:voka", co_leads=["org:unizo"])
    item = model.get("x:pact/a")
    assert item.leads == ("org:voka", "org:unizo")
    led_by = {v for _u, v, kind in model.graph.out_edges("x:pact/a", data="kind") if kind == "led_by"}
    assert led_by == {"org:voka", "org:unizo"}
    assert actions_without_lead(model) == []
    g = to_rdf(model)
    leads = set(g.objects(None, URIRef(SB + "lead")))
    assert len(leads) == 2
    with use_language("en"):
        assert "co-leads: " in describe(model, model.get("x:pact"))


def test_co_leads_alone_still_lead_and_old_data_is_unchanged() -> None:
    assert _pact(co_leads=["org:unizo"]).get("x:pact/a").leads == ("org:unizo",)
    assert _pact(lead="org:voka").get("x:pact/a").leads == ("org:voka",)
    assert actions_without_lead(_pact()) != []


# ---------------------------------------------------------------- adopted with remarks


def _endorsed(outcome: str | None) -> streekbeleid.Model:
    plan = Plan(id="x:pact", name="Pact X", kind="streekpact", sources=[SRC])
    decision = Decision(
        id="x:pact/advice",
        kind="endorse",
        by="org:voka",
        subject="x:pact",
        date=PartialDate.parse("2014"),
        outcome=outcome,
        votes=None,
        unanimous=True,
        sources=[SRC],
    )
    return build_model(plan, decision)


def test_adopted_with_remarks_counts_as_adopted_everywhere() -> None:
    model = _endorsed("adopted_with_remarks")
    assert endorsements(model, "x:pact").endorsed_by == ("org:voka",)
    assert endorsements(_endorsed("rejected"), "x:pact").endorsed_by == ()
    popolo = to_popolo(model)
    [vote] = [v for v in popolo["vote_events"] if v["id"] == "x:pact/advice/vote"]
    assert (vote["result"], vote["outcome"]) == ("pass", "adopted_with_remarks")
    g = to_rdf(model)
    assert Literal("aangenomen met opmerkingen", lang="nl") in set(g.objects())
    assert Literal("adopted_with_remarks") in set(g.objects(None, URIRef(SB + "outcome")))
    with use_language("nl"):
        assert outcome_words("adopted_with_remarks") == "aangenomen met opmerkingen"


# ---------------------------------------------------------------- an endorsement with no count


def _group_endorsement() -> streekbeleid.Model:
    plan = Plan(id="x:pact", name="Pact X", kind="streekpact", sources=[SRC])
    tally = Tally(id="x:pact/social", kind="endorse", subject="x:pact", by="social_partners", sources=[SRC])
    return build_model(plan, tally)


def test_an_endorsement_by_a_group_with_no_count_stays_unknown() -> None:
    model = _group_endorsement()
    [count] = endorsements(model, "x:pact").counts
    assert count.count is None and count.missing is None
    assert check(model, rules=["tally-count"]) == []
    g = to_rdf(model)
    assert list(g.objects(None, URIRef(SB + "count"))) == []  # no number made up
    with use_language("en"):
        assert tally_phrase("social_partners", "endorse", None, None).format(subject="the pact") == (
            "social partners endorsed the pact (number not recorded)"
        )
        assert tally_phrase("municipal_council", "endorse", None, 44).format(subject="the pact") == (
            "an unrecorded number of the 44 municipal councils endorsed the pact"
        )


def test_a_tally_with_no_count_round_trips() -> None:
    again = parse_json(generate_json(_group_endorsement()))
    assert again.get("x:pact/social").count is None


# ---------------------------------------------------------------- a body's size


def _sized(size: int | None, groups: list[SeatGroup], members: int = 0) -> streekbeleid.Model:
    body = Body(
        id="x:council",
        name="Council X",
        kind="council",
        size=size,
        seat_groups=groups,
        valid=Period.parse("2014/.."),
        sources=[SRC],
    )
    ms = [
        Membership(
            id=f"x:council/m{i}",
            organization="x:council",
            member=f"x:a{i}",
            valid=Period.parse("2015/.."),
            sources=[SRC],
        )
        for i in range(members)
    ]
    actors = [Actor(id=f"x:a{i}", name=f"A{i}", kind="other", sources=[SRC]) for i in range(members)]
    return build_model(body, *actors, *ms)


def test_a_size_that_the_seat_groups_do_not_add_up_to_is_an_error() -> None:
    [found] = check(_sized(20, [SeatGroup(name="a", seats=8), SeatGroup(name="b", seats=8)]), rules=["body-size"])
    assert found.severity == "error" and "20 seats" in found.message and "16 seats" in found.message
    [found] = check(_sized(10, [SeatGroup(name="a", seats=8), SeatGroup(name="b", min_seats=4)]), rules=["body-size"])
    assert "at least 12 seats" in found.message
    assert check(_sized(16, [SeatGroup(name="a", seats=8), SeatGroup(name="b", seats=8)]), rules=["body-size"]) == []
    assert check(_sized(20, [SeatGroup(name="a", seats=8), SeatGroup(name="b")]), rules=["body-size"]) == []


def test_more_members_than_the_size_is_an_error_and_no_size_is_not_judged() -> None:
    [found] = check(_sized(2, [], members=3), rules=["body-size"])
    assert found.severity == "error" and "3 seats" in found.message
    assert check(_sized(3, [], members=3), rules=["body-size"]) == []
    assert check(_sized(None, [], members=3), rules=["body-size"]) == []
    assert _sized(5, []).get("x:council").size == 5


# ---------------------------------------------------------------- once every N years


def _biennial(*days: str) -> streekbeleid.Model:
    rule = CadenceRule(
        decision="evaluate", subject="x:pact", min_meetings=1, max_meetings=1, every=2, per="year", sources=[SRC]
    )
    body = Body(
        id="x:resoc", name="RESOC X", kind="resoc", cadence=[rule], valid=Period.parse("2012/.."), sources=[SRC]
    )
    plan = Plan(id="x:pact", name="Pact X", kind="streekpact", valid=Period.parse("2013/2018"), sources=[SRC])
    evaluations = [
        Decision(
            id=f"x:eval/{d}", kind="evaluate", by="x:resoc", subject="x:pact", date=PartialDate.parse(d), sources=[SRC]
        )
        for d in days
    ]
    return build_model(body, plan, *evaluations)


def test_two_biennial_evaluations_two_months_apart_are_too_many() -> None:
    found = [p for p in check(_biennial("2014-06-01", "2016-03-01", "2016-05-01", "2018-04-01"), rules=["cadence"])]
    warnings = [p for p in found if p.severity == "warning"]
    assert len(warnings) == 1
    assert "too many" in warnings[0].message
    assert {"x:eval/2016-03-01", "x:eval/2016-05-01"} <= set(warnings[0].ids)


def test_two_evaluations_two_months_apart_across_two_blocks_are_too_many_too() -> None:
    warnings = [
        p
        for p in check(_biennial("2014-12-01", "2015-02-01", "2017-06-01"), rules=["cadence"])
        if p.severity == "warning"
    ]
    assert len(warnings) == 1 and {"x:eval/2014-12-01", "x:eval/2015-02-01"} <= set(warnings[0].ids)


def test_one_evaluation_every_two_years_passes_and_a_missed_one_is_too_few() -> None:
    assert check(_biennial("2014-06-01", "2016-06-01", "2018-06-01"), rules=["cadence"]) == []
    warnings = [p for p in check(_biennial("2014-06-01", "2018-06-01"), rules=["cadence"]) if p.severity == "warning"]
    assert len(warnings) == 1 and "2015-2016" in warnings[0].message and "too few" in warnings[0].message


def test_the_zuid_oost_vlaanderen_pact_is_evaluated_every_two_years() -> None:
    model = streekbeleid.load(plugins=["zuid_oost_vlaanderen"])
    [rule] = model.get("zuid_oost_vlaanderen:resoc").cadence
    assert (rule.decision, rule.subject, rule.every, rule.min_meetings, rule.max_meetings) == (
        "evaluate",
        "zuid_oost_vlaanderen:streekpact-2013-2018",
        2,
        1,
        1,
    )
    assert rule.sources[0].locator == "–Tweejaarlijkse evaluatie en bijsturing indien nodig"
    with use_language("nl"):
        assert streekbeleid.model.phrasing.cadence_text(rule) == "eens om de 2 jaar"


# ---------------------------------------------------------------- persons in other roles


def test_a_person_may_sit_as_a_delegate_of_an_organisation() -> None:
    person = Person(id="x:p", name="A. Delegate", sources=[SRC])
    body = Body(id="x:forum", name="Forum X", kind="forum", sources=[SRC])
    m = Membership(
        id="x:forum/p", organization="x:forum", member="x:p", role="delegate", on_behalf_of="org:voka", sources=[SRC]
    )
    model = build_model(person, body, m)
    [member] = model.members("x:forum")
    assert member.membership.role == "delegate"
    with use_language("nl"):
        assert role_label("delegate") == "afgevaardigde"


def test_the_regions_stay_clean_of_the_new_rules() -> None:
    for slug in ("limburg", "leuven", "zuid_oost_vlaanderen"):
        model = streekbeleid.load(plugins=[slug])
        assert [p for p in check(model, rules=["body-size", "cadence"]) if p.severity == "error"] == []


# ---------------------------------------------------------------- shown and exported


def test_show_says_a_count_is_not_recorded_and_names_a_rule_on_decisions() -> None:
    model = _group_endorsement()
    with use_language("nl"):
        assert "aantal: niet vermeld" in describe(model, model.get("x:pact/social"))
        biennial = _biennial("2014-06-01")
        assert "eens om de 2 jaar" in describe(biennial, biennial.get("x:resoc"))


def test_size_and_a_biennial_rule_are_exported() -> None:
    model = _sized(32, [])
    [org] = [o for o in to_popolo(model)["organizations"] if o["id"] == "x:council"]
    assert org["size"] == 32
    assert Literal(32) in set(to_rdf(model).objects(None, URIRef(SB + "size")))
    g = to_rdf(_biennial("2014-06-01"))
    assert set(g.objects(None, URIRef(SB + "every"))) == {Literal(2)}
    assert set(g.objects(None, URIRef(SB + "decisionKind"))) == {Literal("evaluate")}
    assert parse_json(generate_json(model)).get("x:council").size == 32


def test_the_report_shows_the_biennial_evaluation_of_the_zov_pact(tmp_path: Path) -> None:
    from streekbeleid.report import write_report

    model = streekbeleid.load(plugins=["zuid_oost_vlaanderen"])
    write_report(model, tmp_path, regions=["zuid_oost_vlaanderen:zuid-oost-vlaanderen"], lang="nl")
    pages = " ".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html"))
    assert "evalueert Streekpact 2013-2018: eens om de 2 jaar." in pages
    assert "Vergadert eens om de 2 jaar" not in pages  # a rule on evaluations, not on meetings
