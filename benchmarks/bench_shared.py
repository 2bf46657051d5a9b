"""Benchmark of the shared engines, each side by side with the raw client in the same run.

1. Durable appends on PostgreSQL (a server of its own, ``fsync`` on, one transaction per event) through
   ``PostgresEventStore.append`` against raw psycopg ``INSERT`` s of the same rows into the same schema with the
   same durability (autocommit: one committed transaction per row).  Target: at least 0.5x as fast.
2. Publishing the whole bundled model to Oxigraph's server (``publish_turtle``: read the old graph, PUT, count)
   against one raw Graph Store ``PUT`` of the same Turtle.  Target: at most 1.5x as slow.  Making the Turtle
   (the exporter) is timed apart: both sides send the same text.

Run: ``.venv/bin/python benchmarks/bench_shared.py [--events N] [--repeats N]`` (needs Debian's postgresql
package, and the ``bench`` extra for psycopg and Oxigraph's server).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_workflows import DEFINITION, _meeting, _start

from streekbeleid.local_servers import LocalOxigraph, LocalPostgres
from streekbeleid.workflows import open_store
from streekbeleid.workflows.store import EVENT_COLUMNS, event_row

_INSERT = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join(['%s'] * len(EVENT_COLUMNS))})"


def bench_appends(pg: LocalPostgres, n: int, repeats: int) -> tuple[float, float]:
    """Appends per second through the store and raw, in alternating blocks; the best of ``repeats`` runs."""
    import psycopg

    events = [_meeting("i", v) for v in range(2, n + 2)]
    rows = [event_row(e) for e in events]
    block = max(1, n // 20)
    ours: list[float] = []
    raw: list[float] = []
    for r in range(repeats):
        store = open_store(pg.create_database(f"ours_{r}"))
        store.create(_start("i"), definition=DEFINITION.id, subject="leuven:taskforce-spitsregio")
        raw_url = pg.create_database(f"raw_{r}")
        open_store(raw_url).create(_start("i"), definition=DEFINITION.id, subject="s")  # the same schema
        db = psycopg.connect(raw_url, autocommit=True)
        t_ours = t_raw = 0.0
        for start in range(0, n, block):
            t = time.perf_counter()
            for version in range(start + 1, min(start + block, n) + 1):
                store.append(events[version - 1], version)
            t_ours += time.perf_counter() - t
            t = time.perf_counter()
            for row in rows[start : start + block]:
                db.execute(_INSERT, row)  # autocommit: one committed transaction per row, as durable as the store's
            t_raw += time.perf_counter() - t
        ours.append(n / t_ours)
        raw.append(n / t_raw)
        store.close()
        db.close()
    return max(ours), max(raw)


def bench_publish(repeats: int) -> tuple[float, float, float, int]:
    """Seconds to publish the bundled model and to PUT the same Turtle raw (medians), and to make the Turtle."""
    import streekbeleid
    from streekbeleid.io.linked_data import turtle_of
    from streekbeleid.io.publish import DEFAULT_GRAPH, publish_turtle

    model = streekbeleid.load()
    t = time.perf_counter()
    turtle, count = turtle_of(model)  # what publish() sends
    t_export = time.perf_counter() - t
    body = turtle.encode("utf-8")
    ours: list[float] = []
    raw: list[float] = []
    with LocalOxigraph() as ox:
        store = f"{ox.endpoint}/store"
        url = f"{store}?{urllib.parse.urlencode({'graph': DEFAULT_GRAPH})}"
        publish_turtle(turtle, store, expected=count)  # both replace a full graph from here on
        for _ in range(repeats):
            t = time.perf_counter()
            request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "text/turtle"})
            urllib.request.urlopen(request, timeout=300).close()
            raw.append(time.perf_counter() - t)
            t = time.perf_counter()
            publish_turtle(turtle, store, expected=count)
            ours.append(time.perf_counter() - t)
    return statistics.median(ours), statistics.median(raw), t_export, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with LocalPostgres(durable=True) as pg:
        ours, raw = bench_appends(pg, args.events, args.repeats)
    t_ours, t_raw, t_export, triples = bench_publish(args.repeats)
    append_ratio, publish_ratio = ours / raw, t_ours / t_raw
    print("Shared engines benchmark: PostgreSQL (fsync on, synchronous_commit on), Oxigraph's server")
    print(f"durable appends, one transaction each ({args.events} events, best of {args.repeats}):")
    print(f"  raw psycopg INSERT              {raw:10.0f} events/s")
    print(f"  PostgresEventStore.append       {ours:10.0f} events/s")
    verdict = "ok" if append_ratio >= 0.5 else "MISSED"
    print(f"  ratio append/raw                {append_ratio:10.2f}   target >= 0.50  {verdict}")
    print(f"publishing the bundled model ({triples} triples, median of {args.repeats}):")
    print(f"  raw Graph Store PUT             {t_raw:10.2f} s")
    print(f"  publish_turtle (read, PUT, count){t_ours:9.2f} s")
    verdict = "ok" if publish_ratio <= 1.5 else "MISSED"
    print(f"  ratio publish/raw               {publish_ratio:10.2f}   target <= 1.50  {verdict}")
    print(f"  making the Turtle (the exporter, both sides alike) {t_export:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
