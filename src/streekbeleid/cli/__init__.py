"""The ``streekbeleid`` command line: argument parsing and printing only.

Each command group lives in its own module with a ``register(subparsers)``
function; modules import the library lazily, inside their command functions,
so ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import sys

from .._version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any

__all__ = ["main", "build_parser"]

#: Command modules, each with ``register(subparsers, common)``.
COMMAND_MODULES = (
    "_core",
    "_export",
    "_analysis",
    "_coverage",
    "_workflow",
    "_report",
    "_scaffold",
    "_publish",
    "_harvest",
    "_find",
    "_progress",
)


def _common_options(defaults: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after the command name.

    The subcommands' copy has no defaults (``SUPPRESS``), so an option given before the
    command is not overwritten by the subcommand's default.
    """
    import argparse

    from ..i18n import LANGUAGES, _

    keep: dict[str, Any] = {} if defaults else {"default": argparse.SUPPRESS}
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help=_("show the full traceback on errors"), **keep)
    common.add_argument(
        "--plugins",
        metavar="SLUGS",
        help=_("comma-separated region plugins to load (default: all installed; '' for the core alone)"),
        **keep,
    )
    common.add_argument(
        "--strict",
        action="store_true",
        help=_("fail on a broken plugin instead of leaving it out (also STREEKBELEID_STRICT=1)"),
        **({"default": None} if defaults else keep),
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("the language of the output: nl or en (default: STREEKBELEID_LANG, else the locale; Dutch first)"),
        **keep,
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, its help texts in the language in use (decide it first: :func:`main` does)."""
    import importlib

    from ..i18n import _
    from ._common import Parser

    parser = Parser(
        prog="streekbeleid",
        description=_("Regional socio-economic policy in Flanders as a time-aware graph."),
        parents=[_common_options(defaults=True)],
    )
    parser.add_argument(
        "--version", action="version", version=f"streekbeleid {__version__}", help=_("show the version and exit")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    common = _common_options(defaults=False)
    for name in COMMAND_MODULES:
        importlib.import_module(f".{name}", __name__).register(sub, common)
    return parser


def _show_warning(message: Warning | str, category: type[Warning], *_args: object, **_kwargs: object) -> None:
    """Warnings as one readable line on standard error (a left-out plugin must not pass unseen)."""
    from ..i18n import _

    text = str(message).replace("\n", "\n  ")
    print(_("streekbeleid: warning: {text}").format(text=text), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words[:1] == ["--version"]:  # answered before the parser of every command is built
        print(f"streekbeleid {__version__}")
        return 0
    from ..i18n import use_language

    with use_language(_language_asked(words)):  # the help texts are in the language asked for
        parser = build_parser()
        args = parser.parse_args(words)
    if not getattr(args, "func", None):
        with use_language(args.lang):
            parser.print_help()
        return 2
    with use_language(args.lang):  # the caller's language is back afterwards (main is called from Python too)
        return _run(args)


def _language_asked(words: Sequence[str]) -> str | None:
    """The ``--lang`` of the command line, read before it is parsed (the parser's help texts depend on it);
    None when it names none of the languages (the environment decides, or the parser says what is wrong)."""
    from ..i18n import LANGUAGES

    for i, word in enumerate(words):
        if word == "--":
            break
        value = words[i + 1] if word == "--lang" and i + 1 < len(words) else word.partition("=")[2]
        if (word == "--lang" or word.startswith("--lang=")) and value in LANGUAGES:
            return value
    return None


def _run(args: argparse.Namespace) -> int:
    """Run the chosen command: a :class:`~streekbeleid.errors.StreekbeleidError` is one line and exit 2."""
    import warnings

    from ..i18n import _

    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from ..errors import FileSystemError, StreekbeleidError

        if isinstance(exc, OSError) and not isinstance(exc, StreekbeleidError) and not args.debug:
            exc = FileSystemError.of(exc)  # a path the user gave that cannot be used: one line, exit 2
        if args.debug or not isinstance(exc, StreekbeleidError):
            raise
        text = str(exc)
        first, _sep, rest = text.partition("\n")
        print(_("streekbeleid: error: {message}").format(message=first), file=sys.stderr)
        if rest:
            print(rest, file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
