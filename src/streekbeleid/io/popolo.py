"""Popolo JSON (1.0.1): organizations, persons, memberships, posts, areas, events, motions and vote events.

The export is one JSON object with a list per Popolo class, the shape Popolo
tools read (``{"organizations": [...], "memberships": [...], ...}``):

- actors and bodies become organizations (``classification`` is their kind,
  ``parent_id`` an actor's ``part_of``); a territory that sits in a body or
  decides stands for its government, the actor that governs it where the model
  has one, else an organization minted as ``<territory>/government``;
- persons become persons; memberships keep organisations as members
  (``member: {"@type": "Organization", "id": ...}``), ``role``, ``on_behalf_of_id``
  and ``post_id``;
- each seat group of a body becomes a post ``<body>/seats/<slug>``, besides the
  model's own posts;
- territories and regions become areas (``identifier`` is the NIS code);
- meetings become events; each decision becomes an event (its date), a motion
  ``<decision>/motion`` and a vote event ``<decision>/vote`` with its counts;
- sources become ``sources`` links on every object.

Dates are honest: Popolo's ``start_date``/``end_date`` (and ``founding_date``/
``dissolution_date``) get the most precise ISO date of reduced precision that
holds every day the bound may fall on (:func:`popolo_date`), the bound narrowed
by the other end of its period; none when no date does.  A bound known only as
``..2019`` (on or before), ``2019..`` (on or after) or ``?`` has no Popolo
equivalent on its own: writing ``2019`` would claim the end fell in 2019.  The
uncertainty is kept in extension fields: ``<field>_earliest``/``<field>_latest``
(the first and last day a bound may fall on) and the whole period, in the
model's notation, in ``valid`` (also on areas and persons, which have no dates
in Popolo).  Other extension fields: ``seats`` and ``voting`` on memberships
and posts, ``min_seats`` on posts, ``unanimous`` on vote events, on changes
of organisations (events) ``original_organization_ids``/``resulting_organization_ids``,
and the Dutch description beside Popolo's (English) one: ``description_nl`` (``summary_nl``
on persons).

>>> import streekbeleid
>>> from streekbeleid.io.popolo import to_popolo
>>> data = to_popolo(streekbeleid.load(plugins=[]))
>>> pelt = next(a for a in data["areas"] if a["id"] == "nis:72043")
>>> pelt["identifier"], pelt["classification"], pelt["valid"]
('72043', 'municipality', '2019-01-01/..')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from .._version import __version__
from ..model.dates import DateBound, Period
from ..model.model import Model
from ..model.records import (
    ENDING_CHANGE_KINDS,
    Actor,
    Body,
    Decision,
    Document,
    LegislativeTerm,
    Meeting,
    Membership,
    OrganisationChange,
    Person,
    Post,
    Region,
    Relation,
    Source,
    Territory,
)
from ._common import (
    DEFAULT_BASE,
    PathOrFile,
    document_iri,
    export_records,
    government_ids,
    government_name,
    identifiers_of,
    is_always,
    label_of,
    merger_date,
    open_text,
    slug,
)
from ._popolo_extra import document_links, membership_extra, term_event

__all__ = ["POPOLO_VERSION", "popolo_date", "seat_post_id", "to_popolo", "write_popolo"]

POPOLO_VERSION = "1.0.1"

#: The first and last day of the calendar: the model's stand-ins for a side without a limit, never a date.
_FIRST, _LAST = _dt.date.min.toordinal(), _dt.date.max.toordinal()

_RESULTS = {"adopted": "pass", "adopted_with_remarks": "pass", "rejected": "fail", "postponed": "postponed"}
#: The kind of actor that governs a territory of each level, the classification of a minted government.
_GOVERNMENT_KIND_OF_LEVEL = {
    "municipality": "municipal_government",
    "province": "provincial_government",
    "arrondissement": "government",
    "region": "government",
}


def seat_post_id(body_id: str, seat_group: str) -> str:
    """The id of the Popolo post minted for a seat group: ``limburg:resoc/seats/werkgevers``."""
    return f"{body_id}/seats/{slug(seat_group)}"


def _note(document: str, locator: str | None, inference: str | None, inferred: str) -> str:
    """A link's note: the document's name (when the URL is not the document itself), its locator, and the
    inference with the word ``inferred`` (``afgeleid`` in the Dutch note): Popolo's link has no field for it."""
    note = document
    if locator:
        note = f"{note}: {locator}" if note else locator
    if inference:
        note = f"{note} ({inferred}: {inference})" if note else f"{inferred}: {inference}"
    return note


