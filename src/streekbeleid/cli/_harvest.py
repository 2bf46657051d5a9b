"""Command: ``harvest`` (decisions and mandates from OSLO linked data into a data file to review)."""

from __future__ import annotations

import argparse
import sys

from ..i18n import _
from ._common import load_model

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "harvest",
        parents=[common],
        help=_("read OSLO decisions and mandates (Turtle, JSON-LD) into a data file for a region team to review"),
        description=_(
            "Read decisions (OSLO besluit) and mandates (OSLO mandaat) as local governments publish "
            "them, in Turtle or JSON-LD files or folders, and write a data file of decisions (council, date, "
            "outcome, votes, the plan they concern) and mandates, in the namespace of a region package, to review "
            "before it joins the package's data. A decision about no plan of the model is left out and listed."
        ),
    )
    p.add_argument(
        "paths", nargs="+", metavar="FILE|DIR", help=_("Turtle (.ttl), N-Triples or JSON-LD files, or folders")
    )
    p.add_argument("--plugin", required=True, metavar="SLUG", help=_("the region package the records are for"))
    p.add_argument("-o", "--output", required=True, metavar="FILE.yaml", help=_("the data file to write"))
    p.add_argument(
        "--base-iri",
        dest="base",
        metavar="IRI",
        help=_(
            "the IRI base of the model's own export, to recognise its records (default https://streekbeleid.example/)"
        ),
    )
    p.set_defaults(func=cmd_harvest)


def cmd_harvest(args: argparse.Namespace) -> int:
    import re

    from ..errors import StreekbeleidError
    from ..io import DEFAULT_BASE
    from ..io.harvest import harvest_files, write_harvest

    if not re.fullmatch(r"[a-z][a-z0-9_]*", args.plugin):
        raise StreekbeleidError(
            _("--plugin: {slug!r} is not a region package slug (lower-case, e.g. limburg)").format(slug=args.plugin)
        )
    model = load_model(args)
    result = harvest_files(args.paths, model, namespace=args.plugin, base=args.base or DEFAULT_BASE)
    write_harvest(result, args.output)
    print(
        f"{args.output}: {len(result.decisions)} decisions, {len(result.memberships)} mandates, "
        f"{len(result.bodies)} bodies, {len(result.persons)} persons to review",
        file=sys.stderr,
    )
    for reason in result.left_out:
        print(f"left out: {reason}", file=sys.stderr)
    return 0
