"""The ``streekbeleid`` command line: argument parsing and printing only.

Each command group lives in its own module with a ``register(subparsers)``
function; modules import the library lazily, inside their command functions,
so ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__

__all__ = ["main", "build_parser"]

#: Command modules, each with ``register(subparsers, common)``.
COMMAND_MODULES = ("_core",)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    common.add_argument(
        "--plugins",
        metavar="SLUGS",
        help="comma-separated region plugins to load (default: all installed; '' for the core alone)",
    )
    common.add_argument(
        "--strict",
        action="store_true",
        default=None,
        help="fail on a broken plugin instead of leaving it out (also STREEKBELEID_STRICT=1)",
    )
    parser = argparse.ArgumentParser(
        prog="streekbeleid",
        description="Regional socio-economic policy in Flanders as a time-aware graph.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"streekbeleid {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f".{name}", __name__).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from ..errors import StreekbeleidError

        if args.debug or not isinstance(exc, StreekbeleidError):
            raise
        text = str(exc)
        first, _, rest = text.partition("\n")
        print(f"streekbeleid: error: {first}", file=sys.stderr)
        if rest:
            print(rest, file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
