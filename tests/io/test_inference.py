"""A record marked as an inference says so in every export, and the native format keeps the mark."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Literal

from streekbeleid import Actor, Decision, Model, Source
from streekbeleid.io import native
from streekbeleid.io.csv import to_tables
from streekbeleid.io.graphml import generate_graphml
from streekbeleid.io.linked_data import to_rdf, vocabulary
from streekbeleid.io.popolo import to_popolo
from streekbeleid.queries import inferences

REASON = "the seed does not say who submitted it; the pact's owner is recorded"
SUBMIT = "t:submit"
PLAIN = Source(document="seed.txt")


@pytest.fixture
def model(build: Callable[..., Model]) -> Model:
    inferred = Source(document="seed.txt", locator="Het is dan ook officieel ingediend", inference=REASON)
    return build(
        Actor(id="t:resoc", name="RESOC T", kind="other", sources=[PLAIN]),
        Actor(id="t:agency", name="Agency", kind="agency", sources=[PLAIN]),
        Decision(id=SUBMIT, kind="submit", by="t:resoc", subject="t:agency", outcome="adopted", sources=[inferred]),
        Decision(id="t:plain", kind="approve", by="t:resoc", subject="t:agency", sources=[PLAIN]),
    )


def test_the_model_lists_inferred_records_only(model: Model) -> None:
    found = inferences(model)
    assert list(found) == [SUBMIT]
    assert found[SUBMIT][0].inference == REASON


def test_native_json_keeps_the_inference(model: Model) -> None:
    back = native.parse_json(native.generate_json(model, closed=False))
    assert back.get(SUBMIT).sources[0].inference == REASON
    assert back.get("t:plain").sources[0].inference is None


def test_popolo_notes_the_inference_on_the_source_link(model: Model) -> None:
    data = to_popolo(model)
    found = [o for objects in data.values() if isinstance(objects, list) for o in objects if SUBMIT in o["id"]]
    assert found  # the event, the motion and the vote event of the decision
    for obj in found:
        assert any(f"inferred: {REASON}" in link.get("note", "") for link in obj["sources"]), obj["id"]


def test_csv_and_graphml_cells_say_inferred(model: Model) -> None:
    cells = [str(c) for _header, rows in to_tables(model).values() for row in rows for c in row]
    assert any(f"[inferred: {REASON}]" in c for c in cells)
    assert f"[inferred: {REASON}]" in generate_graphml(model)


def test_rdf_carries_the_inference_on_the_qualified_derivation(model: Model) -> None:
    g = to_rdf(model)
    sb = vocabulary()
    assert list(g.subjects(sb.inference, Literal(REASON)))
