"""Meeting cadence: does a body meet as often as its rule says (Taskforce Spitsregio Leuven: at least 6 a year)?

Judged for every year (or month) of the rule's whole period that lies wholly within the body's lifetime and in
the past: the years between its first and last recorded meeting, and the years of its lifetime before and after
them.  A year with too few or too many meetings is a warning; a year of the lifetime outside the recorded meetings
with none recorded is not a finding but a gap in the data, reported once per rule as "no meetings recorded in ..."
(an info); a body with a rule and no meetings recorded at all gets one "no meetings recorded".

A rule of once every N years (``every: 2``) is judged in blocks of N years from the first year of the span
judged; a maximum is also judged across blocks: more events than the maximum within less than N - 1 years (two
biennial evaluations two months apart) is too many, wherever the blocks fall (one year of drift is allowed: an
evaluation in March 2016 after one in June 2014 is on time).  A rule that counts decisions
(``decision: evaluate``, ``subject``: a pact) counts the body's dated decisions of that kind about the subject,
over the subject's period as well as the body's lifetime; an undated decision cannot be placed and is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..i18n import _, ngettext
from ..model.dates import PartialDate, Period, Truth
from ..model.model import Model
from ..model.phrasing import cadence_text, decision_phrase, label, name, when
from ..model.records import Body, CadenceRule, Decision, Meeting, Problem
from ._common import judge_count, problem, undecidable

__all__ = ["cadence_rule", "meetings_of"]

RULE = "cadence"


def meetings_of(model: Model, body_id: str) -> list[Meeting]:
    """The recorded meetings of a body, by date (all of them, also on a date slice)."""
    graph = model.whole().graph
    found = [
        graph.nodes[source]["record"]
        for source, _b, kind in graph.in_edges(body_id, data="kind")
        if kind == "meeting_of"
    ]
    return sorted(found, key=lambda m: (m.date.sort_key(), m.id))


def _units(per: str, first: date, last: date, every: int = 1) -> Iterator[tuple[str, date, date]]:
    """The calendar years or months from ``first`` to ``last``, in blocks of ``every``: (name, first day, last day).

    >>> [name for name, _s, _e in _units("year", date(2013, 5, 1), date(2018, 1, 1), every=2)]
    ['2013-2014', '2015-2016', '2017-2018']
    """
    if per == "year":
        for year in range(first.year, last.year + 1, every):
            last_year = year + every - 1
            yield (str(year) if every == 1 else f"{year}-{last_year}"), date(year, 1, 1), date(last_year, 12, 31)
        return
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = _add_months(year, month, every)
        end = date.fromordinal(nxt.toordinal() - 1)
        name = f"{year:04d}-{month:02d}" + (f"/{end.year:04d}-{end.month:02d}" if every > 1 else "")
        yield name, date(year, month, 1), end
        year, month = nxt.year, nxt.month


def _add_months(year: int, month: int, n: int) -> date:
    index = year * 12 + month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _events(model: Model, body: Body, rule: CadenceRule) -> list[Meeting] | list[Decision]:
    """What a rule counts: the body's meetings, or its dated decisions of the rule's kind (about its subject)."""
    if rule.decision is None:
        return meetings_of(model, body.id)
    found = [
        d
        for d in model.whole().records(Decision)
        if d.by == body.id
        and d.kind == rule.decision
        and d.date is not None
        and (rule.subject is None or d.subject == rule.subject)
    ]
    return sorted(found, key=lambda d: (d.date.sort_key() if d.date else (0, 0), d.id))


def _too_close(rule: CadenceRule, events: list[Meeting] | list[Decision]) -> list[Meeting | Decision]:
    """More events than the rule's maximum certainly within less than ``every`` years (months): the first such run."""
    if rule.max_meetings is None or rule.every == 1:
        return []
    window = rule.every - 1  # one unit of drift allowed: evaluations in June 2014 and March 2016 are on time
    n = rule.max_meetings + 1
    for i in range(len(events) - n + 1):
        run = events[i : i + n]
        first, last = run[0].date, run[-1].date
        assert first is not None and last is not None
        if last.latest < _shift(first.earliest, window, rule.per):
            return list(run)
    return []


def _shift(day: date, every: int, per: str) -> date:
    """The day ``every`` years (months) after ``day`` (the last day of a shorter month when it has no such day)."""
    moved = _add_months(day.year, day.month, every * (12 if per == "year" else 1))
    for d in (day.day, 30, 29, 28):
        try:
            return moved.replace(day=d)
        except ValueError:
            continue
    return moved


def cadence_rule(model: Model) -> Iterator[Problem]:
    """Meetings per year (or month) against each body's cadence rules."""
    today = date.today()
    for body in model.records(Body):
        if not body.cadence:
            continue
        for rule in body.cadence:
            meetings = _events(model, body, rule)
            if not meetings:
                if rule.decision is None:
                    text = _("No meetings recorded for {body}: cannot check that it meets {rule}")
                else:
                    text = _('No decisions "{what}" recorded: cannot check the rule {rule}')
                words = _words(model, body, rule)
                yield problem("info", RULE, [body.id], text.format(**words), body, rule)
                continue
            yield from _judge(model, body, rule, meetings, today)


def _words(model: Model, body: Body, rule: CadenceRule) -> dict[str, str]:
    """The parts of a cadence message: the body, what is counted (a decision as a phrase) and the rule in words."""
    what = ""
    if rule.decision is not None:
        subject = name(model, rule.subject) if rule.subject else "…"
        what = decision_phrase(rule.decision).format(by=name(model, body.id), subject=subject)
    return {"body": label(model, body.id), "what": what, "rule": cadence_text(rule)}


