"""The report shows a region's mandates and documents where the data has them, "not recorded" where not."""

from __future__ import annotations

import re

import pytest

from streekbeleid import Model
from streekbeleid.report import write_report


def visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def pages(everything: Model, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("report")
    write_report(everything, out, regions=["limburg", "leuven", "zuid_oost_vlaanderen"], lang="nl")
    return {p.name: visible(p.read_text(encoding="utf-8")) for p in out.glob("*.html")}


def page_of(pages: dict[str, str], word: str) -> str:
    return next(text for name, text in pages.items() if word in name)


def test_limburg_shows_its_deputy_and_the_term_he_served_in(pages: dict[str, str]) -> None:
    text = page_of(pages, "limburg")
    mandates = text.partition("Mandaten")[2]
    assert "Gedeputeerde van Economie" in mandates and "Erik Gerits" in mandates
    assert "Provinciale bestuursperiode 2013-2018" in mandates


def test_limburg_shows_its_documents_with_their_kind(pages: dict[str, str]) -> None:
    documents = page_of(pages, "limburg").partition("Documenten")[2]
    assert "Presentatie van het startmoment van LIRES op 06.02.2017" in documents
    assert "presentatie" in documents and "persbericht" in documents


def test_leuven_records_no_mandates_and_says_so(pages: dict[str, str]) -> None:
    text = page_of(pages, "leuven-arrondissement-leuven")
    assert "Mandaten: niet geregistreerd." in text
    assert "Versterkt streekbeleid - Taskforce Spitsregio Leuven" in text.split("Documenten")[-1]


def test_zuid_oost_vlaanderen_records_no_mandates_and_says_so(pages: dict[str, str]) -> None:
    assert "Mandaten: niet geregistreerd." in page_of(pages, "zuid-oost-vlaanderen")
