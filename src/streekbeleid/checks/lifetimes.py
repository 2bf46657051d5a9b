"""Rules about time: facts naming a territory or body outside its lifetime, periods ending before they start."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any, Literal

import attrs

from ..assembly import references
from ..i18n import N_, _
from ..model.dates import Period, Truth
from ..model.model import Model, record_type
from ..model.phrasing import kind_label, label, period_words, record_name
from ..model.records import Decision, Membership, Plan, PlanItem, Problem, Region, Tally, Territory
from ..queries.plans import plan_items
from ._common import containment, problem, undated, undecidable

__all__ = ["territory_lifetime", "membership_lifetime", "period_order"]

_SEVERITY: dict[str, Literal["error", "warning", "info"]] = {
    "outside": "error",
    "partly outside": "warning",
    "undecidable": "info",
}

#: How a fact names a record, in words; any other field is named as the data format names it (``territory``).
_ROLES = {
    "member": N_("member"),
    "organization": N_("organization"),
    "on behalf of": N_("on behalf of"),
    "body": N_("body"),
    "principal": N_("principal"),
}

# Periods are interned and few, facts many: judge each pair of periods once.
_containment = lru_cache(maxsize=65536)(containment)
_ends_before_start = lru_cache(maxsize=65536)(Period.ends_before_start)


def _fact_period(record: Any, plans: dict[str, Plan]) -> Period:
    """The time a fact is about: the day of a decision, a plan item's plan when the item has no dates."""
    if isinstance(record, (Decision, Tally)) and record.date is not None:
        return Period.on(record.date)
    if isinstance(record, PlanItem) and record.valid.is_always and record.id in plans:
        return plans[record.id].valid
    period: Period = record.valid
    return period


def _describe(model: Model, record: Any) -> str:
    """``lidmaatschap X (x:m)`` / ``membership X (x:m)``: the kind of a record in words, and its name."""
    kind = kind_label(record_type(record))
    rid = getattr(record, "id", None)
    return _("{kind} {record}").format(kind=kind, record=label(model, rid)) if rid else kind


def _role(where: str) -> str:
    if where.startswith("part "):
        return _("part {number}").format(number=where.removeprefix("part "))
    found = _ROLES.get(where)
    return _(found) if found else where


def _lifetime_problem(
    model: Model,
    rule: str,
    fact: Any,
    where: str,
    period: Period,
    named: Any,
    part: Any = None,
) -> Problem | None:
    """A problem when ``period`` (the time of ``fact``) is not inside the lifetime of the ``named`` record."""
    if named.valid.is_always:
        return None
    verdict = _containment(named.valid, period)
    if verdict == "inside":
        return None
    what = _("{fact} names {record} as {role} ({period})").format(
        fact=_describe(model, fact), record=label(model, named.id), role=_role(where), period=period_words(period)
    )
    life = _("{name} existed {period}").format(name=record_name(named, named.id), period=period_words(named.valid))
    successor = getattr(named, "successor", None)
    if verdict == "undecidable":
        message = undecidable(
            _("{fact}, and {lifetime}; the dates are too coarse to tell whether it existed then").format(
                fact=what, lifetime=life
            )
        )
    else:
        if verdict == "outside":
            message = _("{fact}, but {lifetime}: the fact lies outside its lifetime")
        else:
            message = _("{fact}, but {lifetime}: the fact lies partly outside its lifetime")
        message = message.format(fact=what, lifetime=life)
        if successor:
            message = _("{finding}; it became {successor}").format(finding=message, successor=label(model, successor))
    ids = [i for i in (getattr(fact, "id", None), named.id) if i]
    return problem(_SEVERITY[verdict], rule, ids, message, fact, *([part] if part else []), named)


