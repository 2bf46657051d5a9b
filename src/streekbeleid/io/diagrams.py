"""Diagrams as Mermaid or Graphviz DOT: a body and its members, a plan's tree, lineage chains.

A view builds a neutral :class:`Diagram` (nodes, edges, clusters); one renderer per
syntax writes it, so both syntaxes always show the same thing.  Other parts of the
library (workflow definitions) can build a :class:`Diagram` and use the same renderers.

Views:

- ``members``: a body, its members grouped by seat group (with seats, role, on whose
  behalf, period; a dashed edge where the membership only possibly held on the
  slice's date), and the body's relations (reports to, steered by ...);
- ``tree``: a plan and its priorities, objectives and actions (number, name, lead);
- ``lineage``: the chain of plans or organisations linked by lineage (succeeds,
  deepens, revises ...) and of territories linked by succession (mergers).

>>> import streekbeleid
>>> from streekbeleid.io.diagrams import generate_mermaid
>>> print(generate_mermaid(streekbeleid.load(plugins=[]), ["nis:72043"], view="lineage"))
flowchart RL
  n0{{"Neerpelt<br/>../2018-12-31"}}
  n1{{"Overpelt<br/>../2018-12-31"}}
  n2{{"Pelt<br/>2019-01-01/.."}}
  n2 -->|"succeeds"| n0
  n2 -->|"succeeds"| n1
  classDef subject stroke-width:3px
  class n2 subject
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from ..errors import InvalidValueError, RecordKindError
from ..i18n import N_, _
from ..model.dates import Truth
from ..model.model import Model, record_type
from ..model.records import Actor, Body, Lineage, Person, Plan, PlanItem, Relation, Territory
from ._common import PathOrFile, is_always, label_of, open_text
from ._formats import VIEWS

__all__ = [
    "VIEWS",
    "Diagram",
    "DiagramEdge",
    "DiagramNode",
    "diagram",
    "generate_dot",
    "generate_mermaid",
    "lineage_diagram",
    "members_diagram",
    "render_dot",
    "render_mermaid",
    "tree_diagram",
    "write_dot",
    "write_mermaid",
]

Shape = Literal["box", "round", "stadium", "hexagon", "document"]
Style = Literal["solid", "dashed", "dotted", "bold"]


@attrs.frozen
class DiagramNode:
    id: str
    label: str
    shape: Shape = "box"
    cluster: str | None = None
    emphasis: bool = False


@attrs.frozen
class DiagramEdge:
    source: str
    target: str
    label: str | None = None
    style: Style = "solid"


@attrs.frozen
class Diagram:
    """What to draw: nodes (optionally in clusters), edges, a direction (``LR``, ``RL``, ``TB``) and a title."""

    nodes: tuple[DiagramNode, ...] = ()
    edges: tuple[DiagramEdge, ...] = ()
    direction: str = "LR"
    title: str | None = None

    def merge(self, other: Diagram) -> Diagram:
        """Both diagrams in one: nodes by id (the first wins, clusters dropped where they disagree)."""
        return self.merge_all([other])

    def merge_all(self, others: Iterable[Diagram]) -> Diagram:
        """All the diagrams in one, as merging them one by one would give, in one pass over their parts."""
        nodes: dict[str, DiagramNode] = {n.id: n for n in self.nodes}
        edges = dict.fromkeys(self.edges)
        title = self.title
        for other in others:
            for n in other.nodes:
                if n.id in nodes:
                    if nodes[n.id].cluster != n.cluster:
                        nodes[n.id] = attrs.evolve(nodes[n.id], cluster=None)
                else:
                    nodes[n.id] = n
            edges.update(dict.fromkeys(other.edges))
            title = title or other.title
        return Diagram(tuple(nodes.values()), tuple(edges), self.direction, title)


def _shape(record: Any) -> Shape:
    if isinstance(record, Person):
        return "stadium"
    if isinstance(record, Actor):
        return "round"
    if isinstance(record, Territory):
        return "hexagon"
    if isinstance(record, (Plan, PlanItem)):
        return "document"
    return "box"


def _node(
    model: Model, record_id: str, *, cluster: str | None = None, emphasis: bool = False, extra: str = ""
) -> DiagramNode:
    try:
        rec = model.get(record_id)
    except KeyError:
        rec = None
    label = label_of(model, record_id) + (f"\n{extra}" if extra else "")
    return DiagramNode(record_id, label, _shape(rec), cluster, emphasis)


# ------------------------------------------------------------------ views


def _relations(model: Model) -> dict[str, list[tuple[str, str, Relation]]]:
    """The relations of each node, in the order of the graph's edges: one pass over them for every body."""
    out: dict[str, list[tuple[str, str, Relation]]] = {}
    for u, v, _key, rec in model.graph.edges(keys=True, data="record"):
        if isinstance(rec, Relation):
            out.setdefault(u, []).append((u, v, rec))
            if v != u:
                out.setdefault(v, []).append((u, v, rec))
    return out


