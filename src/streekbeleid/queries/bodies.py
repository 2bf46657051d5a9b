"""Who sits where: the composition of a body on a date, and the bodies an actor sat in over time.

>>> from streekbeleid import Actor, Body, Membership, Model, Period, SeatGroup, SeatAllocation
>>> from streekbeleid.queries import composition
>>> resoc = Body(id="x:resoc", name="RESOC X", kind="resoc", seat_groups=[
...     SeatGroup(name="employers", seats=2, voting=True,
...               allocations=[SeatAllocation(member="org:voka", seats=2)])])
>>> voka = Actor(id="org:voka", name="VOKA", kind="employers_organisation")
>>> model = Model.from_records([resoc, voka, Membership(id="x:m1", organization="x:resoc", member="org:voka",
...     seat_group="employers", valid=Period.parse("2014/2019"))])
>>> c = composition(model, "x:resoc", on="2016-06-30")
>>> [(s.member, s.seat_group, s.voting) for s in c.seats]
[('org:voka', 'employers', True)]
>>> g = c.group("employers")
>>> (g.certain, g.possible, g.rule.seats)
(1, 1, 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs

from ..i18n import N_
from ..model.dates import Period, Truth
from ..model.model import Member, Model
from ..model.phrasing import role_label, seat_group_label, seat_rule
from ..model.phrasing import seat_count as seat_rule_text  # the public name of the seat count in words
from ..model.records import Body, Membership, SeatGroup
from ..model.table import HEADINGS, Column, Ref, Table, Tabular
from ._util import day_of, expect

__all__ = [
    "AllocationCount",
    "GroupCount",
    "Composition",
    "composition",
    "seat_rule_text",
    "Tenure",
    "bodies_of",
]


@attrs.frozen(kw_only=True)
class AllocationCount:
    """The seats an organisation holds in a seat group on a date, against the seats allotted to it.

    A seat counts for the organisation when it is the member or the member sits on its behalf.
    """

    member: str
    allotted: int
    certain: int
    possible: int


@attrs.frozen(kw_only=True)
class GroupCount:
    """The seats of a seat group filled on a date: ``certain`` for sure, ``possible`` at most.

    ``rule`` is the body's :class:`~streekbeleid.SeatGroup` of that name, None when the body defines none.
    """

    name: str
    rule: SeatGroup | None
    certain: int
    possible: int
    allocations: tuple[AllocationCount, ...] = ()


@attrs.frozen(kw_only=True)
class Composition(Tabular):
    """The members of a body, on a date (``on``) or over its whole history (``on`` is None).

    ``groups`` counts the seats per seat group; it is empty without a date, since
    seats only add up on a day.  Printed, shown in Jupyter or taken to pandas it is the table of
    :meth:`table` (the seats), named from ``model``, the model it was asked of.
    """

    body: Body
    on: date | None
    seats: tuple[Member, ...]
    groups: tuple[GroupCount, ...] = ()
    model: Model | None = attrs.field(default=None, eq=False, repr=False)

    def table(self) -> Table:
        """The seats: seat group, member, seats, role, on whose behalf, voting right, period, certain."""
        columns = [
            Column("seat_group", N_("seat group")),
            Column("member", N_("member")),
            Column("seats", N_("seats")),
            Column("role", N_("role")),
            Column("on_behalf_of", N_("on behalf of")),
            Column("voting", N_("voting right")),
            Column("valid", HEADINGS["valid"]),
            Column("certain", N_("certain")),
        ]
        rows = [
            (
                Ref(s.seat_group, seat_group_label(s.seat_group)) if s.seat_group else None,
                _ref(self.model, s.member),
                s.seats,
                Ref(s.role, role_label(s.role)),
                _ref(self.model, s.on_behalf_of),
                s.voting,
                s.valid,
                s.status,
            )
            for s in self.seats
        ]
        return Table(columns, rows)

    def groups_table(self) -> Table:
        """The seats filled per seat group on the day, against the body's rules (empty without a day)."""
        columns = [
            Column("seat_group", N_("seat group")),
            Column("filled_certain", N_("filled for certain")),
            Column("filled_possible", N_("filled at most")),
            Column("rule", N_("rule")),
        ]
        rows = [
            (Ref(g.name, seat_group_label(g.name)), g.certain, g.possible, seat_rule(g.rule) if g.rule else None)
            for g in self.groups
        ]
        return Table(columns, rows)

    def by_group(self) -> dict[str, tuple[Member, ...]]:
        """The seats per seat group (``"-"`` for memberships without one), in the order of the seats."""
        out: dict[str, list[Member]] = {}
        for seat in self.seats:
            out.setdefault(seat.seat_group or "-", []).append(seat)
        return {k: tuple(v) for k, v in out.items()}

    def group(self, name: str) -> GroupCount:
        """The count of one seat group; KeyError if the body has no such group on this date."""
        for g in self.groups:
            if g.name == name:
                return g
        raise KeyError(name)

    @property
    def basis(self) -> tuple[Any, ...]:
        used = {g.name for g in self.groups} | {s.seat_group for s in self.seats}
        rules = tuple(g for g in self.body.seat_groups if g.name in used)
        return (self.body, *rules, *(s.membership for s in self.seats))


