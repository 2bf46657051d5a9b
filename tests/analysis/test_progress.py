"""Progress of a plan from its indicators: the share per indicator, the roll-up with weights, statuses, and
uncertainty carried (an unknown actual is unknown, not 0). Hand-made models: the bundled plans have no figures."""

from __future__ import annotations

import csv
import datetime
import json
from pathlib import Path

import attrs
import pytest

from streekbeleid import Baseline, Indicator, IndicatorPeriod, Period, Plan, PlanItem
from streekbeleid.checks import check
from streekbeleid.cli import main
from streekbeleid.i18n import use_language
from streekbeleid.model.model import Model
from streekbeleid.queries.progress import Percent, Status, combine, indicator_progress, progress
from streekbeleid.testing import build_model

TERM = Period.parse("2014/2016")


def ind(
    target: str | None = "200",
    actual: str | None = None,
    *,
    valid: Period = TERM,
    baseline: str | None = None,
    ascending: bool = True,
    measure: str = "unit",
) -> Indicator:
    base = Baseline(year=2013, value=baseline) if baseline is not None else None
    period = IndicatorPeriod(valid=valid, target=target, actual=actual)
    return Indicator(name="jobs", measure=measure, ascending=ascending, baseline=base, periods=[period])


PACT_TERM = Period.parse("2014/2019")


def plan_of(*items: PlanItem, valid: Period = PACT_TERM) -> Model:
    return build_model(Plan(id="x:pact", name="Pact", kind="streekpact", valid=valid, items=items), catalogue=False)


def action(n: int, *indicators: Indicator, weight: int | None = None, items: tuple[PlanItem, ...] = ()) -> PlanItem:
    return PlanItem(id=f"x:a{n}", kind="action", name=f"Action {n}", indicators=indicators, weight=weight, items=items)


# ---------------------------------------------------------------- one indicator


@pytest.mark.parametrize(
    ("on", "status"),
    [("2014-06-30", Status.ON_TRACK), ("2016-06-30", Status.BEHIND), ("2017-03-01", Status.BEHIND)],
)
def test_the_share_is_compared_with_the_part_of_the_period_gone_by(on: str, status: Status) -> None:
    found = indicator_progress("x:a1", ind("200", "120"), on)
    assert (found.share, found.low, found.high) == (0.6, 0.6, 0.6)
    assert found.status is status
    assert found.expected is not None and 0 < found.expected <= 1


def test_a_reached_target_is_done_and_a_passed_one_is_capped_for_the_roll_up() -> None:
    found = indicator_progress("x:a1", ind("200", "240"), "2015-01-01")
    assert (found.status, found.share, found.low, found.high) == (Status.DONE, 1.2, 1.0, 1.0)


def test_a_baseline_counts_from_where_the_item_started_and_lower_can_be_better() -> None:
    up = indicator_progress("x:a1", ind("150", "125", baseline="100"), "2015-01-01")
    assert up.share == 0.5
    down = indicator_progress("x:a1", ind("50", "75", baseline="100", ascending=False), "2015-01-01")
    assert down.share == 0.5
    worse = indicator_progress("x:a1", ind("50", "120", baseline="100", ascending=False), "2015-01-01")
    assert (worse.share, worse.low, worse.status) == (-0.4, 0.0, Status.BEHIND)


def test_lower_is_better_without_a_baseline_only_tells_reached_or_not() -> None:
    reached = indicator_progress("x:a1", ind("5", "4", ascending=False), "2015-01-01")
    assert (reached.status, reached.low, reached.high) == (Status.DONE, 1.0, 1.0)
    open_ = indicator_progress("x:a1", ind("5", "7", ascending=False), "2015-01-01")
    assert (open_.status, open_.low, open_.high, open_.reason) == (Status.UNKNOWN, 0.0, 1.0, "comparison_only")
    missed = indicator_progress("x:a1", ind("5", "7", ascending=False), "2018-01-01")
    assert missed.status is Status.BEHIND


@pytest.mark.parametrize(
    ("indicator", "reason"),
    [
        (ind("200", None), "no_actual"),
        (ind(None, "150"), "no_target"),
        (ind("1.000", "500"), "not_a_number"),
        (ind("more jobs", "some", measure="qualitative"), "qualitative"),
        (ind("200", "150", baseline="unknown"), "not_a_number"),
        (ind("200", "150", valid=Period.parse("2014/..")), "open_period"),
    ],
)
def test_what_cannot_be_told_is_unknown_over_the_whole_range_never_zero(indicator: Indicator, reason: str) -> None:
    found = indicator_progress("x:a1", indicator, "2015-01-01")
    assert found.status is Status.UNKNOWN and found.reason == reason
    if reason == "open_period":  # the share is known, only the pace is not
        assert (found.low, found.high) == (0.75, 0.75)
    else:
        assert (found.low, found.high) == (0.0, 1.0)


