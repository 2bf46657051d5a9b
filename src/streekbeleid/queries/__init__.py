"""Queries: plain functions over a model or a slice that answer an analyst's questions.

Each function takes a :class:`~streekbeleid.Model` (or a slice of it) first,
networkx style, and returns plain data or a small frozen result whose
``basis`` holds the records the answer rests on; :func:`sources_of` gives
their sources.

>>> import streekbeleid
>>> from streekbeleid import queries
>>> core = streekbeleid.load(plugins=[])
>>> len(queries.municipalities(core, "refreg:REFREG15", on="2025-06-01"))
38
"""

from __future__ import annotations

from ._util import RecordKindError
from .bodies import AllocationCount, Composition, GroupCount, Tenure, bodies_of, composition, seat_rule_text
from .coverage import AreaHit, BodyHit, Coverage, RegionCoverage, coverage_of, region_coverage, resoc_areas
from .history import History, NameOn, changes_of, name_on, organisation_history
from .lineage import LineageChain, LineageLink, lineage
from .plans import (
    Commitment,
    EndorsementCount,
    Endorsements,
    PlanAction,
    actions_without_lead,
    commitments,
    endorsements,
    plan_items,
)
from .provenance import Grounded, inferences, sources_of
from .regions import (
    Activity,
    Bridge,
    Presence,
    ThemeMatrix,
    active_regions,
    activities,
    actor_projection,
    actors_across_regions,
    bridging_actors,
    theme_matrix,
)
from .territories import Municipalities, Referent, municipalities, refers_to

__all__ = [
    # who sits where
    "composition",
    "Composition",
    "GroupCount",
    "AllocationCount",
    "seat_rule_text",
    "bodies_of",
    "Tenure",
    # territories through time
    "municipalities",
    "Municipalities",
    "refers_to",
    "Referent",
    # which bodies covered a municipality
    "coverage_of",
    "Coverage",
    "region_coverage",
    "RegionCoverage",
    "resoc_areas",
    "AreaHit",
    "BodyHit",
    # plans
    "endorsements",
    "Endorsements",
    "EndorsementCount",
    "commitments",
    "Commitment",
    "actions_without_lead",
    "plan_items",
    "PlanAction",
    # lineage
    "lineage",
    "LineageChain",
    "LineageLink",
    # organisation history
    "organisation_history",
    "History",
    "name_on",
    "NameOn",
    "changes_of",
    # across regions
    "activities",
    "Activity",
    "active_regions",
    "actors_across_regions",
    "Presence",
    "theme_matrix",
    "ThemeMatrix",
    "actor_projection",
    "bridging_actors",
    "Bridge",
    # provenance
    "sources_of",
    "inferences",
    "Grounded",
    "RecordKindError",
]
