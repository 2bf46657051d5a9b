"""GraphML for Gephi, yEd and networkx: the model's graph with attributes flattened to GraphML types.

Nodes keep their id; edges keep their key (a membership's id, ``source|kind|target``
for the edges that come from a reference field).  Attributes are what GraphML
allows: text, integers, doubles and booleans.

- every node has ``type`` (``body``, ``actor`` ...) and ``label`` (its name);
- every edge has ``kind`` (``member_of``, ``part_of``, ``succeeds`` ...);
- scalar fields keep their name; ids in a tuple are joined with ``"; "``;
- a period is ``valid`` in the model's notation (``2014/..2019``), and its bounds
  ``valid_start``/``valid_end`` (left out when open);
- vote counts become ``votes_yes``/``votes_no``/``votes_abstain``; an amount a double;
- characters XML cannot hold (control characters) become U+FFFD, so the file always parses;
- sources become ``sources`` (``document (locator); ...``); nested structures
  (seat groups, cadence rules, indicators) their native JSON text;
- a merger (a ``succeeds`` edge from a territory's successor) has ``date``, the day it took effect;
- booleans are ``true``/``false`` (``xsd:boolean``);
- an edge that stands for a record of its own (membership, lineage, relation,
  region part) carries that record's fields; other edges only its ``valid``.

>>> import networkx as nx, streekbeleid
>>> from streekbeleid.io.graphml import generate_graphml
>>> text = generate_graphml(streekbeleid.load(plugins=[]).as_of("2016-06-30"))
>>> g = nx.parse_graphml(text, force_multigraph=True)
>>> g.nodes["nis:71022"]["label"], g.nodes["nis:71022"]["type"]
('Hasselt', 'territory')
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from .._version import __version__
from ..model.model import Model
from ..model.phrasing import record_name
from ..model.records import Lineage, Membership, Plan, PlanItem, Region, RegionPart, Relation, Territory
from ..serialization import FORMAT
from ._common import PathOrFile, flatten, merger_date, open_text

__all__ = ["generate_graphml", "to_graphml_graph", "write_graphml"]

_EDGE_OWN = (Membership, Lineage, Relation, RegionPart)
_ENDPOINTS = {"organization", "member", "subject", "object", "territory"}


#: What XML 1.0 cannot hold (control characters but tab and newlines, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


#: Characters a parser would turn into a plain line feed (or that end a line for Python), if written raw.
_LINE_ENDS_IN_VALUES = ("\r", "\x85", "\u2028", "\u2029")


def _xml_safe(attributes: dict[str, Any]) -> dict[str, Any]:
    """Text XML cannot hold becomes U+FFFD (the replacement character), so the file always parses."""
    for name, value in attributes.items():
        if isinstance(value, str) and _NOT_XML.search(value):
            attributes[name] = _NOT_XML.sub("\ufffd", value)
    return attributes


def to_graphml_graph(model: Model) -> nx.MultiDiGraph:
    """A plain networkx graph of a model or slice whose attributes GraphML can hold."""
    graph = nx.MultiDiGraph()
    graph.graph["format"] = FORMAT
    graph.graph["generator"] = f"streekbeleid {__version__}"
    if model.date is not None:
        graph.graph["as_of"] = model.date.isoformat()
    if model.region is not None:
        graph.graph["region"] = model.region
    for node, data in model.graph.nodes(data=True):
        rec = data["record"]
        attributes = flatten(rec, skip={"items", "parts"})
        attributes["type"] = data["type"]
        attributes["label"] = record_name(rec, node)
        if isinstance(rec, (Plan, PlanItem)) and rec.items:
            attributes["item_count"] = len(rec.items)
        if isinstance(rec, Region):
            attributes["part_count"] = len(rec.parts)
        graph.add_node(node, **_xml_safe(attributes))
    predecessors: dict[str, list[Territory]] = {}
    for _node, data in model.graph.nodes(data=True):
        rec = data["record"]
        if isinstance(rec, Territory) and rec.successor and rec.successor != rec.id:
            predecessors.setdefault(rec.successor, []).append(rec)
    for u, v, key, data in model.graph.edges(keys=True, data=True):
        rec = data["record"]
        if isinstance(rec, _EDGE_OWN):
            attributes = flatten(rec, skip=_ENDPOINTS)
            if isinstance(rec, (Lineage, Relation)):
                attributes.pop("kind", None)
            if getattr(rec, "id", None) == key:
                attributes["record"] = key
        else:
            attributes = flatten(rec, skip={f.name for f in attrs.fields(type(rec))} - {"valid"})
        attributes["kind"] = data["kind"]
        if isinstance(rec, Territory) and rec.successor and data["kind"] == "succeeds":
            successor = model.graph.nodes[rec.successor]["record"] if rec.successor in model.graph else None
            merged = merger_date(successor, predecessors.get(rec.successor, [])) if successor is not None else None
            if merged is not None:
                attributes["date"] = str(merged)
        graph.add_edge(u, v, key=key, **_xml_safe(attributes))
    return graph


class _Writer(GraphMLWriter):  # type: ignore[misc]
    """networkx's GraphML writer, with booleans in XML Schema's lexical form (``true``, not ``True``)."""

    def add_data(self, name: str, element_type: type, value: Any, scope: str = "all", default: Any = None) -> Any:
        element = super().add_data(name, element_type, value, scope, default)
        if element_type is bool:  # networkx passes the value as text: "True" or "False"
            element.text = "true" if str(value) == "True" else "false"
        return element


def generate_graphml(model: Model) -> str:
    """The GraphML text of a model or slice; booleans are ``true``/``false`` (``xsd:boolean``)."""
    writer = _Writer(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(to_graphml_graph(model))
    text = str(writer)
    # Line ends inside values must survive a parser's line-end normalisation: written as character references.
    for char in _LINE_ENDS_IN_VALUES:
        text = text.replace(char, f"&#{ord(char)};")
    return text.rstrip("\n") + "\n"


def write_graphml(model: Model, path: PathOrFile) -> None:
    """Write a model or slice as GraphML (UTF-8) to a path (atomically) or an open text file."""
    text = generate_graphml(model)
    with open_text(path) as fh:
        fh.write(text)
