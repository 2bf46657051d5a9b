"""The comparison page: themes by region and the actors active in more than one region."""

from __future__ import annotations

from collections import defaultdict

from .. import queries
from ..model.records import Decision, Funding, PlanItem, Theme
from ._html import Markup, anchor_id, concat, el, table
from ._network import KIND_LABELS
from ._site import Site

__all__ = ["compare_page"]


def compare_page(site: Site) -> str:
    """The regions side by side: the themes their plans address, the actors they share."""
    body = concat(
        el("h1", "Comparing the regions"),
        el("h2", "Themes by region", id="themes"),
        el(
            "p",
            "How many plans, plan items and projects of each region address a theme (counting narrower themes "
            "under their broader one). Hover a number for the items.",
            class_="muted",
        ),
        _theme_matrix(site),
        el("h2", "Actors in more than one region", id="shared-actors"),
        _shared_actors(site),
    )
    return site.page("Comparison", body)


def _theme_matrix(site: Site) -> Markup:
    if not site.scopes:
        return el("p", "No regions to compare.", class_="muted")
    regions = [s.region.id for s in site.scopes]
    matrix = queries.theme_matrix(site.model, regions=regions)
    if not matrix.themes:
        return el("p", "No plan of these regions is linked to a theme yet.", class_="muted")
    themes = {t.id: t for t in site.model.records(Theme)}
    rows_of = set(matrix.themes)
    children: dict[str | None, list[str]] = defaultdict(list)
    for tid in matrix.themes:
        broader = themes[tid].broader if tid in themes else None
        children[broader if broader in rows_of else None].append(tid)
    ordered: list[tuple[str, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for tid in sorted(children.get(parent, []), key=lambda t: site.name(t).lower()):
            ordered.append((tid, depth))
            walk(tid, depth + 1)

    walk(None, 0)
    heads = ["theme", *((el("a", s.region.name, href=site.page_of(s.region)), "num") for s in site.scopes)]
    rows = []
    for tid, depth in ordered:
        t = themes.get(tid)
        name = site.name(tid) + (f" ({t.name_nl})" if t and t.name_nl and t.name_nl != t.name else "")
        cells = []
        for region in regions:
            ids = matrix.cells.get((tid, region), ())
            cells.append(
                el(
                    "td",
                    str(len(ids)) if ids else "–",
                    class_=f"num cell-{min(len(ids), 3)}",
                    title="; ".join(sorted({site.name(i) for i in ids})) or None,
                )
            )
        rows.append(
            el(
                "tr",
                el("td", name, style=f"padding-left:{0.6 + 1.4 * depth:.1f}rem"),
                cells,
                id=anchor_id(tid, "t"),
            )
        )
    return table(heads, rows, class_="matrix")


def _shared_actors(site: Site) -> Markup:
    regions = [s.region.id for s in site.scopes]
    shared = queries.actors_across_regions(site.model, regions=regions) if len(regions) > 1 else []
    if not shared:
        return el("p", "No actor takes part in more than one of these regions.", class_="muted")
    rows = []
    for presence in shared:
        per_region: dict[str, set[str]] = defaultdict(set)
        for region, act in presence.activities:
            per_region[region].add(_activity_text(site, act.kind, act.venue))
        rows.append(
            el(
                "tr",
                el("td", site.link(presence.actor), " ", el("span", presence.actor, class_="id")),
                el("td", KIND_LABELS.get(site.kind(presence.actor), site.kind(presence.actor))),
                [el("td", "; ".join(sorted(per_region.get(r, set())))) for r in regions],
            )
        )
    return table(["actor", "kind", *(s.region.name for s in site.scopes)], rows, class_="shared-actors")


def _activity_text(site: Site, kind: str, venue: str) -> str:
    """What an actor does in a venue, in words: ``member of RESOC Limburg``, ``approves LIRES-plan``."""
    try:
        record = site.model.get(venue)
    except KeyError:
        record = None
    if isinstance(record, Decision):
        return f"{record.kind}s {site.name(record.subject)}"
    if isinstance(record, Funding):
        what = f" for {site.name(record.subject)}" if record.subject else ""
        return ("funds" if kind == "funded_by" else "receives funding") + what
    if isinstance(record, PlanItem):
        return f"{'leads' if kind == 'led_by' else 'partner in'} {record.number or ''} {record.name}".replace("  ", " ")
    verbs = {
        "member_of": "member of",
        "owned_by": "owns",
        "promoted_by": "promotes",
        "partner": "partner in",
        "on_behalf_of": "seat on its behalf in",
    }
    return f"{verbs.get(kind, kind.replace('_', ' '))} {site.name(venue)}"
