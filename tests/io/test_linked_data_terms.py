"""The linked-data writers' own term text (IRIs, literals, escaping), read back by rdflib's parsers.

Turtle and JSON-LD are written from plain strings and tuples, not rdflib terms (docs/performance.md):
these tests hold the writers to what rdflib reads, for any text, and the literals to rdflib's own.
"""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from streekbeleid.io.linked_data import _lit, _Triples, _turtle_chunks, context, turtle, write_jsonld

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

S = "https://streekbeleid.example/id/test/"
P = "https://streekbeleid.example/ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"

VALUES = [
    "plain",
    "",
    'with "quotes" and \\ backslash',
    "lines\nand\r\nreturns\tand tabs",
    "control \x00\x01\x1f and ünïcödé ✓ 𝄞",
    True,
    False,
    0,
    -12,
    10**30,
    1.5,
    1e20,
    0.1,
    Decimal("0.50"),
    Decimal("15"),
    Decimal("1E+3"),
    date(2015, 1, 2),
]


def as_rdflib(triples: _Triples) -> set[tuple[object, object, object]]:
    """The triples as rdflib terms, as :func:`to_rdf` makes them."""
    out: set[tuple[object, object, object]] = set()
    for s, p, o in triples:
        if isinstance(o, tuple):
            lexical, datatype, lang = o
            obj: object = Literal(lexical, lang=lang, datatype=None if datatype is None else URIRef(datatype))
        else:
            obj = URIRef(o)
        out.add((URIRef(s), URIRef(p), obj))
    return out


def read_back(triples: _Triples, fmt: str) -> set[tuple[object, object, object]]:
    return set(Graph().parse(data=written(triples, fmt), format=fmt))


def written(triples: _Triples, fmt: str, base: str | None = None) -> str:
    """The triples' text in ``fmt`` (Turtle relative to ``base`` if given; JSON-LD as the exports write it)."""
    if fmt == "turtle":
        return "".join(_turtle_chunks(triples, context(), base))
    else:
        from streekbeleid.io import linked_data

        fh = io.StringIO()
        original = linked_data._triples
        linked_data._triples = lambda *_a, **_k: triples  # type: ignore[assignment]
        try:
            write_jsonld(None, fh)  # type: ignore[arg-type]
        finally:
            linked_data._triples = original
        text = fh.getvalue()
        json.loads(text)
    return text


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_literal_is_rdflibs(value: object) -> None:
    made = Literal(value)
    assert _lit(value) == (str(made), str(made.datatype) if made.datatype else None, made.language)


def test_language_and_datatype_are_kept() -> None:
    assert _lit("Streek", lang="nl") == ("Streek", None, "nl")
    assert _lit("2015", datatype=f"{XSD}gYear") == ("2015", f"{XSD}gYear", None)


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_every_kind_of_literal_reads_back_the_same(fmt: str) -> None:
    triples = _Triples()
    for i, value in enumerate(VALUES):
        triples.add((f"{S}s{i}", f"{P}value", _lit(value)))
    triples.add((f"{S}s", f"{P}label", _lit("Streek", lang="nl")))
    triples.add((f"{S}s", f"{P}date", _lit("2015-06", datatype=f"{XSD}gYearMonth")))
    triples.add((f"{S}s", f"{P}odd", _lit("not a number", datatype=f"{XSD}integer")))
    assert read_back(triples, fmt) == as_rdflib(triples)


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_iris_that_no_prefix_fits_or_that_need_escapes_read_back_the_same(fmt: str) -> None:
    triples = _Triples()
    objects = [
        "http://www.w3.org/ns/org#Membership",  # a prefixed name
        "http://www.w3.org/ns/org#has.dot",  # no plain local name: written whole
        "http://purl.org/dc/terms/",  # the namespace itself
        "https://example.org/a%20b/c?d=e&f#g",
        "urn:isbn:0451450523",
        "http://www.w3.org/ns/org#x/y",
    ]
    for i, o in enumerate(objects):
        triples.add((f"{S}s", f"{P}link{i}", o))
    assert read_back(triples, fmt) == as_rdflib(triples)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=5), st.sampled_from(["turtle", "json-ld"]))
def test_any_text_reads_back_the_same(texts: list[str], fmt: str) -> None:
    triples = _Triples()
    for i, text in enumerate(texts):
        triples.add((f"{S}s", f"{P}p{i}", _lit(text)))
        triples.add((f"{S}s", f"{P}nl{i}", _lit(text, lang="nl")))
    assert read_back(triples, fmt) == as_rdflib(triples)


def test_rdflib_terms_given_to_the_triples_are_the_same_triples() -> None:
    """Code that adds rdflib terms (``ORG.member``, ``Literal(...)``) makes the same triples as plain ones."""
    from streekbeleid.io.linked_data import ORG

    triples = _Triples()
    triples.add((URIRef(f"{S}m"), ORG.member, Literal(3)))
    triples.add((f"{S}m", str(ORG.member), _lit(3)))
    triples.add((f"{S}m", str(ORG.organization), URIRef(f"{S}b")))
    assert len(triples) == 2
    assert (URIRef(f"{S}m"), ORG.organization, URIRef(f"{S}b")) in triples


def test_turtle_of_an_rdflib_graph() -> None:
    graph = Graph()
    graph.add((URIRef(f"{S}a"), URIRef(f"{P}name"), Literal('say "hi"\n', lang="en")))
    graph.add((URIRef(f"{S}a"), URIRef(f"{P}count"), Literal(2)))
    text = turtle(graph, context())
    assert set(Graph().parse(data=text, format="turtle")) == set(graph)
