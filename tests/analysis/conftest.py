"""Fixtures for the analysis tests: the core catalogue, the real region packages, and small hand-made models."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

import pytest

import streekbeleid
from streekbeleid import Actor, Model, Region, Territory, Theme

REGIONS = ("limburg", "zuid_oost_vlaanderen", "leuven")


@pytest.fixture(scope="session")
def core() -> Model:
    """The core catalogue alone: territories with their lifetimes, reference regions, actors, themes."""
    return streekbeleid.load(plugins=[], strict=True)


@pytest.fixture(scope="session")
def core_records(core: Model) -> list[Any]:
    return [*core.records(Territory), *core.records(Region), *core.records(Actor), *core.records(Theme)]


@pytest.fixture
def build(core_records: list[Any]) -> Callable[..., Model]:
    """Build a small model from records, on top of the core catalogue (its territories, actors, themes).

    ``build(*records, catalogue=False)`` leaves the catalogue out.
    """

    def make(*records: Any, catalogue: bool = True) -> Model:
        return Model.from_records([*(core_records if catalogue else []), *records])

    return make


def _installed(slug: str) -> bool:
    return any(ep.name == slug for ep in entry_points(group="streekbeleid"))


def region(slug: str) -> Model:
    if not _installed(slug):
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"region package {slug!r} is not installed (`make install` installs all three)"
        )
    return streekbeleid.load(plugins=[slug], strict=True)


@pytest.fixture(scope="session")
def limburg() -> Model:
    """The core and the Limburg package, loaded strictly."""
    return region("limburg")


@pytest.fixture(scope="session")
def zov() -> Model:
    """The core and the Zuid-Oost-Vlaanderen package, loaded strictly."""
    return region("zuid_oost_vlaanderen")


@pytest.fixture(scope="session")
def leuven() -> Model:
    """The core and the Leuven package, loaded strictly."""
    return region("leuven")


@pytest.fixture(scope="session")
def everything() -> Model:
    """The core and all three region packages, loaded strictly."""
    for slug in REGIONS:
        if not _installed(slug):
            (pytest.fail if os.environ.get("CI") else pytest.skip)(
                f"region package {slug!r} is not installed (`make install` installs all three)"
            )
    return streekbeleid.load(plugins=list(REGIONS), strict=True)
