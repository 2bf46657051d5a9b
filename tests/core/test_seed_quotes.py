"""Every quote from a seed document is the seed's text, character for character.

A quote (the ``locator`` of a source whose ``document`` is a seed file in ``seeds/``) in the core's data, the
region packages' data and the recorded histories must occur in that seed exactly: the same no-break spaces,
the same curly apostrophes.  The report links each fact to its quote, so a quote that is not verbatim is a
broken link and a claim the seed does not make in those words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
DATA_FILES = sorted(
    [
        *(ROOT / "src" / "streekbeleid" / "data").glob("*.yaml"),
        *(ROOT / "plugins").glob("*/src/*/data/*.yaml"),
        *(ROOT / "plugins").glob("*/src/*/history/*.yaml"),
    ]
)


def quotes(node: Any) -> Iterator[tuple[str, str]]:
    """(seed document, quote) for every source in a parsed data file that quotes a seed."""
    if isinstance(node, dict):
        document, locator = node.get("document"), node.get("locator")
        if isinstance(document, str) and document in SEEDS and isinstance(locator, str):
            yield document, locator
        for value in node.values():
            yield from quotes(value)
    elif isinstance(node, list):
        for value in node:
            yield from quotes(value)


def test_the_seeds_and_data_files_are_found() -> None:
    assert len(SEEDS) == 5
    assert any(p.parent.name == "history" for p in DATA_FILES)  # the Limburg history ships with its package
    found = [q for path in DATA_FILES for q in quotes(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert len(found) > 150


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_seed_quote_is_verbatim(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wrong = [f"{doc}: {quote!r}" for doc, quote in quotes(data) if quote not in SEEDS[doc]]
    assert wrong == [], f"{path.name}: quotes that are not in their seed verbatim:\n" + "\n".join(wrong)


def test_a_quote_with_a_plain_space_for_the_seeds_no_break_space_is_caught() -> None:
    seed = SEEDS["001_b953762ec565c53e.txt"]
    assert "werd\u00a0op" in seed
    assert "werd op 06.02 jl." not in seed  # the check compares exactly: a plain space does not match
