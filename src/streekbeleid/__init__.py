"""streekbeleid: the governance of regional socio-economic policy in Flanders as a time-aware graph.

>>> import streekbeleid
>>> model = streekbeleid.load(plugins=[])
>>> model.get("nis:72043").name
'Pelt'

The public names are imported on first use, so ``streekbeleid --version`` and
``--help`` stay fast.
"""

from __future__ import annotations

from ._lazy import attach
from ._version import __version__

# Not typing.TYPE_CHECKING: importing typing costs more than the whole of `streekbeleid --version`.
TYPE_CHECKING = False
if TYPE_CHECKING:  # the names for the type checker (``X as X``: re-exported)
    from .assembly import load as load
    from .checks import check as check
    from .errors import AssemblyError as AssemblyError
    from .errors import DataError as DataError
    from .errors import DataProblem as DataProblem
    from .errors import InvalidValueError as InvalidValueError
    from .errors import PluginError as PluginError
    from .errors import RecordKindError as RecordKindError
    from .errors import StreekbeleidError as StreekbeleidError
    from .errors import UnknownIdError as UnknownIdError
    from .errors import WorkflowError as WorkflowError
    from .model.dates import DateBound as DateBound
    from .model.dates import PartialDate as PartialDate
    from .model.dates import Period as Period
    from .model.dates import Truth as Truth
    from .model.model import Member as Member
    from .model.model import Model as Model
    from .model.model import PluginInfo as PluginInfo
    from .model.records import Actor as Actor
    from .model.records import Baseline as Baseline
    from .model.records import Body as Body
    from .model.records import Budget as Budget
    from .model.records import CadenceRule as CadenceRule
    from .model.records import Check as Check
    from .model.records import Decision as Decision
    from .model.records import Document as Document
    from .model.records import Funding as Funding
    from .model.records import Indicator as Indicator
    from .model.records import IndicatorPeriod as IndicatorPeriod
    from .model.records import LegislativeTerm as LegislativeTerm
    from .model.records import Lineage as Lineage
    from .model.records import Meeting as Meeting
    from .model.records import Membership as Membership
    from .model.records import OrganisationChange as OrganisationChange
    from .model.records import OtherName as OtherName
    from .model.records import Person as Person
    from .model.records import Plan as Plan
    from .model.records import PlanItem as PlanItem
    from .model.records import Post as Post
    from .model.records import Problem as Problem
    from .model.records import Project as Project
    from .model.records import Region as Region
    from .model.records import RegionPart as RegionPart
    from .model.records import Relation as Relation
    from .model.records import SeatAllocation as SeatAllocation
    from .model.records import SeatGroup as SeatGroup
    from .model.records import ShareRule as ShareRule
    from .model.records import Source as Source
    from .model.records import Tally as Tally
    from .model.records import Territory as Territory
    from .model.records import Theme as Theme
    from .model.records import Transaction as Transaction
    from .model.records import VoteCount as VoteCount
    from .model.workflow import DecisionRule as DecisionRule
    from .model.workflow import Guard as Guard
    from .model.workflow import GuardContext as GuardContext
    from .model.workflow import Transition as Transition
    from .model.workflow import Verdict as Verdict
    from .model.workflow import WorkflowDefinition as WorkflowDefinition
    from .plugins import hookimpl as hookimpl
    from .serialization import Dataset as Dataset

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
            "InvalidValueError",
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
            "Budget",
            "Body",
            "CadenceRule",
            "Check",
            "Decision",
            "Document",
            "Funding",
            "Indicator",
            "IndicatorPeriod",
            "LegislativeTerm",
            "Lineage",
            "Meeting",
            "Membership",
            "OrganisationChange",
            "OtherName",
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
            "ShareRule",
            "Source",
            "Tally",
            "Territory",
            "Theme",
            "Transaction",
            "VoteCount",
        ],
        "model.records",
    ),
    **dict.fromkeys(
        ["DecisionRule", "Guard", "GuardContext", "Transition", "Verdict", "WorkflowDefinition"], "model.workflow"
    ),
}

#: Every public name once: ``__version__`` and the lazy table.
__all__ = ["__version__", *_LAZY]

__getattr__, __dir__ = attach(__name__, _LAZY)
