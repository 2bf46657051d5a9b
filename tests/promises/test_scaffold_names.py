"""Promise 6: the scaffold writes packages that work for any name.

Slugs are checked whole (``fullmatch``), names are escaped wherever they are written (YAML, Python,
TOML): each hostile name gives a package that really installs (``pip install --target``), loads
strictly with the name as given, and passes its own tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from streekbeleid import StreekbeleidError
from streekbeleid.scaffold import new_region

NAMES = ["Kempen: Noord", "Regio #1", "Regio\\Noord"]  # and the README, TOML and YAML quote them


@pytest.mark.parametrize("name", NAMES)
def test_the_scaffold_writes_packages_that_work_for_any_name(name: str, tmp_path: Path) -> None:
    package = new_region("kempen", tmp_path / "plugins", name=name)
    build = tmp_path / "build"
    shutil.copytree(package, build)  # build in a copy: no build/ or egg-info left in the package
    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, "--target", str(site), str(build)], check=True, cwd=tmp_path, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD", None)
    code = (
        "import streekbeleid, importlib.metadata as md\n"
        "m = streekbeleid.load(plugins=['kempen'], strict=True)\n"
        "print(repr(m.get('kempen:region').name)); print(repr(m.get('kempen:resoc').name))\n"
        "print(repr(md.metadata('streekbeleid-kempen')['Summary']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        repr(name),
        repr(f"RESOC {name}"),
        repr(f"Region package for streekbeleid: {name}"),
    ]
    tests = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--doctest-modules",
            ".",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=package,
        timeout=300,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "6 passed" in tests.stdout, tests.stdout  # its five tests and the doctest of its module


@pytest.mark.parametrize("slug", ["kempen\n", "kempen\nevil = 'x'", " kempen", "kempen "])
def test_a_slug_is_checked_whole(slug: str, tmp_path: Path) -> None:
    with pytest.raises(StreekbeleidError, match="not a valid region slug"):
        new_region(slug, tmp_path)
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["Kempen\nNoord", "Kempen\x00", "   ", "Kempen\u2028Noord"])
def test_a_name_that_is_not_one_line_of_text_is_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(StreekbeleidError, match="not a usable region name: give one line of text"):
        new_region("kempen", tmp_path, name=name)
    assert not any(tmp_path.iterdir())
