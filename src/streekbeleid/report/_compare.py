"""The comparison page: themes by region and the actors active in more than one region."""

from __future__ import annotations

from collections import defaultdict

from .. import queries
from ..i18n import _
from ..model import phrasing
from ..model.records import Decision, Funding, Lineage, PlanItem, Relation, Theme
from ._site import Site
from .html import Markup, anchor_id, concat, el, table

__all__ = ["compare_page"]


def compare_page(site: Site) -> str:
    """The regions side by side: the themes their plans address, the actors they share."""
    body = concat(
        el("h1", _("Comparing the regions")),
        el("h2", _("Themes by region"), id="themes"),
        el(
            "p",
            _(
                "How many plans, plan items and projects of each region address a theme (counting narrower themes "
                "under their broader one). Open a number for the items."
            ),
            class_="muted",
        ),
        _theme_matrix(site),
        el("h2", _("Actors in more than one region"), id="shared-actors"),
        _shared_actors(site),
    )
    return site.page(_("Comparison"), body)


def _theme_matrix(site: Site) -> Markup:
    if not site.scopes:
        return el("p", _("No regions to compare."), class_="muted")
    regions = [s.region.id for s in site.scopes]
    matrix = queries.theme_matrix(site.model, regions=regions)
    if not matrix.themes:
        return el("p", _("No plan of these regions is linked to a theme yet."), class_="muted")
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
    heads = [_("theme"), *((el("a", s.region.name, href=site.page_of(s.region)), "num") for s in site.scopes)]
    rows = []
    for tid, depth in ordered:
        name = site.theme(tid)
        cells = []
        for region in regions:
            ids = matrix.cells.get((tid, region), ())
            items = sorted({site.name(i) for i in ids})
            shown: Markup | str = (
                el("details", el("summary", str(len(ids))), el("ul", [el("li", i) for i in items])) if ids else "–"
            )
            cells.append(el("td", shown, class_=f"num cell-{min(len(ids), 3)}"))
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
        return el("p", _("No actor takes part in more than one of these regions."), class_="muted")
    rows = []
    for presence in shared:
        per_region: dict[str, set[str]] = defaultdict(set)
        for region, act in presence.activities:
            per_region[region].add(_activity_text(site, act.kind, act.venue, act.record, presence.actor))
        rows.append(
            el(
                "tr",
                el("td", site.link(presence.actor)),
                el("td", site.kind_label(presence.actor)),
                [el("td", "; ".join(sorted(per_region.get(r, set())))) for r in regions],
            )
        )
    return table([_("actor"), _("kind"), *(s.region.name for s in site.scopes)], rows, class_="shared-actors")


def _activity_text(site: Site, kind: str, venue: str, source: object = None, actor: str | None = None) -> str:
    """What an actor does in a venue, in words: ``member of RESOC Limburg``, ``approves LIRES-plan``,
    ``is the legal vehicle of RESOC Limburg``; a relation seen from its object is told whole
    (``Taskforce Spitsregio Leuven is supported by ERSV Vlaams-Brabant vzw``)."""
    if isinstance(source, (Relation, Lineage)):
        if source.subject == actor:
            return phrasing.relation_phrase(source.kind).format(subject="", object=site.name(source.object)).strip()
        return phrasing.relation_phrase(source.kind).format(
            subject=site.name(source.subject), object=site.name(source.object)
        )
    try:
        record = site.model.get(venue)
    except KeyError:
        record = None
    if isinstance(record, Decision):
        return phrasing.decision_phrase(record.kind).format(by="", subject=site.name(record.subject)).strip(" :")
    if isinstance(record, Funding):
        subject = site.name(record.subject) if record.subject else _("the region")
        return (_("funds {subject}") if kind == "funded_by" else _("receives funding for {subject}")).format(
            subject=subject
        )
    if isinstance(record, PlanItem):
        what = f"{record.number or ''} {record.name}".strip()
        return (_("leads {item}") if kind == "led_by" else _("partner in {item}")).format(item=what)
    verbs = {
        "member_of": _("member of {venue}"),
        "owned_by": _("owns {venue}"),
        "promoted_by": _("promotes {venue}"),
        "partner": _("partner in {venue}"),
        "on_behalf_of": _("a seat on its behalf in {venue}"),
    }
    return verbs.get(kind, kind.replace("_", " ") + " {venue}").format(venue=site.name(venue))
