"""The Dutch description in every format: native JSON and CSV keep both fields, Popolo has ``description_nl``
extension fields, linked data language-tagged literals (one description where an OSLO shape allows one), GraphML
an attribute; none of them depends on the language in use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS

from streekbeleid import Actor, Body, Decision, Model, Plan, PlanItem, Project, Region, SeatGroup
from streekbeleid.i18n import use_language
from streekbeleid.io.csv import to_tables
from streekbeleid.io.graphml import generate_graphml
from streekbeleid.io.harvest import harvest_files
from streekbeleid.io.linked_data import to_rdf, write_turtle
from streekbeleid.io.native import generate_json, parse_json
from streekbeleid.io.popolo import to_popolo

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

ELI_DESCRIPTION = URIRef("http://data.europa.eu/eli/ontology#description")


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.from_records(
        [
            Region(id="x:r", name="Streek X", description="A region.", description_nl="Een streek."),
            Actor(id="x:a", name="Actor", kind="other", description="An actor.", description_nl="Een actor."),
            Actor(id="x:e", name="English", kind="other", description="Only English."),
            Body(
                id="x:b",
                name="RESOC X",
                kind="resoc",
                region="x:r",
                seat_groups=[SeatGroup(name="employers", seats=4, description="Four.", description_nl="Vier.")],
                description="A body.",
                description_nl="Een orgaan.",
            ),
            Plan(
                id="x:p",
                name="Plan X",
                kind="action_plan",
                description="A plan.",
                description_nl="Een plan.",
                items=[
                    PlanItem(
                        id="x:p/1", kind="action", name="Eén", description="An action.", description_nl="Een actie."
                    )
                ],
            ),
            Project(id="x:proj", name="Project", description="A project.", description_nl="Een project."),
            Decision(
                id="x:d",
                kind="approve",
                by="x:b",
                subject="x:p",
                description="Approved.",
                description_nl="Goedgekeurd.",
            ),
        ]
    )


def test_native_json_keeps_both_and_reads_them_back(model: Model) -> None:
    text = generate_json(model)
    back = parse_json(text)
    for rid in ("x:r", "x:a", "x:b", "x:p", "x:p/1", "x:proj", "x:d"):
        assert back.get(rid) == model.get(rid), rid
    assert back.get("x:b").seat_groups[0].description_nl == "Vier."
    assert back.get("x:e").description_nl is None
    assert '"description_nl": "Een orgaan."' in text.replace('":"', '": "')


def test_csv_has_a_column_for_the_dutch_description(model: Model) -> None:
    tables = to_tables(model)
    for table, rid, dutch in (
        ("actors", "x:a", "Een actor."),
        ("bodies", "x:b", "Een orgaan."),
        ("plan_items", "x:p/1", "Een actie."),
    ):
        header, rows = tables[table]
        row = dict(zip(header, next(r for r in rows if rid in r), strict=True))
        assert row["description_nl"] == dutch, table
        assert row["description"] != dutch
    header, rows = tables["actors"]
    assert dict(zip(header, next(r for r in rows if r[0] == "x:e"), strict=True))["description_nl"] == ""
    header, rows = tables["seat_groups"]
    assert "Vier." in rows[0]


def test_popolo_has_the_dutch_description_beside_popolos(model: Model) -> None:
    data = to_popolo(model)
    orgs = {o["id"]: o for o in data["organizations"]}
    assert orgs["x:a"]["description"] == "An actor." and orgs["x:a"]["description_nl"] == "Een actor."
    assert orgs["x:b"]["description_nl"] == "Een orgaan."
    assert "description_nl" not in orgs["x:e"]  # absent, not null, as Popolo's own fields
    events = {e["id"]: e for e in data["events"]}
    assert events["x:d"]["description_nl"] == "Goedgekeurd."


def _node(graph: Any, rid: str) -> URIRef:
    return next(s for s in graph.subjects(DCTERMS.identifier, Literal(rid)) if isinstance(s, URIRef))


def test_linked_data_tags_each_language_on_the_same_property(model: Model) -> None:
    g = to_rdf(model)
    for rid, english, dutch in (("x:proj", "A project.", "Een project."), ("x:p/1", "An action.", "Een actie.")):
        assert set(g.objects(_node(g, rid), DCTERMS.description)) == {
            Literal(english, lang="en"),
            Literal(dutch, lang="nl"),
        }, rid


def test_linked_data_gives_one_description_where_the_oslo_shapes_allow_one(model: Model) -> None:
    """org:Organization (one rdf:langString), a place (one xsd:string), a besluit (one eli:description string):
    the Dutch one there, the English one beside it as rdfs:comment."""
    g = to_rdf(model)
    actor = _node(g, "x:a")
    assert list(g.objects(actor, DCTERMS.description)) == [Literal("Een actor.", lang="nl")]
    assert list(g.objects(actor, RDFS.comment)) == [Literal("An actor.", lang="en")]
    english_only = _node(g, "x:e")
    assert list(g.objects(english_only, DCTERMS.description)) == [Literal("Only English.", lang="en")]
    assert list(g.objects(english_only, RDFS.comment)) == []
    region = _node(g, "x:r")
    assert list(g.objects(region, DCTERMS.description)) == [Literal("Een streek.")]
    assert list(g.objects(region, RDFS.comment)) == [Literal("A region.", lang="en")]
    decision = _node(g, "x:d")
    assert list(g.objects(decision, ELI_DESCRIPTION)) == [Literal("Goedgekeurd.")]
    assert list(g.objects(decision, RDFS.comment)) == [Literal("Approved.", lang="en")]


def test_decisions_harvested_from_the_export_keep_each_language(model: Model, tmp_path: Path) -> None:
    """eli:description holds one untagged text: the English one beside it (rdfs:comment) tells which it is."""
    english_only = Decision(id="x:d2", kind="endorse", by="x:b", subject="x:p", description="Endorsed.")
    whole = Model.from_records([*model.records(), english_only])
    path = tmp_path / "x.ttl"
    write_turtle(whole, path)
    harvested = harvest_files([path], whole, namespace="x").decisions
    assert sorted((d.description, d.description_nl) for d in harvested) == [
        ("Approved.", "Goedgekeurd."),
        ("Endorsed.", None),
    ]


def test_graphml_has_the_dutch_description_as_an_attribute(model: Model) -> None:
    text = generate_graphml(model)
    assert 'attr.name="description_nl"' in text
    assert "Een orgaan." in text and "A body." in text


@pytest.mark.parametrize("write", [generate_json, generate_graphml, lambda m: json.dumps(to_popolo(m))])
def test_exports_do_not_depend_on_the_language_in_use(model: Model, write: Any) -> None:
    with use_language("nl"):
        dutch = write(model)
    with use_language("en"):
        english = write(model)
    assert dutch == english
