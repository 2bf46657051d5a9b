"""The sources behind the facts: which documents the records cite, where to find them, and pages that show them.

A source names a document (a seed file name such as ``000_c377e84609275225.txt``,
a data file, a URL or a web site) and optionally a quote.  The report copies
every document it can find into ``sources/`` and renders text documents as
pages with each quoted passage highlighted, so a reader goes from a fact to the
sentence it comes from in one click, offline.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..citing import DocumentIndex, is_url, looks_like_site, plugin_document_dirs
from ..i18n import _
from ..model.records import Source
from .html import Markup, anchor_id, concat, el

__all__ = ["Citation", "SourceIndex", "cited_sources", "highlight", "plugin_document_dirs"]


@attrs.frozen
class Citation:
    """One use of a source: the record (and the field inside it) that cites it."""

    record_id: str
    label: str
    path: str
    source: Source


def cited_sources(record: Any, label: str) -> Iterator[Citation]:
    """Every source a record cites, its own and those of nested parts (seat groups, region parts ...)."""
    rid = getattr(record, "id", "") or ""
    yield from _walk(record, rid, label, "")


def _walk(obj: Any, rid: str, label: str, path: str) -> Iterator[Citation]:
    if not attrs.has(type(obj)):
        return
    for field in attrs.fields(type(obj)):
        if field.name == "items":  # plan items are records of their own
            continue
        value = getattr(obj, field.name)
        here = f"{path}.{field.name}" if path else field.name
        if field.name == "sources":
            for s in value:
                yield Citation(rid, label, path, s)
        elif isinstance(value, tuple):
            for i, v in enumerate(value):
                yield from _walk(v, rid, label, f"{here}[{i}]")
        else:
            yield from _walk(value, rid, label, here)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class SourceIndex(DocumentIndex):
    """Resolves documents to links and collects the quotes to highlight; writes ``sources/`` at the end.

    :param dirs: folders to look for document files in, in order of preference.
    """

    def __init__(self, dirs: Sequence[Path]) -> None:
        super().__init__(dirs)
        self.citations: dict[str, list[Citation]] = defaultdict(list)

    # ----------------------------------------------------------- resolving

    def add(self, citations: Iterable[Citation]) -> None:
        """Record citations (so the documents can be found, listed and highlighted)."""
        added = []
        for c in citations:
            self.citations[c.source.document].append(c)
            added.append(c.source.document)
        self.want(added)

    def page_name(self, document: str) -> str:
        """The file name of a document's page inside ``sources/``."""
        return _UNSAFE.sub("_", document) + ".html"

    def quote_anchor(self, document: str, locator: str) -> str | None:
        """The fragment of a quote on its document's page, when the quote was found in the text."""
        span = self.quote_span(document, locator)
        return f"q{span[0]}" if span else None

    def href(self, source: Source, prefix: str = "") -> str | None:
        """Where a source leads: its document page (at the quote), the URL, the web site; None if nowhere."""
        doc = source.document
        if is_url(doc):
            return doc
        if self.file(doc) is not None:
            page = f"{prefix}sources/{self.page_name(doc)}"
            if self.text(doc) is not None and source.locator:
                anchor = self.quote_anchor(doc, source.locator)
                if anchor:
                    return f"{page}#{anchor}"
            return page
        if looks_like_site(doc):
            return f"https://{doc}"
        return None

    def title(self, document: str) -> str:
        """A document's title for people: a text document's heading (its longest short line among the first
        three), a URL or site as it is; the file name when nothing better is known."""
        text = self.text(document)
        if text is None or document.endswith((".csv", ".tsv", ".yaml", ".yml", ".json")):
            return document
        lines: list[str] = []
        for line in (x.strip() for x in text.splitlines()):
            if line and line not in lines:
                lines.append(line)
            if len(lines) == 3:
                break
        short = [x for x in lines if len(x) <= 120]
        return max(short, key=len) if short else document

    def links(self, sources: Sequence[Source], prefix: str = "") -> Markup:
        """Small numbered links to a record's sources, each titled with document and quote (or note).

        Every mark is a link, so a tap or the keyboard reaches what the hover title says: to the document at the
        quote, or to the document's row on the sources page when the report has no copy of it.
        """
        out = []
        for i, s in enumerate(sources, 1):
            href = self.href(s, prefix) or f"{prefix}sources.html#{anchor_id(s.document, 'd')}"
            out.append(el("a", f"[{i}]", href=href, title=self.said(s), class_="src"))
        return el("span", out, class_="sources") if out else Markup("")

    # ----------------------------------------------------------- writing

    def write(self, out_dir: Path, page: Any) -> None:
        """Copy the documents found into ``out_dir/sources`` and write a page for each text document.

        ``page(title, body, prefix)`` wraps a body in the site's page layout.
        """
        folder = out_dir / "sources"
        folder.mkdir(parents=True, exist_ok=True)
        for doc in sorted(self.citations):
            path = self.file(doc)
            if path is None:
                continue
            raw = folder / _UNSAFE.sub("_", doc)
            shutil.copyfile(path, raw)
            text = self.text(doc)
            for c in self.citations[doc]:
                if c.source.locator:
                    self.quote_span(doc, c.source.locator)
            if text is None:
                body = el("p", el("a", _("Open {document}").format(document=doc), href=raw.name))
            else:
                body = concat(
                    el(
                        "p",
                        _("The passages the facts quote are highlighted."),
                        " ",
                        el("a", _("The file as it is"), href=raw.name),
                        ".",
                    ),
                    el("pre", highlight(text, self.quote_spans(doc)), class_="document"),
                )
            body = concat(el("h1", self.title(doc)), el("p", doc, class_="id"), body)
            (folder / self.page_name(doc)).write_text(page(self.title(doc), body, "../"), encoding="utf-8")

    def available(self, document: str) -> bool:
        return is_url(document) or self.file(document) is not None or looks_like_site(document)


def highlight(text: str, spans: Iterable[tuple[int, int] | None]) -> Markup:
    """The text with each quoted span marked; ``#q<start>`` leads to the mark (or inside it) where a quote begins."""
    found = sorted({s for s in spans if s is not None})
    starts = {s for s, _e in found}
    merged: list[list[int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out: list[Any] = []
    pos = 0
    for s, e in merged:
        out.append(text[pos:s])
        inner: list[Any] = []
        cut = s
        for a in sorted(x for x in starts if s < x < e):  # quotes that begin inside another one
            inner.append(text[cut:a])
            inner.append(el("span", "", id=f"q{a}", class_="anchor"))
            cut = a
        inner.append(text[cut:e])
        out.append(el("mark", inner, id=f"q{s}"))  # the merged span begins with a quote: the mark is its target
        pos = e
    out.append(text[pos:])
    return concat(out)
