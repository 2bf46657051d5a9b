"""Every record of a kind, in a region, on a day: names beside ids, sorted by name."""

from __future__ import annotations

import pytest

from streekbeleid import Model, StreekbeleidError, Truth
from streekbeleid.i18n import use_language
from streekbeleid.queries.listing import LISTABLE, listing


def test_bodies_of_a_region_on_a_day_with_their_certainty(everything: Model) -> None:
    found = listing(everything, "bodies", region="limburg:limburg", on="2016-06-30")
    assert [(r.id, r.active) for r in found.rows] == [
        ("limburg:lires-samenwerking", Truth.YES),
        ("limburg:resoc", Truth.YES),
        ("limburg:serr", Truth.UNCERTAIN),
    ]
    assert {r.region.name for r in found.rows if r.region} == {"Limburg"}


def test_without_a_day_every_record_of_the_kind_counts(everything: Model) -> None:
    plans = listing(everything, "plans")
    assert {"limburg:streekpact-2008-2013", "limburg:streekpact-2014-2019", "core:versterkt-streekbeleid"} <= {
        r.id for r in plans.rows
    }
    assert [r.name.casefold() for r in plans.rows] == sorted(r.name.casefold() for r in plans.rows)
    assert all(r.active is None for r in plans.rows)


def test_municipalities_alive_on_a_day(core: Model) -> None:
    alive = listing(core, "territories", on="2020-01-01")
    assert "nis:72043" in {r.id for r in alive.rows}  # Pelt
    assert "nis:72025" not in {r.id for r in alive.rows}  # Neerpelt merged into it on 1 January 2019


def test_the_table_shows_names_and_json_keeps_ids(everything: Model) -> None:
    found = listing(everything, "bodies", region="limburg:limburg", on="2016-06-30")
    with use_language("nl"):
        text = str(found)
    assert "RESOC Limburg" in text and "actief" in text and "onzeker" in text
    assert "limburg:limburg" not in text  # the region by its name
    assert found.table().records()[1]["region"] == "limburg:limburg"


def test_an_unknown_kind_names_the_kinds_there_are(core: Model) -> None:
    with use_language("en"), pytest.raises(StreekbeleidError, match="cannot list 'memberships': choose one of"):
        listing(core, "memberships")
    assert "bodies" in LISTABLE and "memberships" not in LISTABLE


def test_records_without_a_name_are_listed_by_what_they_link(everything: Model) -> None:
    """A decision or a funding has no name of its own: the listing words it (issue 12), never shows its id twice."""
    with use_language("nl"):
        decisions = {r.id: r.name for r in listing(everything, "decisions").rows}
        fundings = {r.id: r.name for r in listing(everything, "fundings").rows}
    assert decisions["limburg:streekpact-2014-2019/onderschrijving-abvv"] == "ABVV onderschrijft Streekpact 2014-2019"
    assert fundings["limburg:lires/toelage"] == "Subsidie van Vlaamse overheid voor LIRES-plan"
    assert all(name != rid for rid, name in {**decisions, **fundings}.items())
