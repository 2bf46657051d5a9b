"""Linked data of organisation history: change events as org:ChangeEvent with PROV sources, other names with
their periods; every term declared, the OWL-RL closure consistent and giving no unintended type, SHACL green."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from streekbeleid import Model, Source
from streekbeleid.io.linked_data import VOCABULARY_IRI, to_rdf

from .test_history_exports import history as history_model
from .test_linked_data_vocabulary import ACTIVITIES, ERR, MAY_BECOME, short, undeclared, vocabularies

owlrl = pytest.importorskip("owlrl")
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

SRC = [Source(document="history.txt", locator="hand-made")]
PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX time: <http://www.w3.org/2006/time#>
"""


@pytest.fixture
def history(build: Callable[..., Model]) -> Model:
    return history_model(build)


def test_the_zov_integration_is_a_change_event_with_its_source(zov: Model) -> None:
    rows = list(
        to_rdf(zov).query(
            PREFIXES
            + """SELECT ?old ?new ?date ?doc WHERE {
                 ?e a org:ChangeEvent ; org:originalOrganization ?old ; org:resultingOrganization ?new ;
                    dcterms:date ?date ; dcterms:source ?doc .
                 ?new org:resultedFrom ?e . ?old org:changedBy ?e .
                 ?new skos:prefLabel "SOLVA"@nl }"""
        )
    )
    assert len(rows) == 1
    old, _new, date, doc = (str(v) for v in rows[0])  # type: ignore[union-attr]
    assert old.endswith("/zuid_oost_vlaanderen/resoc") and date == "2019-01-01" and doc.endswith("so-lva.be")


def test_other_names_carry_their_period_in_owl_time(history: Model) -> None:
    rows = list(
        to_rdf(history).query(
            PREFIXES
            + f"PREFIX sb: <{VOCABULARY_IRI}>\n"
            + """SELECT ?name ?start WHERE {
                 ?o skos:altLabel ?name ; sb:otherName ?n . ?n skos:prefLabel ?name ;
                    dcterms:temporal/time:hasBeginning/time:inXSDgYear ?start }"""
        )
    )
    assert [(str(r[0]), str(r[1])) for r in rows] == [("Interim vzw", "2010")]  # type: ignore[index]


def test_history_terms_are_declared_and_the_closure_intends_every_type(history: Model) -> None:
    """(The export of the three regions, with the ZOV change event, is closed in test_linked_data_vocabulary.)"""
    export = to_rdf(history)
    assert undeclared(export, vocabularies()) == set()
    closed = vocabularies()
    for triple in export:
        closed.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closed)
    assert [str(closed.value(e, ERR.error)) for e in closed.subjects(RDF.type, ERR.ErrorMessage)] == []
    for node in {s for s in export.subjects() if isinstance(s, URIRef)}:
        given = {short(t) for t in export.objects(node, RDF.type)}
        allowed = given | {"owl:Thing"} | {t for g in given for t in MAY_BECOME.get(g, ())}
        if not given & ACTIVITIES:
            allowed.add("prov:Entity")
        inferred = {short(t) for t in closed.objects(node, RDF.type) if isinstance(t, URIRef)}
        assert inferred <= allowed, node


def test_a_change_event_is_not_an_entity(zov: Model) -> None:
    graph: Graph = to_rdf(zov)
    event = next(graph.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#ChangeEvent")))
    assert not list(graph.objects(event, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
