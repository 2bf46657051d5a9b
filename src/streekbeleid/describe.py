"""The description of one record behind ``streekbeleid show``: its fields, relations, members or tree, sources.

A user of the model (layer 2); its phrases come from :mod:`streekbeleid.model.phrasing`.  Everything is in the
language in use: field names, kinds, roles and seat groups as labels, dates in words, names beside ids (the raw
values are in ``show --json``).

>>> import streekbeleid
>>> from streekbeleid.i18n import use_language
>>> core = streekbeleid.load(plugins=[])
>>> with use_language("nl"):
...     text = describe(core, core.get("nis:72025"))
>>> print(text.splitlines()[0])
Neerpelt
>>> print(next(line for line in text.splitlines() if "bestaat niet meer" in line).strip())
bestaat niet meer: op 1 januari 2019 opgegaan in Pelt (nis:72043)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

import attrs

from .citing import DocumentIndex
from .i18n import N_, _, ngettext
from .model.dates import ALWAYS, PartialDate, Period, Truth
from .model.model import Model, record_type
from .model.phrasing import (
    amount_text,
    bound_words,
    cadence_text,
    day_words,
    decision_phrase,
    document_kind,
    in_language,
    kind_label,
    label,
    lineage_label,
    money_label,
    name,
    period_words,
    record_description,
    record_title,
    relation_phrase,
    role_label,
    seat_group_label,
    seat_rule,
    share_text,
    when,
)
from .model.records import Actor, Body, Plan, PlanItem, Region, Tally, Territory, reference_of
from .queries.history import history_sentences, name_on, organisation_history
from .serialization import unstructure

__all__ = ["describe", "describe_json", "type_label"]

_SKIP = {
    "id",
    "name",
    "sources",
    "items",
    "seat_groups",
    "cadence",
    "parts",
    "valid",
    "kind",
    "other_names",
    "description_nl",  # the description shows in the language in use (record_description)
}

#: What a record is, by its type.
_TYPE_LABELS = {
    "territory": N_("territory"),
    "region": N_("region"),
    "actor": N_("actor"),
    "person": N_("person"),
    "post": N_("post"),
    "body": N_("body"),
    "theme": N_("theme"),
    "plan": N_("plan"),
    "plan_item": N_("plan item"),
    "project": N_("project"),
    "decision": N_("decision"),
    "tally": N_("tally"),
    "funding": N_("funding"),
    "meeting": N_("meeting"),
    "membership": N_("membership"),
    "lineage": N_("lineage"),
}

#: The fields of the records, as a person reads them.
_FIELD_LABELS = {
    "level": N_("level"),
    "share_rules": N_("co-financing rules"),
    "budgets": N_("budgets"),
    "transactions": N_("transactions"),
    "nis": N_("NIS code"),
    "part_of": N_("part of"),
    "successor": N_("successor"),
    "abbreviation": N_("abbreviation"),
    "region": N_("region"),
    "description": N_("description"),
    "territory": N_("territory"),
    "decides": N_("takes decisions"),
    "name_nl": N_("Dutch name"),
    "broader": N_("broader theme"),
    "title": N_("title"),
    "owner": N_("owner"),
    "status": N_("status"),
    "themes": N_("themes"),
    "number": N_("number"),
    "lead": N_("lead"),
    "partners": N_("partners"),
    "indicators": N_("indicators"),
    "promoter": N_("promoter"),
    "plan": N_("plan"),
    "reference": N_("reference"),
    "by": N_("by"),
    "subject": N_("subject"),
    "object": N_("about"),
    "date": N_("date"),
    "outcome": N_("outcome"),
    "recipient": N_("recipient"),
    "meeting": N_("meeting"),
    "votes": N_("votes"),
    "unanimous": N_("unanimous"),
    "authoritative": N_("authoritative"),
    "among": N_("among"),
    "count": N_("count"),
    "out_of": N_("out of"),
    "named": N_("named"),
    "funder": N_("funder"),
    "amount": N_("amount"),
    "currency": N_("currency"),
    "share": N_("share"),
    "organization": N_("organisation"),
    "member": N_("member"),
    "role": N_("role"),
    "seat_group": N_("seat group"),
    "seats": N_("seats"),
    "voting": N_("voting right"),
    "on_behalf_of": N_("on behalf of"),
    "post": N_("post"),
    "label": N_("label"),
    "body": N_("body"),
    "identifiers": N_("identifiers"),
    "parts_known": N_("parts known"),
}

#: The levels of territories.
_LEVELS = {
    "region": N_("Flemish Region"),
    "province": N_("province"),
    "arrondissement": N_("arrondissement"),
    "municipality": N_("municipality"),
}

#: Kinds of decisions and tallies, as nouns.
_DECISION_KINDS = {
    "approve": N_("approval"),
    "endorse": N_("endorsement"),
    "submit": N_("submission"),
    "adopt": N_("adoption"),
    "advise": N_("advice"),
    "fund": N_("funding decision"),
    "select": N_("selection"),
    "evaluate": N_("evaluation"),
    "establish": N_("establishment"),
    "other": N_("other decision"),
}

_OUTCOMES = {"adopted": N_("adopted"), "rejected": N_("rejected")}

#: Relations of the graph that :func:`~streekbeleid.model.phrasing.relation_phrase` does not word.
_EDGE_PHRASES = {
    "about": N_("{subject} is about {object}"),
    "covers": N_("{subject} covers {object}"),
    "concerns": N_("{subject} concerns {object}"),
    "broader": N_("{subject} falls under {object}"),
    "owned_by": N_("{subject} is owned by {object}"),
    "decided_by": N_("{subject} was decided by {object}"),
    "funded_by": N_("{subject} is funded by {object}"),
    "represents": N_("{subject} represents {object}"),
    "meeting_of": N_("{subject} is a meeting of {object}"),
    "addressed_to": N_("{subject} is addressed to {object}"),
    "partner": N_("{subject} has as partner {object}"),
    "post_in": N_("{subject} is a post in {object}"),
    "taken_at": N_("{subject} was taken at {object}"),
    "among": N_("{subject} counts among {object}"),
    "member_of": N_("{subject} is a member of {object}"),
    "includes": N_("{subject} includes {object}"),
    "lead": N_("{subject} is led by {object}"),
    "theme": N_("{subject} has the theme {object}"),
    "document_of": N_("{subject} is a document about {object}"),
    "changes": N_("{subject} changes {object}"),
    "results_in": N_("{subject} results in {object}"),
}


def type_label(record: Any) -> str:
    """What a record is, in the language in use: ``orgaan`` / ``body``."""
    kind = record_type(record)
    found = _TYPE_LABELS.get(kind)
    return _(found) if found else kind.replace("_", " ")


def _kind_words(record: Any) -> str:
    kind = record_type(record)
    if kind in ("decision", "tally"):
        found = _DECISION_KINDS.get(record.kind)
        return _(found) if found else record.kind.replace("_", " ")
    if kind == "lineage":
        return lineage_label(record.kind)
    return kind_label(record.kind)


def _field_label(name: str) -> str:
    found = _FIELD_LABELS.get(name)
    return _(found) if found else name.replace("_", " ")


def _value(model: Model, name: str, field: attrs.Attribute[Any], v: Any) -> str:
    """A field's value as a person reads it: names beside ids, dates in words, labels for kinds and roles."""
    if reference_of(field) is not None:
        ids = v if isinstance(v, tuple) else (v,)
        return ", ".join(label(model, i) for i in ids)
    if name == "level":
        return _(_LEVELS[v]) if v in _LEVELS else str(v)
    if name == "role":
        return role_label(v)
    if name == "seat_group":
        return seat_group_label(v)
    if name == "outcome":
        return _(_OUTCOMES[v]) if v in _OUTCOMES else str(v)
    if name == "by" and isinstance(v, str):
        return kind_label(v) if v not in model.whole().graph else label(model, v)
    if name == "votes":
        return _("{yes} for, {no} against, {abstain} abstaining").format(
            yes=_unknown(v.yes), no=_unknown(v.no), abstain=_unknown(v.abstain)
        )
    if name == "indicators":
        return "; ".join(i.name for i in v)
    if name == "identifiers":
        return ", ".join(f"{i.scheme} {i.identifier}" for i in v)
    if name in ("budgets", "transactions", "share_rules", "share"):
        return _money(model, name, v)
    return _plain(v)


