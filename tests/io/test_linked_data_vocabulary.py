"""Vocabulary hygiene of the linked-data export: every term declared, an OWL-RL closure (owlrl) with the
vocabularies consistent and giving no type the mapping did not intend, periods queryable with OWL-Time alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from streekbeleid import Model
from streekbeleid.io.linked_data import VOCABULARY_IRI, context, to_rdf, vocabulary_path

owlrl = pytest.importorskip("owlrl")

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

VOCABULARIES = Path(__file__).parent / "data" / "linked-data" / "vocabularies"
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
BUILT_IN = (str(RDF), str(RDFS), str(OWL))

#: The types a node may have after the closure, by a type the export gives it (prefixed names).
#: Every node may also be an owl:Thing; every node that is not an activity a prov:Entity
#: (it is derived from its sources).
MAY_BECOME: dict[str, set[str]] = {
    "org:Organization": {"foaf:Organization", "foaf:Agent", "dcterms:Agent", "prov:Agent"},
    "besluit:Bestuurseenheid": {"m8g:PublicOrganisation"},
    "org:OrganizationalCollaboration": {"foaf:Group"},
    "besluit:Besluit": {"eli:LegalExpression", "cpsv:FormalFramework", "foaf:Document", "schema-http:CreativeWork"},
    "foaf:Document": {"schema-http:CreativeWork"},
    "besluit:Zitting": {"besluit:Vergaderactiviteit", "prov:Activity"},
    "besluit:BehandelingVanAgendapunt": {"besluit:Vergaderactiviteit", "prov:Activity"},
    "besluit:Stemming": {"besluit:Vergaderactiviteit", "prov:Activity"},
    "org:ChangeEvent": {"prov:Activity"},
    "prov:Location": {"dcterms:LocationPeriodOrJurisdiction"},
    "dcterms:Location": {"dcterms:LocationPeriodOrJurisdiction"},
    "foaf:Person": {
        "foaf:Agent",
        "dcterms:Agent",
        "prov:Agent",
        "schema-http:Person",
        "contact:Person",
        "geo:SpatialThing",
    },
    # OSLO mandaat: a mandatary is an agent (issue 15)
    "mandaat:Mandataris": {"dcterms:Agent", "foaf:Agent"},
    "prov:Derivation": {"prov:EntityInfluence", "prov:Influence"},
    "time:Instant": {"time:TemporalEntity"},
    "time:Interval": {"time:TemporalEntity"},
    "schema:MonetaryGrant": {"schema:Grant", "schema:Intangible", "schema:Thing"},
    "schema:MonetaryAmount": {"schema:StructuredValue", "schema:Intangible", "schema:Thing"},
}
ACTIVITIES = {
    "prov:Activity",
    "org:ChangeEvent",
    "besluit:Zitting",
    "besluit:BehandelingVanAgendapunt",
    "besluit:Stemming",
}
NAMES = {
    **context(),
    "owl": str(OWL),
    "m8g": "http://data.europa.eu/m8g/",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "schema-http": "http://schema.org/",
    "contact": "http://www.w3.org/2000/10/swap/pim/contact#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
}


_NAMES = Graph(bind_namespaces="none").namespace_manager
for _prefix, _ns in NAMES.items():
    _NAMES.bind(_prefix, _ns)


def short(iri: object) -> str:
    """A prefixed name (``org:Organization``)."""
    return str(URIRef(str(iri)).n3(_NAMES))


def vocabularies() -> Graph:
    graph = Graph()
    for path in sorted(VOCABULARIES.glob("*.ttl")):
        graph.parse(path)
    graph.parse(vocabulary_path())
    return graph


def undeclared(export: Graph, vocabulary: Graph) -> set[str]:
    used = set(export.predicates()) | set(export.objects(None, RDF.type))
    return {
        str(t)
        for t in used
        if not str(t).startswith(BUILT_IN) and not any(True for _ in vocabulary.triples((t, RDF.type, None)))
    }


@pytest.fixture(scope="module")
def closure(everything: Model) -> tuple[Graph, Graph]:
    """The export of the core and the three regions, and its OWL-RL closure with the vocabularies."""
    export = to_rdf(everything)
    closed = vocabularies()
    for triple in export:
        closed.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closed)
    return export, closed


def test_every_term_the_export_uses_is_declared(everything: Model, handmade: Model) -> None:
    vocabulary = vocabularies()
    assert undeclared(to_rdf(everything) + to_rdf(handmade), vocabulary) == set()


def test_an_undeclared_term_is_found(handmade: Model) -> None:
    graph = to_rdf(handmade)
    graph.add((URIRef("https://streekbeleid.example/id/test/resoc"), URIRef(f"{VOCABULARY_IRI}madeUp"), Literal(1)))
    assert undeclared(graph, vocabularies()) == {f"{VOCABULARY_IRI}madeUp"}


def test_the_project_vocabulary_is_small_documented_and_its_own() -> None:
    vocabulary = Graph().parse(vocabulary_path())
    terms = {s for s in vocabulary.subjects(RDF.type, None) if isinstance(s, URIRef) and s != OWL.Ontology}
    terms.discard(URIRef(VOCABULARY_IRI.rstrip("#")))
    assert all(str(t).startswith(VOCABULARY_IRI) for t in terms)
    assert all(vocabulary.value(t, RDFS.comment) is not None for t in terms)
    assert 0 < len(terms) < 100
    # no domain or range: nothing the export says is given a type it did not mean
    assert set(vocabulary.triples((None, RDFS.domain, None))) == set()
    assert set(vocabulary.triples((None, RDFS.range, None))) == set()


def test_the_owl_rl_closure_is_consistent(closure: tuple[Graph, Graph]) -> None:
    _export, closed = closure
    errors = [str(closed.value(e, ERR.error)) for e in closed.subjects(RDF.type, ERR.ErrorMessage)]
    assert errors == []


def test_the_owl_rl_closure_gives_no_type_the_mapping_did_not_intend(closure: tuple[Graph, Graph]) -> None:
    export, closed = closure
    unintended: dict[str, set[str]] = {}
    for node in set(export.subjects()):
        if not isinstance(node, URIRef):
            continue
        given = {short(t) for t in export.objects(node, RDF.type)}
        allowed = given | {"owl:Thing"} | {t for g in given for t in MAY_BECOME.get(g, ())}
        if not given & ACTIVITIES:
            allowed.add("prov:Entity")
        inferred = {short(t) for t in closed.objects(node, RDF.type) if isinstance(t, URIRef)}
        if inferred - allowed:
            unintended[str(node)] = inferred - allowed
    assert unintended == {}


def test_members_on_a_date_with_owl_time_alone(handmade: Model) -> None:
    """Who is certainly a member throughout 2017, asked in ORG and OWL-Time alone (no project terms)."""
    position = "(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)"
    rows = to_rdf(handmade).query(
        f"""PREFIX org: <http://www.w3.org/ns/org#>
           PREFIX time: <http://www.w3.org/2006/time#>
           PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
           SELECT ?m WHERE {{
             ?m a org:Membership ; org:memberDuring ?i .
             ?i time:hasBeginning/{position} ?start .
             FILTER (xsd:integer(substr(str(?start), 1, 4)) < 2017)
             FILTER NOT EXISTS {{
               ?i time:hasEnd ?end .
               FILTER NOT EXISTS {{ ?end {position} ?at FILTER (xsd:integer(substr(str(?at), 1, 4)) > 2017) }}
               FILTER NOT EXISTS {{ ?range time:inside ?end ; time:hasBeginning/{position} ?after
                                    FILTER (xsd:integer(substr(str(?after), 1, 4)) > 2017) }}
             }}
           }}"""
    )
    # m-chair 2016-06/.. is; m-voka 2014/..2019 may have ended, m-province 2014../2019 may have begun
    # later, m-a ?/2018-12-31 has no known beginning
    assert {str(r[0]).rsplit("/", 1)[-1] for r in rows} == {"m-chair"}  # type: ignore[index]
