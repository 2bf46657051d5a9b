"""What belongs to a region: the one answer behind :meth:`Model.in_region`, the report's region pages and the
queries across regions.

A record belongs to a region when it stands in one of these relations to something that belongs (the region
itself to begin with):

- a subregion is ``part_of`` it;
- a body, plan or project ``covers`` it;
- it depends on it: a plan item or project ``part_of`` a plan, a plan ``owned_by`` a body, a decision, tally or
  funding that ``concerns`` it, a meeting of a body, a post in a body, a decision taken by a body, a funding
  received by a body, a project promoted by a body, a tally ``among`` the region's municipalities;
- it is a body without a region of its own that sits in (``member_of``) or relates to (a relation) a body of the
  region: a working group of a RESOC.

That is a reachability question: the records that belong are those from which the region can be reached in the
view of the graph that keeps only these edges (:func:`networkx.subgraph_view`, searched backwards from the region
with :func:`networkx.edge_bfs`).

>>> from streekbeleid import Actor, Body, Membership, Model, Plan, Region
>>> model = Model.from_records([
...     Region(id="x:r", name="R"), Region(id="x:sub", name="Sub", part_of="x:r"),
...     Body(id="x:resoc", name="RESOC", kind="resoc", region="x:sub"),
...     Body(id="x:wg", name="Working group", kind="other"),
...     Membership(id="x:m1", organization="x:resoc", member="x:wg"),
...     Actor(id="x:voka", name="VOKA", kind="employers_organisation"),
...     Membership(id="x:m2", organization="x:resoc", member="x:voka"),
...     Plan(id="x:pact", name="Pact", kind="streekpact", owner="x:wg")])
>>> sorted(region_nodes(model.graph, "x:r"))
['x:pact', 'x:r', 'x:resoc', 'x:sub', 'x:wg']
>>> sorted(region_nodes(model.graph, "x:r", neighbours=True))
['x:pact', 'x:r', 'x:resoc', 'x:sub', 'x:voka', 'x:wg']
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from .records import Relation

__all__ = ["region_nodes"]

# Kinds of record that belong wherever the record they point to belongs, and the edges they point with.
_DEPENDENT_TYPES = frozenset({"plan", "plan_item", "project", "decision", "tally", "funding", "meeting", "post"})
_DEPENDENT_EDGES = frozenset(
    {"covers", "part_of", "owned_by", "concerns", "meeting_of", "decided_by", "post_in", "received_by"}
    | {"promoted_by", "among"}
)
# Actors, persons, territories and themes never belong: the view leaves them out before testing an edge.
_CAN_BELONG = _DEPENDENT_TYPES | {"region", "body"}


def _filters(graph: nx.MultiDiGraph) -> tuple[Callable[[str], bool], Callable[[str, str, str], bool]]:
    """The node and edge filters of the view: whether a record can belong at all, and whether edge ``u -> v``
    makes ``u`` belong wherever ``v`` belongs."""
    # networkx's own dicts, not its views: the filters run once for every edge into a record that belongs
    nodes, adj = graph._node, graph._adj

    def can_belong(n: str) -> bool:
        return nodes[n]["type"] in _CAN_BELONG

    def keep(u: str, v: str, key: str) -> bool:
        source: str = nodes[u]["type"]
        if source in _DEPENDENT_TYPES:
            return adj[u][v][key]["kind"] in _DEPENDENT_EDGES
        if source == "body":
            data = adj[u][v][key]
            if data["kind"] == "covers":
                return True
            if nodes[v]["type"] != "body" or nodes[u]["record"].region is not None:
                return False
            return data["kind"] == "member_of" or isinstance(data["record"], Relation)
        return source == "region" and nodes[v]["type"] == "region" and adj[u][v][key]["kind"] == "part_of"

    return can_belong, keep


def _territories(graph: nx.MultiDiGraph, regions: set[str]) -> set[str]:
    """The territories the regions include, and every territory ``part_of`` those, down to municipalities."""
    nodes, adj = graph._node, graph._adj
    included = {t for r in regions for _r, t, kind in graph.out_edges(r, data="kind") if kind == "includes"}
    within = nx.subgraph_view(
        graph, filter_edge=lambda u, v, k: nodes[u]["type"] == "territory" and adj[u][v][k]["kind"] == "part_of"
    )
    return included.union(*(nx.ancestors(within, t) for t in included))


def region_nodes(
    graph: nx.MultiDiGraph,
    region_id: str,
    *,
    neighbours: bool = False,
    within: nx.MultiDiGraph | None = None,
) -> set[str]:
    """The ids of the records that belong to a region (see the module), the region and its subregions included.

    With ``neighbours``, also the territories of the region and its subregions (down to municipalities) and the
    direct neighbours of every record that belongs (members, leads, partners, funders, themes, related bodies
    of other regions): the part of the model :meth:`Model.in_region` keeps.

    ``within`` is a slice of ``graph`` (the graph of :meth:`Model.as_of`): then only records in it belong, through
    relations that hold in it (the report's page of a region on a day); the region itself need not hold there.
    Without it, belonging is decided on the whole graph, whatever the dates (:meth:`Model.in_region`, which a
    time slice then cuts).  An id that is not in ``graph`` has nothing.
    """
    if region_id not in graph:
        return set()
    within = graph if within is None else within
    can_belong, keep = _filters(graph)
    # what points straight at the region (which need not be in ``within``), then all that reaches one of those
    found = {u for u, _r, k in graph.in_edges(region_id, keys=True) if u in within and keep(u, region_id, k)}
    view = nx.subgraph_view(within, filter_node=can_belong, filter_edge=keep)
    found.update(u for u, *_rest in nx.edge_bfs(view, found, orientation="reverse"))
    found.add(region_id)
    if not neighbours:
        return found
    types = graph.nodes(data="type")
    result = found | _territories(within, {n for n in found if types[n] == "region"})
    for n in found:
        if n in within:
            result.update(nx.all_neighbors(within, n))
    return result
