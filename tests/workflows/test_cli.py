"""``streekbeleid workflow ...``: a round trip through a store file, JSON output, clean refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import streekbeleid_limburg

from streekbeleid.cli import main

HISTORY = streekbeleid_limburg.HISTORY
PACT = "limburg:streekpact-2014-2019"


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    store = tmp_path / "store.sqlite3"

    def run(*args: str, plugins: str = "limburg") -> tuple[int, str, str]:
        code = main(["workflow", *args, "--store", str(store), "--plugins", plugins])
        out, err = capsys.readouterr()
        return code, out, err

    run.store = store  # type: ignore[attr-defined]
    return run


def test_a_round_trip_through_a_store_file(run: Any) -> None:
    code, out, _ = run("start", "core:streekpact", PACT, "--json")
    assert code == 0
    instance = json.loads(out)
    assert (instance["id"], instance["state"], instance["version"]) == (f"core:streekpact/{PACT}", "drafted", 1)
    iid = instance["id"]

    code, out, _ = run(
        "fire",
        iid,
        "approve",
        "--date",
        "2014-03-11",
        "--decision",
        f"{PACT}/goedkeuring-resoc",
        "--source",
        "000_c377e84609275225.txt | Op 11 maart 2014 keurde de RESOC-vergadering het Streekpact 2014-2019 unaniem goed",
    )
    assert (code, out.strip()) == (0, f"{iid}: approval -> approved (version 2)")  # the step's label, not its id

    code, out, _ = run(
        "fire", iid, "submit", "--date", "2014-03-11..", "--recipient", "org:agentschap-ondernemen", "--set", "copies=2"
    )
    assert code == 0 and "submission -> submitted (version 3)" in out

    code, out, _ = run("status", iid, "--json")
    status = json.loads(out)
    assert (status["state"], status["version"], status["finished"]) == ("submitted", 3, False)
    assert [n["transition"] for n in status["next"]] == ["enter_into_force", "supersede"]

    code, out, _ = run("history", iid, "--json")
    history = json.loads(out)
    assert [e["transition"] for e in history] == ["start", "approve", "submit"]
    assert history[1]["date"] == "2014-03-11"
    assert history[1]["sources"][0]["locator"].startswith("Op 11 maart 2014")
    assert history[2]["payload"] == {"copies": 2}

    code, out, _ = run("history", iid)
    assert code == 0
    assert "approval" in out
    assert f"decision: RESOC Limburg approves Streekpact 2014-2019 ({PACT}/goedkeuring-resoc)" in out
    assert "11 March 2014" in out

    code, out, _ = run("correct", iid, "3", "--reason", "sent in April", "--date", "2014-04")
    assert (code, out.strip()) == (0, f"{iid}: corrected event 3 (version 4)")
    code, out, _ = run("history", iid, "--corrected", "--json")
    assert json.loads(out)[2]["date"] == "2014-04"

    code, out, _ = run("instances", "--json")
    assert json.loads(out) == [
        {"id": iid, "definition": "core:streekpact", "subject": PACT, "state": "submitted", "version": 4}
    ]
    code, out, _ = run("audit", iid)
    assert (code, out.strip()) == (0, f"{iid}: every step still passes its guards")


def test_a_refused_step_prints_one_line_naming_the_rule(run: Any) -> None:
    run("start", "core:streekpact", PACT, "--id", "pact")
    code, out, err = run("fire", "pact", "submit", "--date", "2014", "--recipient", "org:agentschap-ondernemen")
    assert code == 2
    assert out == ""
    assert err.startswith("streekbeleid: error: transition.illegal: submission (submit) cannot fire in state drafted")
    assert "(possible now: consultation (consult), approval (approve), replacement (supersede))" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run("fire", "pact", "approve", "--date", "2014-03-11", "--decision", "limburg:lires/goedkeuring")
    assert code == 2 and "guard.decision_by_owner" in err
    code, _, err = run("fire", "pact", "consult", "--date", "2014", "--payload", "[1]")
    assert code == 2 and "payload.invalid" in err
    code, _, err = run("fire", "pact", "consult", "--date", "2014", "--expect-version", "7")
    assert code == 2 and "version.stale" in err
    code, out, _ = run("history", "pact", "--json")
    assert [e["transition"] for e in json.loads(out)] == ["start"]


def test_list_show_and_diagram(run: Any) -> None:
    code, out, _ = run("list", "--json")
    ids = [d["id"] for d in json.loads(out)]
    assert ids == ["core:streekpact", "core:subsidy-application", "limburg:lires-hefboomprojecten"]
    code, out, _ = run("list")
    assert "limburg:lires-hefboomprojecten  LIRES lever-project selection" in out
    code, out, _ = run("show", "core:streekpact")
    assert "approval (approve): drafted | in consultation -> approved" in out
    assert "states: drafted, in consultation (in_consultation), approved" in out
    assert "guard decision_by_owner: The subject is approved by the body that owns it" in out
    code, out, _ = run("show", "core:streekpact", "--json")
    assert json.loads(out)["initial"] == "drafted"
    code, out, _ = run("diagram", "limburg:lires-hefboomprojecten")
    assert "stateDiagram-v2" in out and "    [*] --> preparing" in out
    assert "    analysing --> analysing: analysis of a subregion [subregion_of_subject, parties_active]" in out
    code, out, _ = run("diagram", "core:streekpact")
    assert '    state "in consultation" as in_consultation' in out and "    drafted --> approved: approval [" in out
    code, out, _ = run("diagram", "core:streekpact", "--format", "dot")
    assert out.startswith('digraph "core:streekpact" {')
    code, _, err = run("diagram", "core:nothing")
    assert code == 2 and "definition.unknown: no workflow 'core:nothing'" in err


def test_import_replays_a_history_file(run: Any) -> None:
    code, out, _ = run("import", str(HISTORY))
    assert code == 0
    assert out.splitlines() == [
        "limburg:streekpact-2014-2019/levensloop: submitted (version 11)",
        "limburg:lires/aanvraag-versterkt-streekbeleid: running (version 4)",
        "limburg:lires/hefboomprojecten: analysing (version 2)",
    ]
    code, out, _ = run("import", str(HISTORY), "--json")
    assert [i["version"] for i in json.loads(out)] == [11, 4, 2]
    code, out, _ = run("status", "limburg:lires/hefboomprojecten")
    assert "next: analysis of a subregion (analyse_subregion) -> analysing (needs date, by, payload.subregion" in out


def test_the_default_store_is_in_the_users_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["workflow", "start", "core:streekpact", PACT, "--plugins", "limburg"]) == 0
    capsys.readouterr()
    assert (tmp_path / "streekbeleid" / "workflows.sqlite3").exists()


def test_help_does_not_import_the_library() -> None:
    code = (
        "import sys\n"
        "from streekbeleid.cli import main\n"
        "try:\n"
        "    main(['workflow', 'fire', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('networkx', 'sqlite3', 'cattrs', 'streekbeleid.workflows') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "--expect-version N" in result.stdout
    assert "HEAVY []" in result.stdout


def test_a_store_url_of_another_kind_is_one_line_and_makes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["workflow", "instances", "--store", "mysql://team@db/streekbeleid", "--plugins", ""])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("streekbeleid: error: store.url: a store at a mysql: URL is not supported")
    assert len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_workflow_runs_on_postgres_and_copy_moves_a_store_there_and_back(
    run: Any, tmp_path: Path, postgres_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    run("start", "core:streekpact", PACT, "--id", "pact", "--date", "2013")
    run("fire", "pact", "consult", "--date", "2014-01", "--note", "met de partners")
    url = postgres_server.create_database("cli_copy")

    def cli(*args: str) -> tuple[int, str, str]:
        code = main(["workflow", *args, "--plugins", "limburg"])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = cli("copy", "--from", str(run.store), "--to", url, "--json")
    assert code == 0
    assert json.loads(out)["instances"] == 1 and json.loads(out)["events"] == 2
    assert postgres_server.password not in out
    code, out, _ = cli("copy", "--from", str(run.store), "--to", url)  # twice: nothing more
    assert code == 0 and out.startswith("copied 0 events (0 new instances) from ")
    # the team goes on on PostgreSQL
    code, out, err = cli(
        "fire",
        "pact",
        "approve",
        "--date",
        "2014-03-11",
        "--decision",
        f"{PACT}/goedkeuring-resoc",
        "--store",
        url,
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["version"] == 3
    _, pg_history, _ = cli("history", "pact", "--store", url, "--json")
    # and back to a file: every event, version and recorded time
    back = tmp_path / "back.sqlite3"
    code, out, _ = cli("copy", "--from", url, "--to", str(back))
    assert code == 0 and out.startswith("copied 3 events (1 new instance) from postgresql://streekbeleid@")
    _, file_history, _ = cli("history", "pact", "--store", str(back), "--json")
    assert json.loads(file_history) == json.loads(pg_history)
    assert [e["recorded_at"] for e in json.loads(file_history)[:2]] == [
        e["recorded_at"] for e in json.loads(run("history", "pact", "--json")[1])
    ]
    code, _, err = cli("copy", "--from", str(tmp_path / "missing.sqlite3"), "--to", url)
    assert code == 2 and "store.missing" in err
    assert not (tmp_path / "missing.sqlite3").exists()
