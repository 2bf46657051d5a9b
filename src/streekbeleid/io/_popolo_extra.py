"""The Popolo mapping of legislative terms, mandates held by offices and documents (issue 15, concepts 3 and 4).

- a legislative term becomes an event of classification ``legislative period``; a membership that names
  its term gets ``legislative_period_id``;
- a seat held by an office (a membership whose member is a post) keeps no member (Popolo members are
  persons or organisations) but its ``post_id`` is the office, with ``held_by_office: true``;
- a document becomes a ``links`` entry (its URL, else its ELI, else its IRI; the note gives its title and
  kind) on every exported object it is about.
"""

from __future__ import annotations

from typing import Any

from ..model.records import Document, LegislativeTerm, Membership, Post
from ._common import record_iri

__all__ = ["document_links", "membership_extra", "term_event"]


def term_event(t: LegislativeTerm, dates: dict[str, str], links: list[dict[str, str]]) -> dict[str, Any]:
    """The Popolo event of a legislative term."""
    out: dict[str, Any] = {
        "id": t.id,
        "name": t.name,
        "classification": "legislative period",
        "description": t.description,
        "description_nl": t.description_nl,  # extension: the Dutch description
        **dates,
        "sources": links,
    }
    return {k: v for k, v in out.items() if v is not None and v != []}


def membership_extra(m: Membership, member: Any) -> dict[str, Any]:
    """What a membership adds for terms and offices: ``legislative_period_id``, and for a seat held by an
    office its ``post_id`` and ``held_by_office``."""
    out: dict[str, Any] = {}
    if m.term:
        out["legislative_period_id"] = m.term
    if isinstance(member, Post):
        out["post_id"] = member.id
        out["held_by_office"] = True
    return out


def document_links(documents: list[Document], base: str) -> dict[str, list[dict[str, str]]]:
    """Popolo links by the id of the record each document is about."""
    found: dict[str, list[dict[str, str]]] = {}
    for d in sorted(documents, key=lambda d: d.id):
        url = d.url or d.eli or record_iri(d.id, base)
        note = f"{d.title} ({d.kind}{', ' + d.language if d.language else ''})"
        for about in d.about:
            found.setdefault(about, []).append({"url": url, "note": note})
    return found
