"""The progress view of a plan on a region's page: per item a bar of the share of its target reached.

A bar is solid up to the share known for certain and pale over the range still open (an unknown actual is
unknown, not 0); where no item has indicators, one line says progress is not recorded (docs/progress.md).
"""

from __future__ import annotations

from ..i18n import _
from ..model.phrasing import day_words
from ..model.records import Plan, PlanItem
from ..queries.progress import IndicatorProgress, ItemProgress, Percent, Status, indicator_detail, item_detail, progress
from ._site import Site
from .html import Markup, anchor_id, concat, el, table

__all__ = ["progress_view"]


def progress_view(site: Site, plan: Plan) -> Markup:
    """The heading and table of a plan's progress on the report's day (or the day it was made)."""
    on = site.as_of or site.generated
    found = progress(site.model, plan.id, on=on)
    head = el("h4", _("Progress on {date}").format(date=day_words(on)))
    if not found.recorded:
        note = _("Not recorded: no item of this plan has indicators.")
        return concat(head, el("p", note, class_="muted progress-none"))
    rows: list[Markup] = []
    for item in found.root.walk():
        rows.append(_item_row(item))
        rows.extend(_indicator_row(ind, item.depth) for ind in item.own)
    heads = [_("item"), _("status"), _("share of target"), _("detail")]
    return concat(head, table(heads, rows, class_="progress"))


def _share(low: float | None, high: float | None) -> tuple[Markup | None, str]:
    """A bar (solid up to ``low``, pale up to ``high``) and its words: ``75%`` or ``40% to 90%``."""
    if low is None or high is None:
        return None, ""
    bar = el(
        "span",
        el("span", "", style=f"width:{100 * low:.1f}%"),
        el("span", "", class_="maybe", style=f"width:{100 * (high - low):.1f}%"),
        class_="bar progress-bar",
        aria_hidden="true",
    )
    if low == high:
        return bar, str(Percent(low))
    return bar, _("{low} to {high}").format(low=Percent(low), high=Percent(high))


def _status(status: Status) -> Markup:
    return el("span", str(status), class_=f"status status-{status.value.replace('_', '-')}")


def _item_row(item: ItemProgress) -> Markup:
    record = item.record
    if isinstance(record, PlanItem):
        number = f"{record.number} " if record.number else ""
        name: Markup | str = el("a", number + record.name, href=f"#{anchor_id(record.id)}")
    else:
        name = el("b", record.name)
    bar, words = _share(item.low, item.high)
    return el(
        "tr",
        el("td", name, style=f"padding-left:{0.3 + 1.2 * item.depth:.1f}rem"),
        el("td", _status(item.status)),
        el("td", bar, " ", words, class_="share"),
        el("td", item_detail(item), class_="muted"),
        class_=f"progress-{item.status.value.replace('_', '-')}",
    )


def _indicator_row(ind: IndicatorProgress, depth: int) -> Markup:
    bar, words = _share(ind.low, ind.high)
    return el(
        "tr",
        el("td", el("i", ind.indicator.name), style=f"padding-left:{0.3 + 1.2 * (depth + 1):.1f}rem"),
        el("td", _status(ind.status)),
        el("td", bar, " ", words, class_="share"),
        el("td", indicator_detail(ind), class_="muted"),
        class_="progress-indicator",
    )
