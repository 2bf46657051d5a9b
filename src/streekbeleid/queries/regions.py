"""Across regions: actors active in several regions, the theme x region matrix, and the actors that bridge regions.

A record belongs to a region when it is anchored there: a body, plan or
project that covers the region (or one of its subregions), and what depends on
those (plan items, decisions, meetings, fundings), as
:func:`~streekbeleid.model.slices.region_nodes` decides for the report and
:meth:`~streekbeleid.Model.in_region` too.  An actor is active in a
region when it sits in, leads, partners in, promotes, funds or decides in one
of the region's anchored records.

>>> from streekbeleid import Actor, Body, Membership, Model, Region
>>> from streekbeleid.queries import actors_across_regions
>>> model = Model.from_records([
...     Region(id="x:north", name="North"), Region(id="x:south", name="South"),
...     Body(id="x:n-resoc", name="RESOC North", kind="resoc", region="x:north"),
...     Body(id="x:s-forum", name="Forum South", kind="forum", region="x:south"),
...     Actor(id="org:voka", name="VOKA", kind="employers_organisation"),
...     Actor(id="x:city", name="City", kind="municipal_government"),
...     Membership(id="x:m1", organization="x:n-resoc", member="org:voka"),
...     Membership(id="x:m2", organization="x:s-forum", member="org:voka"),
...     Membership(id="x:m3", organization="x:n-resoc", member="x:city")])
>>> [(p.actor, p.regions) for p in actors_across_regions(model)]
[('org:voka', ('x:north', 'x:south'))]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
import networkx as nx

from .._gc import gc_paused
from ..model.model import Model
from ..model.records import RELATION_KINDS, Membership, Theme, namespace_of
from ..model.slices import region_nodes
from ._util import find

__all__ = [
    "Activity",
    "activities",
    "active_regions",
    "Presence",
    "actors_across_regions",
    "ThemeMatrix",
    "theme_matrix",
    "actor_projection",
    "Bridge",
    "bridging_actors",
]

_ACTOR_TYPES = frozenset({"actor", "person"})
# Records an actor takes part in, and so the places where actors meet.
_VENUE_TYPES = frozenset({"body", "plan", "plan_item", "project", "funding", "decision", "tally", "meeting"})
# Edge kinds that say an actor does something in a venue (not what it is: part_of, represents).
_ACTIVITY_KINDS = frozenset(
    {"member_of", "led_by", "partner", "promoted_by", "funded_by", "received_by", "decided_by", "owned_by"}
    | (set(RELATION_KINDS) - {"part_of"})
)
# Venues where the actors meet each other (a decision or meeting has one actor at most).
_MEETING_PLACES = frozenset({"body", "plan_item", "project", "funding"})


@attrs.frozen(kw_only=True)
class Activity:
    """An actor doing something in a venue: ``org:voka`` ``member_of`` ``limburg:resoc``.

    ``kind`` is the edge kind seen from the actor (``member_of``, ``led_by`` for
    the lead of an action, ``on_behalf_of`` for a seat held by someone for it).
    """

    actor: str
    venue: str
    kind: str
    record: Any


def activities(model: Model) -> Iterator[Activity]:
    """Every activity of an actor or person in a body, plan item, project, funding or decision."""
    graph = model.graph
    types = graph.nodes(data="type")
    for u, v, data in graph.edges(data=True):
        kind, record = data["kind"], data["record"]
        if kind not in _ACTIVITY_KINDS:
            continue
        if types[u] in _ACTOR_TYPES and types[v] in _VENUE_TYPES:
            yield Activity(actor=u, venue=v, kind=kind, record=record)
        elif types[v] in _ACTOR_TYPES and types[u] in _VENUE_TYPES:
            yield Activity(actor=v, venue=u, kind=kind, record=record)
        proxy = record.on_behalf_of if isinstance(record, Membership) else None
        if proxy and proxy in graph and types[proxy] in _ACTOR_TYPES and types[v] in _VENUE_TYPES:
            yield Activity(actor=proxy, venue=v, kind="on_behalf_of", record=record)


def active_regions(model: Model, regions: Sequence[str] | None = None) -> dict[str, tuple[str, ...]]:
    """For every venue (body, plan, plan item ...), the regions it is anchored in.

    ``regions`` defaults to the top-level regions (no ``part_of``) that have
    bodies, plans or projects: the regions that have a life, not the reference
    regions of the catalogue.  A subregion's records count for its region.
    """
    chosen = list(regions) if regions is not None else [r.id for r in model.regions() if r.part_of is None]
    venues: dict[str, list[str]] = defaultdict(list)
    graph = model.whole().graph
    types = graph.nodes(data="type")
    for region_id in chosen:
        for node in region_nodes(graph, region_id, within=model.graph):
            if types[node] != "region":
                venues[node].append(region_id)
    return {n: tuple(sorted(rs)) for n, rs in venues.items()}


@attrs.frozen(kw_only=True)
class Presence:
    """The regions an actor is active in, and the activities that show it, per region."""

    actor: str
    regions: tuple[str, ...]
    activities: tuple[tuple[str, Activity], ...]

    @property
    def basis(self) -> tuple[Any, ...]:
        seen: dict[int, Any] = {}
        for _region, activity in self.activities:
            seen.setdefault(id(activity.record), activity.record)
        return tuple(seen.values())


def _presences(model: Model, regions: Sequence[str] | None) -> dict[str, Presence]:
    venue_regions = active_regions(model, regions)
    found: dict[str, list[tuple[str, Activity]]] = defaultdict(list)
    for activity in activities(model):
        for region in venue_regions.get(activity.venue, ()):
            found[activity.actor].append((region, activity))
    return {
        actor: Presence(
            actor=actor,
            regions=tuple(sorted({r for r, _a in acts})),
            activities=tuple(sorted(acts, key=lambda ra: (ra[0], ra[1].venue, ra[1].kind))),
        )
        for actor, acts in found.items()
    }


def actors_across_regions(
    model: Model, *, regions: Sequence[str] | None = None, min_regions: int = 2
) -> list[Presence]:
    """Actors active in at least ``min_regions`` regions (the social partners, an ERSV serving two regions).

    Sorted by the number of regions (most first), then id.  ``regions`` defaults
    to the top-level regions that have bodies, plans or projects.  See the module example.
    """
    found = [p for p in _presences(model, regions).values() if len(p.regions) >= min_regions]
    return sorted(found, key=lambda p: (-len(p.regions), p.actor))


@attrs.frozen(kw_only=True)
class ThemeMatrix:
    """Which regions work on which themes: ``cells[(theme, region)]`` holds the ids of the plans,
    plan items and projects of the region about the theme (or, rolled up, a narrower one)."""

    themes: tuple[str, ...]
    regions: tuple[str, ...]
    cells: dict[tuple[str, str], tuple[str, ...]]
    basis: tuple[Any, ...] = attrs.field(default=(), repr=False)

    def count(self, theme: str, region: str) -> int:
        """How many plans, items and projects of the region are about the theme."""
        return len(self.cells.get((theme, region), ()))

    def regions_for(self, theme: str) -> tuple[str, ...]:
        """The regions that work on a theme."""
        return tuple(r for r in self.regions if self.count(theme, r))

    def themes_for(self, region: str) -> tuple[str, ...]:
        """The themes a region works on."""
        return tuple(t for t in self.themes if self.count(t, region))

    def rows(self) -> list[tuple[str, list[int]]]:
        """One row per theme: the theme and its count per region, in the order of :attr:`regions`."""
        return [(t, [self.count(t, r) for r in self.regions]) for t in self.themes]


def _roll_up(model: Model, theme_id: str) -> set[str]:
    """A theme and every broader theme; for a region's own theme, the core (``theme:``) themes above it."""
    chain: list[str] = []
    current: str | None = theme_id
    while current is not None and current not in chain:
        chain.append(current)
        record = find(model, current)
        current = record.broader if isinstance(record, Theme) else None
    core = {t for t in chain if namespace_of(t) == "theme"}
    return core or {theme_id}


