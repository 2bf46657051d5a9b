"""The Zuid-Oost-Vlaanderen region package, read back through the public API only.

Each test states one fact of the sources (seed 003 and the domain brief) as the model answers it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import Funding, PlanItem, Relation, Territory, Theme, Truth, testing
from streekbeleid.cli import main as cli
from streekbeleid.queries import inferences
from streekbeleid.testing import assert_region_valid, sources_in

SLUG = "zuid_oost_vlaanderen"
PACT = "zuid_oost_vlaanderen:streekpact-2013-2018"
REGION = "zuid_oost_vlaanderen:zuid-oost-vlaanderen"
SEED = "003_31f4182a527d4ee1.txt"


def own_records(model: streekbeleid.Model) -> list[object]:
    return testing.own_records(model, SLUG)


def item(model: streekbeleid.Model, number: str) -> PlanItem:
    [found] = [i for i in model.get(PACT).walk() if i.number == number]
    return found


def names(items: tuple[PlanItem, ...], kind: str) -> list[str]:
    return [i.name for i in items if i.kind == kind]


# ------------------------------------------------------------------ the package as a whole


def test_loads_strictly_and_is_reported_ok(model: streekbeleid.Model) -> None:
    info = {p.name: p for p in model.plugins}[SLUG]
    assert (info.status, info.distribution) == ("ok", "streekbeleid-zuid-oost-vlaanderen")


def test_every_record_is_in_the_namespace_and_has_a_source(model: streekbeleid.Model) -> None:
    records = own_records(model)
    assert len(records) > 60
    for record in records:
        assert record.id.startswith("zuid_oost_vlaanderen:"), record.id
        assert record.sources, f"{record.id} has no source"


def test_every_seed_citation_quotes_seed_003(model: streekbeleid.Model) -> None:
    cited = [s for r in own_records(model) for s in sources_in(r) if s.document.endswith(".txt")]
    assert {s.document for s in cited} == {SEED}
    assert all(s.locator for s in cited)


def test_the_package_passes_the_contract_check() -> None:
    """Loads strictly, and no check of the library or of the plugins finds an error in it."""
    model = assert_region_valid(SLUG)
    assert {p.name: p.status for p in model.plugins}[SLUG] == "ok"


# ------------------------------------------------------------------ region and bodies


def test_the_region_is_the_arrondissements_aalst_and_oudenaarde(model: streekbeleid.Model) -> None:
    region = model.get(REGION)
    assert sorted(p.territory for p in region.parts) == ["nis:41000", "nis:45000"]
    view = model.in_region(REGION).as_of("2014-06-01")
    municipalities = [t for t in view.records(Territory) if t.level == "municipality"]
    assert municipalities
    assert {t.part_of for t in municipalities} == {"nis:41000", "nis:45000"}


def test_resoc_zov_owns_the_pact_and_covers_the_region(model: streekbeleid.Model) -> None:
    resoc = model.get("zuid_oost_vlaanderen:resoc")
    assert (resoc.kind, resoc.region) == ("resoc", REGION)
    assert model.get(PACT).owner == resoc.id
    assert model.as_of("2015-06-01").status(resoc.id) is Truth.YES


def test_resoc_zov_follows_the_general_resoc_composition(model: streekbeleid.Model) -> None:
    groups = {g.name: (g.seats, g.min_seats) for g in model.get("zuid_oost_vlaanderen:resoc").seat_groups}
    assert groups == {"employers": (8, None), "employees": (8, None), "local governments": (None, 8)}


def test_ad_hoc_working_groups_prepared_the_pact_in_2013(model: streekbeleid.Model) -> None:
    groups = model.get("zuid_oost_vlaanderen:ad-hoc-werkgroepen-streekpact")
    assert groups.kind == "working_group"
    assert {g.name for g in groups.seat_groups} == {"local governments", "regional organisations"}
    [rel] = [r for r in model.records(Relation) if r.subject == groups.id]
    assert (rel.kind, rel.object) == ("prepares_for", PACT)
    # "Proces in 2013": some time in 2013, so uncertain on a day of 2013 and certainly not outside it
    assert model.as_of("2013-06-01").status(groups.id) is Truth.UNCERTAIN
    assert model.as_of("2012-12-31").status(groups.id) is Truth.NO
    assert model.as_of("2014-01-01").status(groups.id) is Truth.NO


def test_resoc_cooperates_with_the_zorginnovatiecluster(model: streekbeleid.Model) -> None:
    targets = {
        t for _s, t, k in model.graph.out_edges("zuid_oost_vlaanderen:resoc", data="kind") if k == "cooperates_with"
    }
    assert targets == {"zuid_oost_vlaanderen:zorginnovatiecluster"}
    [start] = [i for i in item(model, "6").items if i.partners]
    # "samenwerking tussen Streekoverleg en Zorginnovatiecluster": two partners, neither named as lead
    assert start.partners == ("zuid_oost_vlaanderen:resoc", "zuid_oost_vlaanderen:zorginnovatiecluster")
    assert start.lead is None
    # "Streekoverleg" read as RESOC ZOV is an inference, and says so
    found = inferences(model)
    for rid in (start.id, "zuid_oost_vlaanderen:resoc/cooperates-with/zorginnovatiecluster"):
        assert "Streekoverleg" in found[rid][0].inference


def test_the_pact_optimises_communication_and_cooperates_with_local_governments(model: streekbeleid.Model) -> None:
    pact = model.get("zuid_oost_vlaanderen:streekpact-2013-2018")
    quotes = {s.locator for s in pact.sources}
    assert "–Optimalisatie van de communicatiestromen hierrond" in quotes
    assert "–Waar kan in wisselwerking met lokale besturen/andere regionale organisaties" in quotes
    assert "optimising the communication flows" in pact.description
    assert "in interaction with local governments and other regional organisations" in pact.description


def test_the_regional_work_was_integrated_into_solva_on_1_january_2019(model: streekbeleid.Model) -> None:
    rel = model.get("zuid_oost_vlaanderen:resoc/integrated-with/solva")
    assert (rel.kind, rel.object) == ("integrated_with", "zuid_oost_vlaanderen:solva")
    assert model.as_of("2018-12-31").status(rel.id) is Truth.NO
    assert model.as_of("2019-01-01").status(rel.id) is Truth.YES


def test_flemish_funding_stopped_on_1_august_2020(model: streekbeleid.Model) -> None:
    [funding] = [f for f in model.records(Funding) if f.subject == "zuid_oost_vlaanderen:resoc"]
    assert funding.funder == "org:vlaamse-overheid"
    assert model.as_of("2020-08-01").status(funding.id) is Truth.NO
    assert model.as_of("2020-07-31").status(funding.id) is Truth.UNCERTAIN  # its start is not in the sources


# ------------------------------------------------------------------ the pact


def test_the_pact_has_its_title_and_runs_2013_2018(model: streekbeleid.Model) -> None:
    pact = model.get(PACT)
    assert pact.title == "Duurzaam en Innovatief Werken en Ondernemen in Zuid-Oost-Vlaanderen"
    assert (pact.kind, str(pact.valid), pact.region) == ("streekpact", "2013/2018", REGION)


def test_the_pact_has_six_numbered_priorities(model: streekbeleid.Model) -> None:
    priorities = [(i.number, i.name) for i in model.get(PACT).items]
    assert priorities == [
        ("1", "Innovatieve Zorgzame Regio"),
        ("2", "Lokaal Ondernemerschap"),
        ("3", "Kwalitatief wonen"),
        ("4", "Mobiliteit"),
        ("5", "Opleiding & Werken"),
        ("6", "Zorg - Focus op ouderenzorg"),
    ]
    assert {i.kind for i in model.get(PACT).items} == {"priority"}


def test_objectives_2_1_and_2_2_sit_under_priority_2(model: streekbeleid.Model) -> None:
    assert [(i.kind, i.number, i.name) for i in item(model, "2").items] == [
        ("objective", "2.1", "Ondersteuning uitbouw lokale economie"),
        ("objective", "2.2", "Ruimtelijke omgevingsfactoren"),
    ]
    parents = {v for _u, v, k in model.graph.out_edges(item(model, "2.2").id, data="kind") if k == "part_of"}
    assert parents == {item(model, "2").id}


def test_the_actions_under_2_2(model: streekbeleid.Model) -> None:
    assert names(item(model, "2.2").items, "action") == [
        "NIMBY",
        "Website vraag/aanbod industrieterreinen in ZOV",
        "Shared working spaces",
        "Werking bedrijvencentra beter bekend maken",
    ]
    assert all("theme:space-for-business" in i.themes for i in item(model, "2.2").items)


def test_the_actions_under_2_1(model: streekbeleid.Model) -> None:
    assert names(item(model, "2.1").items, "action") == [
        "Overleg lokale economie (ambtenaren + schepenen)",
        "Workshop gemeentelijke websites optimaliseren",
        "Welk onthaalbeleid nieuwe ondernemers",
    ]


def test_every_action_on_the_slides_is_under_its_priority(model: streekbeleid.Model) -> None:
    def actions(number: str) -> int:
        return sum(1 for i in item(model, number).walk() if i.kind == "action")

    # slide 6: 5 actions, the last one naming 3 projects; slides 7-8: 3 + 4; slide 9: 5; slide 11: 3;
    # slides 14-15: 5 + 4; slide 16 has no "Acties" heading.
    assert {n: actions(n) for n in "123456"} == {"1": 8, "2": 7, "3": 5, "4": 3, "5": 9, "6": 0}


def test_the_mobility_actions(model: streekbeleid.Model) -> None:
    assert names(item(model, "4").items, "action") == [
        "Tweejaarlijks dossier mobiliteit -> basisregiovisie",
        "Dossier transport over water opvolgen voor Dender en Bovenschelde",
        "Multimodale ontsluiting bedrijventerreinen",
    ]


def test_priority_5_has_two_tracks(model: streekbeleid.Model) -> None:
    tracks = {i.name: len(i.items) for i in item(model, "5").items}
    assert tracks == {"Arbeidsmarktbeleid": 9, "Duurzaam Loopbaanbeleid en Diversiteit": 0}


def test_every_item_has_a_theme_that_resolves_to_the_shared_taxonomy(model: streekbeleid.Model) -> None:
    for plan_item in model.get(PACT).walk():
        assert plan_item.themes, plan_item.id
        for theme_id in plan_item.themes:
            theme = model.get(theme_id)
            assert isinstance(theme, Theme)
            while theme.broader:
                theme = model.get(theme.broader)
            assert theme.id.startswith("theme:")


def test_the_region_themes_are_care_themes(model: streekbeleid.Model) -> None:
    for theme_id in ("zuid_oost_vlaanderen:innovatieve-zorgzame-regio", "zuid_oost_vlaanderen:ouderenzorg"):
        assert model.get(theme_id).broader == "theme:care"


def test_theme_edges_let_regions_be_compared(model: streekbeleid.Model) -> None:
    about_mobility = {u for u, _v, k in model.graph.in_edges("theme:mobility", data="kind") if k == "about"}
    assert PACT in about_mobility
    assert item(model, "4").id in about_mobility


# ------------------------------------------------------------------ the CLI


def test_cli_regions_lists_zuid_oost_vlaanderen(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["regions", "--json", "--strict", "--plugins", SLUG]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[REGION]["plugin"] == SLUG
    assert rows[REGION]["parts"] == "nis:41000, nis:45000"


def test_cli_show_renders_the_pact_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["show", PACT, "--plugins", SLUG]) == 0
    out = capsys.readouterr().out
    assert "- objective 2.2: Ruimtelijke omgevingsfactoren" in out
    assert "- action: Website vraag/aanbod industrieterreinen in ZOV" in out


def test_installed_cli_lists_zuid_oost_vlaanderen_among_all_installed_regions() -> None:
    """The entry point is registered: the console script finds the package without being told its name."""
    script = Path(sys.executable).with_name("streekbeleid")
    env = {k: v for k, v in os.environ.items() if k != "STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD"}
    done = subprocess.run([str(script), "regions", "--json"], capture_output=True, text=True, env=env, check=True)
    plugins = {row["id"]: row["plugin"] for row in json.loads(done.stdout)}
    assert plugins["zuid_oost_vlaanderen:zuid-oost-vlaanderen"] == SLUG
