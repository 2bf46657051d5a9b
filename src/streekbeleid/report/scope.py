"""What belongs to a region in the report: its subregions, bodies, plans and everything hanging off them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from ..model.model import Model
from ..model.records import (
    RECORD_KINDS,
    Actor,
    Body,
    Decision,
    Funding,
    Lineage,
    Meeting,
    Membership,
    Plan,
    Project,
    Region,
    Relation,
    Tally,
)
from ..model.slices import region_nodes

__all__ = ["RegionScope", "region_scope", "report_regions", "records_with_sources"]

_E = TypeVar("_E", Membership, Relation, Lineage)


@attrs.frozen
class RegionScope:
    """The records of one region (and its subregions), each list sorted by id."""

    region: Region
    subregions: tuple[Region, ...]
    bodies: tuple[Body, ...]
    memberships: tuple[Membership, ...]
    relations: tuple[Relation, ...]
    plans: tuple[Plan, ...]
    projects: tuple[Project, ...]
    decisions: tuple[Decision, ...]
    tallies: tuple[Tally, ...]
    fundings: tuple[Funding, ...]
    meetings: tuple[Meeting, ...]
    lineage: tuple[Lineage, ...]

    @property
    def region_ids(self) -> frozenset[str]:
        return frozenset([self.region.id, *(r.id for r in self.subregions)])

    def records(self) -> Iterator[Any]:
        """Every record of the scope (the region first)."""
        yield self.region
        for name in attrs.fields_dict(type(self)):
            if name != "region":
                yield from getattr(self, name)

    def actor_ids(self) -> set[str]:
        """Ids of the organisations, persons and territories that take part: members, leads, funders ..."""
        ids: set[str] = set()
        ids.update(m.member for m in self.memberships)
        ids.update(m.on_behalf_of for m in self.memberships if m.on_behalf_of)
        for rel in self.relations:
            ids.update((rel.subject, rel.object))
        for plan in self.plans:
            for item in plan.walk():
                ids.update([*item.leads, *item.partners])
        for project in self.projects:
            ids.update(filter(None, [project.promoter, *project.partners]))
        for funding in self.fundings:
            ids.update(filter(None, [funding.funder, funding.recipient]))
        ids.update(d.by for d in self.decisions)
        return ids - {b.id for b in self.bodies}


def report_regions(model: Model, wanted: Iterable[str] = ()) -> list[Region]:
    """The regions that get a page: those asked for (region ids or plugin names), else each plugin's top-level ones.

    Reference regions of the core catalogue and subregions (shown on their parent's page) get no page of their own
    unless asked for by id.
    """
    wanted = list(wanted)
    if not wanted:
        return [r for r in model.records(Region) if r.part_of is None and model.origins.get(r.id, "core") != "core"]
    out: list[Region] = []
    for w in wanted:
        if ":" in w:
            out.append(model.get(w))
            continue
        mine = [r for r in model.records(Region) if model.origins.get(r.id) == w and r.part_of is None]
        if not mine:
            from ..errors import UnknownIdError

            raise UnknownIdError(w, "neither a region id nor a plugin that defines a region")
        out.extend(mine)
    return list({r.id: r for r in out}.values())


def region_scope(model: Model, region: Region) -> RegionScope:
    """The records of ``region`` in ``model`` (which may be a time slice).

    What belongs to the region is the answer of :func:`~streekbeleid.model.slices.region_nodes`, which
    :meth:`Model.in_region` gives too; on a time slice, through the relations that hold on its day.
    """
    belongs = region_nodes(model.whole().graph, region.id, within=model.graph)
    kinds = {kind: name for name, kind in RECORD_KINDS.items()}
    found: dict[str | None, list[Any]] = defaultdict(list)
    for node in sorted(belongs - {region.id}):  # plan items come with their plans
        record = model.graph.nodes[node]["record"]
        found[kinds.get(type(record))].append(record)
    bodies = {b.id for b in found["bodies"]}
    return RegionScope(
        region=region,
        subregions=tuple(found["regions"]),
        bodies=tuple(found["bodies"]),
        memberships=_at(model, bodies, Membership, lambda m: m.organization in bodies),
        relations=_at(model, bodies, Relation, lambda r: r.subject in bodies or r.object in bodies),
        plans=tuple(found["plans"]),
        projects=tuple(found["projects"]),
        decisions=tuple(found["decisions"]),
        tallies=tuple(found["tallies"]),
        fundings=tuple(found["fundings"]),
        meetings=tuple(found["meetings"]),
        lineage=_at(model, belongs, Lineage, lambda x: x.subject in belongs or x.object in belongs),
    )


def _at(model: Model, nodes: Iterable[str], kind: type[_E], keep: Callable[[_E], bool]) -> tuple[_E, ...]:
    """The records of a kind on the edges at ``nodes`` that ``keep`` accepts, sorted by id.

    Reads the edges of the region's own nodes, not every edge of the model: what a region's
    page costs does not grow with the other regions.
    """
    graph = model.graph
    found: dict[str, _E] = {}
    for node in nodes:
        if node not in graph:
            continue
        for edges in (graph.in_edges(node, data="record"), graph.out_edges(node, data="record")):
            for _u, _v, record in edges:
                if isinstance(record, kind) and keep(record):
                    found[record.id] = record
    return tuple(found[rid] for rid in sorted(found))


def records_with_sources(model: Model, scope: RegionScope) -> Iterator[Any]:
    """The records whose sources the region's page lists: the scope and the actors that take part."""
    yield from scope.records()
    for plan in scope.plans:
        yield from plan.walk()
    for actor_id in sorted(scope.actor_ids()):
        try:
            record = model.get(actor_id)
        except KeyError:
            continue
        if isinstance(record, Actor) or hasattr(record, "sources"):
            yield record
