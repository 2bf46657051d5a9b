"""Templates of the linked-data writers (docs/performance.md): a membership of the common shape and every interval
are kept as a use of a template made once per shape, and written by putting the node and a few values in.

These tests hold the templates to the plain mapping: the same triples, the same count, the same text twice, and
plain triples wherever a template cannot serve (a subject that other records also describe, text that looks like
the templates' own markers, a prefix that could fit the node).
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from streekbeleid import Actor, Body, Membership, Model, Period, Source
from streekbeleid.io._common import DEFAULT_BASE, export_records, record_iri
from streekbeleid.io.linked_data import (
    _Builder,
    _interval,
    _membership,
    _period_parts,
    _Triples,
    turtle_of,
    write_jsonld,
    write_turtle,
)
from streekbeleid.testing import build_model

from .test_linked_data_terms import as_rdflib, read_back

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

S = "https://streekbeleid.example/id/test/"
ORG = "http://www.w3.org/ns/org#"
ROLE = "https://streekbeleid.example/concept/role/member"
FORMATS = ["turtle", "json-ld"]


def no_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every template's triples plain, as the mapping makes them without templates."""

    def plain(
        self: _Triples, node: str, key: Any, fill: Any, slots: tuple[Any, ...] = (), relative: str | None = None
    ) -> None:
        fill(self, node, key, *slots)

    monkeypatch.setattr(_Triples, "shape", plain)


def text_of(model: Model, fmt: str) -> str:
    fh = io.StringIO()
    (write_turtle if fmt == "turtle" else write_jsonld)(model, fh)
    return fh.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["handmade", "limburg"])