def theme_matrix(
    model: Model,
    *,
    regions: Sequence[str] | None = None,
    roll_up: bool = True,
    themes: Iterable[str] | None = None,
) -> ThemeMatrix:
    """The theme x region matrix: which regions work on mobility, the labour market, care ...

    Counts the plans, plan items and projects anchored in each region by the
    themes they are about.  With ``roll_up`` (the default) a region's own theme
    counts for the core themes above it through ``broader``
    (``limburg:stem`` -> ``theme:education``), and a narrower core theme for
    the broader ones (``theme:labour-market`` -> ``theme:work``), so regions
    compare on the shared taxonomy.  ``themes`` limits the rows.

    >>> from streekbeleid import Model, Plan, PlanItem, Region, Theme
    >>> from streekbeleid.queries import theme_matrix
    >>> model = Model.from_records([
    ...     Theme(id="theme:work", name="Work"), Theme(id="theme:labour-market", name="Labour market",
    ...     broader="theme:work"), Theme(id="x:jobs", name="Jobs for youth", broader="theme:labour-market"),
    ...     Region(id="x:r", name="R"),
    ...     Plan(id="x:pact", name="Pact", kind="streekpact", region="x:r", items=[
    ...         PlanItem(id="x:p1", kind="priority", name="Jobs", themes=["x:jobs"])])])
    >>> m = theme_matrix(model)
    >>> m.rows()
    [('theme:labour-market', [1]), ('theme:work', [1])]
    >>> m.regions_for("theme:work")
    ('x:r',)
    """
    venue_regions = active_regions(model, regions)
    chosen = tuple(regions) if regions is not None else tuple(sorted({r for rs in venue_regions.values() for r in rs}))
    graph = model.graph
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    used: set[str] = set()
    for node, regs in venue_regions.items():
        if graph.nodes[node]["type"] not in ("plan", "plan_item", "project"):
            continue
        for _n, theme, kind in graph.out_edges(node, data="kind"):
            if kind != "about":
                continue
            for row in _roll_up(model, theme) if roll_up else {theme}:
                for region in regs:
                    cells[(row, region)].add(node)
            used.add(node)
    rows = set(themes) if themes is not None else {t for t, _r in cells}
    basis = tuple(graph.nodes[n]["record"] for n in sorted(used))
    return ThemeMatrix(
        themes=tuple(sorted(rows)),
        regions=chosen,
        cells={k: tuple(sorted(v)) for k, v in sorted(cells.items()) if k[0] in rows},
        basis=basis,
    )


