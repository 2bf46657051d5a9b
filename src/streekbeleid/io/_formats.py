"""The export formats and diagram views by name: the one table the command line and ``write`` read.

The command line reads :data:`FORMATS` and :data:`VIEWS` (through ``streekbeleid.io``) to build
``streekbeleid export --help``, so this module imports nothing but the standard library's
lightest parts at import time: ``--help`` stays fast.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from collections.abc import Sequence
    from typing import Any

    from ..model.model import Model

__all__ = ["FORMATS", "VIEWS", "ExportFormat", "write"]

#: The diagram views (``auto``: members for a body, tree for a plan, lineage for anything else).
VIEWS = ("auto", "members", "tree", "lineage")


class ExportFormat:
    """An export format: its name, what it is, where its writer lives, what it writes to.

    >>> FORMATS["mermaid"]
    ExportFormat(name='mermaid', description='Mermaid flowchart', writer='diagrams:write_mermaid', \
suffix='.mmd', folder=False, subjects=True)
    """

    __slots__ = ("description", "folder", "name", "subjects", "suffix", "writer")

    def __init__(
        self, name: str, description: str, writer: str, suffix: str, folder: bool = False, subjects: bool = False
    ) -> None:
        self.name = name
        self.description = description
        self.writer = writer  # "module:function" under streekbeleid.io
        self.suffix = suffix
        self.folder = folder  # writes a folder (csv), not one file
        self.subjects = subjects  # a diagram: takes subjects and a view

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"ExportFormat({fields})"

    def load(self) -> Any:
        """The format's writer function (its module imported now)."""
        import importlib

        module, _, function = self.writer.partition(":")
        return getattr(importlib.import_module(f"streekbeleid.io.{module}"), function)


_FIELDS = ("name", "description", "writer", "suffix", "folder", "subjects")

#: The export formats by name, in the order the command line lists them.
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", "native JSON (lossless, versioned, reads back with import)", "native:write_json", ".json"),
        ExportFormat("popolo", "Popolo 1.0.1 JSON", "popolo:write_popolo", ".popolo.json"),
        ExportFormat("jsonld", "JSON-LD (W3C ORG, OSLO besluit, PROV, DCTERMS)", "linked_data:write_jsonld", ".jsonld"),
        ExportFormat("turtle", "Turtle (W3C ORG, OSLO besluit, PROV, DCTERMS)", "linked_data:write_turtle", ".ttl"),
        ExportFormat("graphml", "GraphML for Gephi and yEd", "graphml:write_graphml", ".graphml"),
        ExportFormat("mermaid", "Mermaid flowchart", "diagrams:write_mermaid", ".mmd", subjects=True),
        ExportFormat("dot", "Graphviz DOT", "diagrams:write_dot", ".dot", subjects=True),
        ExportFormat("csv", "CSV, one table per record kind, in a folder", "csv:write_csv", "", folder=True),
    )
}


def write(
    model: Model,
    format: str,
    path: str | os.PathLike[str] | Any,
    *,
    subjects: Sequence[str] | None = None,
    view: str = "auto",
    **options: Any,
) -> None:
    """Write a model or slice in a named format (see :data:`FORMATS`) to a path, folder or open file.

    ``subjects`` and ``view`` are for the diagram formats; other options go to the format's writer.
    """
    spec = FORMATS.get(format)
    if spec is None:
        from ..errors import InvalidValueError
        from ..i18n import _

        raise InvalidValueError(
            _("unknown format {format!r}; choose one of {formats}").format(format=format, formats=", ".join(FORMATS))
        )
    writer = spec.load()
    if spec.subjects:
        writer(model, path, list(subjects or []), view=view)
    elif spec.folder:
        from pathlib import Path

        writer(model, Path(path), **options)
    else:
        writer(model, path, **options)
