"""`streekbeleid report` and `streekbeleid demo` (the end of `make demo`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from streekbeleid.cli import main
from streekbeleid.plugins.manager import installed_plugins


def test_report_writes_the_site_and_says_where_to_open_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--plugins", "", "-o", str(tmp_path / "site")]) == 0
    out = capsys.readouterr().out
    index = tmp_path / "site" / "index.html"
    assert index.exists()
    assert f"Open it in a browser: {index.resolve().as_uri()}" in out


def test_report_of_an_unknown_region_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "nowhere:region", "--plugins", "", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("streekbeleid: error: unknown id 'nowhere:region'")


def test_report_takes_a_date_and_region_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    slugs = sorted({ep.name for ep in installed_plugins()})
    if not slugs:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            "no region plugin installed (make install installs the three regions)"
        )
    assert main(["report", slugs[0], "--as-of", "2016-06-30", "-o", str(tmp_path)]) == 0
    pages = {p.name for p in tmp_path.glob("*.html")} - {
        "index.html",
        "compare.html",
        "checks.html",
        "sources.html",
        "flanders.html",
        "about.html",
    }
    assert pages and all(p.startswith(slugs[0].replace("_", "-")) for p in pages)
    assert "as of 30 June 2016" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_demo_shows_plugins_regions_and_facts_then_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Plugins (each region is a package that plugs into the core):" in out
    assert re.search(r"^core\s+streekbeleid\s+\S+\s+ok$", out, flags=re.M)
    assert "Checks: " in out
    assert out.rstrip().endswith((tmp_path / "index.html").resolve().as_uri())
    installed = {ep.name for ep in installed_plugins()}
    if "limburg" in installed:
        assert "RESOC Limburg: seat groups municipalities 8, province 8, employers 8, employees 8" in out
        assert "RESOC Limburg approves Streekpact 2014-2019, unanimously, 11 March 2014" in out
        assert "42 of 44 municipal councils (95%) endorsed Streekpact 2014-2019" in out
    if "leuven" in installed:
        assert "Taskforce Spitsregio Leuven: " in out and "meets at least 6 times a year" in out
    if "zuid_oost_vlaanderen" in installed:
        assert "6 priorities: 1 Innovatieve Zorgzame Regio" in out
    assert '<html lang="nl">' in (tmp_path / "index.html").read_text(encoding="utf-8")  # the report is Dutch


def test_the_demo_speaks_dutch_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--lang", "nl", "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Plugins (elke regio is een pakket dat op de kern aansluit):" in out
    assert "Controles: " in out and "Rapport geschreven (in het Nederlands)" in out
    if "limburg" in {ep.name for ep in installed_plugins()}:
        assert "RESOC Limburg: zetelgroepen gemeenten 8, provincie 8, werkgevers 8, werknemers 8" in out
        assert "42 van de 44 gemeenteraden (95%)" in out
