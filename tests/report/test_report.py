"""The report's content, read from the written HTML (the browser tests look at it rendered)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from streekbeleid import UnknownIdError
from streekbeleid.report import write_report
from streekbeleid.report.scope import region_scope, report_regions
from streekbeleid.report.timeline import timeline_rows, timeline_svg

DATA = Path(__file__).parent / "data"


def text_of(html: str) -> str:
    """The visible text of a page, roughly: tags dropped, entities kept as they are."""
    body = html.partition("<body>")[2] or html
    body = re.sub(r"<title>.*?</title>", " ", body, flags=re.S)  # SVG tooltips
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture(scope="module")
def pages(report_dir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in report_dir.glob("*.html")}


def test_the_site_has_an_index_a_page_per_region_and_the_shared_pages(pages: dict[str, str]) -> None:
    assert set(pages) == {
        "index.html",
        "testland-region.html",
        "testland-east.html",
        "compare.html",
        "checks.html",
        "sources.html",
        "flanders.html",
        "about.html",
    }


def test_the_index_links_every_region_page(pages: dict[str, str]) -> None:
    assert 'href="testland-region.html"' in pages["index.html"]
    assert 'href="testland-east.html"' in pages["index.html"]


def test_pages_load_nothing_from_elsewhere(report_dir: Path) -> None:
    for page in report_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html, page
        assert not re.search(r'<link[^>]+href="(?!data:)', html), page  # styles are inline
        assert not re.search(r'\ssrc="', html), page  # no images, frames or scripts by URL
        assert "@import" not in html and "url(http" not in html, page


def test_a_name_with_a_script_tag_is_shown_as_text(pages: dict[str, str]) -> None:
    html = pages["testland-region.html"]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt; Evil &amp; Co" in html
    assert "<b>with markup</b>" not in html and "&lt;b&gt;with markup&lt;/b&gt;" in html


def test_the_network_is_an_svg_with_every_body_and_member(pages: dict[str, str]) -> None:
    html = pages["testland-region.html"]
    svg = re.search(r'<svg[^>]*class="network".*?</svg>', html, flags=re.S)
    assert svg is not None
    nodes = re.findall(r'data-id="([^"]+)"', svg.group())
    assert {"testland:resoc", "testland:serr", "testland:werkgroep", "org:voka", "testland:evil"} <= set(nodes)
    assert len([n for n in nodes if n.startswith("nis:")]) == 44  # the municipalities of the test region
    assert 'class="legend"' in html and "municipality (44)" in html


def test_composition_compares_each_seat_group_with_its_rule(pages: dict[str, str]) -> None:
    text = text_of(pages["testland-region.html"])
    assert "Seats on 31 December 2014, the day the most seats are known to be filled" in text
    # fewer members recorded than the rule gives is a gap in the data, shown as such, not as a breach in red
    assert re.search(r"employers 4 seats, voting .*? 3 fewer members recorded than the rule gives", text)
    assert "Boerenbond: 0 of 1 (fewer members recorded than the rule gives)" in text
    assert re.search(r"municipalities at least 40 seats, voting 44 as the rule says", text)
    assert "Meets at least 6 times a year" in text


def test_plans_are_trees_with_leads_and_commitments(pages: dict[str, str]) -> None:
    html = pages["testland-region.html"]
    text = text_of(html)
    assert re.search(r"1\.1\.1 Website vraag en aanbod bedrijventerreinen .*? lead: POM Testland", text)
    assert re.search(r"partners: VOKA ?, ?&lt;script&gt;", text)
    assert "Werk en &lt;i&gt;talent&lt;/i&gt;" in html
    assert "jobs created" in text and "target 200, actual 150" in text
    # the objective is nested inside its priority, the action inside the objective
    between = html[html.index('id="r-testland_3ap1"') : html.index('id="r-testland_3aa1_2e1_2e1"')]
    assert between.count("<ul") - between.count("</ul>") == 2


def test_endorsement_coverage_counts_of_how_many(pages: dict[str, str]) -> None:
    text = text_of(pages["testland-region.html"])
    assert "42 of 44 municipal councils (95%)" in text
    assert "1 named endorsement of Streekpact Testland 2014-2019" in text


def test_decisions_say_who_decided_what_when_and_how(pages: dict[str, str]) -> None:
    text = text_of(pages["testland-region.html"])
    assert "RESOC Testland approves Streekpact Testland 2014-2019 on 11 March 2014 (unanimously) — advice only" in text


def test_the_timeline_draws_uncertain_dates_as_uncertain(testland_model: Any) -> None:
    region = testland_model.get("testland:region")
    rows = timeline_rows(testland_model, region_scope(testland_model, region))
    by_label = {r.label: r for r in rows}
    svg = timeline_svg(rows, title="t")
    groups = dict(re.findall(r'<g class="row \w+" data-target="([^"]+)">(.*?)</g>', svg, flags=re.S))
    # "2008/2013": certain only from the last day of 2008 to the first of 2013; each end hatched over its year
    pact_2008 = groups["testland:pact-2008"]
    assert pact_2008.count('class="certain"') == 1 and pact_2008.count('class="uncertain"') == 2
    # a decision known to the day is a mark; one known to the month a hatched range
    assert 'class="certain"' in groups["testland:d-approve"] and "uncertain" not in groups["testland:d-approve"]
    assert 'class="uncertain"' in groups["testland:d-prov"]
    # an open end runs to the edge with an arrow
    assert 'class="open-end"' in groups["testland:lever"]
    assert by_label["42 of 44 municipal councils (95%) endorsed Streekpact Testland 2014-2019"].category == "decision"


def test_memberships_with_the_same_term_are_one_timeline_row(testland_model: Any) -> None:
    region = testland_model.get("testland:region")
    labels = [r.label for r in timeline_rows(testland_model, region_scope(testland_model, region))]
    assert "42 members in RESOC" in labels  # the municipalities that lived through 2019
    assert "4 members in RESOC" in labels  # the four merged on 2019-01-01


def test_every_fact_links_to_its_source_and_quotes_are_highlighted(report_dir: Path, pages: dict[str, str]) -> None:
    html = pages["testland-region.html"]
    doc = report_dir / "sources" / "testland-pact.txt.html"
    assert doc.exists() and (report_dir / "sources" / "testland-pact.txt").exists()
    link = re.search(
        r'href="(sources/testland-pact\.txt\.html#q\d+)"[^>]*title="testland-pact.txt: “42 van de 44', html
    )
    assert link is not None
    anchor = link.group(1).partition("#")[2]
    assert re.search(rf'<mark id="{anchor}">42 van de 44 gemeenteraden', doc.read_text())
    assert 'href="https://example.org/ersv"' in html  # a URL
    assert 'href="https://lokaalbestuur.vlaanderen.be"' in html  # a web site
    # named, but nowhere to be found: the mark still leads somewhere (the document's row on the sources page)
    assert 'href="sources.html#d-missing-document_2epdf" title="missing-document.pdf"' in html


def test_the_sources_section_lists_each_document_with_the_facts_it_supports(pages: dict[str, str]) -> None:
    section = pages["testland-region.html"].partition('id="sources"')[2]
    assert "testland-pact.txt" in section and "missing-document.pdf" in section
    assert "RESOC Testland" in text_of(section)


def test_check_results_are_shown_per_region_and_in_full(pages: dict[str, str]) -> None:
    region = text_of(pages["testland-region.html"].partition('id="checks"')[2])
    assert "cadence" in region and "met 2 times in 2014" in region
    assert "met 2 times" in text_of(pages["checks.html"])


def test_without_a_store_the_report_says_no_workflow_instances_are_recorded(pages: dict[str, str]) -> None:
    assert "None recorded (the report was made without a workflow store)." in pages["testland-region.html"]


def test_the_comparison_has_a_theme_matrix_and_the_shared_actors(pages: dict[str, str]) -> None:
    html = pages["compare.html"]
    matrix = html[html.index('class="matrix"') : html.index("</table>", html.index('class="matrix"'))]
    mobility = re.search(r'id="t-theme_3amobility">(.*?)</tr>', matrix, flags=re.S)
    assert mobility is not None
    assert re.findall(r"<summary>(\d+)</summary>", mobility.group(1)) == ["1", "2"]  # Oostland, Testland
    assert "<li>Streekpact Testland 2014-2019</li>" in mobility.group(1)  # the items open with a tap, not a hover
    shared = text_of(html.partition('class="shared-actors"')[2])
    assert "VOKA" in shared and "member of Toekomstforum Oostland" in shared and "member of RESOC Testland" in shared


def test_as_of_shows_who_sat_on_that_day_and_marks_the_day_on_the_timeline(testland_model: Any, tmp_path: Path) -> None:
    write_report(testland_model, tmp_path, as_of="2016-06-15", documents=[DATA])
    html = (tmp_path / "testland-east.html").read_text(encoding="utf-8")
    text = text_of(html)
    assert "Seats on 15 June 2016" in text
    assert "VDAB (expert, start unknown, until June 2016) (dates uncertain)" in text  # its end is known to the month
    assert "as of 15 June 2016" in html
    later = tmp_path / "later"
    write_report(testland_model, later, as_of="2017-01-01", documents=[DATA])
    network = re.search(r'<svg[^>]*class="network".*?</svg>', (later / "testland-east.html").read_text(), re.S)
    assert network is not None and 'data-id="org:voka"' in network.group() and "org:vdab" not in network.group()


def test_regions_are_chosen_by_id_or_by_plugin(testland_model: Any) -> None:
    assert [r.id for r in report_regions(testland_model, ["testland:east"])] == ["testland:east"]
    assert [r.id for r in report_regions(testland_model, ["testland"])] == ["testland:east", "testland:region"]
    assert [r.id for r in report_regions(testland_model)] == ["testland:east", "testland:region"]
    with pytest.raises(UnknownIdError):
        report_regions(testland_model, ["nowhere"])


def test_a_model_with_only_the_core_gives_a_site_that_says_so(tmp_path: Path) -> None:
    import streekbeleid

    index = write_report(streekbeleid.load(plugins=[]), tmp_path)
    assert "No region package is installed" in index.read_text(encoding="utf-8")


def test_workflow_instances_from_a_store_are_shown_with_their_history(testland_model: Any, tmp_path: Path) -> None:
    from streekbeleid.workflows import Engine, open_store

    store = tmp_path / "workflows.sqlite3"
    with open_store(store) as events:
        engine = Engine(testland_model, events)
        engine.start("core:streekpact", "testland:pact-2014", date="2014-01")
        engine.fire("core:streekpact/testland:pact-2014", "approve", date="2014-03-11", decision="testland:d-approve")
        engine.fire(
            "core:streekpact/testland:pact-2014",
            "endorse",
            date="2014",
            decision="testland:t-endorse",
            note="<b>42 of 44</b>",
        )
    write_report(testland_model, tmp_path / "site", store=store, documents=[DATA])
    html = (tmp_path / "site" / "testland-region.html").read_text(encoding="utf-8")
    section = html.partition('id="workflows"')[2].partition('id="checks"')[0]
    text = text_of(section)
    assert "Life of a streekpact" in text
    assert "— Streekpact Testland 2014-2019 : endorsement round (open)" in text
    steps = re.findall(r'<td class="date">([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>', section)
    assert steps == [  # the labels of steps and states, not their ids
        ("January 2014", "start", "drafted"),
        ("11 March 2014", "approval", "approved"),
        ("2014", "endorsement", "endorsement round"),
    ]
    assert "&lt;b&gt;42 of 44&lt;/b&gt;" in section
    other = (tmp_path / "site" / "testland-east.html").read_text(encoding="utf-8")
    assert "None about this region in" in other

    write_report(testland_model, tmp_path / "nl", store=store, documents=[DATA], lang="nl")
    section = (tmp_path / "nl" / "testland-region.html").read_text(encoding="utf-8").partition('id="workflows"')[2]
    text = text_of(section.partition('id="checks"')[0])
    assert "Levensloop van een streekpact" in text and "Life of a streekpact" not in text
    assert "toestanden: ontwerp → in overleg → goedgekeurd → onderschrijvingsronde → ingediend" in text
    assert "stappen: overleg, goedkeuring, onderschrijving, indiening, inwerkingtreding" in text
    assert "Streekpact Testland 2014-2019 : onderschrijvingsronde (lopend)" in text
    steps = re.findall(r'<td class="date">([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>', section)
    assert [s[1:] for s in steps] == [
        ("begin", "ontwerp"),
        ("goedkeuring", "goedgekeurd"),
        ("onderschrijving", "onderschrijvingsronde"),
    ]


def test_a_store_that_does_not_exist_is_reported_not_created(testland_model: Any, tmp_path: Path) -> None:
    write_report(testland_model, tmp_path / "site", store=tmp_path / "missing.sqlite3")
    html = (tmp_path / "site" / "testland-region.html").read_text(encoding="utf-8")
    assert "missing.sqlite3 does not exist: no procedures recorded" in html
    assert not (tmp_path / "missing.sqlite3").exists()


def test_overlapping_quotes_share_one_mark_and_each_keeps_its_anchor() -> None:
    from streekbeleid.report.sources import highlight

    marked = highlight("<a> RESOC keurt goed", [(4, 15), (10, 20), None, (4, 15)])
    assert marked == '&lt;a&gt; <mark id="q4">RESOC <span id="q10" class="anchor"></span>keurt goed</mark>'
