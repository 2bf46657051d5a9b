"""The municipalities of a region on a date, following mergers; what a gone municipality became."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streekbeleid import Model, Period, Region, RegionPart, Territory, Truth
from streekbeleid.queries import RecordKindError, municipalities, refers_to, sources_of

MERGER_DAYS = [("2014-06-01", 44), ("2018-12-31", 44), ("2019-01-01", 42), ("2024-12-31", 42), ("2025-01-01", 38)]


@pytest.mark.parametrize(("day", "count"), MERGER_DAYS)
def test_province_limburg_follows_the_mergers(core: Model, day: str, count: int) -> None:
    assert len(municipalities(core, "nis:70000", on=day)) == count


def test_the_reference_region_limburg_has_38_municipalities_from_2025_and_none_before(core: Model) -> None:
    assert len(municipalities(core, "refreg:REFREG15", on="2025-06-01")) == 38
    before = municipalities(core, "refreg:REFREG15", on="2020-06-01")
    assert len(before) == 0 and before.complete  # its parts only hold from 2025


def test_the_reference_region_and_the_province_agree_in_2025(core: Model) -> None:
    assert (
        municipalities(core, "refreg:REFREG15", on="2025-06-01").ids
        == municipalities(core, "nis:70000", on="2025-06-01").ids
    )


def test_pelt_replaces_neerpelt_and_overpelt(core: Model) -> None:
    before = municipalities(core, "nis:70000", on="2018-06-01")
    after = municipalities(core, "nis:70000", on="2019-06-01")
    assert {"nis:72025", "nis:72029"} <= set(before.ids) and "nis:72043" not in before
    assert "nis:72043" in after and "nis:72025" not in after


def test_a_region_of_named_municipalities_with_dated_parts(build: Callable[..., Model]) -> None:
    region = Region(
        id="x:r",
        name="R",
        parts=[
            RegionPart(territory="nis:71022", valid=Period.parse("2016-01-01/..")),  # old Hasselt, gone 2025
            RegionPart(territory="nis:71016", valid=Period.parse("2016-06/..")),  # Genk, joined some day in June
        ],
    )
    model = build(region)
    june = municipalities(model, "x:r", on="2016-06-15")
    assert june.certain == ("nis:71022",) and june.uncertain == ("nis:71016",)
    assert june.ids == ("nis:71016", "nis:71022")
    assert municipalities(model, "x:r", on="2015-06-01").ids == ()
    later = municipalities(model, "x:r", on="2025-06-01")
    assert later.ids == ("nis:71016",)
    assert later.gone == ("nis:71022",)  # named, but merged into the new Hasselt
    assert refers_to(model, later.gone[0], on="2025-06-01").current == ("nis:71072",)


def test_subregions_with_unknown_parts_make_the_answer_incomplete(build: Callable[..., Model]) -> None:
    whole = Region(id="x:whole", name="Whole")  # no parts of its own: the union of its subregions
    known = Region(id="x:a", name="A", part_of="x:whole", parts=[RegionPart(territory="nis:24062")])
    unknown = Region(id="x:b", name="B", part_of="x:whole", parts_known=False)
    model = build(whole, known, unknown)
    found = municipalities(model, "x:whole", on="2020-01-01")
    assert found.ids == ("nis:24062",)
    assert not found.complete
    assert not municipalities(model, "x:b", on="2020-01-01").complete
    assert municipalities(model, "x:a", on="2020-01-01").complete


def test_a_region_that_lists_its_parts_is_complete_whatever_its_subregions(build: Callable[..., Model]) -> None:
    whole = Region(id="x:whole", name="Whole", parts=[RegionPart(territory="nis:24000")])
    unknown = Region(id="x:b", name="B", part_of="x:whole", parts_known=False)
    found = municipalities(build(whole, unknown), "x:whole", on="2020-01-01")
    assert len(found) == 30 and found.complete


def test_the_answer_rests_on_the_region_its_parts_and_the_territories(core: Model) -> None:
    found = municipalities(core, "refreg:REFREG15", on="2025-06-01")
    assert core.get("refreg:REFREG15") in found.basis
    assert core.get("nis:71072") in found.basis
    documents = {s.document for s in sources_of(found)}
    assert {"lokaalbestuur.vlaanderen.be", "flemish_municipalities.csv"} <= documents


def test_municipalities_of_a_body_is_a_clear_error(core: Model) -> None:
    with pytest.raises(RecordKindError, match="org:voka is an actor, not a region or territory"):
        municipalities(core, "org:voka", on="2020-01-01")


def test_the_answer_does_not_depend_on_an_earlier_slice(core: Model) -> None:
    sliced = core.as_of("2014-06-01")
    assert len(municipalities(sliced, "nis:70000")) == 44  # the slice's date
    assert len(municipalities(sliced, "nis:70000", on="2025-06-01")) == 38  # a date of its own


# ---------------------------------------------------------------- successors


def test_a_gone_municipality_refers_to_its_successor_today(core: Model) -> None:
    neerpelt = refers_to(core, "nis:72025", on="2026-01-01")
    assert neerpelt.chain == ("nis:72025", "nis:72043") and neerpelt.current == ("nis:72043",)
    assert core.get("nis:72025") in neerpelt.basis


def test_an_existing_municipality_refers_to_itself(core: Model) -> None:
    assert refers_to(core, "nis:24062", on="2026-01-01").current == ("nis:24062",)


def test_before_the_merger_a_municipality_is_still_itself(core: Model) -> None:
    assert refers_to(core, "nis:73040", on="2024-06-01").current == ("nis:73040",)
    assert refers_to(core, "nis:73040", on="2025-06-01").current == ("nis:71072",)


def test_a_municipality_that_did_not_exist_yet_refers_to_nothing(core: Model) -> None:
    pelt = refers_to(core, "nis:72043", on="2014-06-01")
    assert pelt.chain == ("nis:72043",) and pelt.current == ()


def test_successor_chains_are_followed_through_several_mergers(build: Callable[..., Model]) -> None:
    def town(nis: str, valid: str, successor: str | None = None) -> Territory:
        return Territory(id=nis, name=nis, level="municipality", successor=successor, valid=Period.parse(valid))

    a = town("nis:90001", "../2018-12-31", successor="nis:90002")
    b = town("nis:90002", "2019-01-01/2024-12-31", successor="nis:90003")
    c = town("nis:90003", "2025-01-01/..")
    model = build(a, b, c, catalogue=False)
    assert refers_to(model, "nis:90001", on="2026-01-01").chain == ("nis:90001", "nis:90002", "nis:90003")
    assert refers_to(model, "nis:90001", on="2020-01-01").current == ("nis:90002",)


# ---------------------------------------------------------------- invariants

DAYS = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))
AREAS = st.sampled_from(["nis:02000", "nis:70000", "nis:24000", "nis:40000", "refreg:REFREG15", "refreg:REFREG01"])


@settings(max_examples=60, deadline=None)
@given(day=DAYS, area=AREAS)
def test_never_a_municipality_outside_its_lifetime(core: Model, day: date, area: str) -> None:
    found = municipalities(core, area, on=day)
    for t in found.ids:
        territory = core.get(t)
        assert territory.level == "municipality"
        assert territory.valid.active_on(day) is not Truth.NO


@settings(max_examples=40, deadline=None)
@given(day=DAYS)
def test_flanders_holds_every_municipality_alive_on_the_day(core: Model, day: date) -> None:
    alive = {t.id for t in core.as_of(day).records(Territory) if t.level == "municipality"}
    assert set(municipalities(core, "nis:02000", on=day).ids) == alive


@settings(max_examples=40, deadline=None)
@given(day=DAYS)
def test_a_gone_municipality_always_lands_on_one_alive_on_the_day(core: Model, day: date) -> None:
    gone = [t for t in core.records(Territory) if t.successor and t.valid.active_on(day) is Truth.NO]
    for territory in gone:
        if territory.valid.ordinals()[3] < day.toordinal():
            current = refers_to(core, territory.id, on=day).current
            assert len(current) == 1
            assert core.get(current[0]).valid.active_on(day) is Truth.YES


def test_one_day_before_and_on_the_merger(core: Model) -> None:
    merger = date(2019, 1, 1)
    assert len(municipalities(core, "nis:70000", on=merger - timedelta(days=1))) == 44
    assert len(municipalities(core, "nis:70000", on=merger)) == 42


# ---------------------------------------------------------------- the real Limburg package

LIMBURG_DAYS = [("2014-06-01", 44), ("2019-06-01", 42), ("2025-06-01", 38)]


@pytest.mark.parametrize(("day", "count"), LIMBURG_DAYS)
def test_region_limburg_of_the_package_follows_the_mergers(limburg: Model, day: str, count: int) -> None:
    found = municipalities(limburg, "limburg:limburg", on=day)
    assert len(found) == count and found.complete


def test_the_lires_subregions_answer_unknown_not_none(limburg: Model) -> None:
    subregions = [r for r in limburg.regions() if r.part_of == "limburg:limburg"]
    assert len(subregions) == 5
    for sub in subregions:
        found = municipalities(limburg, sub.id, on="2017-01-01")
        assert len(found) == 0 and not found.complete