def _money(model: Model, field: str, v: Any) -> str:
    """Budgets, transactions, a share and a call's co-financing rules in words (amounts as the language writes
    them, shares as percentages, unknown where the sources give no figure)."""
    if field == "share":
        return share_text(v)
    if field == "share_rules":
        rules = []
        for r in v:
            bounds = [
                *([_("at least {share}").format(share=share_text(r.min_share))] if r.min_share is not None else []),
                *([_("at most {share}").format(share=share_text(r.max_share))] if r.max_share is not None else []),
            ]
            who = [*(kind_label(k) for k in r.funder_kinds), *(name(model, f) for f in r.funders)]
            rule = _("{party} co-financing {bounds}").format(party=money_label(r.party), bounds=_(" and ").join(bounds))
            rules.append(rule + (f" ({', '.join(who)})" if who else ""))
        return "; ".join(rules)
    parts = []
    for x in v:
        text = f"{money_label(x.kind)}: {amount_text(x.amount, x.currency)}"
        when_ = getattr(x, "date", None)
        if when_ is not None:
            text += f", {when(when_)}"
        elif isinstance(getattr(x, "valid", None), Period) and not x.valid.is_always:
            text += f", {period_words(x.valid)}"
        parts.append(text)
    return "; ".join(parts)


def _unknown(n: int | None) -> str:
    return _("unknown") if n is None else str(n)


