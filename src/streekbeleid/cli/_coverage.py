"""Command: ``coverage`` (which regional bodies covered a municipality, or what a region covered, on a day)."""

from __future__ import annotations

import argparse

from ..i18n import N_, _, ngettext
from ._common import RecordId, add_json, add_output, day, load_model, print_json, write_output

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model.model import Model
    from ..model.table import Table
    from ..queries.coverage import Coverage, RegionCoverage

#: The status of an answer in words (English, translated when shown).
STATUS_WORDS = {
    "known": N_("known"),
    "uncertain": N_("uncertain"),
    "unknown": N_("unknown"),
}


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
    add_output(p)
    p.set_defaults(func=cmd_coverage)


def cmd_coverage(args: argparse.Namespace) -> int:
    if bool(args.municipality) == bool(args.area):
        from ..errors import StreekbeleidError

        raise StreekbeleidError(_("coverage: give a MUNICIPALITY or --region ID (one of the two)"))
    model = load_model(args)
    return _region(model, args) if args.area else _municipality(model, args)


def coverage_table(model: Model, answer: Coverage) -> Table:
    """The RESOC areas and bodies that covered a municipality: name, kind, through which municipality, and
    whether they surely did (yes, no, uncertain)."""
    from ..model.phrasing import kind_label
    from ..model.table import HEADINGS, Column, Ref, Table

    columns = [
        Column("id", N_("area or body")),
        Column("kind", HEADINGS["kind"]),
        Column("municipality", N_("through municipality")),
        Column("covers", N_("covers")),
    ]
    rows = [
        (Ref.to(model, a.region), kind_label(model.get(a.region).kind), Ref.to(model, a.municipality), a.truth)
        for a in answer.areas
    ]
    rows += [(Ref.to(model, b.body), kind_label(b.kind), Ref.to(model, b.municipality), b.truth) for b in answer.bodies]
    return Table(columns, rows)


def region_coverage_table(model: Model, answer: RegionCoverage) -> Table:
    """The bodies of a region on a day and the municipalities it held: name, kind, whether surely (yes, uncertain)."""
    from ..model.dates import Truth
    from ..model.phrasing import kind_label
    from ..model.table import HEADINGS, Column, Ref, Table

    found = answer.municipalities
    columns = [Column("id", HEADINGS["name"]), Column("kind", HEADINGS["kind"]), Column("holds", N_("certain"))]
    rows = [(Ref.to(model, b.body), kind_label(b.kind), b.truth) for b in answer.bodies]
    rows += [
        (Ref.to(model, t), _("municipality"), Truth.YES if t in found.certain else Truth.UNCERTAIN) for t in found.ids
    ]
    return Table(columns, rows)


def _municipality(model: Any, args: argparse.Namespace) -> int:
    from ..model.phrasing import day_words, label
    from ..queries import coverage_of

    answer = coverage_of(model, args.municipality, on=args.on)
    if write_output(args, coverage_table(model, answer)):
        return 0
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
    print(
        _("{municipality} on {day}: {status}").format(
            municipality=label(model, answer.municipality),
            day=day_words(answer.on),
            status=_(STATUS_WORDS[answer.status]),
        )
    )
    if tuple(answer.current) != (answer.municipality,):
        print(
            "  "
            + _("stands for: {municipalities}").format(
                municipalities=", ".join(label(model, t) for t in answer.current)
            )
        )
    print()
    print(coverage_table(model, answer))
    if answer.reasons:
        print("\n" + _("why not certain:"))
        for reason in answer.reasons:
            print(f"  - {reason}")
    return 0


def _region(model: Any, args: argparse.Namespace) -> int:
    from ..model.phrasing import day_words, label
    from ..queries import region_coverage

    answer = region_coverage(model, args.area, on=args.on)
    found = answer.municipalities
    if write_output(args, region_coverage_table(model, answer)):
        return 0
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
    print(_("{region} on {day}").format(region=label(model, answer.region), day=day_words(answer.on)) + "\n")
    count = ngettext("{n} body, {m} municipalities", "{n} bodies, {m} municipalities", len(answer.bodies)).format(
        n=len(answer.bodies), m=len(found)
    )
    print(count if found.complete else _("{count} (not known completely)").format(count=count))
    print(region_coverage_table(model, answer))
    return 0
