"""Commands: ``plugins``, ``regions``, ``show``."""

from __future__ import annotations

import argparse

from ._common import RecordId, add_as_of, add_json, load_model, print_json, print_table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("plugins", parents=[common], help="list the plugins: name, distribution, version, hooks, status")
    add_json(p)
    p.set_defaults(func=cmd_plugins)

    p = sub.add_parser("regions", parents=[common], help="list the regions")
    add_as_of(p)
    add_json(p)
    p.add_argument("--all", action="store_true", help="include the reference regions of the core catalogue")
    p.set_defaults(func=cmd_regions)

    p = sub.add_parser("show", parents=[common], help="show one record (body, plan, actor, territory ...)")
    p.add_argument("id", type=RecordId(), help="the record id, e.g. limburg:resoc or nis:71022")
    add_as_of(p)
    add_json(p)
    p.set_defaults(func=cmd_show)


def cmd_plugins(args: argparse.Namespace) -> int:
    import warnings

    from ..plugins.manager import make_plugin_manager

    plugins = None if args.plugins is None else [p for p in args.plugins.split(",") if p.strip()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ..assembly import assemble

        ps = make_plugin_manager(plugins, strict=args.strict)
        assemble(ps)
    infos = [ps.infos[n] for n in sorted(ps.infos, key=lambda n: (n != "core", n))]
    if args.json:
        print_json(
            [
                {
                    "name": i.name,
                    "distribution": i.distribution,
                    "version": i.version,
                    "hooks": list(i.hooks),
                    "status": i.status,
                    "error": i.error,
                }
                for i in infos
            ]
        )
        return 0
    print_table(
        ["name", "distribution", "version", "status", "hooks"],
        [
            [i.name, i.distribution, i.version, i.status, ", ".join(h.removeprefix("streekbeleid_") for h in i.hooks)]
            for i in infos
        ],
    )
    for i in infos:
        if i.error:
            print(f"\n{i.name}: {i.error}")
    return 0 if all(i.status == "ok" for i in infos) else 1


def cmd_regions(args: argparse.Namespace) -> int:
    model = load_model(args)
    regions = [r for r in model.regions() if args.all or r.kind != "referentieregio"]
    rows = []
    for r in regions:
        origin = model.origins.get(r.id, "")
        if not r.parts_known:
            parts = "unknown"
        else:
            parts = ", ".join(p.territory for p in r.parts) if len(r.parts) <= 3 else f"{len(r.parts)} territories"
        rows.append(
            {"id": r.id, "name": r.name, "kind": r.kind, "part_of": r.part_of, "plugin": origin, "parts": parts}
        )
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["id", "name", "kind", "part of", "plugin", "parts"],
            [[r["id"], r["name"], r["kind"], r["part_of"], r["plugin"], r["parts"]] for r in rows],
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ..describe import describe, describe_json

    model = load_model(args)
    record = model.get(args.id)
    if args.json:
        print_json(describe_json(model, record))
    else:
        print(describe(model, record))
    return 0
