"""Mandates: who held which office in a body, organisation or territory, in which legislative term.

A mandate is a membership that holds a post (Popolo ``Post``, OSLO ``mandaat:Mandaat``): the deputy for
economy of the province of Limburg held by Erik Gerits.  A body's seat can also be held by an *office*
rather than a person ("the mayor of Leuven"): a membership whose member is a post.  Such a seat is resolved
to the person who held the office on the day asked, where the data records one; where it records nobody,
the answer says "not recorded", never "nobody".

>>> import streekbeleid
>>> from streekbeleid.queries.mandates import mandates
>>> found = mandates(streekbeleid.load(plugins=["limburg"]), "org:provincie-limburg", on="2017-02-06")
>>> [(m.post.name, [h.name for h in m.holders], m.term.name) for m in found.rows]
[('Gedeputeerde van Economie', ['Erik Gerits'], 'Provinciale bestuursperiode 2013-2018')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ..errors import StreekbeleidError
from ..i18n import N_
from ..model.dates import Period, Truth, parse_day
from ..model.model import Model
from ..model.records import Actor, Body, LegislativeTerm, Membership, Person, Post, Territory
from ..model.table import HEADINGS, Column, NotRecorded, Ref, Table, Tabular
from ._util import expect, pointing_to

__all__ = ["Mandate", "Mandates", "holders", "mandates", "term_of", "NOT_RECORDED"]

#: What a cell says where the data records no holder: unknown, not "nobody".
NOT_RECORDED = N_("not recorded")
#: The title of an answer without rows.
NO_MANDATES = N_("No mandates are recorded here.")


@attrs.frozen
class Mandate:
    """One mandate or seat: the organisation, the post (or the office holding the seat), who held it, in which
    term and when.  ``holders`` is empty when the data records nobody (not recorded, not vacant);
    ``by_office`` is true for a seat held by an office, whose holders are those of that office."""

    organization: Ref
    post: Ref | None
    holders: tuple[Ref, ...]
    term: Ref | None
    valid: Period
    by_office: bool
    basis: tuple[object, ...] = attrs.field(eq=False, repr=False)


@attrs.frozen
class Mandates(Tabular):
    """The mandates of a body, an organisation or a territory's governments, on a day if asked."""

    target: str
    on: dt.date | None
    rows: tuple[Mandate, ...]

    def table(self) -> Table:
        columns = [
            Column("organization", N_("organisation")),
            Column("post", N_("post")),
            Column("holder", N_("holder")),
            Column("term", N_("term")),
            Column("valid", HEADINGS["valid"]),
        ]
        rows = []
        for m in self.rows:
            holder: object = list(m.holders) if m.holders else NotRecorded()
            rows.append((m.organization, m.post, holder, m.term or NotRecorded(), m.valid))
        return Table(columns, rows, title=None if rows else NO_MANDATES)


def holders(
    model: Model, post_id: str, *, on: dt.date | str | None = None, during: Period | None = None
) -> list[Membership]:
    """The memberships in which a person held the post ``post_id``: on a day, during a period, or ever.

    A holding that may fall on the day or in the period (uncertain) is included; one that certainly
    does not is left out.
    """
    whole = model.whole()
    day = parse_day(on) if on is not None else None
    found = []
    for m in _by_post(whole).get(post_id, ()):
        if not isinstance(_record(whole, m.member), Person):
            continue
        if day is not None and m.valid.active_on(day) is Truth.NO:
            continue
        if during is not None and m.valid.overlaps(during) is Truth.NO:
            continue
        found.append(m)
    return sorted(found, key=lambda m: (m.valid.ordinals(), m.id))


def _by_post(whole: Model) -> dict[str, list[Membership]]:
    """The memberships that hold each post, in order of id: made once per model and kept with its graph (as the
    search index is), so that asking for the holders of every post does not read every membership each time."""
    index: dict[str, list[Membership]] | None = whole.graph.graph.get("_memberships_by_post")
    if index is None:
        index = {}
        for m in whole.records(Membership):
            if m.post is not None:
                index.setdefault(m.post, []).append(m)
        whole.graph.graph["_memberships_by_post"] = index
    return index


