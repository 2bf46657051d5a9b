"""The Limburg region package, read back through the public API only.

Each test states one fact of the sources (seeds 000, 001, 002 and the domain brief) as the model answers it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import (
    Decision,
    Funding,
    Lineage,
    Meeting,
    Membership,
    Plan,
    PlanItem,
    Region,
    Tally,
    Territory,
    Truth,
    testing,
)
from streekbeleid.cli import main as cli
from streekbeleid.queries import inferences
from streekbeleid.testing import assert_region_valid, sources_in

SLUG = "limburg"
PACT = "limburg:streekpact-2014-2019"
SEEDS = {"000_c377e84609275225.txt", "001_b953762ec565c53e.txt", "002_8f0bc77d8e141880.txt"}
SOCIAL_PARTNERS = {"org:voka", "org:boerenbond", "org:unizo", "org:vkw", "org:acv", "org:abvv", "org:aclvb"}


def own_records(model: streekbeleid.Model) -> list[object]:
    return testing.own_records(model, SLUG)


def edges(model: streekbeleid.Model, source: str, kind: str) -> set[str]:
    return {t for _s, t, k in model.graph.out_edges(source, data="kind") if k == kind}


# ------------------------------------------------------------------ the package as a whole


def test_loads_strictly_and_is_reported_ok(model: streekbeleid.Model) -> None:
    info = {p.name: p for p in model.plugins}[SLUG]
    assert info.status == "ok"
    assert info.distribution == "streekbeleid-limburg"
    assert "streekbeleid_data_files" in info.hooks


def test_every_record_is_in_the_limburg_namespace_and_has_a_source(model: streekbeleid.Model) -> None:
    records = own_records(model)
    assert len(records) > 50
    for record in records:
        assert record.id.startswith("limburg:"), record.id
        assert record.sources, f"{record.id} has no source"


def test_every_seed_citation_names_a_limburg_seed_and_quotes_it(model: streekbeleid.Model) -> None:
    cited = [s for r in own_records(model) for s in sources_in(r) if s.document.endswith(".txt")]
    assert {s.document for s in cited} == SEEDS
    assert all(s.locator and len(s.locator) >= 10 for s in cited)


def test_seat_groups_and_cadence_rules_carry_sources(model: streekbeleid.Model) -> None:
    for body in model.records(streekbeleid.Body):
        if model.origins[body.id] == SLUG:
            for group in body.seat_groups:
                assert group.sources, f"{body.id} seat group {group.name}"


def test_the_package_passes_the_contract_check() -> None:
    """Loads strictly, and no check of the library or of the plugins finds an error in it."""
    model = assert_region_valid(SLUG)
    assert {p.name: p.status for p in model.plugins}[SLUG] == "ok"


# ------------------------------------------------------------------ regions


def test_limburg_is_the_province_with_its_municipalities_through_time(model: streekbeleid.Model) -> None:
    region = model.get("limburg:limburg")
    assert [p.territory for p in region.parts] == ["nis:70000"]

    def municipalities(day: str) -> int:
        view = model.in_region("limburg:limburg").as_of(day)
        return sum(1 for t in view.records(Territory) if t.level == "municipality")

    assert municipalities("2014-06-01") == 44  # the 44 of "42 van de 44 Limburgse gemeenten"
    assert municipalities("2020-06-01") < 44  # the mergers of 2019


def test_the_five_lires_subregions_exist_with_unknown_parts(model: streekbeleid.Model) -> None:
    subregions = [r for r in model.records(Region) if r.part_of == "limburg:limburg"]
    assert sorted(r.name for r in subregions) == [
        "Maasland",
        "Midden-Limburg",
        "Noord-Limburg",
        "West-Limburg",
        "Zuid-Limburg",
    ]
    for region in subregions:
        assert region.parts_known is False
        assert region.parts == ()
        assert region.kind == "deelregio"


# ------------------------------------------------------------------ ERSV, RESOC, SERR, POM


def test_resoc_seat_groups_are_8_8_8_8(model: streekbeleid.Model) -> None:
    resoc = model.get("limburg:resoc")
    seats = {g.name: g.seats for g in resoc.seat_groups}
    assert seats == {"municipalities": 8, "province": 8, "employers": 8, "employees": 8}
    assert sum(seats.values()) == 32


def test_resoc_allocations_fill_their_groups(model: streekbeleid.Model) -> None:
    groups = {g.name: g for g in model.get("limburg:resoc").seat_groups}
    alloc = {g: {a.member: a.seats for a in groups[g].allocations} for g in groups}
    assert alloc["employers"] == {"org:voka": 4, "org:boerenbond": 1, "limburg:unizo-vkw": 3}
    assert alloc["employees"] == {"org:acv": 5, "org:abvv": 2, "org:aclvb": 1}
    assert alloc["province"] == {"org:provincie-limburg": 8}
    assert alloc["municipalities"] == {}  # the eight municipal seats have no named holders
    for name in ("employers", "employees", "province"):
        assert sum(alloc[name].values()) == groups[name].seats


def test_unizo_and_vkw_share_their_three_seats_as_one_delegation(model: streekbeleid.Model) -> None:
    members = {m.member for m in model.members("limburg:unizo-vkw")}
    assert members == {"org:unizo", "org:vkw"}


def test_resoc_memberships_are_undated_so_uncertain_on_any_day(model: streekbeleid.Model) -> None:
    members = model.members("limburg:resoc", on="2016-06-30")
    assert {m.member for m in members} == {
        "org:provincie-limburg",
        "org:voka",
        "org:boerenbond",
        "limburg:unizo-vkw",
        "org:acv",
        "org:abvv",
        "org:aclvb",
    }
    assert all(m.status is Truth.UNCERTAIN for m in members)
    assert sum(m.membership.seats for m in members) == 24  # 32 minus the 8 unnamed municipal seats


def test_resoc_certainly_existed_between_the_pact_vote_and_the_lires_start(model: streekbeleid.Model) -> None:
    assert model.as_of("2014-03-11").status("limburg:resoc") is Truth.YES
    assert model.as_of("2016-06-30").status("limburg:resoc") is Truth.YES
    assert model.as_of("2010-01-01").status("limburg:resoc") is Truth.UNCERTAIN
    assert model.as_of("2025-01-01").status("limburg:resoc") is Truth.UNCERTAIN


def test_serr_has_the_social_partners_only_and_advises(model: streekbeleid.Model) -> None:
    serr = model.get("limburg:serr")
    assert {g.name: g.seats for g in serr.seat_groups} == {"employers": 8, "employees": 8}
    assert serr.decides is False


def test_ersv_supports_resoc_and_serr_and_is_integrated_with_pom(model: streekbeleid.Model) -> None:
    for body in ("limburg:resoc", "limburg:serr"):
        assert edges(model, body, "supported_by") == {"limburg:ersv"}
    assert edges(model, "limburg:ersv", "legal_vehicle_of") == {"limburg:resoc", "limburg:serr"}
    assert edges(model, "limburg:ersv", "integrated_with") == {"limburg:pom"}


def test_erik_gerits_held_the_post_of_deputy_for_economy_on_the_start_day(model: streekbeleid.Model) -> None:
    post = model.get("limburg:gedeputeerde-economie")
    assert post.organization == "org:provincie-limburg"
    assert post.label == "Gedeputeerde van Economie"
    holders = [m for m in model.members("org:provincie-limburg", on="2017-02-06") if m.membership.post == post.id]
    assert [(m.member, m.status) for m in holders] == [("limburg:erik-gerits", Truth.YES)]
    later = [m for m in model.members("org:provincie-limburg", on="2018-06-01") if m.membership.post == post.id]
    assert [m.status for m in later] == [Truth.UNCERTAIN]  # his term's end is not in the sources


def test_luc_soete_and_idea_consult_are_the_experts_of_the_start(model: streekbeleid.Model) -> None:
    experts = {
        m.member for m in model.members("limburg:lires-samenwerking", on="2017-02-06") if m.membership.role == "expert"
    }
    assert experts == {"limburg:luc-soete", "limburg:idea-consult"}
    assert model.get("limburg:idea-consult").kind == "consultancy"
    assert isinstance(model.get("limburg:luc-soete"), streekbeleid.Person)
    # the seed says only that they contributed to the start presentation: their membership is an inference
    found = inferences(model)
    for rid in ("limburg:lires-samenwerking/luc-soete", "limburg:lires-samenwerking/idea-consult"):
        assert "contributed to the presentation" in (found[rid][0].inference or "")


def test_show_marks_an_inferred_record_with_its_reasoning(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["show", "limburg:streekpact-2014-2019/indiening", "--plugins", "limburg"]) == 0
    out = capsys.readouterr().out
    assert "inferred: The seed does not say who submitted the pact" in out


def test_the_social_partners_endorsing_are_read_as_seven_organisations_an_inference(
    model: streekbeleid.Model,
) -> None:
    endorsements = [d for d in model.records(Decision) if d.kind == "endorse" and d.subject == PACT]
    assert len(endorsements) == 7
    found = inferences(model)
    assert all('"de sociale partners"' in (found[d.id][0].inference or "") for d in endorsements)
    assert "limburg:streekpact-2014-2019/goedkeuring-resoc" not in found  # what the seed says outright is not


def test_resoc_as_submitter_and_as_owner_of_the_2008_2013_pact_are_inferences(model: streekbeleid.Model) -> None:
    found = inferences(model)
    assert model.get("limburg:streekpact-2014-2019/indiening").by == "limburg:resoc"
    assert "who submitted" in (found["limburg:streekpact-2014-2019/indiening"][0].inference or "")
    assert model.get("limburg:streekpact-2008-2013").owner == "limburg:resoc"
    assert "without its owner" in (found["limburg:streekpact-2008-2013"][0].inference or "")


def test_the_pact_is_made_known_at_flemish_and_federal_level(model: streekbeleid.Model) -> None:
    pact = model.get(PACT)
    assert "makes it known at the Flemish and federal level" in (pact.description or "")
    assert any("kenbaar op het Vlaamse en federale niveau" in (s.locator or "") for s in pact.sources)


def test_lires_aims_at_the_economic_urban_capacity_of_the_regions(model: streekbeleid.Model) -> None:
    plan = model.get("limburg:lires")
    assert "economisch-stedelijke draagkracht" in (plan.description or "")
    assert any("economisch-stedelijke draagkracht" in (s.locator or "") for s in plan.sources)


# ------------------------------------------------------------------ the streekpacten


def test_the_2014_2019_pact_succeeds_the_2008_2013_pact(model: streekbeleid.Model) -> None:
    assert edges(model, PACT, "succeeds") == {"limburg:streekpact-2008-2013"}
    assert str(model.get("limburg:streekpact-2008-2013").valid) == "2008/2013"
    assert str(model.get(PACT).valid) == "2014/2019"
    assert model.get(PACT).owner == "limburg:resoc"


def test_resoc_approved_the_pact_unanimously_on_11_march_2014(model: streekbeleid.Model) -> None:
    [approval] = [d for d in model.records(Decision) if d.subject == PACT and d.kind == "approve"]
    assert approval.by == "limburg:resoc"
    assert str(approval.date) == "2014-03-11"
    assert approval.unanimous is True
    assert approval.votes is None  # the counts are not in the source
    meeting = model.get(approval.meeting)
    assert isinstance(meeting, Meeting)
    assert (meeting.body, str(meeting.date)) == ("limburg:resoc", "2014-03-11")


def test_the_social_partners_endorsed_the_pact(model: streekbeleid.Model) -> None:
    endorsements = [d for d in model.records(Decision) if d.subject == PACT and d.kind == "endorse"]
    assert {d.by for d in endorsements} == SOCIAL_PARTNERS
    assert all(d.date is None for d in endorsements)  # the seed does not date them


def test_42_of_44_municipal_councils_endorsed_without_being_named(model: streekbeleid.Model) -> None:
    [tally] = [t for t in model.records(Tally) if t.subject == PACT]
    assert (tally.kind, tally.by, tally.count, tally.out_of) == ("endorse", "municipal_council", 42, 44)
    assert tally.named == ()
    deciders = {d.by for d in model.records(Decision) if d.subject == PACT}
    assert not any(by.startswith("nis:") for by in deciders)


def test_the_pact_was_submitted_to_agentschap_ondernemen(model: streekbeleid.Model) -> None:
    [submission] = [d for d in model.records(Decision) if d.subject == PACT and d.kind == "submit"]
    assert submission.recipient == "org:agentschap-ondernemen"
    assert edges(model, submission.id, "addressed_to") == {"org:agentschap-ondernemen"}
    assert model.as_of("2014-03-10").status(submission.id) is Truth.NO  # not before the approval


def test_the_pact_themes_are_region_themes_under_core_themes(model: streekbeleid.Model) -> None:
    pact = model.get(PACT)
    broader = {t: model.get(t).broader for t in pact.themes}
    assert broader == {
        "limburg:stem-in-het-onderwijs": "theme:education",
        "limburg:toeristische-samenwerking": "theme:tourism",
    }
    item_themes = {t for item in pact.walk() for t in item.themes}
    assert item_themes == set(pact.themes)


# ------------------------------------------------------------------ SALK


def test_salk_report_and_implementation_plan_have_their_months(model: streekbeleid.Model) -> None:
    report = model.get("limburg:salk-expertenrapport")
    plan = model.get("limburg:salk-uitvoeringsplan")
    assert (report.kind, str(report.valid.start)) == ("expert_report", "2013-02")
    assert (plan.kind, str(plan.valid.start), plan.owner) == ("implementation_plan", "2013-07", "org:vlaamse-overheid")
    assert edges(model, report.id, "part_of") == edges(model, plan.id, "part_of") == {"limburg:salk"}


def test_the_pact_subscribes_to_salk_and_lires_deepens_it(model: streekbeleid.Model) -> None:
    lineage = {(r.subject, r.kind, r.object) for r in model.records(Lineage)}
    assert (PACT, "subscribes_to", "limburg:salk-uitvoeringsplan") in lineage
    assert ("limburg:lires", "deepens", "limburg:salk") in lineage


def test_salk_business_cases_map_to_core_themes(model: streekbeleid.Model) -> None:
    cases = {i.name: i.themes for i in model.get("limburg:salk").walk() if i.name.startswith("Businesscase")}
    assert cases == {
        "Businesscase maakeconomie": ("theme:industry",),
        "Businesscase logistiek": ("theme:logistics",),
        "Businesscase agrofood": ("theme:agrofood",),
        "Businesscase cleantech": ("theme:cleantech",),
    }


# ------------------------------------------------------------------ LIRES


def test_lires_answers_the_versterkt_streekbeleid_call_of_early_2016(model: streekbeleid.Model) -> None:
    call = model.get("core:versterkt-streekbeleid")
    assert (call.kind, call.owner) == ("call", "org:vlaamse-overheid")
    assert call.valid.active_on(date(2016, 2, 1)) is Truth.YES
    assert edges(model, "limburg:lires", "implements") == {call.id}


def test_lires_was_submitted_in_april_2016_by_ersv_limburg(model: streekbeleid.Model) -> None:
    [submission] = [d for d in model.records(Decision) if d.subject == "limburg:lires" and d.kind == "submit"]
    assert (submission.by, str(submission.date), submission.recipient) == (
        "limburg:ersv",
        "2016-04",
        "org:vlaamse-overheid",
    )


def test_lires_approval_at_the_end_of_june_2016_is_dated_to_the_month(model: streekbeleid.Model) -> None:
    [approval] = [d for d in model.records(Decision) if d.subject == "limburg:lires" and d.kind == "approve"]
    assert (approval.by, str(approval.date), approval.date.precision) == ("org:vlaamse-overheid", "2016-06", "month")
    assert model.as_of("2016-05-31").status(approval.id) is Truth.NO
    assert model.as_of("2016-06-29").status(approval.id) is Truth.UNCERTAIN  # "eind juni": the day is unknown
    assert model.as_of("2016-07-01").status(approval.id) is Truth.YES


def test_lires_is_one_dossier_for_39_unnamed_municipalities(model: streekbeleid.Model) -> None:
    body = model.get("limburg:lires-samenwerking")
    # the seed counts 39 municipalities in the dossier, not seats: no seat group has a seat count
    assert {g.name: (g.seats, g.min_seats) for g in body.seat_groups} == {
        "province": (None, 1),
        "municipalities": (None, None),
        "employers": (None, None),
        "employees": (None, None),
        "experts": (None, None),
    }
    [municipal] = [m for m in model.members(body.id, on="2016-06-01") if m.membership.seat_group == "municipalities"]
    assert (municipal.member, municipal.membership.seats) == ("limburg:lires-gemeenten", 39)
    assert not any(m.member.startswith("nis:") for m in model.members(body.id))


def test_the_lires_partnership_ran_at_least_as_long_as_esf_project_6297(model: streekbeleid.Model) -> None:
    body = "limburg:lires-samenwerking"
    assert model.as_of("2016-05-01").status(body) is Truth.YES  # the dossier was submitted in April 2016
    assert model.as_of("2020-10-31").status(body) is Truth.YES
    assert model.as_of("2021-06-01").status(body) is Truth.UNCERTAIN  # whether it went on is not in the sources
    assert model.as_of("2015-06-01").status(body) is Truth.UNCERTAIN  # when it began is not either


def test_lires_is_funded_by_flanders_the_province_and_the_municipalities(model: streekbeleid.Model) -> None:
    fundings = {f.kind: f for f in model.records(Funding) if f.subject == "limburg:lires"}
    assert {k: f.funder for k, f in fundings.items()} == {
        "subsidy": "org:vlaamse-overheid",
        "fund": "org:provincie-limburg",
        "co_financing": "limburg:lires-gemeenten",
    }
    subsidy = fundings["subsidy"]
    assert model.as_of("2019-07-31").status(subsidy.id) is Truth.YES  # three years from 1 August 2016
    assert model.as_of("2020-06-01").status(subsidy.id) is Truth.UNCERTAIN  # whether it ran on is unknown


def test_lires_plan_holds_the_governance_model_and_the_lever_project_agenda(model: streekbeleid.Model) -> None:
    plan: Plan = model.get("limburg:lires")
    lines = {i.name: [c.name for c in i.items] for i in plan.items}
    assert lines["Nieuw bestuurlijk model"] == [
        "Vaste samenwerkingsstructuren op het niveau van de regio's",
        "Thematische samenwerkingsstructuren die regio's met elkaar verbinden",
    ]
    agenda = lines["Strategische sociaaleconomische agendabepaling met hefboomprojecten"]
    assert any("hefboomprojecten" in name for name in agenda)
    assert all(isinstance(model.get(i.id), PlanItem) for i in plan.walk())


def test_the_lires_start_moment_is_a_meeting_on_6_february_2017(model: streekbeleid.Model) -> None:
    meeting = model.get("limburg:lires-samenwerking/startmoment-2017-02-06")
    assert isinstance(meeting, Meeting)
    assert (meeting.body, str(meeting.date)) == ("limburg:lires-samenwerking", "2017-02-06")
    starts = [m for m in model.records(Meeting) if m.body == "limburg:lires-samenwerking"]
    assert starts == [meeting]  # no meetings are invented


def test_esf_project_6297_ran_from_august_2016_to_october_2020(model: streekbeleid.Model) -> None:
    project = model.get("limburg:esf-6297")
    assert (project.reference, str(project.valid), project.plan) == ("6297", "2016-08-01/2020-10-31", "limburg:lires")
    assert model.as_of("2020-10-31").status(project.id) is Truth.YES
    assert model.as_of("2020-11-01").status(project.id) is Truth.NO


# ------------------------------------------------------------------ the graph and the CLI


def test_memberships_are_edges_of_the_graph(model: streekbeleid.Model) -> None:
    kinds = Counter(k for _u, v, k in model.graph.in_edges("limburg:resoc", data="kind"))
    assert kinds["member_of"] == 7
    data = model.graph.get_edge_data("org:voka", "limburg:resoc")
    assert [d["record"].seats for d in data.values() if isinstance(d["record"], Membership)] == [4]


def test_cli_regions_lists_limburg_and_its_subregions(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["regions", "--json", "--strict", "--plugins", SLUG]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["limburg:limburg"]["plugin"] == SLUG
    assert rows["limburg:maasland"]["parts"] == "unknown"
    assert sum(1 for r in rows.values() if r["part_of"] == "limburg:limburg") == 5


def test_cli_show_renders_resoc_legibly(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["show", "limburg:resoc", "--plugins", SLUG]) == 0
    out = capsys.readouterr().out
    assert out.startswith("RESOC Limburg\n")
    assert "seat group employers: 8" in out
    assert "VOKA (org:voka) 4" in out


def test_installed_cli_lists_limburg_among_all_installed_regions() -> None:
    """The entry point is registered: the console script finds the package without being told its name."""
    script = Path(sys.executable).with_name("streekbeleid")
    env = {k: v for k, v in os.environ.items() if k != "STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD"}
    done = subprocess.run([str(script), "regions", "--json"], capture_output=True, text=True, env=env, check=True)
    plugins = {row["id"]: row["plugin"] for row in json.loads(done.stdout)}
    assert plugins["limburg:limburg"] == SLUG
