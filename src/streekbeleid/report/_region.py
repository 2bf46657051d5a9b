"""A region's page: overview, network, composition, plans, timeline, decisions, workflows, checks, sources."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from .. import queries
from ..model.dates import ALWAYS
from ..model.records import (
    Region,
    Territory,
)
from ._bodies import composition_section
from ._checks import problems_table
from ._documents import documents_table
from ._html import Markup, anchor_id, concat, el, table
from ._network import KIND_LABELS, network_svg, region_network
from ._plans import decisions_section, plans_section
from ._procedures import workflows_section
from ._scope import RegionScope, region_scope
from ._site import Site
from ._timeline import timeline_rows, timeline_svg, timeline_table


def region_page(site: Site, scope: RegionScope) -> str:
    region = scope.region
    sections = [
        ("overview", "Overview", _overview(site, scope)),
        ("network", "Network of bodies and actors", _network(site, scope)),
        ("composition", "Composition of the bodies", composition_section(site, scope)),
        ("plans", "Plans", plans_section(site, scope)),
        ("timeline", "Timeline", _timeline(site, scope)),
        ("decisions", "Decisions and endorsement", decisions_section(site, scope)),
        ("workflows", "Workflows", workflows_section(site, scope)),
        ("checks", "Check results", _checks(site, scope)),
        ("sources", "Sources", _sources(site, scope)),
    ]
    toc = el("nav", [el("a", title, href=f"#{key}") for key, title, _ in sections], class_="toc")
    body = concat(
        el("h1", region.name, id=anchor_id(region.id)),
        el("p", el("span", region.id, class_="id"), " ", site.src(region)),
        toc,
        [concat(el("h2", title, id=key), content) for key, title, content in sections],
    )
    return site.page(region.name, body)


def _overview(site: Site, scope: RegionScope) -> Markup:
    region = scope.region
    origin = site.model.origins.get(region.id, "")
    info = next((p for p in site.model.plugins if p.name == origin), None)
    facts = [
        ("bodies", len(scope.bodies)),
        ("actors", len(scope.actor_ids())),
        ("plans", len(scope.plans)),
        ("projects", len(scope.projects)),
        ("decisions", len(scope.decisions) + len(scope.tallies)),
        ("fundings", len(scope.fundings)),
    ]
    rows = [
        ("kind", region.kind),
        ("period", "" if region.valid is ALWAYS else str(region.valid)),
        ("plugin", f"{origin} ({info.distribution} {info.version})" if info and info.distribution else origin),
    ]
    parts = _parts(site, region, scope)
    out = [
        el("p", region.description) if region.description else None,
        el("div", [el("div", el("b", str(n)), label, class_="fact") for label, n in facts], class_="facts"),
        el("table", [el("tr", el("th", k), el("td", v)) for k, v in rows if v]),
        el("h3", "Territory"),
        parts,
    ]
    if scope.subregions:
        out.append(el("h3", f"Subregions ({len(scope.subregions)})"))
        out.append(
            el(
                "ul",
                [
                    el(
                        "li",
                        el("span", r.name, id=anchor_id(r.id)),
                        " ",
                        el("span", r.id, class_="id"),
                        " — ",
                        _parts_text(site, r),
                        site.src(r),
                    )
                    for r in scope.subregions
                ],
            )
        )
    out.append(el("h3", "Who takes part"))
    out.append(_actors_table(site, scope))
    return concat(out)


def _parts_text(site: Site, region: Region) -> str:
    day = site.as_of or site.generated
    found = queries.municipalities(site.model, region.id, on=day)
    if not found.complete and not len(found):
        return "the sources do not say which municipalities it holds"
    text = f"{len(found)} municipalities on {day}"
    return text if found.complete else text + " (at least: the sources do not name them all)"


def _parts(site: Site, region: Region, scope: RegionScope) -> Markup:
    day = site.as_of or site.generated
    found = queries.municipalities(site.model, region.id, on=day)
    if not found.complete and not len(found):
        return el("p", "The sources do not say which municipalities this region holds.", class_="muted")
    starts = [p.valid.ordinals()[1] for p in scope.plans] + [b.valid.ordinals()[1] for b in scope.bodies]
    known = [date.fromordinal(s).year for s in starts if date(1990, 1, 1).toordinal() < s < date.max.toordinal()]
    first = min([*known, day.year])
    history: list[list[int]] = []  # [from year, to year, count]
    for year in range(first, day.year + 1):
        n = len(queries.municipalities(site.model, region.id, on=date(year, 7, 1)))
        if history and history[-1][2] == n:
            history[-1][1] = year
        else:
            history.append([year, year, n])
    through = "; ".join(f"{n} in {a}" if a == b else f"{n} in {a}–{b}" for a, b, n in history)
    names = sorted(site.name(t) for t in found.ids)
    parts = ", ".join(
        _territory_text(site, p.territory) + ("" if p.valid is ALWAYS else f" ({p.valid})") for p in region.parts
    )
    return concat(
        el("p", f"Defined as: {parts}." if parts else None, site.src(region)),
        el("p", f"Municipalities through time (mid-year): {through}.") if len(history) > 1 else None,
        el("details", el("summary", _parts_text(site, region)), el("p", ", ".join(names))),
    )


def _territory_text(site: Site, territory_id: str) -> str:
    """``arrondissement Turnhout (nis:13000)``: the level, so a town and its arrondissement are told apart."""
    record = site.model.get(territory_id) if territory_id in site.model else None
    if isinstance(record, Territory):
        return f"{record.level} {record.name} ({territory_id})"
    return site.name(territory_id)


def _actors_table(site: Site, scope: RegionScope) -> Markup:
    roles: dict[str, set[str]] = defaultdict(set)
    for m in scope.memberships:
        roles[m.member].add(f"{m.role.replace('_', ' ')} of {site.name(m.organization)}")
    for plan in scope.plans:
        for item in plan.walk():
            if item.lead:
                roles[item.lead].add(f"leads {item.number or ''} {item.kind}".replace("  ", " "))
            for p in item.partners:
                roles[p].add(f"partner in {item.kind}s")
    for pr in scope.projects:
        if pr.promoter:
            roles[pr.promoter].add("promoter of a project")
    for f in scope.fundings:
        roles[f.funder].add("funder")
    for r in scope.relations:
        roles[r.subject].add(f"{r.kind.replace('_', ' ')} {site.name(r.object)}")
    for d in scope.decisions:
        roles[d.by].add(f"decides ({d.kind})")
    rows = []
    for actor_id in sorted(scope.actor_ids(), key=lambda a: (site.kind(a), site.name(a).lower())):
        rows.append(
            el(
                "tr",
                el(
                    "td",
                    el("span", site.name(actor_id), id=anchor_id(actor_id)),
                    " ",
                    el("span", actor_id, class_="id"),
                ),
                el("td", KIND_LABELS.get(site.kind(actor_id), site.kind(actor_id))),
                el("td", "; ".join(sorted(roles.get(actor_id, set())))),
                el("td", site.src(site.model.get(actor_id)) if actor_id in site.model else ""),
            )
        )
    if not rows:
        return el("p", "No actors recorded.", class_="muted")
    return el(
        "details",
        el("summary", f"{len(rows)} actors and their roles"),
        table(["actor", "kind", "roles", "sources"], rows),
    )


def _network(site: Site, scope: RegionScope) -> Markup:
    net = region_network(site.view, scope)
    when = f"on {site.as_of}" if site.as_of else "over all periods"
    title = f"Bodies and actors of {scope.region.name} {when}"
    relations = [
        el(
            "li",
            site.link(r.subject),
            f" {r.kind.replace('_', ' ')} ",
            site.link(r.object),
            f" ({r.valid})" if r.valid is not ALWAYS else "",
            site.src(r),
            id=anchor_id(r.id),
        )
        for r in scope.relations
    ]
    return concat(
        el(
            "p",
            f"{len(net.bodies)} bodies in the middle, {len(net.others)} actors around them, grouped and "
            f"coloured by kind; lines are seats {when}. Hover a line or a dot for details.",
            class_="muted",
        ),
        el("div", network_svg(net, title=title), class_="figure"),
        el("h3", "Relations between bodies and organisations") if relations else None,
        el("ul", relations) if relations else None,
    )


def _timeline(site: Site, scope: RegionScope) -> Markup:
    full = region_scope(site.model, site.model.get(scope.region.id))  # the timeline shows all periods
    rows = timeline_rows(site.model, full)
    title = f"Timeline of {scope.region.name}"
    return concat(
        el(
            "p",
            "Solid bars are certain; hatched, faded spans are where a date known only to the year or month, "
            "or only bounded, may fall; an arrow means no end is recorded.",
            class_="muted",
        ),
        el("div", timeline_svg(rows, title=title, marker=site.as_of), class_="figure"),
        el("details", el("summary", f"The {len(rows)} rows as a table"), timeline_table(rows, site.hrefs)),
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
