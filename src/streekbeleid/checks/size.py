"""A body's declared size (``size``: its total number of seats) against its seat groups and its members.

The seat groups must fit the size: exact counts that add up to more (or, all exact, to anything else) are an
error, and so are minimums that cannot fit.  The recorded members must fit too: more seats held for certain than
the body has is an error, on every stretch of days on which the memberships do not change.  Fewer is no finding
(a vacancy, or members not recorded); a count the dates leave open is not judged.  A body without a size is not
judged: an unknown size stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..i18n import _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import label, span_text
from ..model.records import Body, Problem
from ._common import problem
from .composition import stretches

__all__ = ["NOT_SEATED", "body_size"]

RULE = "body-size"

#: Roles that hold no seat: they do not count towards a body's size.
NOT_SEATED = frozenset({"secretariat", "staff", "facilitator"})


def body_size(model: Model) -> Iterator[Problem]:
    """A body's declared size against the seats of its seat groups and of its recorded members."""
    for body in model.records(Body):
        if body.size is None:
            continue
        yield from _against_rules(model, body, body.size)
        yield from _against_members(model, body, body.size)


def _against_rules(model: Model, body: Body, size: int) -> Iterator[Problem]:
    if not body.seat_groups:
        return
    exact = sum(g.seats for g in body.seat_groups if g.seats is not None)
    least = exact + sum(g.min_seats for g in body.seat_groups if g.seats is None and g.min_seats is not None)
    all_exact = all(g.seats is not None for g in body.seat_groups)
    if (all_exact and exact != size) or least > size:
        what = _("its seat groups give {n} seats") if all_exact else _("its seat groups give at least {n} seats")
        message = _("{body} has {size} seats, but {what}").format(
            body=label(model, body.id), size=size, what=what.format(n=least)
        )
        yield problem("error", RULE, [body.id], message, body, *body.seat_groups)


def _against_members(model: Model, body: Body, size: int) -> Iterator[Problem]:
    over: list[str] = []
    basis: list[object] = [body]
    for first, last, _alive in stretches(model, body):
        day = date.fromordinal(first)
        held = [
            m
            for m in model.members(body.id)
            if m.membership.role not in NOT_SEATED and m.membership.valid.active_on(day) is Truth.YES
        ]
        certain = sum(m.seats for m in held)
        if certain > size:
            when = f"{model.date}" if model.date is not None else span_text(first, last)
            over.append(_("{n} seats {when}").format(n=certain, when=when))
            basis.extend(m.membership for m in held)
    if over:
        message = _("{body} has {size} seats, but its recorded members hold more: {found}").format(
            body=label(model, body.id), size=size, found="; ".join(over)
        )
        yield problem("error", RULE, [body.id], message, *dict.fromkeys(basis))
