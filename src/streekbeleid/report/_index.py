"""The index page: the regions, the checks in numbers, the plugins."""

from __future__ import annotations

from ._html import Markup, concat, el, table
from ._site import Site

__all__ = ["index_page"]


def index_page(site: Site) -> str:
    """The overview every visit starts from."""
    errors = sum(1 for p in site.problems if p.severity == "error")
    warnings = sum(1 for p in site.problems if p.severity == "warning")
    body = concat(
        el("h1", "Regional socio-economic policy in Flanders"),
        el(
            "p",
            "Who sits in which body, which pacts and plans exist, who committed to what, "
            "which councils approved or endorsed them, and where each fact comes from. ",
            f"The report shows {'the situation on ' + str(site.as_of) if site.as_of else 'all periods'}.",
            class_="muted",
        ),
        el("h2", "Regions"),
        _regions(site),
        el("p", el("a", "Compare the regions", href="compare.html"), ": themes and shared actors."),
        el("h2", "Checks"),
        el(
            "p",
            el("a", f"{errors} errors, {warnings} warnings", href="checks.html"),
            " found by the checks of the library and the plugins.",
        ),
        el("h2", "Plugins"),
        _plugins(site),
    )
    return site.page("Overview", body)


def _regions(site: Site) -> Markup:
    if not site.scopes:
        return el("p", "No region plugin is installed: only the core catalogue is loaded.", class_="muted")
    rows = [
        el(
            "tr",
            el("td", el("a", s.region.name, href=site.page_of(s.region)), " ", el("span", s.region.id, class_="id")),
            el("td", site.model.origins.get(s.region.id, "")),
            el("td", str(len(s.bodies)), class_="num"),
            el("td", str(len(s.actor_ids())), class_="num"),
            el("td", str(len(s.plans)), class_="num"),
            el("td", str(len(s.decisions) + len(s.tallies)), class_="num"),
            el("td", str(len(site.problems_of(s))), class_="num"),
        )
        for s in site.scopes
    ]
    heads = ["region", "plugin", ("bodies", "num"), ("actors", "num"), ("plans", "num"), ("decisions", "num")]
    return table([*heads, ("problems", "num")], rows)


def _plugins(site: Site) -> Markup:
    rows = [
        el(
            "tr",
            el("td", p.name),
            el("td", p.distribution or ""),
            el("td", p.version or ""),
            el("td", p.status, class_="status-ok" if p.status == "ok" else "status-short"),
            el("td", ", ".join(h.removeprefix("streekbeleid_") for h in p.hooks)),
        )
        for p in site.model.plugins
    ]
    return table(["name", "distribution", "version", "status", "hooks"], rows)