def test_the_period_holding_the_day_is_used_after_them_all_the_last_and_before_them_not_started() -> None:
    first = IndicatorPeriod(valid=Period.parse("2014/2015"), target="100", actual="100")
    second = IndicatorPeriod(valid=Period.parse("2016/2017"), target="200", actual="50")
    two = Indicator(name="jobs", periods=[first, second])
    assert indicator_progress("x:a1", two, "2015-06-01").period == first
    assert indicator_progress("x:a1", two, "2016-06-01").period == second
    assert indicator_progress("x:a1", two, "2020-01-01").period == second
    ahead = indicator_progress("x:a1", two, "2013-01-01")
    assert (ahead.status, ahead.period, ahead.low) == (Status.NOT_STARTED, None, None)
    assert indicator_progress("x:a1", Indicator(name="none"), "2015-01-01").reason == "no_period"


# ---------------------------------------------------------------- the roll-up


def test_parents_take_the_weighted_mean_and_carry_the_range_of_unknown_children() -> None:
    objective = PlanItem(
        id="x:o1",
        kind="objective",
        name="Objective",
        items=[action(1, ind("200", "150"), weight=3), action(2, ind("10")), action(3)],
    )
    found = progress(plan_of(objective), "x:pact", on="2015-07-01")
    o = found.of("x:o1")
    assert (o.low, o.high) == pytest.approx((0.5625, 0.8125))  # (3 * 0.75 + 1 * 0) / 4 .. (3 * 0.75 + 1 * 1) / 4
    assert (o.known, o.total, o.unrecorded, o.status) == (1, 2, 1, Status.UNKNOWN)
    assert found.of("x:a3").status is Status.NOT_RECORDED
    assert found.root.low == o.low and found.root.status is Status.UNKNOWN
    assert [i.id for i in found.items] == ["x:o1", "x:a1", "x:a2", "x:a3"]


def test_equal_weights_by_default_and_not_started_parts_left_out_of_the_share() -> None:
    later = ind("10", None, valid=Period.parse("2018/2019"))
    model = plan_of(action(1, ind("200", "100")), action(2, ind("200", "200")), action(3, later))
    found = progress(model, "x:pact", on="2015-07-01")
    assert found.root.low == found.root.high == 0.75  # (0.5 + 1) / 2; action 3 has no share yet
    assert found.of("x:a3").status is Status.NOT_STARTED
    assert (found.root.status, found.root.known, found.root.total) == (Status.ON_TRACK, 3, 3)
    assert progress(model, "x:pact").on == datetime.date.today()


def test_an_items_own_indicators_measure_it_rather_than_its_children() -> None:
    parent = action(1, ind("100", "100"), items=(action(2, ind("100", "10")), action(3)))
    found = progress(plan_of(parent), "x:pact", on="2015-01-01")
    assert found.of("x:a1").status is Status.DONE
    assert (found.of("x:a1").unrecorded, found.of("x:a1").total) == (0, 1)  # its children are not counted
    assert found.of("x:a2").status is Status.BEHIND
    assert found.root.status is Status.DONE


def test_statuses_combine_conservatively() -> None:
    s = Status
    assert combine([s.DONE, s.DONE]) is s.DONE
    assert combine([s.DONE, s.ON_TRACK, s.NOT_STARTED]) is s.ON_TRACK
    assert combine([s.ON_TRACK, s.UNKNOWN]) is s.UNKNOWN
    assert combine([s.UNKNOWN, s.BEHIND, s.DONE]) is s.BEHIND
    assert combine([s.NOT_STARTED, s.NOT_RECORDED]) is s.NOT_STARTED
    assert combine([s.NOT_RECORDED]) is s.NOT_RECORDED


def test_a_weight_must_be_positive() -> None:
    with pytest.raises(ValueError, match="weight"):
        action(1, weight=0)


# ---------------------------------------------------------------- as a table, on the command line


def test_the_table_keeps_codes_and_numbers_for_json_and_words_for_people() -> None:
    found = progress(plan_of(action(1, ind("200", "150"), weight=2), action(2)), "x:pact", on="2015-07-01")
    records = found.table().records()
    assert [(r["kind"], r["item"], r["indicator"], r["status"]) for r in records] == [
        ("plan", "x:pact", None, "on_track"),
        ("action", "x:a1", None, "on_track"),
        ("indicator", "x:a1", "jobs", "on_track"),
        ("action", "x:a2", None, "not_recorded"),
    ]
    assert (records[1]["weight"], records[1]["low"], records[1]["high"]) == (2, 0.75, 0.75)
    assert json.loads(json.dumps(records))[1]["low"] == 0.75
    with use_language("nl"):
        text = str(found)
    assert "op schema" in text and "niet geregistreerd" in text and "75%" in text and "actie" in text
    assert str(Percent(0.4)) == "40%" and json.dumps(Percent(0.4)) == "0.4"
    assert (str(Percent(0.29)), str(Percent(0.999)), str(Percent(1.0))) == ("29%", "99%", "100%")


