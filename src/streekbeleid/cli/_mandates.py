"""The ``mandates`` command: who held which office in a body, an organisation or a territory, in which term.

It prints a table in the language in use (names, dates in words, "not recorded" where the data names nobody),
``--json`` gives the raw values (ids, dates in their notation), ``-o FILE`` writes a ``.xlsx``, ``.csv`` or
``.json`` file chosen by the name's suffix.
"""

from __future__ import annotations

import argparse

from ._common import RecordId, add_as_of, add_json, load_model
from ._find import _add_output, _emit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "mandates", parents=[common], help="who held which office (mandate) in a body, organisation or territory"
    )
    p.add_argument(
        "body",
        type=RecordId("body", "actor", "territory"),
        metavar="BODY|TERRITORY",
        help="a body, an organisation or a territory, e.g. org:provincie-limburg or nis:70000",
    )
    add_as_of(p)
    add_json(p)
    _add_output(p)
    p.set_defaults(func=cmd_mandates)


def cmd_mandates(args: argparse.Namespace) -> int:
    from ..queries.mandates import mandates

    return _emit(args, mandates(load_model(args), args.body, on=args.as_of).table())