def members_diagram(
    model: Model,
    body_id: str,
    *,
    clusters: bool = True,
    relations: dict[str, list[tuple[str, str, Relation]]] | None = None,
) -> Diagram:
    """A body, its members (by seat group) and its relations; on the slice's date when the model is a slice.

    :param relations: the relations of every node (``_relations``), when many bodies are drawn.
    """
    body = model.get(body_id)
    groups = {g.name: g for g in body.seat_groups} if isinstance(body, Body) else {}
    nodes = [_node(model, body_id, emphasis=True)]
    edges: list[DiagramEdge] = []
    for member in model.members(body_id):
        m = member.membership
        cluster = None
        if clusters and m.seat_group:
            g = groups.get(m.seat_group)
            seats = f" ({g.seats} seats)" if g is not None and g.seats is not None else ""
            cluster = f"{m.seat_group}{seats}"
        nodes.append(_node(model, m.member, cluster=cluster))
        parts = [] if m.role == "member" else [m.role.replace("_", " ")]
        if not clusters and m.seat_group:
            parts.append(m.seat_group)
        if m.seats != 1:
            parts.append(f"{m.seats} seats")
        if m.voting is False:
            parts.append("advisory")
        if m.on_behalf_of:
            parts.append(f"for {label_of(model, m.on_behalf_of)}")
        if not is_always(m.valid):
            parts.append(str(m.valid))
        style: Style = "dashed" if member.status is Truth.UNCERTAIN else "solid"
        edges.append(DiagramEdge(m.member, body_id, ", ".join(parts) or None, style))
    if relations is None:
        relations = _relations(model)
    for u, v, rec in relations.get(body_id, ()):
        other = v if u == body_id else u
        if all(n.id != other for n in nodes):
            nodes.append(_node(model, other))
        edges.append(DiagramEdge(u, v, rec.kind.replace("_", " "), "dotted"))
    return Diagram((), (), "LR", label_of(model, body_id)).merge(Diagram(tuple(nodes), tuple(edges)))


def tree_diagram(model: Model, plan_id: str) -> Diagram:
    """A plan and its tree of items, each with its number and lead."""
    plan = model.get(plan_id)
    if not isinstance(plan, (Plan, PlanItem)):
        raise RecordKindError(plan_id, record_type(plan), N_("a plan: a tree needs a plan"))
    extra = str(plan.valid) if not is_always(plan.valid) else ""
    nodes = [_node(model, plan_id, emphasis=True, extra=extra)]
    edges: list[DiagramEdge] = []
    stack: list[tuple[str, PlanItem]] = [(plan_id, item) for item in reversed(plan.items)]
    while stack:
        parent, item = stack.pop()
        title = f"{item.number} {item.name}" if item.number else item.name
        lines = [title] + ([f"lead: {', '.join(label_of(model, a) for a in item.leads)}"] if item.leads else [])
        nodes.append(DiagramNode(item.id, "\n".join(lines), "box" if item.kind != "action" else "round"))
        edges.append(DiagramEdge(parent, item.id))
        stack.extend((item.id, child) for child in reversed(item.items))
    return Diagram(tuple(nodes), tuple(edges), "LR", plan.name)


