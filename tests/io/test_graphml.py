"""GraphML: read back by networkx with the same nodes, edges and typed attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from streekbeleid import Model
from streekbeleid.io.graphml import generate_graphml, to_graphml_graph, write_graphml

GRAPHML_TYPES = (str, int, float, bool)


def read_back(model: Model, tmp_path: Path) -> nx.MultiDiGraph:
    path = tmp_path / "model.graphml"
    write_graphml(model, path)
    return nx.read_graphml(path, force_multigraph=True)


def test_every_export_reads_back_with_the_same_graph(any_model: Model, tmp_path: Path) -> None:
    graph = read_back(any_model, tmp_path)
    assert set(graph.nodes) == set(any_model.graph.nodes)
    assert {(u, v, k) for u, v, k in graph.edges(keys=True)} == {
        (u, v, k) for u, v, k in any_model.graph.edges(keys=True)
    }
    for node, data in graph.nodes(data=True):
        assert data["type"] == any_model.graph.nodes[node]["type"]
        assert data["label"]
        assert all(isinstance(v, GRAPHML_TYPES) for v in data.values())
    for u, v, k, data in graph.edges(keys=True, data=True):
        assert data["kind"] == any_model.graph.edges[u, v, k]["kind"]


def test_attributes_keep_their_types(handmade: Model, tmp_path: Path) -> None:
    graph = read_back(handmade, tmp_path)
    voka = graph.edges["test:voka", "test:resoc", "test:m-voka"]
    assert voka["seats"] == 4 and voka["voting"] is True and voka["seat_group"] == "werkgevers"
    assert (voka["valid"], voka["valid_start"], voka["valid_end"]) == ("2014/..2019", "2014", "..2019")
    assert voka["sources"] == "hand-made test data (voka seats)"
    fund = graph.nodes["test:fund"]
    assert fund["amount"] == pytest.approx(15_000_000.0) and fund["currency"] == "EUR"
    approve = graph.nodes["test:approve"]
    assert (approve["votes_yes"], approve["votes_no"], approve["votes_abstain"]) == (30, 1, 2)
    assert graph.nodes["test:resoc"]["decides"] is True
    action = graph.nodes["test:pact-2014/1.1.1"]
    assert action["partners"] == "test:ersv; test:a"
    assert '"name":"jobs"' in action["indicators"]


def test_the_graph_says_what_it_is(limburg: Model) -> None:
    graph = nx.parse_graphml(generate_graphml(limburg.as_of("2016-06-30")), force_multigraph=True)
    assert graph.graph["format"] == "streekbeleid/1"
    assert graph.graph["as_of"] == "2016-06-30"


def test_resoc_limburg_members_in_gephi_terms(limburg: Model) -> None:
    graph = to_graphml_graph(limburg)
    members = {u for u, _v, kind in graph.in_edges("limburg:resoc", data="kind") if kind == "member_of"}
    assert members == {m.member for m in limburg.members("limburg:resoc")}


def test_booleans_are_xsd_booleans_and_read_back(core: Model) -> None:
    text = generate_graphml(core)
    assert ">True<" not in text and ">False<" not in text
    assert ">false<" in text  # e.g. a region whose parts are not known
    graph = nx.parse_graphml(text, force_multigraph=True)
    written = to_graphml_graph(core)
    booleans = [(n, k, v) for n, d in written.nodes(data=True) for k, v in d.items() if isinstance(v, bool)]
    assert booleans and all(graph.nodes[n][k] is v for n, k, v in booleans)


def test_every_merger_is_dated_even_when_the_successor_keeps_its_code(core: Model) -> None:
    graph = to_graphml_graph(core)
    mergers = {(u, v): d.get("date") for u, v, d in graph.edges(data=True) if d["kind"] == "succeeds"}
    assert mergers and None not in mergers.values()
    assert mergers[("nis:11002", "nis:11007")] == "2025-01-01"  # Antwerpen absorbed Borsbeek
    assert mergers[("nis:72043", "nis:72025")] == "2019-01-01"  # Pelt from Neerpelt
