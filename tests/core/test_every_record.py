"""Model.records() without a kind: every record with an id of its own, once."""

from __future__ import annotations

import streekbeleid
from streekbeleid import Lineage, Membership, PlanItem, Relation, Territory


def test_every_record_is_walked_once_nodes_and_edges() -> None:
    model = streekbeleid.load(plugins=["limburg"])
    every = model.records()
    assert len({r.id for r in every}) == len(every)
    by_kind = {
        kind: [r for r in every if type(r) is kind] for kind in (Membership, Lineage, Relation, PlanItem, Territory)
    }
    for kind, found in by_kind.items():
        assert found == model.records(kind), kind.__name__
        assert found, kind.__name__
    ids_in_graph = set(model.graph.nodes)
    assert ids_in_graph <= {r.id for r in every}


def test_a_slice_walks_only_what_it_holds() -> None:
    model = streekbeleid.load(plugins=["limburg"])
    day = model.as_of("2016-06-30")
    assert {r.id for r in day.records()} < {r.id for r in model.records()}
    assert "nis:72043" not in {r.id for r in day.records()}  # Pelt exists from 2019
    assert "nis:72025" in {r.id for r in day.records()}  # Neerpelt did then