def lineage_diagram(model: Model, record_id: str) -> Diagram:
    """Everything linked to a record by lineage or succession, newest on the left."""
    model.get(record_id)
    graph = model.graph
    seen = {record_id}
    frontier = [record_id]
    links: dict[str, tuple[str, str, str]] = {}
    while frontier:
        n = frontier.pop()
        for u, v, key, data in [*graph.out_edges(n, keys=True, data=True), *graph.in_edges(n, keys=True, data=True)]:
            rec = data["record"]
            if isinstance(rec, Lineage):
                label = rec.kind.replace("_", " ") + (f" ({rec.date})" if rec.date else "")
            elif isinstance(rec, Territory) and data["kind"] == "succeeds":
                label = "succeeds"
            else:
                continue
            links[key] = (u, v, label)
            for x in (u, v):
                if x not in seen:
                    seen.add(x)
                    frontier.append(x)
    nodes = []
    for n in sorted(seen, key=lambda x: (label_of(model, x), x)):
        rec = model.get(n)
        extra = "" if is_always(rec.valid) else str(rec.valid)
        nodes.append(_node(model, n, emphasis=n == record_id and len(seen) > 1, extra=extra))
    edges = [DiagramEdge(u, v, label) for _k, (u, v, label) in sorted(links.items(), key=lambda kv: kv[1])]
    return Diagram(tuple(nodes), tuple(edges), "RL", f"Lineage of {label_of(model, record_id)}")


def diagram(model: Model, subjects: Sequence[str] | None = None, *, view: str = "auto") -> Diagram:
    """The diagram of the subjects (one merged diagram), or of every body when there are none.

    :param view: ``members``, ``tree``, ``lineage``, or ``auto``: members for a body,
        tree for a plan, lineage for anything else.
    """
    if view not in VIEWS:
        choose = _("unknown view {view!r}; choose one of {views}")
        raise InvalidValueError(choose.format(view=view, views=", ".join(VIEWS)))
    if not subjects:
        bodies = [b.id for b in model.records(Body)]
        relations = _relations(model)
        parts = (members_diagram(model, b, clusters=False, relations=relations) for b in bodies)
        return Diagram(title="Bodies and their members").merge_all(parts)
    result: Diagram | None = None
    for subject in subjects:
        rec = model.get(subject)
        chosen = view
        if view == "auto":
            chosen = "members" if isinstance(rec, Body) else "tree" if isinstance(rec, Plan) else "lineage"
        if chosen == "members":
            part = members_diagram(model, subject, clusters=len(subjects) == 1)
        elif chosen == "tree":
            part = tree_diagram(model, subject)
        else:
            part = lineage_diagram(model, subject)
        result = part if result is None else result.merge(part)
    assert result is not None
    return result


# ------------------------------------------------------------------ renderers


def _ids(d: Diagram) -> dict[str, str]:
    return {n.id: f"n{i}" for i, n in enumerate(d.nodes)}


def _mermaid_text(text: str) -> str:
    # Mermaid reads entity codes (#quot;) in quoted text and renders labels as HTML
    escaped = text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return escaped.replace("\n", "<br/>")


_MERMAID_SHAPES = {
    "box": ('["', '"]'),
    "round": ('("', '")'),
    "stadium": ('(["', '"])'),
    "hexagon": ('{{"', '"}}'),
    "document": ('[["', '"]]'),
}
_MERMAID_ARROWS = {"solid": "-->", "dashed": "-.->", "dotted": "-.->", "bold": "==>"}


