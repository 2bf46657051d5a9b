"""The fixtures every test folder shares: the core catalogue, the real region packages, one builder of
hand-made models, and the really installed test plugins."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import Model
from streekbeleid.testing import build_model

collect_ignore = ["plugin_fixtures"]

#: The region packages this repository ships, by slug.
REGIONS = ("limburg", "zuid_oost_vlaanderen", "leuven")


def require_regions(*slugs: str) -> None:
    """Skip (fail under CI) unless these region packages are installed."""
    installed = {ep.name for ep in entry_points(group="streekbeleid")}
    for slug in slugs:
        if slug not in installed:
            (pytest.fail if os.environ.get("CI") else pytest.skip)(
                f"region package {slug!r} is not installed (`make install` installs all three)"
            )


def region_model(*slugs: str) -> Model:
    """The core catalogue and these region packages, loaded strictly."""
    require_regions(*slugs)
    return streekbeleid.load(plugins=list(slugs), strict=True)


@pytest.fixture(scope="session")
def core() -> Model:
    """The core catalogue alone: territories with their lifetimes, reference regions, actors, themes."""
    return streekbeleid.load(plugins=[], strict=True)


@pytest.fixture(scope="session")
def limburg() -> Model:
    """The core and the Limburg package, loaded strictly."""
    return region_model("limburg")


@pytest.fixture(scope="session")
def zov() -> Model:
    """The core and the Zuid-Oost-Vlaanderen package, loaded strictly."""
    return region_model("zuid_oost_vlaanderen")


@pytest.fixture(scope="session")
def leuven() -> Model:
    """The core and the Leuven package, loaded strictly."""
    return region_model("leuven")


@pytest.fixture(scope="session")
def everything() -> Model:
    """The core and the three region packages, loaded strictly."""
    return region_model(*REGIONS)


@pytest.fixture
def build() -> Callable[..., Model]:
    """The one builder of hand-made models: ``build(*records, catalogue=True, workflows=(), checks=())``.

    See :func:`streekbeleid.testing.build_model`: the records come on top of the core catalogue's
    territories, regions, actors and themes unless ``catalogue=False``.
    """
    return build_model


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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A PostgreSQL server of the tests' own (Debian's postgresql package), stopped after the session.

    Skips when the server programs are missing, except in CI (``CI`` set), where that fails.
    """
    import os

    from streekbeleid.local_servers import LocalPostgres, ServerUnavailable

    if os.environ.get("CI"):
        import psycopg  # noqa: F401 - CI fails when the postgres extra is missing
    else:
        pytest.importorskip("psycopg")
    server = LocalPostgres()
    try:
        server.start()
    except ServerUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc} (.ci/run installs it)")  # CI must never pass by skipping PostgreSQL
        pytest.skip(str(exc))
    yield server
    server.stop()
