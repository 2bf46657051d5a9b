"""An export is the same file whatever the language of the person who writes it: the formats write each
record's own name (a theme's Dutch name goes where a format has a place for it, as ``skos:prefLabel@nl``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from streekbeleid.cli import main


@pytest.mark.parametrize("fmt", ["json", "popolo", "turtle", "graphml", "mermaid", "csv"])
def test_an_export_does_not_depend_on_the_language(fmt: str, tmp_path: Path) -> None:
    written = {}
    for lang in ("nl", "en"):
        out = tmp_path / f"{lang}.{fmt}"
        assert main(["--lang", lang, "export", "--format", fmt, "-o", str(out)]) == 0
        files = sorted(out.rglob("*")) if out.is_dir() else [out]
        written[lang] = {f.relative_to(out).as_posix() if out.is_dir() else "": f.read_bytes() for f in files}
    assert written["nl"] == written["en"]
    if fmt == "csv":
        assert any(b"Care" in data for data in written["nl"].values())  # a theme by its own name, not Zorg