def _counted(words: dict[str, str], rule: CadenceRule, certain: int, possible: int, unit: str) -> str:
    """``RESOC Limburg (limburg:resoc) met 4 times in 2017`` (or ``between 2 and 3 times``), in the language in use."""
    fields = {**words, "count": certain, "low": certain, "high": possible, "unit": unit}
    if certain != possible:
        if rule.decision is None:
            return _("{body} met between {low} and {high} times in {unit}").format(**fields)
        return _('"{what}": between {low} and {high} times in {unit}').format(**fields)
    if rule.decision is None:
        return ngettext("{body} met {count} time in {unit}", "{body} met {count} times in {unit}", certain).format(
            **fields
        )
    return ngettext('"{what}": {count} time in {unit}', '"{what}": {count} times in {unit}', certain).format(**fields)


def _span(lifetime: Period, meetings: list[Meeting] | list[Decision], today: date) -> tuple[date, date]:
    """The days to judge: the lifetime where its bounds are known (else the recorded meetings), to today."""
    first, last = _dated(meetings[0]).earliest, max(_dated(m).latest for m in meetings)
    _s_lo, s_hi, e_lo, _e_hi = lifetime.ordinals()
    if date.min.toordinal() < s_hi < date.max.toordinal():
        first = min(first, date.fromordinal(s_hi))
    if date.min.toordinal() < e_lo < date.max.toordinal():
        last = max(last, date.fromordinal(e_lo))
    return first, min(last, today)


def _dated(event: Meeting | Decision) -> PartialDate:
    assert event.date is not None  # undated decisions are not counted
    return event.date


def _lifetime(model: Model, body: Body, rule: CadenceRule) -> Period:
    """The period a rule holds in: the body's lifetime, or the period of the rule's subject (a pact) when it has one."""
    if rule.subject is not None and rule.subject in model.whole().graph:
        subject = model.whole().get(rule.subject)
        valid = getattr(subject, "valid", None)
        if isinstance(valid, Period) and not valid.is_always:
            return valid
    return body.valid


def _judge(
    model: Model, body: Body, rule: CadenceRule, meetings: list[Meeting] | list[Decision], today: date
) -> Iterator[Problem]:
    recorded_from, recorded_to = _dated(meetings[0]).earliest, max(_dated(m).latest for m in meetings)
    lifetime = _lifetime(model, body, rule)
    first, last = _span(lifetime, meetings, today)
    words = _words(model, body, rule)
    close = _too_close(rule, meetings)
    if close and (model.date is None or any(_dated(m).contains(model.date) for m in close)):
        gap = (
            ngettext("less than {n} year apart", "less than {n} years apart", rule.every - 1)
            if rule.per == "year"
            else ngettext("less than {n} month apart", "less than {n} months apart", rule.every - 1)
        ).format(n=rule.every - 1)
        text = (
            _("{body} met {count} times between {first} and {last}, {gap}; its rule says {rule} (too many)")
            if rule.decision is None
            else _('"{what}": {count} times between {first} and {last}, {gap}; its rule says {rule} (too many)')
        )  # more than the maximum, so two or more: always the plural
        since, until = when(_dated(close[0])), when(_dated(close[-1]))
        message = text.format(count=len(close), first=since, last=until, gap=gap, **words)
        yield problem("warning", RULE, [body.id, *(m.id for m in close)], message, body, rule, *close)
    unrecorded: list[str] = []
    for unit, start, end in _units(rule.per, first, last, rule.every):
        if model.date is not None and not start <= model.date <= end:
            continue
        if end >= today or lifetime.active_throughout(Period.between(start, end)) is not Truth.YES:
            continue  # a year not over yet, or one the body lived only part of
        certain = [m for m in meetings if start <= _dated(m).earliest and _dated(m).latest <= end]
        possible = [m for m in meetings if _dated(m).latest >= start and _dated(m).earliest <= end]
        if close and set(certain) & set(close) and rule.max_meetings is not None and len(certain) > rule.max_meetings:
            continue  # already reported as too close together
        if not possible and (end < recorded_from or start > recorded_to):
            unrecorded.append(unit)  # outside the recorded meetings: the data is silent, not the body
            continue
        verdict = judge_count(len(certain), len(possible), minimum=rule.min_meetings, maximum=rule.max_meetings)
        if verdict == "ok":
            continue
        counted = _counted(words, rule, len(certain), len(possible), unit)
        ids = [body.id, *(m.id for m in possible)]
        if verdict == "undecidable":
            message = undecidable(
                _("{counted}; its rule says {rule}, and some dates are too coarse to place in {unit}").format(
                    counted=counted, rule=words["rule"], unit=unit
                )
            )
            yield problem("info", RULE, ids, message, body, rule, *possible)
        else:
            text = (
                _("{counted}; its rule says {rule} (too few)")
                if verdict == "under"
                else _("{counted}; its rule says {rule} (too many)")
            )
            yield problem("warning", RULE, ids, text.format(counted=counted, rule=words["rule"]), body, rule, *possible)
    if unrecorded:
        yield problem(
            "info",
            RULE,
            [body.id],
            _(
                "No meetings recorded for {body} in {units}, years of its lifetime outside the recorded meetings: "
                "cannot check that it meets {rule} then"
            ).format(units=", ".join(unrecorded), **words),
            body,
            rule,
        )
