"""Across regions: actors active in several regions, the theme x region matrix, actors that bridge regions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streekbeleid import (
    Actor,
    Body,
    Funding,
    Lineage,
    Membership,
    Model,
    Person,
    Plan,
    PlanItem,
    Project,
    Region,
    RegionPart,
    Source,
    Theme,
)
from streekbeleid.queries import (
    actor_projection,
    actors_across_regions,
    bridging_actors,
    sources_of,
    theme_matrix,
)

NORTH_SOURCE = Source(document="north.txt")


def ms(mid: str, body: str, member: str, **kw: object) -> Membership:
    return Membership(id=mid, organization=body, member=member, **kw)  # type: ignore[arg-type]


@pytest.fixture
def model(build: Callable[..., Model]) -> Model:
    return build(
        Region(id="x:north", name="North", parts=[RegionPart(territory="nis:70000")]),
        Region(id="x:north-sub", name="North sub", part_of="x:north", parts_known=False),
        Region(id="x:south", name="South", parts=[RegionPart(territory="nis:24000")]),
        Region(id="x:idle", name="Idle region"),  # nothing anchored: not a column
        Theme(id="x:stem", name="STEM in schools", broader="theme:education"),
        Body(id="x:n-resoc", name="RESOC North", kind="resoc", region="x:north"),
        Body(id="x:sub-forum", name="Sub forum", kind="forum", region="x:north-sub"),
        Body(id="x:s-taskforce", name="Task force South", kind="taskforce", region="x:south"),
        Actor(id="x:ersv", name="ERSV", kind="nonprofit"),
        Actor(id="x:city", name="City", kind="municipal_government"),
        Person(id="x:an", name="An"),
        ms("x:m1", "x:n-resoc", "org:voka"),
        ms("x:m2", "x:s-taskforce", "org:voka"),
        ms("x:m3", "x:sub-forum", "org:unizo"),
        ms("x:m4", "x:s-taskforce", "org:unizo"),
        ms("x:m5", "x:n-resoc", "x:city"),
        ms("x:m6", "x:s-taskforce", "x:an", on_behalf_of="org:acv"),
        ms("x:m7", "x:n-resoc", "org:acv"),
        Plan(
            id="x:n-pact",
            name="North pact",
            kind="streekpact",
            region="x:north",
            themes=["theme:labour-market"],
            items=[
                PlanItem(id="x:n1", kind="priority", name="Schools", themes=["x:stem"], lead="x:ersv"),
                PlanItem(id="x:n2", kind="action", name="Buses", themes=["theme:mobility"], partners=["x:city"]),
            ],
            sources=[NORTH_SOURCE],
        ),
        Plan(
            id="x:s-plan",
            name="South plan",
            kind="action_plan",
            owner="x:s-taskforce",
            items=[PlanItem(id="x:s1", kind="line", name="Mobility", themes=["theme:mobility"])],
        ),
        Project(id="x:s-project", name="ESF", region="x:south", promoter="x:ersv", themes=["theme:care"]),
        Funding(id="x:f", kind="esf", funder="org:esf-vlaanderen", subject="x:s-project"),
        # a Flanders-wide call both plans answer: it must not count for either region
        Plan(id="x:call", name="Call", kind="call", themes=["theme:regional-cooperation"]),
        Lineage(id="x:l1", kind="implements", subject="x:n-pact", object="x:call"),
        Lineage(id="x:l2", kind="implements", subject="x:s-plan", object="x:call"),
    )


def test_actors_active_in_more_than_one_region(model: Model) -> None:
    found = {p.actor: p.regions for p in actors_across_regions(model)}
    assert found == {
        "org:voka": ("x:north", "x:south"),
        "org:unizo": ("x:north", "x:south"),  # through a body of a subregion
        "org:acv": ("x:north", "x:south"),  # in the south through An, who sits on its behalf
        "x:ersv": ("x:north", "x:south"),  # leads a northern priority, promotes a southern project
    }


def test_presence_shows_how_an_actor_is_active(model: Model) -> None:
    acv = next(p for p in actors_across_regions(model) if p.actor == "org:acv")
    assert [(r, a.venue, a.kind) for r, a in acv.activities] == [
        ("x:north", "x:n-resoc", "member_of"),
        ("x:south", "x:s-taskforce", "on_behalf_of"),
    ]
    assert {m.id for m in acv.basis} == {"x:m6", "x:m7"}


def test_actors_of_one_region(model: Model) -> None:
    single = {p.actor for p in actors_across_regions(model, min_regions=1)} - {
        p.actor for p in actors_across_regions(model)
    }
    assert single == {"x:city", "x:an", "org:esf-vlaanderen"}


def test_the_theme_region_matrix_rolls_up_to_the_core_themes(model: Model) -> None:
    matrix = theme_matrix(model)
    assert matrix.regions == ("x:north", "x:south")
    assert matrix.regions_for("theme:mobility") == ("x:north", "x:south")
    assert matrix.regions_for("theme:education") == ("x:north",)  # STEM, a northern theme, rolls up
    assert matrix.regions_for("theme:work") == ("x:north",)  # labour market rolls up to work
    assert matrix.regions_for("theme:welfare") == ("x:south",)  # care rolls up to welfare
    assert matrix.cells[("theme:mobility", "x:south")] == ("x:s1",)
    assert "x:stem" not in matrix.themes
    assert matrix.themes_for("x:south") == ("theme:care", "theme:mobility", "theme:welfare")


def test_a_plan_outside_the_regions_does_not_leak_into_them(model: Model) -> None:
    assert "theme:regional-cooperation" not in theme_matrix(model).themes


def test_without_roll_up_the_themes_as_used(model: Model) -> None:
    matrix = theme_matrix(model, roll_up=False)
    assert "x:stem" in matrix.themes and "theme:education" not in matrix.themes
    assert matrix.count("theme:mobility", "x:north") == 1


def test_the_matrix_rows_and_its_sources(model: Model) -> None:
    rows = dict(theme_matrix(model, themes=["theme:mobility", "theme:housing"]).rows())
    assert rows == {"theme:housing": [0, 0], "theme:mobility": [1, 1]}
    assert NORTH_SOURCE in sources_of(theme_matrix(model))


def test_the_actor_projection_links_actors_that_meet(model: Model) -> None:
    graph = actor_projection(model)
    assert graph.has_edge("org:voka", "org:unizo")  # both in the southern task force
    assert graph["org:voka"]["org:acv"]["weight"] == 2  # RESOC North, and the task force through An
    assert graph.nodes["org:voka"]["regions"] == ("x:north", "x:south")


def test_bridging_actors_by_betweenness(model: Model) -> None:
    bridges = bridging_actors(model)
    assert bridges[0].betweenness >= bridges[-1].betweenness
    by_actor = {b.actor: b for b in bridges}
    # x:ersv leads a northern item alone and promotes a southern project alone: it meets nobody
    assert by_actor["x:ersv"].betweenness == 0 and by_actor["x:ersv"].brokerage == 2
    # VOKA and ACV sit in the bodies on both sides: paths between the regions run through them
    assert by_actor["org:voka"].betweenness > 0 and by_actor["org:acv"].betweenness > 0
    assert "x:city" not in by_actor  # one region, on no shortest path between others


def test_a_hub_between_two_otherwise_separate_groups(build: Callable[..., Model]) -> None:
    records = [
        Region(id="x:n", name="N"),
        Region(id="x:s", name="S"),
        Body(id="x:nb", name="NB", kind="resoc", region="x:n"),
        Body(id="x:sb", name="SB", kind="forum", region="x:s"),
        ms("x:1", "x:nb", "org:voka"),
        ms("x:2", "x:sb", "org:voka"),
        ms("x:3", "x:nb", "org:acv"),
        ms("x:4", "x:nb", "org:abvv"),
        ms("x:5", "x:sb", "org:unizo"),
    ]
    bridges = bridging_actors(build(*records))
    assert [b.actor for b in bridges] == ["org:voka"]
    assert bridges[0].betweenness == pytest.approx(4 / 6)  # on the 4 of 6 pair paths it is not an end of


def test_betweenness_from_a_sample_of_sources_keeps_the_bridges_and_is_repeatable(model: Model) -> None:
    exact = bridging_actors(model)
    sampled = bridging_actors(model, sources=2)  # fewer sources than actors: estimated
    assert sampled == bridging_actors(model, sources=2)  # a fixed seed: the same answer every time
    multi = {b.actor: b.regions for b in exact if len(b.regions) >= 2}
    assert {b.actor: b.regions for b in sampled if len(b.regions) >= 2} == multi
    assert [b.betweenness for b in sampled] != [b.betweenness for b in exact]  # scores are estimates
    assert bridging_actors(model, sources=10_000) == exact  # as many sources as actors: exact


# ---------------------------------------------------------------- the real region packages


def test_limburg_themes_roll_up_to_the_shared_taxonomy(limburg: Model) -> None:
    matrix = theme_matrix(limburg)
    assert matrix.regions == ("limburg:limburg",)
    assert "theme:education" in matrix.themes_for("limburg:limburg")  # from STEM in het onderwijs
    assert all(t.startswith("theme:") for t in matrix.themes)


def test_the_social_partners_are_active_in_several_regions(everything: Model) -> None:
    found = {p.actor: p.regions for p in actors_across_regions(everything)}
    for partner in ("org:voka", "org:acv", "org:abvv"):
        assert len(found[partner]) >= 2, partner


def test_every_region_works_on_some_theme_and_mobility_is_shared(everything: Model) -> None:
    matrix = theme_matrix(everything)
    assert len(matrix.regions) >= 3
    assert all(matrix.themes_for(r) for r in matrix.regions)
    assert len(matrix.regions_for("theme:mobility")) >= 2


def test_the_bridges_between_the_real_regions_are_multi_region_actors(everything: Model) -> None:
    bridges = bridging_actors(everything, top=5)
    assert bridges and bridges[0].betweenness > 0
    assert len(bridges[0].regions) >= 2


def test_an_actor_central_in_one_region_does_not_bridge_regions(everything: Model) -> None:
    # Provincie Limburg sits in Limburg's bodies only: it lies on paths inside Limburg, between no regions
    bridges = {b.actor: b for b in bridging_actors(everything)}
    assert "org:provincie-limburg" not in bridges
    assert all(len(b.regions) >= 2 for b in bridges.values())
    assert "org:voka" in bridges
