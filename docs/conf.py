"""Sphinx configuration: MyST Markdown pages, API reference from docstrings, warnings are errors."""

from __future__ import annotations

project = "streekbeleid"
author = "streekbeleid developers"
copyright = "2026, streekbeleid developers"  # noqa: A001

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
nitpicky = False
suppress_warnings = ["myst.xref_missing"]
