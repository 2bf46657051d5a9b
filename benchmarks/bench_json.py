"""Native JSON against pydantic v2 on equivalent models: writing and reading the synthetic model.

Run: ``.venv/bin/python benchmarks/bench_json.py [--size small|medium|europe] [--repeat N]``
(pydantic is a benchmark-only dependency: ``pip install -e '.[bench]'``).

The synthetic model is the one of the other benchmarks (``benchmarks/synthetic.py``: actors,
bodies and memberships with partial-date periods).  The pydantic models are equivalent: the
same fields, frozen, extra keys forbidden, ids checked against the same pattern, kinds and
roles against the same choices, counts not negative, periods parsed into the same ``Period``
objects and written back as text, defaults left out of the output.  The script checks that
both sides write the same JSON data and read back equal values before it times anything.

Pairs, timed alternately, median of ``--repeat`` ratios (ours / pydantic; below 1 is faster):

- write: a dataset of records to JSON text, against ``model_dump_json(exclude_defaults=True)``;
- read: JSON text to a dataset of records, every field checked, against ``model_validate_json``;
- and for the whole path, not compared: a model to JSON (``generate_json``: collecting the
  records from the graph) and JSON to a model (``parse_json``: also duplicate keys, unique ids,
  references, and building the graph).

The native writer and reader use orjson when it is installed (``.[fast]``) and the standard library
otherwise; the report says which.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from streekbeleid import Model, PartialDate, Period
from streekbeleid.io import native
from streekbeleid.model.records import ACTOR_KINDS, BODY_KINDS, ID_PATTERN, MEMBERSHIP_ROLES

try:
    from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer
except ImportError:  # pragma: no cover
    sys.exit("bench_json needs pydantic v2: pip install -e '.[bench]'")

ALWAYS = Period.parse("../..")

# ---------------------------------------------------------------- equivalent pydantic models

Id = Annotated[str, Field(pattern=ID_PATTERN)]
PeriodField = Annotated[Period, BeforeValidator(Period.parse), PlainSerializer(str, return_type=str)]
DateField = Annotated[PartialDate, BeforeValidator(PartialDate.parse), PlainSerializer(str, return_type=str)]
Count = Annotated[int, Field(ge=0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True, strict=True)


class PSource(_Frozen):
    document: str
    locator: str | None = None


class PActor(_Frozen):
    id: Id
    name: str
    kind: Literal[ACTOR_KINDS]  # type: ignore[valid-type]
    abbreviation: str | None = None
    territory: Id | None = None
    part_of: Id | None = None
    description: str | None = None
    valid: PeriodField = ALWAYS
    sources: tuple[PSource, ...] = ()


class PSeatAllocation(_Frozen):
    member: Id
    seats: Count


class PSeatGroup(_Frozen):
    name: str
    seats: Count | None = None
    min_seats: Count | None = None
    voting: bool | None = None
    allocations: tuple[PSeatAllocation, ...] = ()
    description: str | None = None
    sources: tuple[PSource, ...] = ()


class PCadenceRule(_Frozen):
    min_meetings: Count | None = None
    max_meetings: Count | None = None
    per: Literal["year", "month"] = "year"
    sources: tuple[PSource, ...] = ()


class PBody(_Frozen):
    id: Id
    name: str
    kind: Literal[BODY_KINDS]  # type: ignore[valid-type]
    abbreviation: str | None = None
    region: Id | None = None
    seat_groups: tuple[PSeatGroup, ...] = ()
    cadence: tuple[PCadenceRule, ...] = ()
    decides: bool | None = None
    description: str | None = None
    valid: PeriodField = ALWAYS
    sources: tuple[PSource, ...] = ()


class PMembership(_Frozen):
    id: Id
    organization: Id
    member: Id
    role: Literal[MEMBERSHIP_ROLES] = "member"  # type: ignore[valid-type]
    seat_group: str | None = None
    seats: Count = 1
    voting: bool | None = None
    on_behalf_of: Id | None = None
    post: Id | None = None
    label: str | None = None
    valid: PeriodField = ALWAYS
    sources: tuple[PSource, ...] = ()


class PDataset(_Frozen):
    format: str | None = None
    actors: tuple[PActor, ...] = ()
    bodies: tuple[PBody, ...] = ()
    memberships: tuple[PMembership, ...] = ()


# ---------------------------------------------------------------- timing


def timed(fn: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        gc.collect()
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return run


def paired(ours: Callable[[], float], theirs: Callable[[], float], repeat: int) -> tuple[float, float, float]:
    """Median of ours/theirs over alternating runs, and the median time of each."""
    ratios, a, b = [], [], []
    for _ in range(repeat):
        x, y = ours(), theirs()
        a.append(x)
        b.append(y)
        ratios.append(x / y)
    return statistics.median(ratios), statistics.median(a), statistics.median(b)


def _gc_paused(fn: Callable[[], object]) -> object:
    gc.disable()
    try:
        return fn()
    finally:
        gc.enable()


def best(fn: Callable[[], float], repeat: int) -> float:
    return statistics.median(fn() for _ in range(repeat))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "europe"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--no-orjson", action="store_true", help="write and parse with the standard library even if orjson is there"
    )
    args = parser.parse_args(argv)
    if args.no_orjson:
        native._orjson = None

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic

    records = synthetic.records(args.size)
    model = Model.from_records(records)
    dataset = native.to_dataset(model)
    text = native.dataset_to_json(dataset)
    theirs = PDataset.model_validate_json(text)
    their_text = theirs.model_dump_json(exclude_defaults=True)

    # the same data both ways, before anything is timed
    assert json.loads(their_text) == json.loads(text), "pydantic and native JSON differ"
    assert native.dataset_from_json(their_text) == dataset
    again = PDataset.model_validate_json(text)
    assert [m.valid for m in again.memberships] == [m.valid for m in dataset.memberships]

    n = len(dataset.actors) + len(dataset.bodies) + len(dataset.memberships)
    figures: dict[str, Any] = {
        "size": args.size,
        "records": n,
        "megabytes": round(len(text.encode()) / 1e6, 1),
        "json backend": "orjson" if native._orjson is not None else "json (standard library)",
    }
    write = paired(
        timed(lambda: native.dataset_to_json(dataset)),
        timed(lambda: theirs.model_dump_json(exclude_defaults=True)),
        args.repeat,
    )
    read = paired(
        timed(lambda: native.dataset_from_json(text)),
        timed(lambda: PDataset.model_validate_json(text)),
        args.repeat,
    )
    # the native reader pauses the cyclic collector (it makes no cycles); the same favour for pydantic:
    read_fair = paired(
        timed(lambda: native.dataset_from_json(text)),
        timed(lambda: _gc_paused(lambda: PDataset.model_validate_json(text))),
        args.repeat,
    )
    figures["read, pydantic with GC paused too"] = {
        "ratio": round(read_fair[0], 2),
        "ours_s": round(read_fair[1], 3),
        "pydantic_s": round(read_fair[2], 3),
    }
    figures["write"] = {"ratio": round(write[0], 2), "ours_s": round(write[1], 3), "pydantic_s": round(write[2], 3)}
    figures["read"] = {"ratio": round(read[0], 2), "ours_s": round(read[1], 3), "pydantic_s": round(read[2], 3)}
    figures["model to JSON_s"] = round(best(timed(lambda: native.generate_json(model)), args.repeat), 3)
    full_text = native.generate_json(model)
    figures["JSON to model_s"] = round(best(timed(lambda: native.parse_json(full_text)), args.repeat), 3)

    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
    else:
        print(f"native JSON vs pydantic v2, synthetic model {args.size}: {n:,} records, {figures['megabytes']} MB")
        print(f"json backend: {figures['json backend']}; median of {args.repeat} alternating runs")
        for what in ("write", "read", "read, pydantic with GC paused too"):
            f = figures[what]
            verdict = "ok" if f["ratio"] <= 1.0 else "SLOWER"
            print(
                f"  {what:<5}  ours {f['ours_s']:.3f} s  pydantic {f['pydantic_s']:.3f} s"
                f"  ratio {f['ratio']:.2f}  (target <= 1.00: {verdict})"
            )
        whole = f"model -> JSON {figures['model to JSON_s']:.3f} s, JSON -> model {figures['JSON to model_s']:.3f} s"
        print(f"  whole path (not compared): {whole}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
