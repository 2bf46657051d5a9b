"""The endorsements question in SPARQL counts what the API counts when an outcome is missing, adopted with remarks
or rejected (run with rdflib's SPARQL engine on a hand-made model: no server needed for this edge)."""

from __future__ import annotations

from rdflib import Dataset, URIRef

from streekbeleid import Actor, Decision, Plan
from streekbeleid import queries as q
from streekbeleid.io import sparql_questions as sq
from streekbeleid.io.linked_data import to_rdf
from streekbeleid.io.publish import DEFAULT_GRAPH
from streekbeleid.testing import build_model


def test_an_endorsement_with_no_outcome_counts_and_a_rejected_one_does_not() -> None:
    records = [
        Plan(id="x:pact", name="Pact", kind="streekpact"),
        *(Actor(id=f"x:{a}", name=a.upper(), kind="other") for a in "abcd"),
        Decision(id="x:d1", kind="endorse", by="x:a", subject="x:pact"),
        Decision(id="x:d2", kind="endorse", by="x:b", subject="x:pact", outcome="rejected"),
        Decision(id="x:d3", kind="endorse", by="x:c", subject="x:pact", outcome="adopted_with_remarks"),
        Decision(id="x:d4", kind="endorse", by="x:d", subject="x:pact", outcome="postponed"),
    ]
    model = build_model(*records, catalogue=False)
    dataset = Dataset()
    graph = dataset.graph(URIRef(DEFAULT_GRAPH))
    for triple in to_rdf(model):
        graph.add(triple)
    rows = dataset.query(sq.ENDORSEMENTS.bind(plan="x:pact"))
    endorsed = sorted(str(r.decider) for r in rows if str(r.role) == "endorsed")  # type: ignore[union-attr]
    assert endorsed == ["x:a", "x:c"]
    assert tuple(endorsed) == q.endorsements(model, "x:pact").endorsed_by
