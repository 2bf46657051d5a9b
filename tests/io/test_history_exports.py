"""Organisation history in native JSON, CSV and GraphML: change events and names per period survive each format."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable

import networkx as nx

from streekbeleid import Actor, Model, OrganisationChange, OtherName, PartialDate, Period, Source
from streekbeleid.io import csv, graphml, native

SRC = [Source(document="history.txt", locator="hand-made")]


def history(build: Callable[..., Model]) -> Model:
    return build(
        Actor(
            id="x:new",
            name="New vzw",
            kind="nonprofit",
            other_names=[
                OtherName(name="Interim vzw", note="first name", valid=Period.parse("2010/2011"), sources=SRC)
            ],
            sources=SRC,
        ),
        Actor(id="x:a", name="A", kind="nonprofit", valid=Period.parse("../2009-12-31"), sources=SRC),
        OrganisationChange(
            id="x:merger",
            kind="merger",
            original=["x:a"],
            resulting=["x:new"],
            date=PartialDate.parse("2010-01-01"),
            sources=SRC,
        ),
        catalogue=False,
    )


def test_native_json_round_trips_the_history(build: Callable[..., Model]) -> None:
    model = history(build)
    data = native.to_data(model)
    assert data["organisation_changes"][0]["original"] == ["x:a"]
    back = native.parse_json(native.generate_json(model))
    assert back.get("x:merger") == model.get("x:merger")
    assert back.get("x:new").other_names == model.get("x:new").other_names


def test_csv_has_a_table_of_change_events_and_one_of_names(build: Callable[..., Model]) -> None:
    tables = csv.to_tables(history(build))
    header, rows = tables["organisation_changes"]
    row = dict(zip(header, rows[0], strict=True))
    assert (row["kind"], row["original_name"], row["resulting_name"], row["date"]) == (
        "merger",
        "A",
        "New vzw",
        "2010-01-01",
    )
    header, rows = tables["other_names"]
    row = dict(zip(header, rows[0], strict=True))
    assert (row["organisation"], row["name"], row["valid_start"], row["valid_end"]) == (
        "x:new",
        "Interim vzw",
        "2010",
        "2011",
    )
    assert "other_names" not in tables["actors"][0]


def test_graphml_draws_the_change_between_the_organisations(build: Callable[..., Model]) -> None:
    text = graphml.generate_graphml(history(build))
    ET.fromstring(text)
    graph = nx.read_graphml(io.StringIO(text))
    assert graph.nodes["x:merger"]["kind"] == "merger" and graph.nodes["x:merger"]["date"] == "2010-01-01"
    kinds = {(u, v, d["kind"]) for u, v, d in graph.edges(data=True)}
    assert {("x:merger", "x:a", "changes"), ("x:merger", "x:new", "results_in")} <= kinds
    assert "Interim vzw" in graph.nodes["x:new"]["other_names"]
