"""Linked data: Turtle and JSON-LD parsed back by rdflib, and questions answered with SPARQL."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from streekbeleid import Actor, Body, Membership, Model, Source
from streekbeleid.io.linked_data import to_rdf, write_jsonld, write_turtle
from streekbeleid.testing import build_model

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

ID = "https://streekbeleid.example/id/"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_YEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sb: <https://streekbeleid.example/ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def iri(record_id: str) -> URIRef:
    namespace, _, local = record_id.partition(":")
    return URIRef(f"{ID}{namespace}/{local}")


def parsed(model: Model, fmt: str, tmp_path: Path) -> Graph:
    path = tmp_path / ("model.ttl" if fmt == "turtle" else "model.jsonld")
    (write_turtle if fmt == "turtle" else write_jsonld)(model, path)
    return Graph().parse(path, format=fmt)


def select(graph: Graph, query: str) -> list[tuple[object, ...]]:
    return sorted(tuple(row) for row in graph.query(PREFIXES + query))  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_every_export_parses_back_to_the_same_graph(any_model: Model, fmt: str, tmp_path: Path) -> None:
    graph = parsed(any_model, fmt, tmp_path)
    assert len(graph) > 0
    assert set(graph) == set(to_rdf(any_model))  # no blank nodes: equal graphs are equal sets


def test_json_ld_needs_no_remote_context(handmade: Model) -> None:
    buffer = StringIO()
    write_jsonld(handmade, buffer)
    data = json.loads(buffer.getvalue())
    assert isinstance(data["@context"], dict)
    assert data["@context"]["org"] == "http://www.w3.org/ns/org#"


def test_members_of_a_body(handmade: Model, tmp_path: Path) -> None:
    graph = parsed(handmade, "turtle", tmp_path)
    rows = select(
        graph,
        f"""SELECT ?member ?role WHERE {{
              ?m a org:Membership ; org:organization <{iri("test:resoc")}> ; org:member ?member ; org:role ?r .
              ?r skos:prefLabel ?role }}""",
    )
    assert rows == [
        (URIRef(f"{iri('test:a')}/government"), Literal("member")),
        (iri("test:chair"), Literal("chair")),
        (iri("test:province"), Literal("observer")),
        (iri("test:voka"), Literal("member")),
    ]


def test_members_of_resoc_limburg(limburg: Model, tmp_path: Path) -> None:
    graph = parsed(limburg, "json-ld", tmp_path)
    rows = select(
        graph,
        f"""SELECT DISTINCT ?name WHERE {{
              ?m a org:Membership ; org:organization <{iri("limburg:resoc")}> ; org:member ?who .
              ?who rdfs:label ?name }}""",
    )
    names = {str(r[0]) for r in rows}
    expected = {m.membership.member for m in limburg.members("limburg:resoc")}
    assert len(names) == len(expected) > 0
    assert "VOKA" in names


def test_the_decision_approving_the_limburg_pact_and_its_date(limburg: Model, tmp_path: Path) -> None:
    graph = parsed(limburg, "turtle", tmp_path)
    rows = select(
        graph,
        f"""SELECT ?decision ?date ?body WHERE {{
              ?decision a besluit:Besluit ; dcterms:subject <{iri("limburg:streekpact-2014-2019")}> ;
                        sb:kind "approve" ; dcterms:date ?date ; prov:wasAttributedTo ?body }}""",
    )
    assert rows == [
        (
            iri("limburg:streekpact-2014-2019/goedkeuring-resoc"),
            Literal("2014-03-11", datatype=XSD_DATE),
            iri("limburg:resoc"),
        )
    ]
    assert rows[0][1].toPython() == date(2014, 3, 11)  # type: ignore[union-attr]


def test_the_oslo_chain_from_sitting_to_decision_with_its_votes(handmade: Model, tmp_path: Path) -> None:
    graph = parsed(handmade, "turtle", tmp_path)
    rows = select(
        graph,
        """SELECT ?body ?decision ?yes ?no ?abstain WHERE {
              ?sitting a besluit:Zitting ; besluit:isGehoudenDoor ?body ; besluit:behandelt ?item .
              ?treatment a besluit:BehandelingVanAgendapunt ; dcterms:subject ?item ;
                         prov:generated ?decision ; besluit:heeftStemming ?vote .
              ?vote besluit:aantalVoorstanders ?yes ; besluit:aantalTegenstanders ?no ;
                    besluit:aantalOnthouders ?abstain }""",
    )
    assert [(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in rows] == [  # type: ignore[call-overload]
        (iri("test:resoc"), iri("test:approve"), 30, 1, 2)
    ]


def test_membership_periods_are_time_intervals_with_honest_bounds(handmade: Model, tmp_path: Path) -> None:
    graph = parsed(handmade, "turtle", tmp_path)
    rows = select(
        graph,
        f"""SELECT ?start ?endNotAfter ?period WHERE {{
              <{iri("test:m-voka")}> org:memberDuring ?i .
              ?i time:hasBeginning/time:inXSDgYear ?start ; time:hasEnd ?end ; sb:period ?period .
              ?range time:inside ?end ; time:hasEnd/time:inXSDgYear ?endNotAfter }}""",
    )
    assert rows == [(Literal("2014", datatype=XSD_YEAR), Literal("2019", datatype=XSD_YEAR), Literal("2014/..2019"))]


def test_on_behalf_of_and_posts(handmade: Model) -> None:
    graph = to_rdf(handmade)
    rows = select(
        graph,
        f"""SELECT ?org ?post WHERE {{ <{iri("test:m-chair")}> sb:onBehalfOf ?org ; sb:post ?post .
                                       <{iri("test:chair")}> org:holds ?post . ?post org:postIn ?body }}""",
    )
    assert rows == [(iri("test:voka"), iri("test:chair-post"))]


def test_a_merger_is_a_change_event(core: Model) -> None:
    rows = select(
        to_rdf(core),
        f"""SELECT ?original WHERE {{
              ?e a org:ChangeEvent ; org:resultingOrganization ?new ; org:originalOrganization ?o .
              ?new org:resultedFrom ?e ; <http://data.vlaanderen.be/ns/besluit#werkingsgebied> <{iri("nis:72043")}> .
              ?o rdfs:label ?original }}""",
    )
    assert rows == [(Literal("Gemeente Neerpelt"),), (Literal("Gemeente Overpelt"),)]


def test_a_succession_of_organisations_is_a_change_event_and_of_plans_a_replacement(handmade: Model) -> None:
    graph = to_rdf(handmade)
    rows = select(
        graph,
        """SELECT ?old ?new WHERE {
              ?e a org:ChangeEvent ; org:originalOrganization ?old ; org:resultingOrganization ?new }""",
    )
    assert (iri("test:old-vzw"), iri("test:ersv")) in rows
    assert (iri("test:pact-2014"), URIRef("http://purl.org/dc/terms/replaces"), iri("test:pact-2008")) in graph


def test_bodies_of_organisations_and_pacts_are_collaborations(handmade: Model) -> None:
    graph = to_rdf(handmade)
    collaborations = {r[0] for r in select(graph, "SELECT ?c WHERE { ?c a org:OrganizationalCollaboration }")}
    assert collaborations == {iri("test:resoc"), iri("test:pact-2014"), iri("test:pact-2008")}
    members = {r[0] for r in select(graph, f"SELECT ?m WHERE {{ <{iri('test:pact-2014')}> org:hasMember ?m }}")}
    # committed to actions (lead, partners) and endorsed or approved it
    assert members == {iri("test:voka"), iri("test:ersv"), URIRef(f"{iri('test:a')}/government"), iri("test:resoc")}


def test_sources_are_provenance_with_their_locator(handmade: Model) -> None:
    rows = select(
        to_rdf(handmade),
        f"""SELECT ?label ?locator WHERE {{ <{iri("test:resoc")}> prov:qualifiedDerivation ?d .
              ?d prov:entity ?doc ; sb:locator ?locator . ?doc rdfs:label ?label }}""",
    )
    assert rows == [
        (Literal("hand-made test data"), Literal("resoc")),
        (Literal("https://example.org/resoc"), Literal("p. 3")),
    ]


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_a_sources_note_in_english_and_dutch_is_tagged_and_a_quote_is_not(fmt: str, tmp_path: Path) -> None:
    noted = Source(
        document="seed.txt",
        locator="the list of members",
        locator_nl="de ledenlijst",
        inference="read as the chamber",
        inference_nl="gelezen als de kamer",
    )
    quoted = Source(document="seed.txt", locator="«de sociale partners»", inference="read as the seven")
    model = build_model(
        Body(id="test:body", name="Forum", kind="forum", sources=[noted]),
        Actor(id="test:a", name="Partner", kind="nonprofit"),
        Membership(id="test:m", organization="test:body", member="test:a", sources=[quoted, noted]),
        catalogue=False,
    )
    graph = parsed(model, fmt, tmp_path)

    def notes(record: str, prop: str) -> list[tuple[object, ...]]:
        query = f"SELECT ?n WHERE {{ <{iri(record)}> prov:qualifiedDerivation ?d . ?d sb:{prop} ?n }}"
        return select(graph, query)

    both = [("the list of members", "en"), ("de ledenlijst", "nl")]
    reasons = [("read as the chamber", "en"), ("gelezen als de kamer", "nl")]
    assert sorted(notes("test:body", "locator")) == sorted((Literal(t, lang=lang),) for t, lang in both)
    assert sorted(notes("test:body", "inference")) == sorted((Literal(t, lang=lang),) for t, lang in reasons)
    # the membership cites the quote untagged, as written, beside the same tagged notes
    assert sorted(notes("test:m", "locator")) == sorted(
        [(Literal("«de sociale partners»"),), *((Literal(t, lang=lang),) for t, lang in both)]
    )
    assert (Literal("read as the seven"),) in notes("test:m", "inference")
    dutch = select(graph, 'SELECT ?n WHERE { ?d sb:locator ?n FILTER(lang(?n) = "nl") }')
    assert dutch == [(Literal("de ledenlijst", lang="nl"),), (Literal("de ledenlijst", lang="nl"),)]


def test_themes_are_a_skos_taxonomy(handmade: Model) -> None:
    rows = select(
        to_rdf(handmade),
        f"""SELECT ?nl WHERE {{ <{iri("test:mobility")}> skos:broader ?b .
                                  ?b skos:prefLabel ?nl FILTER(lang(?nl) = "nl") }}""",
    )
    assert rows == [(Literal("Economie", lang="nl"),)]


def test_the_base_iri_can_be_chosen(handmade: Model) -> None:
    graph = to_rdf(handmade, base="https://data.example.be/streek/")
    assert (URIRef("https://data.example.be/streek/id/test/resoc"), None, None) in graph
