"""The rule about workflow definitions: each given once, naming only guards that exist.

The workflow engine refuses to start on such definitions; this rule finds them when
the model is checked (``streekbeleid check``, a region's contract test), before anyone
records a step.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.guards import CORE_GUARDS
from ..model.model import Model
from ..model.records import Problem
from ..model.workflow import WorkflowDefinition, contribution_problems
from ._common import problem

__all__ = ["workflow_definitions"]


def workflow_definitions(model: Model) -> Iterator[Problem]:
    """Workflow definitions given twice, guards given twice, and transitions naming a guard nobody defines."""
    definitions = {w.id: w for w in model.workflows if isinstance(w, WorkflowDefinition)}
    for definition_id, message in contribution_problems(model.workflows, [g.name for g in CORE_GUARDS]):
        ids = [definition_id] if definition_id is not None else []
        yield problem("error", "workflow-definitions", ids, message, definitions.get(definition_id or ""))
