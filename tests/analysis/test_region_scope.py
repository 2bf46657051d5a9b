"""What belongs to a region: one answer for the report's region pages, Model.in_region and the queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest

from streekbeleid import (
    Actor,
    Body,
    Decision,
    Funding,
    Meeting,
    Membership,
    Model,
    Period,
    Plan,
    PlanItem,
    Project,
    Region,
    RegionPart,
    Relation,
    Tally,
    Territory,
    Truth,
)
from streekbeleid.model.slices import region_nodes
from streekbeleid.queries.regions import active_regions
from streekbeleid.report.scope import RegionScope, region_scope


def scope_nodes(scope: RegionScope) -> set[str]:
    """The ids of the scope's records that are nodes of the graph (the plans' items included)."""
    ids = {r.id for r in scope.records() if not isinstance(r, (Membership, Relation)) and hasattr(r, "valid")}
    ids -= {x.id for x in scope.lineage}
    ids.update(item.id for plan in scope.plans for item in plan.walk())
    return ids


def territories_of(model: Model, regions: set[str]) -> set[str]:
    """The territories the regions hold, and those inside them, found from the records alone."""
    inside = nx.DiGraph((t.id, t.part_of) for t in model.records(Territory) if t.part_of)
    held = {p.territory for r in regions for p in model.get(r).parts}
    return held.union(*(nx.ancestors(inside, t) for t in held if t in inside))


def test_the_report_and_in_region_agree_on_every_region_of_the_bundled_model(everything: Model) -> None:
    model = everything
    regions = model.records(Region)
    assert {model.origins[r.id] for r in regions} == {"core", "limburg", "zuid_oost_vlaanderen", "leuven"}
    for region in regions:
        scope = region_scope(model, region)
        sliced = model.in_region(region.id)
        own = scope_nodes(scope)
        # the report lists no posts of its own: they are what the region's bodies hold
        posts = {
            p for b in scope.bodies for p, _b, kind in model.graph.in_edges(b.id, data="kind") if kind == "post_in"
        }
        neighbours = {n for node in own | posts for n in nx.all_neighbors(model.graph, node)}
        # the report shows what belongs; the slice adds the territories and the neighbours
        assert own | posts == region_nodes(model.graph, region.id), region.id
        expected = own | posts | territories_of(model, scope.region_ids) | neighbours
        assert set(sliced.graph) == expected, region.id
        for record in scope.records():
            assert sliced.status(record.id) is Truth.YES, (region.id, record.id)


@pytest.mark.parametrize("day", ["2010-06-01", "2016-06-30", "2024-06-01"])
def test_a_region_page_on_a_day_shows_part_of_the_region_slice_on_that_day(everything: Model, day: str) -> None:
    view = everything.as_of(day)
    for region in everything.records(Region):
        scope = region_scope(view, region)
        sliced = everything.in_region(region.id).as_of(day)
        assert scope_nodes(scope) - {region.id} <= set(sliced.graph), region.id
        assert all(sliced.status(x.id) is not Truth.NO for x in (*scope.memberships, *scope.lineage))


def hand_made_records() -> list[Any]:
    """A region with a subregion, a working group without a region of its own, and what hangs off them."""
    return [
        Territory(id="x:prov", name="Province", level="province"),
        Territory(id="x:town", name="Town", level="municipality", part_of="x:prov"),
        Region(id="x:r", name="R", parts=[RegionPart(territory="x:prov")]),
        Region(id="x:sub", name="Sub", part_of="x:r"),
        Region(id="x:elsewhere", name="Elsewhere"),
        Body(id="x:resoc", name="RESOC", kind="resoc", region="x:sub"),
        Body(id="x:wg", name="Working group", kind="other"),
        Body(id="x:forum", name="Forum elsewhere", kind="forum", region="x:elsewhere"),
        Actor(id="x:voka", name="VOKA", kind="employers_organisation"),
        Membership(id="x:m1", organization="x:resoc", member="x:wg"),
        Membership(id="x:m2", organization="x:resoc", member="x:voka"),
        Membership(id="x:m3", organization="x:resoc", member="x:forum"),
        Meeting(id="x:meet", body="x:wg", date="2016-03-01"),
        Plan(
            id="x:pact",
            name="Pact",
            kind="streekpact",
            owner="x:wg",
            items=[PlanItem(id="x:p1", kind="priority", name="Jobs", lead="x:voka")],
        ),
        Project(id="x:proj", name="Project", plan="x:p1"),
        Decision(id="x:d1", kind="endorse", subject="x:r", by="x:voka"),
        Funding(id="x:f1", kind="subsidy", funder="x:voka", subject="x:meet"),
        Tally(id="x:t1", kind="endorse", subject="x:voka", by="municipal_council", among="x:r", count=3),
    ]


def test_a_working_group_and_what_hangs_off_it_belong_to_the_region(build: Callable[..., Model]) -> None:
    model = build(*hand_made_records(), catalogue=False)
    belongs = region_nodes(model.graph, "x:r")
    assert belongs == {"x:r", "x:sub", "x:resoc", "x:wg", "x:meet", "x:pact", "x:p1", "x:proj", "x:d1", "x:f1", "x:t1"}
    sliced = model.in_region("x:r")
    # members and a body of another region are neighbours: in the slice, but they do not belong
    assert set(sliced.graph) == belongs | {"x:prov", "x:town", "x:voka", "x:forum"}
    scope = region_scope(model, model.get("x:r"))
    assert [b.id for b in scope.bodies] == ["x:resoc", "x:wg"]
    assert scope_nodes(scope) == belongs
    assert "x:elsewhere" not in region_nodes(model.graph, "x:r", neighbours=True)
    assert region_nodes(model.graph, "x:elsewhere") == {"x:elsewhere", "x:forum"}
    assert region_nodes(model.graph, "x:unknown") == set()


def test_the_queries_count_the_working_groups_records_for_the_region(build: Callable[..., Model]) -> None:
    venues = active_regions(build(*hand_made_records(), catalogue=False), ["x:r", "x:elsewhere"])
    assert venues["x:wg"] == ("x:r",) and venues["x:proj"] == ("x:r",)
    assert venues["x:forum"] == ("x:elsewhere",)
    assert "x:r" not in venues


def test_on_a_day_only_relations_that_hold_make_a_record_belong(build: Callable[..., Model]) -> None:
    # the working group sat in the RESOC until 2015 only
    records = [r for r in hand_made_records() if r.id != "x:m1"]
    model = build(
        *records,
        Membership(id="x:m1", organization="x:resoc", member="x:wg", valid=Period.parse("2010/2015")),
        catalogue=False,
    )
    assert "x:wg" in region_nodes(model.graph, "x:r")
    view = model.as_of("2016-06-01")
    on_the_day = region_nodes(model.graph, "x:r", within=view.graph)
    assert "x:wg" not in on_the_day and "x:resoc" in on_the_day
    assert "x:wg" not in {b.id for b in region_scope(view, model.get("x:r")).bodies}
    # the region slice is cut from the whole model, whatever the day
    assert "x:wg" in view.in_region("x:r")
