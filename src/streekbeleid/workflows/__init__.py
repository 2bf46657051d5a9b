"""Workflows: the procedures regions follow, as definitions from plugins and event-sourced instances.

Definitions (:class:`~streekbeleid.model.workflow.WorkflowDefinition`) come
from the plugins: data files under the key ``workflows`` or the
``streekbeleid_workflows`` hook, which may also return
:class:`~streekbeleid.model.workflow.Guard` s and
:class:`~streekbeleid.model.workflow.DecisionRule` s.  The :class:`Engine`
starts instances and records their steps as events in an :class:`EventStore`
(SQLite), or a shared PostgreSQL store
(:class:`~streekbeleid.workflows.postgres.PostgresEventStore`); an instance's
state is the fold of its events.

>>> import streekbeleid
>>> from streekbeleid.workflows import Engine, EventStore
>>> model = streekbeleid.load(plugins=[])
>>> engine = Engine(model, EventStore.memory())
>>> engine.definition("core:streekpact").initial
'drafted'
"""

from __future__ import annotations

from ..model.guards import CORE_GUARDS
from ..model.workflow import (
    DecisionRule,
    Guard,
    GuardContext,
    Transition,
    Verdict,
    WorkflowDefinition,
    WorkflowEvent,
    WorkflowInstance,
)
from ._refuse import refuse
from .diagram import dot, mermaid, render
from .engine import Engine, Registry, effective, fold
from .history import History, load_history, record_history
from .payload import parse_payload
from .store import SCHEMA_VERSION, ConflictError, EventStore, WorkflowStore, copy_store, default_store_path, open_store

__all__ = [
    "CORE_GUARDS",
    "SCHEMA_VERSION",
    "ConflictError",
    "DecisionRule",
    "Engine",
    "EventStore",
    "Guard",
    "GuardContext",
    "History",
    "Registry",
    "Transition",
    "Verdict",
    "WorkflowDefinition",
    "WorkflowEvent",
    "WorkflowInstance",
    "WorkflowStore",
    "copy_store",
    "default_store_path",
    "dot",
    "effective",
    "fold",
    "load_history",
    "mermaid",
    "open_store",
    "parse_payload",
    "record_history",
    "refuse",
    "render",
]