def _plain(v: Any) -> str:
    if isinstance(v, bool):
        return _("yes") if v else _("no")
    if isinstance(v, PartialDate):
        return when(v)
    if isinstance(v, dt.date):
        return when(PartialDate.from_date(v))
    if isinstance(v, Period):
        return period_words(v)
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, tuple):
        return ", ".join(_plain(x) for x in v)
    if attrs.has(type(v)):
        return ", ".join(f"{k.replace('_', ' ')} {x}" for k, x in unstructure(v).items() if x is not None)
    return str(v)


def _item_line(model: Model, item: PlanItem) -> str:
    """A plan item in a tree: ``actie 1.2: Name [trekker: VOKA; ...]``."""
    head = kind_label(item.kind) + (f" {item.number}" if item.number else "")
    extra = []
    if item.co_leads:
        extra.append(_("co-leads: {actors}").format(actors=", ".join(label(model, a) for a in item.leads)))
    elif item.lead:
        extra.append(_("lead: {names}").format(names=label(model, item.lead)))
    if item.partners:
        extra.append(_("partners: {names}").format(names=", ".join(label(model, p) for p in item.partners)))
    if item.themes:
        extra.append(_("themes: {names}").format(names=", ".join(label(model, t) for t in item.themes)))
    suffix = f"  [{'; '.join(extra)}]" if extra else ""
    return f"{head}: {item.name}{suffix}"


def _plan_tree(model: Model, items: tuple[PlanItem, ...], depth: int, lines: list[str]) -> None:
    for item in items:
        lines.append(f"{'  ' * depth}- {_item_line(model, item)}")
        _plan_tree(model, item.items, depth + 1, lines)


def _documents(model: Model, rid: str) -> list[str]:
    """The documents about a record (issue 15): title, kind, date, language and where to read it."""
    from .queries.documents import documents_about

    found = documents_about(model, [rid]) if rid else []
    lines = ["  " + _("documents:")] if found else []
    for d in found:
        facts = [document_kind(d.kind), *([when(d.date)] if d.date else []), *([d.language] if d.language else [])]
        lines.append(f"    {d.title} ({', '.join(facts)})" + (f": {d.url or d.eli}" if d.url or d.eli else ""))
    return lines


def _relation(kind: str, subject: str, obj: str) -> str:
    found = _EDGE_PHRASES.get(kind)
    phrase = _(found) if found else relation_phrase(kind)
    return phrase.format(subject=subject, object=obj)


def _gone(model: Model, record: Territory) -> list[str]:
    """What a territory that no longer exists became: its successors and since when, in words."""
    from .queries import refers_to

    day = model.date or dt.date.today()
    if record.valid.active_on(day) is not Truth.NO or record.valid.ordinals()[3] >= day.toordinal():
        return []
    whole = model.whole()
    chain = refers_to(whole, record.id, on=day).chain
    if len(chain) == 1:
        return [
            "  "
            + _("no longer exists: ended {end}; what it became is not recorded").format(
                end=bound_words(record.valid.end) or _("on an unknown date")
            )
        ]
    lines = []
    for step, successor in enumerate(chain[1:]):
        since = whole.get(successor).valid.start
        text = _("merged into {successor} on {date}") if since.kind == "date" else _("merged into {successor}")
        phrase = text.format(successor=label(model, successor), date=bound_words(since))
        if step == 0:
            lines.append("  " + _("no longer exists: {what}").format(what=phrase))
        else:
            lines.append("  " + _("later: {what}").format(what=phrase))
    return lines


