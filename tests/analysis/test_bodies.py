"""Who sits where: composition of a body on a date, and the bodies an actor sat in over time."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streekbeleid import Body, Membership, Model, Period, Person, SeatAllocation, SeatGroup, Truth
from streekbeleid.queries import RecordKindError, bodies_of, composition, sources_of

RESOC = Body(
    id="x:resoc",
    name="RESOC X",
    kind="resoc",
    seat_groups=[
        SeatGroup(name="employers", seats=4, voting=True, allocations=[SeatAllocation(member="org:voka", seats=3)]),
        SeatGroup(name="experts", min_seats=1, voting=False),
    ],
)
JAN = Person(id="x:jan", name="Jan Peeters")
MEMBERSHIPS = [
    Membership(
        id="x:voka",
        organization="x:resoc",
        member="org:voka",
        seat_group="employers",
        seats=2,
        valid=Period.parse("2014-01-01/2019-12-31"),
    ),
    Membership(
        id="x:jan-for-voka",
        organization="x:resoc",
        member="x:jan",
        on_behalf_of="org:voka",
        seat_group="employers",
        valid=Period.parse("2016-06/2019-12-31"),
    ),
    Membership(
        id="x:vdab",
        organization="x:resoc",
        member="org:vdab",
        seat_group="experts",
        voting=True,  # its own voting right overrides the advisory group's
        valid=Period.parse("2014-01-01/2015-12-31"),
    ),
]


@pytest.fixture
def model(build: Callable[..., Model]) -> Model:
    return build(RESOC, JAN, *MEMBERSHIPS)


def test_members_on_a_date_by_seat_group_with_voting_and_principal(model: Model) -> None:
    comp = composition(model, "x:resoc", on="2016-07-01")
    assert [(s.member, s.seat_group, s.on_behalf_of, s.voting) for s in comp.seats] == [
        ("org:voka", "employers", None, True),
        ("x:jan", "employers", "org:voka", True),
    ]
    assert set(comp.by_group()) == {"employers"}


def test_a_membership_known_to_the_month_is_uncertain_within_that_month(model: Model) -> None:
    comp = composition(model, "x:resoc", on="2016-06-15")
    jan = next(s for s in comp.seats if s.member == "x:jan")
    assert jan.status is Truth.UNCERTAIN
    employers = comp.group("employers")
    assert (employers.certain, employers.possible) == (2, 3)


def test_seat_counts_per_group_and_per_allocation(model: Model) -> None:
    comp = composition(model, "x:resoc", on="2017-01-01")
    employers = comp.group("employers")
    assert (employers.certain, employers.possible, employers.rule.seats) == (3, 3, 4)  # type: ignore[union-attr]
    voka = employers.allocations[0]
    # Jan sits on behalf of VOKA, so his seat counts for VOKA's allocation
    assert (voka.member, voka.allotted, voka.certain) == ("org:voka", 3, 3)
    assert comp.group("experts").possible == 0


def test_the_membership_voting_right_overrides_its_seat_group(model: Model) -> None:
    comp = composition(model, "x:resoc", on="2015-01-01")
    assert [(s.member, s.voting) for s in comp.seats if s.seat_group == "experts"] == [("org:vdab", True)]


def test_without_a_date_every_membership_over_time_and_no_counts(model: Model) -> None:
    comp = composition(model, "x:resoc")
    assert comp.on is None
    assert {s.membership.id for s in comp.seats} == {"x:voka", "x:jan-for-voka", "x:vdab"}
    assert comp.groups == ()


def test_a_slice_gives_its_date(model: Model) -> None:
    comp = composition(model.as_of("2015-06-01"), "x:resoc")
    assert comp.on is not None and str(comp.on) == "2015-06-01"
    assert {s.member for s in comp.seats} == {"org:voka", "org:vdab"}


def test_composition_rests_on_the_body_its_rules_and_memberships(model: Model) -> None:
    comp = composition(model, "x:resoc", on="2015-01-01")
    assert comp.body in comp.basis and MEMBERSHIPS[0] in comp.basis
    assert sources_of(comp) == ()  # the hand-made records cite nothing


def test_composition_of_something_that_is_not_a_body_is_a_clear_error(model: Model) -> None:
    with pytest.raises(RecordKindError, match="org:voka is an actor, not a body"):
        composition(model, "org:voka")


def test_bodies_an_actor_sat_in_over_time_also_through_a_representative(model: Model) -> None:
    tenures = bodies_of(model, "org:voka")
    assert [(t.organization, t.membership.id, t.through) for t in tenures] == [
        ("x:resoc", "x:voka", None),
        ("x:resoc", "x:jan-for-voka", "x:jan"),
    ]
    assert [str(t.valid) for t in tenures] == ["2014-01-01/2019-12-31", "2016-06/2019-12-31"]


def test_bodies_of_on_a_slice_keeps_what_held_that_day(model: Model) -> None:
    assert [t.membership.id for t in bodies_of(model.as_of("2015-01-01"), "org:voka")] == ["x:voka"]


# ---------------------------------------------------------------- the real Limburg package


def test_resoc_limburg_seats_follow_the_allocations_of_8_8_8_8(limburg: Model) -> None:
    comp = composition(limburg, "limburg:resoc", on="2016-06-30")
    rules = {g.name: g.rule.seats for g in comp.groups if g.rule}
    assert rules == {"municipalities": 8, "province": 8, "employers": 8, "employees": 8}
    employers = comp.group("employers")
    assert {a.member: a.allotted for a in employers.allocations} == {
        "org:voka": 4,
        "org:boerenbond": 1,
        "limburg:unizo-vkw": 3,
    }
    # the memberships carry no dates: every seat possibly held, none for certain
    assert (employers.certain, employers.possible) == (0, 8)
    assert comp.group("municipalities").possible == 0
    assert sources_of(comp)


def test_voka_sat_in_resoc_limburg(limburg: Model) -> None:
    assert "limburg:resoc" in {t.organization for t in bodies_of(limburg, "org:voka")}
