"""The Flanders-wide skeleton (data/flanders.yaml), the coverage query and command, the resoc-coverage rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import streekbeleid
from streekbeleid import Body, Plan, Region, Relation, Territory
from streekbeleid.cli import main
from streekbeleid.queries import coverage_of, municipalities, region_coverage

DATA = Path(streekbeleid.__file__).parent / "data" / "flanders.yaml"
RECORDED = Path(__file__).parent / "sources" / "flanders_pages.txt"


def _recorded() -> dict[str, str]:
    blocks: dict[str, str] = {}
    url = None
    for line in RECORDED.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            url = line[3:].strip()
            blocks[url] = ""
        elif url is not None:
            blocks[url] += line + "\n"
    return blocks


PAGES = _recorded()


def _sources(node: object) -> list[tuple[str, str]]:
    """Every (document, locator) pair anywhere in the file."""
    found = []
    if isinstance(node, dict):
        if "document" in node and "locator" in node:
            found.append((node["document"], node["locator"]))
        for value in node.values():
            found.extend(_sources(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_sources(value))
    return found


@pytest.fixture(scope="module")
def core() -> streekbeleid.Model:
    return streekbeleid.load(plugins=[])


@pytest.fixture(scope="module")
def full() -> streekbeleid.Model:
    return streekbeleid.load()


def test_every_quoted_page_is_recorded_and_holds_the_quote() -> None:
    pairs = [(d, q) for d, q in _sources(yaml.safe_load(DATA.read_text(encoding="utf-8"))) if d.startswith("http")]
    assert len(pairs) > 40
    missing = [(d, q) for d, q in pairs if d not in PAGES or q not in PAGES[d]]
    assert missing == []


# area -> (arrondissements, or None where the sources do not list them; RESOC ids; legal vehicle; pacts)
REGIONS = {
    "antwerpen": (["nis:11000"], ["core:resoc/antwerpen"], "core:ersv/provincie-antwerpen", {"antwerpen-2009": "?/?"}),
    "mechelen": (["nis:12000"], ["core:resoc/mechelen"], None, {"mechelen-2007-2013": "2007/2013"}),
    "kempen": (None, ["core:resoc/kempen"], None, {"kempen-2013-2018": "2013/2018"}),
    "halle-vilvoorde": (
        ["nis:23000"],
        ["core:resoc/halle-vilvoorde"],
        None,
        {"halle-vilvoorde-2013-2018": "2013/2018"},
    ),
    "leuven": (["nis:24000"], ["core:resoc/leuven"], None, {"leuven-2013-2018": "2013/2018"}),
    "brugge": (["nis:31000"], ["core:resoc/brugge"], "core:ersv/west-vlaanderen", {}),
    "oostende": (["nis:35000"], ["core:resoc/oostende"], "core:ersv/west-vlaanderen", {}),
    "noord-west-vlaanderen": (["nis:31000", "nis:35000"], ["core:resoc/noord-west-vlaanderen"], None, {}),
    "westhoek": (
        ["nis:32000", "nis:33000", "nis:38000"],
        ["core:resoc/westhoek"],
        "core:ersv/west-vlaanderen",
        {"westhoek-2013-2019": "2013/2019"},
    ),
    "midden-west-vlaanderen": (
        ["nis:36000", "nis:37000"],
        ["core:resoc/midden-west-vlaanderen"],
        "core:ersv/west-vlaanderen",
        {},
    ),
    "zuid-west-vlaanderen": (
        None,
        ["core:resoc/zuid-west-vlaanderen"],
        "core:ersv/west-vlaanderen",
        {"zuid-west-vlaanderen-2013-2018": "2013/2018"},
    ),
    "waas-en-dender": (["nis:46000", "nis:42000"], ["core:resoc/waas-en-dender"], None, {}),
    "gent-en-meetjesland": (None, ["core:resoc/gent"], None, {"gent-2014-2019": "2014/2019"}),
    # bodies in region packages: the skeleton has the area only
    "zuid-oost-vlaanderen": (["nis:41000", "nis:45000"], [], None, {}),
    "limburg": (["nis:70000"], [], None, {}),
}


def _quoted(record: object) -> None:
    for source in record.sources:  # type: ignore[attr-defined]
        if source.document.startswith("http"):
            assert source.locator in PAGES[source.document], (record, source)


@pytest.mark.parametrize("slug", sorted(REGIONS))
def test_region_matches_its_sources(core: streekbeleid.Model, slug: str) -> None:
    parts, resocs, vehicle, pacts = REGIONS[slug]
    area = core.get(f"core:gebied/{slug}")
    assert isinstance(area, Region) and area.kind == "resoc-gebied"
    _quoted(area)
    if parts is None:
        assert area.parts_known is False
    else:
        assert sorted(p.territory for p in area.parts) == sorted(parts)
        for part in area.parts:
            _quoted(part)
    bodies = sorted(b.id for b in core.records(Body) if b.region == area.id and b.kind == "resoc")
    assert bodies == resocs
    for body_id in bodies:
        _quoted(core.get(body_id))
        vehicles = [r.subject for r in core.records(Relation) if r.kind == "legal_vehicle_of" and r.object == body_id]
        assert vehicles == ([vehicle] if vehicle else [])
    found = {p.id.removeprefix("core:streekpact/"): str(p.valid) for p in core.records(Plan) if p.region == area.id}
    assert found == pacts
    for plan_id in found:
        plan = core.get(f"core:streekpact/{plan_id}")
        _quoted(plan)
        years = re.findall(r"\d{4}", plan.name)
        assert all(any(y in (s.locator or "") for s in plan.sources) for y in years)


def test_packaged_bodies_are_not_defined_twice(full: streekbeleid.Model) -> None:
    resocs = [b for b in full.records(Body) if b.kind == "resoc"]
    for area in ("core:gebied/limburg", "core:gebied/zuid-oost-vlaanderen"):
        assert not [b for b in resocs if b.region == area]
    assert {"limburg:resoc", "zuid_oost_vlaanderen:resoc"} <= {b.id for b in resocs}


@pytest.mark.parametrize("day", ["2010-06-30", "2016-06-30"])
@pytest.mark.parametrize("which", ["core", "full"])
def test_coverage_answers_every_municipality(request: pytest.FixtureRequest, which: str, day: str) -> None:
    model = request.getfixturevalue(which)
    alive = [t for t in model.as_of(day).records(Territory) if t.level == "municipality"]
    assert len(alive) == 308
    for town in alive:
        answer = coverage_of(model, town.id, on=day)
        assert answer.current == (town.id,)
        assert answer.areas, town.id  # every municipality lies in some RESOC area, known or possible
        if answer.status != "known":
            assert answer.reasons, town.id


def test_coverage_follows_mergers(full: streekbeleid.Model) -> None:
    neerpelt = coverage_of(full, "nis:72025", on="2016-06-30")
    assert neerpelt.status == "known"
    assert {b.body for b in neerpelt.bodies if b.kind == "resoc"} == {"limburg:resoc"}
    pelt = coverage_of(full, "nis:72043", on="2020-06-30")
    assert [a.region for a in pelt.areas] == ["core:gebied/limburg"]
    neerpelt_2020 = coverage_of(full, "nis:72025", on="2020-06-30")
    assert neerpelt_2020.current == ("nis:72043",)
    pelt_2016 = coverage_of(full, "nis:72043", on="2016-06-30")
    assert pelt_2016.current == ("nis:72025", "nis:72029")  # before the merger: Neerpelt and Overpelt


def test_coverage_without_the_region_package_says_why(core: streekbeleid.Model) -> None:
    answer = coverage_of(core, "nis:71022", on="2016-06-30")  # Hasselt
    assert answer.status == "uncertain"
    assert [a.region for a in answer.areas] == ["core:gebied/limburg"]
    assert any("region package" in r for r in answer.reasons)


def test_coverage_of_a_known_area_and_body(core: streekbeleid.Model) -> None:
    answer = coverage_of(core, "nis:37015", on="2016-06-30")  # Tielt
    assert [a.region for a in answer.areas] == ["core:gebied/midden-west-vlaanderen"]
    assert {b.body for b in answer.bodies} == {"core:resoc/midden-west-vlaanderen", "core:serr/midden-west-vlaanderen"}
    # the area is certain; RESOC Midden-West-Vlaanderen's end is not in the sources
    assert answer.areas[0].truth.value == "yes"
    assert answer.status == "uncertain" and "the sources do not settle the day" in answer.reasons[0]


def test_region_coverage(core: streekbeleid.Model) -> None:
    answer = region_coverage(core, "core:gebied/westhoek", on="2016-06-30")
    assert len(answer.municipalities) == 18 and answer.municipalities.complete
    assert [b.body for b in answer.bodies] == ["core:resoc/westhoek"]


def test_reference_region_before_its_parts_is_incomplete(core: streekbeleid.Model) -> None:
    before = municipalities(core, "refreg:REFREG15", on="2024-06-01")
    assert len(before) == 0 and before.complete is False
    after = municipalities(core, "refreg:REFREG15", on="2025-06-01")
    assert len(after) == 38 and after.complete is True


def test_resoc_coverage_rule(core: streekbeleid.Model) -> None:
    problems = streekbeleid.check(core, rules=["resoc-coverage"])
    assert problems and all(p.severity == "info" for p in problems)
    kempen = [p for p in problems if "core:gebied/kempen" in p.ids and "30 June 2016" in p.message]
    assert kempen and "not listed in the sources" in kempen[0].message


def test_resoc_coverage_rule_finds_overlap(core: streekbeleid.Model) -> None:
    from streekbeleid.checks.coverage import resoc_coverage

    sliced = core.as_of("2016-06-30")
    assert not [p for p in resoc_coverage(sliced) if p.severity == "error"]
    # Noord-West-Vlaanderen and Brugge overlap where both certainly hold: not on a day the sources leave open
    assert all("core:gebied/brugge" not in p.ids or p.severity == "info" for p in resoc_coverage(sliced))


def test_cli_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coverage", "nis:72043", "--as-of", "2020-06-30", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["current"] == ["nis:72043"] and out["areas"][0]["id"] == "core:gebied/limburg"
    assert main(["coverage", "--region", "core:gebied/westhoek", "--as-of", "2016-06-30"]) == 0
    assert "18 municipalities" in capsys.readouterr().out
    assert main(["coverage"]) != 0
    assert "MUNICIPALITY or --region" in capsys.readouterr().err
