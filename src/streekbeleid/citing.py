"""Where the documents the sources name are, and whether a source's locator quotes its document.

A source names a document (a seed file such as ``000_c377e84609275225.txt``, a data file, a URL or a web
site) and optionally a locator.  A locator is a literal quote when it comes from a web page (a URL) or is
found in the document's text; otherwise (a bare site, a document not at hand, a paraphrase) it is a note
in our own words and is never shown in quotation marks.  The report (its sources pages) and ``streekbeleid
show`` both ask :class:`DocumentIndex`, so the two never disagree about what is a quote.

>>> import streekbeleid
>>> from streekbeleid.i18n import use_language
>>> model = streekbeleid.load(plugins=["zuid_oost_vlaanderen"])
>>> index = DocumentIndex.at_hand(model)  # in a checkout, ./seeds too
>>> with use_language("nl"):
...     for source in model.get("zuid_oost_vlaanderen:resoc").sources:
...         print(index.said(source))
003_31f4182a527d4ee1.txt: “Eén van de belangrijkste opdrachten van een RESOC is de opmaak van een Streekpact”
so-lva.be (notitie: het streekwerk werd op 2019-01-01 in SOLVA geïntegreerd)
ejustice.just.fgov.be, eli/decreet/2004/05/07/2004036335 (notitie: decreet van 7 mei 2004; RESOC artikelen 18-26)
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from .i18n import _
from .model.model import Model
from .model.phrasing import in_language
from .model.records import Source
from .plugins.manager import installed_plugins

__all__ = ["DocumentIndex", "document_dirs", "is_url", "looks_like_site", "plugin_document_dirs", "seed_folders"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".csv", ".yaml", ".yml", ".json", ".tsv"})
_FILE_SUFFIXES = TEXT_SUFFIXES | frozenset({".pdf", ".html", ".htm", ".xlsx", ".xls", ".doc", ".docx", ".odt"})
_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")
_SKIP_DIRS = frozenset({"__pycache__", "build", "dist", "node_modules", "site-packages"})


def is_url(document: str) -> bool:
    """Whether a document is named by a URL."""
    return document.startswith(("http://", "https://"))


def looks_like_site(document: str) -> bool:
    """Whether a document is a web site named without its scheme (``so-lva.be``), not a file name."""
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


def seed_folders() -> list[Path]:
    """``./seeds`` when the working folder has one (a checkout of the project): the seed documents the
    region packages quote are kept there, not in the packages."""
    return [Path("seeds")] if Path("seeds").is_dir() else []


def document_dirs(model: Model, extra: Iterable[str | Path] = ()) -> list[Path]:
    """Where to look for the documents the sources name: ``extra`` first, then the core's
    data folder, then the package (and source checkout) of each loaded plugin."""
    loaded = {p.name for p in model.plugins if p.status == "ok"}
    modules = [ep.value for ep in installed_plugins() if ep.name in loaded]
    core = Path(__file__).resolve().parent / "data"
    return [*(Path(d) for d in extra), core, *plugin_document_dirs(modules)]


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


class DocumentIndex:
    """Finds the documents sources name (in ``dirs``, in order of preference) and tells quotes from notes.

    Documents are looked for when first asked about: every document named so far (:meth:`want`) is
    looked for in one walk of the folders.
    """

    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = list(dirs)
        self._wanted: set[str] = set()
        self._files: dict[str, Path] | None = None
        self._texts: dict[str, str] = {}
        self._quotes: dict[str, dict[str, tuple[int, int] | None]] = defaultdict(dict)

    @classmethod
    def at_hand(cls, model: Model) -> DocumentIndex:
        """The documents a command run from here can read: ``./seeds`` (in a checkout), the core's data and the
        packages of the loaded plugins (what ``show``, ``workflow show`` and ``--sources`` tell quotes by)."""
        return cls(document_dirs(model, seed_folders()))

    def want(self, documents: Iterable[str]) -> None:
        """Documents to look for (file names: URLs and paths are not looked for)."""
        new = {d for d in documents if not is_url(d) and "/" not in d} - self._wanted
        if new:
            self._wanted |= new
            self._files = None

    def file(self, document: str) -> Path | None:
        """Where a document's file is, if it was found."""
        self.want([document])
        if self._files is None:
            self._files = _find_files(self._wanted, self.dirs)
        return self._files.get(document)

    def text(self, document: str) -> str | None:
        """A text document's text, if its file was found."""
        path = self.file(document)
        if path is None or path.suffix.lower() not in TEXT_SUFFIXES:
            return None
        if document not in self._texts:
            self._texts[document] = path.read_text(encoding="utf-8", errors="replace")
        return self._texts[document]

    def quote_span(self, document: str, locator: str) -> tuple[int, int] | None:
        """Where a locator stands in its document's text (whatever the spacing and case), if it does."""
        quotes = self._quotes[document]
        if locator not in quotes:
            text = self.text(document) or ""
            words = locator.split()
            span = None
            if words:
                pattern = r"\s+".join(re.escape(w) for w in words)
                m = re.search(pattern, text, flags=re.IGNORECASE)
                if m:
                    span = (m.start(), m.end())
            quotes[locator] = span
        return quotes[locator]

    def quote_spans(self, document: str) -> Iterable[tuple[int, int] | None]:
        """The spans of every locator of a document asked about so far."""
        return self._quotes[document].values()

    def is_quote(self, source: Source) -> bool:
        """Whether a source's locator is a literal quote: from a web page (URL), or found in a document's text.

        A locator of a bare site (``pomlimburg.be``) or of a document where it is not found is a note in our own
        words (a paraphrase, a row number), never shown in quotation marks.
        """
        if not source.locator:
            return False
        if is_url(source.document):
            return True
        return self.text(source.document) is not None and self.quote_span(source.document, source.locator) is not None

    def said(self, source: Source) -> str:
        """A source as a person reads it: ``document: “quote”``, ``document (note: ...)`` or ``document``."""
        if not source.locator:
            return source.document
        if self.is_quote(source):
            return f"{source.document}: “{source.locator}”"
        return _("{document} (note: {note})").format(document=source.document, note=self.note(source))

    @staticmethod
    def note(source: Source) -> str | None:
        """A locator that is a note in our own words, in the language in use (``locator_nl`` in Dutch)."""
        return in_language(source.locator, source.locator_nl)
