"""Command: ``new-region`` (scaffold a region package)."""

from __future__ import annotations

import argparse

from ..i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "new-region",
        parents=[common],
        help=_("scaffold a region package (pyproject, data files with examples, tests) in plugins/SLUG"),
        description=_(
            "Write a region package that installs, passes its own tests and shows up in "
            "'streekbeleid plugins' as it is; then replace the examples in its data files with your region's facts."
        ),
    )
    p.add_argument("slug", help=_("the region's namespace and plugin name: lower-case, e.g. kempen or halle_vilvoorde"))
    p.add_argument("--path", metavar="DIR", default="plugins", help=_("where to create SLUG/ (default: plugins)"))
    p.add_argument("--name", help=_("the region's display name (default: the slug in title case)"))
    p.add_argument("--force", action="store_true", help=_("write into an existing folder, overwriting files"))
    p.set_defaults(func=cmd_new_region)


def cmd_new_region(args: argparse.Namespace) -> int:
    from ..scaffold import new_region

    root = new_region(args.slug, args.path, name=args.name, force=args.force)
    steps = [
        (f"pip install -e {root}", "install it next to the core"),
        ("streekbeleid plugins", f"{args.slug} is listed"),
        (f"pytest {root}", "its own tests pass"),
        (f"streekbeleid report {args.slug}", "the report, in build/report/index.html"),
    ]
    width = max(len(command) for command, _why in steps)
    print(f"Created {root}/ (package streekbeleid_{args.slug}). Next:")
    for command, why in steps:
        print(f"  {command.ljust(width)}  # {why}")
    print(f"Then replace the examples in {root}/src/streekbeleid_{args.slug}/data/ with your region's facts.")
    return 0
