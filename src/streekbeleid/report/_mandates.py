"""A region's mandates (who held which office, in which term) and the documents about its records."""

from __future__ import annotations

from typing import Any

from ..i18n import _
from ..model import phrasing
from ..model.records import Actor, Document
from ..queries.documents import documents_about
from ..queries.mandates import NOT_RECORDED, Mandate, mandates
from ._site import Site
from .html import Markup, concat, el, table
from .scope import RegionScope

__all__ = ["documents_section", "mandates_section"]


def _organisations(site: Site, scope: RegionScope) -> list[str]:
    ids = {b.id for b in scope.bodies}
    for actor_id in scope.actor_ids():
        record = site.model.whole().graph.nodes.get(actor_id, {}).get("record")
        if isinstance(record, Actor):
            ids.add(actor_id)
    return sorted(ids)


def mandates_section(site: Site, scope: RegionScope) -> Markup:
    """The mandates held in the region's bodies and organisations, or "not recorded"."""
    seen: set[int] = set()
    rows: list[Mandate] = []
    for org in _organisations(site, scope):
        for m in mandates(site.model, org, on=site.as_of).rows:
            key = id(m.basis[0])
            if key not in seen:
                seen.add(key)
                rows.append(m)
    if not rows:
        return el("p", _("Mandates: not recorded."), class_="muted")
    body = []
    for m in rows:
        holders = concat([site.link(h.id) for h in m.holders]) if m.holders else el("em", _(NOT_RECORDED))
        post = site.link(m.post.id) if m.post else ""
        office = el("span", " ", _("(a seat held by an office)"), class_="muted") if m.by_office else ""
        term = site.link(m.term.id) if m.term else el("em", _(NOT_RECORDED))
        body.append(
            el(
                "tr",
                el("td", site.link(m.organization.id)),
                el("td", post, office),
                el("td", holders),
                el("td", term),
                el("td", phrasing.period_words(m.valid), " ", _sources(site, m)),
            )
        )
    heads = [_("organisation"), _("post"), _("holder"), _("term"), _("valid")]
    return table(heads, body, class_="mandates")


def _sources(site: Site, m: Mandate) -> Markup:
    return concat([site.src(r) for r in m.basis])


def documents_section(site: Site, scope: RegionScope) -> Markup:
    """The documents about the region's plans, decisions, meetings, bodies and projects, or "not recorded"."""
    ids: list[str] = [r.id for r in scope.records() if getattr(r, "id", None)]
    for plan in scope.plans:
        ids.extend(i.id for i in plan.walk())
    found = documents_about(site.model, ids)
    if not found:
        return el("p", _("Documents: not recorded."), class_="muted")
    return table(
        [_("title"), _("kind"), _("date"), _("language"), _("about")],
        [_row(site, d) for d in found],
        class_="documents",
    )


def _row(site: Site, d: Document) -> Markup:
    where: Any = d.url or d.eli
    title = el("a", d.title, href=where) if where else el("span", d.title)
    date = phrasing.when(d.date) if d.date else ""
    about = concat([site.link(a) for a in d.about])
    return el(
        "tr",
        el("td", title, " ", site.src(d)),
        el("td", phrasing.document_kind(d.kind)),
        el("td", date),
        el("td", d.language or _(NOT_RECORDED)),
        el("td", about),
    )
