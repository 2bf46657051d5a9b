"""How each path grows with the model: slopes on log-log, side by side with raw networkx (``make bench``).

Run: ``.venv/bin/python benchmarks/bench_scaling.py [--quick] [--regions 2,6,20,60,200] [--cap SECONDS]``
(igraph and rustworkx are benchmark-only dependencies: ``pip install -e '.[bench]'``).

The synthetic models are built through the public API (``Model.from_records``) and grow by whole
regions: each region has its bodies, 500 memberships with partial-date periods, local actors (a few
shared with the next region, so actors bridge regions), a streekpact with themed actions, its
adoption, a meeting per body, and a lineage link to the previous region's pact (so the lineage chain
grows with the model).  Sizes run from 2 regions (1,000 memberships) to 200 (100,000).

At every size each path is timed (the best of a few runs at small sizes, one run at large ones), and
raw networkx ``add_edges_from`` of the same memberships is timed with it: networkx itself grows a
little faster than linearly, so the yardstick of each slope is networkx's slope over the same sizes.
A path that takes more than ``--cap`` seconds at one size is not run at the larger ones; its slope
is fitted over the sizes it ran (the table says which).

One table: the operation, the size range (memberships), the fitted slope, networkx's slope over the
same sizes, the ratio to the path's peer at the largest size it ran, the target, and ``MISS`` where a
target is missed.  Peers: native JSON of the same model for the other exporters; igraph and
rustworkx asked the same question of the same memberships for members on a date; a plain scan of
the same normalised names for search; two as-of slices read whole for the diff between two days;
one raw Graph Store ``PUT`` of the same Turtle for publish to Oxigraph on disk (whose write grows
faster than the graph: that row's slope is shown, not judged; publish to Oxigraph in memory is held
to the slope target); raw networkx building for the rest.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.parse
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import networkx as nx  # noqa: E402
import synthetic  # noqa: E402

from streekbeleid import (  # noqa: E402
    Actor,
    Body,
    Decision,
    Lineage,
    Meeting,
    Membership,
    Model,
    PartialDate,
    Period,
    Plan,
    PlanItem,
    Region,
    Theme,
)

PY = sys.executable
CLI = str(Path(PY).with_name("streekbeleid"))

BODIES_PER_REGION = 5
MEMBERSHIPS_PER_REGION = 500
ACTORS_PER_REGION = 120
SHARED = 6  # actors of a region that also sit in the next region's bodies
ACTIONS_PER_PLAN = 12
THEMES = 12
DAY = date(2015, 6, 30)


# ---------------------------------------------------------------- the synthetic models


def records(n_regions: int, seed: int = 7) -> tuple[list[Any], list[tuple[str, str, str, str]]]:
    """The records of a model of ``n_regions`` regions, and its memberships as plain tuples."""
    rng = random.Random(seed)
    texts = synthetic.periods(seed)
    out: list[Any] = [Theme(id=f"theme:t{t}", name=f"Theme {t}") for t in range(THEMES)]
    tuples: list[tuple[str, str, str, str]] = []
    for r in range(n_regions):
        region = f"syn:r{r}"
        out.append(Region(id=region, name=f"Streek {r}"))
        actors = [f"syn:r{r}-a{i}" for i in range(ACTORS_PER_REGION)]
        out.extend(Actor(id=a, name=f"Partner {r}-{i}", kind="other") for i, a in enumerate(actors))
        if r > 0:  # a few actors of the previous region sit here too
            actors += [f"syn:r{r - 1}-a{i}" for i in range(SHARED)]
        bodies = [f"syn:r{r}-b{j}" for j in range(BODIES_PER_REGION)]
        out.extend(Body(id=b, name=f"Forum {r}-{j}", kind="forum", region=region) for j, b in enumerate(bodies))
        for i in range(MEMBERSHIPS_PER_REGION):
            member, body, mid = rng.choice(actors), bodies[i % BODIES_PER_REGION], f"syn:r{r}-m{i}"
            text = texts[rng.randrange(len(texts))]
            tuples.append((member, body, mid, text))
            out.append(Membership(id=mid, organization=body, member=member, valid=Period.parse(text)))
        plan = f"syn:r{r}-pact"
        items = [
            PlanItem(
                id=f"{plan}-a{k}",
                kind="action",
                name=f"Actie {k} van streek {r}",
                themes=[f"theme:t{rng.randrange(THEMES)}"],
                lead=rng.choice(actors),
            )
            for k in range(ACTIONS_PER_PLAN)
        ]
        out.append(Plan(id=plan, name=f"Streekpact {r}", kind="streekpact", region=region, items=items))
        out.append(
            Decision(id=f"{plan}-adopt", kind="adopt", by=bodies[0], subject=plan, date=PartialDate.parse("2015"))
        )
        out.extend(
            Meeting(id=f"{b}-meeting", body=b, date=PartialDate.parse(f"2015-0{1 + j}-15"))
            for j, b in enumerate(bodies)
        )
        if r > 0:
            out.append(Lineage(id=f"{plan}-succeeds", kind="succeeds", subject=plan, object=f"syn:r{r - 1}-pact"))
    return out, tuples


# ---------------------------------------------------------------- timing


def best(fn: Callable[[], object], budget: float = 0.4, most: int = 5) -> float:
    """The best time of ``fn`` over a few runs (one run when a run takes longer than ``budget``)."""
    times: list[float] = []
    while len(times) < most:
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if sum(times) > budget:
            break
    return min(times)


def slope(xs: list[float], ys: list[float]) -> float:
    """The least-squares slope of log(y) on log(x)."""
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-9)) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    den = sum((a - mx) ** 2 for a in lx)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / den if den else float("nan")


@dataclass
class Path_:
    """One path measured at growing sizes, with its peer and its targets."""

    name: str
    run: Callable[[Any], object]
    peer: Callable[[Any], object] | None = None
    peer_name: str = "networkx build"
    max_ratio: float | None = None  # to the peer, at the largest size
    flat: bool = False  # the target is a slope of at most 0.1 (one region's report)
    slope_target: bool = True  # the slope at most networkx's + 0.1
    warm: bool = False  # run (and the peer) once untimed first: the model's indexes (built once per model) are built
    server_sizes: bool = False  # its server's write decides how far it can go: --publish-regions, --publish-cap
    regions: list[int] | None = None  # its own sizes (in regions), where not the run's
    cap: float | None = None  # its own cap (seconds), where not the run's
    times: dict[int, float] = field(default_factory=dict)
    peers: dict[int, float] = field(default_factory=dict)
    peaks: dict[int, float] = field(default_factory=dict)  # MB at the most (tracemalloc), one more run


@dataclass
class Sized:
    """A model of one size and what the paths need of it."""

    n: int  # memberships
    regions: int
    model: Model
    tuples: list[tuple[str, str, str, str]]
    out: Path
    cache: dict[str, Any] = field(default_factory=dict)


def nx_build(s: Sized) -> object:
    g = nx.MultiDiGraph()
    g.add_edges_from((m, b, k, {"kind": "member_of", "valid": p}) for m, b, k, p in s.tuples)
    return g


# ---------------------------------------------------------------- the paths


def _exporter(fmt: str) -> Callable[[Sized], object]:
    def run(s: Sized) -> object:
        from streekbeleid.io import write

        target = s.out / ("csv" if fmt == "csv" else f"model.{fmt}")
        return write(s.model, fmt, target)

    return run


def _native(s: Sized) -> object:
    from streekbeleid.io import write_json

    return write_json(s.model, s.out / "peer.json")


def _check(s: Sized) -> object:
    from streekbeleid import check

    return check(s.model)


def _report_all(s: Sized) -> object:
    from streekbeleid.report import write_report

    return write_report(s.model, s.out / "report", regions=[f"syn:r{r}" for r in range(s.regions)], problems=[])


def _report_one(s: Sized) -> object:
    from streekbeleid.report import write_report

    return write_report(s.model, s.out / "report-one", regions=["syn:r0"], problems=[])


def _compare(s: Sized) -> object:
    from streekbeleid.queries import theme_matrix

    return theme_matrix(s.model)


def _compare_actors(s: Sized) -> object:
    from streekbeleid.queries import bridging_actors

    return bridging_actors(s.model)


def _lineage(s: Sized) -> object:
    from streekbeleid.queries import lineage

    return lineage(s.model, f"syn:r{s.regions - 1}-pact")


def _bodies(s: Sized) -> list[str]:
    rng = random.Random(1)
    bodies = sorted({b for _m, b, _k, _p in s.tuples})
    return [rng.choice(bodies) for _ in range(2000)]


def _cached_bodies(s: Sized) -> list[str]:
    """The bodies asked about, chosen once per size (untimed after the first run: not the question's cost)."""
    if "bodies" not in s.cache:
        s.cache["bodies"] = _bodies(s)
    bodies: list[str] = s.cache["bodies"]
    return bodies


def _members(s: Sized) -> object:
    model = s.model
    for body in _cached_bodies(s):
        model.members(body, on=DAY)
    return None


def _igraph_members(s: Sized) -> object:
    """The same question of igraph: each body's in-edges on the day, yes or uncertain, sorted the same way."""
    if "igraph" not in s.cache:
        import igraph

        names = sorted({x for m, b, _k, _p in s.tuples for x in (m, b)})
        index = {n: i for i, n in enumerate(names)}
        g = igraph.Graph(n=len(names), directed=True, edges=[(index[m], index[b]) for m, b, _k, _p in s.tuples])
        g.vs["name"] = names
        g.es["id"] = [k for _m, _b, k, _p in s.tuples]
        g.es["member"] = [m for m, _b, _k, _p in s.tuples]
        g.es["ordinals"] = [Period.parse(p).ordinals() for _m, _b, _k, p in s.tuples]
        s.cache["igraph"] = (g, index, g.es["id"], g.es["member"], g.es["ordinals"])
    g, index, ids, members, ordinals = s.cache["igraph"]
    d = DAY.toordinal()
    for body in _cached_bodies(s):
        out = []
        for e in g.incident(index[body], mode="in"):
            s_lo, s_hi, e_lo, e_hi = ordinals[e]
            if s_lo <= d <= e_hi:
                out.append(("", members[e], ids[e], s_hi <= d <= e_lo))
        out.sort()
    return None


def _rustworkx_members(s: Sized) -> object:
    """The same question of rustworkx: in-edges with their payloads, filtered and sorted."""
    if "rustworkx" not in s.cache:
        import rustworkx as rx

        g = rx.PyDiGraph(multigraph=True)
        names = sorted({x for m, b, _k, _p in s.tuples for x in (m, b)})
        index = dict(zip(names, g.add_nodes_from(names), strict=True))
        g.add_edges_from(
            [(index[m], index[b], (k, m, Period.parse(p).ordinals())) for m, b, k, p in s.tuples]  # type: ignore[misc]
        )
        s.cache["rustworkx"] = (g, index)
    g, index = s.cache["rustworkx"]
    d = DAY.toordinal()
    for body in _cached_bodies(s):
        out = []
        for _u, _v, (k, m, (s_lo, s_hi, e_lo, e_hi)) in g.in_edges(index[body]):
            if s_lo <= d <= e_hi:
                out.append(("", m, k, s_hi <= d <= e_lo))
        out.sort()
    return None


QUERIES = ("streek 7", "partner 1-2", "forum", "actie 3", "strek", "zzz")


def _search(s: Sized) -> object:
    from streekbeleid.model.search import search

    search(s.model, "warm")  # the index is built once per model, like the period index
    return [search(s.model, q, limit=None) for q in QUERIES]


def _scan(s: Sized) -> object:
    """A plain scan of the same normalised names for the same texts: which names contain the text."""
    from streekbeleid.model.phrasing import record_name
    from streekbeleid.model.search import normalise

    if "names" not in s.cache:
        graph = s.model.graph
        s.cache["names"] = [(rid, normalise(record_name(rec, rid))) for rid, rec in graph.nodes(data="record")]
    names = s.cache["names"]
    return [[rid for rid, n in names if normalise(q) in n] for q in QUERIES]


def _diff(s: Sized) -> object:
    from streekbeleid.queries.changes import changes

    return changes(s.model, "2012-01-01", "2018-06-30")


def _two_slices(s: Sized) -> object:
    out = []
    for day in (date(2012, 1, 1), date(2018, 6, 30)):
        sl = s.model.as_of(day)
        out.append((list(sl.graph.nodes), list(sl.edge_records())))
    return out


def _harvest(s: Sized) -> object:
    """Harvest the model's own decisions back from its Turtle (read by rdflib once per size, untimed)."""
    from streekbeleid.io.harvest import harvest, read_publications
    from streekbeleid.io.linked_data import write_turtle

    if "harvested" not in s.cache:
        path = s.out / "harvest.ttl"
        write_turtle(s.model, path)
        s.cache["harvested"] = read_publications([path])
    return harvest(s.cache["harvested"], s.model, namespace="syn")


_SERVERS = ExitStack()


def _store(*, on_disk: bool) -> str | None:
    """A local Oxigraph server's Graph Store endpoint, on disk or in memory, started once each.

    None where Oxigraph is not installed.  On disk, Oxigraph keeps its data in RocksDB, whose
    replacing of a graph grows faster than the graph (a raw ``PUT`` shows it); in memory it
    grows linearly, so there publish's slope is publish's own.
    """
    key = "disk" if on_disk else "memory"
    if key not in _STORE:
        try:
            from streekbeleid.local_servers import LocalOxigraph

            server = _SERVERS.enter_context(LocalOxigraph(in_memory=not on_disk))
            _STORE[key] = f"{server.endpoint}/store"
        except Exception as exc:  # noqa: BLE001 (any reason the server cannot start: the path is skipped)
            print(f"  publish ({key}) not measured: {exc}", file=sys.stderr)
            _STORE[key] = None
    return _STORE[key]


_STORE: dict[str, str | None] = {}


def _publisher(*, on_disk: bool) -> Callable[[Sized], object]:
    def run(s: Sized) -> object:
        from streekbeleid.io.publish import publish

        store = _store(on_disk=on_disk)
        return publish(s.model, store, timeout=900) if store else None

    return run


def _publish_ours(s: Sized) -> object:
    """Publish's own steps without the server's write: the Turtle (to its file), reading the old graph back (to
    its file), the count."""
    from streekbeleid.io.linked_data import turtle_to
    from streekbeleid.io.publish import _SPOOL, DEFAULT_GRAPH, _Client, _query_endpoint

    store = _store(on_disk=False)
    if store is None:
        return None
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as body:
        turtle_to(s.model, body)
    client = _Client(store, DEFAULT_GRAPH, _query_endpoint(store), 900, {})
    old = client.read()
    if old is not None:
        old.close()
    return client.count()


def _raw_put(s: Sized) -> object:
    """One raw Graph Store PUT of the same Turtle to the store on disk (the Turtle made once per size, untimed)."""
    from streekbeleid.io.linked_data import turtle_of
    from streekbeleid.io.publish import DEFAULT_GRAPH

    store = _store(on_disk=True)
    if store is None:
        return None
    if "turtle" not in s.cache:
        s.cache["turtle"] = turtle_of(s.model)[0].encode("utf-8")
    url = f"{store}?{urllib.parse.urlencode({'graph': DEFAULT_GRAPH})}"
    request = urllib.request.Request(url, data=s.cache["turtle"], method="PUT", headers={"Content-Type": "text/turtle"})
    urllib.request.urlopen(request, timeout=900).close()
    return None


def _peak(p: Path_, last: int) -> str:
    """The peak memory at the largest size traced; ``*`` when that is not the largest size timed."""
    if not p.peaks:
        return f"{'':>8}"
    n = max(p.peaks)
    return f"{p.peaks[n]:7.1f}{'*' if n != last else ' '}"


def peak_mb(fn: Callable[[], object]) -> float:
    """The most memory ``fn`` holds at once (tracemalloc's peak), in MB."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def paths() -> list[Path_]:
    native = "native JSON"
    return [
        Path_("export json", _exporter("json")),
        Path_("export popolo", _exporter("popolo"), _native, native),
        Path_("export turtle", _exporter("turtle"), _native, native, max_ratio=3.0),
        Path_("export jsonld", _exporter("jsonld"), _native, native, max_ratio=3.0),
        Path_("export graphml", _exporter("graphml"), _native, native),
        Path_("export mermaid (whole model)", _exporter("mermaid"), _native, native),
        Path_("export dot (whole model)", _exporter("dot"), _native, native),
        Path_("export csv", _exporter("csv"), _native, native),
        Path_("check", _check),
        Path_("report, every region", _report_all),
        Path_("report, one region", _report_one, flat=True, slope_target=False, warm=True),
        Path_("compare (theme matrix)", _compare),
        Path_("compare --actors", _compare_actors),
        Path_("lineage of the pacts' chain", _lineage),
        Path_("members on a date (2000 bodies)", _members, _igraph_members, "igraph", max_ratio=1.0),
        Path_("members on a date (2000 bodies)", _members, _rustworkx_members, "rustworkx", max_ratio=1.0),
        Path_("search (6 texts, index warm)", _search, _scan, "plain scan", max_ratio=2.0, warm=True),
        Path_("diff between two days", _diff, _two_slices, "two as-of slices", max_ratio=2.0),
        Path_("harvest (the model's own Turtle)", _harvest),
        Path_("publish (Oxigraph in memory)", _publisher(on_disk=False)),
        Path_(
            "publish (Oxigraph on disk)",
            _publisher(on_disk=True),
            _raw_put,
            "raw PUT, on disk",
            max_ratio=1.5,
            slope_target=False,  # RocksDB's: the raw PUT beside it grows as fast (docs/performance.md)
            server_sizes=True,
        ),
        Path_("publish, our side (Turtle, read, count)", _publish_ours),
    ]


# ---------------------------------------------------------------- the bundled model's Turtle export


def bundled_turtle(repeat: int) -> tuple[float, float]:
    """``export --format turtle`` on the bundled model against the import floor, second runs, median ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        export = [CLI, "export", "--format", "turtle", "-o", str(Path(tmp) / "model.ttl")]
        floor = [PY, "-c", "import attrs, cattrs, pluggy, networkx, yaml"]

        def wall(cmd: list[str]) -> float:
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - start

        wall(export)
        ratios = []
        for _ in range(repeat):
            a, b = wall(export), wall(floor)
            ratios.append(a / b)
        return statistics.median(ratios), a


# ---------------------------------------------------------------- the table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regions", default="2,6,20,60,200", help="model sizes, in regions of 500 memberships")
    parser.add_argument("--quick", action="store_true", help="2, 6 and 20 regions only")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds: a path slower than this stops growing")
    parser.add_argument("--only", help="run only the paths whose name contains this text")
    parser.add_argument(
        "--publish-regions",
        default="1,2,6,20,60,100",
        help="publish's sizes on disk, in regions (its server's cost decides how far it can go: see --publish-cap)",
    )
    parser.add_argument(
        "--publish-cap",
        type=float,
        default=600.0,
        help="seconds: publish's cap on disk (ten minutes, as issue 19 asks)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the peak memory (one traced run per path)")
    parser.add_argument(
        "--memory-cap", type=float, default=5.0, help="seconds: the peak memory of a slower run is not traced"
    )
    args = parser.parse_args()
    with _SERVERS:
        return _main(args)


def _main(args: argparse.Namespace) -> int:
    base = [2, 6, 20] if args.quick else [int(x) for x in args.regions.split(",")]
    chosen = [p for p in paths() if not args.only or args.only in p.name]
    for p in chosen:
        if p.server_sizes:  # the server's load and delete cost most: smaller sizes, its own cap
            p.regions = [1, 2] if args.quick else [int(x) for x in args.publish_regions.split(",")]
            p.cap = args.publish_cap
    sizes = sorted({*base, *(r for p in chosen for r in p.regions or ())})
    nx_times: dict[int, float] = {}
    started = time.perf_counter()
    for regions in sizes:
        recs, tuples = records(regions)
        model = Model.from_records(recs)
        n = len(tuples)
        with tempfile.TemporaryDirectory() as tmp:
            s = Sized(n, regions, model, tuples, Path(tmp))
            nx_times[n] = best(lambda s=s: nx_build(s))
            for p in chosen:
                if p.times and max(p.times.values()) > (p.cap or args.cap):
                    continue
                if regions not in (p.regions or base):
                    continue
                if p.warm:  # a slow first run would be the only one timed (see best)
                    p.run(s)
                    if p.peer is not None:
                        p.peer(s)
                p.times[n] = best(lambda p=p, s=s: p.run(s))
                if p.peer is not None:
                    p.peers[n] = best(lambda p=p, s=s: p.peer(s))  # type: ignore[misc]
                elif p.name != "export json":
                    p.peers[n] = nx_times[n]
                if not args.no_memory and p.times[n] < args.memory_cap:
                    p.peaks[n] = peak_mb(lambda p=p, s=s: p.run(s))
                peer = f", peer {p.peers[n]:.3f} s" if n in p.peers else ""
                print(f"    {p.name}: {p.times[n]:.3f} s{peer}", file=sys.stderr, flush=True)
        done = time.perf_counter() - started
        print(
            f"  {regions} regions ({n:,} memberships, networkx {nx_times[n]:.3f} s) done at {done:.0f} s",
            file=sys.stderr,
        )
    ratio_turtle, seconds = bundled_turtle(5) if not args.only or "turtle" in args.only else (float("nan"), 0.0)

    print(f"sizes: {', '.join(f'{n:,}' for n in nx_times)} memberships; python {sys.version.split()[0]}")
    head = (
        f"{'operation':<40} {'memberships':>16} {'slope':>6} {'nx':>5} {'ratio':>8} {'to its peer':<17}"
        f" {'peak MB':>8} target"
    )
    print(head)
    print("-" * len(head))
    misses = 0
    for p in chosen:
        ns = sorted(p.times)
        if len(ns) < 2:
            print(f"{p.name:<40} (one size only: {p.times})")
            continue
        sl = slope([float(n) for n in ns], [p.times[n] for n in ns])
        nxs = slope([float(n) for n in ns], [nx_times[n] for n in ns])
        last = ns[-1]
        ratio = p.times[last] / p.peers[last] if p.peers.get(last) else float("nan")
        targets, miss = [], False
        if p.flat:
            targets.append("slope <= 0.10")
            miss |= sl > 0.1
        elif p.slope_target:
            targets.append(f"slope <= {nxs + 0.1:.2f}")
            miss |= sl > nxs + 0.1
        if p.max_ratio is not None:
            targets.append(f"ratio <= {p.max_ratio:g}x")
            miss |= ratio > p.max_ratio
        if ns[-1] / ns[0] < 100:
            targets.append("(range < 100x: capped)")
        misses += miss
        print(
            f"{p.name:<40} {ns[0]:>7,}-{last:<8,} {sl:6.2f} {nxs:5.2f} {ratio:7.2f}x {p.peer_name:<17}"
            f" {_peak(p, last)} {', '.join(targets)}{'  MISS' if miss else ''}"
        )
    if ratio_turtle == ratio_turtle:
        miss = ratio_turtle > 2.5
        misses += miss
        print(
            f"{'export turtle, bundled model (CLI)':<40} {'':>16} {'':>6} {'':>5} {ratio_turtle:7.2f}x"
            f" {'import floor':<17} {'':>8} ratio <= 2.5x ({seconds:.2f} s){'  MISS' if miss else ''}"
        )
    print(f"{misses} target(s) missed; {time.perf_counter() - started:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
