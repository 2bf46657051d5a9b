"""A few lines of plain text per region: what a newcomer should see first (``streekbeleid demo``)."""

from __future__ import annotations

from datetime import date

from .. import queries
from ..i18n import _, ngettext
from ..model.dates import ALWAYS
from ..model.model import Model
from ..model.phrasing import (
    cadence_text,
    day_words,
    decision_phrase,
    kind_label,
    name,
    period_words,
    seat_count_short,
    seat_group_label,
    tally_phrase,
    when,
)
from ..model.records import Body, Plan, Region
from .scope import RegionScope, region_scope

__all__ = ["region_summary"]


def _items(kind: str | None, n: int) -> str:
    """``4 lines of action`` / ``4 actielijnen``, ``1 priority`` ..."""
    if kind == "priority":
        return ngettext("{n} priority", "{n} priorities", n).format(n=n)
    if kind == "objective":
        return ngettext("{n} objective", "{n} objectives", n).format(n=n)
    if kind == "action":
        return ngettext("{n} action", "{n} actions", n).format(n=n)
    if kind == "line":
        return ngettext("{n} line of action", "{n} lines of action", n).format(n=n)
    return ngettext("{n} item", "{n} items", n).format(n=n)


def _body_line(model: Model, body: Body, scope: RegionScope) -> str:
    bits = []
    if body.seat_groups:
        groups = []
        for g in body.seat_groups:
            count = seat_count_short(g)
            label = seat_group_label(g.name)
            groups.append(label if count is None else f"{label} {count}")
        bits.append(_("seat groups {groups}").format(groups=", ".join(groups)))
    members = {m.member for m in scope.memberships if m.organization == body.id}
    if members:
        bits.append(ngettext("{n} member recorded", "{n} members recorded", len(members)).format(n=len(members)))
    for c in body.cadence:
        if c.decision is None:
            bits.append(_("meets {cadence}").format(cadence=cadence_text(c)))
        else:  # a rule on decisions (a pact's evaluation)
            what = decision_phrase(c.decision).format(by=body.name, subject=name(model, c.subject))
            bits.append(_("{decision}: {cadence}").format(decision=what, cadence=cadence_text(c)))
    if body.decides is False:
        bits.append(_("advises only"))
    return f"{body.name}: " + ("; ".join(bits) if bits else kind_label(body.kind))


def _plan_lines(model: Model, plan: Plan) -> list[str]:
    period = "" if plan.valid is ALWAYS else f" ({period_words(plan.valid)})"
    facts = []
    found = queries.endorsements(model, plan.id)
    for d in found.approvals:
        fact = decision_phrase(d.kind).format(by=name(model, d.by), subject=plan.name)
        if d.unanimous:
            fact = _("{decision}, unanimously").format(decision=fact)
        if d.date:
            fact = _("{decision}, {date}").format(decision=fact, date=when(d.date))
        facts.append(fact)
    for c in found.counts:
        facts.append(tally_phrase(c.by, "endorse", c.count, c.out_of).format(subject=plan.name))
    if found.decisions:
        n = len(found.decisions)
        facts.append(ngettext("{n} named endorsement", "{n} named endorsements", n).format(n=n))
    lines = [f"{plan.name}{period}" + (": " + "; ".join(facts) if facts else "")]
    top = list(plan.items)
    if top:
        kinds = {i.kind for i in top}
        shown = [f"{i.number + ' ' if i.number else ''}{i.name}" for i in top[:8]]
        more = _(" (and {n} more)").format(n=len(top) - 8) if len(top) > 8 else ""
        counted = _items(next(iter(kinds)) if len(kinds) == 1 else None, len(top))
        lines.append(f"  {counted}: " + "; ".join(shown) + more)
    return lines


def region_summary(model: Model, region: Region, *, today: date | None = None) -> list[str]:
    """Lines describing a region: its extent, bodies (seat groups, members, cadence) and plans (approval,
    endorsements, priorities).

    >>> import streekbeleid
    >>> from streekbeleid.report import region_summary
    >>> core = streekbeleid.load(plugins=[])
    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     region_summary(core, core.get("refreg:REFREG15"), today=date(2025, 6, 1))[0]
    'Limburg (refreg:REFREG15), plugin core: 38 gemeenten op 1 juni 2025'
    """
    day = today or date.today()
    scope = region_scope(model, region)
    found = queries.municipalities(model, region.id, on=day)
    n = len(found)
    if found.complete:
        extent = ngettext("{n} municipality on {day}", "{n} municipalities on {day}", n).format(n=n, day=day_words(day))
    else:
        extent = _("municipalities not all known")
    origin = model.origins.get(region.id, "?")
    lines = [f"{region.name} ({region.id}), plugin {origin}: {extent}"]
    if scope.subregions:
        lines.append("  " + _("subregions: {names}").format(names=", ".join(r.name for r in scope.subregions)))
    for body in scope.bodies:
        lines.append("  " + _body_line(model, body, scope))
    for plan in scope.plans:
        lines.extend("  " + line for line in _plan_lines(model, plan))
    return lines
