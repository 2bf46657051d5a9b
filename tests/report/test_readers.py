"""What a policy officer reads on the pages of the installed regions: no wrong information, unknown shown as
unknown, Dutch by default, names and dates in words (issue 12), and the overview of Flanders (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid.i18n import use_language
from streekbeleid.report import run_checks, write_report
from streekbeleid.report.scope import region_scope
from streekbeleid.report.timeline import TimelineRow, timeline_svg

from .test_report import text_of

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("installed-en")
    write_report(streekbeleid.load(), out, lang="en", documents=[SEEDS])
    return {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}


@pytest.fixture(scope="module")
def dutch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("installed-nl")
    write_report(streekbeleid.load(), out, lang="nl", documents=[SEEDS])
    return {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}


def _seat_table(html: str, body_id: str) -> str:
    anchor = 'id="r-' + re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}", body_id) + '"'
    start = html.index(anchor)
    return html[start : html.index("</table>", start)]


@pytest.mark.parametrize(
    ("page", "body", "groups"),
    [
        ("limburg-limburg.html", "limburg:resoc", 4),
        ("leuven-arrondissement-leuven.html", "leuven:taskforce-spitsregio", 7),
    ],
)
def test_a_body_without_dated_members_lists_each_seat_group_once_with_its_rule(
    english: dict[str, str], page: str, body: str, groups: int
) -> None:
    seats = _seat_table(english[page], body)
    assert seats.count("<tr>") - 1 == groups  # the head row and one row per seat group, no doubles
    text = text_of(seats)
    assert "outside the seat groups" not in text and "no rule" not in text
    assert "unknown: the members" in text and "dates are not recorded" in text
    assert 'class="status-short' not in seats and 'class="status-over' not in seats  # nothing red


def test_missing_dates_are_never_shown_as_a_finding(english: dict[str, str]) -> None:
    for name, html in english.items():
        assert " short" not in text_of(html), name
        assert "VOKA: 0 of 4" not in text_of(html), name


def test_a_decision_of_kind_other_reads_as_a_sentence(english: dict[str, str]) -> None:
    text = text_of(english["limburg-limburg.html"])
    assert "others SALK" not in text
    assert re.search(r"SALK-expertenteam ?: a decision about SALK-expertenrapport", text)


def test_the_index_counts_findings_not_notes(english: dict[str, str]) -> None:
    text = text_of(english["index.html"])
    assert re.search(r"\d+ errors, \d+ warnings, \d+ notes", text)
    limburg = re.search(r'<a href="limburg-limburg.html">Limburg</a></td>(.*?)</tr>', english["index.html"])
    assert limburg is not None
    model = streekbeleid.load()
    scope = region_scope(model, model.get("limburg:limburg"))
    ids = {r.id for r in scope.records()} | {i.id for p in scope.plans for i in p.walk()}
    mine = [p for p in run_checks(model) if set(p.ids) & ids]
    real = [p for p in mine if p.severity != "info"]
    assert len(real) < len(mine)  # Limburg has notes as well as findings
    assert re.findall(r">(\d+)</td>", limburg.group(1))[-1] == str(len(real))


def test_an_unknown_start_is_not_drawn_back_to_the_first_year() -> None:
    rows = [
        TimelineRow("SALK", "plan", period=streekbeleid.Period.parse("..2013-02/2015-06-30")),
        TimelineRow("Streekpact", "plan", period=streekbeleid.Period.parse("2008/2013")),
    ]
    svg = timeline_svg(rows, title="t")
    salk = re.search(r'<g class="row plan">(<title>SALK.*?)</g>', svg, flags=re.S)
    assert salk is not None
    assert 'class="uncertain"' not in salk.group(1)  # no hatched span from the axis' first year to 2013
    assert 'class="unknown-end">?</text>' in salk.group(1)


def test_the_report_is_dutch_by_default_with_dates_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STREEKBELEID_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")
    write_report(streekbeleid.load(), tmp_path, documents=[SEEDS])
    html = (tmp_path / "limburg-limburg.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html
    text = text_of(html)
    assert "RESOC Limburg keurt Streekpact 2014-2019 goed op 11 maart 2014 (unaniem)" in text
    assert "van ten laatste april 2016 tot ten vroegste 31 oktober 2020" in text
    assert not re.search(r"\.\.\d{4}-\d\d|\d{4}-\d\d\.\.", text)  # no raw date notation left for people


def test_sources_are_listed_by_title_and_notes_are_not_quotes(english: dict[str, str]) -> None:
    sources = text_of(english["sources.html"])
    assert "Actiegericht sociaaleconomisch beleid voor de Limburgse streken" in sources  # a seed file's title
    html = english["sources.html"]
    note = re.search(r'<span class="note">note: ([^<]*)</span>', html)
    assert note is not None and "“" not in note.group(0)
    assert "“ersvlimburg" not in html and "“employers (Voka 4" not in html


def test_the_sources_page_names_records_without_a_name_in_words(english: dict[str, str], dutch: dict[str, str]) -> None:
    """A decision, membership, funding or relation has no name of its own: the sources page says what it is
    (issue 12), never its id."""
    model = streekbeleid.load()
    unnamed = [r.id for r in model.records() if not getattr(r, "name", None) and not getattr(r, "title", None)]
    for page in (english["sources.html"], dutch["sources.html"]):
        shown = text_of(page)
        leaked = [i for i in unnamed if re.search(rf"(?<![\w:/-]){re.escape(i)}(?![\w/-])", shown)]
        assert leaked == []
    en, nl = text_of(english["sources.html"]), text_of(dutch["sources.html"])
    assert "ABVV in RESOC Limburg" in nl and "ABVV in RESOC Limburg" in en
    assert "ERSV Limburg vzw dient LIRES-plan in, april 2016" in nl
    assert "ERSV Limburg vzw submits LIRES-plan, April 2016" in en
    assert "Cofinanciering van De 39 Limburgse steden en gemeenten in het LIRES-dossier voor LIRES-plan" in nl
    assert "ERSV Limburg vzw is the legal vehicle of RESOC Limburg" in en


def test_checks_are_grouped_with_the_real_findings_first(english: dict[str, str]) -> None:
    html = english["checks.html"]
    summaries = re.findall(r"<summary>(.*?)</summary>", html, flags=re.S)
    assert len(summaries) < 15  # 58 results in a handful of groups
    first = text_of(summaries[0])
    assert "warning" in first and "composition" in first and "1 finding" in first
    assert any("action-lead" in s and "Streekpact 2013-2018" in s for s in summaries)


def test_the_plugins_are_on_the_about_page_not_the_index(english: dict[str, str]) -> None:
    assert "distribution" not in english["index.html"] and "hooks" not in english["index.html"]
    about = text_of(english["about.html"])
    assert "distribution" in about and re.search(r"limburg streekbeleid-limburg", about)


def test_the_overview_of_flanders_has_a_table_per_province_linking_each_region(english: dict[str, str]) -> None:
    html = english["flanders.html"]
    assert 'href="flanders.html"' in english["index.html"]
    for province in ("Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"):
        assert re.search(rf"<h2[^>]*>(Provincie )?{province}</h2>", html), province
    assert html.count('class="flanders"') == 5
    assert 'href="limburg-limburg.html#r-limburg_3aresoc"' in html  # a region with a page: to its bodies
    assert 'href="#r-core_3agebied_2fkempen"' in html and 'id="r-core_3agebied_2fkempen"' in html  # one without


def test_every_report_text_has_dutch() -> None:
    """The labels of kinds and roles exist in Dutch (the catalogue test checks the rest)."""
    from streekbeleid.model.phrasing import kind_label, role_label, seat_group_label

    with use_language("nl"):
        assert kind_label("trade_union") == "vakbond" and role_label("vice_chair") == "ondervoorzitter"
        assert seat_group_label("employers") == "werkgevers" and seat_group_label("Interleuven") == "Interleuven"


def test_the_compare_page_words_relations_in_the_language_in_use(
    english: dict[str, str], dutch: dict[str, str]
) -> None:
    nl, en = text_of(dutch["compare.html"]), text_of(english["compare.html"])
    assert "is de juridische drager van Toekomstforum Halle-Vilvoorde" in nl
    assert "is the legal vehicle of Toekomstforum Halle-Vilvoorde" in en
    # seen from the relation's object, the relation is told whole, the right way round
    assert "Taskforce Spitsregio Leuven wordt ondersteund door ERSV Vlaams-Brabant vzw" in nl
    assert "legal vehicle of" not in nl and "supported by" not in nl


def test_notes_in_our_own_words_are_read_in_the_language_in_use(english: dict[str, str], dutch: dict[str, str]) -> None:
    nl, en = dutch["sources.html"], english["sources.html"]
    assert "notitie: het streekwerk werd op 2019-01-01 in SOLVA geïntegreerd" in nl
    assert "note: the regional work was integrated into SOLVA on 2019-01-01" in en
    assert "the regional work was integrated" not in nl
