"""The checks page, and the table of problems a region's page shows too."""

from __future__ import annotations

from collections.abc import Sequence

from ..model.records import Problem
from ._html import Markup, concat, el, table
from ._site import Site

__all__ = ["checks_page", "problems_table"]


def problems_table(site: Site, problems: Sequence[Problem], prefix: str = "") -> Markup:
    """The problems, errors first, each with its rule, message, sources and the records it names."""
    if not problems:
        return el("p", "No problems found.", class_="status-ok")
    rows = [
        el(
            "tr",
            el("td", p.severity, class_=f"sev-{p.severity}"),
            el("td", el("code", p.rule)),
            el("td", p.message, site.sources.links(p.sources, prefix)),
            el("td", [concat(site.link(i, i, prefix), " ") for i in p.ids]),
        )
        for p in sorted(problems, key=lambda p: ({"error": 0, "warning": 1}.get(p.severity, 2), p.rule, p.ids))
    ]
    return table(["severity", "rule", "message", "records"], rows, class_="problems")


def checks_page(site: Site) -> str:
    """Every problem the checks found in the whole model."""
    body = concat(
        el("h1", "Check results"),
        el(
            "p",
            "Every rule of the library and of the plugins, run over the whole model. "
            "Errors are contradictions in the data; warnings are gaps or rules not met.",
            class_="muted",
        ),
        problems_table(site, site.problems),
    )
    return site.page("Checks", body)
