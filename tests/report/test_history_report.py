"""The report says an organisation's history on its body entry and in the actors table, "not recorded" where none."""

from __future__ import annotations

from pathlib import Path

from streekbeleid import Model
from streekbeleid.report import write_report

from .test_report import text_of


def test_the_body_and_actor_entries_tell_the_history(zov: Model, tmp_path: Path) -> None:
    write_report(zov, tmp_path, lang="en")
    (page,) = [p for p in tmp_path.glob("*.html") if "oost" in p.name]
    html = page.read_text(encoding="utf-8")
    text = text_of(html)
    assert "History: 1 January 2019: the work of RESOC Zuid-Oost-Vlaanderen integrated into SOLVA" in text
    assert "became: SOLVA." in text
    # the change event links its source, as every fact does
    history = html.partition('class="history"')[2].partition("</p>")[0]
    assert "so-lva.be" in history or "href=" in history
    # an ad hoc working group with no recorded history says so
    assert "History: not recorded." in text
    # the actors table: SOLVA's row says what it succeeds
    assert "succeeds: RESOC Zuid-Oost-Vlaanderen" in text


def test_the_dutch_report_says_niet_geregistreerd(zov: Model, tmp_path: Path) -> None:
    write_report(zov, tmp_path, lang="nl")
    (page,) = [p for p in tmp_path.glob("*.html") if "oost" in p.name]
    text = text_of(page.read_text(encoding="utf-8"))
    assert "Geschiedenis: niet geregistreerd." in text
    assert "1 januari 2019: het werk van RESOC Zuid-Oost-Vlaanderen geïntegreerd in SOLVA" in text


def test_a_body_whose_members_have_no_dates_says_its_seats_cannot_be_counted(zov: Model, tmp_path: Path) -> None:
    """The ad hoc working groups' seat table: one sentence in either language, not a caption with a hole."""
    write_report(zov, tmp_path, lang="nl")
    (page,) = [p for p in tmp_path.glob("*.html") if "oost" in p.name]
    html = page.read_text(encoding="utf-8")
    assert "<caption>Zetels: geen enkel lid heeft datums, dus ze zijn op geen enkele dag te tellen</caption>" in html
    assert "<caption>Zetels geen" not in html
