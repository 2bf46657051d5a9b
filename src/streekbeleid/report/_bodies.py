"""The composition section of a region's page: each body, its seat groups against their rules, its members."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import attrs

from .. import queries
from ..i18n import N_, _, ngettext
from ..model import phrasing
from ..model.dates import ALWAYS, Truth
from ..model.model import Member
from ..model.records import Body, Membership, SeatGroup
from ..queries import GroupCount
from ._composition import composition_day, count_status, group_status
from ._history import history_paragraph
from ._site import Site
from .html import Markup, anchor_id, concat, el, table
from .scope import RegionScope

__all__ = ["STATUS_LABELS", "composition_section"]

#: The verdict on a seat group in words; ``unknown`` when no member's dates are known, so nothing can be counted.
STATUS_LABELS = {
    "ok": N_("as the rule says"),
    "over": N_("more than the rule gives"),
    "uncertain": N_("uncertain: depends on dates not known"),
    "fewer": N_("fewer members recorded than the rule gives"),
    "no count": N_("the rule gives no number"),
    "no rule": N_("no rule"),
    "unknown": N_("unknown: the members' dates are not recorded"),
}


def composition_section(site: Site, scope: RegionScope) -> Markup:
    """Every body of a region: what it is, how often it meets, and its seats against its rules."""
    if not scope.bodies:
        return el("p", _("No bodies recorded."), class_="muted")
    by_body: dict[str, list[Membership]] = defaultdict(list)
    for m in scope.memberships:
        by_body[m.organization].append(m)
    return concat(_body(site, body, by_body.get(body.id, []), scope) for body in scope.bodies)


def _body(site: Site, body: Body, memberships: list[Membership], scope: RegionScope) -> Markup:
    out = [_body_head(site, body, scope), history_paragraph(site, body.id)]
    if not memberships and not body.seat_groups:
        out.append(el("p", _("No seat rules and no members recorded."), class_="muted"))
    else:
        out.append(_seats_table(site, body, memberships))
    return concat(out)


def _body_head(site: Site, body: Body, scope: RegionScope) -> Markup:
    """The body's name, kind and period, its description and how often it meets."""
    decides = {True: _("decides"), False: _("advises only"), None: ""}[body.decides]
    period = "" if body.valid is ALWAYS else phrasing.period_words(body.valid)
    size = ngettext("{n} seat in all", "{n} seats in all", body.size).format(n=body.size) if body.size else ""
    meta = [phrasing.kind_label(body.kind), decides, period, size]
    cadence = [phrasing.cadence_text(c) for c in body.cadence if c.decision is None]
    on_decisions = [  # a rule on decisions (a pact's evaluation), not on meetings
        el(
            "p",
            _("{decision}: {cadence}.").format(
                decision=phrasing.decision_phrase(c.decision).format(
                    by=body.name, subject=site.name(c.subject) if c.subject else _("its subject")
                ),
                cadence=phrasing.cadence_text(c),
            ),
            site.src(c),
            class_="cadence",
        )
        for c in body.cadence
        if c.decision is not None
    ]
    meetings = [m for m in scope.meetings if m.body == body.id]
    recorded = (
        ngettext("{n} meeting recorded.", "{n} meetings recorded.", len(meetings)).format(n=len(meetings))
        if meetings
        else _("No meetings recorded.")
    )
    return concat(
        el("h3", body.name, site.src(body), id=anchor_id(body.id)),
        el("p", " · ".join(x for x in meta if x), site.uncertain(body.id), class_="muted"),
        el("p", described) if (described := phrasing.record_description(body)) else None,
        el(
            "p",
            _("Meets {cadence}.").format(cadence="; ".join(cadence)),
            [site.src(c) for c in body.cadence if c.decision is None],
            " ",
            recorded,
            class_="cadence",
        )
        if cadence
        else None,
        on_decisions,
    )


@attrs.frozen
class _Group:
    """One row of a seat table: a seat group's name, its rule (None: not in the rules), seats and count."""

    name: str
    rule: SeatGroup | None
    seats: tuple[Member, ...]
    count: GroupCount | None


