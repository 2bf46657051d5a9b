"""The sources page, and the table of documents a region's page shows too."""

from __future__ import annotations

from typing import Any

from ..model.records import Source
from ._html import Markup, anchor_id, concat, el, table
from ._site import Site

__all__ = ["documents_table", "sources_page"]


def documents_table(site: Site, citations: dict[str, list[Any]], prefix: str = "") -> Markup:
    """The cited documents, each with the facts it supports and a link to the quoted passage."""
    if not citations:
        return el("p", "No sources cited.", class_="muted")
    rows = []
    for doc in sorted(citations):
        cites = citations[doc]
        first = site.sources.href(Source(document=doc), prefix)
        facts = [
            el(
                "li",
                site.link(c.record_id, c.label, prefix),
                f" ({c.path})" if c.path else "",
                ": ",
                el("a", f"“{c.source.locator}”", href=site.sources.href(c.source, prefix))
                if c.source.locator and site.sources.href(c.source, prefix)
                else (f"“{c.source.locator}”" if c.source.locator else ""),
            )
            for c in sorted(cites, key=lambda c: (c.record_id, c.path))
        ]
        rows.append(
            el(
                "tr",
                el(
                    "td",
                    el("a", doc, href=first) if first else el("span", doc, title="not available here"),
                    id=anchor_id(doc, "d"),
                ),
                el("td", str(len(cites)), class_="num"),
                el("td", el("details", el("summary", f"{len(cites)} facts"), el("ul", facts))),
            )
        )
    return table(["document", ("facts", "num"), "what it supports"], rows, class_="documents")


def sources_page(site: Site) -> str:
    """Every document the model cites."""
    citations = {d: list(c) for d, c in site.sources.citations.items()}
    found = sum(1 for d in citations if site.sources.available(d))
    body = concat(
        el("h1", "Sources"),
        el(
            "p",
            f"{len(citations)} documents are cited; {found} of them can be opened from here. "
            "Seed documents and data files are copied next to the report, with the quoted passages highlighted.",
            class_="muted",
        ),
        documents_table(site, citations),
    )
    return site.page("Sources", body)
