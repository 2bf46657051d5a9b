from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

collect_ignore = ["plugin_fixtures"]

FIXTURES = Path(__file__).parent / "plugin_fixtures"


@pytest.fixture(scope="session")
def test_plugins_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test plugins, really installed by pip (dist-info, entry points) into a folder of their own."""
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    src = build / "plugin_fixtures"
    shutil.copytree(FIXTURES, src)  # build in a copy: no build/ or egg-info left in the tree
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(src),
        ],
        check=True,
    )
    return target


@pytest.fixture
def test_plugins(test_plugins_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Make the installed test plugins visible to entry-point discovery for one test."""
    monkeypatch.syspath_prepend(str(test_plugins_dir))
    yield test_plugins_dir
    for name in [m for m in sys.modules if m.startswith("sb_test_plugins")]:
        del sys.modules[name]