def _links(sources: Iterable[Source], base: str) -> list[dict[str, str]]:
    """Popolo ``sources``: a link per source, its ``note`` in English and, where the source has a Dutch note or
    reasoning (a quote has none: it is never translated), the extension field ``note_nl`` in Dutch."""
    out = []
    for s in sources:
        link = {"url": document_iri(s.document, base)}
        document = s.document if link["url"] != s.document else ""
        note = _note(document, s.locator, s.inference, "inferred")
        if note:
            link["note"] = note
        if s.locator_nl or s.inference_nl:  # extension: the note in Dutch (the same words in any language in use)
            reasoning = (s.inference_nl or s.inference) if s.inference else None
            link["note_nl"] = _note(document, s.locator_nl or s.locator, reasoning, "afgeleid")
        out.append(link)
    return out


def _identifiers(record: Any) -> list[dict[str, str]]:
    """Popolo ``identifiers``: each official identifier with its scheme (``kbo``, ``ovo``, ``wikidata``, ``nis``)."""
    return [{"identifier": i.identifier, "scheme": i.scheme} for i in identifiers_of(record)]


def _with_identifier_sources(record: Any) -> list[Source]:
    """A record's sources and, after them, those of its identifiers (Popolo's identifiers carry none)."""
    out = list(record.sources)
    for i in identifiers_of(record):
        out.extend(s for s in i.sources if s not in out)
    return out


def _exact(period: Period) -> bool:
    return all(b.kind in ("date", "open") for b in (period.start, period.end))


def popolo_date(bound: DateBound, side: str = "start") -> str | None:
    """The Popolo date of a bound: the most precise ISO 8601 date (day, month or year) that holds every day
    the bound may fall on, or None when no date of reduced precision does.

    A partial date is itself; a bound known to lie between two days of one month is that month, of one
    year that year; a bound known only as ``..D`` (on or before), ``D..`` (on or after) or ``?`` has no
    date that would be true on its own, since the day may lie in any year before (after) D.

    >>> [popolo_date(DateBound.parse(text)) for text in ("2016-04", "..2016-04", "?")]
    ['2016-04', None, None]
    """
    if bound.kind == "open":
        return None
    return _span_date(*bound.range(side))


def _span_date(lo: int, hi: int) -> str | None:
    """The most precise ISO date holding every day from ``lo`` to ``hi`` (ordinals), None beyond one year."""
    if not (_FIRST < lo <= hi < _LAST):
        return None
    first, last = _dt.date.fromordinal(lo), _dt.date.fromordinal(hi)
    if first == last:
        return first.isoformat()
    if first.year != last.year:
        return None
    if first.month == last.month:
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}"


def _day(ordinal: int) -> str | None:
    return _dt.date.fromordinal(ordinal).isoformat() if _FIRST < ordinal < _LAST else None