def term_of(model: Model, membership: Membership) -> LegislativeTerm | None:
    """The legislative term a membership names, or None."""
    found = _record(model.whole(), membership.term) if membership.term else None
    return found if isinstance(found, LegislativeTerm) else None


def _record(model: Model, record_id: str | None) -> object:
    if record_id is None or record_id not in model.graph:
        try:
            return model.get(record_id) if record_id is not None else None
        except StreekbeleidError:
            return None
    return model.graph.nodes[record_id]["record"]


def _ref(model: Model, record_id: str) -> Ref:
    return Ref.to(model, record_id) or Ref(record_id, record_id)


def _organisations(model: Model, target: str) -> list[str]:
    """The organisations a target stands for: a body or actor itself; for a territory, the territory (its
    government) and the actors that govern it."""
    record = expect(model, target, (Body, Actor, Territory), N_("a body, an organisation or a territory"))
    if isinstance(record, Territory):
        return [target, *sorted(a.id for a in model.records(Actor) if a.territory == target)]
    return [target]


def mandates(model: Model, target: str, *, on: dt.date | str | None = None) -> Mandates:
    """The mandates held in a body, an organisation or (through its governments) a territory.

    Every membership there that holds a post (or is an office holder's), every seat held by an office, and
    every post of the organisation nobody is recorded to hold, one row each, in order of their start; with
    ``on``, only those that may be held that day, and the holders of an office that day.  A person's seat that
    is no office (an expert's, a delegate's) is not a mandate.
    """
    whole = model.whole()
    day = parse_day(on) if on is not None else None
    orgs = _organisations(whole, target)
    rows: list[Mandate] = []
    held_posts: set[str] = set()
    # the memberships and posts of the organisations, from their own edges (sorted by id, as the model lists them)
    memberships = {m.id: m for org in orgs for m in pointing_to(whole, org, Membership)}
    for m in sorted(memberships.values(), key=lambda m: m.id):
        if m.organization not in orgs or (day is not None and m.valid.active_on(day) is Truth.NO):
            continue
        member = _record(whole, m.member)
        if isinstance(member, Post):  # a seat held by an office: its holders on the day, or during the seat
            found = holders(whole, member.id, on=day) if day is not None else holders(whole, member.id, during=m.valid)
            rows.append(_row(whole, m, member.id, found, by_office=True))
        elif m.post is not None or m.role == "office_holder":  # a mandate; a person's other seats are not
            if m.post:
                held_posts.add(m.post)
            refs = (_ref(whole, m.member),) if isinstance(member, Person) else ()
            rows.append(_row(whole, m, m.post, [], by_office=False, holder_refs=refs))
    posts = {p.id: p for org in orgs for p in pointing_to(whole, org, Post)}
    for p in sorted(posts.values(), key=lambda p: p.id):
        if (
            p.organization in orgs
            and p.id not in held_posts
            and (day is None or p.valid.active_on(day) is not Truth.NO)
        ):
            rows.append(Mandate(_ref(whole, p.organization), Ref.to(whole, p.id), (), None, p.valid, False, (p,)))
    rows.sort(key=lambda r: (r.valid.ordinals(), r.organization.id, r.post.id if r.post else ""))
    return Mandates(target, day, tuple(rows))


def _row(
    model: Model,
    m: Membership,
    post: str | None,
    found: Iterable[Membership],
    *,
    by_office: bool,
    holder_refs: tuple[Ref, ...] = (),
) -> Mandate:
    found = list(found)
    refs = holder_refs or tuple(r for r in (Ref.to(model, h.member) for h in found) if r is not None)
    term = term_of(model, m) or next((t for t in (term_of(model, h) for h in found) if t), None)
    return Mandate(
        _ref(model, m.organization),
        Ref.to(model, post),
        refs,
        Ref.to(model, term.id) if term else None,
        m.valid,
        by_office,
        (m, *found),
    )
