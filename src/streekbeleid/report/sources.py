"""The sources behind the facts: which documents the records cite, where to find them, and pages that show them.

A source names a document (a seed file name such as ``000_c377e84609275225.txt``,
a data file, a URL or a web site) and optionally a quote.  The report copies
every document it can find into ``sources/`` and renders text documents as
pages with each quoted passage highlighted, so a reader goes from a fact to the
sentence it comes from in one click, offline.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..i18n import _
from ..model.records import Source
from .html import Markup, anchor_id, concat, el

__all__ = ["Citation", "SourceIndex", "cited_sources", "highlight", "plugin_document_dirs"]

_TEXT_SUFFIXES = frozenset({".txt", ".md", ".csv", ".yaml", ".yml", ".json", ".tsv"})
_FILE_SUFFIXES = _TEXT_SUFFIXES | frozenset({".pdf", ".html", ".htm", ".xlsx", ".xls", ".doc", ".docx", ".odt"})
_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")
_SKIP_DIRS = frozenset({"__pycache__", "build", "dist", "node_modules", "site-packages"})


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


def _is_url(document: str) -> bool:
    return document.startswith(("http://", "https://"))


def _looks_like_site(document: str) -> bool:
    return bool(_DOMAIN.match(document)) and Path(document.split("/")[0]).suffix.lower() not in _FILE_SUFFIXES


def plugin_document_dirs(module_names: Iterable[str]) -> list[Path]:
    """Folders where plugins may keep their source documents: each plugin package, and for a
    source checkout (``src/`` layout, an editable install) the project folder around it."""
    dirs: list[Path] = []
    for name in module_names:
        top = name.split(":")[0].split(".")[0]
        try:
            spec = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            continue
        for loc in (spec.submodule_search_locations or []) if spec else []:
            path = Path(loc)
            dirs.append(path)
            if path.parent.name == "src":
                dirs.append(path.parent.parent)
    return list(dict.fromkeys(dirs))


def _find_files(names: set[str], dirs: Sequence[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for folder, subdirs, files in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d not in _SKIP_DIRS)
            for f in sorted(files):
                if f in names and f not in found:
                    found[f] = Path(folder) / f
        if len(found) == len(names):
            break
    return found


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class SourceIndex:
    """Resolves documents to links and collects the quotes to highlight; writes ``sources/`` at the end.

    :param dirs: folders to look for document files in, in order of preference.
    """

    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = list(dirs)
        self.citations: dict[str, list[Citation]] = defaultdict(list)
        self._files: dict[str, Path] | None = None
        self._texts: dict[str, str] = {}
        self._quotes: dict[str, dict[str, tuple[int, int] | None]] = defaultdict(dict)

    # ----------------------------------------------------------- resolving

    def add(self, citations: Iterable[Citation]) -> None:
        """Record citations (so the documents can be found, listed and highlighted)."""
        for c in citations:
            self.citations[c.source.document].append(c)
        self._files = None

    def _file(self, document: str) -> Path | None:
        if self._files is None:
            names = {d for d in self.citations if not _is_url(d) and "/" not in d}
            self._files = _find_files(names, self.dirs)
        return self._files.get(document)

    def page_name(self, document: str) -> str:
        """The file name of a document's page inside ``sources/``."""
        return _UNSAFE.sub("_", document) + ".html"

    def _text(self, document: str) -> str | None:
        path = self._file(document)
        if path is None or path.suffix.lower() not in _TEXT_SUFFIXES:
            return None
        if document not in self._texts:
            self._texts[document] = path.read_text(encoding="utf-8", errors="replace")
        return self._texts[document]

    def _quote_span(self, document: str, locator: str) -> tuple[int, int] | None:
        quotes = self._quotes[document]
        if locator not in quotes:
            text = self._text(document) or ""
            words = locator.split()
            span = None
            if words:
                pattern = r"\s+".join(re.escape(w) for w in words)
                m = re.search(pattern, text, flags=re.IGNORECASE)
                if m:
                    span = (m.start(), m.end())
            quotes[locator] = span
        return quotes[locator]

    def quote_anchor(self, document: str, locator: str) -> str | None:
        """The fragment of a quote on its document's page, when the quote was found in the text."""
        span = self._quote_span(document, locator)
        return f"q{span[0]}" if span else None

    def href(self, source: Source, prefix: str = "") -> str | None:
        """Where a source leads: its document page (at the quote), the URL, the web site; None if nowhere."""
        doc = source.document
        if _is_url(doc):
            return doc
        if self._file(doc) is not None:
            page = f"{prefix}sources/{self.page_name(doc)}"
            if self._text(doc) is not None and source.locator:
                anchor = self.quote_anchor(doc, source.locator)
                if anchor:
                    return f"{page}#{anchor}"
            return page
        if _looks_like_site(doc):
            return f"https://{doc}"
        return None

    def is_quote(self, source: Source) -> bool:
        """Whether a source's locator is a literal quote: from a web page (URL), or found in a document's text.

        A locator of a bare site (``pomlimburg.be``) or of a document where it is not found is a note in our own
        words (a paraphrase, a row number), never shown in quotation marks.
        """
        if not source.locator:
            return False
        if _is_url(source.document):
            return True
        return self._text(source.document) is not None and self._quote_span(source.document, source.locator) is not None

    def title(self, document: str) -> str:
        """A document's title for people: a text document's heading (its longest short line among the first
        three), a URL or site as it is; the file name when nothing better is known."""
        text = self._text(document)
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
            said = ""
            if s.locator:
                said = f": “{s.locator}”" if self.is_quote(s) else f" ({_('note')}: {s.locator})"
            href = self.href(s, prefix) or f"{prefix}sources.html#{anchor_id(s.document, 'd')}"
            out.append(el("a", f"[{i}]", href=href, title=s.document + said, class_="src"))
        return el("span", out, class_="sources") if out else Markup("")

    # ----------------------------------------------------------- writing

    def write(self, out_dir: Path, page: Any) -> None:
        """Copy the documents found into ``out_dir/sources`` and write a page for each text document.

        ``page(title, body, prefix)`` wraps a body in the site's page layout.
        """
        folder = out_dir / "sources"
        folder.mkdir(parents=True, exist_ok=True)
        for doc in sorted(self.citations):
            path = self._file(doc)
            if path is None:
                continue
            raw = folder / _UNSAFE.sub("_", doc)
            shutil.copyfile(path, raw)
            text = self._text(doc)
            for c in self.citations[doc]:
                if c.source.locator:
                    self._quote_span(doc, c.source.locator)
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
                    el("pre", highlight(text, self._quotes[doc].values()), class_="document"),
                )
            body = concat(el("h1", self.title(doc)), el("p", doc, class_="id"), body)
            (folder / self.page_name(doc)).write_text(page(self.title(doc), body, "../"), encoding="utf-8")

    def available(self, document: str) -> bool:
        return _is_url(document) or self._file(document) is not None or _looks_like_site(document)


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