def _dates(period: Period, start: str = "start_date", end: str = "end_date") -> dict[str, str]:
    """Popolo date fields for the bounds a Popolo date states truly, and the uncertainty in extension fields.

    A bound is narrowed by the other end of its period (an end "on or before June 2016" of a period
    begun in 2016 lies in 2016: ``end_date: "2016"``).  Each bound that is not exactly a partial date
    adds ``<field>_earliest`` / ``<field>_latest``, the first and last day it may fall on where that is
    limited, and the whole period goes in ``valid``, in the model's notation.

    >>> found = _dates(Period.parse("2016/..2016-06"))
    >>> found["end_date"], found["end_date_earliest"], found["end_date_latest"], found["valid"]
    ('2016', '2016-01-01', '2016-06-30', '2016/..2016-06')
    """
    s_lo, s_hi, e_lo, e_hi = period.ordinals()
    ranges = (
        (start, period.start, s_lo, min(s_hi, e_hi)),
        (end, period.end, max(e_lo, s_lo), e_hi),
    )
    out: dict[str, str] = {}
    for field, bound, lo, hi in ranges:
        if bound.kind == "open":
            continue
        found = _span_date(lo, hi)
        if found is not None:
            out[field] = found
        if bound.kind != "date":
            for suffix, ordinal in (("earliest", lo), ("latest", hi)):
                day = _day(ordinal)
                if day is not None:
                    out[f"{field}_{suffix}"] = day
    if not _exact(period):
        out["valid"] = str(period)
    return out


def _valid_only(period: Period) -> dict[str, str]:
    return {} if is_always(period) else {"valid": str(period)}


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None and v != []}


