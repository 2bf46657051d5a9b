"""The plans and the decisions sections of a region's page: plan trees, projects, endorsements, fundings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import queries
from ..model.dates import ALWAYS
from ..model.records import Decision, Funding, Plan, PlanItem, Project, Tally
from ..queries import EndorsementCount, Endorsements
from ._html import Markup, anchor_id, concat, el, table
from ._scope import RegionScope
from ._site import Site

__all__ = ["decisions_section", "plans_section"]

#: Lineage seen from the older record: the 2008 pact is "succeeded by" the 2014 pact.
_PASSIVE = {
    "succeeds": "succeeded by",
    "deepens": "deepened by",
    "revises": "revised by",
    "subscribes_to": "subscribed to by",
    "replaces": "replaced by",
    "implements": "implemented by",
}


def plans_section(site: Site, scope: RegionScope) -> Markup:
    """Every plan of a region with its facts, lineage, decisions and tree; then the projects outside a plan."""
    if not scope.plans:
        return el("p", "No plans recorded.", class_="muted")
    out: list[Markup] = []
    for plan in scope.plans:
        out.append(el("h3", plan.name, " ", el("span", plan.id, class_="id"), site.src(plan), id=anchor_id(plan.id)))
        meta = _plan_facts(site, plan, scope)
        out.append(el("table", [el("tr", el("th", k), el("td", v)) for k, v in meta if v], class_="plan-meta"))
        if plan.description:
            out.append(el("p", plan.description))
        if plan.items:
            out.append(el("ul", [_item(site, i) for i in plan.items], class_="tree"))
    loose = [p for p in scope.projects if p.plan not in {x.id for x in scope.plans}]
    if loose:
        out.append(el("h3", "Projects outside a plan"))
        out.append(el("ul", [el("li", _project(site, p)) for p in loose]))
    return concat(out)


def _plan_facts(site: Site, plan: Plan, scope: RegionScope) -> list[tuple[str, Any]]:
    """The rows of a plan's table of facts: ``(heading, value)``, a row with no value left out by the caller."""
    meta: list[tuple[str, Any]] = [
        ("title", plan.title),
        ("kind", plan.kind.replace("_", " ")),
        ("period", None if plan.valid is ALWAYS else str(plan.valid)),
        ("status", plan.status),
        ("owner", site.link(plan.owner) if plan.owner else None),
        ("themes", ", ".join(site.name(t) for t in plan.themes) or None),
    ]
    for x in scope.lineage:
        if x.subject == plan.id:
            meta.append((x.kind.replace("_", " "), concat(site.link(x.object), site.src(x))))
        elif x.object == plan.id:
            meta.append((_PASSIVE.get(x.kind, x.kind), concat(site.link(x.subject), site.src(x))))
    meta += [(d.kind, concat(_decision_text(site, d), site.src(d))) for d in scope.decisions if d.subject == plan.id]
    meta += [(t.kind, concat(_tally_text(site, t), site.src(t))) for t in scope.tallies if t.subject == plan.id]
    meta += [("funding", concat(_funding_text(site, f), site.src(f))) for f in scope.fundings if f.subject == plan.id]
    projects = [p for p in scope.projects if p.plan == plan.id]
    if projects:
        meta.append(("projects", concat([concat(_project(site, p), " ") for p in projects])))
    return meta


def _project(site: Site, p: Project) -> Markup:
    bits: list[Markup | str] = []
    if p.promoter:
        bits.append(concat("promoter ", site.link(p.promoter)))
    if p.partners:
        bits.append(concat("partners ", [concat(site.link(x), " ") for x in p.partners]))
    if p.valid is not ALWAYS:
        bits.append(str(p.valid))
    return el(
        "span",
        el("b", p.name),
        f" ({p.reference})" if p.reference else "",
        " — " if bits else "",
        [concat(b, "; ") for b in bits],
        site.src(p),
        id=anchor_id(p.id),
    )


def _item(site: Site, item: PlanItem) -> Markup:
    commitments: list[Markup | str] = []
    if item.lead:
        commitments.append(concat("lead: ", site.link(item.lead)))
    if item.partners:
        commitments.append(
            concat("partners: ", [concat(site.link(p), ", ") for p in item.partners[:-1]], site.link(item.partners[-1]))
        )
    if item.themes:
        commitments.append("themes: " + ", ".join(site.name(t) for t in item.themes))
    if item.status:
        commitments.append(f"status: {item.status}")
    if item.valid is not ALWAYS:
        commitments.append(str(item.valid))
    head = concat(
        el("span", item.kind, class_="item-kind"),
        el("span", item.number, class_="item-number") if item.number else None,
        el("span", item.name, class_="item-name"),
        site.src(item),
        el("span", " — ", [concat(c, "; ") for c in commitments[:-1]], commitments[-1], class_="commitments")
        if commitments
        else None,
    )
    extra = [el("p", item.description, class_="muted")] if item.description else []
    if item.indicators:
        extra.append(_indicators(site, item))
    if item.items:
        return el(
            "li",
            el("details", el("summary", head), extra, el("ul", [_item(site, c) for c in item.items]), open=True),
            id=anchor_id(item.id),
        )
    return el("li", head, extra, id=anchor_id(item.id))


