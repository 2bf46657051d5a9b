"""Every phrase a person reads about a record, written once: names, seat rules, meeting cadences, periods, dates.

The checks, the queries, the exports, the report, ``streekbeleid show`` and the
workflow guards all word these things through this module, so a change of
wording (or, later, a translation: each function below returns one phrase and is
the one place to wrap it) is made here and nowhere else.

Where two users worded the same thing differently before this module existed,
both wordings are kept, each under its own name or keyword, so their output did
not change; the docstrings say which is which.

>>> from streekbeleid.model.records import CadenceRule, SeatGroup
>>> seat_count(SeatGroup(name="employers", min_seats=4))
'at least 4 seats'
>>> seat_rule(SeatGroup(name="chair", seats=1, voting=True))
'1 seat, voting'
>>> cadence_text(CadenceRule(min_meetings=6))
'at least 6 times a year'
>>> period_words(Period.parse("2014/2019")), period_notation(Period.parse("2014/2019"))  # in English
('from 2014 to 2019', '2014/2019')
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import UnknownIdError
from ..i18n import N_, _, language, ngettext, pgettext
from .dates import DateBound, PartialDate, Period

if TYPE_CHECKING:
    from .model import Model
    from .records import CadenceRule, SeatGroup

__all__ = [
    "bound_words",
    "change_noun",
    "change_phrase",
    "change_sentence",
    "decision_phrase",
    "document_kind",
    "in_language",
    "kind_label",
    "kind_text",
    "outcome_words",
    "lineage_label",
    "relation_phrase",
    "role_label",
    "seat_group_label",
    "cadence_text",
    "day_words",
    "label",
    "name",
    "period_notation",
    "period_words",
    "record_name",
    "record_description",
    "record_short_name",
    "record_title",
    "seat_count",
    "seat_count_short",
    "seat_count_words",
    "seat_rule",
    "short_name",
    "span_text",
    "tally_phrase",
    "when",
    "amount_text",
    "money_label",
    "share_text",
]

_MIN_ORDINAL = date.min.toordinal()
_MAX_ORDINAL = date.max.toordinal()


# ---------------------------------------------------------------- names


def _record(model: Model, record_id: str) -> Any | None:
    """The record with this id in the whole model (a slice's date or region does not hide it), or None."""
    try:
        return model.whole().get(record_id)
    except UnknownIdError:
        return None


def record_name(record: Any, fallback: str = "", *, translated: bool = True) -> str:
    """A record's own name in the language in use: its ``name`` (its ``name_nl`` in Dutch when it has one, as
    a theme does), else its ``label`` (a post, a membership), else its ``title`` (a document), else ``fallback``.

    ``translated=False`` gives the record's own ``name`` whatever the language: the exports write that, so a
    file does not depend on the language of the person who wrote it.
    """
    return str(
        in_language(getattr(record, "name", None), getattr(record, "name_nl", None), translated)
        or getattr(record, "label", None)
        or getattr(record, "title", None)
        or fallback
    )


def record_description(record: Any, *, translated: bool = True) -> str | None:
    """A record's description in the language in use: its ``description_nl`` in Dutch when it has one, else its
    ``description`` (written in English), else (a record with only a Dutch one) its ``description_nl``; None when
    it has neither.

    ``translated=False`` prefers the English ``description`` whatever the language (the exports write both fields
    as they are, never this choice).

    >>> from streekbeleid import Actor
    >>> from streekbeleid.i18n import use_language
    >>> voka = Actor(id="org:voka", name="VOKA", kind="employers_organisation",
    ...              description="The network of enterprises.", description_nl="Het netwerk van ondernemingen.")
    >>> with use_language("nl"):
    ...     record_description(voka)
    'Het netwerk van ondernemingen.'
    >>> with use_language("en"):
    ...     record_description(voka)
    'The network of enterprises.'
    >>> with use_language("nl"):  # no Dutch: the English one
    ...     record_description(Actor(id="org:x", name="X", kind="other", description="In English only."))
    'In English only.'
    """
    return in_language(getattr(record, "description", None), getattr(record, "description_nl", None), translated)


def in_language(english: str | None, dutch: str | None, translated: bool = True) -> str | None:
    """One text written in English and in Dutch (a name, a description, a workflow's label), in the language in
    use: the Dutch in Dutch, the English in English (``translated=False``: the English whatever the language);
    the other one when the one asked for is missing; None when both are.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     in_language("approved", "goedgekeurd"), in_language("approved", None)
    ('goedgekeurd', 'approved')
    """
    if translated and language() == "nl":
        return dutch or english or None
    return english or dutch or None


def name(model: Model, record_id: str | None, *, translated: bool = True) -> str:
    """The readable name of an id: ``RESOC Limburg``; for a record without a name of its own (a decision, a
    membership, a funding ...) a phrase of the records it links (:func:`record_title`); the id itself when
    the id is unknown.

    ``""`` for no id.  The record is looked up in the whole model.  ``translated=False`` (the exports): the
    record's own name, else its id, the same whatever the language in use (see :func:`record_name`).
    """
    if record_id is None:
        return ""
    record = _record(model, record_id)
    if not translated:
        return record_name(record, record_id, translated=False)
    return record_title(model, record, record_id)


def record_title(model: Model, record: Any, fallback: str = "", *, dated: bool = True) -> str:
    """What a person calls a record, in the language in use: its name (:func:`record_name`), else a phrase
    made of the names of the records it links (with its date, unless ``dated=False``), else ``fallback``.

    >>> import streekbeleid
    >>> from streekbeleid.i18n import use_language
    >>> model = streekbeleid.load(plugins=["limburg"])
    >>> with use_language("nl"):
    ...     record_title(model, model.get("limburg:resoc/abvv"))
    'ABVV in RESOC Limburg'
    >>> with use_language("en"):
    ...     record_title(model, model.get("limburg:lires/goedkeuring"))
    'Vlaamse overheid approves LIRES-plan, June 2016'
    """
    own = record_name(record)
    if own or record is None:
        return own or fallback

    def of(record_id: str | None) -> str:
        return record_name(_record(model, record_id), record_id or "") if record_id else ""

    from . import records as r  # imported on first use, as this module imports its record types only for typing

    date_ = getattr(record, "date", None)
    phrase: str | None = None
    if isinstance(record, r.Membership):
        phrase = _("{member} in {organization}").format(member=of(record.member), organization=of(record.organization))
    elif isinstance(record, (r.Relation, r.Lineage)):
        phrase = relation_phrase(record.kind).format(subject=of(record.subject), object=of(record.object))
    elif isinstance(record, r.Decision):
        phrase = decision_phrase(record.kind).format(by=of(record.by), subject=of(record.subject))
    elif isinstance(record, r.Tally):
        words = tally_phrase(record.by, record.kind, record.count, record.out_of)
        phrase = words.format(subject=of(record.subject))
    elif isinstance(record, r.Funding):
        what = kind_label(record.kind) if record.kind != "other" else _("funding")
        phrase = _("{kind} from {funder}").format(kind=what, funder=of(record.funder))
        target = record.subject or record.recipient
        if target:
            phrase = _("{funding} for {subject}").format(funding=phrase, subject=of(target))
    elif isinstance(record, r.Meeting):
        phrase = _("meeting of {body}").format(body=of(record.body))
    elif isinstance(record, r.OrganisationChange):
        return change_sentence(model, record)
    if phrase is None:
        return fallback
    phrase = phrase[:1].upper() + phrase[1:]
    if not dated or date_ is None:
        return phrase
    return _("{phrase}, {date}").format(phrase=phrase, date=when(date_))


def label(model: Model, record_id: str, *, dated: bool = False) -> str:
    """``RESOC Limburg (limburg:resoc)``: the name (for a record without one, :func:`record_title`, with its
    date only when ``dated``: the messages that label a record say its date where it matters) with the id, or
    the bare id when the id is unknown."""
    found = record_title(model, _record(model, record_id), dated=dated)
    return f"{found} ({record_id})" if found else record_id


def record_short_name(record: Any, fallback: str = "") -> str:
    """A record's shortest name: its ``abbreviation`` (``VOKA``), else its ``name``, else ``fallback``."""
    return str(getattr(record, "abbreviation", None) or getattr(record, "name", None) or fallback)


def short_name(model: Model, record_id: str) -> str:
    """The shortest readable name of an id (:func:`record_short_name`), or the id itself."""
    return record_short_name(_record(model, record_id), record_id)


# ---------------------------------------------------------------- seat rules


def seat_count(group: SeatGroup) -> str | None:
    """How many seats a seat group has: ``8 seats``, ``at least 8 seats``; None when the rules do not say.

    The number is always followed by ``seats`` (``1 seats``), as ``check``, ``members`` and ``show`` print it.
    """
    if group.seats is not None:
        return f"{group.seats} seats"
    if group.min_seats is not None:
        return f"at least {group.min_seats} seats"
    return None


def seat_count_short(group: SeatGroup) -> str | None:
    """The seat count in a list of groups: ``8``, ``>=4``; None when the rules do not say."""
    if group.seats is not None:
        return str(group.seats)
    if group.min_seats is not None:
        return f">={group.min_seats}"
    return None


def seat_count_words(group: SeatGroup) -> str | None:
    """How many seats a seat group has, in the language in use: ``8 zetels`` / ``8 seats``, ``ten minste 4 zetels``
    / ``at least 4 seats``; None when the rules do not say."""
    if group.seats is not None:
        return ngettext("{n} seat", "{n} seats", group.seats).format(n=group.seats)
    if group.min_seats is not None:
        return ngettext("at least {n} seat", "at least {n} seats", group.min_seats).format(n=group.min_seats)
    return None


def seat_rule(group: SeatGroup | None) -> str:
    """The rule of a seat group as the report words it, in the language in use: ``8 seats, voting``; ``1 seat``;
    ``at least 10 seats``."""
    if group is None:
        return _("no seat group of this name in the rules")
    text = seat_count_words(group) or _("no seat count in the rules")
    if group.voting is not None:
        text = (_("{rule}, voting") if group.voting else _("{rule}, advisory")).format(rule=text)
    return text


# ---------------------------------------------------------------- meeting cadence


_CADENCE = {
    ("exactly", "year"): N_("exactly {lo} times a year"),
    ("exactly", "month"): N_("exactly {lo} times a month"),
    ("range", "year"): N_("at least {lo} and at most {hi} times a year"),
    ("range", "month"): N_("at least {lo} and at most {hi} times a month"),
    ("min", "year"): N_("at least {lo} times a year"),
    ("min", "month"): N_("at least {lo} times a month"),
    ("max", "year"): N_("at most {hi} times a year"),
    ("max", "month"): N_("at most {hi} times a month"),
    ("none", "year"): N_("an unstated number of times a year"),
    ("none", "month"): N_("an unstated number of times a month"),
    ("once", "years"): N_("once every {every} years"),
    ("once", "months"): N_("once every {every} months"),
    ("exactly", "years"): N_("exactly {lo} times every {every} years"),
    ("exactly", "months"): N_("exactly {lo} times every {every} months"),
    ("range", "years"): N_("at least {lo} and at most {hi} times every {every} years"),
    ("range", "months"): N_("at least {lo} and at most {hi} times every {every} months"),
    ("min", "years"): N_("at least {lo} times every {every} years"),
    ("min", "months"): N_("at least {lo} times every {every} months"),
    ("max", "years"): N_("at most {hi} times every {every} years"),
    ("max", "months"): N_("at most {hi} times every {every} months"),
    ("none", "years"): N_("an unstated number of times every {every} years"),
    ("none", "months"): N_("an unstated number of times every {every} months"),
}


def cadence_text(rule: CadenceRule) -> str:
    """How often a body must meet, as the report words it, in the language in use.

    ``exactly 5 times a year``, ``at least 6 times a year``, ``at least 2 and at most 4 times a month``,
    ``an unstated number of times a year``, ``once every 2 years``.

    >>> from streekbeleid.i18n import use_language
    >>> from streekbeleid.model.records import CadenceRule
    >>> with use_language("nl"):
    ...     cadence_text(CadenceRule(min_meetings=1, max_meetings=1, every=2))
    'eens om de 2 jaar'
    """
    lo, hi = rule.min_meetings, rule.max_meetings
    if lo is not None and lo == hi:
        shape = "once" if lo == 1 and rule.every > 1 else "exactly"
    elif lo is not None and hi is not None:
        shape = "range"
    else:
        shape = "min" if lo is not None else "max" if hi is not None else "none"
    per = rule.per if rule.every == 1 else rule.per + "s"
    return _(_CADENCE[(shape, per)]).format(lo=lo, hi=hi, every=rule.every)


# ---------------------------------------------------------------- dates and periods

_MONTHS = (
    lambda: pgettext("month", "January"),
    lambda: pgettext("month", "February"),
    lambda: pgettext("month", "March"),
    lambda: pgettext("month", "April"),
    lambda: pgettext("month", "May"),
    lambda: pgettext("month", "June"),
    lambda: pgettext("month", "July"),
    lambda: pgettext("month", "August"),
    lambda: pgettext("month", "September"),
    lambda: pgettext("month", "October"),
    lambda: pgettext("month", "November"),
    lambda: pgettext("month", "December"),
)


def when(value: PartialDate) -> str:
    """A partial date in words, as precise as it is: ``2016``, ``juni 2016`` / ``June 2016``, ``11 maart 2014``."""
    if value.month is None:
        return str(value.year)
    month = _MONTHS[value.month - 1]()
    if value.day is None:
        return _("{month} {year}").format(month=month, year=value.year)
    return _("{day} {month} {year}").format(day=value.day, month=month, year=value.year)


def day_words(day: date) -> str:
    """A full day in words: ``11 maart 2014`` / ``11 March 2014``."""
    return when(PartialDate.from_date(day))


def bound_words(bound: DateBound) -> str:
    """One end of a period in words: ``11 maart 2014``, ``ten laatste 11 maart 2014``, ``ten vroegste 2016``,
    ``tussen 11 april 2016 en september 2016``, ``onbekend``; an open end is the empty string.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     bound_words(DateBound.parse("2016-04-11..2016-09"))
    'tussen 11 april 2016 en september 2016'
    >>> with use_language("en"):
    ...     bound_words(DateBound.parse("2016-04-11..2016-09"))
    'between 11 April 2016 and September 2016'
    """
    if bound.kind == "open":
        return ""
    if bound.kind == "unknown":
        return _("unknown")
    assert bound.date is not None
    text = when(bound.date)
    if bound.kind == "not_after":
        return _("{date} at the latest").format(date=text)
    if bound.kind == "not_before":
        return _("{date} at the earliest").format(date=text)
    if bound.kind == "between":
        assert bound.upper is not None
        return _("between {earliest} and {latest}").format(earliest=text, latest=when(bound.upper))
    return text


def period_words(period: Period) -> str:
    """A period in words, never more precise than the data.

    ``van 2014 tot 2019``, ``vanaf 2016``, ``tot 2019``, ``vanaf 2016, einde onbekend``, ``11 maart 2014``
    (a period within one partial date), ``zonder datums`` (open at both ends), ``datums onbekend``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     period_words(Period.parse("..2014-03-11/2019")), period_words(Period.parse("2016/?"))
    ('van ten laatste 11 maart 2014 tot 2019', 'vanaf 2016, einde onbekend')
    >>> with use_language("en"):
    ...     period_words(Period.parse("2014/2019")), period_words(Period.parse("?/?"))
    ('from 2014 to 2019', 'dates unknown')
    """
    start, end = period.start, period.end
    if start.kind == "open" and end.kind == "open":
        return _("no dates")
    if start.kind == "unknown" and end.kind == "unknown":
        return _("dates unknown")
    if start == end and start.kind == "date":
        return bound_words(start)
    s, e = bound_words(start), bound_words(end)
    if start.kind == "unknown":
        return _("start unknown, until {end}").format(end=e) if e else _("start unknown")
    if end.kind == "unknown":
        return _("from {start}, end unknown").format(start=s)
    if not e:
        return _("from {start}").format(start=s)
    if not s:
        return _("until {end}").format(end=e)
    return _("from {start} to {end}").format(start=s, end=e)


def period_notation(period: Period) -> str:
    """A period in the data's notation (``2014/2019``), or ``no dates`` for one open at both ends (the checks)."""
    return "no dates" if period.is_always else str(period)


def span_text(first: int, last: int) -> str:
    """The days ``first`` to ``last`` (ordinals, inclusive, open ends allowed) in words, in the language in use:
    ``van 1 januari 2014 tot 31 december 2019`` / ``from 1 January 2014 to 31 December 2019``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("en"):
    ...     span_text(date(2014, 1, 1).toordinal(), date.max.toordinal())
    'from 1 January 2014 on'
    """
    start = None if first <= _MIN_ORDINAL else date.fromordinal(first)
    end = None if last >= _MAX_ORDINAL else date.fromordinal(last)
    if start is None and end is None:
        return _("at all times")
    if start is None:
        assert end is not None
        return _("until {end}").format(end=day_words(end))
    if end is None:
        return _("from {start} on").format(start=day_words(start))
    if start == end:
        return _("on {day}").format(day=day_words(start))
    return _("from {start} to {end}").format(start=day_words(start), end=day_words(end))


# ---------------------------------------------------------------- labels of kinds, roles and seat groups

#: What a record is, in words: actor, body, plan, plan item, funding, region and record kinds.
_KIND_LABELS = {
    "government": N_("Flemish government"),
    "provincial_government": N_("province"),
    "municipal_government": N_("municipality"),
    "agency": N_("agency"),
    "employers_organisation": N_("employers' organisation"),
    "trade_union": N_("trade union"),
    "nonprofit": N_("non-profit organisation"),
    "intermunicipal_association": N_("intermunicipal association"),
    "development_company": N_("development company"),
    "expert": N_("expert"),
    "university": N_("university"),
    "consultancy": N_("consultancy"),
    "fund": N_("fund"),
    "staff": N_("staff"),
    "person": N_("person"),
    "other": N_("other"),
    "resoc": N_("RESOC"),
    "serr": N_("SERR"),
    "taskforce": N_("task force"),
    "mayors_conference": N_("mayors' conference"),
    "forum": N_("forum"),
    "working_group": N_("working group"),
    "council": N_("council"),
    "board": N_("board"),
    "partnership": N_("partnership"),
    "body": N_("body"),
    "streekpact": N_("regional pact (streekpact)"),
    "strategic_plan": N_("strategic plan"),
    "implementation_plan": N_("implementation plan"),
    "development_plan": N_("development plan"),
    "action_plan": N_("action plan"),
    "future_plan": N_("plan for the future"),
    "expert_report": N_("expert report"),
    "call": N_("call for projects"),
    "plan": N_("plan"),
    "priority": N_("priority"),
    "objective": N_("objective"),
    "action": N_("action"),
    "line": N_("line of action"),
    "subsidy": N_("subsidy"),
    "co_financing": N_("co-financing"),
    "esf": N_("ESF funding"),
    "streek": N_("region"),
    "arrondissement": N_("arrondissement"),
    "region": N_("region"),
    "deelregio": N_("subregion"),
    "resoc-gebied": N_("RESOC area"),
    "referentieregio": N_("reference region"),
    "project": N_("project"),
    "funding": N_("funding"),
    "membership": N_("membership"),
    "decision": N_("decision"),
    "tally": N_("count of decisions"),
    "meeting": N_("meeting"),
    "territory": N_("territory"),
    "serr-gebied": N_("SERR area"),
    "post": N_("post"),
    "document": N_("document"),
    "legislative_term": N_("legislative term"),
    "organisation_change": N_("change of organisations"),
    "relation": N_("relation"),
    "lineage": N_("lineage link"),
}

_ROLE_LABELS = {
    "chair": N_("chair"),
    "vice_chair": N_("vice-chair"),
    "member": N_("member"),
    "observer": N_("observer"),
    "expert": N_("expert"),
    "secretariat": N_("secretariat"),
    "staff": N_("staff"),
    "facilitator": N_("facilitator"),
    "office_holder": N_("office holder"),
    "delegate": N_("delegate"),
}

#: The seat groups the data names (in English); a name not listed here is shown as it is (``Interleuven``).
_SEAT_GROUP_LABELS = {
    "municipalities": N_("municipalities"),
    "province": N_("province"),
    "employers": N_("employers"),
    "employees": N_("employees"),
    "experts": N_("experts"),
    "mayors": N_("mayors"),
    "staff": N_("staff"),
    "local governments": N_("local governments"),
    "regional organisations": N_("regional organisations"),
}

#: A decision in words: ``{by}`` decides about ``{subject}``; ``other`` says only that a decision was taken.
_DECISION_PHRASES = {
    "approve": N_("{by} approves {subject}"),
    "endorse": N_("{by} endorses {subject}"),
    "submit": N_("{by} submits {subject}"),
    "adopt": N_("{by} adopts {subject}"),
    "advise": N_("{by} advises on {subject}"),
    "fund": N_("{by} funds {subject}"),
    "select": N_("{by} selects {subject}"),
    "evaluate": N_("{by} evaluates {subject}"),
    "establish": N_("{by} establishes {subject}"),
    "other": N_("{by}: a decision about {subject}"),
}

#: A change of organisations in words, with ``{date}``, ``{original}`` and ``{resulting}``.
_CHANGE_PHRASES = {
    "rename": N_("{date}: renamed"),
    "merger": N_("{date}: {original} merged into {resulting}"),
    "integration": N_("{date}: the work of {original} integrated into {resulting}"),
    "split": N_("{date}: {original} split into {resulting}"),
    "dissolution": N_("{date}: {original} dissolved"),
}


def change_phrase(kind: str) -> str:
    """A change of organisations as a sentence with ``{date}``, ``{original}`` and ``{resulting}``."""
    return _(_CHANGE_PHRASES[kind])


#: A change of organisations as a noun phrase, undated: what a sentence that has its own date calls it.
_CHANGE_NOUNS = {
    "rename": N_("the renaming of {original}"),
    "merger": N_("the merger of {original} into {resulting}"),
    "integration": N_("the integration of the work of {original} into {resulting}"),
    "split": N_("the split of {original} into {resulting}"),
    "dissolution": N_("the dissolution of {original}"),
}


def _change_words(model: Model, change: Any) -> dict[str, str]:
    """A change's date and the organisations before and after it, in words, for its phrases."""

    def names(ids: Any) -> str:
        return ", ".join(name(model, i) for i in ids) or _("nothing recorded")

    return {
        "date": when(change.date) if change.date is not None else _("on an unknown date"),
        "original": names(change.original),
        "resulting": names(change.resulting),
    }


def change_sentence(model: Model, change: Any) -> str:
    """A change of organisations in words, with names and the date as precise as it is known (its title).

    >>> import streekbeleid
    >>> from streekbeleid.i18n import use_language
    >>> zov = streekbeleid.load(plugins=["zuid_oost_vlaanderen"])
    >>> with use_language("en"):
    ...     change_sentence(zov, zov.get("zuid_oost_vlaanderen:resoc/integration-into-solva"))
    '1 January 2019: the work of RESOC Zuid-Oost-Vlaanderen integrated into SOLVA'
    """
    return change_phrase(change.kind).format(**_change_words(model, change))


def change_noun(model: Model, change: Any) -> str:
    """A change of organisations as a noun phrase in the language in use, its organisations by name and no date
    ("the merger of Aalter, Knesselare into Aalter"), for a sentence that says the date itself.

    >>> import streekbeleid
    >>> from streekbeleid.i18n import use_language
    >>> model = streekbeleid.load(plugins=["zuid_oost_vlaanderen"])
    >>> change = model.get("zuid_oost_vlaanderen:resoc/integration-into-solva")
    >>> with use_language("en"):
    ...     change_noun(model, change)
    'the integration of the work of RESOC Zuid-Oost-Vlaanderen into SOLVA'
    """
    return _(_CHANGE_NOUNS[change.kind]).format(**_change_words(model, change))


#: The deciders a count of decisions names by kind or group (``by``), in words.
_DECIDER_LABELS = {
    "social_partners": N_("social partners"),
    "municipalities": N_("municipalities"),
    "provinces": N_("provinces"),
    "mayors": N_("mayors"),
}

#: A relation or a lineage in words, seen from its subject; ``_PASSIVE`` seen from its object.
_RELATION_PHRASES = {
    "reports_to": N_("{subject} reports to {object}"),
    "steered_by": N_("{subject} is steered by {object}"),
    "supported_by": N_("{subject} is supported by {object}"),
    "facilitated_by": N_("{subject} is facilitated by {object}"),
    "promoted_by": N_("{subject} is promoted by {object}"),
    "part_of": N_("{subject} is part of {object}"),
    "integrated_with": N_("{subject} is integrated with {object}"),
    "legal_vehicle_of": N_("{subject} is the legal vehicle of {object}"),
    "cooperates_with": N_("{subject} cooperates with {object}"),
    "prepares_for": N_("{subject} prepares for {object}"),
    "succeeds": N_("{subject} succeeds {object}"),
    "deepens": N_("{subject} deepens {object}"),
    "revises": N_("{subject} revises {object}"),
    "subscribes_to": N_("{subject} subscribes to {object}"),
    "replaces": N_("{subject} replaces {object}"),
    "implements": N_("{subject} implements {object}"),
}

_LINEAGE_ACTIVE = {
    "succeeds": N_("succeeds"),
    "deepens": N_("deepens"),
    "revises": N_("revises"),
    "subscribes_to": N_("subscribes to"),
    "replaces": N_("replaces"),
    "implements": N_("implements"),
}

_LINEAGE_PASSIVE = {
    "succeeds": N_("succeeded by"),
    "deepens": N_("deepened by"),
    "revises": N_("revised by"),
    "subscribes_to": N_("subscribed to by"),
    "replaces": N_("replaced by"),
    "implements": N_("implemented by"),
}


def _words(kind: str) -> str:
    return kind.replace("_", " ")


def _looked_up(labels: dict[str, str], kind: str) -> str:
    """A kind's label from one of the tables below, in the language in use; the kind in words when not listed."""
    found = labels.get(kind)
    return _(found) if found else _words(kind)


def kind_text(kind: str) -> str:
    """The English label of a kind as marked for translation (a table's :class:`~streekbeleid.model.table.Term`
    translates it when shown): ``trade_union`` -> ``trade union``."""
    return _KIND_LABELS.get(kind, _words(kind))


def kind_label(kind: str) -> str:
    """What a kind of record is, in the language in use: ``trade_union`` -> ``vakbond`` / ``trade union``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     kind_label("employers_organisation"), kind_label("resoc-gebied"), kind_label("unheard_of")
    ('werkgeversorganisatie', 'RESOC-gebied', 'unheard of')
    """
    return _looked_up(_KIND_LABELS, kind)


def role_label(role: str) -> str:
    """A membership's role in words: ``vice_chair`` -> ``ondervoorzitter`` / ``vice-chair``."""
    return _looked_up(_ROLE_LABELS, role)


def seat_group_label(name: str) -> str:
    """A seat group's name in words: ``employers`` -> ``werkgevers``; a name of its own (``Interleuven``) as it is."""
    found = _SEAT_GROUP_LABELS.get(name)
    return _(found) if found else name


#: What a document is, in words.
_DOCUMENT_KINDS = {
    "pact_text": N_("text of a pact"),
    "summary": N_("summary"),
    "decision": N_("decision"),
    "minutes": N_("minutes"),
    "presentation": N_("presentation"),
    "press_release": N_("press release"),
    "web_page": N_("web page"),
    "legislation": N_("legislation"),
    "other": N_("other"),
}


def document_kind(kind: str) -> str:
    """A document's kind in words, in the language in use: ``press_release`` -> ``persbericht``."""
    return _looked_up(_DOCUMENT_KINDS, kind)


def decision_phrase(kind: str) -> str:
    """A decision as a sentence with ``{by}`` and ``{subject}``: ``{by} keurt {subject} goed``.

    A decision of kind ``other`` says that a decision was taken, never ``others``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("en"):
    ...     decision_phrase("other").format(by="SALK-expertenteam", subject="SALK-expertenrapport")
    'SALK-expertenteam: a decision about SALK-expertenrapport'
    """
    return _(_DECISION_PHRASES.get(kind, _DECISION_PHRASES["other"]))


#: How a decision came out, in words.
_OUTCOME_WORDS = {
    "adopted": N_("adopted"),
    "adopted_with_remarks": N_("adopted with remarks"),
    "rejected": N_("rejected"),
    "postponed": N_("postponed"),
}


def outcome_words(outcome: str | None) -> str:
    """A decision's outcome in words; the empty string when the sources do not give one.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     outcome_words("adopted_with_remarks"), outcome_words(None)
    ('aangenomen met opmerkingen', '')
    """
    if outcome is None:
        return ""
    return _looked_up(_OUTCOME_WORDS, outcome)


def relation_phrase(kind: str) -> str:
    """A relation or lineage as a sentence with ``{subject}`` and ``{object}``."""
    found = _RELATION_PHRASES.get(kind)
    return _(found) if found else "{subject} " + _words(kind) + " {object}"


def lineage_label(kind: str, *, passive: bool = False) -> str:
    """A lineage as a heading, from the newer record (``opvolger van``) or, ``passive``, from the older one."""
    found = (_LINEAGE_PASSIVE if passive else _LINEAGE_ACTIVE).get(kind)
    return _(found) if found else _words(kind)


def tally_phrase(by: str, kind: str, count: int | None, out_of: int | None) -> str:
    """A count of decisions as a sentence with ``{subject}`` left to fill:
    ``42 of 44 municipal councils (95%) endorsed {subject}``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("en"):
    ...     tally_phrase("municipal_council", "endorse", 42, 44).format(subject="the pact")
    '42 of 44 municipal councils (95%) endorsed the pact'

    A count the sources do not give stays unknown:

    >>> with use_language("nl"):
    ...     tally_phrase("social_partners", "endorse", None, None).format(subject="het pact")
    'sociale partners onderschreven het pact (aantal niet vermeld)'
    """
    if count is None:
        return _unknown_count_phrase(by, kind, out_of)
    n = out_of or count
    who = _decider(by, n)
    if out_of:
        counted = _("{count} of {out_of} {who} ({share})").format(
            count=count, out_of=out_of, who=who, share=f"{count / out_of:.0%}"
        )
    else:
        counted = f"{count} {who}"
    if kind == "endorse":
        sentence = ngettext("{count} endorsed {subject}", "{count} endorsed {subject}", count)
    elif kind == "approve":
        sentence = ngettext("{count} approved {subject}", "{count} approved {subject}", count)
    else:
        sentence = _("{count}: {kind} of {subject}").replace("{kind}", _words(kind))
    return sentence.format(count=counted, subject="{subject}")


def _decider(by: str, n: int) -> str:
    """Who decided, by kind or group: ``municipal councils`` / ``gemeenteraden``, ``sociale partners``."""
    if by == "municipal_council":
        return ngettext("municipal council", "municipal councils", n)
    if by == "provincial_council":
        return ngettext("provincial council", "provincial councils", n)
    return _looked_up(_DECIDER_LABELS, by)


def _unknown_count_phrase(by: str, kind: str, out_of: int | None) -> str:
    """A count of decisions whose number the sources do not give: ``social partners endorsed {subject}
    (number not recorded)``, ``an unrecorded number of the 44 municipal councils endorsed {subject}``."""
    plural = out_of if out_of is not None else 2
    who = _decider(by, plural)
    if out_of is not None:
        who = _("an unrecorded number of the {out_of} {who}").format(out_of=out_of, who=who)
    if kind == "endorse":
        sentence = _("{who} endorsed {subject}")
    elif kind == "approve":
        sentence = _("{who} approved {subject}")
    else:
        sentence = _("{who}: {kind} of {subject}").replace("{kind}", _words(kind))
    if out_of is None:
        sentence = _("{sentence} (number not recorded)").format(sentence=sentence)
    return sentence.replace("{who}", who)


# ---------------------------------------------------------------- money

#: Budgets, transactions and the parties a call's co-financing rule names, in words.
_MONEY_LABELS = {
    "original": N_("original budget"),
    "revised": N_("revised budget"),
    "commitment": N_("commitment"),
    "payment": N_("payment"),
    "local": N_("local"),
    "flemish": N_("Flemish"),
    "federal": N_("federal"),
    "european": N_("European"),
}


def money_label(kind: str) -> str:
    """A budget kind, a transaction kind or a co-financing party in words: ``revised`` -> ``herziene begroting``."""
    return _looked_up(_MONEY_LABELS, kind)


def amount_text(value: Any, currency: str = "EUR") -> str:
    """An amount of money as a person reads it in the language in use; ``unknown`` for None.

    >>> from decimal import Decimal
    >>> from streekbeleid.i18n import use_language
    >>> with use_language("nl"):
    ...     amount_text(Decimal("15000000")), amount_text(Decimal("1234.5")), amount_text(None)
    ('EUR 15.000.000', 'EUR 1.234,50', 'onbekend')
    >>> with use_language("en"):
    ...     amount_text(Decimal("15000000"))
    'EUR 15,000,000'
    """
    if value is None:
        return _("unknown")
    whole = value == value.to_integral_value()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if language() == "nl":
        text = text.translate(str.maketrans(",.", ".,"))
    return f"{currency} {text}"


def share_text(value: Any) -> str:
    """A share from 0 to 1 as a percentage (``0.5`` -> ``50%``); ``unknown`` for None.

    >>> from decimal import Decimal
    >>> share_text(Decimal("0.5")), share_text(Decimal("0.125"))
    ('50%', '12.5%')
    """
    if value is None:
        return _("unknown")
    percent = (value * 100).normalize()
    text = f"{percent:f}" if percent != percent.to_integral_value() else f"{percent:.0f}"
    return (text.replace(".", ",") if language() == "nl" else text) + "%"
