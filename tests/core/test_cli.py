"""The first CLI commands: --version, plugins, regions, show; clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from streekbeleid.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["show", "--help"]])
def test_version_and_help_do_not_import_networkx(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from streekbeleid.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('networkx', 'cattrs', 'yaml', 'pluggy') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("streekbeleid 0.")
    with pytest.raises(SystemExit) as info:  # after other options too, through argparse
        main(["--debug", "--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("streekbeleid 0.")


def test_plugins_json_lists_the_core(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins", "--plugins", "", "--json")
    assert code == 0
    (core,) = json.loads(out)
    assert core["name"] == "core" and core["distribution"] == "streekbeleid" and core["status"] == "ok"
    assert "streekbeleid_territories" in core["hooks"]


def test_plugins_shows_a_broken_plugin_and_exits_non_zero(
    capsys: pytest.CaptureFixture[str], test_plugins: Path
) -> None:
    code, out, _ = run(capsys, "plugins", "--plugins", "good,broken_import")
    assert code == 1
    assert "broken_import" in out and "failed" in out and "broken on purpose" in out


def test_regions_lists_reference_regions_with_all(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regions", "--plugins", "", "--all", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["id"] for r in rows} >= {"refreg:REFREG15", "refreg:REFREG05"}


def test_show_a_territory_with_its_successions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "nis:72043", "--plugins", "")
    assert code == 0
    assert out.splitlines()[0] == "Pelt"
    assert "Pelt succeeds Neerpelt (nis:72025)" in out


def test_show_as_of_a_date_before_it_existed_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "nis:72043", "--plugins", "", "--as-of", "2018-01-01")
    assert code == 2 and out == ""
    assert err.strip() == "streekbeleid: error: unknown id 'nis:72043' (it exists, but is not active on 1 January 2018)"


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "show", "org:vdab", "--plugins", "", "--json")
    data = json.loads(out)
    assert data["type"] == "actor" and data["record"]["name"] == "VDAB"
    assert {"kind": "part_of", "target": "org:vlaamse-overheid"} in data["out"]


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid import UnknownIdError

    with pytest.raises(UnknownIdError):
        main(["show", "nis:00000", "--plugins", "", "--debug"])


def test_a_bad_date_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["show", "nis:72043", "--plugins", "", "--as-of", "2018"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "expected a full day YYYY-MM-DD" in err


def test_common_options_work_before_and_after_the_command(
    capsys: pytest.CaptureFixture[str], test_plugins: Path
) -> None:
    from streekbeleid import PluginError

    for argv in (
        ["--strict", "regions", "--plugins", "broken_import"],
        ["regions", "--strict", "--plugins", "broken_import"],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "broken on purpose" in err
    with pytest.raises(PluginError):
        main(["--debug", "--strict", "--plugins", "broken_import", "regions"])


def test_a_left_out_plugin_is_a_readable_warning(capsys: pytest.CaptureFixture[str], test_plugins: Path) -> None:
    code, _, err = run(capsys, "regions", "--plugins", "good,broken_import")
    assert code == 0
    assert err.startswith("streekbeleid: warning: plugin 'broken_import' (streekbeleid-test-plugins 0.0.1)")
