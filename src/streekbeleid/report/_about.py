"""The about page: what the report is, how it was made, and the region packages that fed it."""

from __future__ import annotations

from ..i18n import _
from ._site import Site
from .html import Markup, concat, el, table

__all__ = ["about_page"]


def about_page(site: Site) -> str:
    """How the report came about: the packages loaded and what the marks on the pages mean."""
    body = concat(
        el("h1", _("About this report")),
        el(
            "p",
            _(
                "This report is made from the data of the library streekbeleid and the region packages installed "
                "with it. Every fact has a source: a small number after the fact leads to the document, at the "
                "quoted passage where the report has a copy of it."
            ),
        ),
        el("h2", _("What the marks mean")),
        el(
            "ul",
            el("li", _("A quote in quotation marks is a literal passage from its source.")),
            el("li", _("A note without quotation marks is a summary of a source in our own words, with its address.")),
            el("li", _("Unknown means the sources found do not say; it is not the same as none or zero.")),
            el("li", _("A date known only to the year or the month is shown as such, never more precise.")),
        ),
        el("h2", _("Region packages")),
        _plugins(site),
    )
    return site.page(_("About"), body)


def _plugins(site: Site) -> Markup:
    if not site.model.plugins:
        return el("p", _("No region package is installed: only the core catalogue is loaded."), class_="muted")
    status = {"ok": _("loaded")}
    rows = [
        el(
            "tr",
            el("td", p.name),
            el("td", p.distribution or ""),
            el("td", p.version or ""),
            el("td", status.get(p.status, p.status), class_="status-ok" if p.status == "ok" else "status-short"),
            el("td", ", ".join(h.removeprefix("streekbeleid_") for h in p.hooks), class_="id"),
        )
        for p in site.model.plugins
    ]
    return table([_("name"), _("distribution"), _("version"), _("status"), _("contributes")], rows)