def test_the_command_on_a_bundled_plan_says_not_recorded(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--lang", "nl", "progress", "limburg:streekpact-2014-2019", "--as-of", "2016-06-30"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Voortgang van Streekpact 2014-2019 op 30 juni 2016")
    assert "Niet geregistreerd" in out and "niet geregistreerd" in out
    assert main(["progress", "limburg:streekpact-2014-2019", "--as-of", "2016-06-30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["on"] == "2016-06-30" and data["items"][0]["item"] == "limburg:streekpact-2014-2019"
    assert {r["status"] for r in data["items"]} == {"not_recorded"}
    target = tmp_path / "progress.csv"
    assert main(["progress", "limburg:streekpact-2014-2019", "-o", str(target)]) == 0
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["number", "kind", "item"] and rows[1][1] == "plan"


def test_the_command_refuses_an_id_that_is_not_a_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "limburg:resoc"]) == 2
    err = capsys.readouterr().err
    assert "limburg:resoc" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- the check


def _rule(model: Model) -> list[tuple[str, str]]:
    return [(p.severity, p.message) for p in check(model, rules=["indicators"])]


def test_the_check_fires_on_a_period_outside_the_item_an_actual_without_target_and_a_non_number() -> None:
    outside = ind("10", "4", valid=Period.parse("2020/2021"))
    no_target = ind(None, "4")
    odd = ind("10", "about 4")
    item = PlanItem(id="x:a1", kind="action", name="Jobs", indicators=[outside, no_target, odd])
    found = _rule(plan_of(item))
    assert (
        "warning",
        "Indicator 'jobs' of Jobs (x:a1): its period from 2020 to 2021 lies outside the item's, from 2014 to 2019",
    ) in found
    assert ("warning", "Indicator 'jobs' of Jobs (x:a1): an actual (4) without a target gives no progress") in found
    assert (
        "info",
        "Indicator 'jobs' of Jobs (x:a1): 'about 4' cannot be read as a number, so it gives no progress",
    ) in found
    assert len(found) == 3


def test_the_check_uses_the_items_own_period_and_says_when_dates_are_too_coarse() -> None:
    item = PlanItem(id="x:a1", kind="action", name="Jobs", valid=Period.parse("2014-06/2016"), indicators=[ind()])
    [(severity, message)] = _rule(plan_of(item))
    assert severity == "info" and message.startswith("Undecidable: Indicator 'jobs' of Jobs (x:a1)")
    fine = PlanItem(id="x:a1", kind="action", name="Jobs", indicators=[ind("200", "150")])
    assert _rule(plan_of(fine)) == []
    with use_language("nl"):
        [(_, dutch)] = _rule(plan_of(attrs.evolve(fine, indicators=[ind(None, "5")])))
    assert dutch.startswith("Indicator 'jobs' van Jobs (x:a1)")


# ---------------------------------------------------------------- the weight in the exports


def test_the_weight_travels_through_native_json_csv_and_linked_data() -> None:
    from rdflib import Literal, URIRef

    from streekbeleid.io import native
    from streekbeleid.io.csv import to_tables
    from streekbeleid.io.linked_data import VOCABULARY_IRI, to_rdf

    model = plan_of(action(1, ind("200", "150"), weight=3), action(2))
    assert native.parse_json(native.generate_json(model)).get("x:a1").weight == 3
    header, rows = to_tables(model)["plan_items"]
    weights = {row[header.index("id")]: row[header.index("weight")] for row in rows}
    assert weights == {"x:a1": "3", "x:a2": ""}
    graph = to_rdf(model)
    assert [o for _, o in graph.subject_objects(URIRef(f"{VOCABULARY_IRI}weight"))] == [Literal(3)]


def test_a_data_file_gives_a_weight_and_a_bad_one_is_refused_naming_file_and_field(tmp_path: Path) -> None:
    from streekbeleid.errors import StreekbeleidError
    from streekbeleid.serialization.cache import load_data_file

    text = "plans:\n  - id: x:pact\n    name: Pact\n    kind: streekpact\n    items:\n"
    text += "      - {id: x:a1, kind: action, name: Jobs, weight: WEIGHT}\n"
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(text.replace("WEIGHT", "2"), encoding="utf-8")
    bad.write_text(text.replace("WEIGHT", "0"), encoding="utf-8")
    assert [i.weight for p in load_data_file(good).plans for i in p.walk()] == [2]
    with pytest.raises(StreekbeleidError, match=r"bad\.yaml:6: .*items\[0\]: 'weight' must be > 0"):
        load_data_file(bad)
