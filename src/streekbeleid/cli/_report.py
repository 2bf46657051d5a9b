"""Commands: ``report`` (the HTML site) and ``demo`` (what a newcomer sees first, then the report)."""

from __future__ import annotations

import argparse

from ..i18n import _
from ._common import RecordId, day, load_model

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_OUTPUT = "build/report"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help=_("write a self-contained HTML report (one page per region, comparison, checks, sources)"),
        description=_(
            "Write a static HTML site that needs no network to view: per region the bodies and actors "
            "as a network picture, the composition of each body against its rules, the plans as trees, a timeline, "
            "endorsement coverage, workflow instances, check results and the sources of every fact; and a page "
            "comparing the regions."
        ),
    )
    p.add_argument(
        "regions",
        nargs="*",
        metavar="REGION",
        type=RecordId("region", "territory"),
        help=_("region ids (limburg:limburg) or plugin names (limburg); default: every region of every plugin"),
    )
    # not ``as_of``: load_model would slice the model, and the report needs the whole of it for the timeline
    p.add_argument(
        "--as-of",
        dest="report_date",
        metavar="DATE",
        type=day,
        help=_("show bodies, members and plans as they stood on this day"),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default=DEFAULT_OUTPUT,
        help=_("where to write (default: {path})").format(path=DEFAULT_OUTPUT),
    )
    p.add_argument("--store", metavar="PATH", help=_("a workflow event store (SQLite) whose instances to show"))
    p.add_argument(
        "--documents",
        metavar="DIR",
        action="append",
        default=[],
        help=_("a folder with the documents the sources cite (seed files); repeatable; ./seeds is used when it exists"),
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "demo",
        parents=[common],
        help=_("show the installed plugins and regions with a few facts each, then write the report"),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default=DEFAULT_OUTPUT,
        help=_("where to write (default: {path})").format(path=DEFAULT_OUTPUT),
    )
    p.set_defaults(func=cmd_demo)


def _documents(args: argparse.Namespace) -> list[str]:
    from ..citing import seed_folders

    folders = list(getattr(args, "documents", []) or [])
    return folders or [str(f) for f in seed_folders()]


def cmd_report(args: argparse.Namespace) -> int:
    from ..report import write_report

    model = load_model(args)
    index = write_report(
        model,
        args.output,
        regions=args.regions,
        as_of=args.report_date,
        store=args.store,
        documents=_documents(args),
    )
    print(f"Report written: {index.resolve()}")
    print(f"Open it in a browser: {index.resolve().as_uri()}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .._version import __version__
    from ..i18n import _
    from ..report import region_summary, report_regions, run_checks, write_report
    from ._common import print_table

    model = load_model(args)
    print(
        _("streekbeleid {version}: regional socio-economic policy in Flanders as a time-aware graph.").format(
            version=__version__
        )
    )
    print(
        _("The model holds {records} records and {relations} relations.").format(
            records=model.graph.number_of_nodes(), relations=model.graph.number_of_edges()
        )
        + "\n"
    )
    print(_("Plugins (each region is a package that plugs into the core):"))
    print_table(
        [_("name"), _("distribution"), _("version"), _("status")],
        [[p.name, p.distribution, p.version, p.status] for p in model.plugins],
    )
    regions = report_regions(model)
    if regions:
        print("\n" + _("Regions ({n}):").format(n=len(regions)))
    else:
        print("\n" + _("No region plugin is installed: only the core catalogue."))
    for region in regions:
        print()
        for line in region_summary(model, region):
            print(f"  {line}")
    problems = run_checks(model)
    counts = {s: sum(p.severity == s for p in problems) for s in ("error", "warning", "info")}
    print(
        "\n"
        + _("Checks: {errors} errors, {warnings} warnings, {notes} notes.").format(
            errors=counts["error"], warnings=counts["warning"], notes=counts["info"]
        )
    )
    # the report everyone opens after the demo is the Dutch one
    index = write_report(model, args.output, problems=problems, documents=_documents(args), lang="nl")
    print("\n" + _("Report written (in Dutch): {path}").format(path=index.resolve()))
    print(_("Open it in a browser: {uri}").format(uri=index.resolve().as_uri()))
    return 0