def actor_projection(
    model: Model, *, regions: Sequence[str] | None = None, presences: dict[str, Presence] | None = None
) -> nx.Graph:
    """Actors linked when they meet in a body, plan item, project or funding; ``weight`` counts the places.

    Built with :func:`networkx.bipartite.weighted_projected_graph` from the
    actor-venue graph; each node has ``regions``, the regions the actor is active in (``presences``: those
    already worked out for the same regions).
    """
    bipartite = nx.Graph()
    actors: set[str] = set()
    types = model.graph.nodes(data="type")
    for activity in activities(model):
        if types[activity.venue] in _MEETING_PLACES:
            bipartite.add_edge(("actor", activity.actor), ("venue", activity.venue))
            actors.add(activity.actor)
    projected = nx.bipartite.weighted_projected_graph(bipartite, [("actor", a) for a in actors])
    graph = nx.relabel_nodes(projected, {node: node[1] for node in projected})
    if presences is None:
        presences = _presences(model, regions)
    for actor in graph:
        presence = presences.get(actor)
        graph.nodes[actor]["regions"] = presence.regions if presence else ()
    return graph


@attrs.frozen(kw_only=True)
class Bridge:
    """An actor that links regions: its betweenness in the actor projection and the regions it is active in."""

    actor: str
    betweenness: float
    regions: tuple[str, ...]
    presence: Presence | None = attrs.field(default=None, repr=False)

    @property
    def brokerage(self) -> int:
        """The simpler measure: the number of regions the actor is active in."""
        return len(self.regions)

    @property
    def basis(self) -> tuple[Any, ...]:
        return self.presence.basis if self.presence else ()


