"""A few lines of plain text per region: what a newcomer should see first (``streekbeleid demo``)."""

from __future__ import annotations

from datetime import date

from .. import queries
from ..model.dates import ALWAYS
from ..model.model import Model
from ..model.phrasing import cadence_text, name, seat_count_short
from ..model.records import Body, Plan, Region
from .scope import RegionScope, region_scope

__all__ = ["region_summary"]

_PLURALS = {"priority": "priorities", "objective": "objectives", "action": "actions", "line": "lines of action"}


def _body_line(model: Model, body: Body, scope: RegionScope) -> str:
    bits = []
    if body.seat_groups:
        groups = []
        for g in body.seat_groups:
            count = seat_count_short(g)
            groups.append(g.name if count is None else f"{g.name} {count}")
        bits.append("seat groups " + ", ".join(groups))
    members = {m.member for m in scope.memberships if m.organization == body.id}
    if members:
        bits.append(f"{len(members)} members recorded")
    for c in body.cadence:
        bits.append(f"meets {cadence_text(c)}")
    if body.decides is False:
        bits.append("advises only")
    return f"{body.name}: " + ("; ".join(bits) if bits else body.kind.replace("_", " "))


def _plan_lines(model: Model, plan: Plan) -> list[str]:
    when = "" if plan.valid is ALWAYS else f" ({plan.valid})"
    facts = []
    found = queries.endorsements(model, plan.id)
    for d in found.approvals:
        how = " unanimously" if d.unanimous else ""
        facts.append(f"{d.kind}d by {name(model, d.by)}{how}" + (f" on {d.date}" if d.date else ""))
    for c in found.counts:
        of = f" of {c.out_of}" if c.out_of is not None else ""
        facts.append(f"endorsed by {c.count}{of} {c.by.replace('_', ' ')}s")
    if found.decisions:
        facts.append(f"{len(found.decisions)} named endorsements")
    lines = [f"{plan.name}{when}" + (": " + "; ".join(facts) if facts else "")]
    top = list(plan.items)
    if top:
        kinds = {i.kind for i in top}
        label = _PLURALS.get(next(iter(kinds)), "items") if len(kinds) == 1 else "items"
        shown = [f"{i.number + ' ' if i.number else ''}{i.name}" for i in top[:8]]
        more = f" (and {len(top) - 8} more)" if len(top) > 8 else ""
        lines.append(f"  {len(top)} {label}: " + "; ".join(shown) + more)
    return lines


def region_summary(model: Model, region: Region, *, today: date | None = None) -> list[str]:
    """Lines describing a region: its extent, bodies (seat groups, members, cadence) and plans (approval,
    endorsements, priorities).

    >>> import streekbeleid
    >>> from streekbeleid.report import region_summary
    >>> core = streekbeleid.load(plugins=[])
    >>> region_summary(core, core.get("refreg:REFREG15"), today=date(2025, 6, 1))[0]
    'Limburg (refreg:REFREG15), plugin core: 38 municipalities on 2025-06-01'
    """
    day = today or date.today()
    scope = region_scope(model, region)
    found = queries.municipalities(model, region.id, on=day)
    extent = f"{len(found)} municipalities on {day}" if found.complete else "municipalities not all known"
    origin = model.origins.get(region.id, "?")
    lines = [f"{region.name} ({region.id}), plugin {origin}: {extent}"]
    if scope.subregions:
        lines.append("  subregions: " + ", ".join(r.name for r in scope.subregions))
    for body in scope.bodies:
        lines.append("  " + _body_line(model, body, scope))
    for plan in scope.plans:
        lines.extend("  " + line for line in _plan_lines(model, plan))
    return lines
