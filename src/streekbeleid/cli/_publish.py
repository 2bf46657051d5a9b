"""Command: ``publish`` (the model, or a slice, as one named graph in a SPARQL store)."""

from __future__ import annotations

import argparse

from ..i18n import _
from ._common import RecordId, add_as_of, add_json, load_model, print_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "publish",
        parents=[common],
        help=_("replace one named graph in a SPARQL store with the model (Graph Store HTTP Protocol)"),
        description=_(
            "PUT the model (or the slice chosen with --region and --as-of) as Turtle into one named graph, "
            "then check its triple count with a SPARQL query. Credentials come from the environment: "
            "STREEKBELEID_SPARQL_USER and STREEKBELEID_SPARQL_PASSWORD, or STREEKBELEID_SPARQL_TOKEN."
        ),
    )
    p.add_argument("--endpoint", required=True, metavar="URL", help=_("the Graph Store Protocol URL, e.g. .../store"))
    p.add_argument("--graph", metavar="IRI", help=_("the named graph to replace (default: %(default)s)"))
    p.add_argument("--query", metavar="URL", help=_("the SPARQL query URL (default: .../query beside the endpoint)"))
    p.add_argument(
        "--region", metavar="ID", type=RecordId("region"), help=_("only the part of the model about this region")
    )
    add_as_of(p)
    p.add_argument("--timeout", type=float, default=120.0, metavar="S", help=_("seconds to wait for each answer"))
    add_json(p)
    p.set_defaults(func=cmd_publish)


def cmd_publish(args: argparse.Namespace) -> int:
    from ..io.publish import DEFAULT_GRAPH, publish

    done = publish(
        load_model(args), args.endpoint, graph=args.graph or DEFAULT_GRAPH, query=args.query, timeout=args.timeout
    )
    if args.json:
        print_json({"graph": done.graph, "endpoint": args.endpoint, "triples": done.triples, "seconds": done.seconds})
    else:
        print(f"published {done.triples} triples to <{done.graph}> at {args.endpoint} ({done.seconds:.1f} s)")
    return 0
