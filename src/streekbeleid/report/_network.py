"""The network of a region's bodies and the actors in them, laid out on the server as an SVG picture.

The layout is deterministic and made for reading, not for physics: bodies
stand in a middle column, the actors in two side columns grouped by kind
(so each colour of the legend is one block), and within a group sorted by
the bodies they sit in (the barycentre), which keeps lines short and few of
them crossing.  It stays legible at a hundred nodes, where a spring layout
turns into a hairball, and it needs neither numpy nor scipy.
"""

from __future__ import annotations

from collections import defaultdict

import attrs

from ..i18n import _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import kind_label, period_words, record_short_name, relation_phrase, role_label, seat_group_label
from ..model.records import ACTOR_KINDS, Actor, Body, Person, Plan, Project, Region, Territory
from .html import Markup, concat, el, picture
from .scope import RegionScope

__all__ = ["KIND_COLOURS", "NetEdge", "NetNode", "Network", "network_svg", "region_network"]

#: Fill colour per kind of node; colour-blind-safe qualitative palette (Okabe-Ito and Tol's muted).
KIND_COLOURS: dict[str, str] = {
    "government": "#0072B2",
    "agency": "#56B4E9",
    "provincial_government": "#009E73",
    "municipal_government": "#8FBC3F",
    "intermunicipal_association": "#117733",
    "employers_organisation": "#E69F00",
    "trade_union": "#D55E00",
    "nonprofit": "#CC79A7",
    "development_company": "#882255",
    "expert": "#999933",
    "university": "#332288",
    "consultancy": "#AA4499",
    "fund": "#DDCC77",
    "staff": "#6F6F6F",
    "person": "#44AA99",
    "plan": "#7A8FA6",
    "other": "#A0A0A0",
    "body": "#2F3E4E",
}

_KIND_ORDER = {k: i for i, k in enumerate([*ACTOR_KINDS, "person", "body"])}


@attrs.frozen
class NetNode:
    id: str
    label: str
    kind: str
    uncertain: bool = False


@attrs.frozen
class NetEdge:
    source: str
    target: str
    kind: str  # member_of or a relation kind
    label: str
    advisory: bool = False
    uncertain: bool = False


@attrs.frozen
class Network:
    bodies: tuple[NetNode, ...]
    others: tuple[NetNode, ...]
    edges: tuple[NetEdge, ...]


def _node_for(model: Model, record_id: str) -> NetNode:
    try:
        record = model.get(record_id)
    except KeyError:
        return NetNode(record_id, record_id, "other")
    name = record_short_name(record, record_id)
    if isinstance(record, Body):
        return NetNode(record_id, name, "body")
    if isinstance(record, Actor):
        return NetNode(record_id, name, record.kind)
    if isinstance(record, Territory):  # a territory as member stands for its government
        kind = "provincial_government" if record.level == "province" else "municipal_government"
        return NetNode(record_id, record.name, kind)
    if isinstance(record, Person):
        return NetNode(record_id, record.name, "person")
    if isinstance(record, (Plan, Project)):
        return NetNode(record_id, record.name, "plan")
    if isinstance(record, Region):
        return NetNode(record_id, record.name, "other")
    return NetNode(record_id, name, "other")


def region_network(model: Model, scope: RegionScope) -> Network:
    """The bodies of a region, their members and the relations among them."""
    nodes: dict[str, NetNode] = {b.id: NetNode(b.id, b.abbreviation or b.name, "body") for b in scope.bodies}
    edges: list[NetEdge] = []
    for m in scope.memberships:
        if m.member not in nodes:
            nodes[m.member] = _node_for(model, m.member)
        uncertain = model.date is not None and model.status(m.id) is Truth.UNCERTAIN
        role = role_label(m.role) if m.role != "member" else ""
        label = " ".join(
            filter(None, [role, m.seat_group and f"({seat_group_label(m.seat_group)})", period_words(m.valid)])
        )
        edges.append(
            NetEdge(m.member, m.organization, "member_of", label, advisory=m.voting is False, uncertain=uncertain)
        )
    for r in scope.relations:
        for end in (r.subject, r.object):
            if end not in nodes:
                nodes[end] = _node_for(model, end)
        edges.append(NetEdge(r.subject, r.object, r.kind, r.kind))
    bodies = tuple(n for n in nodes.values() if n.kind == "body")
    others = tuple(n for n in nodes.values() if n.kind != "body")
    return Network(bodies, others, tuple(edges))


# ---------------------------------------------------------------- layout

_ROW = 22.0  # vertical distance between side nodes: room for a 13px label
_BODY_H = 40.0
_BODY_W = 230.0
_LABEL_W = 250.0
_LEFT_X = _LABEL_W + 20
_MID_X = _LEFT_X + 240
_RIGHT_X = _MID_X + 240
_WIDTH = _RIGHT_X + _LABEL_W + 20
_TOP = 20.0
_MAX_LABEL = 34