def territory_lifetime(model: Model) -> Iterator[Problem]:
    """Facts that name a territory at a time it did not exist (a membership of a merged municipality)."""
    nodes = model.whole().graph.nodes
    territories = {n for n, kind in nodes(data="type") if kind == "territory"}
    plans = {a.item.id: a.plan for a in plan_items(model)}
    for record in model.records():
        if type(record) is Membership:
            # the bulk of a large model: its references are known, skip the generic walk
            refs = [
                (where, ref)
                for where, ref in (
                    ("member", record.member),
                    ("organization", record.organization),
                    ("on behalf of", record.on_behalf_of),
                )
                if ref in territories
            ]
        elif isinstance(record, Territory):
            continue  # a territory's own successor and parent are the catalogue's business
        elif isinstance(record, Region):
            yield from _region_parts(model, record, territories)
            continue
        else:
            refs = [
                (path.replace("_", " "), ref)
                for path, ref in references(record)
                if ref in territories and not (isinstance(record, Plan) and path.startswith("items"))
            ]  # plan items are checked as records of their own
        if not refs:
            continue
        period = _fact_period(record, plans)
        if undated(period):
            continue  # a fact without dates claims no time
        for where, ref in refs:
            found = _lifetime_problem(model, "territory-lifetime", record, where, period, nodes[ref]["record"])
            if found:
                yield found


def _region_parts(model: Model, region: Region, territories: set[str]) -> Iterator[Problem]:
    nodes = model.whole().graph.nodes
    for i, part in enumerate(region.parts):
        period = part.valid if not part.valid.is_always else region.valid
        if part.territory in territories and not undated(period):
            named = nodes[part.territory]["record"]
            found = _lifetime_problem(model, "territory-lifetime", region, f"part {i + 1}", period, named, part)
            if found:
                yield found


def membership_lifetime(model: Model) -> Iterator[Problem]:
    """Memberships that run outside the lifetime of their body, their member or whom they sit for."""
    nodes = model.whole().graph.nodes
    for record in model.edge_records():
        if type(record) is not Membership or undated(record.valid):
            continue
        for where, ref in (
            ("body", record.organization),
            ("member", record.member),
            ("principal", record.on_behalf_of),
        ):
            named = nodes[ref]["record"] if ref in nodes else None
            if named is None or isinstance(named, Territory):
                continue  # territories: see territory-lifetime
            found = _lifetime_problem(model, "membership-lifetime", record, where, record.valid, named)
            if found:
                yield found


@cache
def _period_fields(cls: Any) -> tuple[tuple[str, bool], ...]:
    """The fields of a record class that hold a period (False) or records that hold periods (True)."""
    hints = typing.get_type_hints(cls)

    def holds_records(tp: Any) -> bool:
        if attrs.has(tp):
            return bool(_period_fields(tp))
        return any(holds_records(arg) for arg in typing.get_args(tp))

    out = []
    for field in attrs.fields(cls):
        if field.name == "items":
            continue  # plan items are records of their own
        if hints[field.name] is Period:
            out.append((field.name, False))
        elif holds_records(hints[field.name]):
            out.append((field.name, True))
    return tuple(out)


def _periods(obj: Any, path: str = "") -> Iterator[tuple[str, Period]]:
    cls: Any = type(obj)
    for name, nested in _period_fields(cls):
        value = getattr(obj, name)
        if not nested:
            yield f"{path}{name}", value
        elif isinstance(value, tuple):
            for i, v in enumerate(value):
                if attrs.has(type(v)):
                    yield from _periods(v, f"{path}{name}[{i}].")
        elif attrs.has(type(value)):
            yield from _periods(value, f"{path}{name}.")


def period_order(model: Model) -> Iterator[Problem]:
    """Periods whose end precedes their start (an error), or may do so given their precision (undecidable)."""
    for record in model.records():
        for path, period in _periods(record):
            truth = _ends_before_start(period)
            if truth is Truth.NO:
                continue
            if truth is Truth.UNCERTAIN and (
                period.start == period.end or not period.start.kind == period.end.kind == "date"
            ):
                continue  # "2019/2019" means within 2019; an unknown or half-open end (?, 2016..) claims no order
            fields = {"record": _describe(model, record), "field": path, "period": period_words(period)}
            if truth is Truth.YES:
                message = _("{record}: {field} ({period}) ends before it starts").format(**fields)
                yield problem("error", "period-order", [record.id], message, record)
            else:
                message = undecidable(
                    _("{record}: {field} ({period}) may end before it starts; give its dates more precisely").format(
                        **fields
                    )
                )
                yield problem("info", "period-order", [record.id], message, record)
