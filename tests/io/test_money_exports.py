"""Money in every export: budgets, transactions, shares and a call's co-financing rules (Popolo has none)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import networkx as nx
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from streekbeleid import Model
from streekbeleid.io import native
from streekbeleid.io.csv import to_tables
from streekbeleid.io.graphml import generate_graphml
from streekbeleid.io.linked_data import VOCABULARY_IRI, to_rdf
from streekbeleid.io.popolo import to_popolo

SB = Namespace(VOCABULARY_IRI)
SDO = Namespace("https://schema.org/")
FUND = URIRef("https://streekbeleid.example/id/test/fund")
CALL = URIRef("https://streekbeleid.example/id/test/call")


def test_native_json_keeps_budgets_transactions_shares_and_rules(handmade: Model, tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    native.write_json(handmade, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    [fund] = [f for f in data["fundings"] if f["id"] == "test:fund"]
    assert fund["share"] == "0.5"
    # defaults are left out: an original budget, an unknown amount
    assert fund["budgets"] == [
        {"amount": "15000000.00", "valid": "2016-08-01/2019-07-31"},
        {"kind": "revised", "valid": "2018/?"},
    ]
    assert [t["kind"] for t in fund["transactions"]] == ["commitment", "payment"]
    [call] = [p for p in data["plans"] if p["id"] == "test:call"]
    assert [(r["party"], r.get("min_share"), r.get("max_share")) for r in call["share_rules"]] == [
        ("local", "0.5", None),
        ("flemish", None, "0.5"),
    ]
    back = native.read_json(path)
    assert back.get("test:fund") == handmade.get("test:fund")
    assert back.get("test:call") == handmade.get("test:call")


def test_csv_has_tables_of_budgets_transactions_and_share_rules(handmade: Model) -> None:
    tables = to_tables(handmade)
    header, rows = tables["budgets"]
    assert header[:3] == ["funding", "kind", "amount"]
    assert [(r[0], r[1], r[2]) for r in rows] == [("test:fund", "original", "15000000.0"), ("test:fund", "revised", "")]
    header, rows = tables["transactions"]
    assert [dict(zip(header, r, strict=True))["date"] for r in rows] == ["2016-06", ""]
    header, rows = tables["share_rules"]
    flemish = dict(zip(header, rows[1], strict=True))
    assert (flemish["call"], flemish["max_share"], flemish["funders_name"]) == ("test:call", "0.5", "Provincie Limburg")
    header, rows = tables["fundings"]
    assert dict(zip(header, next(r for r in rows if r[0] == "test:fund"), strict=True))["share"] == "0.5"


def test_rdf_budgets_and_transactions_are_monetary_amounts_an_unknown_one_has_no_value(handmade: Model) -> None:
    g = to_rdf(handmade)
    assert (FUND, SB.share, Literal("0.5", datatype=XSD.decimal)) in g
    budgets = sorted(g.objects(FUND, SB.budget))
    assert [g.value(b, SB.kind) for b in budgets] == [Literal("original"), Literal("revised")]
    assert all((b, RDF.type, SDO.MonetaryAmount) in g for b in budgets)
    assert g.value(budgets[0], SDO.value) == Literal("15000000.00", datatype=XSD.decimal)
    assert g.value(budgets[1], SDO.value) is None  # unknown: no value, not 0
    transactions = sorted(g.objects(FUND, SB.transaction))
    assert [str(g.value(t, SB.kind)) for t in transactions] == ["commitment", "payment"]


def test_rdf_share_rules_of_a_call(handmade: Model) -> None:
    g = to_rdf(handmade)
    rules = {str(g.value(r, SB.party)): r for r in g.objects(CALL, SB.shareRule)}
    assert set(rules) == {"local", "flemish"}
    assert (rules["local"], RDF.type, SB.ShareRule) in g
    assert g.value(rules["local"], SB.minShare).toPython() == Decimal("0.5")
    assert str(g.value(rules["local"], SB.funderKind)) == "municipal_government"
    assert g.value(rules["flemish"], SDO.funder) is not None


def test_graphml_carries_budgets_and_transactions_as_json_text(handmade: Model) -> None:
    g = nx.parse_graphml(generate_graphml(handmade), force_multigraph=True)
    node = g.nodes["test:fund"]
    assert json.loads(node["budgets"])[0]["amount"] == "15000000.00"
    assert [t["kind"] for t in json.loads(node["transactions"])] == ["commitment", "payment"]
    assert node["share"] == 0.5
    assert json.loads(g.nodes["test:call"]["share_rules"])[0]["party"] == "local"


def test_popolo_has_no_money(handmade: Model) -> None:
    text = json.dumps(to_popolo(handmade))
    assert "test:fund" not in text and "budget" not in text and "share_rules" not in text
