"""Command: ``coverage`` (which regional bodies covered a municipality, or what a region covered, on a day)."""

from __future__ import annotations

import argparse

from ..i18n import _
from ._common import RecordId, add_json, day, load_model, print_json, print_table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "coverage",
        parents=[common],
        help=_("which RESOC area and bodies covered a municipality on a date, or what a region covered"),
        description=_(
            "Which RESOC area and which bodies (RESOC, SERR, task forces ...) covered a municipality "
            "on a day, followed through mergers (Neerpelt in 2016, Pelt in 2020); with --region, the bodies of a "
            "region and its municipalities on the day. An answer the sources do not settle says why."
        ),
    )
    p.add_argument(
        "municipality", nargs="?", type=RecordId("territory"), help=_("a municipality id, e.g. nis:72025 (Neerpelt)")
    )
    # dest is not "region": that would make load_model cut the model to the region first
    p.add_argument(
        "--region",
        dest="area",
        metavar="ID",
        type=RecordId("region"),
        help=_("a region or RESOC area, e.g. core:gebied/westhoek"),
    )
    # not ``as_of``: the question states its own day, so the model is not sliced first
    p.add_argument("--as-of", dest="on", metavar="DATE", type=day, help=_("the day to look at (default: today)"))
    add_json(p)
    p.set_defaults(func=cmd_coverage)


def cmd_coverage(args: argparse.Namespace) -> int:
    if bool(args.municipality) == bool(args.area):
        from ..errors import StreekbeleidError

        raise StreekbeleidError("coverage: give a MUNICIPALITY or --region ID (one of the two)")
    model = load_model(args)
    return _region(model, args) if args.area else _municipality(model, args)


def _municipality(model: Any, args: argparse.Namespace) -> int:
    from ..model.phrasing import label
    from ..queries import coverage_of

    answer = coverage_of(model, args.municipality, on=args.on)
    if args.json:
        print_json(
            {
                "municipality": answer.municipality,
                "on": answer.on,
                "status": answer.status,
                "current": list(answer.current),
                "areas": [
                    {
                        "id": a.region,
                        "name": model.get(a.region).name,
                        "municipality": a.municipality,
                        "truth": a.truth.value,
                        "parts_known": a.parts_known,
                    }
                    for a in answer.areas
                ],
                "bodies": [
                    {
                        "id": b.body,
                        "name": model.get(b.body).name,
                        "kind": b.kind,
                        "region": b.region,
                        "municipality": b.municipality,
                        "truth": b.truth.value,
                    }
                    for b in answer.bodies
                ],
                "reasons": list(answer.reasons),
            }
        )
        return 0
    print(f"{label(model, answer.municipality)} on {answer.on}: {answer.status}")
    if tuple(answer.current) != (answer.municipality,):
        print("  stands for: " + ", ".join(label(model, t) for t in answer.current))
    print()
    print_table(
        ["area", "municipality", "holds"],
        [[label(model, a.region), a.municipality, a.truth.value] for a in answer.areas],
    )
    print()
    print_table(
        ["body", "kind", "covers"],
        [[label(model, b.body), b.kind, b.truth.value] for b in answer.bodies],
    )
    if answer.reasons:
        print("\nwhy not certain:")
        for reason in answer.reasons:
            print(f"  - {reason}")
    return 0


def _region(model: Any, args: argparse.Namespace) -> int:
    from ..model.phrasing import label
    from ..queries import region_coverage

    answer = region_coverage(model, args.area, on=args.on)
    found = answer.municipalities
    if args.json:
        print_json(
            {
                "region": answer.region,
                "on": answer.on,
                "bodies": [
                    {"id": b.body, "name": model.get(b.body).name, "kind": b.kind, "truth": b.truth.value}
                    for b in answer.bodies
                ],
                "complete": found.complete,
                "municipalities": [
                    {"id": t, "name": model.get(t).name, "certain": t in found.certain} for t in found.ids
                ],
            }
        )
        return 0
    print(f"{label(model, answer.region)} on {answer.on}\n")
    print_table(["body", "kind", "existed"], [[label(model, b.body), b.kind, b.truth.value] for b in answer.bodies])
    state = "" if found.complete else " (not known completely)"
    print(f"\n{len(found)} municipalities{state}")
    print_table(
        ["id", "name", "status"],
        [[t, model.get(t).name, "" if t in found.certain else "uncertain"] for t in found.ids],
    )
    return 0
