"""The core guards: rules a transition can require, read from the model as of the event's date.

A guard takes a :class:`~streekbeleid.model.workflow.GuardContext` and returns a
:class:`~streekbeleid.model.workflow.Verdict`: yes, no, or uncertain.  The
engine refuses the step on *no*; on *uncertain* (a partial date, a region whose
parts are not known) it records the step and keeps the reason as a doubt on the
event, so the history says what the sources could not settle.

Plugins contribute their own guards as :class:`~streekbeleid.model.workflow.Guard`
records from the ``streekbeleid_workflows`` hook, named in their namespace.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import UnknownIdError
from ..i18n import N_, _
from ..model.dates import ALWAYS, DateBound, PartialDate, Period, Truth
from ..model.phrasing import decision_phrase, kind_label, label, period_words, relation_phrase
from ..model.records import ADOPTING_OUTCOMES, Actor, Decision, Lineage, Membership, Region, Relation, Tally, Territory
from ..model.workflow import Guard, GuardContext, Verdict, describe_date, on_or_before

__all__ = [
    "CORE_GUARDS",
    "answered_by_recipient",
    "approved_before_submit",
    "combine",
    "decision_by_owner",
    "decision_consistent",
    "endorser_exists_and_in_region",
    "parties_active",
    "reports_to_recipient",
    "subject_active",
    "subregion_of_subject",
    "successor_recorded",
    "territory_in_region",
    "unanimous_if_required",
]

_RANK = {Truth.NO: 0, Truth.UNCERTAIN: 1, Truth.YES: 2}


def combine(verdicts: Iterable[Verdict], *, empty: str | None = None) -> Verdict:
    """All must hold: the weakest answer, with the reasons that led to it (``empty``: the reason when there
    is nothing to check)."""
    items = list(verdicts)
    if not items:
        return Verdict.yes(empty if empty is not None else _("nothing to check"))
    worst = min(items, key=lambda v: _RANK[v.truth]).truth
    return Verdict(worst, "; ".join(v.reason for v in items if v.truth is worst))


def _best(truths: Iterable[Truth]) -> Truth:
    return max(truths, key=_RANK.__getitem__, default=Truth.NO)


def _get(ctx: GuardContext, record_id: str) -> Any:
    try:
        return ctx.model.get(record_id)
    except UnknownIdError:
        return None


def _name(ctx: GuardContext, record_id: str) -> str:
    return label(ctx.model, record_id)


def _date(value: DateBound | PartialDate | None) -> str:
    """A date in words, never more precise than it is (``an unknown date`` for none)."""
    return describe_date(value)


def _valid(record: Any) -> Period:
    valid: Period = getattr(record, "valid", ALWAYS)
    return valid


# ---------------------------------------------------------------- territories and regions


def _ancestors(ctx: GuardContext, territory_id: str) -> list[str]:
    """A territory and every territory it lies in (municipality, arrondissement, province, Flanders)."""
    out: list[str] = []
    current: str | None = territory_id
    while current is not None and current not in out:
        out.append(current)
        rec = _get(ctx, current)
        current = rec.part_of if isinstance(rec, Territory) else None
    return out


def _region_tree(ctx: GuardContext, region_id: str) -> list[tuple[Region, bool]]:
    """A region and its subregions at any depth, each with whether a region above it (or itself)
    has known parts: a subregion lies within its region, so then its own unknown parts add no doubt."""
    children: dict[str, list[Region]] = {}
    for r in ctx.model.records(Region):
        if r.part_of:
            children.setdefault(r.part_of, []).append(r)
    root = _get(ctx, region_id)
    if not isinstance(root, Region):
        return []
    known = root.parts_known and bool(root.parts)
    out = [(root, known)]
    seen = {root.id}
    todo = [(root, known)]
    while todo:
        parent, covered = todo.pop()
        for child in children.get(parent.id, ()):
            if child.id not in seen:
                seen.add(child.id)
                item = (child, covered or (child.parts_known and bool(child.parts)))
                out.append(item)
                todo.append(item)
    return out


def territory_in_region(ctx: GuardContext, territory_id: str, region_id: str) -> Verdict:
    """Whether a territory lies in a region (or a subregion) on the event's date.

    A territory lies in a region when the region or one of its subregions, on
    that date, holds it or a territory it is part of (a municipality lies in a
    region that holds its province).  Where the sources do not give a
    (sub)region's parts and nothing above it has known parts, a "no" becomes
    "uncertain".
    """
    ancestors = _ancestors(ctx, territory_id)
    period = ctx.period
    best = Truth.NO
    unknown: list[str] = []
    tree = _region_tree(ctx, region_id)
    for region, covered in tree:
        if not region.parts_known and not covered:
            unknown.append(region.id)
        held = region.valid.active_throughout(period)
        for part in region.parts:
            if part.territory in ancestors:
                best = _best([best, part.valid.active_throughout(period) & held])
    fields = {"place": _name(ctx, territory_id), "region": _name(ctx, region_id), "date": ctx.when}
    if best is Truth.YES:
        return Verdict.yes(_("{place} lies in {region} on {date}").format(**fields))
    if best is Truth.UNCERTAIN:
        return Verdict.uncertain(_("{place} may not yet or no longer lie in {region} on {date}").format(**fields))
    if unknown:
        return Verdict.uncertain(
            _("{place} is not among the known parts of {region}, but the parts of {unknown} are not known").format(
                unknown=", ".join(_name(ctx, u) for u in unknown), **fields
            )
        )
    return Verdict.no(_("{place} does not lie in {region} on {date}").format(**fields))


def _municipalities_in(ctx: GuardContext, place_id: str) -> tuple[int, int]:
    """How many municipalities lie in a territory or region for certain, and how many more possibly, on the date."""
    place = _get(ctx, place_id)
    if isinstance(place, Region):
        roots = {p.territory for r, _covered in _region_tree(ctx, place_id) for p in r.parts}
    else:
        roots = {place_id}
    certain = possible = 0
    for t in ctx.model.records(Territory):
        if t.level != "municipality" or not roots.intersection(_ancestors(ctx, t.id)):
            continue
        truth = t.valid.active_throughout(ctx.period)
        if truth is Truth.YES:
            certain += 1
        elif truth is Truth.UNCERTAIN:
            possible += 1
    return certain, possible


def _council_territory(ctx: GuardContext, record_id: str) -> tuple[str | None, str]:
    """The municipality or province whose council a record stands for, or why there is none."""
    rec = _get(ctx, record_id)
    if isinstance(rec, Actor) and rec.territory:
        rec = _get(ctx, rec.territory)
    if isinstance(rec, Territory):
        if rec.level in ("municipality", "province"):
            return rec.id, ""
        return None, _(
            "{record} is a territory of level {level}, not a municipality or province with a council"
        ).format(record=_name(ctx, record_id), level=rec.level)
    kind = kind_label(type(rec).__name__.lower()) if rec is not None else _("unknown id")
    return None, _("{record} is of kind {kind}, not the council of a municipality or province").format(
        record=_name(ctx, record_id), kind=kind
    )


def _seat_paths(ctx: GuardContext, member_id: str, body_id: str, seen: frozenset[str]) -> Iterator[Truth]:
    """How surely ``member_id`` sits in ``body_id``: directly, or through a delegation it is a member of."""
    for m in ctx.model.records(Membership):
        if m.organization != body_id or m.member in seen:
            continue
        held = m.valid.active_throughout(ctx.period)
        if m.member == member_id:
            yield held
        else:
            for inner in _seat_paths(ctx, member_id, m.member, seen | {m.member}):
                yield held & inner


def _seated_in_owner(ctx: GuardContext, record_id: str) -> Verdict | None:
    """Whether an organisation sits in the body that owns the subject (a social partner in RESOC)."""
    owner = getattr(ctx.subject, "owner", None)
    if owner is None:
        return None
    truth = _best(_seat_paths(ctx, record_id, owner, frozenset({owner})))
    fields = {"member": _name(ctx, record_id), "body": _name(ctx, owner), "date": ctx.when}
    if truth is Truth.YES:
        return Verdict.yes(_("{member} sits in {body} on {date}").format(**fields))
    if truth is Truth.UNCERTAIN:
        return Verdict.uncertain(
            _("{member} sits in {body}, but the sources do not say it did on {date}").format(**fields)
        )
    return None


def _endorser(ctx: GuardContext, record_id: str, region_id: str) -> Verdict:
    territory_id, why = _council_territory(ctx, record_id)
    if territory_id is None:
        seated = _seated_in_owner(ctx, record_id)
        if seated is not None:
            return seated
        return Verdict.no(_("{reason}, nor an organisation seated in the body that owns the plan").format(reason=why))
    territory = ctx.model.get(territory_id)
    exists = territory.valid.active_throughout(ctx.period)
    fields = {"place": _name(ctx, territory_id), "date": ctx.when, "lifetime": period_words(territory.valid)}
    if exists is Truth.NO:
        return Verdict.no(_("{place} did not exist on {date} (it existed {lifetime})").format(**fields))
    inside = territory_in_region(ctx, territory_id, region_id)
    if exists is Truth.UNCERTAIN:
        return combine(
            [inside, Verdict.uncertain(_("{place} may not exist on {date} (it existed {lifetime})").format(**fields))]
        )
    return inside


def _place_in_region(ctx: GuardContext, place_id: str, region_id: str) -> Verdict:
    place = _get(ctx, place_id)
    if isinstance(place, Region):
        if any(r.id == place_id for r, _covered in _region_tree(ctx, region_id)):
            return Verdict.yes(
                _("{place} is (part of) {region}").format(place=_name(ctx, place_id), region=_name(ctx, region_id))
            )
        return Verdict.no(
            _("{place} is not part of {region}").format(place=_name(ctx, place_id), region=_name(ctx, region_id))
        )
    return territory_in_region(ctx, place_id, region_id)


def _tally(ctx: GuardContext, tally: Tally, region_id: str) -> Verdict:
    subject = ctx.instance.subject
    out: list[Verdict] = []
    name = _name(ctx, tally.id)
    if tally.kind != "endorse":
        out.append(
            Verdict.no(
                _("tally {tally} counts decisions of kind {kind}, not endorsements").format(tally=name, kind=tally.kind)
            )
        )
    if tally.subject != subject:
        out.append(
            Verdict.no(
                _("tally {tally} is about {about}, not {subject}").format(
                    tally=name, about=_name(ctx, tally.subject), subject=_name(ctx, subject)
                )
            )
        )
    when = on_or_before(tally.date, ctx.date)
    if when is Truth.NO:
        out.append(
            Verdict.no(
                _("tally {tally} is dated {date}, after {step}").format(
                    tally=name, date=_date(tally.date), step=ctx.when
                )
            )
        )
    if tally.out_of is not None and tally.count is not None and tally.count > tally.out_of:
        out.append(
            Verdict.no(
                _("tally {tally} counts {count} of only {out_of}").format(
                    tally=name, count=tally.count, out_of=tally.out_of
                )
            )
        )
    for named in tally.named:
        out.append(_endorser(ctx, named, region_id))
    if tally.among is None:
        out.append(
            Verdict.uncertain(_("tally {tally} does not say among which territory its deciders are").format(tally=name))
        )
    else:
        among = _place_in_region(ctx, tally.among, region_id)
        out.append(among)
        if among.truth is not Truth.NO and tally.out_of is not None and tally.by == "municipal_council":
            certain, possible = _municipalities_in(ctx, tally.among)
            fields = {
                "tally": name,
                "count": _("an unrecorded number") if tally.count is None else tally.count,
                "out_of": tally.out_of,
                "place": _name(ctx, tally.among),
                "certain": certain,
                "possible": possible,
                "date": ctx.when,
            }
            if not certain <= tally.out_of <= certain + possible:
                if possible:
                    text = _(
                        "tally {tally} counts {count} of {out_of} municipal councils, but {place} had {certain} "
                        "municipalities on {date} (and {possible} possibly)"
                    )
                else:
                    text = _(
                        "tally {tally} counts {count} of {out_of} municipal councils, but {place} had {certain} "
                        "municipalities on {date}"
                    )
                out.append(Verdict.no(text.format(**fields)))
            else:
                out.append(
                    Verdict.yes(
                        _(
                            "{count} of the {out_of} municipal councils of {place} ({certain} municipalities on {date})"
                        ).format(**fields)
                    )
                )
    if when is Truth.UNCERTAIN:
        out.append(Verdict.uncertain(_later(_("tally {tally}").format(tally=name), tally.date, ctx)))
    return combine(out)


def _later(what: str, value: DateBound | PartialDate | None, ctx: GuardContext) -> str:
    """``decision X (June 2016) may fall after the step (11 June 2016)``: a date too coarse to order."""
    return _("{record} ({date}) may fall after the step ({step})").format(record=what, date=_date(value), step=ctx.when)


# ---------------------------------------------------------------- the guards


def decision_by_owner(ctx: GuardContext) -> Verdict:
    """The subject is approved by its owner body: an adopted ``approve`` decision of the owner about it,
    dated on or before the event (the event's ``decision``, or one found in the model)."""
    subject = ctx.subject
    owner = getattr(subject, "owner", None)
    if owner is None:
        return Verdict.no(
            _("{subject} names no owner body, so no owner can approve it").format(
                subject=_name(ctx, ctx.instance.subject)
            )
        )
    if ctx.event.by is not None and ctx.event.by != owner:
        return Verdict.no(
            _("the step is made by {by}, but the owner is {owner}").format(
                by=_name(ctx, ctx.event.by), owner=_name(ctx, owner)
            )
        )
    if ctx.event.decision is not None:
        candidates = [_get(ctx, ctx.event.decision)]
    else:
        candidates = [d for d in ctx.records_about([Decision]) if d.kind == "approve" and d.by == owner]
        if not candidates:
            return Verdict.no(
                _("the model holds no approve decision of {owner} about {subject}").format(
                    owner=_name(ctx, owner), subject=_name(ctx, subject.id)
                )
            )
    verdicts = []
    for dec in candidates:
        if not isinstance(dec, Decision):
            verdicts.append(
                Verdict.no(_("{record} is not a decision").format(record=_name(ctx, ctx.event.decision or "")))
            )
            continue
        wrong = []
        if dec.kind != "approve":
            decided = decision_phrase(dec.kind).format(by=_name(ctx, dec.by), subject=_name(ctx, dec.subject))
            wrong.append(_("it is not an approval but: {decision}").format(decision=decided))
        if dec.by != owner:
            wrong.append(
                _("it was taken by {by}, not by the owner {owner}").format(
                    by=_name(ctx, dec.by), owner=_name(ctx, owner)
                )
            )
        if dec.subject != subject.id:
            wrong.append(
                _("it is about {about}, not {subject}").format(
                    about=_name(ctx, dec.subject), subject=_name(ctx, subject.id)
                )
            )
        if dec.outcome is not None and dec.outcome not in ADOPTING_OUTCOMES:  # None: its outcome not recorded
            wrong.append(_("its outcome was {outcome}, not adopted").format(outcome=dec.outcome))
        when = on_or_before(dec.date, ctx.date)
        if when is Truth.NO:
            wrong.append(_("it is dated {date}, after {step}").format(date=_date(dec.date), step=ctx.when))
        if wrong:
            verdicts.append(
                Verdict.no(
                    _("decision {decision}: {problems}").format(decision=_name(ctx, dec.id), problems="; ".join(wrong))
                )
            )
        elif when is Truth.UNCERTAIN:
            verdicts.append(
                Verdict.uncertain(_later(_("decision {decision}").format(decision=_name(ctx, dec.id)), dec.date, ctx))
            )
        else:
            verdicts.append(
                Verdict.yes(
                    _("{owner} approved {subject} on {date} ({decision})").format(
                        owner=_name(ctx, owner), subject=_name(ctx, subject.id), date=_date(dec.date), decision=dec.id
                    )
                )
            )
    return max(verdicts, key=lambda v: _RANK[v.truth])


def _decision(ctx: GuardContext) -> Decision | None:
    rec = _get(ctx, ctx.event.decision) if ctx.event.decision else None
    return rec if isinstance(rec, Decision) else None


def unanimous_if_required(ctx: GuardContext) -> Verdict:
    """Where a :class:`~streekbeleid.model.workflow.DecisionRule` of the deciding body requires it,
    the decision is unanimous (said so, or no votes against and no abstentions)."""
    dec = _decision(ctx)
    body = dec.by if dec is not None else ctx.event.by
    kind = dec.kind if dec is not None else "approve"
    if body is None:
        return Verdict.yes(_("no deciding body named: no rule to apply"))
    rules = [r for r in ctx.rules if r.body == body and r.kind == kind and r.unanimous]
    rules = [r for r in rules if r.valid.active_throughout(ctx.period) is not Truth.NO]
    decided = decision_phrase(kind).format(by=_name(ctx, body), subject=_name(ctx, ctx.instance.subject))
    if not rules:
        return Verdict.yes(_("{decision}: no rule requires unanimity").format(decision=decided))
    votes = (dec.votes if dec is not None else None) or ctx.event.votes
    unanimous = dec.unanimous if dec is not None else None
    what = _("{decision}: the rule requires unanimity").format(decision=decided)
    if unanimous is True:
        return Verdict.yes(_("{rule}, and did").format(rule=what))
    if unanimous is False:
        decision = _name(ctx, dec.id) if dec else _("the decision")
        return Verdict.no(_("{rule}, but {decision} was not unanimous").format(rule=what, decision=decision))
    if votes is not None:
        if (votes.no or 0) > 0 or (votes.abstain or 0) > 0:
            return Verdict.no(
                _("{rule}, but the votes were {yes} for, {no} against, {abstain} abstaining").format(
                    rule=what, yes=votes.yes, no=votes.no, abstain=votes.abstain
                )
            )
        if votes.no == 0 and votes.abstain == 0 and votes.yes:
            return Verdict.yes(_("{rule}: {yes} for, none against").format(rule=what, yes=votes.yes))
    return Verdict.uncertain(_("{rule}; the sources do not say whether it did").format(rule=what))


def endorser_exists_and_in_region(ctx: GuardContext) -> Verdict:
    """An endorsement comes from the council of a municipality (or province) that exists on the date and lies
    in the subject's region, or from an organisation seated in the body that owns the subject (a social
    partner in RESOC): the event's ``by``, or the deciders of its ``decision`` (a decision or a tally)."""
    region_id = getattr(ctx.subject, "region", None)
    if region_id is None:
        return Verdict.no(
            _("{subject} covers no region, so no endorser can lie in it").format(
                subject=_name(ctx, ctx.instance.subject)
            )
        )
    out: list[Verdict] = []
    if ctx.event.by is not None:
        out.append(_endorser(ctx, ctx.event.by, region_id))
    if ctx.event.decision is not None:
        rec = _get(ctx, ctx.event.decision)
        if isinstance(rec, Tally):
            out.append(_tally(ctx, rec, region_id))
        elif isinstance(rec, Decision):
            decision = _name(ctx, rec.id)
            if rec.kind != "endorse" or rec.subject != ctx.instance.subject:
                out.append(
                    Verdict.no(
                        _("decision {decision} is not an endorsement of {subject}").format(
                            decision=decision, subject=_name(ctx, ctx.instance.subject)
                        )
                    )
                )
            when = on_or_before(rec.date, ctx.date)
            if when is Truth.NO:
                out.append(
                    Verdict.no(
                        _("decision {decision} is dated {date}, after {step}").format(
                            decision=decision, date=_date(rec.date), step=ctx.when
                        )
                    )
                )
            elif when is Truth.UNCERTAIN:
                out.append(Verdict.uncertain(_later(_("decision {decision}").format(decision=decision), rec.date, ctx)))
            out.append(_endorser(ctx, rec.by, region_id))
        else:
            out.append(
                Verdict.no(
                    _("{record} is neither a decision nor a tally").format(record=_name(ctx, ctx.event.decision))
                )
            )
    if not out:
        return Verdict.no(_("an endorsement needs `by` (the council) or `decision` (a decision or tally)"))
    return combine(out)


def approved_before_submit(ctx: GuardContext) -> Verdict:
    """The instance was approved (an ``approve`` step) on or before the submission's date."""
    approvals = [e for e in ctx.history if e.transition == "approve"]
    if not approvals:
        return Verdict.no(
            _("{subject} has not been approved in instance {instance}").format(
                subject=_name(ctx, ctx.instance.subject), instance=ctx.instance.id
            )
        )
    approval = approvals[-1]
    assert approval.date is not None
    when = on_or_before(approval.date, ctx.date)
    fields = {"approved": _date(approval.date), "submitted": ctx.when}
    if when is Truth.NO:
        return Verdict.no(_("it was approved on {approved}, after the submission date {submitted}").format(**fields))
    if when is Truth.UNCERTAIN:
        return Verdict.uncertain(
            _("approved on {approved}, submitted on {submitted}: the order is not certain").format(**fields)
        )
    return Verdict.yes(_("approved on {approved}").format(**fields))


def _exists(ctx: GuardContext, truth: Truth, text: str) -> Verdict:
    """Whether a record named in ``text`` (with its lifetime) exists on the event's date."""
    if truth is Truth.NO:
        return Verdict.no(_("{record} did not exist on {date}").format(record=text, date=ctx.when))
    if truth is Truth.UNCERTAIN:
        return Verdict.uncertain(_("{record} may not exist on {date}").format(record=text, date=ctx.when))
    return Verdict.yes(_("{record} exists on {date}").format(record=text, date=ctx.when))


def parties_active(ctx: GuardContext) -> Verdict:
    """The actors the event names (``by``, ``recipient``) exist on its date."""
    out = []
    roles = {"by": _("by"), "recipient": _("recipient")}
    for role in ("by", "recipient"):
        rid = getattr(ctx.event, role)
        if rid is None:
            continue
        text = _("{role} {record} ({lifetime})").format(
            role=roles[role], record=_name(ctx, rid), lifetime=period_words(_valid(ctx.model.get(rid)))
        )
        out.append(_exists(ctx, ctx.active(rid), text))
    return combine(out, empty=_("no actor named"))


def subject_active(ctx: GuardContext) -> Verdict:
    """The subject (the plan, body ... the instance runs on) exists on the event's date."""
    record = ctx.subject
    text = _("{record} ({lifetime})").format(record=_name(ctx, record.id), lifetime=period_words(_valid(record)))
    return _exists(ctx, ctx.active(record.id), text)


def successor_recorded(ctx: GuardContext) -> Verdict:
    """A lineage record says a newer plan succeeds, replaces or revises the subject, on or before the date."""
    subject = ctx.instance.subject
    links = [
        link
        for link in ctx.model.records(Lineage)
        if link.object == subject and link.kind in ("succeeds", "replaces", "revises")
    ]
    if not links:
        return Verdict.no(
            _("no plan succeeds or replaces {subject} (a lineage record would say so)").format(
                subject=_name(ctx, subject)
            )
        )
    verdicts = []
    for link in links:
        when = on_or_before(link.date, ctx.date) if link.date is not None else Truth.YES
        text = relation_phrase(link.kind).format(subject=_name(ctx, link.subject), object=_name(ctx, subject))
        if when is not Truth.YES:
            text = _("{link} (dated {date})").format(link=text, date=_date(link.date))
        verdicts.append(Verdict(when, text))
    return max(verdicts, key=lambda v: _RANK[v.truth])


def decision_consistent(ctx: GuardContext) -> Verdict:
    """The event's ``decision``, when it names one, is about the subject, by the event's ``by`` and
    dated on or before the event."""
    if ctx.event.decision is None:
        return Verdict.yes(_("no decision named"))
    rec = _get(ctx, ctx.event.decision)
    if not isinstance(rec, (Decision, Tally)):
        return Verdict.no(_("{record} is not a decision").format(record=_name(ctx, ctx.event.decision)))
    out = []
    decision = _name(ctx, rec.id)
    if rec.subject != ctx.instance.subject:
        out.append(
            Verdict.no(
                _("decision {decision} is about {about}, not {subject}").format(
                    decision=decision, about=_name(ctx, rec.subject), subject=_name(ctx, ctx.instance.subject)
                )
            )
        )
    if isinstance(rec, Decision) and ctx.event.by is not None and rec.by != ctx.event.by:
        out.append(
            Verdict.no(
                _("decision {decision} was taken by {by}, not by {step_by}").format(
                    decision=decision, by=_name(ctx, rec.by), step_by=_name(ctx, ctx.event.by)
                )
            )
        )
    when = on_or_before(rec.date, ctx.date)
    if when is Truth.NO:
        out.append(
            Verdict.no(
                _("decision {decision} is dated {date}, after {step}").format(
                    decision=decision, date=_date(rec.date), step=ctx.when
                )
            )
        )
    elif when is Truth.UNCERTAIN:
        out.append(Verdict.uncertain(_later(_("decision {decision}").format(decision=decision), rec.date, ctx)))
    else:
        out.append(Verdict.yes(_("decision {decision} of {date}").format(decision=decision, date=_date(rec.date))))
    return combine(out)


def _actor_chain(ctx: GuardContext, actor_id: str) -> list[str]:
    out: list[str] = []
    current: str | None = actor_id
    while current is not None and current not in out:
        out.append(current)
        rec = _get(ctx, current)
        current = getattr(rec, "part_of", None) if isinstance(rec, Actor) else None
    return out


def answered_by_recipient(ctx: GuardContext) -> Verdict:
    """The answer comes from the recipient of the instance's last step that had one (a submission, a
    report), or from an organisation it is part of, or one of its parts (Flanders and its agencies)."""
    submitted = [e for e in ctx.history if e.recipient]
    if not submitted:
        return Verdict.no(
            _("{subject} was not submitted to anyone in instance {instance}").format(
                subject=_name(ctx, ctx.instance.subject), instance=ctx.instance.id
            )
        )
    recipient = submitted[-1].recipient
    assert recipient is not None
    by = ctx.event.by
    if by is None:
        return Verdict.no(
            _("the answer must say who gives it (submitted to {recipient})").format(recipient=_name(ctx, recipient))
        )
    fields = {"by": _name(ctx, by), "recipient": _name(ctx, recipient)}
    if recipient in _actor_chain(ctx, by) or by in _actor_chain(ctx, recipient):
        return Verdict.yes(_("{by} answers what went to {recipient}").format(**fields))
    return Verdict.no(_("{by} answers, but the last step went to {recipient}").format(**fields))


def reports_to_recipient(ctx: GuardContext) -> Verdict:
    """The ``recipient`` is a body the reporter (the event's ``by``, else the subject) reports to or is
    steered by, on the date (a relation ``reports_to`` or ``steered_by`` says so)."""
    recipient = ctx.event.recipient
    reporter = ctx.event.by or ctx.instance.subject
    if recipient is None:
        return Verdict.no(_("a report needs a recipient"))
    links = [
        r
        for r in ctx.model.records(Relation)
        if r.subject == reporter and r.object == recipient and r.kind in ("reports_to", "steered_by")
    ]
    if not links:
        return Verdict.no(
            _("{reporter} neither reports to nor is steered by {recipient}").format(
                reporter=_name(ctx, reporter), recipient=_name(ctx, recipient)
            )
        )
    truth = _best(r.valid.active_throughout(ctx.period) for r in links)
    text = relation_phrase(links[0].kind).format(subject=_name(ctx, reporter), object=_name(ctx, recipient))
    if truth is Truth.NO:
        return Verdict.no(_("{relation}, but not on {date}").format(relation=text, date=ctx.when))
    if truth is Truth.UNCERTAIN:
        text = _("{relation}; the sources do not say it did on {date}").format(relation=text, date=ctx.when)
    return Verdict(truth, text)


def subregion_of_subject(ctx: GuardContext) -> Verdict:
    """The step's ``payload.subregion`` names a region that is (part of) the subject's region."""
    region_id = getattr(ctx.subject, "region", None)
    sub = ctx.event.payload.get("subregion")
    if not isinstance(sub, str):
        return Verdict.no(_("the step must name the subregion it is about (payload.subregion)"))
    if region_id is None:
        return Verdict.no(_("{subject} covers no region").format(subject=_name(ctx, ctx.instance.subject)))
    if not isinstance(_get(ctx, sub), Region):
        return Verdict.no(_("payload.subregion {value} is not a region of the model").format(value=repr(sub)))
    return _place_in_region(ctx, sub, region_id)


#: What each core guard requires, for a person (``workflow show``): marked for translation and shown in the
#: language in use.  The functions' docstrings say the same for developers, with the names of the records.
_DESCRIPTIONS = {
    "decision_by_owner": N_(
        "The subject is approved by the body that owns it: an adopted approval by the owner, dated on or before "
        "the step (the step's decision, or one found in the model)."
    ),
    "unanimous_if_required": N_(
        "Where a decision rule of the deciding body requires it, the decision is unanimous (said so, or no votes "
        "against and no abstentions)."
    ),
    "endorser_exists_and_in_region": N_(
        "An endorsement comes from the council of a municipality or province that exists on the date and lies in "
        "the subject's region, or from an organisation seated in the body that owns the subject (a social partner "
        "in RESOC)."
    ),
    "approved_before_submit": N_("The procedure was approved (an approval step) on or before the submission's date."),
    "parties_active": N_("The actors the step names (by whom, to whom) exist on its date."),
    "successor_recorded": N_(
        "A lineage record says a newer plan succeeds, replaces or revises the subject, on or before the date."
    ),
    "decision_consistent": N_(
        "The step's decision, when it names one, is about the subject, taken by whoever the step names, and dated "
        "on or before the step."
    ),
    "answered_by_recipient": N_(
        "The answer comes from the recipient of the last step that had one (a submission, a report), from an "
        "organisation it is part of, or from one of its parts."
    ),
    "reports_to_recipient": N_("The recipient is a body the reporter reports to or is steered by, on the date."),
    "subregion_of_subject": N_("The subregion the step names is (part of) the subject's region."),
    "subject_active": N_("The subject (the plan or body the procedure runs on) exists on the date of the step."),
}


def _core_guards() -> Iterator[Guard]:
    for function in (
        decision_by_owner,
        unanimous_if_required,
        endorser_exists_and_in_region,
        approved_before_submit,
        parties_active,
        successor_recorded,
        decision_consistent,
        answered_by_recipient,
        reports_to_recipient,
        subregion_of_subject,
        subject_active,
    ):
        yield Guard(name=function.__name__, function=function, description=_DESCRIPTIONS[function.__name__])


#: The guards every workflow can name.
CORE_GUARDS: tuple[Guard, ...] = tuple(_core_guards())
