"""Partial dates and periods: three-valued answers, never a pretend-precise date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from streekbeleid import DateBound, PartialDate, Period, Truth

YES, NO, UNCERTAIN = Truth.YES, Truth.NO, Truth.UNCERTAIN


def test_a_year_covers_the_whole_year() -> None:
    d = PartialDate.parse("2015")
    assert (d.earliest, d.latest) == (date(2015, 1, 1), date(2015, 12, 31))
    assert d.precision == "year"


def test_a_month_covers_its_days_including_leap_february() -> None:
    d = PartialDate.parse("2016-02")
    assert (d.earliest, d.latest) == (date(2016, 2, 1), date(2016, 2, 29))


@pytest.mark.parametrize("text", ["2015-13", "2015-02-30", "15", "2015/06", "June 2015", "2015-6"])
def test_malformed_partial_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_an_end_of_2015_is_not_over_in_june_2015() -> None:
    # django-popolo compares partial dates as strings, so "2015" counts as over on 2015-06-01
    p = Period.parse("2010/2015")
    assert p.active_on(date(2015, 6, 1)) is UNCERTAIN
    assert p.active_on(date(2014, 12, 31)) is YES
    assert p.active_on(date(2016, 1, 1)) is NO


def test_open_ends_are_unbounded_and_unknown_ends_are_uncertain() -> None:
    assert Period.parse("2014-03-11/..").active_on(date(2090, 1, 1)) is YES
    assert Period.parse("../2019").active_on(date(1900, 1, 1)) is YES
    assert Period.parse("2014/?").active_on(date(2030, 1, 1)) is UNCERTAIN
    assert Period.parse("?/2019").active_on(date(2018, 1, 1)) is UNCERTAIN


def test_not_before_and_not_after_bounds() -> None:
    # known to hold on 2017-02-06, start and end unknown beyond that
    p = Period.parse("..2017-02-06/2017-02-06..")
    assert p.active_on(date(2017, 2, 6)) is YES
    assert p.active_on(date(2017, 2, 7)) is UNCERTAIN
    assert p.active_on(date(2010, 1, 1)) is UNCERTAIN
    assert str(p) == "..2017-02-06/2017-02-06.."


def test_a_single_partial_date_is_a_period_within_it() -> None:
    p = Period.parse("2016-06")
    assert p.active_on(date(2016, 6, 15)) is UNCERTAIN
    assert p.active_on(date(2016, 7, 1)) is NO
    assert Period.parse("2016-06-30").active_on(date(2016, 6, 30)) is YES


def test_periods_are_interned() -> None:
    assert Period.parse("2014/2019") is Period.parse("2014/2019")
    assert Period.parse({"start": "2014", "end": 2019}) is Period.parse("2014/2019")


def test_precedes_is_three_valued() -> None:
    a, b = PartialDate.parse("2015"), PartialDate.parse("2015-06")
    assert a.precedes(b) is UNCERTAIN
    assert PartialDate.parse("2014").precedes(b) is YES
    assert PartialDate.parse("2016").precedes(b) is NO


def test_truth_refuses_to_be_a_bool() -> None:
    with pytest.raises(TypeError):
        bool(Truth.UNCERTAIN)
    assert Truth.UNCERTAIN.possible and not Truth.NO.possible


def test_overlap_and_end_before_start() -> None:
    assert Period.parse("2008/2013").overlaps(Period.parse("2014/2019")) is NO
    assert Period.parse("2008/2014").overlaps(Period.parse("2014/2019")) is UNCERTAIN
    assert Period.parse("2008/2015").overlaps(Period.parse("2014/2019")) is YES
    assert Period.parse("2019/2014").ends_before_start() is YES
    assert Period.parse("2014-06/2014").ends_before_start() is UNCERTAIN
    assert Period.parse("2024-12").ends_before_start() is NO  # one event in December 2024


# ---------------------------------------------------------------- laws (hypothesis)

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    d = draw(days)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(d.year)
    if precision == "month":
        return PartialDate(d.year, d.month)
    return PartialDate(d.year, d.month, d.day)


@st.composite
def bounds(draw: st.DrawFn) -> DateBound:
    kind = draw(st.sampled_from(["date", "date", "not_after", "not_before", "unknown", "open"]))
    if kind in ("unknown", "open"):
        return DateBound(kind)
    return DateBound(kind, draw(partial_dates()))


periods = st.builds(Period, bounds(), bounds())


@given(partial_dates())
def test_parsing_what_is_printed_gives_the_same_date(d: PartialDate) -> None:
    assert PartialDate.parse(str(d)) == d
    assert d.earliest <= d.latest


@given(periods)
def test_parsing_what_is_printed_gives_the_same_period(p: Period) -> None:
    assert Period.parse(str(p)) == p


@given(periods, days, days)
def test_a_period_active_on_two_days_is_active_on_every_day_between(p: Period, a: date, b: date) -> None:
    a, b = min(a, b), max(a, b)
    if p.active_on(a) is YES and p.active_on(b) is YES:
        for offset in range(0, (b - a).days + 1, max(1, (b - a).days // 20)):
            assert p.active_on(a + timedelta(days=offset)) is YES


@given(periods, days)
def test_active_on_agrees_with_every_precise_reading(p: Period, day: date) -> None:
    # YES means every precise reading of the bounds covers the day; NO means none does
    s_lo, s_hi, e_lo, e_hi = p.ordinals()
    d = day.toordinal()
    readings = {(s, e) for s in (s_lo, s_hi) for e in (e_lo, e_hi)}
    covered = {s <= d <= e for s, e in readings}
    truth = p.active_on(day)
    if truth is YES:
        assert covered == {True}
    elif truth is NO:
        assert covered == {False}
    else:
        assert covered == {True, False} or (s_lo < d < s_hi) or (e_lo < d < e_hi)


@given(partial_dates(), partial_dates(), days)
def test_refining_a_bound_never_flips_a_certain_answer(start: PartialDate, end: PartialDate, day: date) -> None:
    coarse = Period(DateBound("date", PartialDate(start.year)), DateBound("date", PartialDate(end.year)))
    fine = Period(DateBound("date", start), DateBound("date", end))
    before, after = coarse.active_on(day), fine.active_on(day)
    if before is not UNCERTAIN:
        assert after is before


@given(periods, periods)
def test_overlap_is_symmetric(p: Period, q: Period) -> None:
    assert p.overlaps(q) is q.overlaps(p)


@given(periods, days)
def test_a_day_inside_a_certain_period_means_certain_overlap_with_that_day(p: Period, day: date) -> None:
    single = Period.on(day)
    if p.active_on(day) is YES:
        assert p.overlaps(single) is YES
    if p.active_on(day) is NO:
        assert p.overlaps(single) is NO


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        ("2014-13/2019", "geen geldige maand: 13", "month out of range: 13"),
        ("2014-02-30/2019", "die dag bestaat niet in die maand: 2014-02-30", "day out of range for the month"),
        ("2014-12-01..2014-11-01/2019", "de laatste datum valt voor de vroegste", "the latest date comes before"),
        ("2014/2015/2016", "geen periode: '2014/2015/2016' (één '/' tussen begin en einde)", "one '/' between"),
        ("soon/2019", "geen (onvolledige) datum: 'soon'", "not a partial date: 'soon'"),
    ],
)
def test_a_date_that_cannot_be_is_told_in_the_language_in_use(text: str, nl: str, en: str) -> None:
    from streekbeleid.errors import InvalidValueError
    from streekbeleid.i18n import use_language

    for lang, expected in (("nl", nl), ("en", en)):
        with use_language(lang), pytest.raises(InvalidValueError) as info:
            Period.parse(text)
        assert expected in str(info.value)
