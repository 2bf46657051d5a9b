"""The plans and the decisions sections of a region's page: plan trees, projects, endorsements, fundings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import queries
from ..i18n import _, ngettext
from ..model import phrasing
from ..model.dates import ALWAYS
from ..model.records import ADOPTING_OUTCOMES, Decision, Funding, Plan, PlanItem, Project, Tally
from ..queries import EndorsementCount, Endorsements
from ._money import money_block
from ._progress import progress_view
from ._site import Site
from .html import Markup, anchor_id, concat, el, facts_table, fill, table
from .scope import RegionScope

__all__ = ["decisions_section", "plans_section"]


def plans_section(site: Site, scope: RegionScope) -> Markup:
    """Every plan of a region with its facts, lineage, decisions and tree; then the projects outside a plan."""
    if not scope.plans:
        return el("p", _("No plans recorded."), class_="muted")
    out: list[Markup] = []
    for plan in scope.plans:
        out.append(el("h3", plan.name, site.src(plan), id=anchor_id(plan.id)))
        out.append(facts_table(_plan_facts(site, plan, scope), class_="plan-meta"))
        if described := phrasing.record_description(plan):
            out.append(el("p", described))
        if plan.items:
            out.append(el("ul", [_item(site, i) for i in plan.items], class_="tree"))
        out.append(progress_view(site, plan))
        out.append(money_block(site, plan))
    loose = [p for p in scope.projects if p.plan not in {x.id for x in scope.plans}]
    if loose:
        out.append(el("h3", _("Projects outside a plan")))
        out.append(el("ul", [el("li", _project(site, p)) for p in loose]))
    return concat(out)


def _plan_facts(site: Site, plan: Plan, scope: RegionScope) -> list[tuple[str, Any]]:
    """The rows of a plan's table of facts: ``(heading, value)``, a row with no value left out by the caller."""
    meta: list[tuple[str, Any]] = [
        (_("title"), plan.title),
        (_("kind"), phrasing.kind_label(plan.kind)),
        (_("period"), None if plan.valid is ALWAYS else phrasing.period_words(plan.valid)),
        (_("status"), plan.status),
        (_("owner"), site.link(plan.owner) if plan.owner else None),
        (_("themes"), ", ".join(site.theme(t) for t in plan.themes) or None),
    ]
    for x in scope.lineage:
        if x.subject == plan.id:
            meta.append((phrasing.lineage_label(x.kind), concat(site.link(x.object), site.src(x))))
        elif x.object == plan.id:
            meta.append((phrasing.lineage_label(x.kind, passive=True), concat(site.link(x.subject), site.src(x))))
    meta += [
        (_("decision"), concat(_decision_text(site, d), site.src(d))) for d in scope.decisions if d.subject == plan.id
    ]
    meta += [
        (_("endorsement"), concat(_tally_text(site, t), site.src(t))) for t in scope.tallies if t.subject == plan.id
    ]
    meta += [
        (_("funding"), concat(_funding_text(site, f), site.src(f))) for f in scope.fundings if f.subject == plan.id
    ]
    projects = [p for p in scope.projects if p.plan == plan.id]
    if projects:
        meta.append((_("projects"), concat([concat(_project(site, p), " ") for p in projects])))
    return meta


def _project(site: Site, p: Project) -> Markup:
    bits: list[Markup | str] = []
    if p.promoter:
        bits.append(fill(_("promoter {actor}"), actor=site.link(p.promoter)))
    if p.partners:
        bits.append(fill(_("partners {actors}"), actors=_links(site, p.partners)))
    if p.valid is not ALWAYS:
        bits.append(phrasing.period_words(p.valid))
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
    if item.co_leads:
        commitments.append(fill(_("co-leads: {actors}"), actors=_links(site, item.leads)))
    elif item.lead:
        commitments.append(fill(_("lead: {actor}"), actor=site.link(item.lead)))
    if item.partners:
        commitments.append(fill(_("partners: {actors}"), actors=_links(site, item.partners)))
    if item.themes:
        commitments.append(_("themes: {themes}").format(themes=", ".join(site.theme(t) for t in item.themes)))
    if item.status:
        commitments.append(_("status: {status}").format(status=item.status))
    if item.valid is not ALWAYS:
        commitments.append(phrasing.period_words(item.valid))
    head = concat(
        el("span", phrasing.kind_label(item.kind), class_="item-kind"),
        el("span", item.number, class_="item-number") if item.number else None,
        el("span", item.name, class_="item-name"),
        site.src(item),
        el("span", " — ", [concat(c, "; ") for c in commitments[:-1]], commitments[-1], class_="commitments")
        if commitments
        else None,
    )
    extra = [el("p", described, class_="muted")] if (described := phrasing.record_description(item)) else []
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
        periods = "; ".join(
            _("{period}: target {target}, actual {actual}").format(
                period=phrasing.period_words(p.valid), target=p.target or "–", actual=p.actual or "–"
            )
            for p in ind.periods
        )
        better = _("higher is better") if ind.ascending else _("lower is better")
        rows.append(
            el(
                "tr",
                el("td", ind.name, site.sources.links(ind.sources)),
                el("td", f"{ind.measure}, {better}"),
                el("td", base),
                el("td", periods),
            )
        )
    return table([_("indicator"), _("measure"), _("baseline"), _("periods")], rows, class_="indicators")


def _links(site: Site, ids: Sequence[str]) -> Markup:
    """Links to records, separated by commas."""
    return concat([concat(", " if i else "", site.link(x)) for i, x in enumerate(ids)])


