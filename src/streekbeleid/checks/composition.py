"""The composition of bodies against their seat rules (RESOC Limburg: 8 municipalities, 8 province, 8 employers
with Voka 4, Boerenbond 1, UNIZO/VKW 3, and 8 employees).

Seats are counted on every stretch of days on which the memberships do not
change (or on the slice's date), with three values: a seat that only possibly
held (a membership known to the year) can make the count undecidable, and
that is reported as such, never as a pass or a fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from typing import NamedTuple

from ..i18n import _, ngettext
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import day_words, label, seat_count_words, seat_group_label, span_text
from ..model.records import Body, Problem
from ..queries.bodies import Composition, composition
from ._common import judge_count, problem, undecidable

__all__ = ["composition_rule", "stretches"]

RULE = "composition"


def stretches(model: Model, body: Body) -> list[tuple[int, int, Truth]]:
    """The stretches of days (first, last, as ordinals) on which neither the body nor its memberships change,
    each with whether the body surely existed then (yes) or only possibly (uncertain).

    Only while some membership may hold: before the first one starts, nothing is recorded, not vacant.
    On a slice, the slice's date alone.
    """
    if model.date is not None:
        d = model.date.toordinal()
        return [(d, d, body.valid.active_on(model.date))]
    periods = [m.membership.valid.ordinals() for m in model.members(body.id)]
    if not periods:
        return []
    first, last = min(p[0] for p in periods), max(p[3] for p in periods)
    marks = {first}
    for s_lo, s_hi, e_lo, e_hi in [body.valid.ordinals(), *periods]:
        # a period's truth changes where its start may begin, surely began, its end may come, surely came
        marks.update(c for c in (s_lo, s_hi, e_lo + 1, e_hi + 1) if first <= c <= last)
    cuts = sorted(marks)
    spans = [(a, b - 1) for a, b in pairwise(cuts)] + [(cuts[-1], last)]
    judged = [(a, b, body.valid.active_on(date.fromordinal(a))) for a, b in spans]
    return [(a, b, alive) for a, b, alive in judged if alive is not Truth.NO]


def composition_rule(model: Model) -> Iterator[Problem]:
    """Seats per seat group and per allocation against the memberships, on every stretch of days."""
    for body in model.records(Body):
        if not body.seat_groups:
            continue
        rules = {g.name for g in body.seat_groups}
        everyone = composition(model, body.id, on=model.date)
        if not everyone.seats:
            fields = {"body": label(model, body.id), "rules": _rules_text(body)}
            if model.date:
                message = _("No members recorded for {body} on {day}: its seat rules ({rules}) cannot be checked")
                fields["day"] = day_words(model.date)
            else:
                message = _("No members recorded for {body}: its seat rules ({rules}) cannot be checked")
            yield problem("info", RULE, [body.id], message.format(**fields), body)
            continue
        for seat in everyone.seats:
            if seat.seat_group is not None and seat.seat_group not in rules:
                yield problem(
                    "error",
                    RULE,
                    [body.id, seat.membership.id],
                    _(
                        "Membership {membership} of {member} names seat group {group}, which {body} does not have "
                        "(it has: {groups})"
                    ).format(
                        membership=label(model, seat.membership.id),
                        member=label(model, seat.member),
                        group=repr(seat.seat_group),
                        body=label(model, body.id),
                        groups=", ".join(repr(g) for g in sorted(rules)),
                    ),
                    seat.membership,
                    body,
                )
        yield from _judge_stretches(model, body)


def _rules_text(body: Body) -> str:
    return ", ".join(
        _("{group}: {seats}").format(group=seat_group_label(g.name), seats=seat_count_words(g) or _("no seat count"))
        for g in body.seat_groups
    )


class _Finding(NamedTuple):
    """What is wrong with a seat group (``member`` None) or an allocation; equal findings on adjacent days merge."""

    group: str
    member: str | None
    verdict: str
    certain: int
    possible: int
    rule: str


def _findings(comp: Composition, alive: Truth) -> Iterator[_Finding]:
    """What breaks the seat rules on the composition's day; only undecidable while the body may not exist yet."""

    def judged(verdict: str) -> str:
        return "undecidable" if verdict != "ok" and alive is not Truth.YES else verdict

    for g in comp.groups:
        if g.rule is None:
            continue
        verdict = judged(judge_count(g.certain, g.possible, exact=g.rule.seats, minimum=g.rule.min_seats))
        if verdict != "ok":
            yield _Finding(g.name, None, verdict, g.certain, g.possible, seat_count_words(g.rule) or "")
        for a in g.allocations:
            verdict = judged(judge_count(a.certain, a.possible, exact=a.allotted))
            if verdict != "ok":
                seats = ngettext("{n} seat", "{n} seats", a.allotted).format(n=a.allotted)
                yield _Finding(g.name, a.member, verdict, a.certain, a.possible, seats)


def _judge_stretches(model: Model, body: Body) -> Iterator[Problem]:
    found: dict[_Finding, list[list[int]]] = {}
    evidence: dict[_Finding, Composition] = {}
    for first, last, alive in stretches(model, body):
        comp = composition(model, body.id, on=date.fromordinal(first))
        for finding in _findings(comp, alive):
            spans = found.setdefault(finding, [])
            if spans and spans[-1][1] + 1 == first:
                spans[-1][1] = last
            else:
                spans.append([first, last])
            evidence.setdefault(finding, comp)
    undecided: list[str] = []
    undecided_ids: list[str] = [body.id]
    undecided_basis: list[object] = []
    for f, spans in found.items():
        if model.date is not None:
            when = _("on {day}").format(day=day_words(model.date))
        else:
            when = "; ".join(span_text(a, b) for a, b in spans)
        whose = _("seat group {group}").format(group=repr(seat_group_label(f.group)))
        if f.member is not None:
            whose = _("{member} in {group}").format(member=label(model, f.member), group=whose)
        ids = [body.id, *([f.member] if f.member else [])]
        basis = evidence[f].basis
        if f.verdict == "undecidable":
            undecided.append(
                _("{whose}: {low} to {high} of {rule} ({when})").format(
                    whose=whose, low=f.certain, high=f.possible, rule=f.rule, when=when
                )
            )
            undecided_ids.extend(ids)
            undecided_basis.extend(basis)
            continue
        fields = {"body": label(model, body.id), "whose": whose, "rule": f.rule, "when": when}
        if f.certain == f.possible:
            base = ngettext(
                "{body}: {whose} holds {n} seat where the rule gives {rule} ({when})",
                "{body}: {whose} holds {n} seats where the rule gives {rule} ({when})",
                f.certain,
            ).format(n=f.certain, **fields)
        else:
            base = _(
                "{body}: {whose} holds between {low} and {high} seats where the rule gives {rule} ({when})"
            ).format(low=f.certain, high=f.possible, **fields)
        if f.verdict == "over":
            yield problem("error", RULE, ids, _("{finding}: too many").format(finding=base), *basis)
        else:
            message = _("{finding}: seats vacant or members not recorded").format(finding=base)
            yield problem("warning", RULE, ids, message, *basis)
    if undecided:
        message = undecidable(
            _(
                "the seats of {body} cannot be counted, because its own dates or those of some memberships are "
                "unknown or too coarse: {details}"
            ).format(body=label(model, body.id), details="; ".join(undecided))
        )
        yield problem("info", RULE, undecided_ids, message, *undecided_basis)