#: Up to this many actors in the projection, betweenness is exact; beyond, it is estimated from this many sources.
EXACT_BETWEENNESS = 100


def bridging_actors(
    model: Model, *, regions: Sequence[str] | None = None, top: int | None = None, sources: int | None = None
) -> list[Bridge]:
    """The actors that bridge regions, most central first.

    Betweenness centrality (:func:`networkx.betweenness_centrality`, normalised)
    on the actor projection (:func:`actor_projection`): an actor scores high
    when many shortest paths between other actors pass through it, as a social
    partner that sits in the bodies of several regions does.  Only actors active in
    two or more regions bridge regions and are listed (an actor central within one
    region, as a province is in its own, is not a bridge); ties are broken by the
    number of regions, then the id.

    Exact betweenness costs a shortest-path search from every actor (quadratic and worse in
    the projection's size).  Up to :data:`EXACT_BETWEENNESS` actors (all of today's data) it is
    exact; in a larger projection it is estimated from that many source actors drawn with a
    fixed seed (networkx's ``k`` sampling, Brandes and Pich 2007), so the cost grows linearly with
    the projection and the same model always gives the same answer.  The estimate is unbiased:
    the actors and their regions are the same, the scores are estimates, and the order of actors
    whose scores are close may differ from the exact order.  ``sources`` sets the number (None:
    exact up to the bound, sampled beyond it).

    >>> from streekbeleid import Actor, Body, Membership, Model, Region
    >>> from streekbeleid.queries import bridging_actors
    >>> records = [Region(id="x:n", name="N"), Region(id="x:s", name="S"),
    ...     Body(id="x:nb", name="NB", kind="resoc", region="x:n"),
    ...     Body(id="x:sb", name="SB", kind="forum", region="x:s")]
    >>> records += [Actor(id=f"x:{a}", name=a, kind="other") for a in ("hub", "n1", "s1")]
    >>> records += [Membership(id=f"x:m{i}", organization=b, member=a) for i, (a, b) in enumerate(
    ...     [("x:hub", "x:nb"), ("x:hub", "x:sb"), ("x:n1", "x:nb"), ("x:s1", "x:sb")])]
    >>> [(b.actor, b.betweenness, b.regions) for b in bridging_actors(Model.from_records(records))]
    [('x:hub', 1.0, ('x:n', 'x:s'))]
    """
    with gc_paused():  # the projection and the searches make many containers and no cycles
        presences = _presences(model, regions)
        projection = actor_projection(model, regions=regions, presences=presences)
        k = sources if sources is not None else EXACT_BETWEENNESS
        sample = k if k < projection.number_of_nodes() else None
        centrality = nx.betweenness_centrality(projection, k=sample, normalized=True, seed=0 if sample else None)
    bridges = []
    for actor in sorted(set(centrality) | set(presences)):
        presence = presences.get(actor)
        regs = presence.regions if presence else ()
        score = float(centrality.get(actor, 0.0))
        if len(regs) >= 2:
            bridges.append(Bridge(actor=actor, betweenness=score, regions=regs, presence=presence))
    bridges.sort(key=lambda b: (-b.betweenness, -len(b.regions), b.actor))
    return bridges[:top] if top is not None else bridges
