"""One way to say no: a :class:`~streekbeleid.errors.WorkflowError` that names its rule first."""

from __future__ import annotations

from ..errors import WorkflowError


def refuse(rule: str, why: str) -> WorkflowError:
    """The error for a refused step: ``rule: why``, with ``rule`` on the error for programs."""
    return WorkflowError(f"{rule}: {why}", rule=rule)
