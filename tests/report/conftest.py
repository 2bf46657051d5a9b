"""Fixtures for the report tests: a made-up region with every kind of record, the report built from it,
and a real headless Chromium driven by Playwright."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from streekbeleid import Membership, Period, Source, hookimpl

DATA = Path(__file__).parent / "data"
CHROMIUM = os.environ.get("STREEKBELEID_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Testland:
    """A region plugin object (not installed): data from a file plus memberships computed in code."""

    @hookimpl
    def streekbeleid_data_files(self) -> list[Path]:
        return [DATA / "testland.yaml"]

    @hookimpl
    def streekbeleid_records(self) -> list[Membership]:
        text = (files("streekbeleid") / "data" / "flemish_municipalities.csv").read_text(encoding="utf-8")
        limburg = [
            row for row in csv.DictReader(io.StringIO(text)) if row["province_nis"] == "70000" and not row["valid_from"]
        ]
        return [
            Membership(
                id=f"testland:m-{row['nis']}",
                organization="testland:resoc",
                member=f"nis:{row['nis']}",
                seat_group="municipalities",
                valid=Period.parse(f"2014/{min(row['valid_until'] or '2019', '2019')}"),
                sources=[Source(document="testland-pact.txt", locator="42 van de 44 gemeenteraden")],
            )
            for row in limburg
        ]


@pytest.fixture(scope="session")
def testland_model() -> Any:
    from streekbeleid.assembly import assemble
    from streekbeleid.plugins.manager import make_plugin_manager

    return assemble(make_plugin_manager([], strict=True, extra=[("testland", Testland())]))


@pytest.fixture(scope="session")
def report_dir(testland_model: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the test region, written once for the session."""
    from streekbeleid.report import write_report

    out = tmp_path_factory.mktemp("report")
    write_report(testland_model, out, documents=[DATA])
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (Debian's, never a downloaded one); skips when there is none, except in CI."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        reason = f"no Chromium at {CHROMIUM}: install Debian's chromium (.ci/run does) to run the browser tests"
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI must never pass by skipping the browser
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open a file in a fresh page with JavaScript off; collect console errors and failed requests."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    requests: list[str] = []

    def open_(path: Path) -> Any:
        page = context.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda req: requests.append(req.url))
        page.goto(path.as_uri())
        page.errors = errors  # type: ignore[attr-defined]
        page.requests = requests  # type: ignore[attr-defined]
        return page

    yield open_
    context.close()


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    """Save a screenshot under build/screenshots (kept as a CI artifact)."""

    def save(target: Any, name: str) -> Path:
        """``target`` is a page (the whole page is saved) or a locator (that element)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        if hasattr(target, "goto"):
            target.screenshot(path=str(path), full_page=True)
        else:
            target.screenshot(path=str(path))
        return path

    return save