def _short(text: str, limit: int = _MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _order_bodies(net: Network) -> list[NetNode]:
    """Bodies in an order that keeps related bodies together: a walk from the best-connected one."""
    body_ids = {b.id for b in net.bodies}
    degree: dict[str, int] = defaultdict(int)
    links: dict[str, set[str]] = defaultdict(set)
    for e in net.edges:
        degree[e.target] += 1
        degree[e.source] += 1
        if e.source in body_ids and e.target in body_ids:
            links[e.source].add(e.target)
            links[e.target].add(e.source)
    by_rank = sorted(net.bodies, key=lambda b: (-degree[b.id], b.label, b.id))
    ordered: list[NetNode] = []
    seen: set[str] = set()
    lookup = {b.id: b for b in net.bodies}
    for start in by_rank:
        stack = [start.id]
        while stack:
            b = stack.pop(0)
            if b in seen:
                continue
            seen.add(b)
            ordered.append(lookup[b])
            stack.extend(sorted(links[b] - seen, key=lambda x: (-degree[x], x)))
    return ordered


def layout(net: Network) -> tuple[dict[str, tuple[float, float, str]], float]:
    """Positions ``id -> (x, y, side)`` with side ``left``, ``right`` or ``mid``, and the picture's height."""
    bodies = _order_bodies(net)
    body_rank = {b.id: i for i, b in enumerate(bodies)}
    pos, side_height = _place_actors(net, body_rank)
    gap = _BODY_H + 16
    height = max(side_height, len(bodies) * gap + 2 * _TOP, 120.0)
    # each body at the mean height of the actors it links to, then pushed apart to keep the walk's order readable
    ys: dict[str, list[float]] = defaultdict(list)
    for e in net.edges:
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in body_rank and b in pos:
                ys[a].append(pos[b][1])
    step = (height - 2 * _TOP) / max(len(bodies), 1)
    wanted = {
        b.id: sum(ys[b.id]) / len(ys[b.id]) if ys.get(b.id) else _TOP + step * (i + 0.5) for i, b in enumerate(bodies)
    }
    placed: list[tuple[float, str]] = []
    for bid in sorted(wanted, key=lambda k: (wanted[k], body_rank[k])):
        y = max(wanted[bid], placed[-1][0] + gap if placed else _TOP + _BODY_H / 2)
        placed.append((y, bid))
    overflow = placed[-1][0] + _BODY_H / 2 + _TOP - height if placed else 0.0
    if overflow > 0:  # pushed past the bottom: shift up, never above the top
        placed = [(y - overflow, bid) for y, bid in placed]
        top = _TOP + _BODY_H / 2
        placed = [(max(y, top + i * gap), bid) for i, (y, bid) in enumerate(placed)]
    for y, bid in placed:
        pos[bid] = (_MID_X, y, "mid")
    return pos, height + _TOP


def _place_actors(net: Network, body_rank: dict[str, int]) -> tuple[dict[str, tuple[float, float, str]], float]:
    """The actors in kind-groups left and right of the bodies, each near the bodies it links to; and their height."""
    attached: dict[str, list[int]] = defaultdict(list)
    for e in net.edges:
        if e.target in body_rank and e.source not in body_rank:
            attached[e.source].append(body_rank[e.target])
        elif e.source in body_rank and e.target not in body_rank:
            attached[e.target].append(body_rank[e.source])
    groups: dict[str, list[NetNode]] = defaultdict(list)
    for n in net.others:
        groups[n.kind].append(n)

    def barycentre(n: NetNode) -> float:
        ranks = attached.get(n.id) or [len(body_rank)]
        return sum(ranks) / len(ranks)

    for members in groups.values():
        members.sort(key=lambda n: (barycentre(n), n.label.lower(), n.id))
    # whole kind-groups go to the side with fewer nodes, biggest first: each colour stays one block
    left: list[str] = []
    right: list[str] = []
    counts = {"left": 0, "right": 0}
    for kind in sorted(groups, key=lambda k: (-len(groups[k]), _KIND_ORDER.get(k, 99), k)):
        side = "left" if counts["left"] <= counts["right"] else "right"
        (left if side == "left" else right).append(kind)
        counts[side] += len(groups[kind])
    pos: dict[str, tuple[float, float, str]] = {}
    heights = []
    for side, kinds, x in (("left", left, _LEFT_X), ("right", right, _RIGHT_X)):
        y = _TOP + _ROW / 2
        for kind in sorted(kinds, key=lambda k: (_KIND_ORDER.get(k, 99), k)):
            for n in groups[kind]:
                pos[n.id] = (x, y, side)
                y += _ROW
            y += _ROW / 2  # a gap between kinds
        heights.append(y)
    return pos, max([*heights, _TOP])


def network_svg(net: Network, *, title: str) -> Markup:
    """The network as an inline SVG element with a legend, or a note when the region has no bodies."""
    if not net.bodies:
        return el("p", _("No bodies are recorded for this region."), class_="muted")
    pos, height = layout(net)
    svg = picture(title, _edges(net, pos), _nodes(net, pos), width=_WIDTH, height=height, class_="network")
    return concat(svg, _legend(net))


def _edges(net: Network, pos: dict[str, tuple[float, float, str]]) -> list[Markup]:
    """Seats and relations as curves: actor to body across, body to body as an arc right of the column."""
    info = {n.id: n for n in (*net.others, *net.bodies)}

    def label_of(node_id: str) -> str:
        return info[node_id].label if node_id in info else node_id

    lines: list[Markup] = []
    for i, e in enumerate(net.edges):
        if e.source not in pos or e.target not in pos:
            continue
        x1, y1, s1 = pos[e.source]
        x2, y2, s2 = pos[e.target]
        colour = KIND_COLOURS.get(info[e.source].kind, "#999") if e.kind == "member_of" else "#555"
        if s1 == "mid" and s2 == "mid":  # body to body: an arc to the right of the column
            xa, xb = x1 + _BODY_W / 2, x2 + _BODY_W / 2
            bulge = 40 + 12 * (i % 4)
            d = f"M{xa:.1f},{y1:.1f} C{xa + bulge:.1f},{y1:.1f} {xb + bulge:.1f},{y2:.1f} {xb:.1f},{y2:.1f}"
        else:
            if s1 == "mid":  # a relation from a body to an actor: draw it from the actor's side
                (x1, y1, s1), (x2, y2, s2) = (x2, y2, s2), (x1, y1, s1)
            xe = x2 - _BODY_W / 2 if s1 == "left" else x2 + _BODY_W / 2
            mid = (x1 + xe) / 2
            d = f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {xe:.1f},{y2:.1f}"
        dash = "4 3" if (e.kind != "member_of" or e.advisory) else None
        lines.append(
            el(
                "path",
                el("title", _edge_words(e, label_of(e.source), label_of(e.target))),
                d=d,
                fill="none",
                stroke=colour,
                stroke_width=2.0 if e.kind != "member_of" else 1.2,
                stroke_opacity=0.35 if e.uncertain else 0.7,
                stroke_dasharray=dash,
                class_="edge " + ("relation" if e.kind != "member_of" else "membership"),
            )
        )
    return lines


def _nodes(net: Network, pos: dict[str, tuple[float, float, str]]) -> list[Markup]:
    """The actors as coloured dots with their names, the bodies as boxes with theirs."""
    shapes: list[Markup] = []
    for n in net.others:
        x, y, side = pos[n.id]
        colour = KIND_COLOURS.get(n.kind, "#999")
        tx, anchor = (x - 10, "end") if side == "left" else (x + 10, "start")
        shapes.append(
            el(
                "g",
                el("title", f"{n.label} ({kind_label(n.kind)})"),
                el("circle", cx=x, cy=y, r=6.5, fill=colour, stroke="#fff", stroke_width=1.5),
                el("text", _short(n.label), x=tx, y=y + 4.5, text_anchor=anchor, class_="node-label"),
                class_="node actor",
                data_id=n.id,
            )
        )
    for n in net.bodies:
        x, y, _side = pos[n.id]
        box = el(
            "rect", x=x - _BODY_W / 2, y=y - _BODY_H / 2, width=_BODY_W, height=_BODY_H, rx=7, fill=KIND_COLOURS["body"]
        )
        shapes.append(el("g", el("title", n.label), box, _body_label(n.label, x, y), class_="node body", data_id=n.id))
    return shapes


def _body_label(label: str, x: float, y: float) -> Markup:
    """A body's name inside its box: one line, or two when long ("Burgemeestersoverleg / Oost-Brabant")."""
    limit = 27
    if len(label) <= limit:
        return el("text", label, x=x, y=y + 5, text_anchor="middle", class_="body-label")
    cut = label.rfind(" ", 0, limit + 1)
    first, rest = (label[:cut], label[cut + 1 :]) if cut > 0 else (label[:limit], label[limit:])
    return el(
        "text",
        el("tspan", first, x=x, dy=-2.0),
        el("tspan", _short(rest, limit), x=x, dy=15.0),
        x=x,
        y=y - 1,
        text_anchor="middle",
        class_="body-label",
    )


def _legend(net: Network) -> Markup:
    counts: dict[str, int] = defaultdict(int)
    for n in (*net.bodies, *net.others):
        counts[n.kind] += 1
    items = [
        el(
            "li",
            el("span", "", class_="swatch" + (" swatch-body" if kind == "body" else ""), style=f"background:{colour}"),
            f"{kind_label(kind)} ({counts[kind]})",
        )
        for kind, colour in KIND_COLOURS.items()
        if counts.get(kind)
    ]
    items.append(el("li", el("span", "", class_="swatch-line dashed"), _("advisory seat or relation between bodies")))
    return el("ul", items, class_="legend", aria_label=_("legend"))


def _edge_words(e: NetEdge, source: str, target: str) -> str:
    """A line of the network in words: ``VOKA: lid van RESOC Limburg (datums onbekend)``."""
    if e.kind != "member_of":
        return relation_phrase(e.kind).format(subject=source, object=target)
    seat = _("{member}: seat in {body}").format(member=source, body=target)
    return f"{seat} ({e.label})" if e.label else seat
