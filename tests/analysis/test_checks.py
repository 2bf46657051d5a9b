"""The checks: every rule fires on a small hand-made model, stays quiet on a clean one, and says "undecidable"
where partial dates allow both answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
import pytest

import streekbeleid
from streekbeleid import (
    Actor,
    Body,
    CadenceRule,
    Check,
    Decision,
    Meeting,
    Membership,
    Model,
    PartialDate,
    Period,
    Plan,
    PlanItem,
    Problem,
    Region,
    RegionPart,
    SeatAllocation,
    SeatGroup,
    Source,
    StreekbeleidError,
    Territory,
    Theme,
)
from streekbeleid.checks import CORE_CHECKS, UNDECIDABLE, check, checks_of

P = Period.parse
SRC = Source(document="seed.txt", locator="here")


def run(model: Model, rule: str) -> list[Problem]:
    return check(model, rules=[rule])


def severities(problems: Iterable[Problem]) -> list[str]:
    return [p.severity for p in problems]


# ---------------------------------------------------------------- check() itself


def test_check_is_exported_lazily_from_the_package() -> None:
    assert streekbeleid.check is check
    assert "check" in streekbeleid.__all__


def test_every_core_rule_has_a_name_and_a_description() -> None:
    names = [c.name for c in CORE_CHECKS]
    assert len(names) == len(set(names)) == 21
    assert all(c.description for c in CORE_CHECKS)


def test_an_unknown_rule_is_an_error_listing_the_known_ones(core: Model) -> None:
    with pytest.raises(
        StreekbeleidError,
        match=r"unknown rule\(s\): nope; known rules: action-lead, active-after-change, body-region, body-size, "
        "cadence",
    ):
        check(core, rules=["nope"])


def test_plugin_checks_run_with_the_core_rules_and_can_be_chosen(build: Callable[..., Model]) -> None:
    def always(model: Model) -> Iterable[Problem]:
        yield Problem(severity="warning", rule="x-always", ids=["x:a"], message="always")

    model = Model.from_records([], checks=[Check(name="x-always", function=always, description="d")])
    assert [c.name for c in checks_of(model)][-1] == "x-always"
    assert [p.rule for p in check(model)] == ["x-always"]
    assert check(model, rules=["period-order"]) == []


def test_a_broken_plugin_check_is_reported_not_raised() -> None:
    def broken(model: Model) -> Iterable[Problem]:
        raise RuntimeError("boom")

    model = Model.from_records([], checks=[Check(name="x-broken", function=broken)])
    [found] = check(model)
    assert (found.severity, found.rule) == ("error", "x-broken")
    assert "RuntimeError: boom" in found.message


def test_problems_come_errors_first(build: Callable[..., Model]) -> None:
    with attrs.validators.disabled():  # the constructor refuses this period; the check guards records built so
        body = Body(id="x:b", name="B", kind="resoc", valid=P("2019/2014"))
    model = build(
        body,  # error: period-order
        Plan(id="x:p", name="P", kind="other", items=[PlanItem(id="x:a", kind="action", name="A")]),  # warning
    )
    found = severities(check(model))
    assert found == sorted(found, key=["error", "warning", "info"].index)
    assert found[0] == "error" and "warning" in found and "info" in found


# ---------------------------------------------------------------- period-order


def test_a_period_that_ends_before_it_starts(build: Callable[..., Model]) -> None:
    with attrs.validators.disabled():  # refused by the constructor since; the check still guards such records
        actor = Actor(id="x:a", name="A", kind="other", valid=P("2019/2014"), sources=[SRC])
    model = build(actor, catalogue=False)
    [found] = run(model, "period-order")
    assert (found.severity, found.ids) == ("error", ("x:a",))
    assert "valid (from 2019 to 2014) ends before it starts" in found.message
    assert found.sources == (SRC,)


def test_nested_periods_are_checked_too(build: Callable[..., Model]) -> None:
    with attrs.validators.disabled():
        region = Region(id="x:r", name="R", parts=[RegionPart(territory="nis:24062", valid=P("2020/2010"))])
    [found] = run(build(region), "period-order")
    assert "parts[0].valid (from 2020 to 2010)" in found.message


def test_coarse_dates_make_the_order_undecidable(build: Callable[..., Model]) -> None:
    model = build(Actor(id="x:a", name="A", kind="other", valid=P("2019/2019-03")), catalogue=False)
    [found] = run(model, "period-order")
    assert found.severity == "info" and found.message.startswith(UNDECIDABLE)


@pytest.mark.parametrize("valid", ["?/?", "2016-01-01/?", "..2016-04/?", "2016../..", "2014/2019", "2019/2019"])
def test_unknown_or_ordered_ends_are_not_reported(build: Callable[..., Model], valid: str) -> None:
    assert run(build(Actor(id="x:a", name="A", kind="other", valid=P(valid)), catalogue=False), "period-order") == []


# ---------------------------------------------------------------- territory-lifetime

NEERPELT = "nis:72025"  # merged into Pelt on 2019-01-01


def test_a_region_part_naming_a_municipality_after_its_merger(build: Callable[..., Model]) -> None:
    region = Region(id="x:r", name="R", parts=[RegionPart(territory=NEERPELT, valid=P("2019-06/.."))])
    [found] = run(build(region), "territory-lifetime")
    assert found.severity == "error"
    assert found.ids == ("x:r", NEERPELT)
    assert "Neerpelt existed until 31 December 2018" in found.message and "it became Pelt (nis:72043)" in found.message
    assert any(s.document == "flemish_municipalities.csv" for s in found.sources)


def test_a_membership_of_a_municipality_that_runs_past_its_merger(build: Callable[..., Model]) -> None:
    body = Body(id="x:b", name="B", kind="mayors_conference")
    member = Membership(id="x:m", organization="x:b", member=NEERPELT, valid=P("2016-01-01/2020-12-31"))
    [found] = run(build(body, member), "territory-lifetime")
    assert found.severity == "warning" and "partly outside its lifetime" in found.message


def test_a_decision_by_a_council_that_no_longer_existed(build: Callable[..., Model]) -> None:
    plan = Plan(id="x:p", name="P", kind="streekpact")
    decision = Decision(id="x:d", kind="endorse", by=NEERPELT, subject="x:p", date=PartialDate.parse("2019-03-04"))
    [found] = run(build(plan, decision), "territory-lifetime")
    assert found.severity == "error" and found.ids == ("x:d", NEERPELT)


def test_a_plan_item_without_dates_is_judged_by_its_plan(build: Callable[..., Model]) -> None:
    plan = Plan(
        id="x:p",
        name="P",
        kind="streekpact",
        valid=P("2020/2025"),
        items=[PlanItem(id="x:a", kind="action", name="A", lead=NEERPELT)],
    )
    [found] = run(build(plan), "territory-lifetime")
    assert found.ids == ("x:a", NEERPELT) and found.severity == "error"


def test_coarse_dates_make_a_territory_reference_undecidable(build: Callable[..., Model]) -> None:
    town = Territory(id="nis:90001", name="Oldtown", level="municipality", valid=P("../2018"))
    body = Body(id="x:b", name="B", kind="forum")
    member = Membership(id="x:m", organization="x:b", member="nis:90001", valid=P("2016/2018-06-30"))
    [found] = run(build(town, body, member, catalogue=False), "territory-lifetime")
    assert found.severity == "info" and found.message.startswith(UNDECIDABLE)


def test_facts_within_the_lifetime_or_without_dates_pass(build: Callable[..., Model]) -> None:
    body = Body(id="x:b", name="B", kind="forum")
    model = build(
        body,
        Membership(id="x:m1", organization="x:b", member=NEERPELT, valid=P("2014/2018-12-31")),
        Membership(id="x:m2", organization="x:b", member=NEERPELT),  # no dates: claims no time
        Membership(id="x:m3", organization="x:b", member="nis:72043", valid=P("2019-01-01/..")),
    )
    assert run(model, "territory-lifetime") == []


# ---------------------------------------------------------------- membership-lifetime


@pytest.fixture
def dated_body() -> Body:
    return Body(id="x:b", name="Task force", kind="taskforce", valid=P("2016-01-01/2020-12-31"))


def test_a_membership_wholly_outside_the_body(build: Callable[..., Model], dated_body: Body) -> None:
    member = Membership(id="x:m", organization="x:b", member="org:voka", valid=P("2012/2014"), sources=[SRC])
    [found] = run(build(dated_body, member), "membership-lifetime")
    assert (found.severity, found.ids) == ("error", ("x:m", "x:b"))
    assert (
        "as body (from 2012 to 2014), but Task force existed from 1 January 2016 to 31 December 2020" in found.message
    )
    assert SRC in found.sources


def test_a_membership_partly_outside_the_body(build: Callable[..., Model], dated_body: Body) -> None:
    member = Membership(id="x:m", organization="x:b", member="org:voka", valid=P("2019/2022"))
    [found] = run(build(dated_body, member), "membership-lifetime")
    assert found.severity == "warning"


def test_a_membership_outside_the_member_s_lifetime(build: Callable[..., Model], dated_body: Body) -> None:
    gone = Actor(id="x:gone", name="Gone vzw", kind="nonprofit", valid=P("../2015-12-31"))
    member = Membership(id="x:m", organization="x:b", member="x:gone", valid=P("2016-01-01/2017-12-31"))
    [found] = run(build(dated_body, gone, member), "membership-lifetime")
    assert found.ids == ("x:m", "x:gone") and "as member" in found.message


def test_a_membership_the_dates_cannot_place(build: Callable[..., Model]) -> None:
    body = Body(id="x:b", name="B", kind="forum", valid=P("2016-06/2020"))
    member = Membership(id="x:m", organization="x:b", member="org:voka", valid=P("2016/2018"))
    [found] = run(build(body, member), "membership-lifetime")
    assert found.severity == "info" and found.message.startswith(UNDECIDABLE)


@pytest.mark.parametrize("valid", ["2017/2019", "?/?", "2016-01-01../2020-12-31", "2018/?"])
def test_memberships_inside_or_with_unknown_ends_pass(
    build: Callable[..., Model], dated_body: Body, valid: str
) -> None:
    member = Membership(id="x:m", organization="x:b", member="org:voka", valid=P(valid))
    assert run(build(dated_body, member), "membership-lifetime") == []


# ---------------------------------------------------------------- composition


@pytest.fixture
def council() -> Body:
    return Body(
        id="x:council",
        name="Council",
        kind="resoc",
        valid=P("2014-01-01/2019-12-31"),
        seat_groups=[
            SeatGroup(
                name="employers",
                seats=4,
                allocations=[SeatAllocation(member="org:voka", seats=3), SeatAllocation(member="org:unizo", seats=1)],
            ),
            SeatGroup(name="experts", min_seats=1),
        ],
    )


def seat(mid: str, member: str, group: str, seats: int = 1, valid: str = "2014-01-01/2019-12-31") -> Membership:
    return Membership(id=mid, organization="x:council", member=member, seat_group=group, seats=seats, valid=P(valid))


def full(*extra: Membership) -> list[Membership]:
    base = [
        seat("x:voka", "org:voka", "employers", 3),
        seat("x:unizo", "org:unizo", "employers", 1),
        seat("x:vdab", "org:vdab", "experts"),
    ]
    return [*base, *extra]


def test_a_body_that_keeps_its_seat_rules_passes(build: Callable[..., Model], council: Body) -> None:
    assert run(build(council, *full()), "composition") == []


def test_too_many_seats_in_a_group_and_an_allocation(build: Callable[..., Model], council: Body) -> None:
    extra = seat("x:voka2", "org:voka", "employers", 1, valid="2016-01-01/2016-12-31")
    found = run(build(council, *full(extra)), "composition")
    assert severities(found) == ["error", "error"]
    group, allocation = sorted(found, key=lambda p: len(p.ids))
    assert "seat group 'employers' holds 5 seats where the rule gives 4 seats" in group.message
    assert "from 1 January 2016 to 31 December 2016" in group.message
    assert allocation.ids == ("x:council", "org:voka")


def test_vacant_seats_are_a_warning_over_the_days_they_last(build: Callable[..., Model], council: Body) -> None:
    members = [m for m in full() if m.id != "x:unizo"]
    members.append(seat("x:unizo", "org:unizo", "employers", 1, valid="2014-01-01/2016-12-31"))
    found = run(build(council, *members), "composition")
    assert severities(found) == ["warning", "warning"]
    assert all("(from 1 January 2017 to 31 December 2019)" in p.message for p in found)
    assert any("at least" not in p.message and "holds 3 seats" in p.message for p in found)


def test_a_minimum_of_seats(build: Callable[..., Model], council: Body) -> None:
    members = [m for m in full() if m.id != "x:vdab"]
    [found] = run(build(council, *members), "composition")
    assert "seat group 'experts' holds 0 seats where the rule gives at least 1 seat" in found.message


def test_a_seat_group_the_body_does_not_have(build: Callable[..., Model], council: Body) -> None:
    [found] = run(build(council, *full(seat("x:odd", "org:acv", "unions"))), "composition")
    assert found.severity == "error" and "names seat group 'unions'" in found.message


def test_coarse_membership_dates_make_the_count_undecidable(build: Callable[..., Model], council: Body) -> None:
    members = [m for m in full() if m.id != "x:unizo"]
    members.append(seat("x:unizo", "org:unizo", "employers", 1, valid="2014/2019"))
    [found] = run(build(council, *members), "composition")
    assert found.severity == "info" and found.message.startswith(UNDECIDABLE)
    assert "seat group 'employers': 3 to 4 of 4 seats (from 1 January 2014 to 30 December 2014" in found.message


def test_no_members_recorded(build: Callable[..., Model], council: Body) -> None:
    [found] = run(build(council), "composition")
    assert found.severity == "info" and found.message.startswith("No members recorded for Council (x:council)")


def test_on_a_slice_the_composition_is_judged_that_day_only(build: Callable[..., Model], council: Body) -> None:
    extra = seat("x:voka2", "org:voka", "employers", 1, valid="2016-01-01/2016-12-31")
    model = build(council, *full(extra))
    assert run(model.as_of("2015-06-01"), "composition") == []
    found = run(model.as_of("2016-06-01"), "composition")
    assert found and all("(on 1 June 2016)" in p.message for p in found)


def test_while_the_body_may_not_exist_yet_vacancies_are_undecidable(build: Callable[..., Model], council: Body) -> None:
    vague = Body(id="x:council", name="Council", kind="resoc", valid=P("2016../?"), seat_groups=council.seat_groups)
    members = [m for m in full() if m.id != "x:unizo"]  # a seat short, whenever the body began
    [found] = run(build(vague, *members), "composition")
    assert found.severity == "info" and found.message.startswith(UNDECIDABLE)
    assert "because its own dates or those of some memberships are unknown or too coarse" in found.message


# ---------------------------------------------------------------- cadence


@pytest.fixture
def taskforce() -> Body:
    return Body(
        id="x:tf",
        name="Task force",
        kind="taskforce",
        valid=P("2016-03-01/2018-12-31"),
        cadence=[CadenceRule(min_meetings=6, per="year", sources=[SRC])],
    )


def meetings(year: int, count: int, precision: str = "day") -> list[Meeting]:
    out = []
    for i in range(count):
        text = {"day": f"{year}-{i + 1:02d}-15", "month": f"{year}-{i + 1:02d}", "year": str(year)}[precision]
        out.append(Meeting(id=f"x:tf/{year}-{i}-{precision}", body="x:tf", date=PartialDate.parse(text)))
    return out


def test_no_meetings_recorded_is_said_clearly(build: Callable[..., Model], taskforce: Body) -> None:
    [found] = run(build(taskforce), "cadence")
    assert found.severity == "info"
    assert found.message == (
        "No meetings recorded for Task force (x:tf): cannot check that it meets at least 6 times a year"
    )


def test_too_few_meetings_in_a_year(build: Callable[..., Model], taskforce: Body) -> None:
    model = build(taskforce, *meetings(2016, 8), *meetings(2017, 4), *meetings(2018, 6))
    [found] = run(model, "cadence")
    assert found.severity == "warning"
    assert "Task force (x:tf) met 4 times in 2017; its rule says at least 6 times a year (too few)" in found.message
    assert SRC in found.sources


def test_a_year_the_body_lived_only_part_of_is_not_judged(build: Callable[..., Model], taskforce: Body) -> None:
    model = build(taskforce, *meetings(2016, 2), *meetings(2017, 6), *meetings(2018, 6))
    assert run(model, "cadence") == []


def test_on_a_slice_only_the_year_of_its_date_is_judged(build: Callable[..., Model], taskforce: Body) -> None:
    model = build(taskforce, *meetings(2016, 8), *meetings(2017, 4), *meetings(2018, 6))
    assert run(model.as_of("2018-06-01"), "cadence") == []
    [found] = run(model.as_of("2017-06-01"), "cadence")
    assert "in 2017" in found.message


def test_meetings_known_to_the_year_make_a_monthly_rule_undecidable(build: Callable[..., Model]) -> None:
    body = Body(
        id="x:tf",
        name="Task force",
        kind="taskforce",
        valid=P("2017-01-01/2017-12-31"),
        cadence=[CadenceRule(min_meetings=1, per="month")],
    )
    model = build(body, *meetings(2017, 12, precision="year"))
    found = run(model, "cadence")
    assert len(found) == 12 and set(severities(found)) == {"info"}
    assert all(p.message.startswith(UNDECIDABLE) for p in found)


def test_too_many_meetings(build: Callable[..., Model]) -> None:
    body = Body(
        id="x:tf",
        name="Board",
        kind="board",
        valid=P("2017-01-01/2017-12-31"),
        cadence=[CadenceRule(max_meetings=2, per="year")],
    )
    [found] = run(build(body, *meetings(2017, 3)), "cadence")
    assert found.severity == "warning" and "(too many)" in found.message


# ---------------------------------------------------------------- plans and themes


def pact(pid: str, valid: str, kind: str = "streekpact", owner: str = "x:resoc") -> Plan:
    return Plan(id=pid, name=pid, kind=kind, owner=owner, valid=P(valid))


@pytest.fixture
def resoc() -> Body:
    return Body(id="x:resoc", name="RESOC", kind="resoc")


def test_two_pacts_of_one_owner_in_force_at_once(build: Callable[..., Model], resoc: Body) -> None:
    model = build(resoc, pact("x:a", "2014/2019"), pact("x:b", "2018/2023"), pact("x:c", "2008/2013"))
    [found] = run(model, "plan-overlap")
    assert (found.severity, found.ids) == ("warning", ("x:a", "x:b"))
    assert "both of kind regional pact (streekpact) of RESOC (x:resoc), are in force at the same time" in found.message


def test_pacts_meeting_in_a_year_known_only_as_a_year_are_undecidable(build: Callable[..., Model], resoc: Body) -> None:
    [found] = run(build(resoc, pact("x:a", "2014/2019"), pact("x:b", "2019/2024")), "plan-overlap")
    assert found.severity == "info" and found.message.startswith(UNDECIDABLE)


def test_plans_of_other_kinds_or_owners_may_overlap(build: Callable[..., Model], resoc: Body) -> None:
    other = Body(id="x:other", name="Other", kind="forum")
    model = build(
        resoc,
        other,
        pact("x:a", "2014/2019"),
        pact("x:b", "2016/2018", kind="action_plan"),
        pact("x:c", "2016/2018", owner="x:other"),
    )
    assert run(model, "plan-overlap") == []


def test_an_action_without_a_lead(build: Callable[..., Model]) -> None:
    plan = Plan(
        id="x:p",
        name="Pact",
        kind="streekpact",
        items=[
            PlanItem(id="x:a1", kind="action", name="Website", number="2.1"),
            PlanItem(id="x:a2", kind="action", name="Fair", lead="org:voka"),
            PlanItem(id="x:o1", kind="objective", name="An objective has no lead to miss"),
        ],
    )
    [found] = run(build(plan), "action-lead")
    assert (found.severity, found.ids) == ("warning", ("x:a1", "x:p"))
    assert found.message == "Action 2.1 Website (x:a1) of Pact (x:p) has no lead actor"


def test_themes_used_by_no_plan(build: Callable[..., Model]) -> None:
    themes = [
        Theme(id="theme:work", name="Work"),
        Theme(id="theme:labour-market", name="Labour market", broader="theme:work"),
        Theme(id="theme:housing", name="Housing"),
    ]
    plan = Plan(id="x:p", name="P", kind="other", themes=["theme:labour-market"])
    [found] = run(build(*themes, plan, catalogue=False), "unused-theme")
    assert (found.severity, found.ids) == ("info", ("theme:housing",))
    assert found.message == "Theme Housing (theme:housing) is used by no plan"


# ---------------------------------------------------------------- the real region packages


def test_the_core_catalogue_has_no_errors_or_warnings(core: Model) -> None:
    assert {p.severity for p in check(core)} <= {"info"}


def test_limburg_checks_clean_of_errors_and_reports_what_the_sources_lack(limburg: Model) -> None:
    found = check(limburg)
    assert [p for p in found if p.severity == "error"] == []
    rules = {(p.rule, p.severity) for p in found}
    # the sources give RESOC Limburg 8 municipal seats but name no municipality
    assert ("composition", "warning") in rules
    assert any(p.message.startswith("No members recorded for SERR Limburg") for p in found)
    assert ("action-lead", "warning") in rules
    assert all(p.sources or p.rule == "unused-theme" for p in found)


def test_the_real_regions_together_have_no_errors(everything: Model) -> None:
    found = check(everything)
    assert [p.message for p in found if p.severity == "error"] == []
    cadence = [p for p in found if p.rule == "cadence"]
    assert cadence  # the Leuven task force's "at least 6 a year": judged, or "no meetings recorded"


# ------------------------------------------------------------------ what slipped through (issue 15, item 7)


def test_a_tally_counting_more_than_it_counts_out_of_is_an_error(build: Callable[..., Model]) -> None:
    from streekbeleid import Tally, check

    with attrs.validators.disabled():  # the record refuses it where data enters; the rule holds without that
        over = Tally(id="x:over", kind="endorse", subject="nis:02000", by="municipal_council", count=45, out_of=44)
    fine = Tally(id="x:fine", kind="endorse", subject="nis:02000", by="municipal_council", count=42, out_of=44)
    found = check(build(over, fine), rules=["tally-count"])
    assert [(p.severity, p.ids) for p in found] == [("error", ("x:over",))]


def test_a_record_without_sources_is_reported_but_not_a_core_theme(build: Callable[..., Model]) -> None:
    from streekbeleid import Actor, Source, Theme, check

    model = build(
        Actor(id="x:bare", name="Bare", kind="other"),
        Actor(id="x:sourced", name="Sourced", kind="other", sources=[Source(document="seed.txt")]),
        Theme(id="x:theme", name="Region theme"),
    )
    found = check(model, rules=["unsourced"])
    assert sorted(p.ids for p in found) == [("x:bare",), ("x:theme",)]  # the core taxonomy (theme:...) is excepted


def test_a_body_in_no_region_is_reported(build: Callable[..., Model]) -> None:
    from streekbeleid import Body, Source, check

    src = [Source(document="seed.txt")]
    model = build(
        Body(id="x:lost", name="Lost", kind="forum", sources=src),
        Body(id="x:placed", name="Placed", kind="forum", region="refreg:REFREG01", sources=src),
    )
    found = check(model, rules=["body-region"])
    assert [p.ids for p in found] == [("x:lost",)]


def test_the_new_rules_find_nothing_in_the_three_regions(everything: Model) -> None:
    from streekbeleid import check

    assert check(everything, rules=["tally-count", "unsourced", "body-region"]) == []


def test_cadence_is_judged_over_the_whole_lifetime_not_only_between_recorded_meetings(
    build: Callable[..., Model],
) -> None:
    """A body of 2014-2019 that must meet 6 times a year, with meetings recorded only in 2016 and 2018: 2017 (between
    them, none recorded) is too few; the other full years of its life are named as years the data is silent on."""
    from streekbeleid import Body, CadenceRule, Meeting, PartialDate, check

    body = Body(
        id="x:taskforce",
        name="Task force X",
        kind="taskforce",
        region="refreg:REFREG15",
        cadence=[CadenceRule(min_meetings=6)],
        valid=P("2014/2019"),
    )
    meetings = [
        Meeting(id=f"x:m{year}-{month}", body="x:taskforce", date=PartialDate(year, month, 1))
        for year in (2016, 2018)
        for month in range(1, 7)
    ]
    found = check(build(body, *meetings), rules=["cadence"])
    assert [(p.severity, p.message) for p in found] == [
        (
            "warning",
            "Task force X (x:taskforce) met 0 times in 2017; its rule says at least 6 times a year (too few)",
        ),
        (
            "info",
            "No meetings recorded for Task force X (x:taskforce) in 2015, years of its lifetime outside the recorded "
            "meetings: cannot check that it meets at least 6 times a year then",
        ),
    ]
