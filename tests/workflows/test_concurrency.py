"""Two (or more) processes appending to the same instance at once: one wins, the others get a clean conflict,
and no event is lost or written twice."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
from pathlib import Path
from typing import Any

import pytest

from streekbeleid import Model
from streekbeleid.model.workflow import WorkflowEvent, event_date
from streekbeleid.workflows import ConflictError, Engine, EventStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the workers are forked")

ROUNDS = 20


@pytest.fixture
def evaluated(model: Model, tmp_path: Path, today: dt.date) -> tuple[Path, str]:
    """A store file with a pact in force and evaluated once: ``evaluate`` may now repeat."""
    path = tmp_path / "store.sqlite3"
    with EventStore(path) as store:
        engine = Engine(model, store, today=today)
        pact = engine.start("core:streekpact", "t:pact").id
        engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve")
        engine.fire(pact, "submit", date="2014-06", recipient="t:agency")
        engine.fire(pact, "enter_into_force", date="2014-07")
        engine.fire(pact, "evaluate", date="2016")
    return path, pact


def _racer(path: Path, pact: str, name: str, barrier: Any, results: Any) -> None:
    """Each round: read the version, wait for the other racer, then append the next event."""
    with EventStore(path) as store:
        for _round in range(ROUNDS):
            barrier.wait()
            version = store.version(pact)
            event = WorkflowEvent(
                instance=pact,
                version=version + 1,
                transition="evaluate",
                state="evaluated",
                date=event_date("2016"),
                payload={"writer": name},
                recorded_at="t",
            )
            barrier.wait()  # both have read the same version
            try:
                store.append(event, version)
                results.put((name, "won", version + 1))
            except ConflictError as exc:
                results.put((name, exc.rule, exc.actual))
            barrier.wait()  # the round is over for both


def test_two_processes_appending_at_once_one_wins_one_conflicts(evaluated: tuple[Path, str]) -> None:
    path, pact = evaluated
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_racer, args=(path, pact, name, barrier, results)) for name in ("a", "b")]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=60) for _ in range(2 * ROUNDS)]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    won = [o for o in outcomes if o[1] == "won"]
    lost = [o for o in outcomes if o[1] != "won"]
    assert len(won) == len(lost) == ROUNDS  # exactly one winner per round
    assert {o[1] for o in lost} == {"version.stale"}
    with EventStore(path) as store:
        events = store.events(pact)
    assert [e.version for e in events] == list(range(1, 6 + ROUNDS))
    assert sorted(e.version for e in events[5:]) == sorted(v for _name, _w, v in won)
    assert [e.payload["writer"] for e in events[5:]] == [name for name, _w, _v in sorted(won, key=lambda o: o[2])]


def _appender(model: Model, path: Path, pact: str, name: str, count: int, today: dt.date, results: Any) -> None:
    """Fire ``count`` evaluations through the engine, retrying each one that meets a conflict."""
    conflicts = 0
    with EventStore(path) as store:
        engine = Engine(model, store, today=today)
        for n in range(count):
            while True:
                seen = engine.status(pact).version
                try:
                    engine.fire(pact, "evaluate", date="2016", payload={"writer": name, "n": n}, expected_version=seen)
                    break
                except ConflictError:
                    conflicts += 1
    results.put((name, conflicts))


def test_concurrent_writers_lose_and_duplicate_nothing(
    model: Model, evaluated: tuple[Path, str], today: dt.date
) -> None:
    path, pact = evaluated
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    writers, count = 4, 25
    workers = [
        ctx.Process(target=_appender, args=(model, path, pact, f"w{i}", count, today, results)) for i in range(writers)
    ]
    for w in workers:
        w.start()
    reports = [results.get(timeout=120) for _ in range(writers)]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    with EventStore(path) as store:
        events = store.events(pact)
    assert [e.version for e in events] == list(range(1, 6 + writers * count))
    written = [(e.payload["writer"], e.payload["n"]) for e in events[5:]]
    assert sorted(written) == sorted((f"w{i}", n) for i in range(writers) for n in range(count))
    assert len(set(written)) == len(written)
    # each writer's own events stay in the order it wrote them
    for i in range(writers):
        assert [n for w, n in written if w == f"w{i}"] == list(range(count))
    assert len(reports) == writers
