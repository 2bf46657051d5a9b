"""The command ``progress``: how far a plan has come on a day, from the indicators of its items.

Text shows a line naming the plan and the day, then one row per item and per indicator (statuses and shares in
words); ``--json`` gives the raw values (codes, ids, shares as numbers from 0 to 1); ``-o FILE`` writes the table
to a ``.xlsx``, ``.csv`` or ``.json`` file chosen by the name's suffix.
"""

from __future__ import annotations

import argparse
import sys

from ._common import RecordId, add_json, day, load_model, print_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "progress", parents=[common], help="how far a plan has come on a day, from the indicators of its items"
    )
    p.add_argument("plan", type=RecordId("plan"), help="the plan id, e.g. limburg:streekpact-2014-2019")
    # not ``as_of``: the day chooses each indicator's period; the model is not sliced first
    p.add_argument("--as-of", dest="on", metavar="DATE", type=day, help="the day to look at (default: today)")
    add_json(p)
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the table to FILE.xlsx, FILE.csv or FILE.json (by its suffix)"
    )
    p.set_defaults(func=cmd_progress)


def cmd_progress(args: argparse.Namespace) -> int:
    from ..i18n import _
    from ..model.phrasing import day_words
    from ..queries.progress import progress

    found = progress(load_model(args), args.plan, on=args.on)
    table = found.table()
    if args.output:
        from ..io.table_files import write_table

        path = write_table(table, args.output)
        print(_("written: {path}").format(path=path), file=sys.stderr)
    elif args.json:
        print_json({"plan": found.plan.id, "on": found.on.isoformat(), "items": table.records()})
    else:
        print(_("Progress of {plan} on {date}").format(plan=found.plan.name, date=day_words(found.on)))
        if not found.recorded:
            print(_("Not recorded: no item of this plan has indicators."))
        print(table)
    return 0
