"""Pytest plugin for region packages: fixtures and a contract check (registered as ``pytest11``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

__all__ = ["assert_region_valid"]


def assert_region_valid(slug: str) -> Any:
    """Load the core and the region ``slug`` strictly; fail with every problem found. Returns the model."""
    from .assembly import load

    return load(plugins=[slug], strict=True)


@pytest.fixture
def streekbeleid_core() -> Iterator[Any]:
    """A model with only the core catalogue."""
    from .assembly import load

    yield load(plugins=[], strict=True)
