"""Record IRIs relative to an ``@base`` in Turtle and JSON-LD (docs/performance.md): the same graph, shorter text.

The writers put ``@base <base>id/`` in the Turtle and ``"@base"`` in the JSON-LD context, and write an IRI under
it relative to it only where every reader resolves it back to the same IRI (:func:`_relative`); these tests read
the text back with rdflib's parsers, for IRIs of every kind: characters that need escaping, the base itself,
``?`` and ``#`` in local parts, dot segments, colons.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from streekbeleid import Actor, Body, Membership, Model, OtherName, Period
from streekbeleid.io._common import DEFAULT_BASE, record_iri
from streekbeleid.io.linked_data import (
    _Builder,
    _relative,
    _Triples,
    id_base,
    to_rdf,
    write_jsonld,
    write_turtle,
)
from streekbeleid.model.records import ID_PATTERN
from streekbeleid.testing import build_model

from .test_linked_data_templates import membership_triples
from .test_linked_data_terms import as_rdflib, written

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

BASE = f"{DEFAULT_BASE}id/"
P = "https://streekbeleid.example/ns#"
FORMATS = ["turtle", "json-ld"]

#: What follows the base in IRIs that are written relative, and in IRIs that must stay absolute.
RELATIVE = ["test/plain", "test/with%20space", "test/ünïcödé", "test/a?b", "test/a#b", "test/a?b#c", "test/dir/", "x"]
ABSOLUTE = [
    "test/../up",
    "test/./here",
    "../outside",
    ".",
    "test//double",
    "/rooted",
    "?query",
    "#fragment",
    "test/a?",
    "test/a?#b",
    "scheme:like",
    "test/colon:in",
    "@keyword",
    "_:blank",
    ";",
    "test/a;",
    "test/a/;",
]
#: Characters no IRI may hold (records' IRIs have them percent-encoded): Turtle writes them as ``\\u`` escapes,
#: JSON-LD has no escape for them (rdflib's JSON-LD parser drops such an IRI, relative or not).
ESCAPED = ["test/with space", 'test/"quoted"', "test/<angle>", "test/back\\slash", "test/tab\t", "test/{|}^`"]
NOT_IN_IRIS = ' \t\n\r\x00\x01<>"{}|^`\\'


def text(triples: _Triples, fmt: str) -> str:
    return written(triples, fmt, id_base(DEFAULT_BASE))


def read(document: str, fmt: str) -> set[Any]:
    """The document's triples as rdflib reads them; JSON-LD's read by pyld too, which must give the same."""
    found = set(Graph().parse(data=document, format=fmt))
    if fmt == "json-ld":
        from pyld import jsonld

        nquads = jsonld.to_rdf(json.loads(document), {"format": "application/n-quads"})
        assert set(Graph().parse(data=nquads, format="nt")) == found
    return found


def both_ways(iri: str) -> _Triples:
    """The IRI as a subject and as an object."""
    triples = _Triples()
    triples.add((iri, f"{P}name", ("name", None, None)))
    triples.add((f"{BASE}test/other", f"{P}link", iri))
    return triples


def test_the_base_of_records_is_where_their_iris_are() -> None:
    assert id_base(DEFAULT_BASE) == BASE
    assert id_base("https://data.example.be/streek/") == "https://data.example.be/streek/id/"
    assert record_iri("limburg:resoc").startswith(BASE)
    # no @base where relative IRIs could not be resolved against it, or it would need escapes
    for base in ["urn:x-streekbeleid:", "https://x.example/a b/", "https://x.example/q?", "https://x.example/./"]:
        assert id_base(base) is None


@pytest.mark.parametrize(
    ("rest", "fmt"),
    [(rest, fmt) for rest in RELATIVE + ABSOLUTE + [""] for fmt in FORMATS] + [(rest, "turtle") for rest in ESCAPED],
    ids=repr,
)
def test_an_iri_under_the_base_reads_back_the_same(rest: str, fmt: str) -> None:
    iri = BASE + rest
    triples = both_ways(iri)
    document = text(triples, fmt)
    assert read(document, fmt) == as_rdflib(triples)
    relative = _relative(iri, BASE)
    if rest in RELATIVE:
        assert relative == rest
    elif rest in ABSOLUTE + ESCAPED:
        assert relative is None
    else:  # the base itself
        assert relative == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_text_has_the_base_and_relative_iris(fmt: str) -> None:
    triples = both_ways(f"{BASE}test/plain")
    triples.add((f"{BASE}test/../up", f"{P}link", "https://elsewhere.example/id/test/plain"))
    document = text(triples, fmt)
    if fmt == "turtle":
        assert f"@base <{BASE}> ." in document
        assert "<test/plain>" in document and "<test/other>" in document
    else:
        parsed = json.loads(document)
        assert parsed["@context"]["@base"] == BASE
        ids = {node["@id"] for node in parsed["@graph"]}
        assert {"test/plain", "test/other"} <= ids
    # what is not safe relative, and what is not under the base, stays whole
    assert f"{BASE}test/../up" in document
    assert "https://elsewhere.example/id/test/plain" in document
    assert read(document, fmt) == as_rdflib(triples)


@pytest.mark.parametrize("fmt", FORMATS)
@given(local=st.text(max_size=12), data=st.data())
@settings(max_examples=80, deadline=None)
def test_any_iri_under_the_base_reads_back_the_same(fmt: str, local: str, data: st.DataObject) -> None:
    if fmt == "json-ld":  # what an IRI can hold there
        local = data.draw(
            st.text(
                st.characters(blacklist_characters=NOT_IN_IRIS, blacklist_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]),
                max_size=12,
            )
        )
    triples = both_ways(BASE + local)
    assert read(text(triples, fmt), fmt) == as_rdflib(triples)


#: The characters that mean something in an IRI reference, and a few that do not.
DELIMITERS = list("ab/.;?#:@%-_~!$&'()*+,=[]é")


@pytest.mark.parametrize("fmt", FORMATS)
@given(local=st.text(st.sampled_from(DELIMITERS), max_size=10))
@settings(max_examples=200, deadline=None)
def test_any_iri_of_delimiters_under_the_base_reads_back_the_same(fmt: str, local: str) -> None:
    triples = both_ways(BASE + local)
    assert read(text(triples, fmt), fmt) == as_rdflib(triples)
    # a template's node too (its interval's IRIs continue it with "/during" ...)
    membership = membership_triples(BASE + local, None, "test:m", f"{BASE}test/other", "2010-03/2015")
    assert read(text(membership, fmt), fmt) == as_rdflib(membership)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("rest", ["test/m", "test/m?x", "test/m#x", "test/m/", "test/../m", ""], ids=repr)
def test_a_templates_node_reads_back_the_same(rest: str, fmt: str) -> None:
    """A membership written by its template (its interval's IRIs are the node's with ``/during`` ... after it)."""
    node = BASE + rest
    triples = membership_triples(node, None, "test:m", f"{BASE}test/a?b", "2010-03/2015")
    assert triples.shapes  # a template's use
    document = text(triples, fmt)
    assert read(document, fmt) == as_rdflib(triples)
    if rest == "test/m":
        assert ("<test/m/during>" if fmt == "turtle" else '"test/m/during"') in document


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_model_with_odd_ids_reads_back_the_same(fmt: str) -> None:
    model: Model = build_model(
        Body(id="test:forum", name="Forum", kind="forum"),
        Body(id="test:a#b", name="Forum met hekje", kind="forum"),
        Body(id="test:a/../b", name="Punten", kind="forum"),
        Body(id="test:a//b/./c", name="Dubbele schuine streep", kind="forum"),
        Membership(id="test:m#1", organization="test:a#b", member="test:forum", valid=Period.parse("2010/2015")),
        Membership(id="test:m/", organization="test:a/../b", member="test:forum", valid=Period.parse("2011-03/..")),
        Membership(id="test:m//x", organization="test:a//b/./c", member="test:forum", valid=Period.parse("2012/2013")),
        catalogue=False,
    )
    with_base = io.StringIO()
    (write_turtle if fmt == "turtle" else write_jsonld)(model, with_base)
    without = io.StringIO()
    (write_turtle if fmt == "turtle" else write_jsonld)(model, without, base="urn:x-example:")
    assert "@base" in with_base.getvalue() and "@base" not in without.getvalue()
    got = read(with_base.getvalue(), fmt)
    # the same graph as with a base that has no relative IRIs, but for the base itself
    expected = {
        tuple(URIRef(str(t).replace("urn:x-example:", DEFAULT_BASE)) if isinstance(t, URIRef) else t for t in triple)
        for triple in read(without.getvalue(), fmt)
    }
    assert got == expected


@given(st.from_regex(ID_PATTERN, fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_a_records_relative_iri_found_from_its_id_is_the_one_the_writers_work_out(record_id: str) -> None:
    """The mapping finds a record's IRI and its relative text from the id with one match (``_Builder.node``); that
    must be the IRI ``record_iri`` gives and the relative text ``_relative`` gives it, or none where it gives none."""
    builder = _Builder(build_model(catalogue=False), [], DEFAULT_BASE)
    iri, relative = builder.node(record_id)
    assert iri == record_iri(record_id)
    if relative is not None:
        assert relative == _relative(iri, BASE)
    without = _Builder(build_model(catalogue=False), [], "urn:x-example:")
    assert without.node(record_id) == (record_iri(record_id, "urn:x-example:"), None)


def test_the_shortcut_covers_the_ids_of_the_bundled_model() -> None:
    """Every membership and actor id of the bundled model takes the shortcut (else it would save nothing)."""
    import streekbeleid
    from streekbeleid.io._common import model_records

    model = streekbeleid.load()
    builder = _Builder(model, [], DEFAULT_BASE)
    ids = [r.id for r in model_records(model) if isinstance(r, (Membership, Actor))]
    assert ids and all(builder.node(i)[1] is not None for i in ids)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_streamed_subject_that_a_later_record_adds_to_reads_back_the_same(fmt: str) -> None:
    """The writers write a template's use as the mapping makes it (``_stream``): an actor of the common shape is
    written before its other names are mapped, so its subject has a second block (or JSON-LD node) with those, one
    triple of which (the abbreviation as ``skos:altLabel``) is in both.  Read back, it is the mapping's graph."""
    model: Model = build_model(
        Actor(
            id="test:vdab",
            name="Vlaamse Dienst voor Arbeidsbemiddeling",
            abbreviation="VDAB",
            kind="agency",
            other_names=[OtherName(name="VDAB"), OtherName(name="RVA Vlaanderen", valid=Period.parse("../1989"))],
        ),
        Body(id="test:forum", name="Forum", kind="forum"),
        Membership(id="test:m", organization="test:forum", member="test:vdab", valid=Period.parse("2010/2015")),
        catalogue=False,
    )
    document = io.StringIO()
    (write_turtle if fmt == "turtle" else write_jsonld)(model, document)
    text = document.getvalue()
    # the case at hand: the actor's subject written twice
    assert text.count("\n<test/vdab>\n" if fmt == "turtle" else '{"@id":"test/vdab",') == 2
    assert read(text, fmt) == set(to_rdf(model))