class _Exporter:
    def __init__(self, model: Model, records: list[Any], base: str) -> None:
        self.model = model
        self.base = base
        self.by_id = {r.id: r for r in records}
        self.governments = government_ids(model)
        self.minted: dict[str, dict[str, Any]] = {}
        self.seat_posts: dict[tuple[str, str], str] = {}
        self.ending = _ending_changes(records)

    def links(self, sources: Iterable[Source]) -> list[dict[str, str]]:
        return _links(sources, self.base)

    def org(self, ref: str | None) -> str | None:
        """The organization id for a reference; a territory stands for its government."""
        if ref is None:
            return None
        rec = self.by_id.get(ref)
        if not isinstance(rec, Territory):
            return ref
        gov = self.governments.get(ref)
        if gov is not None:
            return gov
        gid = f"{ref}/government"
        self.minted.setdefault(
            gid,
            _clean(
                {
                    "id": gid,
                    "name": government_name(rec),
                    # one vocabulary with the actors' kinds: municipal_government, provincial_government ...
                    "classification": _GOVERNMENT_KIND_OF_LEVEL.get(rec.level, "government"),
                    "area_id": rec.id,
                    **_dates(rec.valid, "founding_date", "dissolution_date"),
                    "sources": self.links(rec.sources),
                }
            ),
        )
        return gid

    def ended_by_change(self, record: Actor | Body) -> dict[str, Any]:
        """``dissolution_date`` from a merger, split or dissolution that ended the organisation on a known day
        (the day before it took effect), where its own period gives no Popolo date for its end."""
        change = self.ending.get(record.id)
        if change is None or change.date is None or change.date.precision != "day":
            return {}
        if popolo_date(record.valid.end, "end") is not None:
            return {}
        last = change.date.earliest - _dt.timedelta(days=1)
        return {"dissolution_date": last.isoformat(), "dissolved_by": change.id}

    # ---------------------------------------------------------------- classes

    def actor(self, a: Actor) -> dict[str, Any]:
        return _clean(
            {
                "id": a.id,
                "name": a.name,
                "other_names": _other_names(a, self.base),
                "classification": a.kind,
                "identifiers": _identifiers(a),
                "parent_id": self.org(a.part_of),
                "area_id": a.territory,
                "description": a.description,
                "description_nl": a.description_nl,  # extension: the Dutch description
                **_dates(a.valid, "founding_date", "dissolution_date"),
                **self.ended_by_change(a),
                "sources": self.links(_with_identifier_sources(a)),
            }
        )

    def body(self, b: Body, parents: dict[str, str]) -> dict[str, Any]:
        return _clean(
            {
                "id": b.id,
                "name": b.name,
                "other_names": _other_names(b, self.base),
                "classification": b.kind,
                "identifiers": _identifiers(b),
                "parent_id": parents.get(b.id),
                "area_id": b.region,
                "description": b.description,
                "description_nl": b.description_nl,  # extension: the Dutch description
                **_dates(b.valid, "founding_date", "dissolution_date"),
                "size": b.size,  # extension: its declared number of seats, when the sources give it
                **self.ended_by_change(b),
                "sources": self.links(_with_identifier_sources(b)),
            }
        )

    def seat_groups(self, b: Body) -> list[dict[str, Any]]:
        out = []
        for g in b.seat_groups:
            pid = seat_post_id(b.id, g.name)
            self.seat_posts[(b.id, g.name)] = pid
            out.append(
                _clean(
                    {
                        "id": pid,
                        "label": g.name,
                        "role": "member",
                        "organization_id": b.id,
                        "seats": g.seats,
                        "min_seats": g.min_seats,
                        "voting": g.voting,
                        "sources": self.links(g.sources or b.sources),
                    }
                )
            )
        return out

    def post(self, p: Post) -> dict[str, Any]:
        return _clean(
            {
                "id": p.id,
                "label": p.label,
                "role": p.role,
                "organization_id": self.org(p.organization),
                **_dates(p.valid),
                "sources": self.links(p.sources),
            }
        )

    def person(self, p: Person) -> dict[str, Any]:
        return _clean(
            {
                "id": p.id,
                "name": p.name,
                "identifiers": _identifiers(p),
                "summary": p.description,
                "summary_nl": p.description_nl,  # extension: the Dutch summary
                **_valid_only(p.valid),
                "sources": self.links(_with_identifier_sources(p)),
            }
        )

    def membership(self, m: Membership) -> dict[str, Any]:
        member = self.by_id.get(m.member)
        who: dict[str, Any]
        if isinstance(member, Person):  # both: readers that know person_id and readers that read member
            who = {"person_id": m.member, "member": {"@type": "Person", "id": m.member}}
        elif isinstance(member, Post):  # a seat held by an office: see _popolo_extra
            who = {}
        else:
            who = {"member": {"@type": "Organization", "id": self.org(m.member)}}
        post = m.post or (self.seat_posts.get((m.organization, m.seat_group)) if m.seat_group else None)
        return _clean(
            {
                "id": m.id,
                "label": m.label or m.seat_group,
                "role": m.role,
                **who,
                "organization_id": self.org(m.organization),
                "post_id": post,
                "on_behalf_of_id": self.org(m.on_behalf_of),
                **_dates(m.valid),
                "seats": m.seats if m.seats != 1 else None,
                "voting": m.voting,
                "sources": self.links(m.sources),
                **membership_extra(m, member),
            }
        )

    def territory(self, t: Territory) -> dict[str, Any]:
        return _clean(
            {
                "id": t.id,
                "name": t.name,
                "identifier": t.nis,
                "classification": t.level,
                "parent_id": t.part_of,
                **_valid_only(t.valid),
                "sources": self.links(t.sources),
            }
        )

    def region(self, r: Region) -> dict[str, Any]:
        return _clean(
            {
                "id": r.id,
                "name": r.name,
                "classification": r.kind,
                "parent_id": r.part_of,
                **_valid_only(r.valid),
                "sources": self.links(r.sources),
            }
        )

    def meeting(self, m: Meeting) -> dict[str, Any]:
        return _clean(
            {
                "id": m.id,
                "name": m.name or f"Meeting of {label_of(self.model, m.body)}",
                "description": m.description,
                "description_nl": m.description_nl,  # extension: the Dutch description
                "classification": "meeting",
                "organization_id": self.org(m.body),
                "start_date": str(m.date),
                "sources": self.links(m.sources),
            }
        )

    def decision(self, d: Decision) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        """The event, the motion and the vote event of a decision."""
        name = f"{d.kind}: {label_of(self.model, d.subject)}"
        org = self.org(d.by)
        links = self.links(d.sources)
        event = _clean(
            {
                "id": d.id,
                "name": name,
                "description": d.description,
                "description_nl": d.description_nl,  # extension: the Dutch description
                "classification": "decision",
                "organization_id": org,
                "start_date": str(d.date) if d.date is not None else None,
                "parent_id": d.meeting,
                "sources": links,
            }
        )
        motion = _clean(
            {
                "id": f"{d.id}/motion",
                "organization_id": org,
                "legislative_session_id": d.id,
                "text": d.description or name,
                "classification": d.kind,
                "result": _RESULTS.get(d.outcome or ""),  # no result where the data has no outcome
                "outcome": d.outcome if d.outcome == "adopted_with_remarks" else None,  # "pass" would lose it
                "sources": links,
            }
        )
        counts = []
        if d.votes is not None:
            for option, value in (("yes", d.votes.yes), ("no", d.votes.no), ("abstain", d.votes.abstain)):
                if value is not None:
                    counts.append({"option": option, "value": value})
        vote = _clean(
            {
                "id": f"{d.id}/vote",
                "organization_id": org,
                "legislative_session_id": d.id,
                "motion_id": f"{d.id}/motion",
                "classification": d.kind,
                "result": _RESULTS.get(d.outcome or ""),
                "outcome": d.outcome if d.outcome == "adopted_with_remarks" else None,
                "counts": counts,
                "unanimous": d.unanimous,
                "sources": links,
            }
        )
        return event, motion, vote


