"""Recorded history: steps that happened, written down in a file and replayed through the workflows.

A history file (YAML or JSON) lists instances, each with its workflow, its
subject and its steps, every step with its date and the facts the sources
give.  :func:`record_history` replays it through the :class:`~.engine.Engine`:
every step passes the same checks and guards as a step recorded live, so a
history that contradicts the model is refused with the file, line and rule.
Replaying a file twice adds nothing the second time; a store whose events
disagree with the file is refused (``history.conflict``).

.. code-block:: yaml

    instances:
      - id: limburg-pact-2014
        workflow: core:streekpact
        subject: limburg:streekpact-2014-2019
        steps:
          - transition: approve
            date: 2014-03-11
            decision: limburg:resoc/approves-streekpact-2014-2019
            sources: [000_c377e84609275225.txt]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import WorkflowError
from ..model.dates import DateBound
from ..model.records import Source, VoteCount
from ..model.workflow import WorkflowInstance
from ..serialization import parse_data, read_data_file
from ._refuse import refuse
from .engine import Engine, effective

__all__ = ["History", "HistoryInstance", "HistoryStep", "load_history", "record_history"]


@attrs.frozen(kw_only=True)
class HistoryStep:
    """A step that happened: the transition, its date and its facts."""

    transition: str
    date: DateBound
    by: str | None = None
    recipient: str | None = None
    decision: str | None = None
    votes: VoteCount | None = None
    payload: dict[str, Any] = attrs.field(factory=dict)
    note: str | None = None
    sources: tuple[Source, ...] = ()


@attrs.frozen(kw_only=True)
class HistoryInstance:
    """An instance of a workflow about a subject, and the steps it went through."""

    id: str
    workflow: str
    subject: str
    date: DateBound | None = None
    by: str | None = None
    note: str | None = None
    sources: tuple[Source, ...] = ()
    steps: tuple[HistoryStep, ...] = ()


@attrs.frozen(kw_only=True)
class History:
    """The contents of a history file."""

    instances: tuple[HistoryInstance, ...] = ()


def load_history(path: str | Path) -> tuple[History, dict[str, int]]:
    """Read a history file; :class:`~streekbeleid.errors.DataError` names file, line and field of every problem.

    Returns the history and a map from JSON path (``$.instances[0].steps[1]``) to line.
    """
    data, lines = read_data_file(Path(path))
    return parse_data(data or {}, History, str(path), lines), lines


def _where(name: str | None, lines: Mapping[str, int], path: str) -> str:
    if name is None:
        return path
    line = lines.get(path)
    return f"{name}:{line}: {path}" if line is not None else f"{name}: {path}"


def record_history(engine: Engine, source: History | str | Path) -> list[WorkflowInstance]:
    """Replay a history (or a history file) into the engine's store; returns the instances as they end.

    Steps already in the store (same transition and date, in the same order) are
    skipped, so a replay can be repeated and a longer history appended later.  The
    replay is whole or nothing: when any step is refused, nothing of the file is stored,
    so the file can be corrected and imported again.
    """
    lines: dict[str, int] = {}
    name: str | None = None
    if isinstance(source, History):
        history = source
    else:
        history, lines = load_history(source)
        name = str(source)
    with engine.store.transaction():  # whole or nothing: a refused step undoes the steps before it
        return _replay(engine, history, name, lines)


def _replay(engine: Engine, history: History, name: str | None, lines: Mapping[str, int]) -> list[WorkflowInstance]:
    out = []
    for i, item in enumerate(history.instances):
        path = f"$.instances[{i}]"
        try:
            existing = {row.id for row in engine.instances(item.workflow, item.subject)}
            if item.id not in existing:
                engine.start(
                    item.workflow,
                    item.subject,
                    instance_id=item.id,
                    date=item.date,
                    by=item.by,
                    note=item.note,
                    sources=item.sources,
                )
                done: list[tuple[str, str]] = []
            else:
                done = [(e.transition, str(e.date)) for e in effective(engine.history(item.id))[1:]]
        except WorkflowError as exc:
            raise WorkflowError(f"{_where(name, lines, path)}: {exc}", rule=exc.rule) from None
        for j, step in enumerate(item.steps):
            step_path = f"{path}.steps[{j}]"
            if j < len(done):
                if done[j] != (step.transition, str(step.date)):
                    raise refuse(
                        "history.conflict",
                        f"{_where(name, lines, step_path)}: the store has {done[j][0]!r} on {done[j][1]} as step "
                        f"{j + 1} of {item.id!r}, the history {step.transition!r} on {step.date}",
                    )
                continue
            try:
                engine.fire(
                    item.id,
                    step.transition,
                    date=step.date,
                    by=step.by,
                    recipient=step.recipient,
                    decision=step.decision,
                    votes=step.votes,
                    payload=step.payload,
                    note=step.note,
                    sources=step.sources,
                )
            except WorkflowError as exc:
                raise WorkflowError(f"{_where(name, lines, step_path)}: {exc}", rule=exc.rule) from None
        out.append(engine.status(item.id))
    return out
