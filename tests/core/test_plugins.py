"""Discovery, strict and lenient loading, clashes and dangling references, with really installed plugins."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import AssemblyError, DataError, PluginError, StreekbeleidError, Truth
from streekbeleid.plugins.manager import PluginWarning, installed_plugins, make_plugin_manager


def test_installed_plugins_are_discovered_through_their_entry_points(test_plugins: Path) -> None:
    names = {ep.name for ep in installed_plugins()}
    assert {"good", "other", "broken_import", "misspelled", "clash", "dangling", "baddata"} <= names


def test_a_named_plugin_loads_with_the_core(test_plugins: Path) -> None:
    model = streekbeleid.load(plugins=["good"], strict=True)
    assert model.get("good:council").name == "Good Council"
    assert model.get("good:body").region == "good:region"  # from the data file
    assert model.get("nis:24000").name == "Leuven"  # the core catalogue is always there
    assert model.origins["good:council"] == "good"
    assert [p.name for p in model.plugins] == ["core", "good"]
    info = model.plugins[1]
    assert (info.distribution, info.version, info.status) == ("streekbeleid-test-plugins", "0.0.1", "ok")
    assert "streekbeleid_bodies" in info.hooks


def test_records_from_hooks_and_data_files_meet_in_one_graph(test_plugins: Path) -> None:
    model = streekbeleid.load(plugins=["good", "other"], strict=True)
    members = {m.member for m in model.members("good:body")}
    assert members == {"org:acv", "org:abvv"}
    assert model.graph.edges["org:voka", "good:council", "good:council/voka"]["kind"] == "member_of"


def test_unknown_plugin_names_are_an_error_listing_what_is_installed(test_plugins: Path) -> None:
    with pytest.raises(PluginError, match=r"no installed plugin named 'nope' \(installed: .*good"):
        streekbeleid.load(plugins=["nope"])


def test_a_plugin_that_fails_to_import_is_reported_and_the_rest_loads(test_plugins: Path) -> None:
    with pytest.warns(PluginWarning, match=r"plugin 'broken_import' .*broken on purpose"):
        model = streekbeleid.load(plugins=["good", "broken_import"])
    assert "good:council" in model
    status = {p.name: p.status for p in model.plugins}
    assert status == {"core": "ok", "good": "ok", "broken_import": "failed"}


def test_strict_mode_turns_a_broken_plugin_into_an_error(test_plugins: Path) -> None:
    with pytest.raises(PluginError, match="broken_import") as info:
        streekbeleid.load(plugins=["good", "broken_import"], strict=True)
    assert info.value.plugin == "broken_import"


def test_strict_mode_from_the_environment(test_plugins: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREEKBELEID_STRICT", "1")
    with pytest.raises(PluginError):
        streekbeleid.load(plugins=["broken_import"])


def test_a_misspelled_hook_fails_loudly_naming_plugin_and_hook(test_plugins: Path) -> None:
    with pytest.raises(PluginError, match=r"misspelled.*streekbeleid_actor"):
        streekbeleid.load(plugins=["misspelled"], strict=True)
    with pytest.warns(PluginWarning, match="streekbeleid_actor"):
        model = streekbeleid.load(plugins=["misspelled"])
    assert "misspelled:x" not in model


def test_a_hook_that_raises_names_the_plugin_and_the_hook(test_plugins: Path) -> None:
    with pytest.raises(PluginError, match=r"plugin 'raising' .*hook streekbeleid_bodies.*cannot reach") as info:
        streekbeleid.load(plugins=["raising"], strict=True)
    assert info.value.hook == "streekbeleid_bodies"


def test_a_hook_returning_the_wrong_type_is_refused(test_plugins: Path) -> None:
    with pytest.raises(PluginError, match=r"wrongtype.*returned dict.*expected Body"):
        streekbeleid.load(plugins=["wrongtype"], strict=True)


def test_a_clash_names_both_plugins_and_versions(test_plugins: Path) -> None:
    with pytest.raises(AssemblyError) as info:
        streekbeleid.load(plugins=["good", "clash"], strict=True)
    text = str(info.value)
    assert "'good:body' is defined by plugin 'good' (streekbeleid-test-plugins 0.0.1)" in text
    assert "and by plugin 'clash' (streekbeleid-test-plugins 0.0.1)" in text
    assert "outside its namespace (clash:)" in text


def test_in_lenient_mode_a_clash_leaves_out_the_offender_not_the_victim(test_plugins: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = streekbeleid.load(plugins=["good", "clash"])
    assert model.get("good:body").name == "Good Body"
    assert {p.name: p.status for p in model.plugins}["clash"] == "failed"
    assert any("clash" in str(w.message) for w in caught)


def test_dangling_references_are_reported_with_field_and_id(test_plugins: Path) -> None:
    with pytest.raises(AssemblyError) as info:
        streekbeleid.load(plugins=["dangling"], strict=True)
    text = str(info.value)
    assert "Membership 'dangling:m' field organization refers to unknown id 'dangling:nowhere'" in text
    assert "field member refers to unknown id 'org:vokaa'" in text


def test_a_plugin_whose_references_vanish_with_a_broken_plugin_is_left_out_too(test_plugins: Path) -> None:
    # "other" refers to good:body; with "good" absent, "other" cannot stand
    with pytest.warns(PluginWarning, match="other"):
        model = streekbeleid.load(plugins=["other"])
    assert "other:in-good" not in model.graph.graph.get("_edge_ends", {})
    assert {p.name: p.status for p in model.plugins}["other"] == "failed"


def test_bad_data_reports_every_problem_with_file_line_and_path(test_plugins: Path) -> None:
    with pytest.raises(DataError) as info:
        streekbeleid.load(plugins=["baddata"], strict=True)
    lines = str(info.value).splitlines()
    assert "baddata/bad.yaml:10: $.bodies[1].seat_groups[0].seats: expected an integer, got text 'eight'" in lines
    assert any(line.startswith("baddata/bad.yaml:15: $.memberships[0].valid: not a partial date") for line in lines)
    assert "baddata/bad.yaml:16: $.memberships[0].colour: unknown field" in " ".join(lines)
    assert len(info.value.problems) == 3


def test_autoload_can_be_disabled_by_environment(test_plugins: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD", "1")
    model = streekbeleid.load()
    assert [p.name for p in model.plugins] == ["core"]
    # named plugins still load, as with pytest's -p
    assert "good:council" in streekbeleid.load(plugins=["good"])


def test_every_call_builds_a_fresh_plugin_manager(test_plugins: Path) -> None:
    a = make_plugin_manager(["good"])
    b = make_plugin_manager(["good"])
    assert a.pm is not b.pm
    assert a.pm.get_plugin("good") is not None


def test_tracing_writes_hook_calls_to_stderr(
    test_plugins: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STREEKBELEID_TRACE_PLUGINS", "1")
    streekbeleid.load(plugins=["good"])
    assert "streekbeleid_bodies" in capsys.readouterr().err


def test_the_result_does_not_depend_on_the_order_plugins_are_named(test_plugins: Path) -> None:
    a = streekbeleid.load(plugins=["good", "other"], strict=True)
    b = streekbeleid.load(plugins=["other", "good"], strict=True)
    assert list(a.graph.nodes) == list(b.graph.nodes)
    assert list(a.graph.edges(keys=True)) == list(b.graph.edges(keys=True))


def test_membership_status_on_a_date(test_plugins: Path) -> None:
    model = streekbeleid.load(plugins=["good"], strict=True)
    on = {m.member: m.status for m in model.members("good:council", on="2019-06-01")}
    assert on == {"org:voka": Truth.UNCERTAIN}
    assert model.members("good:council", on="2020-01-01") == []


def test_a_dangling_reference_in_a_data_file_names_file_and_line(test_plugins: Path) -> None:
    with pytest.raises(AssemblyError) as info:
        streekbeleid.load(plugins=["danglingdata"], strict=True)
    assert str(info.value) == (
        "plugin 'danglingdata' (streekbeleid-test-plugins 0.0.1): danglingdata/dangling.yaml:6: "
        "Membership 'danglingdata:m' field member refers to unknown id 'org:nobody'"
    )
    with pytest.warns(PluginWarning) as caught:
        streekbeleid.load(plugins=["danglingdata"])
    text = str(caught[0].message)
    assert text.count("plugin 'danglingdata'") == 1, text


def test_package_data_files_lists_a_packages_yaml_and_json_sorted_and_refuses_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streekbeleid.plugins import package_data_files

    pkg = tmp_path / "somepkg"
    (pkg / "data").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    for name in ("b.yaml", "a.json", "notes.txt", "c.yml"):
        (pkg / "data" / name).write_text("{}")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert [f.name for f in package_data_files("somepkg")] == ["a.json", "b.yaml", "c.yml"]
    (pkg / "data" / "sub.yaml").mkdir()  # a folder is not loaded, whatever its name, and not left out unseen
    with pytest.raises(StreekbeleidError, match=r"^somepkg/data/sub\.yaml/ is a folder: only the files directly in"):
        package_data_files("somepkg")
