"""Commands: ``check``, ``members``, ``municipalities``, ``lineage``, ``compare``."""

from __future__ import annotations

import argparse

from ..i18n import N_, _, ngettext
from ._common import RecordId, add_as_of, add_json, add_output, day, load_model, print_json, write_output

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model.model import Model
    from ..model.records import Problem, Source
    from ..model.table import Table
    from ..queries.regions import Bridge, ThemeMatrix


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "check",
        parents=[common],
        help=_("check the model: dates, lifetimes, composition, cadence, plans, themes"),
        description=_(
            "Run the core rules and the regions' checks. Exit status: 0 no errors, "
            "1 problems of severity error, 2 usage or data errors."
        ),
    )
    p.add_argument(
        "--region",
        metavar="ID",
        type=RecordId("region"),
        help=_("check only what concerns this region, e.g. refreg:REFREG15"),
    )
    add_as_of(p)
    add_json(p)
    p.add_argument("--rule", action="append", metavar="NAME", help=_("run only this rule (repeat for more)"))
    p.add_argument(
        "--severity", choices=("error", "warning", "info"), default="info", help=_("the least severity shown")
    )
    add_output(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("members", parents=[common], help=_("who sits in a body, by seat group, on a date"))
    p.add_argument("body", type=RecordId("body"), help=_("the body id, e.g. limburg:resoc"))
    _add_on(p, _("the day to look at (default: every membership over time)"))
    add_json(p)
    add_output(p)
    _add_sources(p)
    p.set_defaults(func=cmd_members)

    p = sub.add_parser("municipalities", parents=[common], help=_("the municipalities of a region on a date"))
    # dest is not "region": that would make load_model cut the model to the region first
    p.add_argument(
        "area",
        metavar="REGION",
        type=RecordId("region", "territory"),
        help=_("a region or territory id, e.g. refreg:REFREG15 or nis:70000"),
    )
    _add_on(p, _("the day to look at (default: today)"))
    add_json(p)
    add_output(p)
    _add_sources(p)
    p.set_defaults(func=cmd_municipalities)

    p = sub.add_parser(
        "lineage", parents=[common], help=_("the plans, organisations or municipalities a record succeeds or deepens")
    )
    p.add_argument("id", type=RecordId(), help=_("a plan, organisation or territory id"))
    p.add_argument("--direction", choices=("both", "older", "newer"), default="both", help=_("which way to follow"))
    add_json(p)
    add_output(p)
    _add_sources(p)
    p.set_defaults(func=cmd_lineage)

    p = sub.add_parser("compare", parents=[common], help=_("compare regions: the theme x region matrix"))
    add_as_of(p)
    p.add_argument("--actors", action="store_true", help=_("also list the actors active in several regions"))
    p.add_argument("--no-roll-up", action="store_true", help=_("keep region themes as they are (no broader themes)"))
    add_json(p)
    _add_sources(p)
    add_output(p)
    p.set_defaults(func=cmd_compare)


def _add_on(p: argparse.ArgumentParser, text: str) -> None:
    # not ``as_of``: these questions state their own day, so the model is not sliced first
    p.add_argument("--as-of", dest="on", metavar="DATE", type=day, help=_("{text} (YYYY-MM-DD)").format(text=text))


def _add_sources(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sources", action="store_true", help=_("also print the sources of the facts behind the answer"))


def _sources_json(sources: tuple[Source, ...]) -> list[dict[str, str | None]]:
    return [{"document": s.document, "locator": s.locator} for s in sources]


def _print_sources(args: argparse.Namespace, model: Model, answer: object) -> None:
    if not args.sources:
        return
    from ..citing import DocumentIndex
    from ..queries import sources_of

    documents = DocumentIndex.at_hand(model)
    print("\n" + _("sources") + ":")
    for s in sources_of(answer):
        print(f"  {documents.said(s)}")


# ----------------------------------------------------------------- check


#: The severities in words (English, translated when shown).
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def problems_table(model: Model, problems: list[Problem]) -> Table:
    """Problems as a table: severity and rule, the records concerned (names; ids in ``--json`` and the files),
    and the message."""
    from ..model.table import Column, Ref, Table, Term

    columns = [
        Column("severity", N_("severity")),
        Column("rule", N_("rule")),
        Column("ids", N_("concerns")),
        Column("message", N_("message")),
    ]
    rows = [
        (Term(p.severity, SEVERITY_WORDS[p.severity]), p.rule, [Ref.to(model, i) for i in p.ids], p.message)
        for p in problems
    ]
    return Table(columns, rows)


def _check_summary(problems: list[Problem]) -> str:
    """``2 fouten, 1 waarschuwing, 0 meldingen`` / ``2 errors, 1 warning, 0 infos``."""
    if not problems:
        return _("no problems found")
    n = {s: sum(p.severity == s for p in problems) for s in SEVERITY_WORDS}
    return ", ".join(
        [
            ngettext("{n} error", "{n} errors", n["error"]).format(n=n["error"]),
            ngettext("{n} warning", "{n} warnings", n["warning"]).format(n=n["warning"]),
            ngettext("{n} info", "{n} infos", n["info"]).format(n=n["info"]),
        ]
    )


def cmd_check(args: argparse.Namespace) -> int:
    from ..checks import SEVERITIES, check

    model = load_model(args)
    problems = check(model, rules=args.rule)
    shown = [p for p in problems if SEVERITIES.index(p.severity) <= SEVERITIES.index(args.severity)]
    if write_output(args, problems_table(model, shown)):
        pass
    elif args.json:
        print_json(
            [
                {
                    "severity": p.severity,
                    "rule": p.rule,
                    "ids": list(p.ids),
                    "message": p.message,
                    "sources": _sources_json(p.sources),
                }
                for p in shown
            ]
        )
    else:
        width = max((len(_(w)) for w in SEVERITY_WORDS.values()), default=0)
        for p in shown:
            print(f"{_(SEVERITY_WORDS[p.severity]):<{width}} {p.rule}: {p.message}")
        if shown:
            print()
        print(_check_summary(problems))
    return 1 if any(p.severity == "error" for p in problems) else 0


# ----------------------------------------------------------------- members


def cmd_members(args: argparse.Namespace) -> int:
    from ..model.phrasing import label, seat_rule
    from ..queries import composition, sources_of

    model = load_model(args)
    comp = composition(model, args.body, on=args.on)
    if args.json:
        print_json(
            {
                "body": comp.body.id,
                "on": comp.on,
                "seats": [
                    {
                        "membership": s.membership.id,
                        "member": s.member,
                        "seat_group": s.seat_group,
                        "seats": s.seats,
                        "role": s.role,
                        "on_behalf_of": s.on_behalf_of,
                        "voting": s.voting,
                        "valid": str(s.valid),
                        "status": s.status.value,
                    }
                    for s in comp.seats
                ],
                "groups": [
                    {
                        "name": g.name,
                        "seats": g.rule.seats if g.rule else None,
                        "min_seats": g.rule.min_seats if g.rule else None,
                        "filled_certain": g.certain,
                        "filled_possible": g.possible,
                    }
                    for g in comp.groups
                ],
                "sources": _sources_json(sources_of(comp)),
            }
        )
        return 0
    if write_output(args, comp.table()):
        return 0
    from ..model.phrasing import day_words, seat_group_label

    if comp.on:
        print(_("{body} on {date}").format(body=label(model, comp.body.id), date=day_words(comp.on)) + "\n")
    else:
        print(_("{body}: every membership over time").format(body=label(model, comp.body.id)) + "\n")
    print(comp.table() if comp.seats else _("no members recorded"))
    if comp.groups:
        print()
        for g in comp.groups:
            filled = (
                str(g.certain) if g.certain == g.possible else _("{lo} to {hi}").format(lo=g.certain, hi=g.possible)
            )
            group = seat_group_label(g.name)
            if g.rule is not None and (g.rule.seats is not None or g.rule.min_seats is not None):
                print(
                    _("{group}: {filled} filled of {rule}").format(group=group, filled=filled, rule=seat_rule(g.rule))
                )
            else:
                print(_("{group}: {filled} filled (no seat count)").format(group=group, filled=filled))
    _print_sources(args, model, comp)
    return 0


# ----------------------------------------------------------------- municipalities


def cmd_municipalities(args: argparse.Namespace) -> int:
    from ..model.phrasing import label
    from ..queries import municipalities, sources_of

    model = load_model(args)
    found = municipalities(model, args.area, on=args.on)
    if args.json:
        print_json(
            {
                "region": found.of,
                "on": found.on,
                "count": len(found),
                "complete": found.complete,
                "municipalities": [
                    {"id": t, "name": model.get(t).name, "certain": t in found.certain} for t in found.ids
                ],
                "gone": list(found.gone),
                "sources": _sources_json(sources_of(found)),
            }
        )
        return 0
    if write_output(args, found.table()):
        return 0
    from ..i18n import ngettext
    from ..model.phrasing import day_words
    from ..queries import refers_to

    count = ngettext("{n} municipality", "{n} municipalities", len(found)).format(n=len(found))
    print(_("{region} on {date}: {count}").format(region=label(model, found.of), date=day_words(found.on), count=count))
    print()
    print(found.table())
    if not found.complete:
        print("\n" + _("incomplete: the sources do not say which territories (part of) this region holds"))
    for t in found.gone:
        became = refers_to(model, t, on=found.on).current
        now = ", ".join(label(model, c) for c in became) or _("unknown")
        print(
            "\n"
            + _("named but gone on {date}: {name}, now {successor}").format(
                date=day_words(found.on), name=label(model, t), successor=now
            )
        )
    _print_sources(args, model, found)
    return 0


# ----------------------------------------------------------------- lineage


def cmd_lineage(args: argparse.Namespace) -> int:
    from ..model.phrasing import label
    from ..queries import lineage, sources_of

    model = load_model(args)
    chain = lineage(model, args.id, direction=args.direction)
    if args.json:
        print_json(
            {
                "root": chain.root,
                "direction": chain.direction,
                "members": [_member_json(model, m) for m in chain.members],
                "links": [
                    {"newer": link.newer, "kind": link.kind, "older": link.older, "record": link.record.id}
                    for link in chain.links
                ],
                "sources": _sources_json(sources_of(chain)),
            }
        )
        return 0
    if write_output(args, chain.table()):
        return 0
    print(_("lineage of {name}").format(name=label(model, chain.root)) + "\n")
    if not chain.links:
        print(_("no lineage recorded"))
    else:
        print(chain.table())
        print("\n" + _("oldest first:"))
        print(chain.members_table())
    _print_sources(args, model, chain)
    return 0


def _member_json(model: Model, record_id: str) -> dict[str, str]:
    record = model.get(record_id)
    return {"id": record_id, "name": getattr(record, "name", ""), "valid": str(record.valid)}


# ----------------------------------------------------------------- compare


def matrix_table(model: Model, matrix: ThemeMatrix) -> Table:
    """The theme x region matrix as a table: a row per theme (its name), a column per region (its name)."""
    from ..model.phrasing import name
    from ..model.table import Column, Ref, Table

    columns = [Column("theme", N_("theme")), *(Column(r, name(model, r)) for r in matrix.regions)]
    rows = [(Ref.to(model, t), *(n or None for n in counts)) for t, counts in matrix.rows()]
    return Table(columns, rows, title=N_("plans, plan items and projects per theme and region"))


def bridges_table(model: Model, bridges: list[Bridge]) -> Table:
    """The actors active in several regions, with the regions (names) and their betweenness."""
    from ..model.table import Column, Ref, Table

    columns = [
        Column("actor", N_("actor")),
        Column("regions", N_("regions")),
        Column("betweenness", N_("betweenness")),
    ]
    rows = [(Ref.to(model, b.actor), [Ref.to(model, r) for r in b.regions], round(b.betweenness, 3)) for b in bridges]
    return Table(columns, rows, title=N_("actors that bridge regions"))


def cmd_compare(args: argparse.Namespace) -> int:
    from ..queries import bridging_actors, sources_of, theme_matrix

    model = load_model(args)
    matrix = theme_matrix(model, roll_up=not args.no_roll_up)
    bridges = bridging_actors(model) if args.actors else []
    # -o writes the table asked for: the actors with --actors, else the matrix
    if write_output(args, bridges_table(model, bridges) if args.actors else matrix_table(model, matrix)):
        return 0
    if args.json:
        data: dict[str, Any] = {
            "regions": list(matrix.regions),
            "themes": list(matrix.themes),
            "cells": {t: {r: list(matrix.cells.get((t, r), ())) for r in matrix.regions} for t in matrix.themes},
            "sources": _sources_json(sources_of(matrix)),
        }
        if args.actors:
            data["actors"] = [
                {"actor": b.actor, "regions": list(b.regions), "betweenness": round(b.betweenness, 4)} for b in bridges
            ]
        print_json(data)
        return 0
    if not matrix.regions:
        print(_("no regions with plans, bodies or projects"))
    else:
        print(matrix_table(model, matrix), end="\n")
    if args.actors:
        print()
        print(bridges_table(model, bridges))
    _print_sources(args, model, matrix)
    return 0
