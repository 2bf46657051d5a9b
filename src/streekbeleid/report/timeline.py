"""A timeline of a region's plans, fundings, memberships and decisions, as an SVG picture.

Dates in the sources are often partial ("2016", "June 2016") or only bounded
("before 6 February 2017").  The timeline never pretends to know more: the
part of a period that certainly holds is a solid bar; the span within which
an end may fall is hatched and faded, from the earliest to the latest day it
may mean; an open end runs to the edge with an arrow.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date

import attrs

from ..i18n import _, ngettext
from ..model.dates import PartialDate, Period
from ..model.model import Model
from ..model.phrasing import decision_phrase, kind_label, period_words, short_name, tally_phrase, when
from ..model.records import Decision, Tally
from .html import Markup, concat, el, picture, table
from .scope import RegionScope

__all__ = ["TimelineRow", "timeline_rows", "timeline_svg", "timeline_table", "CATEGORY_COLOURS"]

CATEGORY_COLOURS = {
    "plan": "#0072B2",
    "project": "#56B4E9",
    "funding": "#009E73",
    "membership": "#E69F00",
    "decision": "#D55E00",
}


@attrs.frozen
class TimelineRow:
    """One row: a label, its category and either a period (a bar) or a date (a mark)."""

    label: str
    category: str
    period: Period | None = None
    date: PartialDate | None = None
    target: str | None = None  # the record id the row links to

    def span(self) -> tuple[int, int, int, int]:
        """Earliest/latest start and earliest/latest end, as day ordinals (unbounded ends are extreme)."""
        if self.period is not None:
            return self.period.ordinals()
        assert self.date is not None
        lo, hi = self.date.earliest.toordinal(), self.date.latest.toordinal()
        return lo, hi, lo, hi


def timeline_rows(model: Model, scope: RegionScope) -> list[TimelineRow]:
    """The rows of a region's timeline: plans, projects, fundings, memberships (grouped) and decisions."""
    rows: list[TimelineRow] = []
    for plan in scope.plans:
        rows.append(TimelineRow(plan.name, "plan", period=plan.valid, target=plan.id))
    for project in scope.projects:
        rows.append(TimelineRow(project.name, "project", period=project.valid, target=project.id))
    for f in scope.fundings:
        what = _("{kind} from {funder}").format(kind=kind_label(f.kind), funder=short_name(model, f.funder))
        if f.subject:
            what = _("{funding} for {subject}").format(funding=what, subject=short_name(model, f.subject))
        rows.append(TimelineRow(what, "funding", period=f.valid, target=f.id))
    # memberships of one body with the same period are one row: 44 municipalities with the same term are one fact
    grouped: dict[tuple[str, Period], list[str]] = defaultdict(list)
    for m in scope.memberships:
        grouped[(m.organization, m.valid)].append(m.member)
    for (body, period), members in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1].ordinals())):
        n = len(members)
        who = short_name(model, members[0]) if n == 1 else ngettext("{n} member", "{n} members", n).format(n=n)
        text = _("{who} in {body}").format(who=who, body=short_name(model, body))
        rows.append(TimelineRow(text, "membership", period=period, target=body))
    events: list[Decision | Tally] = [*scope.decisions, *scope.tallies]
    for d in events:
        if d.date is None:
            continue
        if isinstance(d, Tally):
            text = tally_phrase(d.by, d.kind, d.count, d.out_of).format(subject=short_name(model, d.subject))
        else:
            text = decision_phrase(d.kind).format(by=short_name(model, d.by), subject=short_name(model, d.subject))
        rows.append(TimelineRow(text, "decision", date=d.date, target=d.id))
    order = {c: i for i, c in enumerate(CATEGORY_COLOURS)}
    rows.sort(key=lambda r: (order[r.category], _sort_start(r), r.label))
    return rows


def _sort_start(row: TimelineRow) -> int:
    s_lo, s_hi, _e_lo, _e_hi = row.span()
    return s_hi if s_lo == date.min.toordinal() else s_lo


_LABEL_W = 330.0
_PLOT_W = 760.0
_ROW_H = 22.0
_AXIS_H = 28.0
_MIN = date.min.toordinal()
_MAX = date.max.toordinal()


