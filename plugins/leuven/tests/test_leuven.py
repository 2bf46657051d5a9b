"""The Leuven region package (with Halle-Vilvoorde next door), read back through the public API only.

Each test states one fact of the sources (seed 004 and the domain brief) as the model answers it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import Funding, Meeting, Plan, Territory, Truth, testing
from streekbeleid.cli import main as cli
from streekbeleid.model.records import inferences_of
from streekbeleid.queries import inferences
from streekbeleid.testing import assert_region_valid, sources_in

SLUG = "leuven"
TASKFORCE = "leuven:taskforce-spitsregio"
MAYORS = "leuven:burgemeestersoverleg-oost-brabant"
FORUM = "leuven:toekomstforum-halle-vilvoorde"
ERSV = "leuven:ersv-vlaams-brabant"
SOCIAL_PARTNERS = {"org:acv", "org:abvv", "org:aclvb", "org:voka", "org:unizo", "org:boerenbond"}


def own_records(model: streekbeleid.Model) -> list[object]:
    return testing.own_records(model, SLUG)


def arrondissement_leuven(model: streekbeleid.Model, day: str) -> set[str]:
    """The municipalities of arrondissement Leuven on a day, from the core catalogue."""
    view = model.as_of(day)
    return {t.id for t in view.records(Territory) if t.level == "municipality" and t.part_of == "nis:24000"}


def out_edges(model: streekbeleid.Model, source: str, kind: str) -> set[str]:
    return {t for _s, t, k in model.graph.out_edges(source, data="kind") if k == kind}


# ------------------------------------------------------------------ the package as a whole


def test_loads_strictly_and_is_reported_ok(model: streekbeleid.Model) -> None:
    info = {p.name: p for p in model.plugins}[SLUG]
    assert (info.status, info.distribution) == ("ok", "streekbeleid-leuven")


def test_every_record_is_in_the_namespace_and_has_a_source(model: streekbeleid.Model) -> None:
    records = own_records(model)
    assert len(records) > 90
    for record in records:
        assert record.id.startswith("leuven:"), record.id
        assert record.sources, f"{record.id} has no source"


def test_seed_citations_quote_seed_004_and_the_call_of_seed_002(model: streekbeleid.Model) -> None:
    cited = [s for r in own_records(model) for s in sources_in(r) if s.document.endswith(".txt")]
    assert {s.document for s in cited} == {"004_9e9f5be4e711fc22.txt", "002_8f0bc77d8e141880.txt"}
    assert all(s.locator for s in cited)


def test_the_package_passes_the_contract_check() -> None:
    """Loads strictly, and no check of the library or of the plugins finds an error in it."""
    model = assert_region_valid(SLUG)
    assert {p.name: p.status for p in model.plugins}[SLUG] == "ok"


# ------------------------------------------------------------------ regions


def test_spitsregio_leuven_is_the_arrondissement_leuven(model: streekbeleid.Model) -> None:
    region = model.get("leuven:arrondissement-leuven")
    assert [p.territory for p in region.parts] == ["nis:24000"]
    view = model.in_region(region.id).as_of("2017-06-01")
    municipalities = {t.id for t in view.records(Territory) if t.level == "municipality"}
    assert municipalities == arrondissement_leuven(model, "2017-06-01")
    assert len(municipalities) == 30


def test_halle_vilvoorde_is_the_neighbouring_arrondissement(model: streekbeleid.Model) -> None:
    region = model.get("leuven:halle-vilvoorde")
    assert [p.territory for p in region.parts] == ["nis:23000"]
    assert model.get("nis:23000").name == "Halle-Vilvoorde"
    # the seed gives the name only: identifying it with the arrondissement is an inference, and says so
    [marked] = inferences_of(region)
    assert "names the region" in (marked.inference or "")


# ------------------------------------------------------------------ the task force


def test_taskforce_members_in_2017(model: streekbeleid.Model) -> None:
    members = model.members(TASKFORCE, on="2017-06-01")
    by_group: dict[str, set[str]] = {}
    for m in members:
        by_group.setdefault(m.membership.seat_group or "", set()).add(m.member)
    assert by_group["municipalities"] == arrondissement_leuven(model, "2017-06-01")
    assert len(by_group["municipalities"]) == 30
    assert by_group["employees"] == {"org:acv", "org:abvv", "org:aclvb"}
    assert by_group["employers"] == {"org:voka", "org:unizo", "org:boerenbond"}
    assert by_group["province"] == {"leuven:provincie-vlaams-brabant-economie"}
    assert by_group["experts"] == {"org:vdab"}
    assert by_group["Interleuven"] == {"leuven:interleuven"}
    assert by_group["staff"] == {"leuven:taskforce-medewerkers"}
    assert len(members) == 40


def test_taskforce_membership_in_2017_is_uncertain_because_no_dates_are_given(model: streekbeleid.Model) -> None:
    assert {m.status for m in model.members(TASKFORCE, on="2017-06-01")} == {Truth.UNCERTAIN}
    assert model.members(TASKFORCE, on="2015-12-31") == []  # Versterkt Streekbeleid began in 2016


def test_taskforce_roles_follow_the_seed(model: streekbeleid.Model) -> None:
    roles = {m.member: m.membership.role for m in model.members(TASKFORCE)}
    assert roles["org:vdab"] == "expert"
    assert roles["leuven:interleuven"] == roles["leuven:taskforce-medewerkers"] == "staff"
    assert {roles[p] for p in SOCIAL_PARTNERS} == {"member"}


def test_the_province_sits_through_its_economy_service(model: streekbeleid.Model) -> None:
    service = model.get("leuven:provincie-vlaams-brabant-economie")
    assert service.part_of == "org:provincie-vlaams-brabant"
    [m] = [m for m in model.members(TASKFORCE) if m.member == service.id]
    assert m.membership.on_behalf_of == "org:provincie-vlaams-brabant"


def test_taskforce_meets_at_least_six_times_a_year(model: streekbeleid.Model) -> None:
    [rule] = model.get(TASKFORCE).cadence
    assert (rule.min_meetings, rule.max_meetings, rule.per) == (6, None, "year")
    assert rule.sources[0].locator and "minstens 6x per jaar" in rule.sources[0].locator
    assert [m for m in model.records(Meeting) if m.body == TASKFORCE] == []  # no meetings are invented


def test_taskforce_reports_to_and_is_steered_by_the_mayors(model: streekbeleid.Model) -> None:
    assert out_edges(model, TASKFORCE, "reports_to") == {MAYORS}
    assert out_edges(model, TASKFORCE, "steered_by") == {MAYORS}
    report = model.get("leuven:taskforce-spitsregio/reports-to/burgemeestersoverleg-oost-brabant")
    assert "vast agendapunt" in (report.description or "")


def test_ersv_vlaams_brabant_supports_and_promotes_the_taskforce(model: streekbeleid.Model) -> None:
    assert out_edges(model, TASKFORCE, "supported_by") == {ERSV}
    assert out_edges(model, ERSV, "legal_vehicle_of") == {TASKFORCE, FORUM}
    project = model.get("leuven:esf-taskforce-spitsregio")
    assert (project.promoter, project.plan) == (ERSV, "leuven:actieplan-spitsregio-leuven")


def test_the_action_plan_has_four_lines(model: streekbeleid.Model) -> None:
    plan: Plan = model.get("leuven:actieplan-spitsregio-leuven")
    assert plan.owner == TASKFORCE
    lines = [(i.kind, i.themes) for i in plan.items]
    assert [kind for kind, _ in lines] == ["line"] * 4
    assert [themes[-1] for _, themes in lines] == [
        "theme:knowledge-economy",
        "theme:spatial-planning",
        "theme:labour-market",
        "theme:mobility",
    ]
    assert plan.items[3].name == "Mobiliteit als conditio sine qua non"


def test_esf_project_and_its_co_financing(model: streekbeleid.Model) -> None:
    fundings = [f for f in model.records(Funding) if f.subject == "leuven:esf-taskforce-spitsregio"]
    assert {f.funder for f in fundings if f.kind == "esf"} == {"org:esf-vlaanderen"}
    assert {f.funder for f in fundings if f.kind == "co_financing"} == {
        "leuven:steden-en-gemeenten",
        "leuven:interleuven",
        "leuven:sociale-partners",
        "org:provincie-vlaams-brabant",
    }
    project = model.get("leuven:esf-taskforce-spitsregio")
    assert model.as_of("2016-07-31").status(project.id) is Truth.NO  # call 354's partnerships began 2016-08-01


# ------------------------------------------------------------------ Burgemeestersoverleg Oost-Brabant


def test_mayors_conference_of_the_30_municipalities(model: streekbeleid.Model) -> None:
    body = model.get(MAYORS)
    assert [(g.name, g.seats) for g in body.seat_groups] == [("mayors", 30)]
    members = model.members(MAYORS, on="2020-06-01")
    assert {m.member for m in members} == arrondissement_leuven(model, "2020-06-01")
    assert {m.status for m in members} == {Truth.YES}


def test_mayors_meet_five_times_a_year(model: streekbeleid.Model) -> None:
    [rule] = model.get(MAYORS).cadence
    assert (rule.min_meetings, rule.max_meetings, rule.per) == (5, 5, "year")
    # the page describes a practice, not a rule: the rule is an inference, and says so
    assert [s.inference is not None for s in rule.sources] == [True]
    assert MAYORS in inferences(model)


def test_interleuven_dates_from_1965_by_reckoning_from_its_50th_anniversary(model: streekbeleid.Model) -> None:
    interleuven = model.get("leuven:interleuven")
    assert str(interleuven.valid.start) == "1965"
    [marked] = inferences_of(interleuven)
    assert marked.locator is not None and "50e verjaardag van Interleuven" in marked.locator
    assert "reckoned" in (marked.inference or "")


def test_interleuven_facilitates_the_mayors_since_2013(model: streekbeleid.Model) -> None:
    rel = "leuven:burgemeestersoverleg-oost-brabant/facilitated-by/interleuven"
    assert model.get(rel).object == "leuven:interleuven"
    assert model.as_of("2012-12-31").status(rel) is Truth.NO
    assert model.as_of("2014-01-01").status(rel) is Truth.YES


# ------------------------------------------------------------------ Toekomstforum Halle-Vilvoorde


def test_toekomstforum_with_its_plan_and_working_groups(model: streekbeleid.Model) -> None:
    forum = model.get(FORUM)
    assert (forum.kind, forum.region) == ("forum", "leuven:halle-vilvoorde")
    groups = {u for u, _v, k in model.graph.in_edges(FORUM, data="kind") if k == "part_of"}
    assert groups == {"leuven:themawerkgroep-werk-en-economie", "leuven:themawerkgroep-mobiliteit"}
    assert "sixth" in (model.get("leuven:themawerkgroep-werk-en-economie").description or "")
    plan = model.get("leuven:toekomstplan-halle-vilvoorde-2014")
    assert (plan.kind, str(plan.valid.start)) == ("future_plan", "2014")
    assert out_edges(model, plan.id, "facilitated_by") == {FORUM}


def test_ersv_vlaams_brabant_promotes_the_versterkt_streekbeleid_of_halle_vilvoorde(
    model: streekbeleid.Model,
) -> None:
    project = model.get("leuven:versterkt-streekbeleid-halle-vilvoorde")
    assert (project.promoter, project.region) == (ERSV, "leuven:halle-vilvoorde")
    assert model.get(project.plan).name == "Actieplan ‘Onze regio, onze toekomst’"


# ------------------------------------------------------------------ the CLI


def test_cli_regions_lists_both_regions(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["regions", "--json", "--strict", "--plugins", SLUG]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["leuven:arrondissement-leuven"]["plugin"] == SLUG
    assert rows["leuven:halle-vilvoorde"]["parts"] == "nis:23000"


def test_cli_show_renders_the_taskforce_with_its_cadence(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["show", TASKFORCE, "--plugins", SLUG, "--as-of", "2017-06-01"]) == 0
    out = capsys.readouterr().out
    assert "meets: at least 6 times a year" in out
    assert "members (40):" in out


def test_installed_cli_lists_leuven_among_all_installed_regions() -> None:
    """The entry point is registered: the console script finds the package without being told its name."""
    script = Path(sys.executable).with_name("streekbeleid")
    env = {k: v for k, v in os.environ.items() if k != "STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD"}
    done = subprocess.run([str(script), "regions", "--json"], capture_output=True, text=True, env=env, check=True)
    plugins = {row["id"]: row["plugin"] for row in json.loads(done.stdout)}
    assert plugins["leuven:arrondissement-leuven"] == SLUG


def test_both_action_plans_answer_the_flemish_call_of_the_core_catalogue(model: streekbeleid.Model) -> None:
    answering = sorted(
        s for s, _t, kind in model.graph.in_edges("core:versterkt-streekbeleid", data="kind") if kind == "implements"
    )
    assert answering == ["leuven:actieplan-halle-vilvoorde", "leuven:actieplan-spitsregio-leuven"]
