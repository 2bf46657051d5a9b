"""Drawings of a workflow definition: Mermaid ``stateDiagram-v2`` text and Graphviz DOT.

>>> from streekbeleid.model.workflow import Transition, WorkflowDefinition
>>> d = WorkflowDefinition(
...     id="demo:review", name="Review", subject_kind="plan",
...     states=["open", "done"], initial="open", finals=["done"],
...     transitions=[Transition(name="finish", source=["open"], target="done", guards=["parties_active"])])
>>> print(mermaid(d))
---
title: Review (demo:review)
---
stateDiagram-v2
    [*] --> open
    open --> done: finish [parties_active]
    done --> [*]
"""

from __future__ import annotations

import json

from ..errors import InvalidValueError
from ..i18n import _
from ..model.workflow import Transition, WorkflowDefinition

__all__ = ["FORMATS", "dot", "mermaid", "render"]


def _label(t: Transition) -> str:
    return t.display_label() + (f" [{', '.join(t.guards)}]" if t.guards else "")


def _title(definition: WorkflowDefinition) -> str:
    return f"{definition.display_name()} ({definition.id})"


def _labelled(definition: WorkflowDefinition) -> list[tuple[str, str]]:
    """The states whose label reads otherwise than their id, with that label (in the language in use)."""
    return [(s, definition.state_label(s)) for s in definition.states if definition.state_label(s) != s]


def _mermaid_text(text: str) -> str:
    """Text safe in a Mermaid label: ':' is the label separator, ';' a statement end, '"' ends a quoted name."""
    return text.replace(";", ",").replace(":", "#colon;").replace('"', "#quot;")


def mermaid(definition: WorkflowDefinition) -> str:
    """The definition as a Mermaid ``stateDiagram-v2``: states by their labels (in the language in use),
    start, transitions labelled with their step and guards, ends."""
    lines = ["---", f"title: {_title(definition)}", "---", "stateDiagram-v2"]
    lines.extend(f'    state "{_mermaid_text(label)}" as {s}' for s, label in _labelled(definition))
    lines.append(f"    [*] --> {definition.initial}")
    for t in definition.transitions:
        for source in definition.sources_of(t):
            lines.append(f"    {source} --> {t.target}: {_mermaid_text(_label(t))}")
    lines.extend(f"    {f} --> [*]" for f in definition.finals)
    return "\n".join(lines)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def dot(definition: WorkflowDefinition) -> str:
    """The definition as a Graphviz DOT digraph: states and steps by their labels (in the language in use),
    final states doubly circled, the initial one marked."""
    lines = [
        f"digraph {_q(definition.id)} {{",
        f"    label={_q(_title(definition))};",
        "    rankdir=LR;",
        '    node [shape=ellipse, fontname="Helvetica"];',
        '    edge [fontname="Helvetica", fontsize=10];',
        '    "__start__" [shape=point, label=""];',
    ]
    labels = dict(_labelled(definition))
    for s in definition.states:
        shape = "doublecircle" if s in definition.finals else "ellipse"
        label = f", label={_q(labels[s])}" if s in labels else ""
        lines.append(f"    {_q(s)} [shape={shape}{label}];")
    lines.append(f'    "__start__" -> {_q(definition.initial)};')
    for t in definition.transitions:
        for source in definition.sources_of(t):
            lines.append(f"    {_q(source)} -> {_q(t.target)} [label={_q(_label(t))}];")
    lines.append("}")
    return "\n".join(lines)


#: The diagram formats by name.
FORMATS = {"mermaid": mermaid, "dot": dot}


def render(definition: WorkflowDefinition, format: str = "mermaid") -> str:
    """The definition drawn in ``format`` (``mermaid`` or ``dot``)."""
    try:
        return FORMATS[format](definition)
    except KeyError:
        raise InvalidValueError(
            _("unknown diagram format {format!r} (one of {formats})").format(format=format, formats=", ".join(FORMATS))
        ) from None