def composition(model: Model, body_id: str, *, on: date | str | None = None) -> Composition:
    """The members of a body on a day (default: the slice's date; else its whole history).

    Each :class:`~streekbeleid.Member` says its seat group, on whose behalf it is held, its
    voting right and whether the membership held for certain or only possibly.
    With a date, :attr:`Composition.groups` counts the seats per group against
    the body's seat rules and allocations (RESOC Limburg: 8/8/8/8; Voka 4 of the
    employers' 8).  See the module example.
    """
    body: Body = expect(model, body_id, Body, N_("a body"))
    day = day_of(model, on)
    members = model.members(body_id, on=day) if day is not None else model.members(body_id)
    rules = {g.name: g for g in body.seat_groups}
    seats = tuple(members)
    groups: tuple[GroupCount, ...] = ()
    if day is not None:
        names = [g.name for g in body.seat_groups]
        names += sorted({s.seat_group for s in seats if s.seat_group and s.seat_group not in rules})
        groups = tuple(_count(name, rules.get(name), seats) for name in names)
    return Composition(body=body, on=day, seats=seats, groups=groups, model=model)


def _ref(model: Model | None, record_id: str | None) -> Ref | None:
    """A reference named from ``model`` (by its id alone without one)."""
    if record_id is None:
        return None
    return Ref.to(model, record_id) if model is not None else Ref(record_id, record_id)


def _sum(seats: Sequence[Member]) -> tuple[int, int]:
    certain = sum(s.seats for s in seats if s.status is Truth.YES)
    return certain, sum(s.seats for s in seats)


def _count(name: str, rule: SeatGroup | None, seats: Sequence[Member]) -> GroupCount:
    in_group = [s for s in seats if s.seat_group == name]
    certain, possible = _sum(in_group)
    allocations = []
    for a in rule.allocations if rule is not None else ():
        held = [s for s in in_group if a.member in (s.member, s.on_behalf_of)]
        c, p = _sum(held)
        allocations.append(AllocationCount(member=a.member, allotted=a.seats, certain=c, possible=p))
    return GroupCount(name=name, rule=rule, certain=certain, possible=possible, allocations=tuple(allocations))


@attrs.frozen(kw_only=True)
class Tenure:
    """A seat an actor held in a body or organisation, itself or through someone on its behalf.

    ``through`` is the member who sat on the actor's behalf, None when the actor sat itself.
    """

    actor: str
    organization: str
    membership: Membership
    through: str | None = None

    @property
    def valid(self) -> Period:
        return self.membership.valid

    @property
    def basis(self) -> tuple[Any, ...]:
        return (self.membership,)


def bodies_of(model: Model, actor_id: str) -> list[Tenure]:
    """The bodies (and organisations) an actor sat in, over time, oldest first.

    Includes the seats held on the actor's behalf by someone else (a person for
    VOKA), with ``through`` naming who.  On a slice, only the memberships in it.

    >>> from streekbeleid import Actor, Body, Membership, Model, Period, Person
    >>> from streekbeleid.queries import bodies_of
    >>> model = Model.from_records([
    ...     Body(id="x:a", name="A", kind="resoc"), Body(id="x:b", name="B", kind="serr"),
    ...     Actor(id="org:voka", name="VOKA", kind="employers_organisation"), Person(id="x:jan", name="Jan"),
    ...     Membership(id="x:m1", organization="x:b", member="org:voka", valid=Period.parse("2016/..")),
    ...     Membership(id="x:m2", organization="x:a", member="x:jan", on_behalf_of="org:voka",
    ...                valid=Period.parse("2008/2013"))])
    >>> [(t.organization, t.through, str(t.valid)) for t in bodies_of(model, "org:voka")]
    [('x:a', 'x:jan', '2008/2013'), ('x:b', None, '2016/..')]
    """
    out: list[Tenure] = []
    for _u, v, data in model.graph.edges(data=True):
        if data["kind"] != "member_of":
            continue
        ms: Membership = data["record"]
        if ms.member == actor_id:
            out.append(Tenure(actor=actor_id, organization=v, membership=ms))
        elif ms.on_behalf_of == actor_id:
            out.append(Tenure(actor=actor_id, organization=v, membership=ms, through=ms.member))
    out.sort(key=lambda t: (t.valid.ordinals(), t.organization, t.membership.id))
    return out
