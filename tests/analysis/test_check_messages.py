"""Check messages in Dutch and English: the same finding (rule, ids, severity) in both, names beside ids, dates in
words, never the data's notation; the message is built in the language in use when the check runs."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from streekbeleid import Body, Membership, Model, Period, Plan, PlanItem
from streekbeleid.checks import UNDECIDABLE, check
from streekbeleid.i18n import use_language

P = Period.parse
NOTATION = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b|\d{4}/\d{4}|\.\.")


def messages(model: Model, rule: str) -> dict[str, list[str]]:
    """The messages of a rule in both languages, after checking that the findings are the same."""
    found = {}
    for lang in ("nl", "en"):
        with use_language(lang):
            found[lang] = check(model, rules=[rule])
    assert [(p.severity, p.ids) for p in found["nl"]] == [(p.severity, p.ids) for p in found["en"]]
    return {lang: [p.message for p in problems] for lang, problems in found.items()}


@pytest.fixture
def body() -> Body:
    return Body(id="x:b", name="Taskforce", kind="taskforce", valid=P("2016-01-01/2020-12-31"))


def test_a_membership_outside_its_body(build: Callable[..., Model], body: Body) -> None:
    member = Membership(id="x:m", organization="x:b", member="org:voka", valid=P("2012/2014"))
    said = messages(build(body, member), "membership-lifetime")
    assert said["nl"] == [
        "lidmaatschap VOKA in Taskforce (x:m) noemt Taskforce (x:b) als orgaan (van 2012 tot 2014), "
        "maar Taskforce bestond van "
        "1 januari 2016 tot 31 december 2020: het feit ligt buiten zijn bestaan"
    ]
    assert said["en"] == [
        "membership VOKA in Taskforce (x:m) names Taskforce (x:b) as body (from 2012 to 2014), "
        "but Taskforce existed from "
        "1 January 2016 to 31 December 2020: the fact lies outside its lifetime"
    ]


def test_an_action_without_a_lead(build: Callable[..., Model]) -> None:
    plan = Plan(
        id="x:p",
        name="Streekpact",
        kind="streekpact",
        items=[PlanItem(id="x:a1", kind="action", name="Website", number="2.1")],
    )
    said = messages(build(plan), "action-lead")
    assert said["nl"] == ["Actie 2.1 Website (x:a1) van Streekpact (x:p) heeft geen trekker"]
    assert said["en"] == ["Action 2.1 Website (x:a1) of Streekpact (x:p) has no lead actor"]


def test_a_theme_no_plan_uses(build: Callable[..., Model]) -> None:
    from streekbeleid import Theme

    said = messages(build(Theme(id="x:theme", name="Havens"), catalogue=False), "unused-theme")
    assert said["nl"] == ["Thema Havens (x:theme) wordt door geen enkel plan gebruikt"]
    assert said["en"] == ["Theme Havens (x:theme) is used by no plan"]


def test_overlapping_pacts_undecidable_in_both_languages(build: Callable[..., Model]) -> None:
    resoc = Body(id="x:resoc", name="RESOC", kind="resoc")
    pacts = [
        Plan(id=pid, name=name, kind="streekpact", owner="x:resoc", valid=P(valid))
        for pid, name, valid in (("x:a", "Pact A", "2014/2019"), ("x:b", "Pact B", "2019/2024"))
    ]
    said = messages(build(resoc, *pacts), "plan-overlap")
    [nl], [en] = said["nl"], said["en"]
    assert nl.startswith("Onbeslisbaar: Pact A (x:a) (van 2014 tot 2019) en Pact B (x:b) (van 2019 tot 2024)")
    assert "overlappen mogelijk" in nl
    assert en.startswith(f"{UNDECIDABLE}: Pact A (x:a) (from 2014 to 2019) and Pact B (x:b) (from 2019 to 2024)")


def test_the_composition_of_a_body_on_a_day(build: Callable[..., Model]) -> None:
    from streekbeleid import SeatGroup

    council = Body(id="x:c", name="Raad", kind="council", seat_groups=[SeatGroup(name="employers", seats=2)])
    member = Membership(
        id="x:m", organization="x:c", member="org:voka", seat_group="employers", valid=P("2016-01-01/2016-12-31")
    )
    said = messages(build(council, member).as_of("2016-06-01"), "composition")
    assert said["nl"] == [
        "Raad (x:c): zetelgroep 'werkgevers' heeft 1 zetel waar de regel 2 zetels geeft (op 1 juni 2016): "
        "zetels vacant of leden niet geregistreerd"
    ]
    assert said["en"] == [
        "Raad (x:c): seat group 'employers' holds 1 seat where the rule gives 2 seats (on 1 June 2016): "
        "seats vacant or members not recorded"
    ]


def test_no_message_of_the_real_regions_shows_the_data_notation() -> None:
    import streekbeleid

    model = streekbeleid.load()
    with use_language("nl"):
        problems = check(model)
    assert problems
    assert [p.message for p in problems if NOTATION.search(p.message)] == []
    assert all(not p.message.startswith(UNDECIDABLE) for p in problems)  # Dutch: "Onbeslisbaar"
    assert any(p.message.startswith("Onbeslisbaar: ") for p in problems)


def test_meetings_too_few_and_too_close_in_both_languages(build: Callable[..., Model]) -> None:
    from streekbeleid import CadenceRule, Meeting, PartialDate

    often = Body(
        id="x:tf",
        name="Taskforce",
        kind="taskforce",
        valid=P("2016-01-01/2017-12-31"),
        cadence=[CadenceRule(min_meetings=2, per="year")],
    )
    seldom = Body(
        id="x:ev",
        name="Stuurgroep",
        kind="other",
        valid=P("2016-01-01/2019-12-31"),
        cadence=[CadenceRule(min_meetings=1, max_meetings=1, every=2)],
    )
    meetings = [
        Meeting(id=f"x:m{i}", body=b, date=PartialDate.parse(d))
        for i, (b, d) in enumerate(
            [
                ("x:tf", "2016-03-01"),
                ("x:tf", "2016-06-01"),
                ("x:tf", "2017-05-02"),
                ("x:ev", "2016-03"),
                ("x:ev", "2016-05"),
                ("x:ev", "2018-04"),
            ]
        )
    ]
    said = messages(build(often, seldom, *meetings), "cadence")
    assert said["nl"] == [
        "Stuurgroep (x:ev) vergaderde 2 keer tussen maart 2016 en mei 2016, minder dan 1 jaar na elkaar; "
        "de regel zegt eens om de 2 jaar (te veel)",
        "Taskforce (x:tf) vergaderde 1 keer in 2017; de regel zegt minstens 2 keer per jaar (te weinig)",
    ]
    assert said["en"] == [
        "Stuurgroep (x:ev) met 2 times between March 2016 and May 2016, less than 1 year apart; "
        "its rule says once every 2 years (too many)",
        "Taskforce (x:tf) met 1 time in 2017; its rule says at least 2 times a year (too few)",
    ]
    assert not any(NOTATION.search(m) for m in said["nl"] + said["en"])
