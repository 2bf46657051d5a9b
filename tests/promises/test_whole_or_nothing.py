"""Promise 4: whole or nothing.  A history file refused at any step stores nothing of itself.

The user can then correct the file and import it again (before, the first steps stayed, the store
refused their deletion, and the corrected import was refused as a conflict).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import streekbeleid_limburg

import streekbeleid
from streekbeleid import WorkflowError
from streekbeleid.cli import main
from streekbeleid.workflows import Engine, EventStore, record_history

LIMBURG = streekbeleid_limburg.HISTORY  # the recorded history the Limburg package ships
GOOD = "decision: limburg:streekpact-2014-2019/indiening"  # the 10th step of the first instance
BAD = "decision: limburg:lires/goedkeuring"


def _broken(tmp_path: Path) -> Path:
    text = LIMBURG.read_text(encoding="utf-8")
    assert text.count(GOOD) == 1
    path = tmp_path / "limburg.yaml"
    path.write_text(text.replace(GOOD, BAD), encoding="utf-8")
    return path


def _events(store: Path) -> int:
    with sqlite3.connect(store) as db:
        return int(db.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def test_a_history_refused_at_any_step_stores_nothing(tmp_path: Path) -> None:
    model = streekbeleid.load(plugins=["limburg"], strict=True)
    broken = _broken(tmp_path)
    store = tmp_path / "store.sqlite3"
    with EventStore(store) as events:
        engine = Engine(model, events, today=dt.date(2024, 6, 1))
        with pytest.raises(WorkflowError, match=r"\$\.instances\[0\]\.steps\[9\]"):
            record_history(engine, broken)
        assert engine.instances() == []
    assert _events(store) == 0
    broken.write_text(LIMBURG.read_text(encoding="utf-8"), encoding="utf-8")  # the user corrects the file
    with EventStore(store) as events:
        done = record_history(Engine(model, events, today=dt.date(2024, 6, 1)), broken)
    assert [i.version for i in done] == [11, 4, 2]


def test_workflow_import_of_a_refused_history_stores_nothing_and_can_be_repeated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = _broken(tmp_path)
    store = tmp_path / "store.sqlite3"
    args = ["workflow", "import", str(broken), "--store", str(store), "--plugins", "limburg"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "$.instances[0].steps[9]" in err
    assert _events(store) == 0
    broken.write_text(LIMBURG.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[0] == "limburg:streekpact-2014-2019/levensloop: submitted (version 11)"


def test_a_failed_block_inside_a_store_transaction_is_undone_alone(tmp_path: Path) -> None:
    model = streekbeleid.load(plugins=["limburg"], strict=True)
    with EventStore(tmp_path / "s.sqlite3") as events:
        engine = Engine(model, events, today=dt.date(2024, 6, 1))
        with events.transaction():
            engine.start("core:streekpact", "limburg:streekpact-2014-2019", instance_id="a")
            with pytest.raises(WorkflowError), events.transaction():
                engine.start("core:streekpact", "limburg:streekpact-2014-2019", instance_id="b")
                engine.fire("b", "no-such-transition", date="2014")
        assert [i.id for i in engine.instances()] == ["a"]
