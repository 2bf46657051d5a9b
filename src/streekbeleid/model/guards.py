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

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import UnknownIdError
from ..model.dates import ALWAYS, Period, Truth
from ..model.phrasing import label
from ..model.records import ADOPTING_OUTCOMES, Actor, Decision, Lineage, Membership, Region, Relation, Tally, Territory
from ..model.workflow import Guard, GuardContext, Verdict, on_or_before

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


def combine(verdicts: Iterable[Verdict], *, empty: str = "nothing to check") -> Verdict:
    """All must hold: the weakest answer, with the reasons that led to it."""
    items = list(verdicts)
    if not items:
        return Verdict.yes(empty)
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
    who, where = _name(ctx, territory_id), _name(ctx, region_id)
    if best is Truth.YES:
        return Verdict.yes(f"{who} lies in {where} on {ctx.when}")
    if best is Truth.UNCERTAIN:
        return Verdict.uncertain(f"{who} may not yet or no longer lie in {where} on {ctx.when}")
    if unknown:
        return Verdict.uncertain(
            f"{who} is not among the known parts of {where}, but the parts of {', '.join(unknown)} are not known"
        )
    return Verdict.no(f"{who} does not lie in {where} on {ctx.when}")


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
        return None, f"{_name(ctx, record_id)} is a {rec.level}, not a municipality or province with a council"
    kind = type(rec).__name__.lower() if rec is not None else "unknown id"
    return None, f"{_name(ctx, record_id)} is a {kind}, not the council of a municipality or province"


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
    who, body = _name(ctx, record_id), _name(ctx, owner)
    if truth is Truth.YES:
        return Verdict.yes(f"{who} sits in {body} on {ctx.when}")
    if truth is Truth.UNCERTAIN:
        return Verdict.uncertain(f"{who} sits in {body}, but the sources do not say it did on {ctx.when}")
    return None


def _endorser(ctx: GuardContext, record_id: str, region_id: str) -> Verdict:
    territory_id, why = _council_territory(ctx, record_id)
    if territory_id is None:
        seated = _seated_in_owner(ctx, record_id)
        if seated is not None:
            return seated
        return Verdict.no(f"{why}, nor an organisation seated in the body that owns the plan")
    territory = ctx.model.get(territory_id)
    exists = territory.valid.active_throughout(ctx.period)
    if exists is Truth.NO:
        return Verdict.no(f"{_name(ctx, territory_id)} did not exist on {ctx.when} (valid {territory.valid})")
    inside = territory_in_region(ctx, territory_id, region_id)
    if exists is Truth.UNCERTAIN:
        return combine(
            [inside, Verdict.uncertain(f"{_name(ctx, territory_id)} may not exist on {ctx.when} ({territory.valid})")]
        )
    return inside


def _place_in_region(ctx: GuardContext, place_id: str, region_id: str) -> Verdict:
    place = _get(ctx, place_id)
    if isinstance(place, Region):
        if any(r.id == place_id for r, _covered in _region_tree(ctx, region_id)):
            return Verdict.yes(f"{_name(ctx, place_id)} is (part of) {_name(ctx, region_id)}")
        return Verdict.no(f"{_name(ctx, place_id)} is not part of {_name(ctx, region_id)}")
    return territory_in_region(ctx, place_id, region_id)


def _tally(ctx: GuardContext, tally: Tally, region_id: str) -> Verdict:
    subject = ctx.instance.subject
    out: list[Verdict] = []
    if tally.kind != "endorse":
        out.append(Verdict.no(f"tally {tally.id} counts {tally.kind} decisions, not endorsements"))
    if tally.subject != subject:
        out.append(Verdict.no(f"tally {tally.id} is about {tally.subject}, not {subject}"))
    when = on_or_before(tally.date, ctx.date)
    if when is Truth.NO:
        out.append(Verdict.no(f"tally {tally.id} is dated {tally.date}, after {ctx.when}"))
    if tally.out_of is not None and tally.count is not None and tally.count > tally.out_of:
        out.append(Verdict.no(f"tally {tally.id} counts {tally.count} of only {tally.out_of}"))
    for named in tally.named:
        out.append(_endorser(ctx, named, region_id))
    if tally.among is None:
        out.append(Verdict.uncertain(f"tally {tally.id} does not say among which territory its deciders are"))
    else:
        among = _place_in_region(ctx, tally.among, region_id)
        out.append(among)
        if among.truth is not Truth.NO and tally.out_of is not None and tally.by == "municipal_council":
            certain, possible = _municipalities_in(ctx, tally.among)
            if not certain <= tally.out_of <= certain + possible:
                out.append(
                    Verdict.no(
                        f"tally {tally.id} counts {'an unrecorded number' if tally.count is None else tally.count} "
                        f"of {tally.out_of} municipal councils, but "
                        f"{_name(ctx, tally.among)} had {certain} municipalities on {ctx.when}"
                        + (f" (and {possible} possibly)" if possible else "")
                    )
                )
            else:
                out.append(
                    Verdict.yes(
                        f"{'an unrecorded number' if tally.count is None else tally.count} of the {tally.out_of} "
                        f"municipal councils of {_name(ctx, tally.among)} "
                        f"({certain} municipalities on {ctx.when})"
                    )
                )
    if when is Truth.UNCERTAIN:
        out.append(
            Verdict.uncertain(f"tally {tally.id} ({tally.date or 'undated'}) may fall after the step ({ctx.when})")
        )
    return combine(out)


