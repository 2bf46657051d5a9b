"""Promise 1: a broken region package never breaks the others.

Each hostile plugin of ``tests/plugin_fixtures`` (really installed, entry points and all) returns
something no hook should.  Lenient: the plugin is left out with one warning naming plugin and hook,
and the good plugin beside it loads.  Strict: one error naming the same.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import PluginError
from streekbeleid.cli import main
from streekbeleid.plugins.manager import PluginWarning

HOSTILE = {
    "strpaths": ("streekbeleid_data_files", "returned str 'data/region.yaml'"),
    "strpath": ("streekbeleid_data_files", "returned str 'data/region.yaml', not a list"),
    "noneitem": ("streekbeleid_bodies", "returned NoneType None; expected Body"),
    "raisinggen": ("streekbeleid_actors", "RuntimeError: the generator broke half-way"),
    "junkworkflows": ("streekbeleid_workflows", "returned dict"),
    "unreadable": ("streekbeleid_data_files", "unreadable/missing.yaml: cannot read the file"),
    "notutf8": ("streekbeleid_data_files", "notutf8/latin1.yaml: cannot read the file"),
}


@pytest.mark.parametrize("plugin", sorted(HOSTILE))
def test_a_broken_region_package_never_breaks_the_others(test_plugins: Path, plugin: str) -> None:
    hook, what = HOSTILE[plugin]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = streekbeleid.load(plugins=["good", plugin])
    mine = [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]
    assert len(mine) == 1, mine
    assert mine[0].startswith(f"plugin {plugin!r} (streekbeleid-test-plugins 0.0.1), hook {hook}: "), mine[0]
    assert what in mine[0]
    status = {p.name: p.status for p in model.plugins}
    assert status == {"core": "ok", "good": "ok", plugin: "failed"}
    assert "good:council" in model and "nis:24062" in model


@pytest.mark.parametrize("plugin", sorted(HOSTILE))
def test_in_strict_mode_a_broken_region_package_is_one_error_naming_plugin_and_hook(
    test_plugins: Path, plugin: str
) -> None:
    hook, what = HOSTILE[plugin]
    with pytest.raises((PluginError, streekbeleid.DataError)) as info:
        streekbeleid.load(plugins=["good", plugin], strict=True)
    text = str(info.value)
    assert plugin in text and what in text
    if isinstance(info.value, PluginError):
        assert (info.value.plugin, info.value.hook) == (plugin, hook)


def test_a_hook_returning_none_adds_nothing_and_is_no_error(test_plugins: Path) -> None:
    model = streekbeleid.load(plugins=["nothing"], strict=True)
    assert {p.name: p.status for p in model.plugins} == {"core": "ok", "nothing": "ok"}


def test_the_plugins_command_lists_a_broken_package_instead_of_failing(
    test_plugins: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugins", "--plugins", "good,strpaths"]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert "strpaths: plugin 'strpaths' (streekbeleid-test-plugins 0.0.1), hook streekbeleid_data_files" in out


def test_a_check_that_returns_something_other_than_problems_is_one_error_problem(test_plugins: Path) -> None:
    model = streekbeleid.load(plugins=["notproblems"], strict=True)
    problems = streekbeleid.check(model)
    mine = [p for p in problems if p.rule == "notproblems.numbers"]
    assert len(mine) == 1
    assert mine[0].severity == "error"
    assert mine[0].message == (
        "The check 'notproblems.numbers' of plugin 'notproblems' (hook streekbeleid_checks) failed: "
        "TypeError: it returned int 1, not a Problem"
    )


def test_an_entry_point_named_core_cannot_unregister_the_core_catalogue(test_plugins: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = streekbeleid.load(plugins=["core", "good"])
    texts = [str(w.message) for w in caught if issubclass(w.category, PluginWarning)]
    assert len(texts) == 1 and "takes the name of the core catalogue" in texts[0]
    assert "nis:24062" in model  # the core catalogue is still there
    assert "good:council" in model
    status = {p.name: p.status for p in model.plugins}
    assert status["core"] == "ok" and status["core@streekbeleid-test-plugins"] == "failed"
    with pytest.raises(PluginError, match="takes the name of the core catalogue"):
        streekbeleid.load(plugins=["core"], strict=True)
