"""Two (or more) processes appending to the same instance at once: one wins, the others get a clean conflict,
and no event is lost or written twice; a writer killed in the middle loses nothing it was told was written.

Every test runs against SQLite and against a PostgreSQL server the tests start (fixture ``backend``)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import sys
from typing import Any

import pytest

from streekbeleid import Model
from streekbeleid.model.workflow import WorkflowEvent, event_date
from streekbeleid.workflows import ConflictError, Engine, open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the workers are forked")

ROUNDS = 20


@pytest.fixture
def evaluated(model: Model, backend: Any, today: dt.date) -> tuple[str, str]:
    """A store with a pact in force and evaluated once: ``evaluate`` may now repeat."""
    path = backend.location()
    with open_store(path) as store:
        engine = Engine(model, store, today=today)
        pact = engine.start("core:streekpact", "t:pact").id
        engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve")
        engine.fire(pact, "submit", date="2014-06", recipient="t:agency")
        engine.fire(pact, "enter_into_force", date="2014-07")
        engine.fire(pact, "evaluate", date="2016")
    return path, pact


def evaluation(pact: str, version: int, payload: dict[str, Any]) -> WorkflowEvent:
    """A repeated ``evaluate`` step of the pact, carrying its writer in the payload."""
    return WorkflowEvent(
        instance=pact,
        version=version,
        transition="evaluate",
        state="evaluated",
        date=event_date("2016"),
        payload=payload,
        recorded_at="t",
    )


def _racer(path: str, pact: str, name: str, barrier: Any, results: Any) -> None:
    """Each round: read the version, wait for the other racer, then append the next event."""
    with open_store(path) as store:
        for _round in range(ROUNDS):
            barrier.wait()
            version = store.version(pact)
            event = evaluation(pact, version + 1, {"writer": name})
            barrier.wait()  # both have read the same version
            try:
                store.append(event, version)
                results.put((name, "won", version + 1))
            except ConflictError as exc:
                results.put((name, exc.rule, exc.actual))
            barrier.wait()  # the round is over for both


def test_two_processes_appending_at_once_one_wins_one_conflicts(evaluated: tuple[str, str]) -> None:
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
    with open_store(path) as store:
        events = store.events(pact)
    assert [e.version for e in events] == list(range(1, 6 + ROUNDS))
    assert sorted(e.version for e in events[5:]) == sorted(v for _name, _w, v in won)
    assert [e.payload["writer"] for e in events[5:]] == [name for name, _w, _v in sorted(won, key=lambda o: o[2])]


def _appender(model: Model, path: str, pact: str, name: str, count: int, today: dt.date, results: Any) -> None:
    """Fire ``count`` evaluations through the engine, retrying each one that meets a conflict."""
    conflicts = 0
    with open_store(path) as store:
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
    model: Model, evaluated: tuple[str, str], today: dt.date
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
    with open_store(path) as store:
        events = store.events(pact)
    assert [e.version for e in events] == list(range(1, 6 + writers * count))
    written = [(e.payload["writer"], e.payload["n"]) for e in events[5:]]
    assert sorted(written) == sorted((f"w{i}", n) for i in range(writers) for n in range(count))
    assert len(set(written)) == len(written)
    # each writer's own events stay in the order it wrote them
    for i in range(writers):
        assert [n for w, n in written if w == f"w{i}"] == list(range(count))
    assert len(reports) == writers


def _raw_appender(path: str, pact: str, name: str, count: int, results: Any) -> None:
    """Append ``count`` events straight to the store, reading the version again after each conflict."""
    conflicts = 0
    with open_store(path) as store:
        for n in range(count):
            while True:
                version = store.version(pact)
                event = evaluation(pact, version + 1, {"writer": name, "n": n})
                try:
                    store.append(event, version)
                    break
                except ConflictError:
                    conflicts += 1
    results.put((name, conflicts))


def test_eight_processes_times_two_hundred_appends_lose_and_duplicate_nothing(evaluated: tuple[str, str]) -> None:
    path, pact = evaluated
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    writers, count = 8, 200
    workers = [ctx.Process(target=_raw_appender, args=(path, pact, f"w{i}", count, results)) for i in range(writers)]
    for w in workers:
        w.start()
    reports = [results.get(timeout=300) for _ in range(writers)]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    with open_store(path) as store:
        events = store.events(pact)
    assert [e.version for e in events] == list(range(1, 6 + writers * count))  # no gap, nothing twice
    written = [(e.payload["writer"], e.payload["n"]) for e in events[5:]]
    assert len(written) == len(set(written)) == writers * count  # 0 duplicated
    assert set(written) == {(f"w{i}", n) for i in range(writers) for n in range(count)}  # 0 lost
    assert {name for name, _conflicts in reports} == {f"w{i}" for i in range(writers)}


def _acknowledging_writer(path: str, pact: str, fd: int) -> None:
    """Append for ever; after each append returns, say its version on the pipe."""
    with open_store(path) as store:
        version = store.version(pact)
        while True:
            event = evaluation(pact, version + 1, {"n": version + 1})
            store.append(event, version)
            version += 1
            os.write(fd, f"{version}\n".encode())


def test_a_writer_killed_in_the_middle_of_appends_loses_nothing_acknowledged(
    model: Model, evaluated: tuple[str, str], today: dt.date
) -> None:
    path, pact = evaluated
    read_end, write_end = os.pipe()
    ctx = multiprocessing.get_context("fork")
    writer = ctx.Process(target=_acknowledging_writer, args=(path, pact, write_end))
    writer.start()
    os.close(write_end)
    acknowledged = 0
    buffer = b""
    with os.fdopen(read_end, "rb", buffering=0) as pipe:
        while acknowledged < 60:
            chunk = pipe.read(64)
            assert chunk, "the writer stopped before it was killed"
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            if lines:
                acknowledged = int(lines[-1])
        os.kill(writer.pid, signal.SIGKILL)  # in the middle of its appends
        writer.join(timeout=30)
        rest = pipe.read()
    acknowledged = max([acknowledged, *(int(v) for v in (buffer + rest).split(b"\n") if v)])
    assert writer.exitcode == -signal.SIGKILL
    with open_store(path) as store:
        engine = Engine(model, store, today=today)
        events = store.events(pact)
        assert len(events) >= acknowledged  # every acknowledged event is there
        assert [e.version for e in events] == list(range(1, len(events) + 1))
        assert [e.payload["n"] for e in events[5:]] == list(range(6, len(events) + 1))
        instance = engine.status(pact)  # the store replays
        assert (instance.state, instance.version) == ("evaluated", len(events))
        engine.fire(pact, "evaluate", date="2017", expected_version=instance.version)  # and takes new events
        assert store.version(pact) == len(events) + 1