# ---------------------------------------------------------------- the guards


def decision_by_owner(ctx: GuardContext) -> Verdict:
    """The subject is approved by its owner body: an adopted ``approve`` decision of the owner about it,
    dated on or before the event (the event's ``decision``, or one found in the model)."""
    subject = ctx.subject
    owner = getattr(subject, "owner", None)
    if owner is None:
        return Verdict.no(f"{_name(ctx, ctx.instance.subject)} names no owner body, so no owner can approve it")
    if ctx.event.by is not None and ctx.event.by != owner:
        return Verdict.no(f"the step is made by {ctx.event.by}, but the owner is {_name(ctx, owner)}")
    if ctx.event.decision is not None:
        candidates = [_get(ctx, ctx.event.decision)]
    else:
        candidates = [d for d in ctx.records_about([Decision]) if d.kind == "approve" and d.by == owner]
        if not candidates:
            return Verdict.no(f"the model holds no approve decision of {_name(ctx, owner)} about {subject.id}")
    verdicts = []
    for dec in candidates:
        if not isinstance(dec, Decision):
            verdicts.append(Verdict.no(f"{ctx.event.decision} is not a decision"))
            continue
        wrong = []
        if dec.kind != "approve":
            wrong.append(f"is a decision to {dec.kind}, not to approve")
        if dec.by != owner:
            wrong.append(f"was taken by {dec.by}, not by the owner {owner}")
        if dec.subject != subject.id:
            wrong.append(f"is about {dec.subject}, not {subject.id}")
        if dec.outcome is not None and dec.outcome not in ADOPTING_OUTCOMES:  # None: its outcome not recorded
            wrong.append(f"was {dec.outcome}, not adopted")
        when = on_or_before(dec.date, ctx.date)
        if when is Truth.NO:
            wrong.append(f"is dated {dec.date}, after {ctx.when}")
        if wrong:
            verdicts.append(Verdict.no(f"decision {dec.id} " + " and ".join(wrong)))
        elif when is Truth.UNCERTAIN:
            verdicts.append(
                Verdict.uncertain(f"decision {dec.id} ({dec.date or 'undated'}) may fall after the step ({ctx.when})")
            )
        else:
            verdicts.append(Verdict.yes(f"{_name(ctx, owner)} approved {subject.id} on {dec.date} ({dec.id})"))
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
        return Verdict.yes("no deciding body named: no rule to apply")
    rules = [r for r in ctx.rules if r.body == body and r.kind == kind and r.unanimous]
    rules = [r for r in rules if r.valid.active_throughout(ctx.period) is not Truth.NO]
    if not rules:
        return Verdict.yes(f"no rule requires {_name(ctx, body)} to {kind} unanimously")
    votes = (dec.votes if dec is not None else None) or ctx.event.votes
    unanimous = dec.unanimous if dec is not None else None
    what = f"{_name(ctx, body)} must {kind} unanimously"
    if unanimous is True:
        return Verdict.yes(f"{what}, and did")
    if unanimous is False:
        return Verdict.no(f"{what}, but {dec.id if dec else 'the decision'} was not unanimous")
    if votes is not None:
        if (votes.no or 0) > 0 or (votes.abstain or 0) > 0:
            return Verdict.no(
                f"{what}, but the votes were {votes.yes} for, {votes.no} against, {votes.abstain} abstaining"
            )
        if votes.no == 0 and votes.abstain == 0 and votes.yes:
            return Verdict.yes(f"{what}: {votes.yes} for, none against")
    return Verdict.uncertain(f"{what}; the sources do not say whether it did")


