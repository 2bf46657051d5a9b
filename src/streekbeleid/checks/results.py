"""The rule about indicators (docs/progress.md): what would make a plan's progress wrong or impossible to tell.

An indicator period that lies outside its item's period (or, for an item without dates, its plan's) is measured
when the item is not in force; an actual without a target gives no share; a target, actual or baseline of a
measured indicator that is not a number gives none either.

>>> from streekbeleid import Indicator, IndicatorPeriod, Period, Plan, PlanItem
>>> from streekbeleid.testing import build_model
>>> late = IndicatorPeriod(valid=Period.parse("2019/2021"), actual="12")
>>> pact = Plan(id="x:pact", name="Pact", kind="streekpact", valid=Period.parse("2014/2019"), items=[
...     PlanItem(id="x:a1", kind="action", name="Jobs", indicators=[Indicator(name="jobs", periods=[late])])])
>>> for p in indicators(build_model(pact, catalogue=False)):
...     print(p.severity, p.message)
warning Indicator 'jobs' of Jobs (x:a1): its period from 2019 to 2021 lies partly outside the item's, from 2014 to 2019
warning Indicator 'jobs' of Jobs (x:a1): an actual (12) without a target gives no progress
"""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import _
from ..model.dates import Period
from ..model.model import Model
from ..model.phrasing import label, period_words
from ..model.records import Indicator, IndicatorPeriod, Plan, PlanItem, Problem
from ..queries.progress import read_number
from ._common import containment, problem, undecidable

__all__ = ["indicators"]


def indicators(model: Model) -> Iterator[Problem]:
    """Indicator periods outside their item's period, actuals without a target, values that are not numbers."""
    for plan in model.records(Plan):
        for item in plan.walk():
            outer = plan.valid if item.valid.is_always else item.valid
            for ind in item.indicators:
                what = _("Indicator {name!r} of {item}").format(name=ind.name, item=label(model, item.id))
                for period in ind.periods:
                    yield from _period(what, plan, item, ind, period, outer)


def _period(
    what: str, plan: Plan, item: PlanItem, ind: Indicator, period: IndicatorPeriod, outer: Period
) -> Iterator[Problem]:
    ids = [item.id, plan.id]
    where = "inside" if outer.is_always else containment(outer, period.valid)
    words = {"what": what, "period": period_words(period.valid), "outer": period_words(outer)}
    if where == "undecidable":
        message = _("{what}: its period {period} may lie outside the item's, {outer}; the dates are too coarse")
        yield problem("info", "indicators", ids, undecidable(message.format(**words)), item, plan)
    elif where != "inside":
        message = (
            _("{what}: its period {period} lies outside the item's, {outer}")
            if where == "outside"
            else _("{what}: its period {period} lies partly outside the item's, {outer}")
        )
        yield problem("warning", "indicators", ids, message.format(**words), item, plan)
    if period.actual is not None and period.target is None:
        message = _("{what}: an actual ({actual}) without a target gives no progress")
        yield problem("warning", "indicators", ids, message.format(what=what, actual=period.actual), item)
    if ind.measure not in ("qualitative", "nominal"):
        values = [period.target, period.actual, ind.baseline.value if ind.baseline else None]
        odd = [v for v in values if v is not None and read_number(v) is None]
        if odd:
            message = _("{what}: {values} cannot be read as a number, so it gives no progress")
            text = message.format(what=what, values=", ".join(repr(v) for v in odd))
            yield problem("info", "indicators", ids, text, item)
