"""A source's note in our own words and an inference's reasoning are read in the language in use (issue 12):
``locator_nl`` and ``inference_nl`` beside the English; a literal quote is never translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import Model, Source
from streekbeleid.citing import DocumentIndex, document_dirs
from streekbeleid.describe import describe
from streekbeleid.i18n import use_language
from streekbeleid.model.workflow import WorkflowDefinition
from streekbeleid.report.sources import cited_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
#: Notes that are codes, the same in every language: a municipality's NIS code with its reference region or
#: arrondissement (the catalogue's rows).
_CODES = re.compile(r"\d{5} REFREG\d\d|\d{5} [\w' -]+, arrondissement \d{5}")


@pytest.fixture(scope="module")
def everything() -> Model:
    return streekbeleid.load()


def _sources(model: Model) -> list[Source]:
    found = [c.source for r in model.records() for c in cited_sources(r, "")]
    found += [s for d in model.workflows if isinstance(d, WorkflowDefinition) for s in d.sources]
    return found


def test_every_bundled_note_and_inference_has_its_dutch(everything: Model) -> None:
    index = DocumentIndex(document_dirs(everything, [SEEDS]))
    notes = [s for s in _sources(everything) if s.locator and not index.is_quote(s) and not _CODES.fullmatch(s.locator)]
    assert len(notes) > 20
    assert [s.locator for s in notes if not s.locator_nl] == []
    assert [s.inference for s in _sources(everything) if s.inference and not s.inference_nl] == []
    quotes = [s for s in _sources(everything) if index.is_quote(s)]
    assert quotes and all(s.locator_nl is None for s in quotes)  # a quote is the document's own words


def test_a_note_and_an_inference_in_each_language(everything: Model) -> None:
    index = DocumentIndex(document_dirs(everything, [SEEDS]))
    solva = Source(
        document="so-lva.be",
        locator="the regional work was integrated into SOLVA on 2019-01-01",
        locator_nl="het streekwerk werd op 2019-01-01 in SOLVA geïntegreerd",
    )
    with use_language("nl"):
        assert index.said(solva) == "so-lva.be (notitie: het streekwerk werd op 2019-01-01 in SOLVA geïntegreerd)"
        shown = describe(everything, everything.get("limburg:streekpact-2014-2019/onderschrijving-abvv"))
        assert 'afgeleid: De seed zegt dat "de sociale partners" het pact onderschreven' in shown
    with use_language("en"):
        assert index.said(solva) == "so-lva.be (note: the regional work was integrated into SOLVA on 2019-01-01)"
        shown = describe(everything, everything.get("limburg:streekpact-2014-2019/onderschrijving-abvv"))
        assert 'inferred: The seed says "de sociale partners" endorsed the pact' in shown
