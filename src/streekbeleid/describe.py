"""The description of one record behind ``streekbeleid show``: its fields, relations, members or tree, sources.

A user of the model (layer 2); its phrases come from :mod:`streekbeleid.model.phrasing`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import attrs

from .i18n import _
from .model.dates import ALWAYS
from .model.model import Model, record_type
from .model.phrasing import (
    cadence_bounds,
    cadence_text,
    day_words,
    decision_phrase,
    label,
    period_words,
    record_name,
    seat_count,
    when,
)
from .model.records import Actor, Body, Plan, PlanItem, Region, Tally
from .queries.history import history_sentences, name_on, organisation_history
from .serialization import unstructure

__all__ = ["describe", "describe_json"]

_SKIP = {"id", "name", "sources", "items", "seat_groups", "cadence", "parts", "valid", "other_names"}


def _value(v: Any) -> str:
    if isinstance(v, tuple):
        return ", ".join(_value(x) for x in v)
    if attrs.has(type(v)):
        return ", ".join(f"{k}={x}" for k, x in unstructure(v).items())
    return str(v)


def _plan_tree(model: Model, items: tuple[PlanItem, ...], depth: int, lines: list[str]) -> None:
    for item in items:
        number = f"{item.number} " if item.number else ""
        extra = []
        if item.co_leads:
            extra.append(_("co-leads: {actors}").format(actors=", ".join(label(model, a) for a in item.leads)))
        elif item.lead:
            extra.append(f"lead: {label(model, item.lead)}")
        if item.partners:
            extra.append("partners: " + ", ".join(label(model, p) for p in item.partners))
        if item.themes:
            extra.append("themes: " + ", ".join(t.removeprefix("theme:") for t in item.themes))
        suffix = f"  [{'; '.join(extra)}]" if extra else ""
        lines.append(f"{'  ' * depth}- {item.kind}: {number}{item.name}{suffix}")
        _plan_tree(model, item.items, depth + 1, lines)


def _documents(model: Model, rid: str) -> list[str]:
    """The documents about a record (issue 15): title, kind, date, language and where to read it."""
    from .queries.documents import documents_about

    found = documents_about(model, [rid]) if rid else []
    lines = ["  " + _("documents:")] if found else []
    for d in found:
        facts = [d.kind.replace("_", " "), *([when(d.date)] if d.date else []), *([d.language] if d.language else [])]
        lines.append(f"    {d.title} ({', '.join(facts)})" + (f": {d.url or d.eli}" if d.url or d.eli else ""))
    return lines


def describe(model: Model, record: Any) -> str:
    """A multi-line description of a record as a person would read it."""
    rid = getattr(record, "id", "")
    kind = record_type(record).replace("_", " ")
    title = record_name(record, rid)
    lines = [f"{title}", f"{kind} {rid}" + (f" · as of {model.date}" if model.date else "")]
    if record.valid is not ALWAYS:
        lines.append(f"  valid: {period_words(record.valid)} ({record.valid})")
    for field in attrs.fields(type(record)):
        v = getattr(record, field.name)
        if field.name in _SKIP or v is None or v == () or v == field.default:
            continue
        lines.append(f"  {field.name.replace('_', ' ')}: {_value(v)}")
    if isinstance(record, Region):
        if not record.parts_known:
            lines.append("  parts: unknown (the sources do not say which territories it holds)")
        for part in record.parts:
            when = "" if part.valid is ALWAYS else f"  ({period_words(part.valid)})"
            lines.append(f"  part: {label(model, part.territory)}{when}")
    if isinstance(record, Tally) and record.count is None:
        lines.append("  " + _("count: not recorded (the sources name who decided, not how many)"))
    if isinstance(record, Body):
        for rule in record.seat_groups:
            count = seat_count(rule) or "an unknown number of seats"
            alloc = ", ".join(f"{label(model, a.member)} {a.seats}" for a in rule.allocations)
            vote = {True: " voting", False: " advisory", None: ""}[rule.voting]
            lines.append(f"  seat group {rule.name}: {count}{vote}" + (f" ({alloc})" if alloc else ""))
        for c in record.cadence:
            if c.decision is None:
                lines.append(f"  meets: {cadence_bounds(c, exact=False)}")
            else:  # a rule on decisions (a pact's evaluation), not on meetings
                subject = label(model, c.subject) if c.subject else _("its subject")
                what = decision_phrase(c.decision).format(by=record.name, subject=subject)
                lines.append("  " + _("{decision}: {cadence}").format(decision=what, cadence=cadence_text(c)))
        members = model.members(rid)
        if members:
            lines.append(f"  members ({len(members)}):")
            by_group: dict[str, list[str]] = defaultdict(list)
            for m in members:
                ms = m.membership
                text = label(model, ms.member)
                details = [ms.role] if ms.role != "member" else []
                if ms.seats != 1:
                    details.append(f"{ms.seats} seats")
                if ms.on_behalf_of:
                    details.append(f"for {label(model, ms.on_behalf_of)}")
                if ms.voting is not None:
                    details.append("voting" if ms.voting else "advisory")
                if ms.valid is not ALWAYS:
                    details.append(period_words(ms.valid))
                if m.uncertain:
                    details.append("uncertain on this date")
                by_group[ms.seat_group or "-"].append(text + (f" ({', '.join(details)})" if details else ""))
            for group in sorted(by_group):
                lines.append(f"    {group}:")
                lines.extend(f"      {t}" for t in by_group[group])
    if isinstance(record, (Actor, Body)):
        lines.extend(_history_lines(model, record))
    if isinstance(record, Plan) and record.items:
        lines.append("  tree:")
        _plan_tree(model, record.items, 2, lines)
    if rid and rid in model.graph:
        rels: list[str] = []
        for _s, t, data in sorted(model.graph.out_edges(rid, data=True), key=lambda e: (e[2]["kind"], e[1])):
            if data["kind"] in ("member_of", "part_of", "includes") and isinstance(record, (Region,)):
                continue
            rels.append(f"    {data['kind']} -> {label(model, t)}")
        incoming = [
            (data["kind"], s)
            for s, _t, data in model.graph.in_edges(rid, data=True)
            if data["kind"] not in ("member_of", "part_of", "includes", "succeeds") or isinstance(record, Plan)
        ]
        for kind, s in sorted(incoming)[:40]:
            rels.append(f"    {label(model, s)} {kind} this")
        if len(incoming) > 40:
            rels.append(f"    ... and {len(incoming) - 40} more")
        if rels:
            lines.append("  relations:")
            lines.extend(rels)
    lines.extend(_documents(model, rid))
    if record.sources:
        lines.append("  sources:")
        for s in record.sources:
            lines.append(f"    {s.document}" + (f": “{s.locator}”" if s.locator else ""))
            if s.inference:  # the record claims more than the document says: the reasoning
                lines.append("      " + _("inferred: {reasoning}").format(reasoning=s.inference))
    return "\n".join(lines)


def describe_json(model: Model, record: Any) -> dict[str, Any]:
    """The record as JSON data with its type, relations and (for bodies) members on the slice's date."""
    data: dict[str, Any] = {"type": record_type(record), "record": unstructure(record)}
    rid = getattr(record, "id", None)
    if rid and rid in model.graph:
        data["out"] = [{"kind": d["kind"], "target": t} for _s, t, d in model.graph.out_edges(rid, data=True)]
        data["in"] = [{"kind": d["kind"], "source": s} for s, _t, d in model.graph.in_edges(rid, data=True)]
    if isinstance(record, (Actor, Body)):
        data["history"] = _history_json(model, record)
    if isinstance(record, Body):
        data["members"] = [
            {"membership": m.membership.id, "member": m.member, "status": m.status.value}
            for m in model.members(rid or "")
        ]
    return data


# ---------------------------------------------------------------- organisation history


def _history_lines(model: Model, record: Actor | Body) -> list[str]:
    """The history of an organisation: its changes, names per period, what it became; or "not recorded"."""
    sentences = history_sentences(model, organisation_history(model, record.id))
    if model.date is not None and record.other_names:  # on a slice: the name it bore that day
        named = name_on(model, record.id)
        names = ", ".join(named.certain) or _("one of {names}").format(names=", ".join(named.possible))
        sentences.insert(0, _("name on {date}: {names}").format(date=day_words(model.date), names=names))
    return ["  " + _("history:"), *(f"    {s}" for s in sentences)]


def _history_json(model: Model, record: Actor | Body) -> dict[str, Any]:
    history = organisation_history(model, record.id)
    return {
        "recorded": history.recorded,
        "changes": [unstructure(c) for c in history.changes],
        "names": [unstructure(n) for n in history.names],
        "became": list(history.became),
        "came_from": list(history.came_from),
    }
