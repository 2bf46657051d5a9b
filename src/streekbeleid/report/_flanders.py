"""The overview of Flanders: every RESOC area on a day, a table per province, each area with its bodies and a
link to what is known of it (a region's page of the report, or the area's own entry below the tables).

No map: no package on the registries ships Flemish municipality boundaries under an open licence (see
docs/rapport-lezen.md), and the report draws nothing it cannot source.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..i18n import _, ngettext
from ..model import phrasing
from ..model.dates import ALWAYS, Truth
from ..model.records import Region
from ..queries import coverage_of, region_coverage, resoc_areas
from ..queries.coverage import BodyHit
from ._site import Site
from .html import Markup, anchor_id, concat, el, table

__all__ = ["FLANDERS_DAY", "flanders_page"]

#: The day the overview shows when the report has none: mid-2016, when the RESOCs of the decree of 2004 still
#: worked everywhere (most stopped or merged after 2016; today's answer would be mostly "no longer").
FLANDERS_DAY = date(2016, 6, 30)


def _bodies(site: Site, area: Region, day: date) -> list[BodyHit]:
    """The bodies that covered an area on the day: its own, else those a region package gives its municipalities."""
    found = region_coverage(site.model, area.id, on=day)
    if found.bodies or not len(found.municipalities):
        return list(found.bodies)
    first = sorted(found.municipalities.ids)[0]
    return list(coverage_of(site.model, first, on=day).bodies)


def _body_item(site: Site, hit: BodyHit) -> Markup:
    body = site.model.get(hit.body)
    period = "" if body.valid is ALWAYS else phrasing.period_words(body.valid)
    doubt = "" if hit.truth is Truth.YES else _("possibly: its dates are not known precisely")
    details = "; ".join(x for x in (phrasing.kind_label(hit.kind), period, doubt) if x)
    return el("li", site.link(hit.body), f" ({details})", site.src(body))


def _area_href(site: Site, area: Region, hits: list[BodyHit]) -> str:
    """Where to read more about an area: the report page showing its bodies, else its entry on this page."""
    for hit in hits:
        href = site.hrefs.get(hit.body)
        if href:
            return href
    return f"#{anchor_id(area.id)}"


def _municipalities(site: Site, area: Region, day: date) -> str:
    found = region_coverage(site.model, area.id, on=day).municipalities
    if not len(found) and not found.complete:
        return _("unknown")
    n = len(found)
    text = ngettext("{n} municipality", "{n} municipalities", n).format(n=n)
    return text if found.complete else _("{count} (at least: the sources do not name them all)").format(count=text)


def _province_table(site: Site, areas: list[Region], day: date) -> Markup:
    rows = []
    for area in areas:
        hits = _bodies(site, area, day)
        bodies = el("ul", [_body_item(site, h) for h in hits]) if hits else el("span", _("none known"), class_="muted")
        rows.append(
            el(
                "tr",
                el("td", el("a", area.name, href=_area_href(site, area, hits))),
                el("td", _municipalities(site, area, day), class_="num"),
                el("td", bodies),
            )
        )
    return table([_("RESOC area"), (_("municipalities"), "num"), _("bodies on that day")], rows, class_="flanders")


def _area_entry(site: Site, area: Region, day: date) -> Markup:
    """What is known of an area that no region page of the report shows: its description, parts and sources."""
    found = region_coverage(site.model, area.id, on=day).municipalities
    names = sorted(site.name(t) for t in found.ids)
    return concat(
        el("h3", area.name, site.src(area), id=anchor_id(area.id)),
        el("p", phrasing.period_words(area.valid), class_="muted") if area.valid is not ALWAYS else None,
        el("p", described) if (described := phrasing.record_description(area)) else None,
        el("details", el("summary", _municipalities(site, area, day)), el("p", ", ".join(names))) if names else None,
    )


def flanders_page(site: Site) -> str:
    """Every RESOC area of Flanders on the report's day (or mid-2016), grouped by province."""
    day = site.as_of or FLANDERS_DAY
    areas = resoc_areas(site.model)
    by_province: dict[str, list[Region]] = defaultdict(list)
    for area in areas:
        by_province[area.part_of or ""].append(area)
    tables = [
        concat(
            el("h2", site.name(p) if p else _("province unknown"), id=anchor_id(p or "-", "p")),
            _province_table(site, a, day),
        )
        for p, a in sorted(by_province.items(), key=lambda kv: site.name(kv[0]))
    ]
    elsewhere = [a for a in areas if _area_href(site, a, _bodies(site, a, day)).startswith("#")]
    body = concat(
        el("h1", _("Flanders on {date}").format(date=phrasing.day_words(day))),
        el(
            "p",
            _(
                "Under the decree of 7 May 2004 every Flemish municipality lay in the area of a RESOC and a SERR. "
                "Per province: each area, how many municipalities it held on this day and which bodies covered it. "
                "The name of an area leads to what is known of it."
            ),
            " ",
            "" if site.as_of else _("Made with another date (report --as-of) it shows that day."),
            class_="muted",
        ),
        el("p", _("No map: no boundary data under an open licence is available to this report."), class_="muted"),
        tables if areas else el("p", _("The model holds no RESOC areas."), class_="muted"),
        el("h2", _("Areas without a page of their own"), id="areas") if elsewhere else None,
        [_area_entry(site, a, day) for a in elsewhere],
    )
    return site.page(_("Flanders"), body)
