"""The composition section of a region's page: each body, its seat groups against their rules, its members."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from .. import queries
from ..model import phrasing
from ..model.dates import ALWAYS, Truth
from ..model.records import Body, Membership
from ..queries import GroupCount, Seat
from ._composition import composition_day, group_status
from ._html import Markup, anchor_id, concat, el, table
from ._scope import RegionScope
from ._site import Site

__all__ = ["composition_section"]


def composition_section(site: Site, scope: RegionScope) -> Markup:
    """Every body of a region: what it is, how often it meets, and its seats against its rules."""
    if not scope.bodies:
        return el("p", "No bodies recorded.", class_="muted")
    out: list[Markup] = []
    by_body: dict[str, list[Membership]] = defaultdict(list)
    for m in scope.memberships:
        by_body[m.organization].append(m)
    for body in scope.bodies:
        out.append(_body(site, body, by_body.get(body.id, []), scope))
    return concat(out)


def _body(site: Site, body: Body, memberships: list[Membership], scope: RegionScope) -> Markup:
    out = [_body_head(site, body, scope)]
    if not memberships and not body.seat_groups:
        out.append(el("p", "No seat rules and no members recorded.", class_="muted"))
    else:
        out.append(_seats_table(site, body, memberships))
    return concat(out)


def _body_head(site: Site, body: Body, scope: RegionScope) -> Markup:
    """The body's name, kind and period, its description and how often it meets."""
    decides = {True: "decides", False: "advises only", None: ""}[body.decides]
    meta = [body.kind.replace("_", " "), decides, "" if body.valid is ALWAYS else str(body.valid)]
    cadence = [phrasing.cadence_text(c) for c in body.cadence]
    meetings = [m for m in scope.meetings if m.body == body.id]
    return concat(
        el("h3", body.name, " ", el("span", body.id, class_="id"), site.src(body), id=anchor_id(body.id)),
        el("p", " · ".join(x for x in meta if x), site.uncertain(body.id), class_="muted"),
        el("p", body.description) if body.description else None,
        el(
            "p",
            "Meets ",
            "; ".join(cadence),
            [site.src(c) for c in body.cadence],
            f". {len(meetings)} meetings recorded." if meetings else ". No meetings recorded.",
            class_="cadence",
        )
        if cadence
        else None,
    )


def _seats_table(site: Site, body: Body, memberships: list[Membership]) -> Markup:
    """One row per seat group: its rule, how many seats are filled, the verdict and the members."""
    day = site.as_of or composition_day(memberships)
    comp = queries.composition(site.view if site.as_of else site.model, body.id, on=day)
    by_group = comp.by_group()
    counts = {g.name: g for g in comp.groups}
    names = [g.name for g in body.seat_groups] + sorted(n for n in by_group if n not in counts and n != "-")
    if "-" in by_group:
        names.append("-")
    rows = [_group_row(site, body, name, by_group.get(name, ()), counts.get(name), day) for name in names]
    if day is None:
        when = "over all periods (no dated members)"
    else:
        when = f"on {day}" + ("" if site.as_of else " (the day the most seats are known to be filled)")
    heads = ["seat group", "rule", ("filled", "num"), "status", "members"]
    return table(heads, rows, caption=f"Seats {when}", class_="composition")


def _group_row(
    site: Site, body: Body, name: str, group_seats: Sequence[Seat], g: GroupCount | None, day: date | None
) -> Markup:
    seats = sorted(group_seats, key=lambda s: (site.name(s.member).lower(), s.membership.id))
    if g is not None:
        filled = f"{g.certain}" + (f" (up to {g.possible})" if g.possible != g.certain else "")
        status = group_status(g)
        rule: Markup | str = concat(phrasing.seat_rule(g.rule), _allocations(site, g))
    else:
        filled = str(sum(s.seats for s in seats)) if day is None else "–"
        status = "no rule"
        rule = "outside the seat groups" if body.seat_groups else "no seat groups in the rules"
    members = [
        el(
            "li",
            site.link(s.member),
            _membership_detail(site, s.membership),
            el("span", " (date uncertain)", class_="uncertain-mark") if s.status is Truth.UNCERTAIN else None,
            site.src(s.membership),
            id=anchor_id(s.membership.id),
        )
        for s in seats
    ]
    return el(
        "tr",
        el("td", el("b", "members" if name == "-" else name)),
        el("td", rule),
        el("td", filled, class_="num"),
        el("td", status, class_="status-" + status.replace(" ", "-")),
        el(
            "td",
            el("ul", members, class_="columns" if len(members) > 8 else None)
            if members
            else el("span", "none", class_="muted"),
        ),
    )


def _allocations(site: Site, g: GroupCount) -> Markup | None:
    """The seats a rule gives to named members (``VOKA: 2 of 2``), or None."""
    if not g.allocations:
        return None
    return el(
        "ul",
        [
            el(
                "li",
                f"{site.name(a.member)}: {a.certain} of {a.allotted}",
                class_="status-ok" if a.certain == a.allotted else "status-short",
            )
            for a in g.allocations
        ],
    )


def _membership_detail(site: Site, m: Membership) -> str:
    bits = []
    if m.role != "member":
        bits.append(m.role.replace("_", " "))
    if m.seats != 1:
        bits.append(f"{m.seats} seats")
    if m.on_behalf_of:
        bits.append(f"on behalf of {site.name(m.on_behalf_of)}")
    if m.voting is False:
        bits.append("advisory")
    if m.label:
        bits.append(m.label)
    if m.valid is not ALWAYS:
        bits.append(str(m.valid))
    return f" ({', '.join(bits)})" if bits else ""
