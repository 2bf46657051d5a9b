"""Official identifiers in the linked-data and Popolo exports: REFNIS concepts of the code list of each period,
OSLO classifications of administrative units, structured identifiers with their sources."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from streekbeleid import Model
from streekbeleid.io.linked_data import ADMS, GENERIEK, ORG, OSLO_CLASSIFICATION, to_rdf
from streekbeleid.io.popolo import to_popolo

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

ID = "https://streekbeleid.example/id/"
REFNIS = "http://vocab.belgif.be/auth/"


@pytest.fixture(scope="module")
def core_graph(core: Model) -> Graph:
    return to_rdf(core)


def refnis(graph: Graph, nis: str) -> set[str]:
    return {str(o).removeprefix(REFNIS) for o in graph.objects(URIRef(f"{ID}nis/{nis}"), SKOS.exactMatch)}


def test_a_territory_is_linked_to_the_refnis_concept_of_each_period_it_lived_in(core_graph: Graph) -> None:
    # Borsbeek ended on 2024-12-31; Kruisem began on 2019-01-01; Hasselt 71072 on 2025-01-01;
    # Kruishoutem ended on 2018-12-31; Antwerpen lives throughout and keeps its code
    assert refnis(core_graph, "11007") == {"refnis1995/11007", "refnis2019/11007"}
    assert refnis(core_graph, "45068") == {"refnis2019/45068", "refnis2025/45068"}
    assert refnis(core_graph, "71072") == {"refnis2025/71072"}
    assert refnis(core_graph, "45017") == {"refnis1995/45017"}
    assert refnis(core_graph, "11002") == {"refnis1995/11002", "refnis2019/11002", "refnis2025/11002"}
    # the lists write the region's code without its leading zero
    assert "refnis2025/2000" in refnis(core_graph, "02000")


def test_municipalities_alive_on_a_day_by_the_official_code_list(core_graph: Graph) -> None:
    """The 2025 list names exactly the municipalities of the catalogue alive in 2025."""
    rows = core_graph.query(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           PREFIX sb: <https://streekbeleid.example/ns#>
           SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {
             ?t sb:level "municipality" ; skos:exactMatch ?c .
             FILTER STRSTARTS(STR(?c), "http://vocab.belgif.be/auth/refnis2025/") }"""
    )
    assert [int(r[0]) for r in rows] == [285]  # type: ignore[index]


def test_governments_are_classified_with_the_oslo_code_list(core_graph: Graph) -> None:
    gemeente, label = OSLO_CLASSIFICATION["municipality"]
    provincie, _ = OSLO_CLASSIFICATION["province"]
    hasselt = URIRef(f"{ID}nis/71072/government")
    assert set(core_graph.objects(hasselt, ORG.classification)) == {URIRef(gemeente)}
    assert core_graph.value(URIRef(gemeente), SKOS.prefLabel) == Literal(label, lang="nl")
    assert (URIRef(gemeente), RDF.type, SKOS.Concept) in core_graph
    provinces = {s for s in core_graph.subjects(ORG.classification, URIRef(provincie)) if str(s).startswith(ID)}
    assert len(provinces) == 5


def test_identifiers_are_oslo_structured_identifiers_with_their_sources(handmade: Model) -> None:
    graph = to_rdf(handmade)
    voka = URIRef(f"{ID}test/voka")
    rows = {
        (str(notation), str(value))
        for ident in graph.objects(voka, ADMS.identifier)
        for notation in graph.objects(ident, SKOS.notation)
        for structured in graph.objects(ident, GENERIEK.gestructureerdeIdentificator)
        for value in graph.objects(structured, GENERIEK.lokaleIdentificator)
    }
    assert rows == {("OVO-nummer", "OVO999999")}
    ident = graph.value(voka, ADMS.identifier)
    # a source that is a URL is that URL
    assert {str(o) for o in graph.objects(ident, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))} == {
        "https://example.org/ovo"
    }
    # a territory's NIS code is one of its identifiers
    nis = {
        str(graph.value(graph.value(i, GENERIEK.gestructureerdeIdentificator), GENERIEK.lokaleIdentificator))
        for t in graph.subjects(URIRef("https://streekbeleid.example/ns#nis"), None)
        for i in graph.objects(t, ADMS.identifier)
    }
    assert nis and all(n.isdigit() for n in nis)


def test_popolo_carries_the_identifiers_and_their_sources(handmade: Model) -> None:
    data = to_popolo(handmade)
    voka = next(o for o in data["organizations"] if o["id"] == "test:voka")
    assert voka["identifiers"] == [{"identifier": "OVO999999", "scheme": "ovo"}]
    assert "https://example.org/ovo" in [link["url"] for link in voka["sources"]]
