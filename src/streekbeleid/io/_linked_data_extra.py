"""The linked-data mapping of legislative terms, mandates and documents (issue 15, concepts 3 and 4).

- a legislative term: ``sb:LegislativeTerm`` with its level (``sb:level``) and its period as a
  ``time:Interval`` (``dcterms:temporal``);
- a mandate (a membership that holds a post and is held by a person): also a ``mandaat:Mandataris``
  that ``org:holds`` the post, a ``mandaat:Mandaat``; ``mandaat:isBestuurlijkeAliasVan`` the person, a
  ``person:Person`` who ``mandaat:isAangesteldAls`` the mandatary; ``mandaat:start`` and ``mandaat:einde``
  where the day is known; ``sb:term`` the legislative term it names;
- a seat held by an office: ``sb:heldByOffice`` the post (an office is no agent, so no ``org:member``);
- a document: ``foaf:Document`` with ``dcterms:title`` (in its language), ``dcterms:type``,
  ``dcterms:date``, ``dcterms:language``, ``foaf:page`` its address and ``sb:eli`` its European
  Legislation Identifier; each record it is about has it as ``foaf:page``.
"""

from __future__ import annotations

from typing import Any

from ..model.dates import DateBound
from ..model.records import Document, LegislativeTerm, Membership, Person, Post

#: The linked-data exporter's builder (``linked_data._Builder``): its graph ``g``, ``iri``, ``sb``, ``common`` ...
Builder = Any

__all__ = ["PERSON", "document", "mandate", "term"]

# Plain terms, as the builder's: IRIs are ``str``, literals (lexical form, datatype, language) tuples.
MANDAAT = "http://data.vlaanderen.be/ns/mandaat#"
PERSON = "http://www.w3.org/ns/person#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_DCTERMS = "http://purl.org/dc/terms/"
_FOAF = "http://xmlns.com/foaf/0.1/"
_ORG_HOLDS = "http://www.w3.org/ns/org#holds"
_XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
_Lit = tuple[str, str | None, str | None]


def term(b: Builder, t: LegislativeTerm) -> None:
    node, g = b.iri(t.id), b.g
    g.add((node, _RDF_TYPE, b.sb.LegislativeTerm))
    b.common(node, t, t.name)
    g.add((node, b.sb.level, (t.level, None, None)))
    g.add((node, _DCTERMS + "temporal", b.interval(f"{node}/period", t.valid)))


def _day(bound: DateBound) -> _Lit | None:
    value = bound.date
    if bound.kind != "date" or value is None or value.precision != "day":
        return None
    return (f"{value}T00:00:00", _XSD_DATETIME, None)


def mandate(b: Builder, m: Membership, member: Any) -> None:
    """What a membership adds as a mandate (held by a person) or as a seat held by an office."""
    node, g = b.iri(m.id), b.g
    if m.term:
        g.add((node, b.sb.term, b.iri(m.term)))
    if isinstance(member, Post):
        g.add((node, b.sb.heldByOffice, b.iri(member.id)))
        return
    post = b.by_id.get(m.post) if m.post else None
    if not isinstance(member, Person) or not isinstance(post, Post):
        return
    person = b.iri(member.id)
    g.add((node, _RDF_TYPE, MANDAAT + "Mandataris"))
    g.add((node, MANDAAT + "isBestuurlijkeAliasVan", person))
    g.add((person, _RDF_TYPE, PERSON + "Person"))
    g.add((person, MANDAAT + "isAangesteldAls", node))
    g.add((node, _ORG_HOLDS, b.iri(post.id)))
    g.add((b.iri(post.id), _RDF_TYPE, MANDAAT + "Mandaat"))
    for prop, bound in ((MANDAAT + "start", m.valid.start), (MANDAAT + "einde", m.valid.end)):
        day = _day(bound)
        if day is not None:
            g.add((node, prop, day))


def document(b: Builder, d: Document) -> None:
    node, g = b.iri(d.id), b.g
    g.add((node, _RDF_TYPE, _FOAF + "Document"))
    b.common(node, d, d.title)
    g.add((node, _DCTERMS + "title", (d.title, None, d.language or None)))
    g.add((node, _DCTERMS + "type", b.concept("document-kind", d.kind)))
    b.date(node, d.date)
    if d.language:
        g.add((node, _DCTERMS + "language", (d.language, None, None)))
    if d.url:
        g.add((node, _FOAF + "page", str(d.url)))
    if d.eli:
        g.add((node, b.sb.eli, str(d.eli)))
    for about in d.about:
        g.add((b.iri(about), _FOAF + "page", node))
