"""Checks: rules over a model that report problems a person can act on.

:func:`check` runs the core rules and the checks region plugins contribute
(``streekbeleid_checks``) and returns every :class:`~streekbeleid.Problem`
found, errors first.  Each problem names its severity, its rule, the ids it
concerns, says what is wrong in words (in the language in use when the check
ran: names beside ids, dates in words), and carries the sources of the facts
involved.  Time is judged with three values: where partial dates allow both
a pass and a fail, the rule reports an ``info`` problem whose message starts
with "Undecidable" ("Onbeslisbaar" in Dutch), never a pass or a fail.

>>> import streekbeleid
>>> core = streekbeleid.load(plugins=[])
>>> problems = streekbeleid.check(core, rules=["period-order", "territory-lifetime"])
>>> problems
[]
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import StreekbeleidError
from ..i18n import _
from ..model.model import Model
from ..model.records import Check, Problem
from ._common import UNDECIDABLE
from .cadence import cadence_rule
from .composition import composition_rule
from .coverage import resoc_coverage
from .history import active_after_change, name_overlap
from .language import english_only
from .lifetimes import membership_lifetime, period_order, territory_lifetime
from .mandates import mandate_term, office_seat
from .money import co_financing
from .plans import action_lead, plan_overlap, unused_theme
from .results import indicators
from .size import body_size
from .truth import body_region, tally_count, unsourced
from .workflows import workflow_definitions

__all__ = ["check", "checks_of", "CORE_CHECKS", "SEVERITIES", "UNDECIDABLE"]

#: Severities, the gravest first.
SEVERITIES = ("error", "warning", "info")

#: The rules of the core, in the order they run.
CORE_CHECKS: tuple[Check, ...] = (
    Check(name="period-order", function=period_order, description=period_order.__doc__ or ""),
    Check(name="territory-lifetime", function=territory_lifetime, description=territory_lifetime.__doc__ or ""),
    Check(name="membership-lifetime", function=membership_lifetime, description=membership_lifetime.__doc__ or ""),
    Check(name="composition", function=composition_rule, description=composition_rule.__doc__ or ""),
    Check(name="body-size", function=body_size, description=body_size.__doc__ or ""),
    Check(name="cadence", function=cadence_rule, description=cadence_rule.__doc__ or ""),
    Check(name="plan-overlap", function=plan_overlap, description=plan_overlap.__doc__ or ""),
    Check(name="action-lead", function=action_lead, description=action_lead.__doc__ or ""),
    Check(name="unused-theme", function=unused_theme, description=unused_theme.__doc__ or ""),
    Check(name="indicators", function=indicators, description=indicators.__doc__ or ""),
    Check(name="resoc-coverage", function=resoc_coverage, description=resoc_coverage.__doc__ or ""),
    Check(name="tally-count", function=tally_count, description=tally_count.__doc__ or ""),
    Check(name="unsourced", function=unsourced, description=unsourced.__doc__ or ""),
    Check(name="body-region", function=body_region, description=body_region.__doc__ or ""),
    Check(name="active-after-change", function=active_after_change, description=active_after_change.__doc__ or ""),
    Check(name="name-overlap", function=name_overlap, description=name_overlap.__doc__ or ""),
    Check(name="mandate-term", function=mandate_term, description=mandate_term.__doc__ or ""),
    Check(name="office-seat", function=office_seat, description=office_seat.__doc__ or ""),
    Check(name="co-financing", function=co_financing, description=co_financing.__doc__ or ""),
    Check(name="workflow-definitions", function=workflow_definitions, description=workflow_definitions.__doc__ or ""),
    Check(name="english-only", function=english_only, description=english_only.__doc__ or ""),
)


def checks_of(model: Model) -> tuple[Check, ...]:
    """The checks that run on a model: the core's, then those its plugins contributed."""
    return (*CORE_CHECKS, *model.checks)


def _failed(model: Model, rule: Check, exc: Exception) -> str:
    """What to say when a check raised, naming the plugin that contributed it (hook ``streekbeleid_checks``)."""
    owners = [p.name for p in model.plugins if rule.name.split(".")[0] == p.name]
    error = f"{type(exc).__name__}: {exc}"
    if owners:
        return _("The check {rule} of plugin {plugin} (hook streekbeleid_checks) failed: {error}").format(
            rule=repr(rule.name), plugin=repr(owners[0]), error=error
        )
    return _("The check {rule} failed: {error}").format(rule=repr(rule.name), error=error)


def check(model: Model, *, rules: Iterable[str] | None = None) -> list[Problem]:
    """Run the checks on a model or a slice and return every problem found, errors first.

    :param rules: names of the rules to run (see :func:`checks_of`); None for all.
        An unknown name is a :class:`~streekbeleid.StreekbeleidError` that lists the known ones.

    On a date slice (``model.as_of(day)``) the rules look at what held that
    day; the composition of bodies is then judged on that day alone.  A plugin
    check that raises is reported as an error problem of its rule, so one
    broken check does not hide the findings of the others.
    """
    available = checks_of(model)
    if rules is None:
        selected = list(available)
    else:
        wanted = list(dict.fromkeys(rules))
        known = {c.name for c in available}
        unknown = [r for r in wanted if r not in known]
        if unknown:
            raise StreekbeleidError(
                _("unknown rule(s): {unknown}; known rules: {known}").format(
                    unknown=", ".join(unknown), known=", ".join(sorted(known))
                )
            )
        selected = [c for c in available if c.name in wanted]
    problems: list[Problem] = []
    for rule in selected:
        try:
            found = list(rule.function(model) or ())
            wrong = next((p for p in found if not isinstance(p, Problem)), None)
            if wrong is not None:
                raise TypeError(f"it returned {type(wrong).__name__} {wrong!r:.80}, not a Problem")
            problems.extend(found)
        except Exception as exc:  # noqa: BLE001 - a broken plugin check becomes a finding, not a crash
            problems.append(
                Problem(
                    severity="error",
                    rule=rule.name,
                    message=_failed(model, rule, exc),
                )
            )
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(problems, key=lambda p: (rank[p.severity], p.rule, p.ids, p.message))
