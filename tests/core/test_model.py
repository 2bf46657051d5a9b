"""The graph, time slices and region slices of the core catalogue."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streekbeleid import (
    Body,
    Membership,
    Model,
    Period,
    Region,
    RegionPart,
    Territory,
    Truth,
    UnknownIdError,
)
from streekbeleid.testing import build_model


def municipalities(model: Model, province: str | None = None) -> list[Territory]:
    found = [t for t in model.records(Territory) if t.level == "municipality"]
    if province:
        arrs = {t.id for t in model.records(Territory) if t.part_of == province}
        found = [t for t in found if t.part_of in arrs]
    return found


@pytest.mark.parametrize(
    ("day", "flanders", "limburg"),
    [("2014-06-01", 308, 44), ("2020-06-01", 300, 42), ("2025-06-01", 285, 38)],
)
def test_municipality_counts_through_the_mergers(core: Model, day: str, flanders: int, limburg: int) -> None:
    sliced = core.as_of(day)
    assert len(municipalities(sliced)) == flanders
    assert len(municipalities(sliced, "nis:70000")) == limburg


def test_the_catalogue_has_every_level(core: Model) -> None:
    levels = [t.level for t in core.records(Territory)]
    assert levels.count("region") == 1
    assert levels.count("province") == 5
    assert levels.count("arrondissement") == 22
    assert levels.count("municipality") == 327
    assert len([r for r in core.regions() if r.kind == "referentieregio"]) == 15
    assert {
        "org:voka",
        "org:unizo",
        "org:boerenbond",
        "org:acv",
        "org:abvv",
        "org:aclvb",
        "org:vdab",
        "org:agentschap-ondernemen",
        "org:vlaamse-overheid",
        "org:esf-vlaanderen",
        "org:provincie-limburg",
    } <= set(core.graph)


def test_reference_regions_count_their_2025_municipalities(core: Model) -> None:
    refreg = core.get("refreg:REFREG15")
    assert refreg.name == "Limburg" and len(refreg.parts) == 38


def test_arrondissement_leuven_has_30_municipalities_throughout(core: Model) -> None:
    for day in ("2014-06-01", "2020-06-01", "2025-06-01"):
        sliced = core.as_of(day)
        assert len([t for t in municipalities(sliced) if t.part_of == "nis:24000"]) == 30


def test_successors_are_edges_from_the_new_municipality(core: Model) -> None:
    pelt = core.get("nis:72043")
    assert pelt.name == "Pelt"
    olds = {u for _p, u, kind in core.graph.out_edges("nis:72043", data="kind") if kind == "succeeds"}
    assert olds == {"nis:72025", "nis:72029"}  # Neerpelt, Overpelt
    assert core.get("nis:72025").successor == "nis:72043"


def test_a_slice_hides_what_did_not_exist_and_says_why(core: Model) -> None:
    before = core.as_of("2018-06-01")
    with pytest.raises(UnknownIdError, match="not active on 1 June 2018") as info:
        before.get("nis:72043")
    assert isinstance(info.value, KeyError)
    assert before.status("nis:72043") is Truth.NO
    assert before.status("nis:72025") is Truth.YES
    with pytest.raises(UnknownIdError):
        core.get("nis:00000")


def test_slices_of_slices_are_built_from_the_base_graph(core: Model) -> None:
    a = core.as_of("2014-06-01")
    b = a.as_of("2025-06-01")
    assert "nis:72043" in b and "nis:72025" not in b
    assert "nis:72025" in a


def hand_made() -> Model:
    records = [
        Region(id="x:leuven", name="Leuven", parts=[RegionPart(territory="nis:24000")]),
        Region(id="x:sub", name="Sub", part_of="x:leuven", parts_known=False),
        Region(id="x:elsewhere", name="Elsewhere", parts=[RegionPart(territory="nis:71000")]),
        Body(id="x:taskforce", name="Task force", kind="taskforce", region="x:leuven"),
        Body(id="x:other", name="Other", kind="taskforce", region="x:elsewhere"),
        Membership(id="x:m1", organization="x:taskforce", member="nis:24062", valid=Period.parse("2016/2019")),
        Membership(id="x:m2", organization="x:taskforce", member="nis:24001", valid=Period.parse("2016-08-01/..")),
        Membership(id="x:m3", organization="x:other", member="nis:71022"),
    ]
    return build_model(*records)


def test_members_on_a_date_mark_uncertain_ones() -> None:
    model = hand_made()
    got = {m.member: m.status for m in model.members("x:taskforce", on="2019-06-01")}
    assert got == {"nis:24062": Truth.UNCERTAIN, "nis:24001": Truth.YES}
    sliced = model.as_of("2016-03-01")
    assert {m.member: m.status for m in sliced.members("x:taskforce")} == {"nis:24062": Truth.UNCERTAIN}
    assert sliced.status("x:m1") is Truth.UNCERTAIN
    assert sliced.status("x:m2") is Truth.NO
    assert len(model.members("x:taskforce")) == 2


def test_memberships_are_edges_and_can_be_fetched_by_id() -> None:
    model = hand_made()
    assert model.get("x:m1").member == "nis:24062"
    data = model.graph.get_edge_data("nis:24062", "x:taskforce", "x:m1")
    assert data["kind"] == "member_of" and data["record"] is model.get("x:m1")


def test_a_region_slice_holds_the_region_its_territories_and_bodies() -> None:
    model = hand_made()
    leuven = model.in_region("x:leuven")
    assert {"x:leuven", "x:sub", "nis:24000", "nis:24062", "x:taskforce", "x:m1"} <= set(leuven.graph) | {
        k for _u, _v, k in leuven.graph.edges(keys=True)
    }
    assert "x:other" not in leuven and "nis:71022" not in leuven
    assert [r.id for r in leuven.regions()] == ["x:leuven", "x:sub"]
    with pytest.raises(UnknownIdError, match="outside region x:leuven"):
        leuven.get("x:other")


def test_region_and_time_slices_combine_in_either_order() -> None:
    model = hand_made()
    a = model.in_region("x:leuven").as_of("2020-06-01")
    b = model.as_of("2020-06-01").in_region("x:leuven")
    assert set(a.graph) == set(b.graph)
    assert set(a.graph.edges(keys=True)) == set(b.graph.edges(keys=True))
    assert {m.member for m in a.members("x:taskforce")} == {"nis:24001"}


days = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=25, deadline=None)
@given(days)
def test_an_as_of_slice_holds_exactly_the_records_possibly_active_that_day(day: date) -> None:
    model = MODEL
    sliced = model.as_of(day)
    for node, record in model.graph.nodes(data="record"):
        assert (node in sliced.graph) == record.valid.active_on(day).possible
    for u, v, k, record in model.graph.edges(keys=True, data="record"):
        expected = record.valid.active_on(day).possible and u in sliced.graph and v in sliced.graph
        assert sliced.graph.has_edge(u, v, k) == expected


MODEL = hand_made()


def test_the_direct_build_equals_networkx_add_edges_from() -> None:
    import networkx as nx

    g = MODEL.graph
    twin = nx.MultiDiGraph()
    twin.add_nodes_from(g.nodes(data=True))
    twin.add_edges_from(g.edges(keys=True, data=True))
    assert dict(g.nodes(data=True)) == dict(twin.nodes(data=True))
    assert {u: dict(nbrs) for u, nbrs in g.succ.items()} == {u: dict(nbrs) for u, nbrs in twin.succ.items()}
    assert {u: dict(nbrs) for u, nbrs in g.pred.items()} == {u: dict(nbrs) for u, nbrs in twin.pred.items()}
    for u, v, k in g.edges(keys=True):
        assert g._succ[u][v] is g._pred[v][u]  # one key dict, as networkx keeps it
        assert g.has_edge(u, v, k) and k in g.pred[v][u]


def test_a_relation_to_an_unknown_id_is_refused_when_building() -> None:
    from streekbeleid import AssemblyError

    with pytest.raises(AssemblyError, match=r"membership x:m: x:nobody"):
        Model.from_records(
            [Body(id="x:b", name="B", kind="other"), Membership(id="x:m", organization="x:b", member="x:nobody")]
        )


def test_whole_gives_back_the_unsliced_model_and_edge_records_follow_the_slice() -> None:
    model = MODEL
    sliced = model.as_of("2016-03-01").in_region("x:leuven")
    whole = sliced.whole()
    assert whole.date is None and whole.region is None
    assert set(whole.graph) == set(model.graph)
    assert model.whole() is model
    from_view = {id(rec) for _u, _v, rec in sliced.graph.edges(data="record")}
    assert {id(rec) for rec in sliced.edge_records()} == from_view
    assert {id(rec) for rec in model.edge_records()} == {id(rec) for _u, _v, rec in model.graph.edges(data="record")}
    for m in (model, sliced):
        keyed = sorted((key, id(rec)) for key, rec in m.keyed_edge_records())
        assert keyed == sorted((key, id(rec)) for _u, _v, key, rec in m.graph.edges(keys=True, data="record"))


def test_iter_records_gives_what_records_lists_once_each_and_the_whole_model_keeps_them(limburg: Model) -> None:
    sliced = limburg.as_of("2016-03-01").in_region("limburg:limburg")
    for m in (limburg, sliced):
        listed = m.records()
        found = list(m.iter_records())
        assert len(found) == len(listed) == len({id(r) for r in found}) > 100
        assert sorted(found, key=lambda r: r.id) == listed
    assert len(list(sliced.iter_records())) < len(list(limburg.iter_records()))
    assert limburg.graph.graph["_own_records"] == tuple(limburg.iter_records())  # kept by the whole model


def test_an_unknown_id_suggests_the_nearest_ones_by_id_or_name(limburg: Model) -> None:
    from streekbeleid.i18n import use_language

    with pytest.raises(UnknownIdError) as info:
        limburg.get("limburg:resocc")
    assert info.value.suggestions[0] == ("limburg:resoc", "RESOC Limburg")
    with use_language("nl"):
        assert str(info.value).startswith("onbekende id 'limburg:resocc'; bedoelde u limburg:resoc (RESOC Limburg)")
    with pytest.raises(UnknownIdError) as info:
        limburg.get("Nijlen")  # a name where an id belongs
    assert info.value.suggestions == [("nis:12026", "Nijlen")]
    with pytest.raises(UnknownIdError) as info:
        limburg.get("zz:nothing-like-it")
    assert str(info.value) == "unknown id 'zz:nothing-like-it'"
