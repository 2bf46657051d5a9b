"""Coverage: which regional socio-economic bodies covered a municipality on a day, and what a region covered.

The core catalogue holds the RESOC areas of all of Flanders (regions of kind
``resoc-gebied``, see ``data/flanders.yaml``); region packages add bodies of
their own (RESOC Limburg, Taskforce Spitsregio Leuven ...).  A body covers a
municipality when the municipality lies in the body's region on the day and
the body existed then.  A municipality is followed through mergers: a question
about Neerpelt in 2016 and about Pelt in 2020 both answer.

>>> import streekbeleid
>>> from streekbeleid.queries import coverage_of
>>> core = streekbeleid.load(plugins=[])
>>> answer = coverage_of(core, "nis:11002", on="2010-06-30")       # Antwerpen
>>> answer.areas[0].region, answer.status
('core:gebied/antwerpen', 'uncertain')
>>> answer.reasons[0].startswith("RESOC Antwerpen (core:resoc/antwerpen): existed")
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Literal, TypeVar

import attrs

from ..i18n import N_, _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import day_words, label, period_words, record_description
from ..model.records import Body, Region, Territory
from ._util import day_of, expect, lookup
from .territories import Municipalities, municipalities, refers_to

__all__ = [
    "AREA_KIND",
    "COVERING_KINDS",
    "AreaHit",
    "BodyHit",
    "Coverage",
    "RegionCoverage",
    "coverage_of",
    "region_coverage",
    "resoc_areas",
]

#: The kind of the regions that are RESOC areas.
AREA_KIND = "resoc-gebied"

#: Body kinds that count as regional socio-economic bodies in a coverage answer.
COVERING_KINDS = ("resoc", "serr", "taskforce", "mayors_conference", "forum", "partnership")

_R = TypeVar("_R")

Status = Literal["known", "uncertain", "unknown"]


@attrs.frozen(kw_only=True)
class AreaHit:
    """A RESOC area that holds (``yes``) or may hold (``uncertain``) the municipality on the day."""

    region: str
    municipality: str
    truth: Truth
    parts_known: bool = True


@attrs.frozen(kw_only=True)
class BodyHit:
    """A body whose region holds the municipality, with how sure the answer is."""

    body: str
    kind: str
    region: str
    municipality: str
    truth: Truth


@attrs.frozen(kw_only=True)
class Coverage:
    """The answer to "which bodies covered this municipality on this day?".

    ``status`` is ``known`` when a RESOC certainly covered it, ``uncertain``
    when a RESOC possibly did (a partial date, an area whose municipalities the
    sources do not list), ``unknown`` when nothing is known; ``reasons`` says why
    in words.  ``current`` are the municipalities the asked one stood for on the
    day (itself, its successor after a merger, or its predecessors before it).
    """

    municipality: str
    on: date
    current: tuple[str, ...]
    areas: tuple[AreaHit, ...]
    bodies: tuple[BodyHit, ...]
    status: Status
    reasons: tuple[str, ...]
    basis: tuple[Any, ...] = attrs.field(default=(), repr=False)


@attrs.frozen(kw_only=True)
class RegionCoverage:
    """What a region (or RESOC area) covered on a day: its bodies and its municipalities."""

    region: str
    on: date
    bodies: tuple[BodyHit, ...]
    municipalities: Municipalities


def _whole(model: Model, kind: type[_R]) -> list[_R]:
    """Every record of a kind, slice or not: coverage states its own day (see :func:`municipalities`)."""
    return list(model.whole().records(kind))


def resoc_areas(model: Model) -> list[Region]:
    """The RESOC areas of the model, sorted by id."""
    return sorted(
        (r for r in _whole(model, Region) if r.kind == AREA_KIND),
        key=lambda r: r.id,
    )


def _stands_for(model: Model, territory_id: str, day: date) -> tuple[str, ...]:
    """The municipalities alive on the day that the asked one stands for (through mergers, both ways)."""
    current = refers_to(model, territory_id, on=day).current
    if current:
        return current
    # not yet created on the day: the municipalities it was made of
    older = [
        t.id for t in _whole(model, Territory) if t.successor == territory_id and t.valid.active_on(day) is not Truth.NO
    ]
    return tuple(sorted(older))


def _holds(model: Model, region: Region, municipality: str, day: date, cache: dict[str, Municipalities]) -> Truth:
    """Whether the region holds the municipality on the day; UNCERTAIN when its parts are not known."""
    if region.id not in cache:
        cache[region.id] = municipalities(model, region.id, on=day)
    found = cache[region.id]
    if municipality in found.certain:
        return region.valid.active_on(day) & Truth.YES
    if municipality in found.uncertain:
        return Truth.UNCERTAIN & region.valid.active_on(day)
    if found.complete:
        return Truth.NO
    # parts not (all) known: possible only inside the territory the region belongs to
    if (
        region.part_of
        and isinstance(lookup(model, region.part_of), Territory)
        and municipality not in _cached(model, region.part_of, day, cache)
    ):
        return Truth.NO
    return Truth.UNCERTAIN & region.valid.active_on(day)


def _cached(model: Model, territory_id: str, day: date, cache: dict[str, Municipalities]) -> Municipalities:
    if territory_id not in cache:
        cache[territory_id] = municipalities(model, territory_id, on=day)
    return cache[territory_id]


def _body_hits(
    model: Model, bodies: Iterable[Body], municipality: str, day: date, cache: dict[str, Municipalities]
) -> Iterator[BodyHit]:
    for body in bodies:
        if body.region is None or body.kind not in COVERING_KINDS:
            continue
        alive = body.valid.active_on(day)
        if alive is Truth.NO:
            continue
        region = lookup(model, body.region)
        held = _holds(model, region, municipality, day, cache) if isinstance(region, Region) else Truth.NO
        if held is not Truth.NO:
            yield BodyHit(
                body=body.id, kind=body.kind, region=body.region, municipality=municipality, truth=alive & held
            )


def coverage_of(model: Model, municipality: str, *, on: date | str | None = None) -> Coverage:
    """Which RESOC area and which bodies covered a municipality on a day (default: the slice's date, else today)."""
    day = day_of(model, on) or date.today()
    expect(model, municipality, Territory, N_("a municipality"))
    current = _stands_for(model, municipality, day)
    cache: dict[str, Municipalities] = {}
    areas: list[AreaHit] = []
    hits: list[BodyHit] = []
    bodies = sorted(_whole(model, Body), key=lambda b: b.id)
    for m in current:
        for region in resoc_areas(model):
            truth = _holds(model, region, m, day, cache)
            if truth is not Truth.NO:
                areas.append(AreaHit(region=region.id, municipality=m, truth=truth, parts_known=region.parts_known))
        m_hits = list(_body_hits(model, bodies, m, day, cache))
        # RESOC areas do not overlap (the rule resoc-coverage checks): where a listed area certainly holds
        # the municipality, an area whose parts are not known does not (an inference, see docs/regions)
        if any(a.truth is Truth.YES and a.parts_known for a in areas if a.municipality == m):
            vague = {a.region for a in areas if a.municipality == m and not a.parts_known}
            areas = [a for a in areas if not (a.municipality == m and a.region in vague)]
            m_hits = [h for h in m_hits if h.region not in vague]
        hits.extend(m_hits)
    status, reasons = _judge(model, municipality, day, current, areas, hits)
    basis = [lookup(model, t) for t in current]
    basis += [lookup(model, a.region) for a in areas] + [lookup(model, h.body) for h in hits]
    return Coverage(
        municipality=municipality,
        on=day,
        current=current,
        areas=tuple(areas),
        bodies=tuple(hits),
        status=status,
        reasons=tuple(reasons),
        basis=tuple(basis),
    )


def _judge(
    model: Model,
    municipality: str,
    day: date,
    current: tuple[str, ...],
    areas: list[AreaHit],
    hits: list[BodyHit],
) -> tuple[Status, list[str]]:
    reasons: list[str] = []
    if not current:
        gone = _("{municipality} did not exist on {day} and nothing it was made of is known").format(
            municipality=label(model, municipality), day=day_words(day)
        )
        return "unknown", [gone]
    resocs = [h for h in hits if h.kind == "resoc"]
    for hit in resocs:
        if hit.truth is not Truth.YES:
            body: Body = lookup(model, hit.body)
            reasons.append(
                _("{body}: existed {lifetime}; the sources do not settle the day").format(
                    body=label(model, hit.body), lifetime=period_words(body.valid)
                )
            )
    for area in {a.region: a for a in areas}.values():
        if not area.parts_known:
            region: Region = lookup(model, area.region)
            why = record_description(region) or _("no source lists them")
            reasons.append(
                _("{area}: which municipalities it held is not known ({why})").format(
                    area=label(model, area.region), why=why
                )
            )
        elif not any(h.municipality == area.municipality for h in resocs):
            why = _why_no_body(model, area.region)
            reasons.append(
                _("{area}: no RESOC of this area in the model on the day ({why})").format(
                    area=label(model, area.region), why=why
                )
            )
    if not areas:
        reasons.append(
            _("no RESOC area of the model holds {municipality} on {day}").format(
                municipality=label(model, municipality), day=day_words(day)
            )
        )
    if any(h.truth is Truth.YES for h in resocs) and len({a.region for a in areas if a.truth is Truth.YES}) <= 1:
        return "known", reasons
    if resocs or areas:
        return "uncertain", reasons
    return "unknown", reasons


def _why_no_body(model: Model, area_id: str) -> str:
    region: Region = lookup(model, area_id)
    if region.description and "region package" in region.description:
        return _("its bodies are defined by a region package that is not loaded")
    return _("the sources found name none for this day")


def region_coverage(model: Model, region_id: str, *, on: date | str | None = None) -> RegionCoverage:
    """The bodies of a region (or RESOC area) on a day and the municipalities it held."""
    day = day_of(model, on) or date.today()
    expect(model, region_id, Region, N_("a region"))
    found = municipalities(model, region_id, on=day)
    hits = []
    for body in sorted(_whole(model, Body), key=lambda b: b.id):
        if body.region == region_id:
            alive = body.valid.active_on(day)
            if alive is not Truth.NO:
                hits.append(BodyHit(body=body.id, kind=body.kind, region=region_id, municipality="", truth=alive))
    return RegionCoverage(region=region_id, on=day, bodies=tuple(hits), municipalities=found)