def _decision_text(site: Site, d: Decision) -> Markup:
    """``RESOC Limburg keurt Streekpact 2014-2019 goed op 11 maart 2014 (unaniem)``: no more precise than the data."""
    how = ""
    if d.votes is not None:
        counts = [
            text.format(n=n)
            for n, text in (
                (d.votes.yes, _("{n} for")),
                (d.votes.no, _("{n} against")),
                (d.votes.abstain, _("{n} abstaining")),
            )
            if n is not None
        ]
        how = " (" + ", ".join(counts) + ")"
    elif d.unanimous:
        how = " (" + _("unanimously") + ")"
    if d.date is None:
        when = _("date unknown")
    else:
        when = (_("on {date}") if d.date.day is not None else _("in {date}")).format(date=phrasing.when(d.date))
    extra = [] if d.outcome in (None, "adopted") else [phrasing.outcome_words(d.outcome)]
    if d.authoritative is False:
        extra.append(_("advice only"))
    return concat(
        fill(phrasing.decision_phrase(d.kind), by=site.link(d.by), subject=site.link(d.subject)),
        " ",
        when,
        how,
        [f" — {x}" for x in extra],
    )


def _tally_text(site: Site, t: Tally) -> Markup:
    """``42 of 44 municipal councils (95%) endorsed Streekpact 2014-2019 by March 2014``."""
    parts: list[Markup | str] = [
        fill(phrasing.tally_phrase(t.by, t.kind, t.count, t.out_of), subject=site.link(t.subject))
    ]
    if t.among:
        parts.append(fill(" " + _("in {region}"), region=site.link(t.among)))
    if t.date:
        parts.append(" " + _("by {date}").format(date=phrasing.when(t.date)))
    return concat(parts)


def _funding_text(site: Site, f: Funding) -> Markup:
    amount = f" {f.amount:,} {f.currency}".replace(",", ".") if f.amount is not None else ""
    share = f" ({phrasing.share_text(f.share)})" if f.share is not None else ""
    text = fill(
        _("{kind} from {funder}"), kind=phrasing.kind_label(f.kind) + amount + share, funder=site.link(f.funder)
    )
    to = fill(" " + _("to {recipient}"), recipient=site.link(f.recipient)) if f.recipient else ""
    when = f", {phrasing.period_words(f.valid)}" if f.valid is not ALWAYS else ""
    return concat(text, to, when)


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
        el("h3", _("Endorsement")),
        el("ul", coverage, class_="coverage") if coverage else el("p", _("No endorsements recorded."), class_="muted"),
        el("h3", _("Decisions")),
        _decisions_table(site, scope.decisions),
        _fundings(site, scope.fundings),
    )


def _coverage(site: Site, found: Endorsements) -> list[Markup]:
    """The items of a plan's endorsement coverage: each tally with a bar, the named endorsers, the refusals."""
    out = [_count_item(site, c) for c in found.counts]
    plan_id = found.plan.id
    adopted = [d for d in found.decisions if d.outcome in ADOPTING_OUTCOMES]
    if adopted:
        n = len({d.by for d in adopted})
        named = [
            concat(site.link(d.by), f" ({phrasing.when(d.date)})" if d.date else "", site.src(d), " ") for d in adopted
        ]
        head = ngettext("{n} named endorsement of {plan}", "{n} named endorsements of {plan}", n)
        out.append(el("li", fill(head, n=str(n), plan=site.link(plan_id)), ": ", named))
    if found.refused_by:
        out.append(el("li", fill(_("refused {plan}"), plan=site.link(plan_id)), ": ", _links(site, found.refused_by)))
    return out


def _count_item(site: Site, c: EndorsementCount) -> Markup:
    bar = None
    if c.out_of and c.count is not None:  # no bar for an unrecorded count
        pct = 100 * c.count / c.out_of
        bar = el("span", el("span", "", style=f"width:{pct:.1f}%"), class_="bar", aria_hidden="true")
    named = el("div", _("named:"), " ", _links(site, c.endorsers), class_="muted") if c.endorsers else None
    missing = (
        el("div", _("did not endorse:"), " ", _links(site, c.non_endorsers), class_="muted")
        if c.non_endorsers
        else None
    )
    return el("li", bar, " ", _tally_text(site, c.tally), site.src(c.tally), named, missing, id=anchor_id(c.tally.id))


def _decisions_table(site: Site, decisions: Sequence[Decision]) -> Markup:
    if not decisions:
        return el("p", _("No decisions recorded."), class_="muted")
    rows = [
        el(
            "tr",
            el("td", phrasing.when(d.date) if d.date else _("unknown"), class_="date"),
            el("td", _decision_text(site, d), site.src(d)),
            el("td", phrasing.record_description(d) or ""),
            id=anchor_id(d.id),
        )
        for d in sorted(decisions, key=lambda d: (d.date.sort_key() if d.date else (0, 0), d.id))
    ]
    return table([_("date"), _("decision"), _("note")], rows)


def _fundings(site: Site, fundings: Sequence[Funding]) -> Markup | None:
    if not fundings:
        return None
    items = [
        el(
            "li",
            fill(
                _("{funding} for {subject}"),
                funding=_funding_text(site, f),
                subject=site.link(f.subject) if f.subject else _("the region"),
            ),
            site.src(f),
            id=anchor_id(f.id),
        )
        for f in fundings
    ]
    return concat(el("h3", _("Fundings")), el("ul", items))
