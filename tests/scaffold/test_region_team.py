"""What a region team gets from `new-region` before it writes a fact: examples that are clearly examples (never
another region's facts), a workflow and a recorded history, and package data that ships what loads."""

from __future__ import annotations

import importlib
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from streekbeleid import Model, PluginError, WorkflowDefinition
from streekbeleid.plugins import DATA_SUFFIXES
from streekbeleid.scaffold import new_region
from streekbeleid.testing import load_region, own_records, sources_in


def _scaffolded(slug: str, folder: Path) -> tuple[Path, Any]:
    root = new_region(slug, folder, name=slug.title())
    sys.path.insert(0, str(root / "src"))
    return root, importlib.import_module(f"streekbeleid_{slug}")


@pytest.fixture
def package(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, Any]]:
    slug = request.param
    root, module = _scaffolded(slug, tmp_path)
    yield root, module
    sys.path.remove(str(root / "src"))
    for name in [m for m in sys.modules if m == module.__name__ or m.startswith(module.__name__ + ".")]:
        del sys.modules[name]


def _loaded(slug: str, module: Any) -> Model:
    return load_region(slug, extra=[(slug, module)])


@pytest.mark.parametrize("package", ["westhoek", "kempen"], indirect=True)
def test_the_examples_state_no_fact_about_any_territory(package: tuple[Path, Any]) -> None:
    root, module = package
    slug = root.name
    model = _loaded(slug, module)
    mine = own_records(model, slug)
    assert mine
    # no record of the package refers to a municipality, arrondissement or province
    touched = {v for r in mine if r.id in model.graph for _u, v in model.graph.out_edges(r.id)}
    touched |= {r.member for r in mine if hasattr(r, "member")}
    assert sorted(t for t in touched if t.startswith("nis:")) == []


@pytest.mark.parametrize("package", ["westhoek"], indirect=True)
def test_every_example_cites_the_example_source_which_says_it_is_no_source(package: tuple[Path, Any]) -> None:
    root, module = package
    model = _loaded("westhoek", module)
    example = (root / "src" / "streekbeleid_westhoek" / "sources" / "westhoek-example.txt").read_text()
    assert example.startswith("VOORBEELD - dit is geen bron.")
    assert "Turnhout" not in example and "Kempen" not in example
    cited = [s for r in own_records(model, "westhoek") for s in sources_in(r)]
    assert {s.document for s in cited} == {"westhoek-example.txt"}
    assert [s.locator for s in cited if s.locator and s.locator not in example] == []


@pytest.mark.parametrize("package", ["westhoek"], indirect=True)
def test_a_workflow_example_loads_with_the_package(package: tuple[Path, Any]) -> None:
    _root, module = package
    model = _loaded("westhoek", module)
    (mine,) = [w for w in model.workflows if isinstance(w, WorkflowDefinition) and w.id.startswith("westhoek:")]
    assert (mine.id, mine.subject_kind, mine.initial) == ("westhoek:werkgroep-cyclus", "body", "preparing")
    assert mine.untranslated() == []  # the example shows a region team where the Dutch goes


def test_the_wheel_ships_every_kind_of_data_file_that_loads(tmp_path: Path) -> None:
    root = new_region("westhoek", tmp_path)
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    shipped = pyproject["tool"]["setuptools"]["package-data"]["streekbeleid_westhoek"]
    assert sorted(f"data/*{suffix}" for suffix in DATA_SUFFIXES) == sorted(p for p in shipped if p.startswith("data/"))
    assert pyproject["build-system"]["requires"] == ["setuptools>=77"]  # the first to read `license = "..."`


@pytest.mark.parametrize("package", ["westhoek"], indirect=True)
def test_a_yml_file_loads_and_a_subfolder_of_data_is_refused_by_name(package: tuple[Path, Any]) -> None:
    root, module = package
    data = root / "src" / "streekbeleid_westhoek" / "data"
    (data / "more.yml").write_text(
        "actors:\n  - {id: westhoek:extra, name: Extra, kind: other, sources: [westhoek-example.txt]}\n"
    )
    assert _loaded("westhoek", module).get("westhoek:extra").name == "Extra"
    (data / "2016").mkdir()
    (data / "2016" / "members.yaml").write_text("memberships: []\n")
    with pytest.raises(PluginError) as caught:
        _loaded("westhoek", module)
    message = str(caught.value)
    assert "westhoek" in message and "streekbeleid_data_files" in message
    assert "streekbeleid_westhoek/data/2016/ is a folder: only the files directly in data/ are loaded" in message
