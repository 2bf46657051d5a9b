"""`streekbeleid new-region`: the package it writes installs, passes its own tests, shows up in
`streekbeleid plugins` and `regions`, checks clean, lints clean and appears in the report, unchanged."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from streekbeleid import StreekbeleidError
from streekbeleid.cli import main
from streekbeleid.scaffold import new_region

BIN = Path(sys.executable).parent


def run(*args: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A region scaffolded by the CLI into an empty folder and really installed (dist-info, entry point)."""
    work = tmp_path_factory.mktemp("scaffold")
    assert main(["new-region", "kempen", "--path", str(work / "plugins"), "--name", "Kempen"]) == 0
    package = work / "plugins" / "kempen"
    site = work / "site"
    build = work / "build" / "kempen"
    shutil.copytree(package, build)  # build in a copy: no build/ or egg-info left in the package
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip, "--target", str(site), str(build)],
        check=True,
        cwd=work,
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    env.pop("STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD", None)
    return package, env


def test_the_scaffold_writes_a_package_with_data_sources_and_tests(installed: tuple[Path, dict[str, str]]) -> None:
    package, _env = installed
    files = sorted(str(p.relative_to(package)) for p in package.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "histories/kempen.yaml",
        "pyproject.toml",
        "src/streekbeleid_kempen/__init__.py",
        "src/streekbeleid_kempen/data/plans.yaml",
        "src/streekbeleid_kempen/data/region.yaml",
        "src/streekbeleid_kempen/data/workflows.yaml",
        "src/streekbeleid_kempen/sources/kempen-example.txt",
        "tests/conftest.py",
        "tests/test_kempen.py",
    ]
    pyproject = (package / "pyproject.toml").read_text()
    assert '[project.entry-points.streekbeleid]\nkempen = "streekbeleid_kempen"' in pyproject
    assert "${" not in "".join(p.read_text() for p in package.rglob("*") if p.is_file() and p.suffix != ".pyc")


def test_it_shows_up_in_plugins_unchanged(installed: tuple[Path, dict[str, str]]) -> None:
    _package, env = installed
    out = run(str(BIN / "streekbeleid"), "plugins", env=env)
    assert out.returncode == 0, out.stderr
    line = next(line for line in out.stdout.splitlines() if line.startswith("kempen "))
    assert line.split()[:4] == ["kempen", "streekbeleid-kempen", "0.1.0", "ok"]


def test_its_region_is_listed(installed: tuple[Path, dict[str, str]]) -> None:
    _package, env = installed
    out = run(str(BIN / "streekbeleid"), "regions", "--plugins", "kempen", env=env)
    assert out.returncode == 0, out.stderr
    assert "kempen:region" in out.stdout and "Kempen" in out.stdout


def test_it_passes_its_own_tests(installed: tuple[Path, dict[str, str]]) -> None:
    package, env = installed
    out = run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", env=env, cwd=package)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "5 passed" in out.stdout


def test_it_loads_strictly_and_checks_without_errors_or_warnings(installed: tuple[Path, dict[str, str]]) -> None:
    _package, env = installed
    code = (
        "import streekbeleid\n"
        "m = streekbeleid.load(plugins=['kempen'], strict=True)\n"
        "print(sorted({p.severity + ' ' + p.rule for p in streekbeleid.check(m) if p.severity != 'info'}))\n"
    )
    out = run(sys.executable, "-c", code, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_its_code_passes_the_projects_linters(installed: tuple[Path, dict[str, str]]) -> None:
    package, env = installed
    root = Path(__file__).resolve().parents[2]
    for args in (["check"], ["format", "--check"]):
        out = run(str(BIN / "ruff"), *args, "--config", str(root / "pyproject.toml"), str(package), env=env)
        assert out.returncode == 0, out.stdout + out.stderr


def test_it_appears_in_the_report_with_its_sources_linked(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    _package, env = installed
    out = run(str(BIN / "streekbeleid"), "report", "kempen", "-o", str(tmp_path), env=env)
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "kempen-region.html").read_text(encoding="utf-8")
    assert "RESOC Kempen" in page and "Streekpact Kempen 2024-2030" in page
    assert 'href="sources/kempen-example.txt.html#q' in page  # the example source ships in the package
    assert (tmp_path / "sources" / "kempen-example.txt").exists()


@pytest.mark.parametrize("slug", ["Kempen", "1region", "kem-pen", "org", "core", ""])
def test_a_bad_slug_is_refused_with_the_rule(slug: str, tmp_path: Path) -> None:
    with pytest.raises(StreekbeleidError, match=r"slug|namespace of the core"):
        new_region(slug, tmp_path)


def test_an_existing_package_is_not_overwritten(tmp_path: Path) -> None:
    new_region("kempen", tmp_path)
    with pytest.raises(StreekbeleidError, match="exists and is not empty"):
        new_region("kempen", tmp_path)
    assert new_region("kempen", tmp_path, force=True) == tmp_path / "kempen"


def test_the_cli_prints_the_next_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-region", "halle_vilvoorde", "--path", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"pip install -e {tmp_path / 'halle_vilvoorde'}" in out
    assert (
        "Halle Vilvoorde"
        in (tmp_path / "halle_vilvoorde" / "src" / "streekbeleid_halle_vilvoorde" / "data" / "region.yaml").read_text()
    )


def test_a_mistake_in_the_data_fails_its_tests_with_file_line_and_field(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    package, env = installed
    broken = tmp_path / "kempen"
    shutil.copytree(package, broken)
    data = broken / "src" / "streekbeleid_kempen" / "data" / "region.yaml"
    data.write_text(data.read_text().replace("    kind: resoc\n", "    kind: RESOC\n"), encoding="utf-8")
    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, "--target", str(site), str(broken)], check=True, cwd=tmp_path)
    out = run(
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", env={**env, "PYTHONPATH": str(site)}, cwd=broken
    )
    assert out.returncode == 1
    assert "region 'kempen' does not load (DataError):" in out.stdout
    assert re.search(r"kempen/region\.yaml:\d+: \$\.bodies\[0\]\.kind: 'RESOC' is not one of", out.stdout)
    assert "During handling" not in out.stdout and "Traceback" not in out.stdout
    assert "1 failed, 1 passed, 3 errors" in out.stdout
