"""What belongs to a region in the report: its subregions, bodies, plans and everything hanging off them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from ..model.model import Model
from ..model.records import (
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

__all__ = ["RegionScope", "region_scope", "report_regions", "records_with_sources"]


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
                ids.update(filter(None, [item.lead, *item.partners]))
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
    regions = [r for r in model.records(Region)]
    wanted = list(wanted)
    if not wanted:
        return [r for r in regions if r.part_of is None and model.origins.get(r.id, "core") != "core"]
    out: list[Region] = []
    for w in wanted:
        if ":" in w:
            out.append(model.get(w))
            continue
        mine = [r for r in regions if model.origins.get(r.id) == w and r.part_of is None]
        if not mine:
            from ..errors import UnknownIdError

            raise UnknownIdError(w, "neither a region id nor a plugin that defines a region")
        out.extend(mine)
    return list({r.id: r for r in out}.values())


def region_scope(model: Model, region: Region) -> RegionScope:
    """The records of ``region`` in ``model`` (which may be a time slice)."""
    all_regions = model.records(Region)
    ids = {region.id}
    grew = True
    while grew:  # subregions, nested to any depth
        grew = False
        for r in all_regions:
            if r.part_of in ids and r.id not in ids:
                ids.add(r.id)
                grew = True
    subregions = tuple(r for r in all_regions if r.id in ids and r.id != region.id)
    bodies = [b for b in model.records(Body) if b.region in ids]
    body_ids = {b.id for b in bodies}
    # bodies without a region of their own that sit in, or relate to, a region body (a themawerkgroep)
    relations_all = model.records(Relation)
    memberships_all = model.records(Membership)
    grew = True
    while grew:
        grew = False
        for b in model.records(Body):
            if b.id in body_ids or b.region is not None:
                continue
            linked = any(r.subject == b.id and r.object in body_ids for r in relations_all) or any(
                m.member == b.id and m.organization in body_ids for m in memberships_all
            )
            if linked:
                bodies.append(b)
                body_ids.add(b.id)
                grew = True
    bodies.sort(key=lambda b: b.id)
    plans = [p for p in model.records(Plan) if p.region in ids or (p.owner in body_ids and p.region is None)]
    plan_ids = {p.id for p in plans}
    item_ids = {i.id for p in plans for i in p.walk()}
    projects = [p for p in model.records(Project) if p.region in ids or p.plan in plan_ids]
    project_ids = {p.id for p in projects}
    subjects = plan_ids | item_ids | project_ids | body_ids | ids
    decisions = [d for d in model.records(Decision) if d.subject in subjects or d.by in body_ids]
    tallies = [t for t in model.records(Tally) if t.subject in subjects or t.among in ids]
    fundings = [f for f in model.records(Funding) if f.subject in subjects or f.recipient in body_ids]
    meetings = [m for m in model.records(Meeting) if m.body in body_ids]
    lineage = [x for x in model.records(Lineage) if x.subject in subjects | body_ids or x.object in subjects | body_ids]
    memberships = [m for m in memberships_all if m.organization in body_ids]
    relations = [r for r in relations_all if r.subject in body_ids or r.object in body_ids]
    return RegionScope(
        region=region,
        subregions=subregions,
        bodies=tuple(bodies),
        memberships=tuple(memberships),
        relations=tuple(relations),
        plans=tuple(plans),
        projects=tuple(projects),
        decisions=tuple(decisions),
        tallies=tuple(tallies),
        fundings=tuple(fundings),
        meetings=tuple(meetings),
        lineage=tuple(lineage),
    )


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
