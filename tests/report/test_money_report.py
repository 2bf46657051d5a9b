"""The money block of each plan in the report: amounts in words, "not recorded" where the data has none,
and the co-financing rules of the calls a plan answers with their verdict, in English and in Dutch."""

from __future__ import annotations

import re
from pathlib import Path

from streekbeleid import Model
from streekbeleid.report import write_report


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.partition("<body>")[2]))


def money_of(html: str, plan: str) -> str:
    """The text of a plan's section from its money block on: the section is from the plan's heading to the next."""
    [section] = [s for s in html.split("<h3")[1:] if s.partition("</h3>")[0].partition(">")[2].startswith(plan)]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))
    return text[text.index(" Geld " if " Geld " in text else " Money ") :]


def test_a_plain_amount_is_shown_as_the_original_budget_the_rest_not_recorded(report_dir: Path) -> None:
    block = money_of((report_dir / "testland-region.html").read_text(encoding="utf-8"), "Streekpact Testland 2014-2019")
    assert re.search(r"Vlaamse overheid .*? subsidy .*? EUR 150,000 not recorded not recorded not recorded", block)


def test_lires_money_in_dutch_says_not_recorded_and_the_rule_cannot_be_told(limburg: Model, tmp_path: Path) -> None:
    write_report(limburg, tmp_path, regions=["limburg:limburg"], lang="nl")
    html = (tmp_path / "limburg-limburg.html").read_text(encoding="utf-8")
    block, text = money_of(html, "LIRES-plan"), text_of(html)
    assert "Geld financier soort voor oorspronkelijke begroting herziene begroting vastgelegd betaald aandeel" in block
    assert re.search(r"Provincie Limburg .*? fonds LIRES-plan( niet geregistreerd){5}", block)
    assert (
        "Oproep Versterkt Streekbeleid vraagt minstens 50% lokale cofinanciering: "
        "niet te zeggen: bedragen zijn niet geregistreerd" in block
    )
    assert "Geld niet geregistreerd." in text  # a plan without fundings
