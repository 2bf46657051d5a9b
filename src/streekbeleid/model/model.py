"""The assembled model: records in a networkx ``MultiDiGraph``, with time and region slices.

Nodes are keyed by record id; node data ``record`` holds the record and
``type`` its kind (``"body"``).  Edges carry ``kind`` (``member_of``,
``part_of``, ``succeeds`` ...) and ``record``, the record behind the edge.

A slice (:meth:`Model.as_of`, :meth:`Model.in_region`) is a read-only view on
the same graph: it answers the same API.  Its filters are computed once per
slice from an index of records by period, so a slice does not re-test dates on
every access, and slices of slices are built from the base graph, never chained.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, NamedTuple, TypeVar, cast, overload

import attrs
import networkx as nx

from .._gc import gc_paused
from ..errors import RecordKindError, UnknownIdError
from ..i18n import N_, _
from .dates import Period, Truth, parse_day
from .records import (
    Actor,
    Body,
    Check,
    Decision,
    Funding,
    Meeting,
    Membership,
    Person,
    Plan,
    PlanItem,
    Post,
    Project,
    Reference,
    Region,
    Tally,
    Territory,
    Theme,
    contained_of,
    edge_record_of,
    reference_plan,
)

__all__ = ["Model", "Member", "PluginInfo", "record_type"]

R = TypeVar("R")


class Member(NamedTuple):
    """A membership as seen on a date: who, in which seat group, for whom, with what voting right.

    ``status`` is ``Truth.YES``, or ``Truth.UNCERTAIN`` when the dates only allow that it held.
    ``voting`` is the membership's own voting right, else its seat group's, else None (unknown).
    :meth:`Model.members` gives them, and so does :func:`streekbeleid.queries.composition`.
    """

    membership: Membership
    status: Truth
    voting: bool | None = None

    @property
    def member(self) -> str:
        return self.membership.member

    @property
    def seat_group(self) -> str | None:
        return self.membership.seat_group

    @property
    def seats(self) -> int:
        return self.membership.seats

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def on_behalf_of(self) -> str | None:
        return self.membership.on_behalf_of

    @property
    def valid(self) -> Period:
        return self.membership.valid

    @property
    def uncertain(self) -> bool:
        return self.status is Truth.UNCERTAIN

    @property
    def basis(self) -> tuple[Any, ...]:
        """The records the answer rests on (for :func:`streekbeleid.queries.sources_of`)."""
        return (self.membership,)


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What the model knows of a plugin: name, distribution, version, hooks and status."""

    name: str
    distribution: str | None = None
    version: str | None = None
    hooks: tuple[str, ...] = ()
    status: str = "ok"
    error: str | None = None


_TYPE_NAMES = {
    Territory: "territory",
    Region: "region",
    Actor: "actor",
    Person: "person",
    Post: "post",
    Body: "body",
    Theme: "theme",
    Plan: "plan",
    PlanItem: "plan_item",
    Project: "project",
    Decision: "decision",
    Tally: "tally",
    Funding: "funding",
    Meeting: "meeting",
}


def record_type(record: object) -> str:
    """The kind of a record as used in the graph (``"body"``, ``"plan_item"`` ...)."""
    return _TYPE_NAMES.get(type(record), type(record).__name__.lower())


def _voting(membership: Membership, group_voting: dict[str, bool | None]) -> bool | None:
    """A membership's own voting right, else its seat group's, else None (unknown)."""
    if membership.voting is not None:
        return membership.voting
    return group_voting.get(membership.seat_group) if membership.seat_group is not None else None


_Edge = tuple[str, str, str, str, Any]  # source, target, key, kind, record


