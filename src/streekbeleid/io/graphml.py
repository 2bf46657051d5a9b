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

import io
import re
import shutil
import tempfile
from collections.abc import Iterator
from typing import IO, Any

import attrs
import networkx as nx

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


def _graph_data(model: Model) -> dict[str, Any]:
    data = {"format": FORMAT, "generator": f"streekbeleid {__version__}"}
    if model.date is not None:
        data["as_of"] = model.date.isoformat()
    if model.region is not None:
        data["region"] = model.region
    return data


def _nodes(model: Model) -> Iterator[tuple[str, dict[str, Any]]]:
    for node, data in model.graph.nodes(data=True):
        rec = data["record"]
        attributes = flatten(rec, skip={"items", "parts"})
        attributes["type"] = data["type"]
        attributes["label"] = record_name(rec, node, translated=False)
        if isinstance(rec, (Plan, PlanItem)) and rec.items:
            attributes["item_count"] = len(rec.items)
        if isinstance(rec, Region):
            attributes["part_count"] = len(rec.parts)
        yield node, _xml_safe(attributes)


def _edges(model: Model) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
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
        yield u, v, key, _xml_safe(attributes)


def to_graphml_graph(model: Model) -> nx.MultiDiGraph:
    """A plain networkx graph of a model or slice whose attributes GraphML can hold."""
    graph = nx.MultiDiGraph()
    graph.graph.update(_graph_data(model))
    for node, attributes in _nodes(model):
        graph.add_node(node, **attributes)
    for u, v, key, attributes in _edges(model):
        graph.add_edge(u, v, key=key, **attributes)
    return graph


#: GraphML's type of each Python type, as networkx writes them.
_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
#: Escapes in element text: XML's own, and line ends a parser would make plain line feeds.
_TEXT = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"} | {ord(c): f"&#{ord(c)};" for c in _LINE_ENDS_IN_VALUES}
#: In attribute values also the quote, and the white space a parser would normalise to spaces.
_ATTRIBUTE = _TEXT | {ord('"'): "&quot;", ord("\n"): "&#10;", ord("\t"): "&#9;"}
_HEAD = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


class _Keys:
    """GraphML's ``<key>`` s, numbered ``d0``, ``d1`` ... in the order they are first met (as networkx numbers them)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], str] = {}

    def data(self, scope: str, attributes: dict[str, Any], indent: str) -> str:
        lines = []
        for name, value in attributes.items():
            xml_type = _XML_TYPES.get(type(value))
            if xml_type is None:
                raise TypeError(f"GraphML cannot hold {name}={value!r} ({type(value).__name__})")
            key = (name, xml_type, scope)
            found = self.ids.get(key)
            if found is None:
                found = self.ids[key] = f"d{len(self.ids)}"
            text = ("true" if value else "false") if xml_type == "boolean" else str(value).translate(_TEXT)
            lines.append(f'{indent}<data key="{found}">{text}</data>\n')
        return "".join(lines)

    def declarations(self) -> str:
        return "".join(
            f'  <key id="{kid}" for="{scope}" attr.name="{name.translate(_ATTRIBUTE)}" attr.type="{xml_type}" />\n'
            for (name, xml_type, scope), kid in reversed(self.ids.items())
        )


def _write(model: Model, fh: IO[str]) -> None:
    """GraphML a node and an edge at a time: the nodes and edges go to a temporary file first (the keys,
    which GraphML declares before the graph, are known only once every element is written), then follow
    the keys into ``fh``.  Neither the document nor a second graph is held in memory."""
    keys = _Keys()
    graph_data = keys.data("graph", _graph_data(model), "    ")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as body:
        write = body.write
        for node, attributes in _nodes(model):
            data = keys.data("node", attributes, "      ")
            node_id = node.translate(_ATTRIBUTE)
            write(f'    <node id="{node_id}">\n{data}    </node>\n' if data else f'    <node id="{node_id}" />\n')
        for u, v, key, attributes in _edges(model):
            data = keys.data("edge", attributes, "      ")
            source, target, edge_id = u.translate(_ATTRIBUTE), v.translate(_ATTRIBUTE), key.translate(_ATTRIBUTE)
            ends = f'source="{source}" target="{target}" id="{edge_id}"'
            write(f"    <edge {ends}>\n{data}    </edge>\n" if data else f"    <edge {ends} />\n")
        fh.write(_HEAD + keys.declarations() + '  <graph edgedefault="directed">\n')
        body.seek(0)
        shutil.copyfileobj(body, fh)
    fh.write(f"{graph_data}  </graph>\n</graphml>\n")


def generate_graphml(model: Model) -> str:
    """The GraphML text of a model or slice; booleans are ``true``/``false`` (``xsd:boolean``)."""
    out = io.StringIO()
    _write(model, out)
    return out.getvalue()


def write_graphml(model: Model, path: PathOrFile) -> None:
    """Write a model or slice as GraphML (UTF-8) to a path (atomically) or an open text file, an element at a time."""
    with open_text(path) as fh:
        _write(model, fh)
