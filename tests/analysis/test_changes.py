"""What changed between two days: each kind of change, its certainty, a region, and the whole model's answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streekbeleid import Body, Decision, Meeting, Membership, Model, PartialDate, Period, Plan, StreekbeleidError
from streekbeleid.i18n import use_language
from streekbeleid.queries.changes import changes

P = Period.parse


@pytest.fixture
def model(build: Callable[..., Model]) -> Model:
    return build(
        Body(id="x:resoc", name="RESOC X", kind="resoc", region="refreg:REFREG15", valid=P("2010/..")),
        Plan(id="x:pact-old", name="Pact 2008-2013", kind="streekpact", owner="x:resoc", valid=P("2008/2013")),
        Plan(id="x:pact", name="Pact 2014-2019", kind="streekpact", owner="x:resoc", valid=P("2014-03-11/2019")),
        Membership(id="x:m-voka", organization="x:resoc", member="org:voka", valid=P("2014-03-11/2016-12-31")),
        Membership(id="x:m-acv", organization="x:resoc", member="org:acv", valid=P("2016/..")),
        Decision(id="x:approve", kind="approve", by="x:resoc", subject="x:pact", date=PartialDate.parse("2014-03-11")),
        Meeting(id="x:meeting", body="x:resoc", date=PartialDate.parse("2015-10-01")),
    )


def by_id(model: Model, start: str, end: str) -> dict[str, tuple[str, bool]]:
    return {c.id: (c.change, c.certain) for c in changes(model, start, end).all if c.id.startswith("x:")}


def test_plans_memberships_decisions_and_meetings_between_two_days(model: Model) -> None:
    found = by_id(model, "2013-06-01", "2015-12-31")
    assert found == {
        "x:pact-old": ("ended", False),  # "2013" may end after 1 June 2013
        "x:pact": ("began", True),
        "x:m-voka": ("began", True),
        "x:approve": ("taken", True),
        "x:meeting": ("held", True),
    }
    result = changes(model, "2013-06-01", "2015-12-31")
    assert [c.id for c in result.plans_started] == ["x:pact"]
    assert [c.id for c in result.memberships_begun] == ["x:m-voka"]
    assert [c.id for c in result.decisions] == ["x:approve"]


def test_a_coarse_date_makes_a_change_uncertain_never_invented(model: Model) -> None:
    """ACV's seat dated "2016": between 1 January and 1 June 2016 it may or may not have begun."""
    assert by_id(model, "2016-01-01", "2016-06-01")["x:m-acv"] == ("began", False)
    assert by_id(model, "2016-06-01", "2016-07-01")["x:m-acv"] == ("began", False)  # may have begun in June
    assert "x:m-acv" not in by_id(model, "2017-01-01", "2017-06-01")  # there on both days
    assert by_id(model, "2019-03-01", "2019-09-01")["x:pact"] == ("ended", False)  # "2019" may end in between
    assert by_id(model, "2015-06-01", "2017-06-01")["x:m-voka"] == ("ended", True)


def test_nothing_changes_on_one_day(model: Model) -> None:
    assert by_id(model, "2015-06-01", "2015-06-01") == {}


def test_merged_municipalities_and_their_successors(core: Model) -> None:
    merged = {c.name: c.successor for c in changes(core, "2018-06-01", "2019-06-01").merged}
    assert merged["Neerpelt"] == merged["Overpelt"] == "nis:72043"  # Pelt
    assert "Borsbeek" not in merged


def test_a_region_limits_the_answer(limburg: Model) -> None:
    everywhere = changes(limburg, "2013-01-01", "2017-01-01")
    limburg_only = changes(limburg, "2013-01-01", "2017-01-01", region="limburg:limburg")
    assert {c.id for c in limburg_only.all} < {c.id for c in everywhere.all}
    assert "limburg:streekpact-2014-2019" in {c.id for c in limburg_only.plans_started}
    assert not [c for c in limburg_only.all if c.id.startswith(("leuven:", "zuid_oost_vlaanderen:"))]


def test_the_answer_reads_as_a_table_in_words(model: Model) -> None:
    with use_language("nl"):
        text = str(changes(model, "2013-06-01", "2015-12-31"))
    assert "genomen" in text and "VOKA in RESOC X" in text and "van 11 maart 2014 tot 31 december 2016" in text


def test_days_in_the_wrong_order_are_one_clear_error(model: Model) -> None:
    with use_language("en"), pytest.raises(StreekbeleidError, match=r"the second day \(2014-01-01\) comes before"):
        changes(model, "2015-01-01", "2014-01-01")
