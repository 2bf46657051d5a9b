"""A Sphinx directive that documents every command of the ``streekbeleid`` CLI from its argparse parser.

The reference cannot drift from the code: a new command or option appears in
the docs the next time they are built.

Usage in a MyST page::

    ```{streekbeleid-cli}
    ```
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def _commands(parser: argparse.ArgumentParser, prefix: str) -> Iterator[tuple[str, argparse.ArgumentParser, str]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                full = f"{prefix} {name}"
                yield full, sub, helps.get(name, "")
                yield from _commands(sub, full)


class CliReference(SphinxDirective):
    """Emit a section per command: its one-line summary and its ``--help`` text."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from streekbeleid.cli import build_parser
        from streekbeleid.i18n import use_language

        os.environ["COLUMNS"] = "100"  # the width argparse wraps at: the same on every machine
        with use_language("en"):  # the reference page is English, whatever the builder's locale
            parser = build_parser()
            parser.prog = "streekbeleid"
            out: list[nodes.Node] = []
            top = nodes.section(ids=["streekbeleid"])
            top += nodes.title(text="streekbeleid")
            top += nodes.literal_block(text=parser.format_help(), language="text")
            out.append(top)
            for full, sub, summary in _commands(parser, "streekbeleid"):
                section = nodes.section(ids=[nodes.make_id(full)])
                section += nodes.title(text=full)
                if summary:
                    section += nodes.paragraph(text=summary[:1].upper() + summary[1:] + ".")
                section += nodes.literal_block(text=sub.format_help(), language="text")
                out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("streekbeleid-cli", CliReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