def _indicators(site: Site, item: PlanItem) -> Markup:
    rows = []
    for ind in item.indicators:
        base = f"{ind.baseline.value} ({ind.baseline.year})" if ind.baseline else ""
        periods = "; ".join(f"{p.valid}: target {p.target or '-'}, actual {p.actual or '-'}" for p in ind.periods)
        rows.append(
            el(
                "tr",
                el("td", ind.name, site.sources.links(ind.sources)),
                el("td", f"{ind.measure}, {'higher is better' if ind.ascending else 'lower is better'}"),
                el("td", base),
                el("td", periods),
            )
        )
    return table(["indicator", "measure", "baseline", "periods"], rows, class_="indicators")


def _decision_text(site: Site, d: Decision) -> Markup:
    votes = ""
    if d.votes is not None:
        counts = [
            f"{n} {w}"
            for n, w in ((d.votes.yes, "for"), (d.votes.no, "against"), (d.votes.abstain, "abstaining"))
            if n is not None
        ]
        votes = " (" + ", ".join(counts) + ")"
    elif d.unanimous:
        votes = " (unanimously)"
    when = f" on {d.date}" if d.date else " (date unknown)"
    advisory = " — advice only" if d.authoritative is False else ""
    outcome = "" if d.outcome == "adopted" else f" — {d.outcome}"
    return concat(site.link(d.by), f" {d.kind}s ", site.link(d.subject), when, votes, outcome, advisory)


def _tally_text(site: Site, t: Tally) -> Markup:
    who = t.by.replace("_", " ")
    among = concat(" in ", site.link(t.among)) if t.among else ""
    if t.out_of:
        share = t.count / t.out_of
        text = f"{t.count} of {t.out_of} {who}s ({share:.0%})"
    else:
        text = f"{t.count} {who}s"
    when = f" by {t.date}" if t.date else ""
    return concat(text, among, f" {t.kind} ", site.link(t.subject), when)


def _funding_text(site: Site, f: Funding) -> Markup:
    amount = f" {f.amount:,} {f.currency}" if f.amount is not None else ""
    share = f" ({f.share})" if f.share else ""
    to = concat(" to ", site.link(f.recipient)) if f.recipient else ""
    when = f", {f.valid}" if f.valid is not ALWAYS else ""
    return concat(f"{f.kind.replace('_', ' ')}{amount}{share} from ", site.link(f.funder), to, when)


def decisions_section(site: Site, scope: RegionScope) -> Markup:
    """How far each plan was endorsed, every decision of the region by date, and its fundings."""
    coverage: list[Markup] = []
    shown: set[str] = set()
    for plan in scope.plans:
        found = queries.endorsements(site.model, plan.id)
        shown.update(c.tally.id for c in found.counts)
        coverage.extend(_coverage(site, found))
    for t in scope.tallies:  # tallies about something other than a plan (a project, a body)
        if t.id not in shown:
            coverage.append(el("li", _tally_text(site, t), site.src(t), id=anchor_id(t.id)))
    return concat(
        el("h3", "Endorsement coverage"),
        el("ul", coverage, class_="coverage") if coverage else el("p", "No endorsements recorded.", class_="muted"),
        el("h3", "Decisions"),
        _decisions_table(site, scope.decisions),
        _fundings(site, scope.fundings),
    )


def _coverage(site: Site, found: Endorsements) -> list[Markup]:
    """The items of a plan's endorsement coverage: each tally with a bar, the named endorsers, the refusals."""
    out = [_count_item(site, c) for c in found.counts]
    plan_id = found.plan.id
    adopted = [d for d in found.decisions if d.outcome == "adopted"]
    if adopted:
        out.append(
            el(
                "li",
                f"{len({d.by for d in adopted})} named endorsements of ",
                site.link(plan_id),
                ": ",
                [concat(site.link(d.by), f" ({d.date})" if d.date else "", site.src(d), " ") for d in adopted],
            )
        )
    if found.refused_by:
        out.append(
            el("li", "refused ", site.link(plan_id), ": ", [concat(site.link(x), " ") for x in found.refused_by])
        )
    return out


def _count_item(site: Site, c: EndorsementCount) -> Markup:
    bar = None
    if c.out_of:
        pct = 100 * c.count / c.out_of
        bar = el("span", el("span", "", style=f"width:{pct:.1f}%"), class_="bar", title=f"{pct:.0f}%")
    named = (
        el("div", "named: ", [concat(site.link(n), " ") for n in c.endorsers], class_="muted") if c.endorsers else None
    )
    missing = (
        el("div", "did not endorse: ", [concat(site.link(n), " ") for n in c.non_endorsers], class_="muted")
        if c.non_endorsers
        else None
    )
    return el("li", bar, " ", _tally_text(site, c.tally), site.src(c.tally), named, missing, id=anchor_id(c.tally.id))


def _decisions_table(site: Site, decisions: Sequence[Decision]) -> Markup:
    if not decisions:
        return el("p", "No decisions recorded.", class_="muted")
    rows = [
        el(
            "tr",
            el("td", str(d.date) if d.date else "unknown", class_="date"),
            el("td", _decision_text(site, d), site.src(d)),
            el("td", d.description or ""),
            id=anchor_id(d.id),
        )
        for d in sorted(decisions, key=lambda d: (d.date.sort_key() if d.date else (0, 0), d.id))
    ]
    return table(["date", "decision", "note"], rows)


def _fundings(site: Site, fundings: Sequence[Funding]) -> Markup | None:
    if not fundings:
        return None
    items = [
        el(
            "li",
            _funding_text(site, f),
            " for ",
            site.link(f.subject) if f.subject else "the region",
            site.src(f),
            id=anchor_id(f.id),
        )
        for f in fundings
    ]
    return concat(el("h3", "Fundings"), el("ul", items))
