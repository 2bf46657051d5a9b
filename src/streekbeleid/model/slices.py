"""Which records belong to a region: the node set behind :meth:`Model.in_region`."""

from __future__ import annotations

import networkx as nx

__all__ = ["region_anchors", "region_node_set"]

# Kinds of record that belong wherever the record they point to belongs.
_DEPENDENT_TYPES = frozenset({"plan", "plan_item", "project", "decision", "tally", "funding", "meeting", "post"})
_DEPENDENT_EDGES = frozenset(
    {"part_of", "owned_by", "concerns", "meeting_of", "decided_by", "post_in", "received_by", "promoted_by"}
)


def region_node_set(graph: nx.MultiDiGraph, region_id: str) -> set[str]:
    """The ids of the records about a region.

    The region, its subregions and their territories (down to municipalities);
    bodies, plans and projects that cover them; what depends on those (plan
    items, decisions, meetings, fundings, tallies); and the direct neighbours
    of all of these except territories (members, leads, themes, relations).
    """
    regions, territories, anchored = region_anchors(graph, region_id)
    result = regions | territories | anchored
    for n in anchored | regions:
        result.update(graph.predecessors(n))
        result.update(graph.successors(n))
    return result


def region_anchors(graph: nx.MultiDiGraph, region_id: str) -> tuple[set[str], set[str], set[str]]:
    """The region with its subregions, their territories, and the records anchored in them.

    Anchored records are the bodies, plans and projects that cover one of the
    regions and what depends on those; unlike :func:`region_node_set`, no
    neighbours (a plan of another region that one of these succeeds is not anchored here).
    """
    regions = {region_id}
    frontier = [region_id]
    while frontier:
        r = frontier.pop()
        for child, _r, kind in graph.in_edges(r, data="kind"):
            if kind == "part_of" and graph.nodes[child]["type"] == "region" and child not in regions:
                regions.add(child)
                frontier.append(child)
    territories: set[str] = set()
    for r in regions:
        for _r, t, kind in graph.out_edges(r, data="kind"):
            if kind == "includes":
                territories.add(t)
    frontier = list(territories)
    while frontier:
        t = frontier.pop()
        for child, _t, kind in graph.in_edges(t, data="kind"):
            if kind == "part_of" and graph.nodes[child]["type"] == "territory" and child not in territories:
                territories.add(child)
                frontier.append(child)
    anchored: set[str] = set()
    for r in regions:
        for src, _r, kind in graph.in_edges(r, data="kind"):
            if kind == "covers":
                anchored.add(src)
    frontier = list(anchored)
    while frontier:
        n = frontier.pop()
        for src, _n, kind in graph.in_edges(n, data="kind"):
            if kind in _DEPENDENT_EDGES and graph.nodes[src]["type"] in _DEPENDENT_TYPES and src not in anchored:
                anchored.add(src)
                frontier.append(src)
    return regions, territories, anchored
