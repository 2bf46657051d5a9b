"""Rules about organisation history: an organisation active after a change that ended it, names that overlap."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import change_noun, label, period_words, when
from ..model.records import ENDING_CHANGE_KINDS, Actor, Body, OrganisationChange, Problem
from ._common import problem, undecidable

__all__ = ["active_after_change", "name_overlap"]


def active_after_change(model: Model) -> Iterator[Problem]:
    """An organisation still active after a merger, split or dissolution that ended it (and did not result in it).

    An organisation certainly active on the day the change took effect (the last day a partial
    date allows) is an error; one whose end may fall before it (a period ending "on or after")
    is left alone, since the dates allow both.
    """
    whole = model.whole()
    for change in model.records(OrganisationChange):
        if change.kind not in ENDING_CHANGE_KINDS or change.date is None:
            continue
        # the change took effect on its day: an original it ended is gone by the last day the change may fall on
        day = change.date.latest
        for org_id in change.original:
            if org_id in change.resulting or org_id not in whole.graph:
                continue
            org = whole.graph.nodes[org_id]["record"]
            if org.valid.active_on(day) is not Truth.YES:
                continue
            message = _("{record} is active after {date}, when {change} ended it ({period})").format(
                record=label(model, org_id),
                date=when(change.date),
                change=change_noun(model, change),
                period=period_words(org.valid),
            )
            yield problem("error", "active-after-change", [org_id, change.id], message, org, change)


def name_overlap(model: Model) -> Iterator[Problem]:
    """Two other names of one organisation whose periods overlap: on those days its name is not one name.

    Certain overlaps are warnings; where the dates allow both, an ``info`` problem says it is undecidable.
    """
    organisations: list[Actor | Body] = [*model.records(Actor), *model.records(Body)]
    for record in organisations:
        names = [n for n in record.other_names if not n.valid.is_always]
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                overlap = first.valid.overlaps(second.valid)
                if overlap is Truth.NO:
                    continue
                words = {
                    "record": label(model, record.id),
                    "first": first.name,
                    "second": second.name,
                    "first_period": period_words(first.valid),
                    "second_period": period_words(second.valid),
                }
                if overlap is Truth.YES:
                    message = _(
                        "{record} bore two names at once: {first} ({first_period}) and {second} ({second_period})"
                    ).format(**words)
                    yield problem("warning", "name-overlap", [record.id], message, record)
                else:
                    message = undecidable(
                        _(
                            "whether {record} bore {first} ({first_period}) and {second} ({second_period}) at once"
                        ).format(**words)
                    )
                    yield problem("info", "name-overlap", [record.id], message, record)
