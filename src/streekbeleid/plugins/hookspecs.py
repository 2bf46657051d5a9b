"""The hook specifications of ``streekbeleid``.

Every hook is a collector: it takes no arguments and returns an iterable of
typed records (or ``None``).  Results are merged, checked and sorted by the
assembly, so no hook depends on the order in which plugins are called.

A region package implements the hooks it needs with :data:`streekbeleid.hookimpl`
and registers its module (or object) in the entry-point group ``streekbeleid``
under its region slug.  Most regions need only :func:`streekbeleid_data_files`.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pluggy

from ..model.records import Actor, Body, Check, Plan, Region, Territory, Theme

hookspec = pluggy.HookspecMarker("streekbeleid")

__all__ = [
    "hookspec",
    "streekbeleid_data_files",
    "streekbeleid_territories",
    "streekbeleid_regions",
    "streekbeleid_actors",
    "streekbeleid_bodies",
    "streekbeleid_themes",
    "streekbeleid_plans",
    "streekbeleid_records",
    "streekbeleid_workflows",
    "streekbeleid_checks",
]

# ---------------------------------------------------------------------------
# Data: the usual way to contribute
# ---------------------------------------------------------------------------


@hookspec
def streekbeleid_data_files() -> Iterable[Traversable | Path] | None:
    """Return the data files (YAML or JSON) that hold the plugin's records.

    Files are read with a safe YAML loader and checked against the data format;
    every problem is reported with file, line and field path.  Use
    :func:`importlib.resources.files` so the files are found inside an
    installed wheel.

    Example::

        from importlib.resources import files
        from streekbeleid import hookimpl

        @hookimpl
        def streekbeleid_data_files():
            data = files("streekbeleid_limburg") / "data"
            return sorted(data.iterdir(), key=lambda f: f.name)
    """


# ---------------------------------------------------------------------------
# Records from code: for content that is computed rather than written down
# ---------------------------------------------------------------------------


@hookspec
def streekbeleid_territories() -> Iterable[Territory] | None:
    """Return territories.  Only the core catalogue (namespace ``nis:``) supplies them.

    Example::

        @hookimpl
        def streekbeleid_territories():
            return [Territory(id="nis:71022", name="Hasselt", level="municipality",
                              nis="71022", part_of="nis:71000")]
    """


@hookspec
def streekbeleid_regions() -> Iterable[Region] | None:
    """Return the regions the plugin defines, with their parts.

    Example::

        from streekbeleid import Period, Region, RegionPart, hookimpl

        @hookimpl
        def streekbeleid_regions():
            return [Region(id="leuven:arrondissement", name="Arrondissement Leuven",
                           parts=[RegionPart(territory="nis:24000")])]
    """


@hookspec
def streekbeleid_actors() -> Iterable[Actor] | None:
    """Return actors (organisations) in the plugin's namespace.

    Example::

        @hookimpl
        def streekbeleid_actors():
            return [Actor(id="limburg:pom", name="POM Limburg", kind="development_company")]
    """


@hookspec
def streekbeleid_bodies() -> Iterable[Body] | None:
    """Return bodies, with their seat groups and cadence rules.

    Example::

        @hookimpl
        def streekbeleid_bodies():
            return [Body(id="leuven:taskforce", name="Taskforce Spitsregio Leuven",
                         kind="taskforce", cadence=[CadenceRule(min_meetings=6, per="year")])]
    """


@hookspec
def streekbeleid_themes() -> Iterable[Theme] | None:
    """Return themes.  Region themes should point to a shared ``theme:`` with ``broader``.

    Example::

        @hookimpl
        def streekbeleid_themes():
            return [Theme(id="limburg:stem", name="STEM in education", broader="theme:education")]
    """


@hookspec
def streekbeleid_plans() -> Iterable[Plan] | None:
    """Return plans with their tree of items.

    Example::

        @hookimpl
        def streekbeleid_plans():
            return [Plan(id="limburg:streekpact-2014-2019", name="Streekpact 2014-2019",
                         kind="streekpact", valid=Period.parse("2014/2019"))]
    """


@hookspec
def streekbeleid_records() -> Iterable[Any] | None:
    """Return records of any other kind: memberships, decisions, tallies, fundings,
    meetings, lineage, relations, projects, persons and posts.

    Example::

        @hookimpl
        def streekbeleid_records():
            return [Membership(id="limburg:resoc/voka", organization="limburg:resoc",
                               member="org:voka", seat_group="employers", seats=4)]
    """


# ---------------------------------------------------------------------------
# Procedures and rules
# ---------------------------------------------------------------------------


@hookspec
def streekbeleid_workflows() -> Iterable[Any] | None:
    """Return workflow definitions, and the guards and decision rules they use.

    Items may be :class:`~streekbeleid.WorkflowDefinition` (states, transitions with named
    guards and required facts), :class:`~streekbeleid.Guard` (a named function that reads the
    model as of an event's date) and :class:`~streekbeleid.DecisionRule`.  Most regions write
    their definitions in ``data/workflows.yaml`` instead (see the workflows page of the docs).

    Example::

        from streekbeleid import Guard, Verdict, hookimpl

        def task_force_met(context):
            met = any(m.body == "leuven:taskforce-spitsregio" for m in context.model.records(Meeting))
            return Verdict.yes("the task force met") if met else Verdict.no("no meeting of the task force recorded")

        @hookimpl
        def streekbeleid_workflows():
            return [Guard(name="leuven.task_force_met", function=task_force_met)]
    """


@hookspec
def streekbeleid_checks() -> Iterable[Check] | None:
    """Return checks: named rules that yield :class:`~streekbeleid.Problem` s for a model.

    Example::

        def no_empty_bodies(model):
            for body in model.records(Body):
                if not model.members(body.id):
                    yield Problem(severity="warning", rule="leuven.no-empty-bodies",
                                  ids=[body.id], message=f"{body.name} has no members")

        @hookimpl
        def streekbeleid_checks():
            return [Check(name="leuven.no-empty-bodies", function=no_empty_bodies)]
    """


#: The collector hooks, in the order the assembly asks them (order never changes the result).
COLLECTORS = (
    "streekbeleid_data_files",
    "streekbeleid_territories",
    "streekbeleid_regions",
    "streekbeleid_actors",
    "streekbeleid_bodies",
    "streekbeleid_themes",
    "streekbeleid_plans",
    "streekbeleid_records",
    "streekbeleid_workflows",
    "streekbeleid_checks",
)
