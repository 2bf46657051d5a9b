"""The progress view on a region's page: a bar per item from the indicators, "not recorded" where there are none."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from streekbeleid.report import write_report

DATA = Path(__file__).parent / "data"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _progress_tables(html: str) -> list[str]:
    return re.findall(r'<table class="progress">.*?</table>', html, re.S)


def test_a_plan_with_indicators_gets_a_bar_per_item_on_the_report_day(testland_model: Any, tmp_path: Path) -> None:
    write_report(testland_model, tmp_path, as_of="2015-07-01", documents=[DATA])
    html = (tmp_path / "testland-region.html").read_text(encoding="utf-8")
    [view] = _progress_tables(html)
    text = _text(view)
    assert "Progress on 1 July 2015" in _text(html)
    # 150 of a target of 200 halfway through 2014-2016: on track; the action and the plan above it say so
    assert re.search(r"1\.1\.1 Website vraag en aanbod bedrijventerreinen on track 75%", text)
    assert re.search(r"jobs created on track 75% from 2014 to 2016: target 200, actual 150; baseline 0 \(2013\)", text)
    # priority 2 has no indicators: it is not recorded and left out of the plan's share
    assert re.search(r"2 Mobiliteit not recorded no indicators", text)
    assert re.search(r"Streekpact Testland 2014-2019 on track 75% 1 part without indicators left out", text)
    assert view.count('class="bar progress-bar"') == 5  # the plan, priority, objective, action and indicator


def test_after_the_period_a_shortfall_is_behind_and_in_dutch(testland_model: Any, tmp_path: Path) -> None:
    write_report(testland_model, tmp_path, as_of="2018-01-01", documents=[DATA], lang="nl")
    html = (tmp_path / "testland-region.html").read_text(encoding="utf-8")
    text = _text(_progress_tables(html)[0])
    assert re.search(r"jobs created achter 75%", text)
    assert "niet geregistreerd" in text


def test_a_plan_without_indicators_says_not_recorded(testland_model: Any, tmp_path: Path) -> None:
    write_report(testland_model, tmp_path, as_of="2015-07-01", documents=[DATA])
    html = (tmp_path / "testland-east.html").read_text(encoding="utf-8")
    assert not _progress_tables(html)
    assert "Not recorded: no item of this plan has indicators." in _text(html)


def test_the_bar_is_drawn_as_wide_as_the_share(
    testland_model: Any, tmp_path: Path, open_page: Callable[[Path], Any]
) -> None:
    write_report(testland_model, tmp_path, as_of="2015-07-01", documents=[DATA])
    page = open_page(tmp_path / "testland-region.html")
    assert page.errors == []
    bars = page.locator("table.progress .progress-bar")
    assert bars.count() == 5
    for i in range(bars.count()):
        bar = bars.nth(i).bounding_box()
        solid = bars.nth(i).locator("span").first.bounding_box()
        assert bar is not None and solid is not None
        assert abs(solid["width"] / (bar["width"] - 2) - 0.75) < 0.02  # 2 px of border
        assert abs(solid["y"] - bar["y"]) < 3  # the solid and pale parts sit side by side in the bar
