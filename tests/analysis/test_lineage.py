"""Lineage: chains of plans that succeed, deepen, revise or subscribe to each other; succession of municipalities."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streekbeleid import Lineage, Model, Period, Plan, Source
from streekbeleid.queries import lineage, sources_of


def plan(pid: str, valid: str) -> Plan:
    return Plan(id=pid, name=pid.split(":")[1], kind="streekpact", valid=Period.parse(valid))


def link(kind: str, newer: str, older: str) -> Lineage:
    return Lineage(
        id=f"{newer}/{kind}", kind=kind, subject=newer, object=older, sources=[Source(document=f"{kind}.txt")]
    )


@pytest.fixture
def model(build: Callable[..., Model]) -> Model:
    return build(
        plan("x:pact-2008", "2008/2013"),
        plan("x:pact-2014", "2014/2019"),
        plan("x:salk", "2013-07/?"),
        plan("x:lires", "2016/?"),
        plan("x:pact-2014-rev", "2016/2019"),
        plan("x:unrelated", "2014/2019"),
        link("succeeds", "x:pact-2014", "x:pact-2008"),
        link("subscribes_to", "x:pact-2014", "x:salk"),
        link("deepens", "x:lires", "x:salk"),
        link("revises", "x:pact-2014-rev", "x:pact-2014"),
    )


def test_both_directions_give_the_whole_family_oldest_first(model: Model) -> None:
    chain = lineage(model, "x:pact-2014")
    assert chain.members == ("x:pact-2008", "x:salk", "x:pact-2014", "x:lires", "x:pact-2014-rev")
    assert {(lk.newer, lk.kind, lk.older) for lk in chain.links} == {
        ("x:pact-2014", "succeeds", "x:pact-2008"),
        ("x:pact-2014", "subscribes_to", "x:salk"),
        ("x:lires", "deepens", "x:salk"),
        ("x:pact-2014-rev", "revises", "x:pact-2014"),
    }
    assert "x:unrelated" not in chain.members


def test_older_and_newer_relative_to_the_root(model: Model) -> None:
    chain = lineage(model, "x:pact-2014")
    assert chain.older() == ("x:pact-2008", "x:salk")
    assert chain.newer() == ("x:pact-2014-rev",)  # LIRES is a sibling through SALK, not a descendant


def test_only_older(model: Model) -> None:
    chain = lineage(model, "x:pact-2014-rev", direction="older")
    assert chain.members == ("x:pact-2008", "x:salk", "x:pact-2014", "x:pact-2014-rev")
    assert "x:lires" not in chain.members


def test_only_newer(model: Model) -> None:
    assert lineage(model, "x:salk", direction="newer").newer() == ("x:pact-2014", "x:lires", "x:pact-2014-rev")


def test_some_kinds_only(model: Model) -> None:
    chain = lineage(model, "x:pact-2014", kinds=["succeeds"])
    assert chain.members == ("x:pact-2008", "x:pact-2014")


def test_a_plan_without_lineage(model: Model) -> None:
    chain = lineage(model, "x:unrelated")
    assert chain.links == () and chain.members == ("x:unrelated",)


def test_the_chain_rests_on_its_plans_and_links(model: Model) -> None:
    documents = {s.document for s in sources_of(lineage(model, "x:pact-2014"))}
    assert documents == {"succeeds.txt", "subscribes_to.txt", "deepens.txt", "revises.txt"}


def test_the_succession_of_municipalities(core: Model) -> None:
    hasselt = lineage(core, "nis:71072")
    assert hasselt.older() == ("nis:71022", "nis:73040")  # old Hasselt and Kortessem
    assert {lk.kind for lk in hasselt.links} == {"succeeds"}
    assert lineage(core, "nis:73040", direction="newer").newer() == ("nis:71072",)


def test_a_municipality_that_never_merged(core: Model) -> None:
    assert lineage(core, "nis:24062").links == ()


# ---------------------------------------------------------------- the real Limburg package


def test_the_limburg_pacts_succeed_each_other_and_subscribe_to_salk(limburg: Model) -> None:
    chain = lineage(limburg, "limburg:streekpact-2014-2019")
    kinds = {(lk.newer, lk.kind, lk.older) for lk in chain.links}
    assert ("limburg:streekpact-2014-2019", "succeeds", "limburg:streekpact-2008-2013") in kinds
    assert chain.members.index("limburg:streekpact-2008-2013") < chain.members.index("limburg:streekpact-2014-2019")
    assert any(lk.kind == "subscribes_to" for lk in chain.links)


def test_lires_deepens_salk(limburg: Model) -> None:
    assert "limburg:salk" in lineage(limburg, "limburg:lires", direction="older").older()


def test_a_start_known_only_as_a_latest_day_is_placed_by_that_day(build: Callable[..., Model]) -> None:
    """SALK began in February 2013 at the latest: after a pact begun in 2008, before a plan of July 2013;
    an open or unknown start never drags a plan to the front."""
    model = build(
        plan("x:pact-2008", "2008/2013"),
        plan("x:salk", "..2013-02/?"),
        plan("x:salk-plan", "2013-07/?"),
        plan("x:lires", "..2016-04/2020-10-31.."),
        plan("x:unknown", "?/2020"),
        link("succeeds", "x:salk", "x:pact-2008"),
        link("implements", "x:salk-plan", "x:salk"),
        link("deepens", "x:lires", "x:salk"),
        link("revises", "x:unknown", "x:lires"),
    )
    assert lineage(model, "x:salk").members == ("x:pact-2008", "x:salk", "x:salk-plan", "x:lires", "x:unknown")
