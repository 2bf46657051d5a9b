"""Plans: endorsements (who, when, how many of how many, who did not), commitments, actions without a lead."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streekbeleid import (
    Actor,
    Body,
    Decision,
    Model,
    PartialDate,
    Plan,
    PlanItem,
    Project,
    Region,
    RegionPart,
    Source,
    Tally,
)
from streekbeleid.queries import actions_without_lead, commitments, endorsements, sources_of

PACT = Plan(
    id="x:pact",
    name="Pact",
    kind="streekpact",
    owner="x:resoc",
    items=[
        PlanItem(
            id="x:p1",
            kind="priority",
            name="Work",
            items=[
                PlanItem(id="x:a1", kind="action", name="Job fair", lead="org:voka", partners=["org:vdab"]),
                PlanItem(id="x:a2", kind="action", name="Site database"),
            ],
        ),
        PlanItem(id="x:a3", kind="action", name="Training", lead="org:vdab", partners=["org:voka", "org:acv"]),
    ],
)
OTHER = Plan(
    id="x:other",
    name="Other plan",
    kind="action_plan",
    items=[PlanItem(id="x:b1", kind="action", name="Cycle lanes", partners=["org:voka"])],
)
PROJECT = Project(id="x:proj", name="ESF project", promoter="org:voka", partners=["org:acv"], plan="x:pact")
# three municipalities of arrondissement Maaseik, the pool of a tally
TOWNS = Region(
    id="x:towns",
    name="Three towns",
    parts=[RegionPart(territory=t) for t in ("nis:72003", "nis:72004", "nis:72020")],
)
BREE = Actor(id="x:bree", name="Gemeente Bree", kind="municipal_government", territory="nis:72004")
SOURCE = Source(document="minutes.pdf", locator="p. 3")
RESOC = Body(id="x:resoc", name="RESOC", kind="resoc")


def approval() -> Decision:
    return Decision(
        id="x:approve",
        kind="approve",
        by="x:resoc",
        subject="x:pact",
        date=PartialDate.parse("2014-03-11"),
        unanimous=True,
        sources=[SOURCE],
    )


@pytest.fixture
def model(build: Callable[..., Model]) -> Model:
    return build(RESOC, PACT, OTHER, PROJECT, TOWNS, BREE, approval())


def test_who_endorsed_and_when(build: Callable[..., Model]) -> None:
    endorse_voka = Decision(
        id="x:e-voka", kind="endorse", by="org:voka", subject="x:pact", date=PartialDate.parse("2014-05")
    )
    refuse_acv = Decision(
        id="x:e-acv",
        kind="endorse",
        by="org:acv",
        subject="x:pact",
        outcome="rejected",
        date=PartialDate.parse("2014-04-02"),
    )
    model = build(RESOC, PACT, approval(), endorse_voka, refuse_acv)
    found = endorsements(model, "x:pact")
    assert [d.id for d in found.decisions] == ["x:e-acv", "x:e-voka"]  # by date
    assert found.endorsed_by == ("org:voka",)
    assert found.refused_by == ("org:acv",)
    assert [d.id for d in found.approvals] == ["x:approve"]
    assert found.counts == ()
    assert SOURCE in sources_of(found)


def test_a_tally_that_names_every_endorser_tells_who_did_not(build: Callable[..., Model]) -> None:
    tally = Tally(
        id="x:t",
        kind="endorse",
        subject="x:pact",
        by="municipal_council",
        among="x:towns",
        count=2,
        out_of=3,
        named=["nis:72003", "x:bree"],  # a municipal government stands for its municipality
        date=PartialDate.parse("2014"),
    )
    model = build(RESOC, PACT, TOWNS, BREE, tally)
    count = endorsements(model, "x:pact").counts[0]
    assert (count.count, count.out_of, count.missing) == (2, 3, 1)
    assert count.non_endorsers == ("nis:72020",)
    assert str(count) == "2 of 3 municipal council of x:towns"


def test_a_tally_without_names_says_how_many_but_not_who(build: Callable[..., Model]) -> None:
    tally = Tally(
        id="x:t",
        kind="endorse",
        subject="x:pact",
        by="municipal_council",
        among="x:towns",
        count=2,
        out_of=3,
        date=PartialDate.parse("2014"),
    )
    count = endorsements(build(RESOC, PACT, TOWNS, tally), "x:pact").counts[0]
    assert count.missing == 1
    assert count.non_endorsers is None  # unknown, not "nobody"
    assert count.endorsers == ()


def test_when_all_endorsed_nobody_did_not(build: Callable[..., Model]) -> None:
    tally = Tally(id="x:t", kind="endorse", subject="x:pact", by="provincial_council", count=1, out_of=1)
    assert endorsements(build(RESOC, PACT, tally), "x:pact").counts[0].non_endorsers == ()


def test_a_pool_that_disagrees_with_the_tally_leaves_it_unknown(build: Callable[..., Model]) -> None:
    tally = Tally(
        id="x:t",
        kind="endorse",
        subject="x:pact",
        by="municipal_council",
        among="x:towns",
        count=2,
        out_of=4,  # the region holds 3: the sources and the catalogue disagree, so do not guess
        named=["nis:72003", "nis:72004"],
        date=PartialDate.parse("2014"),
    )
    assert endorsements(build(RESOC, PACT, TOWNS, tally), "x:pact").counts[0].non_endorsers is None


def test_endorsements_on_a_slice_before_the_decision_are_not_there_yet(build: Callable[..., Model]) -> None:
    endorse = Decision(id="x:e", kind="endorse", by="org:voka", subject="x:pact", date=PartialDate.parse("2014-05-20"))
    model = build(RESOC, PACT, endorse)
    assert endorsements(model.as_of("2014-05-01"), "x:pact").endorsed_by == ()
    assert endorsements(model.as_of("2014-06-01"), "x:pact").endorsed_by == ("org:voka",)


def test_commitments_across_plans_and_projects(model: Model) -> None:
    found = [(c.plan.id if c.plan else None, c.item.id, c.role) for c in commitments(model, "org:voka")]
    assert found == [
        ("x:other", "x:b1", "partner"),
        ("x:pact", "x:a1", "lead"),
        ("x:pact", "x:a3", "partner"),
        ("x:pact", "x:proj", "promoter"),
    ]


def test_commitments_of_an_actor_without_any(model: Model) -> None:
    assert commitments(model, "org:abvv") == []


def test_actions_without_a_lead(model: Model) -> None:
    assert [(a.plan.id, a.item.id) for a in actions_without_lead(model)] == [
        ("x:other", "x:b1"),
        ("x:pact", "x:a2"),
    ]


# ---------------------------------------------------------------- the real Limburg package


def test_streekpact_limburg_42_of_44_councils_and_the_social_partners(limburg: Model) -> None:
    found = endorsements(limburg, "limburg:streekpact-2014-2019")
    councils = next(c for c in found.counts if c.by == "municipal_council")
    assert (councils.count, councils.out_of, councils.missing) == (42, 44, 2)
    assert councils.non_endorsers is None  # the sources name neither the 42 nor the other 2
    assert {"org:voka", "org:acv", "org:abvv", "org:aclvb", "org:boerenbond"} <= set(found.endorsed_by)
    approved = found.approvals[0]
    assert (approved.by, str(approved.date), approved.unanimous) == ("limburg:resoc", "2014-03-11", True)
    assert "000_c377e84609275225.txt" in {s.document for s in sources_of(found)}


def test_the_lires_actions_without_a_lead(limburg: Model) -> None:
    unled = {a.item.id for a in actions_without_lead(limburg)}
    assert "limburg:lires/agenda/hefboomprojecten" in unled
