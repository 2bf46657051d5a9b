"""The core benchmarks (``make bench``): every figure is a ratio measured side by side in one run.

- CLI start: ``streekbeleid --version`` against ``python -c pass``.
- Loading the bundled model (core and installed regions, second run: bytecode and file cache warm)
  against the import floor ``python -c "import attrs, cattrs, pluggy, networkx, yaml"``.
- On the synthetic model (benchmarks/synthetic.py; 100,000 actors, 10,000 bodies, 1,000,000
  memberships with partial-date periods at size ``europe``):
  building the model (``Model.from_records``) against raw networkx ``add_edges_from`` of the same
  tuples, in time and in peak memory; ``members`` on a date against an indexed SQLite table holding
  the same memberships; a whole ``as_of`` slice against one plain pass over the edge list.

Each pair is timed alternately, ``--repeat`` times, and the median of the ratios is reported with its target.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PY = sys.executable
CLI = str(Path(PY).with_name("streekbeleid"))


# "Second run" means what a user's second run has: bytecode written by the first (the dependencies'
# bytecode was written by pip). Some shells set PYTHONDONTWRITEBYTECODE; the start-up runs go without it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def paired(ours: Callable[[], float], base: Callable[[], float], repeat: int) -> tuple[float, float, float]:
    """Median of ours/base over alternating runs; also the medians of each."""
    ratios, a, b = [], [], []
    for _ in range(repeat):
        x, y = ours(), base()
        a.append(x)
        b.append(y)
        ratios.append(x / y)
    return statistics.median(ratios), statistics.median(a), statistics.median(b)


def timed(fn: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        gc.collect()
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return run


# ---------------------------------------------------------------- child processes for peak memory


def child_memory(which: str, size: str) -> None:
    """Print the peak memory (bytes) of building the synthetic model one way."""
    import networkx as nx
    import synthetic

    from streekbeleid import Model

    if which == "ours":
        records = synthetic.records(size)
        gc.collect()
        tracemalloc.start()
        model = Model.from_records(records)
    else:
        rows = [(m, b, k, {"kind": "member_of", "valid": p}) for m, b, k, p in synthetic.tuples(size)]
        gc.collect()
        tracemalloc.start()
        model = nx.MultiDiGraph()
        model.add_edges_from(rows)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(peak)


def peak_memory(which: str, size: str) -> int:
    out = subprocess.run([PY, __file__, "--child", which, "--size", size], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the benchmarks


def bench_startup(repeat: int) -> list[dict[str, object]]:
    results = []
    wall([CLI, "--version"])
    r, a, b = paired(lambda: wall([CLI, "--version"]), lambda: wall([PY, "-c", "pass"]), repeat)
    results.append(row("streekbeleid --version / python -c pass", r, 4.0, a, b))
    load = [PY, "-W", "ignore", "-c", "import streekbeleid; streekbeleid.load()"]
    floor = [PY, "-c", "import attrs, cattrs, pluggy, networkx, yaml"]
    wall(load)  # the first run compiles bytecode; the target is for the second run on
    r, a, b = paired(lambda: wall(load), lambda: wall(floor), repeat)
    results.append(row("load bundled model / import floor", r, 1.5, a, b))
    return results


def bench_synthetic(size: str, repeat: int) -> list[dict[str, object]]:
    import networkx as nx
    import synthetic

    from streekbeleid import Model, Period

    results = []
    records = synthetic.records(size)
    rows = [(m, b, k, {"kind": "member_of", "valid": p}) for m, b, k, p in synthetic.tuples(size)]

    def build_ours() -> object:
        return Model.from_records(records)

    def build_raw() -> object:
        g = nx.MultiDiGraph()
        g.add_edges_from(rows)
        return g

    r, a, b = paired(timed(build_ours), timed(build_raw), repeat)
    results.append(row("build model / networkx add_edges_from (time)", r, 1.5, a, b))
    mo, mr = peak_memory("ours", size), peak_memory("raw", size)
    results.append(row("build model / networkx add_edges_from (peak memory)", mo / mr, 1.5, mo, mr, unit="B"))

    model = Model.from_records(records)
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE membership (id TEXT PRIMARY KEY, body TEXT, member TEXT, seat_group TEXT,"
        " s_lo INTEGER, s_hi INTEGER, e_lo INTEGER, e_hi INTEGER)"
    )
    db.executemany(
        "INSERT INTO membership VALUES (?, ?, ?, NULL, ?, ?, ?, ?)",
        ((k, b, m, *Period.parse(p).ordinals()) for m, b, k, p in synthetic.tuples(size)),
    )
    db.execute("CREATE INDEX membership_body ON membership (body, s_lo, e_hi)")
    db.commit()
    rng = random.Random(1)
    n_bodies = synthetic.SIZES[size][1]
    bodies = [f"syn:b{rng.randrange(n_bodies)}" for _ in range(2000)]
    day = date(2015, 6, 30)
    d = day.toordinal()
    query = (
        "SELECT id, member, CASE WHEN s_hi <= ? AND ? <= e_lo THEN 'yes' ELSE 'uncertain' END FROM membership"
        " WHERE body = ? AND s_lo <= ? AND e_hi >= ? ORDER BY seat_group, member, id"
    )

    def members_ours() -> None:
        for body in bodies:
            model.members(body, on=day)

    def members_sqlite() -> None:
        for body in bodies:
            db.execute(query, (d, d, body, d, d)).fetchall()

    r, a, b = paired(timed(members_ours), timed(members_sqlite), repeat)
    results.append(row("members on a date / indexed SQLite (2000 bodies)", r, 1.0, a, b))

    def plain_pass() -> None:
        for _ in model.graph.edges(keys=True, data=True):
            pass

    days = [date(2005 + i, 6, 30) for i in range(repeat)]
    it = iter(days * 2)

    def slice_ours() -> None:
        model.as_of(next(it))

    r, a, b = paired(timed(slice_ours), timed(plain_pass), repeat)
    results.append(row("as_of slice / one plain pass over the edges", r, 2.0, a, b))

    def slice_and_read() -> None:
        s = model.as_of(next(it))
        for _ in s.graph.edges(keys=True, data=True):
            pass

    r, a, b = paired(timed(slice_and_read), timed(plain_pass), repeat)
    results.append(row("as_of slice read whole through the networkx view / plain pass", r, None, a, b))
    return results


def row(name: str, ratio: float, target: float | None, ours: float, base: float, unit: str = "s") -> dict[str, object]:
    return {"benchmark": name, "ratio": ratio, "target": target, "ours": ours, "baseline": base, "unit": unit}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="europe", choices=["europe", "medium", "small"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", choices=["startup", "synthetic"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_memory(args.child, args.size)
        return 0
    results = []
    if args.only in (None, "startup"):
        results += bench_startup(args.repeat)
    if args.only in (None, "synthetic"):
        results += bench_synthetic(args.size, args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"size={args.size} repeat={args.repeat} python={sys.version.split()[0]}")
    for r in results:
        target = r["target"]
        verdict = "" if target is None else ("ok" if r["ratio"] <= target else "OVER TARGET")  # type: ignore[operator]
        tgt = "-" if target is None else f"<= {target}x"
        unit = r["unit"]
        fmt = (lambda v: f"{v / 1e6:.1f} MB") if unit == "B" else (lambda v: f"{v * 1000:.1f} ms")
        print(
            f"{r['benchmark']:<68} {r['ratio']:6.2f}x  target {tgt:<8} {verdict:<12}"
            f" ours {fmt(r['ours'])}, baseline {fmt(r['baseline'])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
