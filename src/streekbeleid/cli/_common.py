"""Helpers the command modules share: loading the model from the common options, printing."""

from __future__ import annotations

import argparse
import contextlib
import sys

from ..i18n import N_, _, ngettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from typing import Any, NoReturn

    from ..model.model import Model
    from ..model.table import Table


class Parser(argparse.ArgumentParser):
    """An argument parser whose own words (usage, section titles, ``-h``, the error line) are in the language
    in use when it is built; the commands' help texts are marked with ``_`` where they are written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        parents = kwargs.pop("parents", [])
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=_("show this help message and exit")
            )
        for parent in parents:  # after -h, as argparse orders them
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_in_our_words():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_in_our_words():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        return _localized_usage(super().format_usage())

    def format_help(self) -> str:
        return _localized_usage(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


#: argparse's own messages a person meets, marked so that the catalogue keeps their Dutch (argparse's texts).
ARGPARSE_TEXTS = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


@contextlib.contextmanager
def _argparse_in_our_words() -> Iterator[None]:
    """argparse's own messages ("invalid choice", "the following arguments are required" ...) from our catalogue
    (:data:`ARGPARSE_TEXTS`) while a parser parses: argparse looks them up through its module's ``_`` and
    ``ngettext``."""
    saved = vars(argparse)["_"], vars(argparse)["ngettext"]
    setattr(argparse, "_", _)  # noqa: B010
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


def _localized_usage(text: str) -> str:
    return _("usage: ") + text.removeprefix("usage: ") if text.startswith("usage: ") else text


def load_model(args: argparse.Namespace) -> Model:
    """The model from ``--plugins``/``--strict``, sliced by ``--as-of`` and ``--region`` when given."""
    from ..assembly import load

    plugins = None if args.plugins is None else [p for p in args.plugins.split(",") if p.strip()]
    model = load(plugins=plugins, strict=args.strict)
    if getattr(args, "region", None):
        model = model.in_region(args.region)
    if getattr(args, "as_of", None):
        model = model.as_of(args.as_of)
    return model


def print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def add_output(p: argparse.ArgumentParser) -> None:
    """``-o FILE``: the command's table to a ``.xlsx``, ``.csv`` or ``.json`` file."""
    p.add_argument(
        "-o", "--output", metavar="FILE", help=_("write the table to FILE.xlsx, FILE.csv or FILE.json (by its suffix)")
    )


def write_output(args: argparse.Namespace, table: Table) -> bool:
    """Write ``table`` to the file of ``-o`` when one was given (and say so on standard error); whether it did."""
    if not getattr(args, "output", None):
        return False
    from ..io.table_files import write_table

    path = write_table(table, args.output)
    print(_("written: {path}").format(path=path), file=sys.stderr)
    return True


def emit_table(args: argparse.Namespace, table: Table) -> int:
    """The table to a file (``-o``), as JSON (``--json``) or as text."""
    if write_output(args, table):
        return 0
    if args.json:
        print_json(table.records())
    else:
        print(table)
    return 0


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A plain text table with columns sized to their content."""
    rows = [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


class RecordId:
    """The argparse type of an argument that names a record, a workflow or an instance: the text as given.

    ``kinds`` says what the id must name: record kinds (``"body"``, ``"region"``), ``"workflow"`` (a
    definition) or ``"instance"`` (a workflow instance in the store); none means any record.  The
    library checks the id and says what is wrong in one line; the tests read ``kinds`` to run every
    command with an unknown id and with an id of another kind.
    """

    __name__ = "id"  # how argparse names the type in its messages

    def __init__(self, *kinds: str) -> None:
        self.kinds = kinds

    def __call__(self, text: str) -> str:
        return text

    def __repr__(self) -> str:
        return f"RecordId{self.kinds!r}"


def day(text: str) -> str:
    """An argparse type: a full day YYYY-MM-DD (a partial date would make "as of" ambiguous)."""
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("expected a full day YYYY-MM-DD, got {text!r}").format(text=text)) from None
    return text


def add_as_of(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", metavar="DATE", type=day, help=_("look at the model on this day (YYYY-MM-DD)"))


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=_("machine-readable JSON output"))
