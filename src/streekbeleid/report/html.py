"""A tiny HTML/SVG builder that escapes by default.

Every string from data goes through :func:`escape` unless it is already
:class:`Markup` (text produced by this builder).  So a name such as
``<script>alert(1)</script>`` ends up as text on the page, never as a tag:
the same guarantee a templating engine with autoescape gives, without a
dependency.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["Markup", "anchor_id", "concat", "el", "escape", "facts_table", "fill", "picture", "table"]


class Markup(str):
    """Text that is already safe HTML: never escaped again."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """``value`` as HTML text: ``<``, ``>``, ``&`` and quotes escaped (Markup passes through)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


Child = Any  # str | Markup | None | Iterable[Child] | number


def _flatten(children: Iterable[Child], out: list[str]) -> None:
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, str):
            out.append(escape(child))
        elif isinstance(child, (int, float)):
            out.append(str(child))
        else:
            _flatten(child, out)


def concat(*children: Child) -> Markup:
    """Children joined into one piece of markup, strings escaped."""
    out: list[str] = []
    _flatten(children, out)
    return Markup("".join(out))


_VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "col"})
# SVG attributes written in camelCase; everything else maps ``foo_bar`` to ``foo-bar``.
_KEEP_CASE = frozenset(
    {"viewBox", "patternUnits", "preserveAspectRatio", "markerWidth", "markerHeight", "markerUnits", "refX", "refY"}
)


def _attr_name(name: str) -> str:
    if name in _KEEP_CASE:
        return name
    return name.rstrip("_").replace("_", "-")


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def el(tag: str, *children: Child, **attributes: Any) -> Markup:
    """An element: ``el("a", "RESOC", href="#resoc", class_="id")``.

    Attribute values are escaped; ``None`` and ``False`` leave the attribute out,
    ``True`` writes it bare; floats are rounded to one decimal (SVG coordinates).
    """
    parts = [tag]
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        key = _attr_name(name)
        if value is True:
            parts.append(key)
            continue
        text = _number(value) if isinstance(value, float) else str(value)
        parts.append(f'{key}="{html.escape(text, quote=True)}"')
    start = "<" + " ".join(parts) + ">"
    if tag in _VOID:
        return Markup(start)
    return Markup(start + concat(children) + f"</{tag}>")


def table(head: Sequence[Child], rows: Child, *, caption: str | None = None, **attributes: Any) -> Markup:
    """A table with one row of column heads, in a box that scrolls sideways on its own when the table is wider
    than the screen (a keyboard reaches the box too): ``table(["actor", ("plans", "num")], rows, class_="actors")``.

    A head is its content, or ``(content, class)`` for a column with a class (``num`` aligns numbers).

    >>> table(["region", ("plans", "num")], [el("tr", el("td", "Limburg"), el("td", "3"))])
    '<div class="scroll" tabindex="0"><table><thead><tr><th>region</th><th class="num">plans</th></tr>...</div>'
    """
    cells = [el("th", h[0], class_=h[1]) if isinstance(h, tuple) else el("th", h) for h in head]
    return el(
        "div",
        el(
            "table",
            el("caption", caption) if caption is not None else None,
            el("thead", el("tr", cells)),
            el("tbody", rows),
            **attributes,
        ),
        class_="scroll",
        tabindex="0",
    )


def facts_table(rows: Iterable[tuple[Child, Child]], **attributes: Any) -> Markup:
    """A two-column table of ``(heading, value)`` rows; a row without a value is left out.

    >>> facts_table([("kind", "RESOC"), ("period", None)])
    '<div class="scroll" tabindex="0"><table class="facts-table"><tbody><tr><th scope="row">kind</th>...</div>'
    """
    body = [el("tr", el("th", k, scope="row"), el("td", v)) for k, v in rows if v]
    attributes.setdefault("class_", "facts-table")
    return el("div", el("table", el("tbody", body), **attributes), class_="scroll", tabindex="0")


_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, **parts: Child) -> Markup:
    """A translated sentence with markup in its ``{placeholders}``: the sentence's text escaped, the parts as they are.

    >>> fill("{by} approves {subject}", by=el("a", "RESOC", href="#r"), subject="<pact>")
    '<a href="#r">RESOC</a> approves &lt;pact&gt;'
    """
    out: list[Child] = []
    pos = 0
    for m in _FIELD.finditer(template):
        out.append(template[pos : m.start()])
        out.append(parts[m.group(1)])
        pos = m.end()
    out.append(template[pos:])
    return concat(out)


def picture(title: str, *children: Child, width: float, height: float, class_: str) -> Markup:
    """An inline SVG picture of ``width`` by ``height``, titled for screen readers and on hover."""
    return el(
        "svg",
        el("title", title),
        children,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width:.0f} {height:.0f}",
        width=f"{width:.0f}",
        height=f"{height:.0f}",
        role="img",
        class_=class_,
        aria_label=title,
    )


_NOT_ID = re.compile(r"[^A-Za-z0-9-]")


def anchor_id(record_id: str, prefix: str = "r") -> str:
    """A fragment id for a record id, safe in HTML and URLs, one per id.

    >>> anchor_id("limburg:resoc")
    'r-limburg_3aresoc'
    """
    return f"{prefix}-" + _NOT_ID.sub(lambda m: f"_{ord(m.group()):x}", record_id)
