"""The region-package tutorial, followed as written by a new team in a folder of its own.

A fresh virtual environment outside the checkout (no system site packages), the core installed from the
checkout with pip, a region scaffolded, built as a wheel and installed; then its own tests, a strict load, the
checks, `plugins`, `regions` and the report. The commands are those of docs/tutorials/region-package.md, and the
outputs the page shows are compared with what the team sees. pip works from the machine's cache and configured
package index only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = (ROOT / "docs" / "tutorials" / "region-package.md").read_text(encoding="utf-8")


def shown_after(command: str) -> str:
    """The first ```text block the tutorial shows after the line with ``command``."""
    at = TUTORIAL.index(command)
    match = re.compile(r"```text\n(.*?)```", re.S).search(TUTORIAL, at)
    assert match, command
    return match.group(1)


def test_the_tutorial_says_what_this_test_runs() -> None:
    for command in (
        "pip install ~/src/streekbeleid pytest",
        "streekbeleid new-region kempen --name Kempen",
        "pip wheel --no-deps plugins/kempen -w dist",
        "pip install dist/streekbeleid_kempen-0.1.0-py3-none-any.whl",
        "pytest plugins/kempen",
        "streekbeleid check --plugins kempen",
        "streekbeleid report kempen",
    ):
        assert command in TUTORIAL, command


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The team's folder with its virtual environment, the core installed from a copy of the checkout."""
    home = tmp_path_factory.mktemp("tutorial")
    checkout = home / "src" / "streekbeleid"  # a checkout: what pip needs to build the core, without our .venv
    checkout.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, checkout / name)
    shutil.copytree(ROOT / "src", checkout / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    work = home / "kempen-team"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STREEKBELEID_", "PYTHON", "VIRTUAL_ENV"))}
    env["STREEKBELEID_LANG"] = "en"  # the tutorial's outputs are in English
    subprocess.run([sys.executable, "-m", "venv", str(work / ".venv")], check=True, timeout=120)
    bin_ = work / ".venv" / "bin"
    env["PATH"] = f"{bin_}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(work / ".venv")
    # `pip install ~/src/streekbeleid pytest`
    sh(env, work, "pip", "install", "--quiet", str(checkout), "pytest")
    return work, env


def sh(env: dict[str, str], cwd: Path, *args: str) -> str:
    out = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=600)
    assert out.returncode == 0, f"{' '.join(args)}:\n{out.stdout}\n{out.stderr}"
    return out.stdout


def test_a_team_follows_the_tutorial_in_a_fresh_environment(team: tuple[Path, dict[str, str]]) -> None:
    work, env = team
    assert Path(sh(env, work, "python", "-c", "import sys; print(sys.prefix)").strip()) == work / ".venv"
    assert sh(env, work, "streekbeleid", "--version").strip() == "streekbeleid 0.1.0"

    # 1. Scaffold the package
    created = sh(env, work, "streekbeleid", "new-region", "kempen", "--name", "Kempen")
    assert created == shown_after("streekbeleid new-region kempen --name Kempen")

    # 2. Build it as a wheel, install it and see it
    sh(env, work, "pip", "wheel", "--quiet", "--no-deps", "plugins/kempen", "-w", "dist")
    sh(env, work, "pip", "install", "--quiet", "dist/streekbeleid_kempen-0.1.0-py3-none-any.whl")
    assert sh(env, work, "streekbeleid", "plugins") == shown_after("streekbeleid plugins\n```")
    regions = sh(env, work, "streekbeleid", "regions", "--strict", "--plugins", "kempen")
    assert regions == shown_after("streekbeleid regions --plugins kempen")

    # the package is the wheel, not the folder: its data and sources were shipped
    where = "import streekbeleid_kempen as p, pathlib; print(pathlib.Path(p.__file__).parent)"
    installed = Path(sh(env, work, "python", "-c", where).strip())
    assert installed.is_relative_to(work / ".venv")
    assert sorted(p.name for p in (installed / "data").iterdir()) == ["plans.yaml", "region.yaml", "workflows.yaml"]
    assert (installed / "sources" / "kempen-example.txt").is_file()

    # 3. Its own tests
    tests = sh(env, work, "pytest", "plugins/kempen", "-p", "no:cacheprovider")
    assert re.search(r"^5 passed", shown_after("pytest plugins/kempen\n```"), re.M)
    assert "5 passed" in tests and "failed" not in tests

    # loaded strictly and checked: no errors, no warnings
    code = (
        "import streekbeleid\n"
        "m = streekbeleid.load(plugins=['kempen'], strict=True)\n"
        "print(m.get('kempen:resoc').name, sorted({p.severity for p in streekbeleid.check(m)}))\n"
    )
    assert sh(env, work, "python", "-c", code).strip() == "RESOC Kempen ['info']"
    check = sh(env, work, "streekbeleid", "check", "--plugins", "kempen")
    assert re.search(r"^0 errors, 0 warnings, \d+ infos$", check, re.M)

    # 6. The report
    report = sh(env, work, "streekbeleid", "report", "kempen")
    assert report.startswith(f"Report written: {work / 'build' / 'report' / 'index.html'}")
    page = (work / "build" / "report" / "kempen-region.html").read_text(encoding="utf-8")
    assert "RESOC Kempen" in page and "Streekpact Kempen 2024-2030" in page
