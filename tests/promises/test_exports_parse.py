"""Promise 7: exports always parse.

Control characters in names never make GraphML unreadable (they become U+FFFD); with orjson
installed, an integer beyond 64 bits falls back to the standard encoder instead of failing.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from streekbeleid import Actor, Body, Model, SeatGroup, Source
from streekbeleid.io import native
from streekbeleid.io.graphml import generate_graphml


def test_control_characters_in_names_never_make_graphml_unreadable() -> None:
    name = "Bad\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800 name\twith\nlines"
    model = Model.from_records(
        [Actor(id="x:a", name=name, kind="other", description="\x07", sources=[Source(document="d\x1b")])]
    )
    text = generate_graphml(model)
    ET.fromstring(text.encode("utf-8"))  # strict XML parser
    node = nx.parse_graphml(text, force_multigraph=True).nodes["x:a"]
    assert node["label"] == "Bad" + "\ufffd" * 9 + " name\twith\nlines"
    assert node["description"] == "\ufffd"


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=30))
@example("\r\n")  # found by hypothesis: a parser turns a raw CR LF into one line feed
@example("a\u2028b\x85")
def test_any_name_gives_graphml_that_parses(name: str) -> None:
    model = Model.from_records([Actor(id="x:a", name=name, kind="other")])
    g = nx.parse_graphml(generate_graphml(model), force_multigraph=True)
    assert len(g.nodes["x:a"]["label"]) == len(name)


@pytest.mark.parametrize("seats", [2**63, 2**64, -(2**63) - 1, 10**40])
@pytest.mark.parametrize("indent", [None, 2])
def test_integers_beyond_64_bits_fall_back_to_the_standard_encoder(seats: int, indent: int | None) -> None:
    assert native._orjson is not None  # orjson, the accelerator, is among the test dependencies
    body = Body(id="x:b", name="B", kind="council", seat_groups=[SeatGroup(name="all", min_seats=abs(seats))])
    model = Model.from_records([body])
    text = native.generate_json(model, indent=indent)
    assert json.loads(text)["bodies"][0]["seat_groups"][0]["min_seats"] == abs(seats)
    assert native.parse_json(text).get("x:b") == body
