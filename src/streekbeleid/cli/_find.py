"""Commands to find things and ask what comes next: ``search``, ``list``, ``diff``, ``endorsements``, ``money``.

Each prints a table in the language in use (names beside ids, dates in words), ``--json`` gives the raw
values (ids, dates in their notation), and ``-o FILE`` writes the table to a ``.xlsx``, ``.csv`` or ``.json``
file chosen by the name's suffix.
"""

from __future__ import annotations

import argparse
import sys

from ._common import RecordId, add_as_of, add_json, day, load_model, print_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model.model import Model
    from ..model.table import Table


def _add_output(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the table to FILE.xlsx, FILE.csv or FILE.json (by its suffix)"
    )


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search", parents=[common], help="find records by name, abbreviation or id (typos and accents allowed)"
    )
    p.add_argument("text", help="what to look for, e.g. 'resoc limburg' or 'spitsregio'")
    p.add_argument(
        "--kind", action="append", metavar="KIND", help="only records of this kind (body, plan ...); repeatable"
    )
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default: 20)")
    add_json(p)
    _add_output(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("list", parents=[common], help="list the records of one kind, by name")
    p.add_argument(
        "kind",
        metavar="KIND",
        help="a kind of record: bodies, plans, actors, regions, projects, decisions, territories ... "
        "(an unknown kind names them all)",
    )
    p.add_argument("--region", type=RecordId("region"), metavar="REGION", help="only the records of this region")
    add_as_of(p)
    add_json(p)
    _add_output(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("diff", parents=[common], help="what changed between two days")
    p.add_argument("--from", dest="start", required=True, type=day, metavar="DATE", help="the first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", required=True, type=day, metavar="DATE", help="the second day (YYYY-MM-DD)")
    p.add_argument("--region", type=RecordId("region"), metavar="REGION", help="only the changes in this region")
    add_json(p)
    _add_output(p)
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("endorsements", parents=[common], help="who approved and endorsed a plan, and how many")
    p.add_argument("plan", type=RecordId("plan"), help="the plan id, e.g. limburg:streekpact-2014-2019")
    add_json(p)
    _add_output(p)
    p.set_defaults(func=cmd_endorsements)

    p = sub.add_parser(
        "money", parents=[common], help="the money of a plan or a project: budgeted, committed and paid, by funder"
    )
    p.add_argument("subject", type=RecordId("plan", "project"), help="the plan or project id, e.g. limburg:lires")
    add_json(p)
    _add_output(p)
    p.set_defaults(func=cmd_money)


def _emit(args: argparse.Namespace, table: Table) -> int:
    """The table to a file (``-o``), as JSON (``--json``) or as text."""
    if args.output:
        from ..i18n import _
        from ..io.table_files import write_table

        path = write_table(table, args.output)
        print(_("written: {path}").format(path=path), file=sys.stderr)
    elif args.json:
        print_json(table.records())
    else:
        print(table)
    return 0


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
    from ..i18n import N_, _
    from ..model.phrasing import name, outcome_words, tally_phrase
    from ..model.table import HEADINGS, Column, Ref, Table
    from ..queries import endorsements

    found = endorsements(model, plan_id)
    plan_name = name(model, plan_id)
    rows: list[tuple[Any, ...]] = []
    for d in found.approvals:
        unanimous = {True: _("unanimous"), False: _("not unanimous"), None: ""}[d.unanimous]
        rows.append((_("approval"), Ref.to(model, d.by), d.date, unanimous))
    for d in found.decisions:
        outcome = "" if d.outcome == "postponed" else outcome_words(d.outcome)
        rows.append((_("endorsement"), Ref.to(model, d.by), d.date, outcome))
    named = {d.by for d in found.decisions}
    for c in found.counts:
        phrase = tally_phrase(c.by, c.tally.kind, c.count, c.out_of).format(subject=plan_name)
        rows.append((_("count"), Ref.to(model, c.among), c.date, phrase))
        for endorser in c.endorsers:
            if endorser not in named:
                named.add(endorser)
                rows.append((_("named endorser"), Ref.to(model, endorser), c.date, ""))
    columns = [
        Column("what", N_("what")),
        Column("by", N_("by")),
        Column("date", HEADINGS["date"]),
        Column("detail", N_("detail")),
    ]
    return Table(columns, rows)


def cmd_search(args: argparse.Namespace) -> int:
    return _emit(args, search_table(load_model(args), args.text, kinds=args.kind, limit=args.limit))


def cmd_list(args: argparse.Namespace) -> int:
    from ..queries.listing import listing

    return _emit(args, listing(load_model(args), args.kind, region=args.region, on=args.as_of).table())


def cmd_diff(args: argparse.Namespace) -> int:
    from ..queries.changes import changes

    return _emit(args, changes(load_model(args), args.start, args.end, region=args.region).table())


def cmd_endorsements(args: argparse.Namespace) -> int:
    return _emit(args, endorsements_table(load_model(args), args.plan))


def cmd_money(args: argparse.Namespace) -> int:
    from ..queries.money import money

    return _emit(args, money(load_model(args), args.subject).table())
