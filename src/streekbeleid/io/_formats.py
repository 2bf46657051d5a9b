"""The export formats by name, for the command line and for ``streekbeleid.io.write``."""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from ..model.model import Model

__all__ = ["FORMATS", "ExportFormat", "write"]


@attrs.frozen
class ExportFormat:
    """An export format: its name, what it is, where its writer lives, what it writes to."""

    name: str
    description: str
    writer: str  # "module:function" under streekbeleid.io
    suffix: str
    folder: bool = False
    subjects: bool = False

    def load(self) -> Any:
        module, _, function = self.writer.partition(":")
        return getattr(importlib.import_module(f"streekbeleid.io.{module}"), function)


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
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    writer = spec.load()
    if spec.subjects:
        writer(model, path, list(subjects or []), view=view)
    elif spec.folder:
        writer(model, Path(path), **options)
    else:
        writer(model, path, **options)