def endorser_exists_and_in_region(ctx: GuardContext) -> Verdict:
    """An endorsement comes from the council of a municipality (or province) that exists on the date and lies
    in the subject's region, or from an organisation seated in the body that owns the subject (a social
    partner in RESOC): the event's ``by``, or the deciders of its ``decision`` (a decision or a tally)."""
    region_id = getattr(ctx.subject, "region", None)
    if region_id is None:
        return Verdict.no(f"{_name(ctx, ctx.instance.subject)} covers no region, so no endorser can lie in it")
    out: list[Verdict] = []
    if ctx.event.by is not None:
        out.append(_endorser(ctx, ctx.event.by, region_id))
    if ctx.event.decision is not None:
        rec = _get(ctx, ctx.event.decision)
        if isinstance(rec, Tally):
            out.append(_tally(ctx, rec, region_id))
        elif isinstance(rec, Decision):
            if rec.kind != "endorse" or rec.subject != ctx.instance.subject:
                out.append(Verdict.no(f"decision {rec.id} is not an endorsement of {ctx.instance.subject}"))
            when = on_or_before(rec.date, ctx.date)
            if when is Truth.NO:
                out.append(Verdict.no(f"decision {rec.id} is dated {rec.date}, after {ctx.when}"))
            elif when is Truth.UNCERTAIN:
                out.append(
                    Verdict.uncertain(
                        f"decision {rec.id} ({rec.date or 'undated'}) may fall after the step ({ctx.when})"
                    )
                )
            out.append(_endorser(ctx, rec.by, region_id))
        else:
            out.append(Verdict.no(f"{ctx.event.decision} is neither a decision nor a tally"))
    if not out:
        return Verdict.no("an endorsement needs `by` (the council) or `decision` (a decision or tally)")
    return combine(out)


def approved_before_submit(ctx: GuardContext) -> Verdict:
    """The instance was approved (an ``approve`` step) on or before the submission's date."""
    approvals = [e for e in ctx.history if e.transition == "approve"]
    if not approvals:
        return Verdict.no(f"{ctx.instance.subject} has not been approved in instance {ctx.instance.id}")
    approval = approvals[-1]
    assert approval.date is not None
    when = on_or_before(approval.date, ctx.date)
    if when is Truth.NO:
        return Verdict.no(f"it was approved on {approval.date}, after the submission date {ctx.when}")
    if when is Truth.UNCERTAIN:
        return Verdict.uncertain(f"approved {approval.date}, submitted {ctx.when}: the order is not certain")
    return Verdict.yes(f"approved on {approval.date}")


def parties_active(ctx: GuardContext) -> Verdict:
    """The actors the event names (``by``, ``recipient``) exist on its date."""
    out = []
    for role in ("by", "recipient"):
        rid = getattr(ctx.event, role)
        if rid is None:
            continue
        truth = ctx.active(rid)
        valid = _valid(ctx.model.get(rid))
        text = f"{role} {_name(ctx, rid)} ({valid})"
        if truth is Truth.NO:
            out.append(Verdict.no(f"{text} did not exist on {ctx.when}"))
        elif truth is Truth.UNCERTAIN:
            out.append(Verdict.uncertain(f"{text} may not exist on {ctx.when}"))
        else:
            out.append(Verdict.yes(f"{text} exists on {ctx.when}"))
    return combine(out, empty="no actor named")


def subject_active(ctx: GuardContext) -> Verdict:
    """The subject (the plan, body ... the instance runs on) exists on the event's date."""
    record = ctx.subject
    truth = ctx.active(record.id)
    text = f"{_name(ctx, record.id)} ({_valid(record)})"
    if truth is Truth.NO:
        return Verdict.no(f"{text} did not exist on {ctx.when}")
    if truth is Truth.UNCERTAIN:
        return Verdict.uncertain(f"{text} may not exist on {ctx.when}")
    return Verdict.yes(f"{text} exists on {ctx.when}")


def successor_recorded(ctx: GuardContext) -> Verdict:
    """A lineage record says a newer plan succeeds, replaces or revises the subject, on or before the date."""
    subject = ctx.instance.subject
    links = [
        link
        for link in ctx.model.records(Lineage)
        if link.object == subject and link.kind in ("succeeds", "replaces", "revises")
    ]
    if not links:
        return Verdict.no(f"no plan succeeds or replaces {subject} (a lineage record would say so)")
    verdicts = []
    for link in links:
        when = on_or_before(link.date, ctx.date) if link.date is not None else Truth.YES
        text = f"{link.subject} {link.kind} {subject}"
        verdicts.append(Verdict(when, text + ("" if when is Truth.YES else f" (dated {link.date})")))
    return max(verdicts, key=lambda v: _RANK[v.truth])


