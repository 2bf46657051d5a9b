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

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF

from ..model.dates import DateBound
from ..model.records import Document, LegislativeTerm, Membership, Person, Post

#: The linked-data exporter's builder (``linked_data._Builder``): its graph ``g``, ``iri``, ``sb``, ``common`` ...
Builder = Any

__all__ = ["PERSON", "document", "mandate", "term"]

MANDAAT = Namespace("http://data.vlaanderen.be/ns/mandaat#")
PERSON = Namespace("http://www.w3.org/ns/person#")
_XSD_DATETIME = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")


def term(b: Builder, t: LegislativeTerm) -> None:
    node, g = b.iri(t.id), b.g
    g.add((node, RDF.type, b.sb.LegislativeTerm))
    b.common(node, t, t.name)
    g.add((node, b.sb.level, Literal(t.level)))
    g.add((node, DCTERMS.temporal, b.interval(URIRef(f"{node}/period"), t.valid)))


def _day(bound: DateBound) -> Literal | None:
    value = bound.date
    if bound.kind != "date" or value is None or value.precision != "day":
        return None
    return Literal(f"{value}T00:00:00", datatype=_XSD_DATETIME)


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
    g.add((node, RDF.type, MANDAAT.Mandataris))
    g.add((node, MANDAAT.isBestuurlijkeAliasVan, person))
    g.add((person, RDF.type, PERSON.Person))
    g.add((person, MANDAAT.isAangesteldAls, node))
    g.add((node, ORG.holds, b.iri(post.id)))
    g.add((b.iri(post.id), RDF.type, MANDAAT.Mandaat))
    for prop, bound in ((MANDAAT.start, m.valid.start), (MANDAAT.einde, m.valid.end)):
        day = _day(bound)
        if day is not None:
            g.add((node, prop, day))


def document(b: Builder, d: Document) -> None:
    node, g = b.iri(d.id), b.g
    g.add((node, RDF.type, FOAF.Document))
    b.common(node, d, d.title)
    g.add((node, DCTERMS.title, Literal(d.title, lang=d.language) if d.language else Literal(d.title)))
    g.add((node, DCTERMS.type, b.concept("document-kind", d.kind)))
    b.date(node, d.date)
    if d.language:
        g.add((node, DCTERMS.language, Literal(d.language)))
    if d.url:
        g.add((node, FOAF.page, URIRef(d.url)))
    if d.eli:
        g.add((node, b.sb.eli, URIRef(d.eli)))
    for about in d.about:
        g.add((b.iri(about), FOAF.page, node))