def _edges_of(record: Any, parent: tuple[str, str] | None = None) -> Iterator[_Edge]:
    """The edges a record stands behind, as its fields declare them (see :class:`~.records.Reference`).

    A record that is an edge itself (a membership) gives that edge; any other gives one
    edge per id in a reference field with an edge kind, and those of the nested records
    it holds (a region's parts), in field order.  ``parent`` is (id, edge kind) of the
    record that holds this one (a plan item's plan or item): that edge comes first.
    """
    edge = edge_record_of(type(record))
    if edge is not None:
        kind = edge.kind or record.kind
        yield (getattr(record, edge.source), getattr(record, edge.target), record.id, kind, record)
        return
    rid = record.id
    if parent is not None:
        yield from _edge(rid, parent[1], parent[0], False, record)
    yield from _reference_edges(record, rid)


def _reference_edges(obj: Any, rid: str) -> Iterator[_Edge]:
    for name, reference in _edge_plan(type(obj)):
        value = getattr(obj, name)
        if reference is None:  # nested records (a region's parts): their edges start at the holder
            for inner in value if isinstance(value, tuple) else (value,):
                if inner is not None:
                    yield from _reference_edges(inner, rid)
        elif reference.edge is not None:
            for target in value if reference.many else (value,):
                yield from _edge(rid, reference.edge, target, reference.reverse, obj)


def _edge(rid: str, kind: str, target: str | None, reverse: bool, rec: Any) -> Iterator[_Edge]:
    if target:
        s, t = (target, rid) if reverse else (rid, target)
        yield (s, t, f"{s}|{kind}|{t}", kind, rec)


_EDGE_PLANS: dict[type, tuple[tuple[str, Reference | None], ...]] = {}


def _edge_plan(cls: type) -> tuple[tuple[str, Reference | None], ...]:
    """The reference plan of a class less what gives no edge: references without an edge kind, and
    the records it holds with ids of their own (plan items are nodes, with edges of their own)."""
    plan = _EDGE_PLANS.get(cls)
    if plan is None:
        held = dict(contained_of(cls))
        plan = _EDGE_PLANS[cls] = tuple(
            (name, reference)
            for name, reference in reference_plan(cls)
            if (reference is None and name not in held) or (reference is not None and reference.edge is not None)
        )
    return plan


def iter_nodes_and_edges(records: Iterable[Any]) -> tuple[list[tuple[str, Any]], list[_Edge]]:
    """Nodes (id, record) and edges of a collection of records, held records (plan items) expanded."""
    nodes: list[tuple[str, Any]] = []
    edges: list[_Edge] = []
    for record in records:
        if edge_record_of(type(record)) is None:
            nodes.append((record.id, record))
        edges.extend(_edges_of(record))
        stack = _children(record)
        while stack:
            item, parent = stack.pop()
            nodes.append((item.id, item))
            edges.extend(_edges_of(item, parent))
            stack.extend(_children(item))
    return nodes, edges


def _children(record: Any) -> list[tuple[Any, tuple[str, str]]]:
    """The records ``record`` holds with ids of their own, each with (holder id, edge kind)."""
    return [
        (child, (record.id, held.edge)) for name, held in contained_of(type(record)) for child in getattr(record, name)
    ]


class _Index:
    """Records grouped by period, built once per base graph, so a date slice tests each period once."""

    __slots__ = ("edge_groups", "node_groups")

    def __init__(self, node_groups: dict[Period, list[str]], edge_groups: dict[Period, list[str]]) -> None:
        self.node_groups = node_groups
        self.edge_groups = edge_groups

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> _Index:
        """The index of a graph, built once and kept in the graph's data."""
        index: _Index | None = graph.graph.get("_period_index")
        if index is None:
            nodes: dict[Period, list[str]] = defaultdict(list)
            for n, rec in graph.nodes(data="record"):
                nodes[rec.valid].append(n)
            edges: dict[Period, list[str]] = defaultdict(list)
            for _u, _v, k, rec in graph.edges(keys=True, data="record"):
                edges[rec.valid].append(k)
            index = cls(dict(nodes), dict(edges))
            graph.graph["_period_index"] = index
        return index

    @staticmethod
    def _select(groups: dict[Period, list[str]], day: date) -> tuple[set[str], set[str]]:
        active: set[str] = set()
        uncertain: set[str] = set()
        for period, ids in groups.items():
            truth = period.active_on(day)
            if truth is Truth.YES:
                active.update(ids)
            elif truth is Truth.UNCERTAIN:
                active.update(ids)
                uncertain.update(ids)
        return active, uncertain

    def on(self, day: date) -> tuple[set[str], set[str], set[str], set[str]]:
        nodes, unodes = self._select(self.node_groups, day)
        edges, uedges = self._select(self.edge_groups, day)
        return nodes, unodes, edges, uedges


