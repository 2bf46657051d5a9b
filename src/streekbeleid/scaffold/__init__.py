"""Scaffold a region package: ``streekbeleid new-region SLUG`` writes ``plugins/<slug>/`` from these templates.

The package it writes installs as it is, passes its own tests and shows up in
``streekbeleid plugins``: a pyproject with the entry point, a module with the
one hook most regions need (:func:`~streekbeleid.plugins.hookspecs.streekbeleid_data_files`),
data files with a commented example of every record kind, a folder for the
source documents, and tests that use :mod:`streekbeleid.testing`.

>>> import tempfile
>>> from streekbeleid.scaffold import new_region
>>> root = new_region("kempen", tempfile.mkdtemp(), name="Kempen")
>>> sorted(p.name for p in (root / "src" / "streekbeleid_kempen" / "data").iterdir())
['plans.yaml', 'region.yaml', 'workflows.yaml']
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from .._version import __version__
from ..errors import StreekbeleidError
from ..i18n import _
from ..plugins.manager import CORE_NAMESPACES, CORE_PLUGIN

__all__ = ["new_region", "SLUG_PATTERN", "template_files"]

#: A slug is the region's namespace in ids and its name in the entry-point group.
SLUG_PATTERN = r"^[a-z][a-z0-9_]*$"
_TEMPLATE_SUFFIX = ".tmpl"


def template_files() -> list[tuple[str, Traversable]]:
    """The template files as (relative path with placeholders, file), sorted."""
    root = files(__name__) / "template"
    out: list[tuple[str, Traversable]] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.name == "__pycache__":
                continue
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            else:
                out.append((f"{prefix}{entry.name}", entry))

    walk(root, "")
    return sorted(out, key=lambda pair: pair[0])


def _check_slug(slug: str) -> None:
    if not re.fullmatch(SLUG_PATTERN, slug):  # fullmatch: "$" alone would let "kempen\n" in
        raise StreekbeleidError(
            f"{slug!r} is not a valid region slug: use lower-case letters, digits and underscores, "
            "starting with a letter (e.g. kempen, halle_vilvoorde)"
        )
    if slug in CORE_NAMESPACES or slug == CORE_PLUGIN:
        raise StreekbeleidError(_("{slug!r} is a namespace of the core; choose another slug").format(slug=slug))


def _check_name(name: str) -> None:
    bad = sorted({c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")})
    if not name.strip() or bad:
        raise StreekbeleidError(
            f"{name!r} is not a usable region name: give one line of text"
            + (f" without control characters ({', '.join(map(repr, bad))})" if bad else "")
        )


def _in_quotes(text: str) -> str:
    """``text`` for the inside of a double-quoted YAML, TOML or Python string (JSON's escapes are valid in all)."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _in_docstring(text: str) -> str:
    """``text`` for the inside of a (non-raw) Python docstring: backslashes and quotes escaped."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def new_region(slug: str, path: str | Path = "plugins", *, name: str | None = None, force: bool = False) -> Path:
    """Write a region package for ``slug`` into ``path/<slug>/`` and return that folder.

    :param slug: the region's namespace and plugin name (``kempen``): ids become ``kempen:...``.
    :param path: the folder to create the package in (default ``plugins``).
    :param name: the region's display name (default: the slug in title case).
    :param force: write into an existing, non-empty folder (files of the same name are overwritten).
    """
    _check_slug(slug)
    name = name or slug.replace("_", " ").title()
    _check_name(name)
    root = Path(path) / slug
    if root.exists() and any(root.iterdir()) and not force:
        raise StreekbeleidError(
            _("{path} exists and is not empty; choose another slug or path (or --force)").format(path=root)
        )
    values = {
        "slug": slug,
        "name": name,  # plain text: comments, the README, the example source
        "name_quoted": _in_quotes(name),  # inside "..." in YAML and TOML
        "name_doc": _in_docstring(name),  # inside a Python docstring
        "name_repr_doc": _in_docstring(repr(name)),  # what a doctest prints for it
        "package": f"streekbeleid_{slug}",
        "distribution": f"streekbeleid-{slug.replace('_', '-')}",
        "core_version": __version__,
        "year": str(date.today().year),
    }
    for relative, source in template_files():
        target = relative.replace("__package__", values["package"]).replace("__slug__", slug)
        if target.endswith(_TEMPLATE_SUFFIX):
            target = target[: -len(_TEMPLATE_SUFFIX)]
            text = string.Template(source.read_text(encoding="utf-8")).substitute(values)
        else:
            text = source.read_text(encoding="utf-8")
        out = root / target
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return root