def decision_consistent(ctx: GuardContext) -> Verdict:
    """The event's ``decision``, when it names one, is about the subject, by the event's ``by`` and
    dated on or before the event."""
    if ctx.event.decision is None:
        return Verdict.yes("no decision named")
    rec = _get(ctx, ctx.event.decision)
    if not isinstance(rec, (Decision, Tally)):
        return Verdict.no(f"{ctx.event.decision} is not a decision")
    out = []
    if rec.subject != ctx.instance.subject:
        out.append(Verdict.no(f"decision {rec.id} is about {rec.subject}, not {ctx.instance.subject}"))
    if isinstance(rec, Decision) and ctx.event.by is not None and rec.by != ctx.event.by:
        out.append(Verdict.no(f"decision {rec.id} was taken by {rec.by}, not by {ctx.event.by}"))
    when = on_or_before(rec.date, ctx.date)
    if when is Truth.NO:
        out.append(Verdict.no(f"decision {rec.id} is dated {rec.date}, after {ctx.when}"))
    elif when is Truth.UNCERTAIN:
        out.append(
            Verdict.uncertain(f"decision {rec.id} ({rec.date or 'undated'}) may fall after the step ({ctx.when})")
        )
    else:
        out.append(Verdict.yes(f"decision {rec.id} of {rec.date}"))
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
        return Verdict.no(f"{ctx.instance.subject} was not submitted to anyone in instance {ctx.instance.id}")
    recipient = submitted[-1].recipient
    assert recipient is not None
    by = ctx.event.by
    if by is None:
        return Verdict.no(f"the answer must say who gives it (submitted to {_name(ctx, recipient)})")
    if recipient in _actor_chain(ctx, by) or by in _actor_chain(ctx, recipient):
        return Verdict.yes(f"{_name(ctx, by)} answers what went to {_name(ctx, recipient)}")
    return Verdict.no(f"{_name(ctx, by)} answers, but the last step went to {_name(ctx, recipient)}")


def reports_to_recipient(ctx: GuardContext) -> Verdict:
    """The ``recipient`` is a body the reporter (the event's ``by``, else the subject) reports to or is
    steered by, on the date (a relation ``reports_to`` or ``steered_by`` says so)."""
    recipient = ctx.event.recipient
    reporter = ctx.event.by or ctx.instance.subject
    if recipient is None:
        return Verdict.no("a report needs a recipient")
    links = [
        r
        for r in ctx.model.records(Relation)
        if r.subject == reporter and r.object == recipient and r.kind in ("reports_to", "steered_by")
    ]
    if not links:
        return Verdict.no(f"{_name(ctx, reporter)} neither reports to nor is steered by {_name(ctx, recipient)}")
    truth = _best(r.valid.active_throughout(ctx.period) for r in links)
    text = f"{_name(ctx, reporter)} {links[0].kind.replace('_', ' ')} {_name(ctx, recipient)}"
    if truth is Truth.NO:
        return Verdict.no(f"{text}, but not on {ctx.when}")
    return Verdict(truth, text + ("" if truth is Truth.YES else f"; the sources do not say it did on {ctx.when}"))


def subregion_of_subject(ctx: GuardContext) -> Verdict:
    """The step's ``payload.subregion`` names a region that is (part of) the subject's region."""
    region_id = getattr(ctx.subject, "region", None)
    sub = ctx.event.payload.get("subregion")
    if not isinstance(sub, str):
        return Verdict.no("the step must name the subregion it is about (payload.subregion)")
    if region_id is None:
        return Verdict.no(f"{_name(ctx, ctx.instance.subject)} covers no region")
    if not isinstance(_get(ctx, sub), Region):
        return Verdict.no(f"payload.subregion {sub!r} is not a region of the model")
    return _place_in_region(ctx, sub, region_id)


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
        doc = " ".join((function.__doc__ or "").split())
        doc = re.sub(r":\w+:`~?(?:[\w.]*\.)?(\w+)`", r"\1", doc).replace("``", "")
        yield Guard(name=function.__name__, function=function, description=doc)


#: The guards every workflow can name.
CORE_GUARDS: tuple[Guard, ...] = tuple(_core_guards())