class Model:
    """The governance model, or a slice of it.

    >>> import streekbeleid
    >>> model = streekbeleid.load(plugins=[])
    >>> model.get("nis:71022").name
    'Hasselt'
    >>> model.as_of("2025-06-01").status("nis:71022")
    <Truth.NO: 'no'>
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        plugins: Sequence[PluginInfo] = (),
        checks: Sequence[Check] = (),
        workflows: Sequence[Any] = (),
        origins: dict[str, str] | None = None,
    ) -> None:
        self._base = graph
        self.graph: nx.MultiDiGraph = graph
        #: Plugins seen while loading, with their status.
        self.plugins: tuple[PluginInfo, ...] = tuple(plugins)
        #: Checks contributed by plugins (the core's own checks live in :mod:`streekbeleid.checks`).
        self.checks: tuple[Check, ...] = tuple(checks)
        #: Workflow definitions contributed by plugins.
        self.workflows: tuple[Any, ...] = tuple(workflows)
        #: Which plugin contributed each record id.
        self.origins: dict[str, str] = origins or {}
        self.date: date | None = None
        self.region: str | None = None
        self._node_ok: set[str] | None = None
        self._edge_ok: set[str] | None = None
        self._uncertain: frozenset[str] = frozenset()

    # ------------------------------------------------------------- construction

    @classmethod
    def from_records(cls, records: Iterable[Any], **kwargs: Any) -> Model:
        """Build a model from records whose references are already resolved.

        Raises :class:`~streekbeleid.errors.AssemblyError` when a relation points to an id
        that no record defines.
        """
        graph = nx.MultiDiGraph()
        # networkx's own storage, filled directly: add_edges_from would copy every edge's data
        # dict and test every endpoint again.  succ[u][v] and pred[v][u] share one key dict,
        # exactly as MultiDiGraph.add_edge leaves them (tests compare both ways of building).
        node, succ, pred = graph._node, graph._succ, graph._pred
        by_body: dict[str, list[Membership]] = defaultdict(list)
        node_groups: dict[Period, list[str]] = defaultdict(list)
        edge_groups: dict[Period, list[str]] = defaultdict(list)
        memberships: list[Membership] = []
        others: list[_Edge] = []
        # A large build creates millions of containers and no cycles: the cyclic collector would
        # only rescan them again and again.
        with gc_paused():
            for record in records:
                if type(record) is Membership:  # the bulk of a large model: no generator, no dispatch
                    memberships.append(record)
                    continue
                some_nodes, some_edges = iter_nodes_and_edges((record,))
                for n, r in some_nodes:
                    node[n] = {"record": r, "type": record_type(r)}
                    succ[n] = {}
                    pred[n] = {}
                    node_groups[r.valid].append(n)
                others.extend(some_edges)
            missing: list[str] = []
            for m in memberships:
                u, v, k = m.member, m.organization, m.id
                out = succ.get(u)
                if out is None or v not in node:
                    missing.append(f"membership {k}: {u if out is None else v}")
                    continue
                keys = out.get(v)
                if keys is None:
                    keys = out[v] = pred[v][u] = {}
                keys[k] = {"kind": "member_of", "record": m}
                by_body[v].append(m)
                edge_groups[m.valid].append(k)
            for u, v, k, kind, rec in others:
                out = succ.get(u)
                if out is None or v not in node:
                    missing.append(f"{kind} {u} -> {v}: {u if out is None else v}")
                    continue
                keys = out.get(v)
                if keys is None:
                    keys = out[v] = pred[v][u] = {}
                keys[k] = {"kind": kind, "record": rec}
                edge_groups[rec.valid].append(k)
                if isinstance(rec, Membership):
                    by_body[v].append(rec)
        if missing:
            from ..errors import AssemblyError

            raise AssemblyError(_("relation to an unknown id ({id})").format(id=m) for m in missing[:20])
        graph.graph["_members_by_body"] = dict(by_body)
        graph.graph["_period_index"] = _Index(dict(node_groups), dict(edge_groups))
        return cls(graph, **kwargs)

    def _derive(self, node_ok: set[str] | None, edge_ok: set[str] | None, uncertain: frozenset[str]) -> Model:
        view = Model.__new__(Model)
        view.__dict__.update(self.__dict__)
        view._node_ok, view._edge_ok, view._uncertain = node_ok, edge_ok, uncertain
        if node_ok is None and edge_ok is None:
            view.graph = self._base
        else:
            fn: Callable[[str], bool] = node_ok.__contains__ if node_ok is not None else nx.filters.no_filter
            ek = edge_ok
            fe: Callable[..., bool] = (lambda _u, _v, k: k in ek) if ek is not None else nx.filters.no_filter  # type: ignore[misc]
            view.graph = nx.subgraph_view(self._base, filter_node=fn, filter_edge=fe)
        return view

    def as_of(self, day: date | str) -> Model:
        """The model as it stood on ``day``: records whose period holds (yes or uncertain).

        Records that only possibly held are kept and marked: :meth:`status` says
        ``Truth.UNCERTAIN`` for them.
        """
        d = parse_day(day)
        nodes, unodes, edges, uedges = _Index.of(self._base).on(d)
        if self._node_ok is not None and self.date is None:  # a region slice: intersect
            nodes &= self._node_ok
        if self._edge_ok is not None and self.date is None:
            edges &= self._edge_ok
        view = self._derive(nodes, edges, frozenset(unodes | uedges))
        view.date = d
        return view

    def in_region(self, region_id: str) -> Model:
        """The part of the model about a region: its territories, bodies, plans and their neighbours."""
        from .slices import region_nodes

        record = self.get(region_id)
        if not isinstance(record, Region):
            raise RecordKindError(region_id, record_type(record), N_("a region"))
        nodes = region_nodes(self._base, region_id, neighbours=True)
        if self._node_ok is not None:
            nodes &= self._node_ok
        view = self._derive(nodes, self._edge_ok, self._uncertain)
        view.region = region_id
        return view

    # ------------------------------------------------------------- access

    def whole(self) -> Model:
        """The unsliced model a slice was cut from (the model itself when it is not a slice)."""
        if self.graph is self._base:
            return self
        view = self._derive(None, None, frozenset())
        view.date = None
        view.region = None
        return view

    def edge_records(self) -> Iterator[Any]:
        """The record behind every edge of this model or slice: memberships, lineage, relations, region parts ...

        Reads the graph's own adjacency filtered by the slice's sets: several times faster than iterating a
        networkx filtered view edge by edge on a model with a million memberships.
        """
        for _key, record in self.keyed_edge_records():
            yield record

    def keyed_edge_records(self) -> Iterator[tuple[str, Any]]:
        """``(edge key, record)`` for every edge, as :meth:`edge_records`.

        A record behind several edges (a membership on behalf of someone) is behind the one
        keyed by its own id and others keyed otherwise.
        """
        node_ok, edge_ok = self._node_ok, self._edge_ok
        for u, neighbours in self._base._adj.items():
            if node_ok is not None and u not in node_ok:
                continue
            for v, keyed in neighbours.items():
                if node_ok is not None and v not in node_ok:
                    continue
                for key, data in keyed.items():
                    if edge_ok is None or key in edge_ok:
                        yield key, data["record"]

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.graph

    def __len__(self) -> int:
        return int(self.graph.number_of_nodes())

    def get(self, record_id: str) -> Any:
        """The record with this id; :class:`~streekbeleid.errors.UnknownIdError` if there is none here."""
        if record_id in self.graph:
            return self.graph.nodes[record_id]["record"]
        for _u, _v, _k, rec in self._edge_records(record_id):
            return rec
        if record_id in self._base:
            from .phrasing import day_words

            if self.date:
                hint = _("it exists, but is not active on {day}").format(day=day_words(self.date))
            else:
                hint = _("it exists, but lies outside region {region}").format(region=self.region)
            raise UnknownIdError(record_id, hint)
        raise UnknownIdError(record_id, suggest=lambda: self._nearest(record_id))

    def _nearest(self, text: str) -> list[tuple[str, str]]:
        """The ids nearest to ``text`` with their names, for an unknown id's "did you mean ...?"."""
        from .search import search

        return [(hit.id, hit.name) for hit in search(self, text, limit=3) if hit.id != text]

    def _edge_records(self, key: str) -> Iterator[tuple[str, str, str, Any]]:
        # memberships, relations and lineage live on edges; find by key through the index of ids
        ends = self._edge_ends().get(key)
        if ends is None:
            return
        u, v = ends
        if self.graph.has_edge(u, v, key):
            yield u, v, key, self.graph.edges[u, v, key]["record"]

    def _edge_ends(self) -> dict[str, tuple[str, str]]:
        cache: dict[str, tuple[str, str]] | None = self._base.graph.get("_edge_ends")
        if cache is None:
            cache = {
                k: (u, v)
                for u, v, k, rec in self._base.edges(keys=True, data="record")
                if getattr(rec, "id", None) == k
            }
            self._base.graph["_edge_ends"] = cache
        return cache

    def status(self, record_id: str) -> Truth:
        """Whether a record holds in this slice: yes, uncertain, or no (absent from the slice)."""
        if record_id in self._base:
            present = record_id in self.graph
        else:
            ends = self._edge_ends().get(record_id)
            if ends is None:
                raise UnknownIdError(record_id)
            present = self.graph.has_edge(ends[0], ends[1], record_id)
        if not present:
            return Truth.NO
        return Truth.UNCERTAIN if record_id in self._uncertain else Truth.YES

    @overload
    def records(self) -> list[Any]: ...
    @overload
    def records(self, kind: type[R]) -> list[R]: ...
    def records(self, kind: type[R] | None = None) -> list[R] | list[Any]:
        """All records of a kind in this slice (nodes and edges), sorted by id.

        Without a kind, every record with an id of its own, once: the nodes (territories, bodies, plans and their
        items ...) and the memberships, lineage and relations behind the edges. Region parts, seat groups and
        the like come with the record they belong to.  The whole model lists its nodes of a kind once and keeps
        the list (a model does not change), so asking again costs what there are of them, not the model.

        >>> import streekbeleid
        >>> core = streekbeleid.load(plugins=[])
        >>> every = core.records()
        >>> {"Actor", "Plan", "Territory", "Theme"} <= {type(r).__name__ for r in every}, len(every) == len(set(every))
        (True, True)
        """
        if kind is None:
            return self._all_records()
        if self.graph is self._base:  # the whole model: its nodes of a kind are listed once and kept
            by_kind: dict[type, list[Any]] = self._base.graph.setdefault("_nodes_by_kind", {})
            if kind not in by_kind:
                by_kind[kind] = [r for _n, r in self.graph.nodes(data="record") if isinstance(r, kind)]
            out: list[Any] = list(by_kind[kind])
        else:
            out = [r for _n, r in self.graph.nodes(data="record") if isinstance(r, kind)]
        if not out:
            seen: set[int] = set()
            for rec in self.edge_records():
                if isinstance(rec, kind) and id(rec) not in seen:
                    seen.add(id(rec))
                    out.append(rec)
        return cast("list[R]", sorted(out, key=lambda r: getattr(r, "id", "")))

    def _all_records(self) -> list[Any]:
        return sorted(self.iter_records(), key=lambda r: r.id)

    def iter_records(self) -> Iterator[Any]:
        """Every record with an id of its own, once, as :meth:`records` lists them but in no order: for a
        question that reads them all and sorts what it finds (:func:`~streekbeleid.queries.changes.changes`).

        The whole model lists them once and keeps the list (one reference a record); a slice reads its graph.
        """
        if self.graph is self._base:
            kept: tuple[Any, ...] | None = self._base.graph.get("_own_records")
            if kept is None:
                kept = self._base.graph["_own_records"] = tuple(self._own_records())
            return iter(kept)
        return self._own_records()

    def _own_records(self) -> Iterator[Any]:
        for _n, record in self.graph.nodes(data="record"):
            yield record
        for key, record in self.keyed_edge_records():
            if getattr(record, "id", None) == key:  # memberships, lineage, relations (not region parts)
                yield record

    def regions(self) -> list[Region]:
        """The regions in this slice, sorted by id."""
        return self.records(Region)

    def members(self, body_id: str, *, on: date | str | None = None) -> list[Member]:
        """The memberships of a body on ``on``, else on the slice's date, else all of them.

        Each :class:`Member` says whether the membership held that day for certain
        (``Truth.YES``) or only possibly (``Truth.UNCERTAIN``); with no date at all,
        every membership is listed as ``Truth.YES``.  Sorted by seat group, member and id.
        """
        body = self.get(body_id)  # the error that says why, if it is not here
        day = parse_day(on) if on is not None else self.date
        node_ok = self._node_ok
        rows = self._member_rows(body_id, body)
        if node_ok is not None:
            rows = tuple(row for row in rows if row[0].member in node_ok)
        if day is None:
            return [Member(m, Truth.YES, voting) for m, voting, *_bounds in rows]
        d = day.toordinal()
        yes, uncertain = Truth.YES, Truth.UNCERTAIN
        return [
            Member(m, yes if s_hi <= d <= e_lo else uncertain, voting)
            for m, voting, s_lo, s_hi, e_lo, e_hi in rows
            if s_lo <= d <= e_hi
        ]

    def _member_rows(self, body_id: str, body: Any) -> tuple[tuple[Membership, bool | None, int, int, int, int], ...]:
        """A body's memberships, sorted, each with its voting right (:func:`_voting`) and its period's day
        ordinals: kept per body once asked."""
        index: dict[str, Any] | None = self._base.graph.get("_member_rows")
        if index is None:
            index = self._base.graph["_member_rows"] = {}
        rows = index.get(body_id)
        if rows is None:
            group_voting = {g.name: g.voting for g in body.seat_groups} if isinstance(body, Body) else {}
            rows = index[body_id] = tuple(
                (m, _voting(m, group_voting), *m.valid.ordinals()) for m in self._memberships_of(body_id)
            )
        return rows  # type: ignore[no-any-return]

    def _memberships_of(self, body_id: str) -> tuple[Membership, ...]:
        """The memberships of a body, sorted, from an index built once per base graph."""
        index: dict[str, Any] | None = self._base.graph.get("_members_by_body")
        if index is None:
            index = defaultdict(list)
            for _u, v, data in self._base.edges(data=True):
                if data["kind"] == "member_of":
                    index[v].append(data["record"])
            index = dict(index)
            self._base.graph["_members_by_body"] = index
        found = index.get(body_id, ())
        if type(found) is list:
            found = tuple(sorted(found, key=lambda m: (m.seat_group or "", m.member, m.id)))
            index[body_id] = found
        return found  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        parts = [f"{self.graph.number_of_nodes()} records", f"{self.graph.number_of_edges()} relations"]
        if self.date:
            parts.append(f"as of {self.date}")
        if self.region:
            parts.append(f"in {self.region}")
        return f"<Model {', '.join(parts)}>"
