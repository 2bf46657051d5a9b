"""The region under test, for the fixtures of streekbeleid.testing (the pytest plugin installed with streekbeleid)."""

import pytest

import streekbeleid


@pytest.fixture
def streekbeleid_region() -> str:
    return "limburg"


@pytest.fixture
def model(streekbeleid_model: streekbeleid.Model) -> streekbeleid.Model:
    """The core and this region, loaded strictly by the plugin's ``streekbeleid_model`` (a fresh load per test)."""
    return streekbeleid_model
