"""The index page: the regions, the checks in numbers, the plugins."""

from __future__ import annotations

from ._html import concat, el
from ._site import Site


def index_page(site: Site) -> str:
    m = site.model
    cards = []
    for s in site.scopes:
        cards.append(
            el(
                "tr",
                el(
                    "td",
                    el("a", s.region.name, href=site.page_of(s.region)),
                    " ",
                    el("span", s.region.id, class_="id"),
                ),
                el("td", m.origins.get(s.region.id, "")),
                el("td", str(len(s.bodies)), class_="num"),
                el("td", str(len(s.actor_ids())), class_="num"),
                el("td", str(len(s.plans)), class_="num"),
                el("td", str(len(s.decisions) + len(s.tallies)), class_="num"),
                el("td", str(len(site.problems_of(s))), class_="num"),
            )
        )
    plugins = [
        el(
            "tr",
            el("td", p.name),
            el("td", p.distribution or ""),
            el("td", p.version or ""),
            el("td", p.status, class_="status-ok" if p.status == "ok" else "status-short"),
            el("td", ", ".join(h.removeprefix("streekbeleid_") for h in p.hooks)),
        )
        for p in m.plugins
    ]
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
        el(
            "table",
            el(
                "thead",
                el(
                    "tr",
                    el("th", "region"),
                    el("th", "plugin"),
                    el("th", "bodies", class_="num"),
                    el("th", "actors", class_="num"),
                    el("th", "plans", class_="num"),
                    el("th", "decisions", class_="num"),
                    el("th", "problems", class_="num"),
                ),
            ),
            el("tbody", cards),
        )
        if cards
        else el("p", "No region plugin is installed: only the core catalogue is loaded.", class_="muted"),
        el("p", el("a", "Compare the regions", href="compare.html"), ": themes and shared actors."),
        el("h2", "Checks"),
        el(
            "p",
            el("a", f"{errors} errors, {warnings} warnings", href="checks.html"),
            f" found by {_checks_origin(site)}.",
        ),
        el("h2", "Plugins"),
        el(
            "table",
            el(
                "thead",
                el(
                    "tr",
                    el("th", "name"),
                    el("th", "distribution"),
                    el("th", "version"),
                    el("th", "status"),
                    el("th", "hooks"),
                ),
            ),
            el("tbody", plugins),
        ),
    )
    return site.page("Overview", body)


def _checks_origin(site: Site) -> str:
    return "the checks of the library and the plugins"
