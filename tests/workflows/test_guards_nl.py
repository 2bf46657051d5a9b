"""The workflow guards' reasons in Dutch: names beside ids, dates in words, never the notation of the data."""

from __future__ import annotations

import pytest

from streekbeleid import WorkflowError
from streekbeleid.i18n import use_language
from streekbeleid.model.workflow import describe_date, event_date
from streekbeleid.workflows import Engine


@pytest.fixture
def approved(engine: Engine) -> str:
    pact = engine.start("core:streekpact", "t:pact").id
    engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve")
    return pact


def test_a_refusal_in_dutch_words_its_dates(engine: Engine, approved: str) -> None:
    with use_language("nl"), pytest.raises(WorkflowError) as info:
        engine.fire(approved, "endorse", date="2019-03", by="nis:71022")
    assert info.value.rule == "guard.endorser_exists_and_in_region"  # the rule stays language-free
    assert "Hasselt (nis:71022) bestond niet op maart 2019 (het bestond tot 31 december 2018)" in str(info.value)
    assert "2018-12-31" not in str(info.value) and "../" not in str(info.value)


def test_a_doubt_in_dutch_says_at_the_earliest(engine: Engine, approved: str) -> None:
    with use_language("nl"):
        instance = engine.fire(approved, "endorse", date="2018-12-31..", by="nis:71022")
    assert instance.doubts == (
        "endorser_exists_and_in_region: Hasselt (nis:71022) bestond mogelijk niet op ten vroegste 31 december 2018 "
        "(het bestond tot 31 december 2018)",
    )


def test_a_decision_dated_after_the_step_in_dutch(engine: Engine) -> None:
    pact = engine.start("core:streekpact", "t:pact").id
    with use_language("nl"), pytest.raises(WorkflowError) as info:
        engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve-later")
    decision = "beslissing RESOC keurt Pact goed (t:pact/approve-later)"
    assert f"{decision}: ze dateert van mei 2014, na 11 maart 2014" in str(info.value)


def test_a_steps_date_in_words() -> None:
    with use_language("nl"):
        assert describe_date(event_date("..2014-12")) == "ten laatste december 2014"
        assert describe_date(None) == "een onbekende datum"
    with use_language("en"):
        assert describe_date(event_date("2014-03-11..")) == "11 March 2014 at the earliest"