def test_templates_write_the_plain_mappings_triples(
    name: str, fmt: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    model: Model = request.getfixturevalue(name)
    with_templates = set(Graph().parse(data=text_of(model, fmt), format=fmt))
    count = turtle_of(model)[1]
    no_templates(monkeypatch)
    plain = set(Graph().parse(data=text_of(model, fmt), format=fmt))
    assert with_templates == plain
    assert count == turtle_of(model)[1] == len(plain)


@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_the_same_text_on_every_run(handmade: Model, fmt: str) -> None:
    assert text_of(handmade, fmt) == text_of(handmade, fmt)


def clashing_model() -> Model:
    """A membership whose interval's IRI (``<membership>/during``) is also an actor's: the two describe one subject."""
    return build_model(
        Body(id="test:body", name="Forum", kind="forum"),
        Actor(id="test:m", name="Partner", kind="nonprofit"),
        Actor(id="test:m/during", name="Named like an interval", kind="nonprofit"),
        Membership(id="test:m", organization="test:body", member="test:m", valid=Period.parse("2010-03/2015")),
        catalogue=False,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_subject_that_other_records_describe_too_is_written_plain(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    model = clashing_model()
    with_templates = set(Graph().parse(data=text_of(model, fmt), format=fmt))
    count = turtle_of(model)[1]
    no_templates(monkeypatch)
    plain = set(Graph().parse(data=text_of(model, fmt), format=fmt))
    assert with_templates == plain
    assert count == len(plain)
    during = URIRef(f"{S}m/during")
    assert (during, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in Graph().parse(
        data=text_of(model, "turtle"), format="turtle"
    )
    assert any(s == during for s, _, _ in plain)


def membership_triples(node: str, label: str | None, identifier: str, member: str, period: str) -> _Triples:
    """One membership's triples as a template's use (:func:`_membership`), its slots filled with the given values."""
    shape, literals = _period_parts(Period.parse(period))
    slots: tuple[Any, ...] = ((identifier, None, None), member, f"{S}body")
    if label is not None:
        slots += ((label, None, None),)
    triples = _Triples()
    triples.shape(node, (shape, ROLE, 1, None, label is not None, ()), _membership, slots + literals)
    return triples


def plain_membership(node: str, label: str | None, identifier: str, member: str, period: str) -> _Triples:
    shape, literals = _period_parts(Period.parse(period))
    slots: tuple[Any, ...] = ((identifier, None, None), member, f"{S}body")
    if label is not None:
        slots += ((label, None, None),)
    triples = _Triples()
    _membership(triples, node, (shape, ROLE, 1, None, label is not None, ()), *slots, *literals)
    return triples


PERIODS = ["2010/2015-06", "..2014-03-02/?", "2001..2003/2008..", "?/2012-01..2012-03", "2009-05-01/.."]
AWKWARD = [
    'quotes " and \\ backslash, 100% and %s %(x)s',
    "urn:x-streekbeleid:template and urn:x-streekbeleid:slot:0 in the text",
    "lines\nand\ttabs, ünïcödé ✓ 𝄞, control \x01",
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("label", [None, *AWKWARD])
def test_a_template_reads_back_as_its_plain_triples(fmt: str, period: str, label: str | None) -> None:
    args = (f"{S}m-1", label, AWKWARD[0], f"{S}member", period)
    used = membership_triples(*args)
    assert used.shapes, "the membership is a template's use"
    expected = as_rdflib(plain_membership(*args))
    assert read_back(used, fmt) == expected
    assert len(used) == len(expected)
    assert set(used) == set(plain_membership(*args))


@pytest.mark.parametrize("fmt", FORMATS)
def test_many_uses_of_one_template_each_with_its_own_values(fmt: str) -> None:
    used, plain = _Triples(), _Triples()
    for i, label in enumerate(AWKWARD):
        node = f"{S}m-{i}"
        shape, literals = _period_parts(Period.parse("2010/2015-06"))
        slots = ((f"test:m-{i}", None, None), f"{S}member-{i}", f"{S}body", (label, None, None))
        key = (shape, ROLE, 1, None, True, ())
        used.shape(node, key, _membership, slots + literals)
        _membership(plain, node, key, *slots, *literals)
    assert len(used.templates) == 1 and len(used.shapes) == len(AWKWARD)
    assert read_back(used, fmt) == as_rdflib(plain)


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("node", [f"{S}a b<c>", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/"])
def test_a_node_that_needs_escapes_or_that_a_prefix_could_fit(fmt: str, node: str) -> None:
    """Written as the plain triples are (rdflib's JSON-LD parser drops an IRI with a space, either way)."""
    shape, literals = _period_parts(Period.parse("2010..2011/2015"))
    used, plain = _Triples(), _Triples()
    used.shape(node, shape, _interval, literals)
    _interval(plain, node, shape, *literals)
    assert used.shapes
    assert read_back(used, fmt) == read_back(plain, fmt)
    if fmt == "turtle":
        assert read_back(used, fmt) == as_rdflib(plain)


def test_a_templates_triples_are_in_the_triples() -> None:
    used = membership_triples(f"{S}m-1", None, "test:m-1", f"{S}member", "2010/2015")
    assert (f"{S}m-1", f"{ORG}member", f"{S}member") in used
    assert (
        f"{S}m-1/during/end",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://www.w3.org/2006/time#Instant",
    ) in used
    assert (f"{S}m-1", f"{ORG}member", f"{S}other") not in used


@settings(max_examples=40, deadline=None)
@given(st.text(), st.text(), st.sampled_from(FORMATS))
def test_any_text_in_a_templates_slots(label: str, identifier: str, fmt: str) -> None:
    args = (f"{S}m-1", label, identifier, f"{S}member", "2010-03/2015")
    assert read_back(membership_triples(*args), fmt) == as_rdflib(plain_membership(*args))


#: Sources of a membership: none, one with or without a locator and an inference (text of any kind), two of one
#: document, two documents, a URL, notes with their Dutch.
SOURCES: list[tuple[Source, ...]] = [
    (),
    (Source(document="seed.txt"),),
    (Source(document="seed.txt", locator="art. 3 %s urn:x-streekbeleid:slot:0"),),
    (Source(document="other seed.txt", inference='read "so"\n'),),
    (Source(document="seed.txt", locator="p. 2", inference="the same body"),),
    (Source(document="seed.txt", locator="p. 1"), Source(document="seed.txt", locator="p. 2")),
    (Source(document="seed.txt"), Source(document="https://example.org/a?b#c", inference="why")),
    (Source(document="seed.txt", locator="the list", locator_nl="de lijst", inference="so", inference_nl="dus"),),
    (Source(document="seed.txt", locator="«quoted»", inference="why", inference_nl="waarom"),),
]


def common_shape_model() -> Model:
    """Memberships of the common shape (no post, seat group ...): periods of every kind, labels, votes, sources."""
    records: list[Any] = [Body(id="test:body", name="Forum", kind="forum")]
    for i, period in enumerate([*PERIODS, "../..", "2012/2012"] * 2):
        records.append(Actor(id=f"test:a{i}", name=f"Partner {i}", kind="nonprofit"))
        records.append(
            Membership(
                id=f"test:m{i}",
                organization="test:body",
                member=f"test:a{i}",
                role="chair" if i % 2 else "member",
                seats=1 + i % 3,
                voting=(None, True, False)[i % 3],
                label=AWKWARD[i % 3] if i % 2 else None,
                valid=Period.parse(period),
                sources=SOURCES[i % len(SOURCES)],
            )
        )
    return build_model(*records, catalogue=False)


@pytest.mark.parametrize("name", ["common", "handmade", "limburg"])
def test_a_membership_of_the_common_shape_is_what_the_plain_mapping_makes(
    name: str, request: pytest.FixtureRequest
) -> None:
    """The template of a membership (``_membership``) against the mapping of any membership, one by one."""
    model: Model = common_shape_model() if name == "common" else request.getfixturevalue(name)
    records = export_records(model)
    by_template, plain = _Builder(model, records, DEFAULT_BASE), _Builder(model, records, DEFAULT_BASE)
    memberships = [r for r in records if isinstance(r, Membership)]
    for m in memberships:
        by_template.memberships([m])
        plain.membership_plain(m, record_iri(m.id), plain.by_id.get(m.member))
    if name == "common":  # but those with two objects of one predicate (two sources, a note and its Dutch): plain
        two = [m for m in memberships if len(m.sources) > 1 or any(s.locator_nl or s.inference_nl for s in m.sources)]
        assert len(by_template.g.shapes) == len(memberships) - len(two) > 0 < len(two)
    assert set(by_template.g) == set(plain.g)
    assert len(by_template.g) == len(plain.g)


@pytest.mark.parametrize("name", ["common", "handmade", "limburg"])
def test_an_actor_of_the_common_shape_is_what_the_plain_mapping_makes(
    name: str, request: pytest.FixtureRequest
) -> None:
    """The template of an actor (``_actor``) against the mapping of any actor, one by one."""
    model: Model = common_shape_model() if name == "common" else request.getfixturevalue(name)
    if name == "common":  # abbreviations, descriptions, periods
        model = build_model(
            *export_records(model),
            Actor(id="test:x1", name="X", kind="nonprofit", abbreviation='"X"', description="100% %s"),
            Actor(id="test:x2", name="Y", kind="other", valid=Period.parse("2001/2009-05")),
            catalogue=False,
        )
    records = export_records(model)
    by_template, plain = _Builder(model, records, DEFAULT_BASE), _Builder(model, records, DEFAULT_BASE)
    actors = [r for r in records if isinstance(r, Actor)]
    for a in actors:
        by_template.actor(a)
        plain.actor_plain(a)
    if name == "common":
        assert len(by_template.g.shapes) == len(actors)
    assert set(by_template.g) == set(plain.g)
    assert len(by_template.g) == len(plain.g)
