"""The analysis commands: check, members, municipalities, lineage, compare."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import pytest

import streekbeleid.assembly
from streekbeleid import (
    Actor,
    Body,
    Membership,
    Model,
    Period,
    Plan,
    PlanItem,
    Region,
    RegionPart,
    SeatAllocation,
    SeatGroup,
    Source,
)
from streekbeleid.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def handmade(build: Callable[..., Model], monkeypatch: pytest.MonkeyPatch) -> Model:
    """A small model with one error (a membership after its body ended), served to the CLI as if loaded."""
    records = [
        Region(id="x:north", name="North", parts=[RegionPart(territory="nis:70000")]),
        Region(id="x:south", name="South", parts=[RegionPart(territory="nis:24000")]),
        Body(
            id="x:resoc",
            name="RESOC North",
            kind="resoc",
            region="x:north",
            valid=Period.parse("2014-01-01/2019-12-31"),
            seat_groups=[
                SeatGroup(
                    name="employers", seats=2, voting=True, allocations=[SeatAllocation(member="org:voka", seats=2)]
                )
            ],
        ),
        Body(id="x:forum", name="Forum South", kind="forum", region="x:south"),
        Actor(id="x:jan", name="Jan", kind="other"),
        Membership(
            id="x:m1",
            organization="x:resoc",
            member="org:voka",
            seat_group="employers",
            seats=2,
            valid=Period.parse("2014-01-01/2019-12-31"),
            sources=[Source(document="ersv.txt", locator="Voka 2")],
        ),
        Membership(
            id="x:m2",
            organization="x:resoc",
            member="x:jan",
            on_behalf_of="org:unizo",
            valid=Period.parse("2021/2022"),
        ),
        Membership(id="x:m3", organization="x:forum", member="org:voka"),
        Plan(
            id="x:pact",
            name="North pact",
            kind="streekpact",
            region="x:north",
            items=[PlanItem(id="x:a", kind="action", name="Buses", themes=["theme:mobility"], lead="org:voka")],
        ),
        Plan(
            id="x:plan",
            name="South plan",
            kind="action_plan",
            region="x:south",
            themes=["theme:mobility", "theme:care"],
        ),
    ]
    model = build(*records)
    monkeypatch.setattr(streekbeleid.assembly, "load", lambda plugins=None, strict=None: model)
    return model


# ---------------------------------------------------------------- check


def test_check_of_the_core_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--plugins", "")
    assert code == 0
    # 23 + 10 resoc-coverage (5 causes x 2 days) + 2 composition (the Flanders skeleton's seat rules without members)
    assert out.strip().endswith("0 errors, 0 warnings, 35 infos")


def test_check_with_an_error_exits_1_and_says_what_is_wrong(
    capsys: pytest.CaptureFixture[str], handmade: Model
) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("error   membership-lifetime: membership Jan in RESOC North (x:m2)")
    assert "but RESOC North existed from 1 January 2014 to 31 December 2019" in first


def test_check_json_with_sources(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    code, out, _ = run(capsys, "check", "--json", "--rule", "composition", "--as-of", "2016-06-01")
    assert code == 0
    assert json.loads(out) == []
    code, out, _ = run(capsys, "check", "--json", "--rule", "membership-lifetime")
    [problem] = json.loads(out)
    assert problem["severity"] == "error" and problem["ids"] == ["x:m2", "x:resoc"]
    assert set(problem) == {"severity", "rule", "ids", "message", "sources"}


def test_check_shows_the_least_severity_asked_for(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    _code, out, _ = run(capsys, "check", "--severity", "warning")
    assert "info " not in out and "infos" in out


def test_check_of_a_region(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    code, out, _ = run(capsys, "check", "--region", "x:south", "--rule", "membership-lifetime")
    assert (code, out.strip()) == (0, "no problems found")


def test_check_with_an_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "check", "--plugins", "", "--rule", "nope")
    assert code == 2 and "unknown rule(s): nope" in err


def test_check_with_a_bad_date_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "--plugins", "", "--as-of", "2018"])
    assert info.value.code == 2
    assert "expected a full day YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "members", "municipalities", "lineage", "compare"])
def test_help_does_not_import_the_library(command: str) -> None:
    code = (
        "import sys\n"
        "from streekbeleid.cli import main\n"
        "try:\n"
        f"    main([{command!r}, '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print([m for m in ('networkx', 'cattrs', 'yaml', 'pluggy') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# ---------------------------------------------------------------- members


def test_members_on_a_date_by_seat_group(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    code, out, _ = run(capsys, "members", "x:resoc", "--as-of", "2016-06-30", "--sources")
    assert code == 0
    assert out.splitlines()[0] == "RESOC North (x:resoc) on 30 June 2016"
    row = next(line for line in out.splitlines() if line.startswith("employers"))
    assert row.split()[:4] == ["employers", "VOKA", "2", "member"] and "org:voka" not in row
    assert "yes" in row.split()  # voting right
    assert "employers: 2 filled of 2 seats" in out
    assert "ersv.txt (note: Voka 2)" in out  # not found in a document at hand: a note, not a quote


def test_members_over_time_as_json(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    code, out, _ = run(capsys, "members", "x:resoc", "--json")
    data = json.loads(out)
    assert code == 0 and data["on"] is None
    jan = next(s for s in data["seats"] if s["member"] == "x:jan")
    assert (jan["on_behalf_of"], jan["valid"], jan["status"]) == ("org:unizo", "2021/2022", "yes")
    assert data["sources"] == [{"document": "ersv.txt", "locator": "Voka 2"}]


def test_members_of_something_that_is_not_a_body_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "members", "org:voka", "--plugins", "")
    assert code == 2 and "org:voka is an actor, not a body" in err


# ---------------------------------------------------------------- municipalities


def test_municipalities_of_limburg_after_the_2019_mergers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "municipalities", "nis:70000", "--as-of", "2019-06-01", "--plugins", "")
    assert code == 0
    assert out.splitlines()[0] == "Limburg (nis:70000) on 1 June 2019: 42 municipalities"
    assert "nis:72043  Pelt" in out and "Neerpelt" not in out


def test_municipalities_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "municipalities", "refreg:REFREG15", "--as-of", "2025-06-01", "--plugins", "", "--json")
    data = json.loads(out)
    assert (code, data["count"], data["complete"]) == (0, 38, True)
    assert {"id": "nis:71072", "name": "Hasselt", "certain": True} in data["municipalities"]


def test_municipalities_of_an_unknown_region_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "municipalities", "x:nowhere", "--plugins", "")
    assert code == 2 and "unknown id 'x:nowhere'" in err


# ---------------------------------------------------------------- lineage


def test_lineage_of_a_merged_municipality(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lineage", "nis:72043", "--plugins", "")
    assert code == 0
    assert "Pelt   succeeds  Neerpelt" in out
    assert out.rstrip().splitlines()[-1].split() == [
        "Pelt",
        "nis:72043",
        "from",
        "1",
        "January",
        "2019",
    ]  # oldest first


def test_lineage_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lineage", "nis:72025", "--direction", "newer", "--plugins", "", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["links"] == [{"newer": "nis:72043", "kind": "succeeds", "older": "nis:72025", "record": "nis:72025"}]
    assert [m["id"] for m in data["members"]] == ["nis:72025", "nis:72043"]


def test_lineage_of_a_plan_without_any(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    code, out, _ = run(capsys, "lineage", "x:pact")
    assert code == 0 and "no lineage recorded" in out


# ---------------------------------------------------------------- compare


def test_compare_prints_the_theme_region_matrix(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    code, out, _ = run(capsys, "compare", "--actors")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "plans, plan items and projects per theme and region"
    assert lines[1].split() == ["theme", "North", "South"]  # names, not ids
    assert next(line for line in lines if line.startswith("Mobility")).split() == ["Mobility", "1", "1"]
    assert next(line for line in lines if line.startswith("Care")).split() == ["Care", "1"]
    assert "actors that bridge regions" in lines
    assert any(line.startswith("VOKA ") and "North, South" in line for line in lines)


def test_compare_json(capsys: pytest.CaptureFixture[str], handmade: Model) -> None:
    code, out, _ = run(capsys, "compare", "--json", "--actors")
    data = json.loads(out)
    assert code == 0
    assert data["regions"] == ["x:north", "x:south"]
    assert data["cells"]["theme:mobility"] == {"x:north": ["x:a"], "x:south": ["x:plan"]}
    assert data["actors"][0]["actor"] == "org:voka"


def test_compare_with_no_regions_at_work(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", "--plugins", "")
    assert code == 0 and "no regions with plans, bodies or projects" in out


# ---------------------------------------------------------------- the real region packages


def test_members_of_resoc_limburg(capsys: pytest.CaptureFixture[str], limburg: Model) -> None:
    code, out, _ = run(capsys, "members", "limburg:resoc", "--as-of", "2016-06-30", "--plugins", "limburg")
    assert code == 0
    assert "employers: 0 to 8 filled of 8 seats" in out  # membership dates unknown: possibly all, surely none
    assert "municipalities: 0 filled of 8 seats" in out


def test_check_of_limburg_has_no_errors(capsys: pytest.CaptureFixture[str], limburg: Model) -> None:
    code, out, _ = run(capsys, "check", "--plugins", "limburg", "--region", "limburg:limburg")
    assert code == 0 and "0 errors" in out