def describe(model: Model, record: Any) -> str:
    """A multi-line description of a record as a person would read it, in the language in use."""
    rid = getattr(record, "id", "")
    title = record_title(model, record, rid)
    head = [type_label(record)]
    if getattr(record, "kind", None) and _kind_words(record) != head[0]:
        head.append(_kind_words(record))
    head.append(rid)
    if model.date:
        head.append(_("as of {date}").format(date=when(PartialDate.from_date(model.date))))
    lines = [title, " · ".join(head)]
    if isinstance(record, Territory):
        lines.extend(_gone(model, record))
    if record.valid is not ALWAYS:
        lines.append("  " + _("valid") + ": " + period_words(record.valid))
    for field in attrs.fields(type(record)):
        if field.name == "description":  # in the language in use: the Dutch one in Dutch when there is one
            described = record_description(record)
            if described:
                lines.append(f"  {_field_label(field.name)}: {described}")
            continue
        v = getattr(record, field.name)
        if field.name in _SKIP or v is None or v == () or v == field.default:
            continue
        lines.append(f"  {_field_label(field.name)}: {_value(model, field.name, field, v)}")
    if isinstance(record, Region):
        if not record.parts_known:
            lines.append("  " + _("parts: unknown (the sources do not say which territories it holds)"))
        for part in record.parts:
            during = "" if part.valid is ALWAYS else f"  ({period_words(part.valid)})"
            lines.append("  " + _("part") + f": {label(model, part.territory)}{during}")
    if isinstance(record, Tally) and record.count is None:
        lines.append("  " + _("count: not recorded (the sources name who decided, not how many)"))
    if isinstance(record, Body):
        _body(model, record, lines)
    if isinstance(record, (Actor, Body)):
        lines.extend(_history_lines(model, record))
    if isinstance(record, (Plan, PlanItem)) and record.items:
        lines.append(
            "  " + ngettext("{n} item under it:", "{n} items under it:", len(record.items)).format(n=len(record.items))
        )
        _plan_tree(model, record.items, 2, lines)
    if rid and rid in model.graph:
        _relations(model, record, rid, title, lines)
        lines.extend(_documents(model, rid))
    if record.sources:
        lines.append("  " + _("sources") + ":")
        documents = DocumentIndex.at_hand(model)
        for s in record.sources:
            lines.append(f"    {documents.said(s)}")
            if s.inference:  # the record claims more than the document says: the reasoning
                reasoning = in_language(s.inference, s.inference_nl)
                lines.append("      " + _("inferred: {reasoning}").format(reasoning=reasoning))
    return "\n".join(lines)


def _body(model: Model, record: Body, lines: list[str]) -> None:
    for rule in record.seat_groups:
        alloc = ", ".join(f"{label(model, a.member)} {a.seats}" for a in rule.allocations)
        lines.append(
            "  "
            + _("seat group {name}: {rule}").format(name=seat_group_label(rule.name), rule=seat_rule(rule))
            + (f" ({alloc})" if alloc else "")
        )
    for c in record.cadence:
        if c.decision is None:
            lines.append("  " + _("meets: {cadence}").format(cadence=cadence_text(c)))
        else:  # a rule on decisions (a pact's evaluation), not on meetings
            subject = label(model, c.subject) if c.subject else _("its subject")
            what = decision_phrase(c.decision).format(by=record.name, subject=subject)
            lines.append("  " + _("{decision}: {cadence}").format(decision=what, cadence=cadence_text(c)))
    members = model.members(record.id)
    if not members:
        return
    lines.append("  " + _("members ({n}):").format(n=len(members)))
    by_group: dict[str, list[str]] = defaultdict(list)
    for m in members:
        ms = m.membership
        details = [role_label(ms.role)] if ms.role != "member" else []
        if ms.seats != 1:
            details.append(ngettext("{n} seat", "{n} seats", ms.seats).format(n=ms.seats))
        if ms.on_behalf_of:
            details.append(_("on behalf of {name}").format(name=label(model, ms.on_behalf_of)))
        if m.voting is not None:
            details.append(_("voting") if m.voting else _("advisory"))
        if ms.valid is not ALWAYS:
            details.append(period_words(ms.valid))
        if m.status is Truth.UNCERTAIN:
            details.append(_("uncertain on this date"))
        text = label(model, ms.member)
        by_group[seat_group_label(ms.seat_group) if ms.seat_group else _("no seat group")].append(
            text + (f" ({', '.join(details)})" if details else "")
        )
    for group in sorted(by_group):
        lines.append(f"    {group}:")
        lines.extend(f"      {t}" for t in by_group[group])


def _relations(model: Model, record: Any, rid: str, title: str, lines: list[str]) -> None:
    rels: list[str] = []
    for _s, t, data in sorted(model.graph.out_edges(rid, data=True), key=lambda e: (e[2]["kind"], e[1])):
        if data["kind"] in ("member_of", "part_of", "includes") and isinstance(record, Region):
            continue
        rels.append("    " + _relation(data["kind"], title, label(model, t, dated=True)))
    incoming = [
        (data["kind"], s)
        for s, _t, data in model.graph.in_edges(rid, data=True)
        if data["kind"] not in ("member_of", "part_of", "includes", "succeeds") or isinstance(record, Plan)
    ]
    for kind, s in sorted(incoming)[:40]:
        rels.append("    " + _relation(kind, label(model, s, dated=True), title))
    if len(incoming) > 40:
        rels.append("    " + _("... and {n} more").format(n=len(incoming) - 40))
    if rels:
        lines.append("  " + _("relations") + ":")
        lines.extend(rels)


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
