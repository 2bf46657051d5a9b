"""streekbeleid.testing, the pytest plugin for region packages: fixtures and assert_region_valid."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from streekbeleid import Body, Check, Plan, PlanItem, Problem, Region, RegionPart, Source, Theme, hookimpl
from streekbeleid.testing import assert_region_valid

GOOD = """
regions:
  - {id: goodland:region, name: Goodland, parts: [{territory: nis:13000}], sources: [a.txt]}
bodies:
  - {id: goodland:forum, name: Forum Goodland, kind: forum, region: goodland:region, sources: [a.txt]}
"""

BAD = """
bodies:
  - id: badland:forum
    name: Forum Badland
    kind: forumm
    region: badland:nowhere
  - id: badland:resoc
    name: RESOC Badland
    kind: resoc
    valid: 2019/2014-13
"""


class FilePlugin:
    def __init__(self, path: Path, checks: list[Check] | None = None) -> None:
        self.path = path
        self.checks = checks or []

    @hookimpl
    def streekbeleid_data_files(self) -> list[Path]:
        return [self.path]

    @hookimpl
    def streekbeleid_checks(self) -> list[Check]:
        return self.checks


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_region_passes_and_gives_its_model(tmp_path: Path) -> None:
    plugin = FilePlugin(write(tmp_path, "goodland.yaml", GOOD))
    model = assert_region_valid("goodland", extra=[("goodland", plugin)])
    assert model.get("goodland:forum").name == "Forum Goodland"


def test_bad_data_fails_listing_every_problem_with_file_line_and_field(tmp_path: Path) -> None:
    plugin = FilePlugin(write(tmp_path, "badland.yaml", BAD))
    with pytest.raises(pytest.fail.Exception) as failed:
        assert_region_valid("badland", extra=[("badland", plugin)])
    message = str(failed.value)
    assert message.startswith("region 'badland' does not load (DataError):")
    assert "badland/badland.yaml:5: $.bodies[0].kind" in message
    assert "badland/badland.yaml:10: $.bodies[1].valid: month out of range: 13" in message


def test_problems_found_by_the_checks_fail_the_test_with_every_problem_listed(tmp_path: Path) -> None:
    def two_errors_and_a_warning(model: Any) -> Iterator[Problem]:
        yield Problem(severity="error", rule="goodland.one", ids=["goodland:forum"], message="first error")
        yield Problem(severity="error", rule="goodland.two", message="second error")
        yield Problem(severity="warning", rule="goodland.three", message="a warning")

    check = Check(name="goodland.rules", function=two_errors_and_a_warning)
    plugin = FilePlugin(write(tmp_path, "goodland.yaml", GOOD), [check])
    with pytest.raises(pytest.fail.Exception) as failed:
        assert_region_valid("goodland", extra=[("goodland", plugin)])
    message = str(failed.value)
    assert "region 'goodland' has problems (2 errors, 1 warnings" in message
    assert "error: goodland.one: first error [goodland:forum]" in message
    assert "error: goodland.two: second error" in message
    assert "warning: goodland.three: a warning" in message


def test_warnings_fail_only_when_asked(tmp_path: Path) -> None:
    def a_warning(model: Any) -> Iterator[Problem]:
        yield Problem(severity="warning", rule="goodland.w", message="a warning")

    plugin = FilePlugin(write(tmp_path, "goodland.yaml", GOOD), [Check(name="goodland.w", function=a_warning)])
    assert_region_valid("goodland", extra=[("goodland", plugin)])
    with pytest.raises(pytest.fail.Exception, match="a warning"):
        assert_region_valid("goodland", fail_on=("error", "warning"), extra=[("goodland", plugin)])


def test_a_region_that_is_not_installed_names_what_is(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match=r"no installed plugin named 'nowhere' \(installed: "):
        assert_region_valid("nowhere")


def test_the_core_fixture_holds_the_core_catalogue_alone(streekbeleid_core: Any) -> None:
    assert [p.name for p in streekbeleid_core.plugins] == ["core"]
    assert streekbeleid_core.get("nis:71022").name == "Hasselt"


def test_the_model_factory_builds_a_fresh_manager_per_call(
    streekbeleid_make_model: Callable[..., Any], tmp_path: Path
) -> None:
    plugin = FilePlugin(write(tmp_path, "goodland.yaml", GOOD))
    first = streekbeleid_make_model(extra=[("goodland", plugin)])
    second = streekbeleid_make_model()
    assert "goodland:forum" in first and "goodland:forum" not in second


def test_the_region_fixture_asks_to_be_overridden(request: pytest.FixtureRequest) -> None:
    with pytest.raises(pytest.fail.Exception, match="override the fixture 'streekbeleid_region'"):
        request.getfixturevalue("streekbeleid_region")


class CodeOnly:
    """A region package that computes its records in code instead of reading data files."""

    source = (Source(document="codeland.txt"),)

    @hookimpl
    def streekbeleid_regions(self) -> list[Region]:
        return [Region(id="codeland:region", name="Codeland", parts=[RegionPart(territory="nis:13000")])]

    @hookimpl
    def streekbeleid_bodies(self) -> list[Body]:
        return [Body(id="codeland:forum", name="Forum", kind="forum", region="codeland:region", sources=self.source)]

    @hookimpl
    def streekbeleid_themes(self) -> list[Theme]:
        return [Theme(id="codeland:ports", name="Ports", broader="theme:logistics")]

    @hookimpl
    def streekbeleid_plans(self) -> list[Plan]:
        item = PlanItem(id="codeland:p1", kind="priority", name="Ports", themes=["codeland:ports"])
        return [Plan(id="codeland:plan", name="Plan", kind="action_plan", region="codeland:region", items=[item])]


def test_a_region_written_in_code_passes_the_contract_check() -> None:
    model = assert_region_valid("codeland", extra=[("codeland", CodeOnly())])
    assert model.get("codeland:p1").themes == ("codeland:ports",)
    assert model.origins["codeland:plan"] == "codeland"
