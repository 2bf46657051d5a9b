"""streekbeleid: the governance of regional socio-economic policy in Flanders as a time-aware graph.

>>> import streekbeleid
>>> model = streekbeleid.load(plugins=[])
>>> model.get("nis:72043").name
'Pelt'

The public names are imported on first use, so ``streekbeleid --version`` and
``--help`` stay fast.
"""

from __future__ import annotations

from ._version import __version__

# Not typing.TYPE_CHECKING: importing typing costs more than the whole of `streekbeleid --version`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .assembly import load
    from .checks import check
    from .errors import (
        AssemblyError,
        DataError,
        DataProblem,
        PluginError,
        RecordKindError,
        StreekbeleidError,
        UnknownIdError,
        WorkflowError,
    )
    from .model.dates import DateBound, PartialDate, Period, Truth
    from .model.model import Member, Model, PluginInfo
    from .model.records import (
        Actor,
        Baseline,
        Body,
        CadenceRule,
        Check,
        Decision,
        Funding,
        Indicator,
        IndicatorPeriod,
        Lineage,
        Meeting,
        Membership,
        Person,
        Plan,
        PlanItem,
        Post,
        Problem,
        Project,
        Region,
        RegionPart,
        Relation,
        SeatAllocation,
        SeatGroup,
        Source,
        Tally,
        Territory,
        Theme,
        VoteCount,
    )
    from .model.workflow import DecisionRule, Guard, GuardContext, Transition, Verdict, WorkflowDefinition
    from .plugins import hookimpl
    from .serialization import Dataset

_LAZY = {
    "load": "assembly",
    "check": "checks",
    "hookimpl": "plugins",
    "Dataset": "serialization",
    "Model": "model.model",
    "Member": "model.model",
    "PluginInfo": "model.model",
    **dict.fromkeys(["DateBound", "PartialDate", "Period", "Truth"], "model.dates"),
    **dict.fromkeys(
        [
            "StreekbeleidError",
            "DataError",
            "DataProblem",
            "UnknownIdError",
            "RecordKindError",
            "PluginError",
            "AssemblyError",
            "WorkflowError",
        ],
        "errors",
    ),
    **dict.fromkeys(
        [
            "Actor",
            "Baseline",
            "Body",
            "CadenceRule",
            "Check",
            "Decision",
            "Funding",
            "Indicator",
            "IndicatorPeriod",
            "Lineage",
            "Meeting",
            "Membership",
            "Person",
            "Plan",
            "PlanItem",
            "Post",
            "Problem",
            "Project",
            "Region",
            "RegionPart",
            "Relation",
            "SeatAllocation",
            "SeatGroup",
            "Source",
            "Tally",
            "Territory",
            "Theme",
            "VoteCount",
        ],
        "model.records",
    ),
    **dict.fromkeys(
        ["DecisionRule", "Guard", "GuardContext", "Transition", "Verdict", "WorkflowDefinition"], "model.workflow"
    ),
}

__all__ = [
    "__version__",
    "Actor",
    "AssemblyError",
    "Baseline",
    "Body",
    "CadenceRule",
    "Check",
    "DataError",
    "DataProblem",
    "Dataset",
    "DateBound",
    "Decision",
    "DecisionRule",
    "Funding",
    "Guard",
    "GuardContext",
    "Indicator",
    "IndicatorPeriod",
    "Lineage",
    "Meeting",
    "Member",
    "Membership",
    "Model",
    "PartialDate",
    "Period",
    "Person",
    "Plan",
    "PlanItem",
    "PluginError",
    "PluginInfo",
    "Post",
    "Problem",
    "Project",
    "Region",
    "RegionPart",
    "Relation",
    "SeatAllocation",
    "SeatGroup",
    "Source",
    "StreekbeleidError",
    "Tally",
    "Territory",
    "Theme",
    "Transition",
    "Truth",
    "UnknownIdError",
    "RecordKindError",
    "Verdict",
    "VoteCount",
    "WorkflowDefinition",
    "WorkflowError",
    "check",
    "hookimpl",
    "load",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'streekbeleid' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
