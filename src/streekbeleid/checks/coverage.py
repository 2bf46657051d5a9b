"""The rule ``resoc-coverage``: every municipality alive on a day lies in exactly one RESOC area.

The day is the slice's date, else each of :data:`RESOC_DAYS` (one in each generation of streekpacten).
Two areas that certainly hold the same municipality are an error; a municipality no area can hold is a
warning; a municipality whose area the sources do not settle is reported as ``info`` ("Undecidable"),
one problem per cause, naming the municipalities and why.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..i18n import _, ngettext
from ..model.dates import Truth, parse_day
from ..model.model import Model
from ..model.phrasing import day_words, label
from ..model.records import Problem, Region, Territory
from ..queries.coverage import resoc_areas
from ..queries.territories import Municipalities, municipalities
from ._common import problem, undecidable

__all__ = ["RESOC_DAYS", "resoc_coverage"]

#: The days the rule looks at when the model is not a slice.
RESOC_DAYS = ("2010-06-30", "2016-06-30")

_RULE = "resoc-coverage"


def resoc_coverage(model: Model) -> Iterator[Problem]:
    """Every municipality alive on a day lies in exactly one RESOC area (or the sources leave it open, with why)."""
    areas = resoc_areas(model)
    if not areas:
        return
    days = [model.date] if model.date is not None else [parse_day(d) for d in RESOC_DAYS]
    for day in days:
        yield from _on(model, areas, day)


def _on(model: Model, areas: list[Region], day: date) -> Iterator[Problem]:
    held: dict[str, Municipalities] = {a.id: municipalities(model, a.id, on=day) for a in areas}
    alive = [
        t for t in model.whole().records(Territory) if t.level == "municipality" and t.valid.active_on(day) is Truth.YES
    ]
    on = day_words(day)
    vague: dict[str, list[str]] = {}
    for town in sorted(alive, key=lambda t: t.id):
        certain = [a for a in areas if town.id in held[a.id].certain and a.valid.active_on(day) is Truth.YES]
        possible = [
            a
            for a in areas
            if a not in certain
            and a.valid.active_on(day) is not Truth.NO
            and (town.id in held[a.id] or (not held[a.id].complete and _within(model, a, town.id, day)))
        ]
        if len(certain) > 1:
            yield problem(
                "error",
                _RULE,
                [town.id, *(a.id for a in certain)],
                _("{municipality} lies in {count} RESOC areas on {day}: {areas}").format(
                    municipality=label(model, town.id),
                    count=len(certain),
                    day=on,
                    areas=", ".join(label(model, a.id) for a in certain),
                ),
                *certain,
            )
        elif certain:
            continue
        elif not possible:
            message = _("{municipality} lies in no RESOC area on {day}").format(
                municipality=label(model, town.id), day=on
            )
            yield problem("warning", _RULE, [town.id], message, town)
        else:
            key = " or ".join(a.id for a in possible)
            vague.setdefault(key, []).append(town.id)
    for key, towns in vague.items():
        regions = [next(a for a in areas if a.id == rid) for rid in key.split(" or ")]
        why = "; ".join(
            (
                _("{area}: its municipalities are not listed in the sources")
                if not r.parts_known
                else _("{area}: dated uncertainly")
            ).format(area=r.name)
            for r in regions
        )
        names = _(" or ").join(label(model, r.id) for r in regions)
        message = ngettext(
            "{count} municipality alive on {day} may lie in {areas} ({why})",
            "{count} municipalities alive on {day} may lie in {areas} ({why})",
            len(towns),
        ).format(count=len(towns), day=on, areas=names, why=why)
        yield problem("info", _RULE, [*(r.id for r in regions), *towns], undecidable(message), *regions)


def _within(model: Model, area: Region, town: str, day: date) -> bool:
    """Whether an area whose parts are not known may hold the town: it lies in the area's territory."""
    if area.part_of is None:
        return True
    return town in municipalities(model, area.part_of, on=day)
