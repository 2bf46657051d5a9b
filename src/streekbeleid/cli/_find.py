"""Commands to find things and ask what comes next: ``search``, ``list``, ``diff``, ``endorsements``, ``mandates``,
``money``.

Each prints a table in the language in use (names beside ids, dates in words), ``--json`` gives the raw
values (ids, dates in their notation), and ``-o FILE`` writes the table to a ``.xlsx``, ``.csv`` or ``.json``
file chosen by the name's suffix.
"""

from __future__ import annotations

import argparse

from ..i18n import _
from ._common import RecordId, add_as_of, add_json, add_output, day, emit_table, load_model

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model.model import Model
    from ..model.table import Table


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search", parents=[common], help=_("find records by name, abbreviation or id (typos and accents allowed)")
    )
    p.add_argument("text", help=_("what to look for, e.g. 'resoc limburg' or 'spitsregio'"))
    p.add_argument(
        "--kind", action="append", metavar="KIND", help=_("only records of this kind (body, plan ...); repeatable")
    )
    p.add_argument("--limit", type=int, default=20, metavar="N", help=_("at most N hits (default: 20)"))
    add_json(p)
    add_output(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("list", parents=[common], help=_("list the records of one kind, by name"))
    p.add_argument(
        "kind",
        metavar="KIND",
        help=_(
            "a kind of record: bodies, plans, actors, regions, projects, decisions, territories ... "
            "(an unknown kind names them all)"
        ),
    )
    p.add_argument("--region", type=RecordId("region"), metavar="REGION", help=_("only the records of this region"))
    add_as_of(p)
    add_json(p)
    add_output(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("diff", parents=[common], help=_("what changed between two days"))
    p.add_argument(
        "--from", dest="start", required=True, type=day, metavar="DATE", help=_("the first day (YYYY-MM-DD)")
    )
    p.add_argument("--to", dest="end", required=True, type=day, metavar="DATE", help=_("the second day (YYYY-MM-DD)"))
    p.add_argument("--region", type=RecordId("region"), metavar="REGION", help=_("only the changes in this region"))
    add_json(p)
    add_output(p)
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("endorsements", parents=[common], help=_("who approved and endorsed a plan, and how many"))
    p.add_argument("plan", type=RecordId("plan"), help=_("the plan id, e.g. limburg:streekpact-2014-2019"))
    add_json(p)
    add_output(p)
    p.set_defaults(func=cmd_endorsements)

    p = sub.add_parser(
        "mandates", parents=[common], help=_("who held which office (mandate) in a body, organisation or territory")
    )
    p.add_argument(
        "body",
        type=RecordId("body", "actor", "territory"),
        metavar="BODY|TERRITORY",
        help=_("a body, an organisation or a territory, e.g. {example}").format(
            example="org:provincie-limburg, nis:70000"
        ),
    )
    add_as_of(p)
    add_json(p)
    add_output(p)
    p.set_defaults(func=cmd_mandates)

    p = sub.add_parser(
        "money", parents=[common], help=_("the money of a plan or a project: budgeted, committed and paid, by funder")
    )
    p.add_argument(
        "subject",
        type=RecordId("plan", "project"),
        help=_("the plan or project id, e.g. {example}").format(example="limburg:lires"),
    )
    add_json(p)
    add_output(p)
    p.set_defaults(func=cmd_money)


def search_table(model: Model, text: str, *, kinds: list[str] | None = None, limit: int | None = 20) -> Table:
    """The hits of :func:`~streekbeleid.model.search.search` as a table: name, kind, region, id, score."""
    from ..i18n import N_
    from ..model.phrasing import kind_label
    from ..model.search import search
    from ..model.table import HEADINGS, Column, Ref, Table

    hits = search(model, text, kinds=kinds, limit=limit)
    columns = [
        Column("name", HEADINGS["name"]),
        Column("kind", HEADINGS["kind"]),
        Column("region", HEADINGS["region"]),
        Column("id", HEADINGS["id"]),
        Column("score", N_("score")),
    ]
    return Table(columns, [(h.name, kind_label(h.kind), Ref.to(model, h.region), h.id, h.score) for h in hits])


def endorsements_table(model: Model, plan_id: str) -> Table:
    """The approvals, endorsements, counts and named endorsers of a plan as one table."""
    from ..queries import endorsements

    return endorsements(model, plan_id).table()


def cmd_search(args: argparse.Namespace) -> int:
    return emit_table(args, search_table(load_model(args), args.text, kinds=args.kind, limit=args.limit))


def cmd_list(args: argparse.Namespace) -> int:
    from ..queries.listing import listing

    return emit_table(args, listing(load_model(args), args.kind, region=args.region, on=args.as_of).table())


def cmd_diff(args: argparse.Namespace) -> int:
    from ..queries.changes import changes

    return emit_table(args, changes(load_model(args), args.start, args.end, region=args.region).table())


def cmd_endorsements(args: argparse.Namespace) -> int:
    return emit_table(args, endorsements_table(load_model(args), args.plan))


def cmd_mandates(args: argparse.Namespace) -> int:
    from ..queries.mandates import mandates

    return emit_table(args, mandates(load_model(args), args.body, on=args.as_of).table())


def cmd_money(args: argparse.Namespace) -> int:
    from ..queries.money import money

    return emit_table(args, money(load_model(args), args.subject).table())
