"""Drawings of a definition: Mermaid stateDiagram-v2 and Graphviz DOT."""

from __future__ import annotations

import pytest

from streekbeleid.model.workflow import Transition, WorkflowDefinition
from streekbeleid.workflows import dot, mermaid, render


@pytest.fixture
def flow() -> WorkflowDefinition:
    return WorkflowDefinition(
        id="t:flow",
        name='The "flow"',
        subject_kind="plan",
        states=["open", "approved", "done", "dropped"],
        initial="open",
        finals=["done", "dropped"],
        transitions=[
            Transition(name="approve", source=["open"], target="approved", guards=["decision_by_owner", "t:experts"]),
            Transition(name="finish", source=["approved"], target="done"),
            Transition(name="drop", source=["*"], target="dropped"),
        ],
    )


def test_mermaid_draws_every_transition_from_every_source(flow: WorkflowDefinition) -> None:
    assert mermaid(flow).splitlines() == [
        "---",
        'title: The "flow" (t:flow)',
        "---",
        "stateDiagram-v2",
        "    [*] --> open",
        "    open --> approved: approve [decision_by_owner, t#colon;experts]",
        "    approved --> done: finish",
        "    open --> dropped: drop",
        "    approved --> dropped: drop",
        "    done --> [*]",
        "    dropped --> [*]",
    ]


def test_dot_marks_the_start_and_the_final_states(flow: WorkflowDefinition) -> None:
    text = dot(flow)
    assert text.startswith('digraph "t:flow" {\n    label="The \\"flow\\" (t:flow)";')
    assert '    "done" [shape=doublecircle];' in text
    assert '    "open" [shape=ellipse];' in text
    assert '    "__start__" -> "open";' in text
    assert '    "open" -> "approved" [label="approve [decision_by_owner, t:experts]"];' in text
    assert text.endswith("}")


def test_render_knows_its_formats(flow: WorkflowDefinition) -> None:
    assert render(flow, "dot") == dot(flow)
    with pytest.raises(ValueError, match="unknown diagram format 'svg'"):
        render(flow, "svg")