def _body_parents(records: list[Any]) -> dict[str, str]:
    """A body's parent organisation: its one ``part_of`` relation, when there is exactly one."""
    found: dict[str, list[str]] = {}
    for r in records:
        if isinstance(r, Relation) and r.kind == "part_of":
            found.setdefault(r.subject, []).append(r.object)
    return {k: v[0] for k, v in found.items() if len(v) == 1}


def _mergers(model: Model, territories: list[Territory], ex: _Exporter) -> list[dict[str, Any]]:
    """One event per merger of municipalities (``<successor>/change``), dated the day it took effect.

    Antwerpen absorbed Borsbeek and kept its code: the merger's day is the day after Borsbeek's last.
    """
    by_successor: dict[str, list[Territory]] = {}
    for t in territories:
        if t.successor and t.successor != t.id:
            by_successor.setdefault(t.successor, []).append(t)
    out = []
    for successor, predecessors in sorted(by_successor.items()):
        rec = ex.by_id.get(successor)
        date = merger_date(rec, predecessors) if isinstance(rec, Territory) else None
        names = ", ".join(label_of(model, p.id) for p in predecessors)
        out.append(
            _clean(
                {
                    "id": f"{successor}/change",
                    "name": f"{label_of(model, successor)} succeeds {names}",
                    "classification": "merger",
                    "start_date": str(date) if date is not None else None,
                    "sources": ex.links([s for p in predecessors for s in p.sources]),
                }
            )
        )
    return out


# ---------------------------------------------------------------- organisation history


def _other_names(record: Actor | Body, base: str) -> list[dict[str, Any]]:
    """Popolo ``other_names``: the abbreviation, then each other name with the dates it was borne."""
    out: list[dict[str, Any]] = [{"name": record.abbreviation, "note": "abbreviation"}] if record.abbreviation else []
    for other in record.other_names:
        out.append(
            _clean(
                {
                    "name": other.name,
                    "note": other.note or "former name",
                    **_dates(other.valid),
                    "sources": _links(other.sources, base),
                }
            )
        )
    return out


def _ending_changes(records: list[Any]) -> dict[str, OrganisationChange]:
    """The merger, split or dissolution that ended each organisation (one it did not also result in)."""
    found: dict[str, OrganisationChange] = {}
    for r in records:
        if isinstance(r, OrganisationChange) and r.kind in ENDING_CHANGE_KINDS:
            for org in r.original:
                if org not in r.resulting:
                    found.setdefault(org, r)
    return found


