"""Terms, mandates and documents in every export (issue 15, concepts 3 and 4): native JSON and its schema, CSV,
GraphML, Popolo and linked data, on the real regions and on a hand-made seat held by an office."""

from __future__ import annotations

import json
from collections.abc import Callable

import jsonschema
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF

from streekbeleid import Body, Document, LegislativeTerm, Membership, Model, Person, Post
from streekbeleid.io import native
from streekbeleid.io.csv import to_tables
from streekbeleid.io.graphml import generate_graphml
from streekbeleid.io.linked_data import MANDAAT, to_rdf, vocabulary
from streekbeleid.io.popolo import to_popolo
from streekbeleid.model.dates import PartialDate, Period

ID = "https://streekbeleid.example/id/"
GERITS = "limburg:gedeputeerde-economie/erik-gerits"


def iri(record_id: str) -> URIRef:
    namespace, _, local = record_id.partition(":")
    return URIRef(f"{ID}{namespace}/{local}")


@pytest.fixture
def office_seat(build: Callable[..., Model]) -> Model:
    """A conference whose seat the mayor of Hasselt holds, an office Alice held in a term."""
    return build(
        Body(id="x:conference", name="Conference", kind="mayors_conference", region="refreg:REFREG15"),
        LegislativeTerm(id="x:term", name="Term", level="municipality", valid=Period.parse("2019-01-01/2024-12-31")),
        Person(id="x:alice", name="Alice"),
        Post(id="x:mayor", label="Burgemeester van Hasselt", organization="nis:71022", role="mayor"),
        Membership(id="x:alice/mayor", organization="nis:71022", member="x:alice", post="x:mayor", term="x:term",
                   role="office_holder", valid=Period.parse("2019-01-02/2024-12-31")),
        Membership(id="x:conference/hasselt", organization="x:conference", member="x:mayor"),
        Document(id="x:doc", title="Verslag", kind="minutes", about=["x:conference"],
                 date=PartialDate.parse("2020-03-01"), url="https://example.org/verslag.pdf", language="nl"),
    )  # fmt: skip


@pytest.mark.parametrize("fixture", ["limburg", "zov", "leuven"])
def test_each_region_records_its_seed_files_as_documents(fixture: str, request: pytest.FixtureRequest) -> None:
    model: Model = request.getfixturevalue(fixture)
    documents = [d for d in model.records(Document) if not d.id.startswith("core:")]
    assert documents
    assert all(d.title and d.about and d.language == "nl" for d in documents)
    seeds = {s.document for d in documents for s in d.sources}
    assert all(s.endswith(".txt") for s in seeds)


def test_native_json_round_trips_terms_documents_and_the_term_of_a_mandate(office_seat: Model) -> None:
    text = native.generate_json(office_seat, closed=False)
    jsonschema.validate(json.loads(text), native.json_schema())
    back = native.parse_json(text)
    assert back.get("x:doc") == office_seat.get("x:doc")
    assert back.get("x:term") == office_seat.get("x:term")
    assert back.get("x:alice/mayor").term == "x:term"


def test_the_schema_refuses_an_unknown_document_kind() -> None:
    data = {"format": "1", "documents": [{"id": "x:d", "title": "T", "kind": "poem"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, native.json_schema())


def test_csv_and_graphml_carry_terms_and_documents(office_seat: Model) -> None:
    tables = to_tables(office_seat)
    header, rows = tables["documents"]
    assert {"title", "kind", "about", "url", "language"} <= set(header)
    assert any("x:doc" in row for row in rows)
    assert any("x:term" in row for row in tables["terms"][1])
    graphml = generate_graphml(office_seat)
    assert "document_of" in graphml  # an edge from the document to what it is about
    assert 'attr.name="term"' in graphml and ">x:term<" in graphml  # on the mandate's edge


def test_popolo_has_legislative_periods_links_and_seats_held_by_offices(office_seat: Model) -> None:
    data = to_popolo(office_seat)
    periods = [e for e in data["events"] if e.get("classification") == "legislative period"]
    assert [e["id"] for e in periods] == ["x:term"]
    mandate = next(m for m in data["memberships"] if m["id"] == "x:alice/mayor")
    assert mandate["legislative_period_id"] == "x:term" and mandate["post_id"] == "x:mayor"
    seat = next(m for m in data["memberships"] if m["id"] == "x:conference/hasselt")
    assert seat["post_id"] == "x:mayor" and seat["held_by_office"] is True
    assert "member" not in seat and "person_id" not in seat
    conference = next(o for o in data["organizations"] if o["id"] == "x:conference")
    assert conference["links"] == [{"url": "https://example.org/verslag.pdf", "note": "Verslag (minutes, nl)"}]


def test_popolo_of_the_regions_links_the_decision_its_page_is_about(everything: Model) -> None:
    data = to_popolo(everything)
    approval = next(e for e in data["events"] if e["id"] == "limburg:streekpact-2014-2019/goedkeuring-resoc")
    assert [link["note"] for link in approval["links"]] == ["Streekpact 2014-2019 (web_page, nl)"]
    gerits = next(m for m in data["memberships"] if m["id"] == GERITS)
    assert gerits["legislative_period_id"] == "core:term/provincies-2013-2018"


def test_linked_data_of_a_mandate_is_oslo_mandaat(limburg: Model) -> None:
    g = to_rdf(limburg)
    node, person, post = iri(GERITS), iri("limburg:erik-gerits"), iri("limburg:gedeputeerde-economie")
    assert (node, RDF.type, MANDAAT.Mandataris) in g
    assert (node, MANDAAT.isBestuurlijkeAliasVan, person) in g
    assert (person, MANDAAT.isAangesteldAls, node) in g
    assert (node, ORG.holds, post) in g and (post, RDF.type, MANDAAT.Mandaat) in g
    assert (node, vocabulary().term, iri("core:term/provincies-2013-2018")) in g
    # the day he took office is not known: no mandaat:start is claimed
    assert list(g.objects(node, MANDAAT.start)) == []


def test_linked_data_of_an_office_seat_and_of_documents(office_seat: Model, core: Model) -> None:
    g = to_rdf(office_seat)
    sb = vocabulary()
    seat = iri("x:conference/hasselt")
    assert (seat, sb.heldByOffice, iri("x:mayor")) in g
    assert list(g.objects(seat, ORG.member)) == []  # an office is no agent
    mandate = iri("x:alice/mayor")
    assert [str(o) for o in g.objects(mandate, MANDAAT.start)] == ["2019-01-02T00:00:00"]
    doc = iri("x:doc")
    assert (doc, RDF.type, FOAF.Document) in g
    assert (iri("x:conference"), FOAF.page, doc) in g
    assert (doc, FOAF.page, URIRef("https://example.org/verslag.pdf")) in g
    assert Literal("Verslag", lang="nl") in set(g.objects(doc, URIRef("http://purl.org/dc/terms/title")))
    decree = to_rdf(core)
    eli = URIRef("http://www.ejustice.just.fgov.be/eli/decreet/2004/05/07/2004036335")
    assert (iri("core:document/decreet-2004-05-07"), sb.eli, eli) in decree
