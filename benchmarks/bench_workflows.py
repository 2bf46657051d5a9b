"""Benchmark of the workflow event store, side by side with raw sqlite3 in the same run.

1. Appends per second, durable (WAL, ``synchronous=FULL``, one transaction per event), through
   ``EventStore.append`` (optimistic concurrency: ``BEGIN IMMEDIATE``, version check, insert) against raw
   ``INSERT`` s of the same rows into the same schema with the same settings.  Target: at least half as fast.
2. Replay of 100,000 events (fold every instance from its rows) against reading the same rows raw.
   Target: at most twice as slow.

Run: ``.venv/bin/python benchmarks/bench_workflows.py [--events N] [--replay N]``.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from streekbeleid.model.workflow import Transition, WorkflowDefinition, WorkflowEvent, event_date
from streekbeleid.workflows import EventStore, fold
from streekbeleid.workflows.store import EVENT_COLUMNS, event_row

DEFINITION = WorkflowDefinition(
    id="bench:meetings",
    name="Meetings",
    subject_kind="body",
    states=["open", "closed"],
    initial="open",
    finals=["closed"],
    transitions=[
        Transition(name="meet", source=["open"], target="open"),
        Transition(name="close", source=["open"], target="closed"),
    ],
)
_COLUMNS = ", ".join(EVENT_COLUMNS)
_INSERT = f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
_SELECT = f"SELECT {_COLUMNS} FROM events WHERE instance = ? ORDER BY version"


def _start(instance: str) -> WorkflowEvent:
    return WorkflowEvent(instance=instance, version=1, transition="start", state="open", recorded_at="2024-01-01T00")


def _meeting(instance: str, version: int) -> WorkflowEvent:
    return WorkflowEvent(
        instance=instance,
        version=version,
        transition="meet",
        state="open",
        date=event_date("2017-03-01"),
        by="leuven:taskforce-spitsregio",
        payload={"agenda": "mobility"},
        sources=["004_9e9f5be4e711fc22.txt"],
        recorded_at="2024-01-01T00:00:00.000000+00:00",
    )


def _new_store(path: Path) -> EventStore:
    store = EventStore(path)  # WAL, synchronous=FULL
    store.create(_start("i"), definition=DEFINITION.id, subject="leuven:taskforce-spitsregio")
    return store


def bench_appends(folder: Path, n: int, repeats: int, synchronous: str = "FULL") -> tuple[float, float]:
    """Appends per second through the store and raw, in alternating blocks so that the machine's load and the
    disk's moods hit both alike; the best of ``repeats`` runs."""
    events = [_meeting("i", v) for v in range(2, n + 2)]
    rows = [event_row(e) for e in events]
    block = max(1, n // 20)
    ours: list[float] = []
    raw: list[float] = []
    for r in range(repeats):
        store = EventStore(folder / f"ours-{synchronous}-{r}.sqlite3", synchronous=synchronous)
        store.create(_start("i"), definition=DEFINITION.id, subject="leuven:taskforce-spitsregio")
        raw_path = folder / f"raw-{synchronous}-{r}.sqlite3"
        EventStore(raw_path).create(_start("i"), definition=DEFINITION.id, subject="s")  # same schema
        db = sqlite3.connect(raw_path, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA synchronous = {synchronous}")
        t_ours = t_raw = 0.0
        for start in range(0, n, block):
            t = time.perf_counter()
            for version in range(start + 1, min(start + block, n) + 1):
                store.append(events[version - 1], version)
            t_ours += time.perf_counter() - t
            t = time.perf_counter()
            for row in rows[start : start + block]:
                db.execute(_INSERT, row)  # autocommit: one transaction per row, durable as the store's
            t_raw += time.perf_counter() - t
        ours.append(n / t_ours)
        raw.append(n / t_raw)
        store.close()
        db.close()
    return max(ours), max(raw)


def _interleaved(fns: list[Callable[[], object]], repeats: int) -> list[float]:
    """The median time of each function, run in turns so that load on the machine hits all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for k, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t)
    return [statistics.median(ts) for ts in times]


def bench_replay(folder: Path, total: int, per_instance: int, repeats: int) -> tuple[float, float, float]:
    """Seconds to read ``total`` events raw, to replay (fold) them, and to read them as event objects."""
    path = folder / "replay.sqlite3"
    store = EventStore(path)
    instances = [f"taskforce-{i}" for i in range(max(1, total // per_instance))]
    with store.connection as db:  # bulk load in one transaction: the rows the engine would have written
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO instances (id, definition, subject, created_at) VALUES (?, ?, ?, ?)",
            [(i, DEFINITION.id, "leuven:taskforce-spitsregio", "2024-01-01T00") for i in instances],
        )
        db.executemany(
            _INSERT,
            (event_row(_start(i) if v == 1 else _meeting(i, v)) for i in instances for v in range(1, per_instance + 1)),
        )
    read = store.connection

    def raw() -> None:
        for i in instances:
            read.execute(_SELECT, (i,)).fetchall()

    def replay() -> None:
        for i in instances:
            fold(DEFINITION, "leuven:taskforce-spitsregio", store.rows(i))

    def as_objects() -> None:
        for i in instances:
            store.events(i)

    for fn in (raw, replay):  # warm the page cache for both alike
        fn()
    t_raw, t_replay = _interleaved([raw, replay], repeats)
    (t_objects,) = _interleaved([as_objects], 1)
    store.close()
    return t_raw, t_replay, t_objects


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=400, help="durable appends to time (default 400)")
    parser.add_argument("--replay", type=int, default=100_000, help="events to replay (default 100000)")
    parser.add_argument("--per-instance", type=int, default=1_000, help="events per instance in the replay")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each measurement")
    parser.add_argument("--dir", type=Path, help="where to put the databases (default: a temporary folder)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        ours, raw = bench_appends(folder, args.events, args.repeats)
        cpu_ours, cpu_raw = bench_appends(folder, args.events * 10, args.repeats, synchronous="OFF")
        t_raw, t_replay, t_objects = bench_replay(folder, args.replay, args.per_instance, args.repeats)

    append_ratio = ours / raw
    replay_ratio = t_replay / t_raw
    print(f"Workflows benchmark: SQLite {sqlite3.sqlite_version}, WAL, synchronous=FULL")
    print(f"appends, one durable transaction each ({args.events} events, best of {args.repeats}):")
    print(f"  raw sqlite3 INSERT          {raw:10.0f} events/s")
    print(f"  EventStore.append           {ours:10.0f} events/s")
    verdict = "ok" if append_ratio >= 0.5 else "MISSED"
    print(f"  ratio append/raw            {append_ratio:10.2f}   target >= 0.50  {verdict}")
    print(f"  without fsync (synchronous=OFF, {args.events * 10} events): the cost of the checks alone")
    print(f"    raw {cpu_raw:.0f}/s, EventStore.append {cpu_ours:.0f}/s, ratio {cpu_ours / cpu_raw:.2f}")
    events = len(range(max(1, args.replay // args.per_instance))) * args.per_instance
    print(f"replay of {events} events ({args.per_instance} per instance, median of {args.repeats}):")
    print(f"  raw SELECT ... fetchall     {t_raw:10.3f} s")
    print(f"  replay (fold)               {t_replay:10.3f} s")
    verdict = "ok" if replay_ratio <= 2 else "MISSED"
    print(f"  ratio replay/raw            {replay_ratio:10.2f}   target <= 2.00  {verdict}")
    print(f"  events as objects (history) {t_objects:10.3f} s   ({t_objects / t_raw:.2f}x raw; not a target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
