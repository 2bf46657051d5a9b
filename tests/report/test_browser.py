"""The report in a real headless Chromium, with JavaScript off: it renders, loads nothing from elsewhere,
shows its pictures and the key facts as text. Screenshots go to build/screenshots (CI artifacts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import streekbeleid
from streekbeleid.report import write_report

PAGES = [
    "index.html",
    "testland-region.html",
    "testland-east.html",
    "compare.html",
    "checks.html",
    "sources.html",
    "flanders.html",
    "about.html",
]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_without_errors_or_outside_requests(
    report_dir: Path, open_page: Callable[[Path], Any], screenshot: Callable[[Any, str], Path], name: str
) -> None:
    page = open_page(report_dir / name)
    assert page.locator("main h1").first.is_visible()
    assert page.errors == []
    outside = [u for u in page.requests if not u.startswith(("file://", "data:"))]
    assert outside == []
    assert page.locator("script").count() == 0
    screenshot(page, f"testland-{name.removesuffix('.html')}")


def test_the_region_page_shows_the_network_legend_and_key_facts(
    report_dir: Path, open_page: Callable[[Path], Any], screenshot: Callable[[Any, str], Path]
) -> None:
    page = open_page(report_dir / "testland-region.html")
    network = page.locator("svg.network")
    assert network.is_visible()
    assert network.locator("g.node.actor").count() >= 50  # 44 municipalities and the social partners
    assert network.locator("g.node.body").count() == 3
    assert page.locator("ul.legend").first.get_by_text("municipality (44)").is_visible()
    for fact in (
        "42 of 44 municipal councils (95%)",
        "Meets at least 6 times a year",
        "Website vraag en aanbod bedrijventerreinen",
        "on 11 March 2014 (unanimously)",
    ):
        assert page.get_by_text(fact, exact=False).first.is_visible(), fact
    assert screenshot(page.locator("#network ~ .figure").first, "testland-network").stat().st_size > 10_000


def test_a_name_with_a_script_tag_is_visible_as_text(report_dir: Path, open_page: Callable[[Path], Any]) -> None:
    page = open_page(report_dir / "testland-region.html")
    shown = page.get_by_text("<script>alert('pwned')</script> Evil & Co", exact=True).filter(visible=True)
    assert shown.count() >= 2  # in the composition and the plan tree (the actors table is folded)
    assert shown.first.is_visible()
    assert page.locator("script").count() == 0


def test_network_labels_are_legible_and_do_not_overlap(report_dir: Path, open_page: Callable[[Path], Any]) -> None:
    page = open_page(report_dir / "testland-region.html")
    labels = page.locator("svg.network text.node-label")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert len(boxes) >= 40
    assert all(b is not None and b["height"] >= 12 for b in boxes)  # at the page's natural size, not shrunk
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a is not None and b is not None
            apart = (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )
            assert apart, (a, b)


def test_the_timeline_shows_certain_and_uncertain_spans(report_dir: Path, open_page: Callable[[Path], Any]) -> None:
    page = open_page(report_dir / "testland-region.html")
    timeline = page.locator("svg.timeline")
    assert timeline.is_visible()
    assert timeline.locator("rect.uncertain").count() >= 3
    assert timeline.locator("rect.certain").count() >= 3
    assert timeline.locator("text.row-label", has_text="Streekpact Testland 2008-2013").is_visible()


def test_a_fact_links_to_the_quoted_passage_of_its_source(report_dir: Path, open_page: Callable[[Path], Any]) -> None:
    page = open_page(report_dir / "testland-region.html")
    link = page.locator('a.src[title^="testland-pact.txt: “42 van de 44"]').first
    href = link.get_attribute("href")
    assert href is not None and href.startswith("sources/testland-pact.txt.html#q")
    doc = open_page(report_dir / href.partition("#")[0])
    mark = doc.locator("mark", has_text="42 van de 44 gemeenteraden")
    assert mark.is_visible()


def test_the_report_of_the_installed_regions(
    tmp_path: Path, open_page: Callable[[Path], Any], screenshot: Callable[[Any, str], Path]
) -> None:
    """The report users get from `make demo`: every installed region, checked in the browser."""
    model = streekbeleid.load()
    index = write_report(model, tmp_path)
    page = open_page(index)
    assert page.errors == []
    screenshot(page, "installed-index")
    regions = page.locator("main table").first.locator("tbody tr a")
    for i in range(regions.count()):
        href = regions.nth(i).get_attribute("href")
        assert href is not None
        region = open_page(tmp_path / href)
        assert region.errors == []
        assert region.locator("svg.timeline, #timeline + p + .figure p").first.is_visible()
        screenshot(region, f"installed-{href.removesuffix('.html')}")
        if href == "limburg-limburg.html":
            assert region.get_by_text("42 of 44 municipal councils", exact=False).first.is_visible()
            assert region.locator("svg.network").is_visible()


@pytest.fixture(scope="module")
def dutch_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report users get from `make demo`, in Dutch (its default language)."""
    out = tmp_path_factory.mktemp("rapport")
    write_report(streekbeleid.load(), out, lang="nl", documents=[Path(__file__).resolve().parents[2] / "seeds"])
    return out


@pytest.mark.parametrize("width", [1400, 420])
def test_no_page_scrolls_sideways_and_every_page_is_dutch(
    dutch_report: Path, browser: Any, screenshot: Callable[[Any, str], Path], width: int
) -> None:
    """At a desktop and a phone width: no page wider than the screen, Dutch text visible, no console errors."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    errors: list[str] = []
    names = sorted(p.name for p in dutch_report.glob("*.html"))
    assert {"index.html", "flanders.html", "about.html", "limburg-limburg.html"} <= set(names)
    try:
        for name in names:
            page = context.new_page()
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.goto((dutch_report / name).as_uri())
            assert page.locator("html").get_attribute("lang") == "nl"
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{name} is {wide} px wide at {width} px"
            assert page.get_by_text("Streekbeleid in Vlaanderen").first.is_visible(), name
            screenshot(page, f"nl-{width}-{name.removesuffix('.html')}")
            page.close()
    finally:
        context.close()
    assert errors == []


def test_an_english_report_on_request(tmp_path: Path, open_page: Callable[[Path], Any]) -> None:
    write_report(streekbeleid.load(), tmp_path, lang="en")
    page = open_page(tmp_path / "index.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Regional socio-economic policy in Flanders").first.is_visible()
