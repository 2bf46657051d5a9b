"""A region's page: overview, network, composition, plans, timeline, decisions, workflows, checks, sources."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from .. import queries
from ..i18n import _, ngettext
from ..model import phrasing
from ..model.dates import ALWAYS
from ..model.records import Region, Relation, Territory
from ._bodies import composition_section
from ._checks import problems_table
from ._documents import documents_table
from ._history import history_cell
from ._mandates import documents_section, mandates_section
from ._network import network_svg, region_network
from ._plans import decisions_section, plans_section
from ._procedures import workflows_section
from ._site import Site
from .html import Markup, anchor_id, concat, el, facts_table, fill, table
from .scope import RegionScope, region_scope
from .timeline import timeline_rows, timeline_svg, timeline_table


def region_page(site: Site, scope: RegionScope) -> str:
    region = scope.region
    sections = [
        ("overview", _("Overview"), _overview(site, scope)),
        ("network", _("Network of bodies and actors"), _network(site, scope)),
        ("composition", _("Composition of the bodies"), composition_section(site, scope)),
        ("plans", _("Plans"), plans_section(site, scope)),
        ("timeline", _("Timeline"), _timeline(site, scope)),
        ("decisions", _("Decisions and endorsement"), decisions_section(site, scope)),
        ("workflows", _("Procedures"), workflows_section(site, scope)),
        ("mandates", _("Mandates"), mandates_section(site, scope)),
        ("documents", _("Documents"), documents_section(site, scope)),
        ("checks", _("Check results"), _checks(site, scope)),
        ("sources", _("Sources"), _sources(site, scope)),
    ]
    toc = el("nav", [el("a", title, href=f"#{key}") for key, title, _c in sections], class_="toc")
    body = concat(
        el("h1", region.name, id=anchor_id(region.id)),
        el("p", phrasing.kind_label(region.kind), " ", site.src(region), class_="muted"),
        toc,
        [concat(el("h2", title, id=key), content) for key, title, content in sections],
    )
    return site.page(region.name, body)


def _overview(site: Site, scope: RegionScope) -> Markup:
    region = scope.region
    origin = site.model.origins.get(region.id, "")
    facts = [
        (_("bodies"), len(scope.bodies)),
        (_("actors"), len(scope.actor_ids())),
        (_("plans"), len(scope.plans)),
        (_("projects"), len(scope.projects)),
        (_("decisions"), len(scope.decisions) + len(scope.tallies)),
        (_("fundings"), len(scope.fundings)),
    ]
    rows = [
        (_("kind"), phrasing.kind_label(region.kind)),
        (_("period"), "" if region.valid is ALWAYS else phrasing.period_words(region.valid)),
        (_("region package"), origin),
    ]
    out = [
        el("p", described) if (described := phrasing.record_description(region)) else None,
        el("div", [el("div", el("b", str(n)), label, class_="fact") for label, n in facts], class_="facts"),
        facts_table(rows),
        el("h3", _("Territory")),
        _parts(site, region, scope),
    ]
    if scope.subregions:
        out.append(el("h3", _("Subregions ({n})").format(n=len(scope.subregions))))
        items = [
            el("li", el("span", r.name, id=anchor_id(r.id)), " — ", _parts_text(site, r), site.src(r))
            for r in scope.subregions
        ]
        out.append(el("ul", items))
    out.append(el("h3", _("Who takes part")))
    out.append(_actors_table(site, scope))
    return concat(out)


def _parts_text(site: Site, region: Region) -> str:
    day = site.as_of or site.generated
    found = queries.municipalities(site.model, region.id, on=day)
    if not found.complete and not len(found):
        return _("the sources do not say which municipalities it holds")
    text = ngettext("{n} municipality on {date}", "{n} municipalities on {date}", len(found)).format(
        n=len(found), date=phrasing.day_words(day)
    )
    return text if found.complete else _("{count} (at least: the sources do not name them all)").format(count=text)


def _history(site: Site, region: Region, scope: RegionScope, day: date) -> str:
    """How many municipalities the region held each mid-year, in runs: ``44 in 2008–2018; 42 in 2019–2025``."""
    starts = [p.valid.ordinals()[1] for p in scope.plans] + [b.valid.ordinals()[1] for b in scope.bodies]
    known = [date.fromordinal(s).year for s in starts if date(1990, 1, 1).toordinal() < s < date.max.toordinal()]
    history: list[list[int]] = []  # [from year, to year, count]
    for year in range(min([*known, day.year]), day.year + 1):
        n = len(queries.municipalities(site.model, region.id, on=date(year, 7, 1)))
        if history and history[-1][2] == n:
            history[-1][1] = year
        else:
            history.append([year, year, n])
    if len(history) < 2:
        return ""
    return "; ".join(
        _("{n} in {year}").format(n=n, year=a) if a == b else _("{n} in {first}–{last}").format(n=n, first=a, last=b)
        for a, b, n in history
    )


def _parts(site: Site, region: Region, scope: RegionScope) -> Markup:
    day = site.as_of or site.generated
    found = queries.municipalities(site.model, region.id, on=day)
    if not found.complete and not len(found):
        return el("p", _("The sources do not say which municipalities this region holds."), class_="muted")
    through = _history(site, region, scope, day)
    names = sorted(site.name(t) for t in found.ids)
    parts = ", ".join(
        _territory_text(site, p.territory) + ("" if p.valid is ALWAYS else f" ({phrasing.period_words(p.valid)})")
        for p in region.parts
    )
    return concat(
        el("p", _("Defined as: {parts}.").format(parts=parts), site.src(region)) if parts else None,
        el("p", _("Municipalities through time (on 1 July of each year): {runs}.").format(runs=through))
        if through
        else None,
        el("details", el("summary", _parts_text(site, region)), el("p", ", ".join(names))),
    )


def _territory_text(site: Site, territory_id: str) -> str:
    """``arrondissement Turnhout``: the level, so a town and its arrondissement are told apart."""
    record = site.model.get(territory_id) if territory_id in site.model else None
    if isinstance(record, Territory):
        return f"{phrasing.kind_label(record.level)} {record.name}"
    return site.name(territory_id)


def _roles(site: Site, scope: RegionScope) -> dict[str, set[str]]:
    """What each actor does in the region, in words."""
    roles: dict[str, set[str]] = defaultdict(set)
    for m in scope.memberships:
        roles[m.member].add(
            _("{role} of {body}").format(role=phrasing.role_label(m.role), body=site.name(m.organization))
        )
    for plan in scope.plans:
        for item in plan.walk():
            what = phrasing.kind_label(item.kind)
            for lead in item.leads:
                roles[lead].add(_("leads {kind} {number}").format(kind=what, number=item.number or "").strip())
            for p in item.partners:
                roles[p].add(_("partner in a {kind}").format(kind=what))
    for pr in scope.projects:
        if pr.promoter:
            roles[pr.promoter].add(_("promoter of a project"))
    for f in scope.fundings:
        roles[f.funder].add(_("funder"))
    for r in scope.relations:
        roles[r.subject].add(phrasing.relation_phrase(r.kind).format(subject="", object=site.name(r.object)).strip())
    for d in scope.decisions:
        roles[d.by].add(phrasing.decision_phrase(d.kind).format(by="", subject=site.name(d.subject)).strip(" :"))
    return roles


def _actors_table(site: Site, scope: RegionScope) -> Markup:
    roles = _roles(site, scope)
    rows = [
        el(
            "tr",
            el("td", el("span", site.name(actor_id), id=anchor_id(actor_id))),
            el("td", site.kind_label(actor_id)),
            el("td", "; ".join(sorted(roles.get(actor_id, set())))),
            el("td", history_cell(site, actor_id)),
            el("td", site.src(site.model.get(actor_id)) if actor_id in site.model else ""),
        )
        for actor_id in sorted(scope.actor_ids(), key=lambda a: (site.kind_label(a), site.name(a).lower()))
    ]
    if not rows:
        return el("p", _("No actors recorded."), class_="muted")
    return el(
        "details",
        el("summary", ngettext("{n} actor and its roles", "{n} actors and their roles", len(rows)).format(n=len(rows))),
        table([_("actor"), _("kind"), _("roles"), _("history"), _("sources")], rows),
    )


def _network(site: Site, scope: RegionScope) -> Markup:
    net = region_network(site.view, scope)
    when = _("on {date}").format(date=phrasing.day_words(site.as_of)) if site.as_of else _("over all periods")
    title = _("Bodies and actors of {region} {when}").format(region=scope.region.name, when=when)
    relations = [
        el(
            "li",
            _relation(site, r),
            f" ({phrasing.period_words(r.valid)})" if r.valid is not ALWAYS else "",
            site.src(r),
            id=anchor_id(r.id),
        )
        for r in scope.relations
    ]
    return concat(
        el(
            "p",
            _(
                "{bodies} bodies in the middle, {actors} actors around them, grouped and coloured by kind; "
                "lines are seats {when}."
            ).format(bodies=len(net.bodies), actors=len(net.others), when=when),
            " ",
            el("a", _("The same seats as tables, body by body."), href="#composition"),
            class_="muted",
        ),
        el("p", _("The picture is wider than the screen: swipe sideways to see all of it."), class_="scroll-hint"),
        el("div", network_svg(net, title=title), class_="figure", tabindex="0"),
        el("h3", _("Relations between bodies and organisations")) if relations else None,
        el("ul", relations) if relations else None,
    )


def _relation(site: Site, r: Relation) -> Markup:
    """A relation as a sentence with its two ends linked."""
    return fill(phrasing.relation_phrase(r.kind), subject=site.link(r.subject), object=site.link(r.object))


def _timeline(site: Site, scope: RegionScope) -> Markup:
    full = region_scope(site.model, site.model.get(scope.region.id))  # the timeline shows all periods
    rows = timeline_rows(site.model, full)
    title = _("Timeline of {region}").format(region=scope.region.name)
    return concat(
        el(
            "p",
            _(
                "Solid bars are certain; hatched, faded spans are where a date known only to the year or month, "
                "or only bounded, may fall; an arrow means no end is recorded; a start that is not known is not drawn."
            ),
            class_="muted",
        ),
        el("p", _("The picture is wider than the screen: swipe sideways to see all of it."), class_="scroll-hint"),
        el("div", timeline_svg(rows, title=title, marker=site.as_of), class_="figure", tabindex="0"),
        el(
            "details",
            el("summary", ngettext("The {n} row as a table", "The {n} rows as a table", len(rows)).format(n=len(rows))),
            timeline_table(rows, site.hrefs),
        ),
    )


def _checks(site: Site, scope: RegionScope) -> Markup:
    return problems_table(site, site.problems_of(scope))


def _sources(site: Site, scope: RegionScope) -> Markup:
    return documents_table(site, _citations_of(site, scope))


def _citations_of(site: Site, scope: RegionScope) -> dict[str, list[Any]]:
    page = site.page_of(scope.region)
    out: dict[str, list[Any]] = defaultdict(list)
    for doc, cites in site.sources.citations.items():
        for c in cites:
            if site.hrefs.get(c.record_id, "").startswith(page + "#"):
                out[doc].append(c)
    return out
