"""The sources page, and the table of documents a region's page shows too."""

from __future__ import annotations

from typing import Any

from ..i18n import _, ngettext
from ..model.records import Source
from ._site import Site
from .html import Markup, anchor_id, concat, el, table
from .sources import Citation

__all__ = ["documents_table", "sources_page"]


def _said(site: Site, c: Citation, prefix: str) -> Markup | str:
    """What a source says for a fact: a quote in quotation marks (linked to the passage), or a note in our own
    words, never in quotation marks."""
    if not c.source.locator:
        return ""
    href = site.sources.href(c.source, prefix)
    if site.sources.is_quote(c.source):
        quote = f"“{c.source.locator}”"
        return el("a", quote, href=href) if href else quote
    return el("span", _("note:"), " ", site.sources.note(c.source), class_="note")


def documents_table(site: Site, citations: dict[str, list[Any]], prefix: str = "") -> Markup:
    """The cited documents by title, each with the facts it supports and what it says for each."""
    if not citations:
        return el("p", _("No sources cited."), class_="muted")
    rows = []
    for doc in sorted(citations, key=lambda d: site.sources.title(d).lower()):
        cites = citations[doc]
        first = site.sources.href(Source(document=doc), prefix)
        title = site.sources.title(doc)
        facts = [
            el("li", site.link(c.record_id, c.label, prefix), ": ", _said(site, c, prefix))
            for c in sorted(cites, key=lambda c: (c.label.lower(), c.path))
        ]
        name = el("a", title, href=first) if first else el("span", title)
        rows.append(
            el(
                "tr",
                el(
                    "td",
                    name,
                    el("div", doc, class_="id") if title != doc else None,
                    None if first else el("div", _("no copy in this report"), class_="muted"),
                    id=anchor_id(doc, "d"),
                ),
                el("td", str(len(cites)), class_="num"),
                el(
                    "td",
                    el(
                        "details",
                        el("summary", ngettext("{n} fact", "{n} facts", len(cites)).format(n=len(cites))),
                        el("ul", facts),
                    ),
                ),
            )
        )
    return table([_("document"), (_("facts"), "num"), _("what it supports")], rows, class_="documents")


def sources_page(site: Site) -> str:
    """Every document the model cites."""
    citations = {d: list(c) for d, c in site.sources.citations.items()}
    found = sum(1 for d in citations if site.sources.available(d))
    body = concat(
        el("h1", _("Sources")),
        el(
            "p",
            _("{n} documents are cited; {found} of them can be opened from here.").format(
                n=len(citations), found=found
            ),
            " ",
            _(
                "Seed documents and data files are copied next to the report, with the quoted passages "
                "highlighted. A quote is in quotation marks; a note (without them) sums a source up in our own words."
            ),
            class_="muted",
        ),
        documents_table(site, citations),
    )
    return site.page(_("Sources"), body)
