"""Commands: ``plugins``, ``regions``, ``show``."""

from __future__ import annotations

import argparse

from ..i18n import _
from ._common import RecordId, add_as_of, add_json, add_output, load_model, print_json, write_output

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model.model import Model, PluginInfo
    from ..model.records import Region
    from ..model.table import Table


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "plugins", parents=[common], help=_("list the plugins: name, distribution, version, hooks, status")
    )
    add_json(p)
    add_output(p)
    p.set_defaults(func=cmd_plugins)

    p = sub.add_parser("regions", parents=[common], help=_("list the regions"))
    add_as_of(p)
    add_json(p)
    add_output(p)
    p.add_argument("--all", action="store_true", help=_("include the reference regions of the core catalogue"))
    p.set_defaults(func=cmd_regions)

    p = sub.add_parser("show", parents=[common], help=_("show one record (body, plan, actor, territory ...)"))
    p.add_argument("id", type=RecordId(), help=_("the record id, e.g. limburg:resoc or nis:71022"))
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
    ok = all(i.status == "ok" for i in infos)
    if write_output(args, plugins_table(infos)):
        return 0 if ok else 1
    print(plugins_table(infos))
    for i in infos:
        if i.error:
            print("\n" + _("{name}: {error}").format(name=i.name, error=i.error))
    return 0 if ok else 1


def plugins_table(infos: list[PluginInfo]) -> Table:
    """The plugins: name, distribution, version, status in words, hooks."""
    from ..i18n import N_
    from ..model.table import HEADINGS, Column, Ref, Table

    status = {"failed": _("failed")}  # "ok" reads the same in Dutch
    columns = [
        Column("name", HEADINGS["name"]),
        Column("distribution", N_("distribution")),
        Column("version", N_("version")),
        Column("status", N_("status")),
        Column("hooks", N_("hooks")),
    ]
    rows = [
        (
            i.name,
            i.distribution,
            i.version,
            Ref(i.status, status.get(i.status, i.status)),
            tuple(h.removeprefix("streekbeleid_") for h in i.hooks),
        )
        for i in infos
    ]
    return Table(columns, rows)


def cmd_regions(args: argparse.Namespace) -> int:
    model = load_model(args)
    regions = [r for r in model.regions() if args.all or r.kind != "referentieregio"]
    if args.json:
        rows = []
        for r in regions:
            if not r.parts_known:
                parts = "unknown"
            else:
                parts = ", ".join(p.territory for p in r.parts) if len(r.parts) <= 3 else f"{len(r.parts)} territories"
            origin = model.origins.get(r.id, "")
            rows.append(
                {"id": r.id, "name": r.name, "kind": r.kind, "part_of": r.part_of, "plugin": origin, "parts": parts}
            )
        print_json(rows)
        return 0
    table = regions_table(model, regions)
    if not write_output(args, table):
        print(table)
    return 0


def regions_table(model: Model, regions: list[Region]) -> Table:
    """The regions: id, name, kind, what they are part of, the plugin that brings them, their parts in words."""
    from ..i18n import N_, ngettext
    from ..model.phrasing import kind_label, name
    from ..model.table import HEADINGS, Column, Ref, Table

    rows = []
    for r in regions:
        if not r.parts_known:
            parts = _("unknown")
        elif len(r.parts) <= 3:
            parts = ", ".join(name(model, p.territory) for p in r.parts)
        else:
            parts = ngettext("{n} territory", "{n} territories", len(r.parts)).format(n=len(r.parts))
        rows.append(
            (
                r.id,
                r.name,
                Ref(r.kind, kind_label(r.kind)),
                Ref.to(model, r.part_of),
                model.origins.get(r.id, ""),
                parts,
            )
        )
    columns = [
        Column("id", HEADINGS["id"]),
        Column("name", HEADINGS["name"]),
        Column("kind", HEADINGS["kind"]),
        Column("part_of", N_("part of")),
        Column("plugin", N_("plugin")),
        Column("parts", N_("parts")),
    ]
    return Table(columns, rows)


def cmd_show(args: argparse.Namespace) -> int:
    from ..describe import describe, describe_json

    model = load_model(args)
    record = model.get(args.id)
    if args.json:
        print_json(describe_json(model, record))
    else:
        print(describe(model, record))
    return 0