def render_mermaid(d: Diagram) -> str:
    """A Mermaid ``flowchart``."""
    ids = _ids(d)
    lines = [f"flowchart {d.direction}"]

    def node_line(n: DiagramNode, indent: str) -> str:
        left, right = _MERMAID_SHAPES[n.shape]
        return f"{indent}{ids[n.id]}{left}{_mermaid_text(n.label)}{right}"

    clusters: dict[str, list[DiagramNode]] = {}
    for n in d.nodes:
        if n.cluster is None:
            lines.append(node_line(n, "  "))
        else:
            clusters.setdefault(n.cluster, []).append(n)
    for i, (name, members) in enumerate(clusters.items()):
        lines.append(f'  subgraph c{i}["{_mermaid_text(name)}"]')
        lines.extend(node_line(n, "    ") for n in members)
        lines.append("  end")
    for e in d.edges:
        arrow = _MERMAID_ARROWS[e.style]
        label = f'|"{_mermaid_text(e.label)}"|' if e.label else ""
        lines.append(f"  {ids[e.source]} {arrow}{label} {ids[e.target]}")
    emphasised = [ids[n.id] for n in d.nodes if n.emphasis]
    if emphasised:
        lines.append("  classDef subject stroke-width:3px")
        lines.append(f"  class {','.join(emphasised)} subject")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_DOT_SHAPES = {
    "box": "shape=box",
    "round": 'shape=box, style="rounded"',
    "stadium": "shape=ellipse",
    "hexagon": "shape=hexagon",
    "document": "shape=note",
}
_DOT_STYLES = {"solid": "", "dashed": ", style=dashed", "dotted": ", style=dotted", "bold": ", style=bold"}


def render_dot(d: Diagram) -> str:
    """A Graphviz ``digraph``."""
    ids = _ids(d)
    rankdir = {"TB": "TB", "LR": "LR", "RL": "RL", "BT": "BT"}.get(d.direction, "LR")
    lines = [f"digraph {_dot_text(d.title or 'streekbeleid')} {{", f"  rankdir={rankdir};"]
    lines.append('  node [fontname="Helvetica"];')
    lines.append('  edge [fontname="Helvetica", fontsize=10];')

    def node_line(n: DiagramNode, indent: str) -> str:
        pen = ", penwidth=3" if n.emphasis else ""
        return f"{indent}{ids[n.id]} [label={_dot_text(n.label)}, {_DOT_SHAPES[n.shape]}{pen}];"

    clusters: dict[str, list[DiagramNode]] = {}
    for n in d.nodes:
        if n.cluster is None:
            lines.append(node_line(n, "  "))
        else:
            clusters.setdefault(n.cluster, []).append(n)
    for i, (name, members) in enumerate(clusters.items()):
        lines.append(f"  subgraph cluster_{i} {{")
        lines.append(f"    label={_dot_text(name)};")
        lines.extend(node_line(n, "    ") for n in members)
        lines.append("  }")
    for e in d.edges:
        label = f"label={_dot_text(e.label)}" if e.label else ""
        attrs_text = (label + _DOT_STYLES[e.style]).lstrip(", ")
        lines.append(f"  {ids[e.source]} -> {ids[e.target]}" + (f" [{attrs_text}];" if attrs_text else ";"))
    lines.append("}")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ model -> text


def generate_mermaid(model: Model, subjects: Sequence[str] | None = None, *, view: str = "auto") -> str:
    """The Mermaid text of :func:`diagram`."""
    return render_mermaid(diagram(model, subjects, view=view))


def generate_dot(model: Model, subjects: Sequence[str] | None = None, *, view: str = "auto") -> str:
    """The DOT text of :func:`diagram`."""
    return render_dot(diagram(model, subjects, view=view))


def write_mermaid(model: Model, path: PathOrFile, subjects: Iterable[str] | None = None, *, view: str = "auto") -> None:
    """Write :func:`generate_mermaid` to a path (atomically) or an open text file."""
    text = generate_mermaid(model, list(subjects or []), view=view)
    with open_text(path) as fh:
        fh.write(text)


def write_dot(model: Model, path: PathOrFile, subjects: Iterable[str] | None = None, *, view: str = "auto") -> None:
    """Write :func:`generate_dot` to a path (atomically) or an open text file."""
    text = generate_dot(model, list(subjects or []), view=view)
    with open_text(path) as fh:
        fh.write(text)