def _axis(rows: Sequence[TimelineRow], marker: date | None) -> tuple[int, int]:
    finite: list[int] = []
    for r in rows:
        finite.extend(v for v in r.span() if _MIN < v < _MAX)
    if marker is not None:
        finite.append(marker.toordinal())
    if not finite:
        return date(2000, 1, 1).toordinal(), date(2030, 1, 1).toordinal()
    first = date.fromordinal(min(finite)).year - 1
    last = date.fromordinal(max(finite)).year + 2
    return date(first, 1, 1).toordinal(), date(last, 1, 1).toordinal()


def _hatch_defs() -> Markup:
    patterns = [
        el(
            "pattern",
            el("rect", width=6, height=6, fill=colour, fill_opacity=0.18),
            el("path", d="M0,6 L6,0", stroke=colour, stroke_width=2),
            id=f"hatch-{category}",
            patternUnits="userSpaceOnUse",
            width=6,
            height=6,
        )
        for category, colour in CATEGORY_COLOURS.items()
    ]
    arrow = el(
        "marker",
        el("path", d="M0,0 L8,4 L0,8 z", fill="#444"),
        id="arrow",
        markerWidth=8,
        markerHeight=8,
        refX=6,
        refY=4,
        orient="auto",
        markerUnits="userSpaceOnUse",
    )
    return el("defs", patterns, arrow)


def timeline_svg(rows: Sequence[TimelineRow], *, title: str, marker: date | None = None) -> Markup:
    """The timeline as an inline SVG element (with a short legend), or a note when there is nothing dated."""
    undated = [r for r in rows if r.period is not None and r.period.is_always]
    rows = [r for r in rows if r not in undated]
    note = (
        el(
            "p",
            ngettext(
                "{n} fact without dates is listed in the table below.",
                "{n} facts without dates are listed in the table below.",
                len(undated),
            ).format(n=len(undated)),
            class_="muted",
        )
        if undated
        else None
    )
    if not rows:
        return concat(el("p", _("Nothing dated is recorded for this region."), class_="muted"), note)
    lo, hi = _axis(rows, marker)
    scale = _PLOT_W / (hi - lo)
    height = _AXIS_H + _ROW_H * len(rows) + 10

    def x(ordinal: int) -> float:
        return _LABEL_W + (min(max(ordinal, lo), hi) - lo) * scale

    parts: list[Markup] = [_hatch_defs(), *_years(lo, hi, x, height)]
    for i, row in enumerate(rows):
        parts.append(_row(row, _AXIS_H + i * _ROW_H, x, lo))
    if marker is not None:
        mx = x(marker.toordinal())
        parts.append(el("line", x1=mx, x2=mx, y1=_AXIS_H - 14, y2=height - 4, class_="as-of"))
        parts.append(el("text", when(PartialDate.from_date(marker)), x=mx + 4, y=height - 6, class_="as-of-label"))
    width = _LABEL_W + _PLOT_W + 10
    svg = picture(title, parts, width=width, height=height, class_="timeline")
    return concat(svg, _legend(rows), note)


