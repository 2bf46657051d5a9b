"""The pages of the report and their file names: the index, one page per region, the comparison, the checks,
the sources, the overview of Flanders and the about page; each page is built by its own module."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ._about import about_page
from ._checks import checks_page
from ._compare import compare_page
from ._documents import sources_page
from ._flanders import flanders_page
from ._index import index_page
from ._region import region_page
from ._site import Site

__all__ = ["pages"]


def pages(site: Site) -> Iterable[tuple[str, Callable[[], str]]]:
    """``(file name, render)`` for every page; ``site.register()`` must have run."""
    yield "index.html", lambda: index_page(site)
    for s in site.scopes:
        yield site.page_of(s.region), lambda s=s: region_page(site, s)  # type: ignore[misc]
    yield "compare.html", lambda: compare_page(site)
    yield "checks.html", lambda: checks_page(site)
    yield "sources.html", lambda: sources_page(site)
    yield "flanders.html", lambda: flanders_page(site)
    yield "about.html", lambda: about_page(site)