def _organisation_changes(model: Model, records: list[Any], ex: _Exporter) -> list[dict[str, Any]]:
    """One event per change of organisations: ``classification`` its kind, ``start_date`` its day, and the
    extension fields ``original_organization_ids`` / ``resulting_organization_ids`` (W3C ORG's
    ``originalOrganization`` / ``resultingOrganization``)."""
    out = []
    for r in records:
        if not isinstance(r, OrganisationChange):
            continue
        original = [o for o in (ex.org(i) for i in r.original) if o is not None]
        resulting = [o for o in (ex.org(i) for i in r.resulting) if o is not None]
        names = ", ".join(label_of(model, i) for i in r.original)
        result = ", ".join(label_of(model, i) for i in r.resulting)
        out.append(
            _clean(
                {
                    "id": r.id,
                    "name": f"{r.kind}: {names}" + (f" -> {result}" if result else ""),
                    "description": r.description,
                    "description_nl": r.description_nl,  # extension: the Dutch description
                    "classification": r.kind,
                    "start_date": str(r.date) if r.date is not None else None,
                    "original_organization_ids": original,
                    "resulting_organization_ids": resulting,
                    "sources": ex.links(r.sources),
                }
            )
        )
    return out


def to_popolo(model: Model, *, closed: bool = True, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The Popolo JSON data of a model or slice (see the module docs for the mapping).

    :param closed: for a slice, also export what its records refer to (see
        :func:`streekbeleid.io.native.to_dataset`).
    :param base: IRI base for source documents that are not URLs.
    """
    records = export_records(model, closed=closed)
    ex = _Exporter(model, records, base)
    out: dict[str, list[dict[str, Any]]] = {
        "areas": [],
        "organizations": [],
        "persons": [],
        "posts": [],
        "memberships": [],
        "events": [],
        "motions": [],
        "vote_events": [],
    }
    parents = _body_parents(records)
    for r in records:  # posts of seat groups first: memberships point to them
        if isinstance(r, Body):
            out["posts"].extend(ex.seat_groups(r))
    for r in records:
        if isinstance(r, Territory):
            out["areas"].append(ex.territory(r))
        elif isinstance(r, Region):
            out["areas"].append(ex.region(r))
        elif isinstance(r, Actor):
            out["organizations"].append(ex.actor(r))
        elif isinstance(r, Body):
            out["organizations"].append(ex.body(r, parents))
        elif isinstance(r, Person):
            out["persons"].append(ex.person(r))
        elif isinstance(r, Post):
            out["posts"].append(ex.post(r))
        elif isinstance(r, Membership):
            out["memberships"].append(ex.membership(r))
        elif isinstance(r, Meeting):
            out["events"].append(ex.meeting(r))
        elif isinstance(r, LegislativeTerm):
            out["events"].append(term_event(r, _dates(r.valid), ex.links(r.sources)))
        elif isinstance(r, Decision):
            event, motion, vote = ex.decision(r)
            out["events"].append(event)
            out["motions"].append(motion)
            out["vote_events"].append(vote)
    out["events"].extend(_mergers(model, [r for r in records if isinstance(r, Territory)], ex))
    out["events"].extend(_organisation_changes(model, records, ex))
    out["organizations"].extend(ex.minted.values())
    links = document_links([r for r in records if isinstance(r, Document)], base)
    for items in out.values():
        for obj in items:
            if obj["id"] in links:
                obj["links"] = links[obj["id"]]
    for items in out.values():
        items.sort(key=lambda o: o["id"])
    meta: dict[str, Any] = {"popolo": POPOLO_VERSION, "generator": f"streekbeleid {__version__}"}
    if model.date is not None:
        meta["as_of"] = model.date.isoformat()
    if model.region is not None:
        meta["region"] = model.region
    return {"meta": meta, **out}


def write_popolo(model: Model, path: PathOrFile, *, closed: bool = True, base: str = DEFAULT_BASE) -> None:
    """Write the Popolo JSON of a model or slice (indented, UTF-8) to a path or an open text file."""
    import json

    data = to_popolo(model, closed=closed, base=base)
    with open_text(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