def _years(lo: int, hi: int, x: Callable[[int], float], height: float) -> list[Markup]:
    """The grid line and label of each year on the axis (at most about 16 labels)."""
    out: list[Markup] = []
    first_year, last_year = date.fromordinal(lo).year, date.fromordinal(hi).year
    every = max(1, -(-(last_year - first_year) // 16))
    for year in range(first_year, last_year + 1, every):
        xx = x(date(year, 1, 1).toordinal())
        out.append(el("line", x1=xx, x2=xx, y1=_AXIS_H - 6, y2=height - 8, class_="grid"))
        if xx + 34 < _LABEL_W + _PLOT_W:
            out.append(el("text", str(year), x=xx + 3, y=_AXIS_H - 10, class_="axis-label"))
    return out


def _row(row: TimelineRow, y: float, x: Callable[[int], float], lo: int) -> Markup:
    """One row: its label, and a diamond for a day or bars for a period (solid where certain, hatched where not)."""
    colour = CATEGORY_COLOURS[row.category]
    s_lo, s_hi, _e_lo, e_hi = row.span()
    tooltip = f"{row.label}: {_when(row)}"
    label = row.label if len(row.label) <= 46 else row.label[:45] + "…"
    cells: list[Markup] = [
        el("title", tooltip),
        el("text", label, x=_LABEL_W - 8, y=y + 15, text_anchor="end", class_="row-label"),
    ]
    bar_y, bar_h = y + 5, _ROW_H - 10
    if row.date is not None and s_lo == e_hi:  # a day: a diamond
        cx = x(s_lo)
        half = bar_h / 2 + 2
        cells.append(
            el(
                "path",
                d=f"M{cx:.1f},{bar_y - 2:.1f} l6,{half:.1f} l-6,{half:.1f} l-6,{-half:.1f} z",
                fill=colour,
                class_="certain",
            )
        )
    else:
        cells.extend(_bars(row, bar_y, bar_h, x))
        if row.period is not None and row.period.end.kind == "open":
            start = x(max(s_hi, lo))
            cells.append(
                el(
                    "line",
                    x1=start,
                    x2=_LABEL_W + _PLOT_W - 4,
                    y1=y + _ROW_H / 2,
                    y2=y + _ROW_H / 2,
                    stroke=colour,
                    stroke_width=3,
                    marker_end="url(#arrow)",
                    class_="open-end",
                )
            )
    return el("g", cells, class_=f"row {row.category}", data_target=row.target)


def _bars(row: TimelineRow, bar_y: float, bar_h: float, x: Callable[[int], float]) -> list[Markup]:
    """A period's solid bar where it certainly holds and hatched spans where its ends may fall."""
    colour = CATEGORY_COLOURS[row.category]
    s_lo, s_hi, e_lo, e_hi = row.span()
    out: list[Markup] = []
    certain_from, certain_to = s_hi, e_lo
    if certain_from <= certain_to:
        width = max(x(certain_to + 1) - x(certain_from), 1.5)
        out.append(el("rect", x=x(certain_from), y=bar_y, width=width, height=bar_h, fill=colour, class_="certain"))
        spans = [(s_lo, s_hi), (e_lo, e_hi)]
    else:  # no day certainly inside: the whole range is uncertain
        spans = [(s_lo, e_hi)]
    for a, b in spans:
        if a == b or a >= _MAX or b <= _MIN:
            continue
        if row.period is not None and (
            ((a, b) == (s_lo, s_hi) and row.period.start.kind == "open")
            or ((a, b) == (e_lo, e_hi) and row.period.end.kind == "open")
        ):
            continue
        if a <= _MIN or b >= _MAX:  # one side unbounded: unknown there, not "any time since the axis begins"
            known = x(b) - 12 if a <= _MIN else x(a) + 3
            out.append(el("text", "?", x=known, y=bar_y + bar_h, class_="unknown-end"))
            continue
        out.append(
            el(
                "rect",
                x=x(a),
                y=bar_y,
                width=max(x(min(b, _MAX - 1) + 1) - x(a), 1.5),
                height=bar_h,
                fill=f"url(#hatch-{row.category})",
                stroke=colour,
                stroke_opacity=0.5,
                class_="uncertain",
            )
        )
    return out


def _legend(rows: Sequence[TimelineRow]) -> Markup:
    return el(
        "ul",
        [
            el("li", el("span", "", class_="swatch", style=f"background:{colour}"), kind_label(category))
            for category, colour in CATEGORY_COLOURS.items()
            if any(r.category == category for r in rows)
        ],
        el("li", el("span", "", class_="swatch hatched"), _("uncertain: the date is known only to the year or month")),
        el("li", "→ ", _("ongoing (no end recorded)")),
        el("li", "? ", _("not known on this side (only a bound is recorded)")),
        class_="legend",
    )


def timeline_table(rows: Sequence[TimelineRow], href: dict[str, str]) -> Markup:
    """The same rows as a table, for reading and for copying."""
    body = [
        el(
            "tr",
            el("td", kind_label(r.category)),
            el("td", el("a", r.label, href=href[r.target]) if r.target in href else r.label),
            el("td", _when(r), class_="date"),
        )
        for r in rows
    ]
    return table([_("what"), _("fact"), _("when")], body, class_="timeline-table")


def _when(row: TimelineRow) -> str:
    if row.period is not None:
        return period_words(row.period)
    assert row.date is not None
    return when(row.date)
