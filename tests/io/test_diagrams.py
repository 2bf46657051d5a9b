"""Diagrams: DOT parsed by pydot, Mermaid by a strict reader of the flowchart subset we write."""

from __future__ import annotations

import re
from io import StringIO

import pydot
import pytest

from streekbeleid import Model
from streekbeleid.io.diagrams import (
    Diagram,
    DiagramEdge,
    DiagramNode,
    diagram,
    generate_dot,
    generate_mermaid,
    render_dot,
    render_mermaid,
    write_mermaid,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pydot")

_OPEN = {'["': '"]', '("': '")', '(["': '"])', '{{"': '"}}', '[["': '"]]'}
_NODE = re.compile(r"^(n\d+)(\[\[\"|\(\[\"|\{\{\"|\[\"|\(\")(.*)$")
_EDGE = re.compile(r'^(n\d+) (-->|-\.->|==>)(?:\|"([^"]*)"\|)? (n\d+)$')


def read_mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str | None]], dict[str, list[str]]]:
    """Nodes (id -> label), edges and clusters of a Mermaid flowchart; fails on anything else."""
    lines = text.rstrip("\n").split("\n")
    assert re.match(r"^flowchart (LR|RL|TB|BT)$", lines[0])
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str | None]] = []
    clusters: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines[1:]:
        line = raw.strip()
        if m := re.match(r'^subgraph (c\d+)\["([^"]*)"\]$', line):
            current = m.group(2)
            clusters[current] = []
        elif line == "end":
            current = None
        elif line.startswith(("classDef ", "class ")):
            continue
        elif m := _EDGE.match(line):
            edges.append((m.group(1), m.group(4), m.group(3)))
        elif m := _NODE.match(line):
            close = _OPEN[m.group(2)]
            assert m.group(3).endswith(close), line
            label = m.group(3)[: -len(close)]
            assert '"' not in label, line
            nodes[m.group(1)] = label.replace("#quot;", '"').replace("<br/>", "\n")
            if current is not None:
                clusters[current].append(m.group(1))
        else:
            pytest.fail(f"not Mermaid flowchart syntax: {raw!r}")
    assert current is None, "unclosed subgraph"
    for a, b, _ in edges:
        assert a in nodes and b in nodes
    return nodes, edges, clusters


def read_dot(text: str) -> pydot.Dot:
    graphs = pydot.graph_from_dot_data(text)
    assert graphs is not None and len(graphs) == 1
    return graphs[0]


def dot_labels(graph: pydot.Dot) -> dict[str, str]:
    out = {}
    nodes = list(graph.get_nodes())
    for sub in graph.get_subgraphs():
        nodes.extend(sub.get_nodes())
    for n in nodes:
        label = n.get_label()
        if label is not None:
            out[n.get_name()] = label.strip('"').replace('\\"', '"').replace("\\n", "\n")
    return out


def test_every_model_draws_in_both_syntaxes(any_model: Model) -> None:
    nodes, edges, _ = read_mermaid(generate_mermaid(any_model))
    dot = read_dot(generate_dot(any_model))
    assert len(dot_labels(dot)) == len(nodes)
    assert len(dot.get_edges()) == len(edges)


def test_a_body_and_its_members_by_seat_group(handmade: Model) -> None:
    nodes, edges, clusters = read_mermaid(generate_mermaid(handmade, ["test:resoc"]))
    by_label = {label: n for n, label in nodes.items()}
    assert {nodes[n] for n in clusters["werkgevers (8 seats)"]} == {"VOKA"}
    assert {nodes[n] for n in clusters["gemeenten"]} == {"Neerpelt"}
    assert (by_label["VOKA"], by_label["RESOC Noord"], "4 seats, 2014/..2019") in edges
    chair = by_label['Jan "Janneke" Peeters']
    assert (chair, by_label["RESOC Noord"], "chair, for VOKA, 2016-06/..") in edges
    assert (by_label["SERR Noord"], by_label["RESOC Noord"], "part of") in edges


def test_uncertain_memberships_are_dashed_on_a_date(handmade: Model) -> None:
    text = generate_mermaid(handmade.as_of("2019-06-01"), ["test:resoc"])
    nodes, _edges, _ = read_mermaid(text)
    voka = next(n for n, label in nodes.items() if label == "VOKA")
    assert re.search(rf"^  {voka} -\.->", text, re.M)  # 2014/..2019: may have ended before June 2019


def test_a_plan_tree_in_dot(handmade: Model) -> None:
    dot = read_dot(generate_dot(handmade, ["test:pact-2014"]))
    labels = dot_labels(dot)
    assert set(labels.values()) == {
        "Streekpact 2014-2019\n2014/2019",
        "1 Mobiliteit",
        "1.1 Fietsroutes",
        '1.1.1 Website "vraag & aanbod" bedrijventerreinen\nlead: VOKA',
    }
    names = {v: k for k, v in labels.items()}
    pairs = {(e.get_source(), e.get_destination()) for e in dot.get_edges()}
    assert (names["1 Mobiliteit"], names["1.1 Fietsroutes"]) in pairs


def test_a_lineage_chain(limburg: Model) -> None:
    nodes, edges, _ = read_mermaid(generate_mermaid(limburg, ["limburg:streekpact-2014-2019"], view="lineage"))
    by_label = {label.split("\n")[0]: n for n, label in nodes.items()}
    assert (by_label["Streekpact 2014-2019"], by_label["Streekpact 2008-2013"], "succeeds") in edges
    assert (by_label["Streekpact 2014-2019"], by_label["SALK-uitvoeringsplan"], "subscribes to") in edges


def test_the_real_regions_draw_their_bodies(limburg: Model) -> None:
    dot = read_dot(generate_dot(limburg, ["limburg:resoc"]))
    assert "VOKA" in dot_labels(dot).values()


def test_default_subjects_are_all_bodies(handmade: Model) -> None:
    nodes, _, _ = read_mermaid(generate_mermaid(handmade))
    assert {"RESOC Noord", "SERR Noord"} <= set(nodes.values())


def test_a_tree_needs_a_plan(handmade: Model) -> None:
    with pytest.raises(TypeError, match="not a plan"):
        diagram(handmade, ["test:resoc"], view="tree")


def test_an_unknown_subject_is_an_error(handmade: Model) -> None:
    with pytest.raises(KeyError):
        generate_mermaid(handmade, ["test:nobody"])


def test_labels_are_escaped_in_both_syntaxes() -> None:
    d = Diagram(
        (DiagramNode("a", 'say "hi" <b>#1</b>\\'), DiagramNode("b", "x", "stadium", cluster='c "q"')),
        (DiagramEdge("a", "b", 'e "1"', "dashed"),),
        title='t "x"',
    )
    nodes, edges, _ = read_mermaid(render_mermaid(d))
    assert nodes["n0"] == 'say "hi" #lt;b#gt;#35;1#lt;/b#gt;\\'
    assert edges == [("n0", "n1", "e #quot;1#quot;")]
    dot = read_dot(render_dot(d))
    assert dot_labels(dot)["n0"] == 'say "hi" <b>#1</b>\\\\'


def test_write_mermaid_to_a_stream(handmade: Model) -> None:
    buffer = StringIO()
    write_mermaid(handmade, buffer, ["test:resoc"])
    assert buffer.getvalue() == generate_mermaid(handmade, ["test:resoc"])