def _seats_table(site: Site, body: Body, memberships: list[Membership]) -> Markup:
    """One row per seat group: its rule, how many seats are filled, the verdict and the members.

    Without a dated member there is no day to count on: each seat group is still one row with its rule and
    its members, and the verdict says the count is unknown.
    """
    day = site.as_of or composition_day(memberships)
    comp = queries.composition(site.view if site.as_of else site.model, body.id, on=day)
    by_group = comp.by_group()
    counts = {g.name: g for g in comp.groups}
    rules = {g.name: g for g in body.seat_groups}
    names = [*rules, *sorted(n for n in by_group if n not in rules and n != "-")]
    if "-" in by_group:
        names.append("-")
    groups = [_Group(n, rules.get(n), by_group.get(n, ()), counts.get(n)) for n in names]
    rows = [_group_row(site, body, g, day) for g in groups]
    if day is None:
        caption = _("Seats: no member has dates, so they cannot be counted on any day")
    elif site.as_of:
        caption = _("Seats {when}").format(when=_("on {date}").format(date=phrasing.day_words(day)))
    else:
        when = _("on {date}, the day the most seats are known to be filled").format(date=phrasing.day_words(day))
        caption = _("Seats {when}").format(when=when)
    heads = [_("seat group"), _("rule"), (_("filled"), "num"), _("status"), _("members")]
    return table(heads, rows, caption=caption, class_="composition")


def _verdict(group: _Group, day: date | None) -> tuple[str, str]:
    """``(filled, status)`` of a row: the seats filled in words and the status key (see :data:`STATUS_LABELS`)."""
    g = group.count
    if g is not None:
        filled = (
            str(g.certain)
            if g.possible == g.certain
            else _("{certain} to {possible}").format(certain=g.certain, possible=g.possible)
        )
        return filled, group_status(g)
    recorded = sum(s.seats for s in group.seats)
    if day is None:
        return ngettext("{n} recorded", "{n} recorded", recorded).format(n=recorded), (
            "unknown" if group.rule is not None else "no rule"
        )
    return str(recorded), "no rule"


def _group_row(site: Site, body: Body, group: _Group, day: date | None) -> Markup:
    seats = sorted(group.seats, key=lambda s: (site.name(s.member).lower(), s.membership.id))
    filled, status = _verdict(group, day)
    if group.rule is not None:
        rule: Markup | str = concat(phrasing.seat_rule(group.rule), _allocations(site, group))
    elif group.name == "-":
        rule = _("no seat group given")
    else:
        rule = _("outside the seat groups") if body.seat_groups else _("no seat groups in the rules")
    members = [
        el(
            "li",
            site.link(s.member),
            _membership_detail(site, s.membership),
            el("span", " ", _("(dates uncertain)"), class_="uncertain-mark") if s.status is Truth.UNCERTAIN else None,
            site.src(s.membership),
            id=anchor_id(s.membership.id),
        )
        for s in seats
    ]
    name = _("members without a seat group") if group.name == "-" else phrasing.seat_group_label(group.name)
    return el(
        "tr",
        el("td", el("b", name)),
        el("td", rule),
        el("td", filled, class_="num"),
        el("td", _(STATUS_LABELS[status]), class_="status-" + status.replace(" ", "-")),
        el(
            "td",
            el("ul", members, class_="columns" if len(members) > 8 else None)
            if members
            else el("span", _("none recorded"), class_="muted"),
        ),
    )


def _allocations(site: Site, group: _Group) -> Markup | None:
    """The seats a rule gives to named members (``VOKA: 2 of 2``), or None; without a day, only the rule."""
    if group.rule is None or not group.rule.allocations:
        return None
    if group.count is None:
        items = [
            el("li", _("{member}: {n} seats under the rule").format(member=site.name(a.member), n=a.seats))
            for a in group.rule.allocations
        ]
        return el("ul", items)
    out = []
    for a in group.count.allocations:
        status = count_status(a.certain, a.possible, exact=a.allotted, minimum=None)
        filled = str(a.certain) if a.possible == a.certain else f"{a.certain}–{a.possible}"
        text = _("{member}: {filled} of {allotted}").format(
            member=site.name(a.member), filled=filled, allotted=a.allotted
        )
        out.append(el("li", text, " (", _(STATUS_LABELS[status]), ")", class_=f"status-{status}"))
    return el("ul", out)


def _membership_detail(site: Site, m: Membership) -> Markup | str:
    bits = []
    if m.role != "member":
        bits.append(phrasing.role_label(m.role))
    if m.seats != 1:
        bits.append(ngettext("{n} seat", "{n} seats", m.seats).format(n=m.seats))
    if m.on_behalf_of:
        bits.append(_("on behalf of {actor}").format(actor=site.name(m.on_behalf_of)))
    if m.voting is False:
        bits.append(_("advisory"))
    if m.label:
        bits.append(m.label)
    if m.valid is not ALWAYS:
        bits.append(phrasing.period_words(m.valid))
    return f" ({', '.join(bits)})" if bits else ""
