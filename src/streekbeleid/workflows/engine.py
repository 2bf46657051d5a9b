"""The workflow engine: start instances, fire transitions, correct facts, fold events into state.

The engine holds no state of its own: an instance's state is the fold of its
events in the store (:func:`fold`).  Every step is checked before anything is
written, in this order, and the first rule that fails refuses the step with a
:class:`~streekbeleid.errors.WorkflowError` that names it (``rule: why``):

=====================  ==================================================================
rule                   refuses when
=====================  ==================================================================
``definition.unknown`` no workflow has that id
``subject.unknown``    the subject is not in the model
``subject.kind``       the subject is not the kind of record the workflow runs on
``instance.unknown``   no such instance in the store
``instance.running``   the workflow already runs for the subject (``start`` without ``--id``)
``instance.finished``  the instance is in a final state
``transition.unknown`` the workflow has no such transition
``transition.illegal`` the transition does not start from the instance's state
``facts.invalid``      a fact is malformed (a date, votes, sources, an instance id)
``payload.invalid``    the payload is not a JSON object
``facts.missing``      a fact the transition requires is missing
``facts.unknown-id``   ``by``, ``recipient`` or ``decision`` names no record of the model
``date.order``         the date is certainly before the previous step's date
``date.future``        the date is certainly after today
``guard.NAME``         a guard answers no
``version.stale``      someone else appended since the instance was read
``correction.invalid`` a correction points to no event, or changes nothing
=====================  ==================================================================

A refused step leaves the store exactly as it was.

Dates are partial dates (``2014``, ``2016-06``, ``2014-03-11``), as precise as
the sources are: "end of June 2016" is ``2016-06``, never an invented day.
Comparisons are three-valued: the engine refuses what is certainly wrong, and a
guard that can only answer "possibly" lets the step through with its reason
kept on the event as a doubt.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from ..errors import UnknownIdError, WorkflowError
from ..i18n import _
from ..model.dates import DateBound, Truth
from ..model.guards import CORE_GUARDS
from ..model.model import Model, record_type
from ..model.phrasing import bound_words, day_words, kind_label, label
from ..model.records import Decision, Source, Tally, VoteCount
from ..model.workflow import (
    DecisionRule,
    Guard,
    GuardContext,
    Transition,
    Verdict,
    WorkflowDefinition,
    WorkflowEvent,
    WorkflowInstance,
    contribution_problems,
    describe_date,
    earliest,
    event_date,
    latest,
)
from ._refuse import refuse
from .store import ConflictError, InstanceRow, WorkflowStore, event_row, row_event, utc_now

__all__ = ["Engine", "Registry", "effective", "fold"]

_INSTANCE_ID = re.compile(r"^\S+$")
_KEEP: Any = object()


# ---------------------------------------------------------------- the registry


@attrs.frozen
class Registry:
    """The definitions, guards and decision rules the plugins contribute, checked together.

    Built from ``Model.workflows`` (what the ``streekbeleid_workflows`` hook and
    the data files' ``workflows`` supplied) plus the core guards.
    """

    definitions: Mapping[str, WorkflowDefinition]
    guards: Mapping[str, Guard]
    rules: tuple[DecisionRule, ...] = ()

    @classmethod
    def from_contributions(cls, items: Iterable[object], *, core_guards: Iterable[Guard] = CORE_GUARDS) -> Registry:
        """Sort the contributions by type and check them; one :class:`WorkflowError` lists every problem."""
        items = list(items)
        core_guards = list(core_guards)
        problems = contribution_problems(items, [g.name for g in core_guards])
        if problems:
            raise refuse("definition.invalid", "\n".join(message for _id, message in problems))
        definitions = {i.id: i for i in items if isinstance(i, WorkflowDefinition)}
        guards = {g.name: g for g in [*core_guards, *(i for i in items if isinstance(i, Guard))]}
        rules = [i for i in items if isinstance(i, DecisionRule)]
        return cls(dict(sorted(definitions.items())), dict(sorted(guards.items())), tuple(rules))


# ---------------------------------------------------------------- folding events


@functools.cache
def _steps(definition: WorkflowDefinition) -> dict[tuple[str, str], str]:
    return {(s, t.name): t.target for t in definition.transitions for s in definition.sources_of(t)}


def _corrupt(instance: str, why: str) -> WorkflowError:
    return refuse("replay.mismatch", _("instance {instance!r}: {why}").format(instance=instance, why=why))


def fold(definition: WorkflowDefinition, subject: str, rows: Iterable[Sequence[Any]]) -> WorkflowInstance:
    """The state of an instance: its events (store rows, by version) folded through the definition.

    Every event is checked as it is folded: versions follow each other from 1,
    each transition is allowed in the state it fires from, and the state it
    recorded is the state the definition gives (otherwise ``replay.mismatch``:
    the definition changed since the events were recorded).
    """
    steps = _steps(definition)
    state: str | None = None
    instance = ""
    version = 0
    last = 0
    started: str | None = None
    updated: str | None = None
    doubts: dict[int, str] = {}
    for row in rows:
        instance, v, name = row[0], row[1], row[2]
        if v != version + 1:
            raise _corrupt(instance, f"event {v} follows event {version}")
        version = v
        if name == "start":
            if v != 1:
                raise _corrupt(instance, f"event {v} starts the instance again")
            state = definition.initial
            last, started, updated = v, row[4], row[4]
        elif name == "correct":
            target = row[15]
            if target is None or not 1 <= target <= last:
                raise _corrupt(instance, f"correction {v} points to event {target}")
            if target == last:
                updated = row[4]
            if target == 1:
                started = row[4]
        else:
            nxt = steps.get((state, name)) if state is not None else None
            if nxt is None:
                raise _corrupt(
                    instance,
                    f"event {v} fires {name!r} in state {state!r}, which {definition.id!r} does not allow: "
                    "the definition changed since the event was recorded",
                )
            state, last, updated = nxt, v, row[4]
        if row[3] != state:
            raise _corrupt(instance, f"event {v} recorded state {row[3]!r}, the definition gives {state!r}")
        if row[14]:
            doubts[row[15] if name == "correct" else v] = row[14]
        elif name == "correct":
            doubts.pop(row[15], None)
    if state is None:
        raise refuse("instance.unknown", _("an instance has at least its start event"))
    return WorkflowInstance(
        id=instance,
        definition=definition.id,
        subject=subject,
        state=state,
        version=version,
        finished=state in definition.finals,
        started=None if started is None else DateBound.parse(started),
        updated=None if updated is None else DateBound.parse(updated),
        doubts=[d for v in sorted(doubts) for d in json.loads(doubts[v])],
    )


def effective(events: Iterable[WorkflowEvent]) -> list[WorkflowEvent]:
    """The events as they stand after their corrections (corrections themselves left out)."""
    out: dict[int, WorkflowEvent] = {}
    for e in events:
        if e.transition == "correct":
            assert e.corrects is not None
            out[e.corrects] = attrs.evolve(out[e.corrects], **_facts_of(e), doubts=e.doubts)
        else:
            out[e.version] = e
    return [out[v] for v in sorted(out)]


_FACTS = ("date", "by", "recipient", "decision", "votes", "payload", "sources")


def _facts_of(event: WorkflowEvent) -> dict[str, Any]:
    return {name: getattr(event, name) for name in _FACTS}


# ---------------------------------------------------------------- reading facts


def _parse_date(value: object) -> DateBound:
    try:
        return event_date(value)
    except ValueError as exc:
        raise refuse("facts.invalid", _("date: {error}").format(error=exc)) from None


def _parse_votes(value: object) -> VoteCount | None:
    if value is None or isinstance(value, VoteCount):
        return value
    try:
        if isinstance(value, Mapping):
            return VoteCount(**value)
        if isinstance(value, str):
            value = [int(p) if p.strip() else None for p in value.split(",")]
        if isinstance(value, (list, tuple)) and len(value) <= 3:
            return VoteCount(**dict(zip(("yes", "no", "abstain"), value, strict=False)))
    except (TypeError, ValueError) as exc:
        raise refuse("facts.invalid", _("votes: {error} (give yes,no,abstain counts)").format(error=exc)) from None
    raise refuse("facts.invalid", _("votes: expected yes,no,abstain counts, got {value!r}").format(value=value))


_SOURCE_FIELDS = frozenset(attrs.fields_dict(Source))


def _parse_sources(value: Iterable[object] | None) -> tuple[Source, ...]:
    out = []
    for s in value or ():
        if isinstance(s, Source) or (isinstance(s, str) and s.strip()):
            out.append(Source.of(s))
        elif isinstance(s, Mapping) and isinstance(s.get("document"), str) and set(s) <= _SOURCE_FIELDS:
            out.append(Source(**{k: s[k] for k in _SOURCE_FIELDS if s.get(k) is not None}))
        else:
            wrong = _("sources: {source!r} is not a document or a document with a locator").format(source=s)
            raise refuse("facts.invalid", wrong)
    return tuple(out)


def _parse_payload(value: object) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        got = f"{value!r:.80}"
        wrong = _("the payload must be a JSON object with text keys, got {value}").format(value=got)
        raise refuse("payload.invalid", wrong)
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise refuse("payload.invalid", _("the payload is not plain JSON: {error}").format(error=exc)) from None
    parsed: dict[str, Any] = json.loads(text)
    return parsed


def _parse_id(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise refuse("facts.invalid", _("{name}: expected an id, got {value!r}").format(name=name, value=value))
    return value


# ---------------------------------------------------------------- the engine


class Engine:
    """Run workflows over a model with an event store.

    >>> import streekbeleid
    >>> from streekbeleid.workflows import Engine, EventStore
    >>> engine = Engine(streekbeleid.load(plugins=[]), EventStore.memory())
    >>> [d.id for d in engine.definitions()]
    ['core:streekpact', 'core:subsidy-application']

    :param model: the model guards read (its ``workflows`` give the definitions, guards and rules).
    :param store: where the events go.
    :param today: the day after which dates are refused as future (default: the real today).
    """

    def __init__(
        self,
        model: Model,
        store: WorkflowStore,
        *,
        today: date | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.model = model
        self.store = store
        self.registry = registry if registry is not None else Registry.from_contributions(model.workflows)
        self._today = today

    # ------------------------------------------------------------- definitions

    def definitions(self) -> list[WorkflowDefinition]:
        """Every workflow definition, by id."""
        return list(self.registry.definitions.values())

    def definition(self, definition_id: str) -> WorkflowDefinition:
        """One definition (``definition.unknown`` if none has that id)."""
        try:
            return self.registry.definitions[definition_id]
        except KeyError:
            known = ", ".join(self.registry.definitions) or _("none")
            raise refuse(
                "definition.unknown", _("no workflow {id!r} (known: {known})").format(id=definition_id, known=known)
            ) from None

    # ------------------------------------------------------------- reading instances

    def _load(self, instance_id: str) -> tuple[InstanceRow, WorkflowDefinition, list[WorkflowEvent], WorkflowInstance]:
        row = self.store.instance(instance_id)
        definition = self.definition(row.definition)
        rows = self.store.rows(instance_id)
        instance = fold(definition, row.subject, rows)
        return row, definition, [row_event(r) for r in rows], instance

    def status(self, instance_id: str) -> WorkflowInstance:
        """Where an instance stands: the fold of its events."""
        row = self.store.instance(instance_id)
        return fold(self.definition(row.definition), row.subject, self.store.rows(instance_id))

    def definition_of(self, instance_id: str) -> WorkflowDefinition:
        """The definition an instance follows."""
        return self.definition(self.store.instance(instance_id).definition)

    def history(self, instance_id: str, *, corrected: bool = False) -> list[WorkflowEvent]:
        """The events of an instance as recorded, or (``corrected``) as they stand after corrections."""
        self.store.instance(instance_id)
        events = self.store.events(instance_id)
        return effective(events) if corrected else events

    def instances(self, definition: str | None = None, subject: str | None = None) -> list[InstanceRow]:
        """The instances in the store (of a definition, about a subject)."""
        return self.store.instances(definition, subject)

    def available(self, instance_id: str) -> list[Transition]:
        """The transitions that may fire next (guards not yet asked)."""
        instance = self.status(instance_id)
        return self.definition(instance.definition).transitions_from(instance.state)

    # ------------------------------------------------------------- starting

    def start(
        self,
        definition: str,
        subject: str,
        *,
        instance_id: str | None = None,
        date: object = None,
        by: str | None = None,
        note: str | None = None,
        payload: Mapping[str, Any] | None = None,
        sources: Iterable[object] = (),
    ) -> WorkflowInstance:
        """Start an instance of ``definition`` about ``subject``, in its initial state.

        Without ``instance_id`` the id is ``DEFINITION/SUBJECT`` (``/2``, ``/3`` ... for later runs)
        and the start is refused while an earlier run for the subject has not finished.
        """
        d = self.definition(definition)
        try:
            record = self.model.get(subject)
        except UnknownIdError:
            raise refuse("subject.unknown", _("{id!r} is not in the model").format(id=subject)) from None
        kind = record_type(record)
        if kind != d.subject_kind:
            raise refuse(
                "subject.kind",
                _("{workflow} runs on a {wanted}, and {subject} is a {kind}").format(
                    workflow=d.display_name(),
                    wanted=kind_label(d.subject_kind),
                    subject=label(self.model, subject),
                    kind=kind_label(kind),
                ),
            )
        if instance_id is not None and not _INSTANCE_ID.fullmatch(instance_id):
            raise refuse(
                "facts.invalid", _("instance id {id!r} must be one word without spaces").format(id=instance_id)
            )
        day = None if date is None else _parse_date(date)
        if day is not None and earliest(day) > self.today():
            raise refuse(
                "date.future",
                _("the start date {date} is after today ({today})").format(
                    date=bound_words(day), today=day_words(self.today())
                ),
            )
        by_id = _parse_id("by", by)
        if by_id is not None:
            self._known(by_id, "by")
        facts: dict[str, Any] = {"date": day, "by": by_id, "note": note, "payload": _parse_payload(payload)}
        facts["sources"] = _parse_sources(sources)
        open_states = None if instance_id is not None else [s for s in d.states if s not in d.finals]
        for attempt in range(100):
            iid = instance_id or self._default_id(d.id, subject, attempt)
            event = WorkflowEvent(
                instance=iid, version=1, transition="start", state=d.initial, recorded_at=utc_now(), **facts
            )
            try:
                self.store.create(event, definition=d.id, subject=subject, open_states_of_same=open_states)
            except WorkflowError as exc:
                if exc.rule == "instance.exists" and instance_id is None:
                    continue  # another writer took this id a moment ago: take the next one
                raise
            return self.status(iid)
        raise refuse("instance.exists", f"no free instance id for {d.id}/{subject}")  # pragma: no cover

    def _default_id(self, definition: str, subject: str, attempt: int) -> str:
        base = f"{definition}/{subject}"
        taken = {row.id for row in self.store.instances(definition, subject)}
        n = 1 + attempt
        while (base if n == 1 else f"{base}/{n}") in taken:
            n += 1
        return base if n == 1 else f"{base}/{n}"

    # ------------------------------------------------------------- firing

    def today(self) -> date:
        return self._today or date.today()

    def fire(
        self,
        instance_id: str,
        transition: str,
        *,
        date: object,
        by: str | None = None,
        recipient: str | None = None,
        decision: str | None = None,
        votes: object = None,
        payload: Mapping[str, Any] | None = None,
        note: str | None = None,
        sources: Iterable[object] = (),
        expected_version: int | None = None,
    ) -> WorkflowInstance:
        """Record a step: check it, run its guards on the model as of ``date``, append it.

        :param expected_version: the version the caller last saw; ``version.stale`` if the
            instance moved on since (without it, the version read here is used, and a
            concurrent writer still makes the append fail rather than both succeed).
        :returns: the instance after the step.
        """
        _row, d, events, instance = self._load(instance_id)
        if expected_version is not None and expected_version != instance.version:
            raise ConflictError(instance_id, expected_version, instance.version)
        if instance.finished:
            raise refuse(
                "instance.finished",
                _("instance {instance!r} ended in state {state}; nothing can follow").format(
                    instance=instance_id, state=d.state_label(instance.state)
                ),
            )
        t = self._transition(d, transition, instance)
        if date is None:
            raise refuse(
                "facts.missing",
                _("{step} of {workflow!r} needs date (every step is dated)").format(
                    step=d.step_with_id(t.name), workflow=d.id
                ),
            )
        event = WorkflowEvent(
            instance=instance_id,
            version=instance.version + 1,
            transition=t.name,
            state=t.target,
            date=_parse_date(date),
            by=_parse_id("by", by),
            recipient=_parse_id("recipient", recipient),
            decision=_parse_id("decision", decision),
            votes=_parse_votes(votes),
            payload=_parse_payload(payload),
            note=note,
            sources=_parse_sources(sources),
            recorded_at=utc_now(),
        )
        history = effective(events)
        doubts = self._check(d, t, instance, history, event, following=None)
        event = attrs.evolve(event, doubts=doubts)
        self.store.append(event, instance.version)
        return attrs.evolve(
            instance,
            state=t.target,
            version=event.version,
            finished=t.target in d.finals,
            updated=event.date,
            doubts=(*instance.doubts, *doubts),
        )

    def _transition(self, d: WorkflowDefinition, name: str, instance: WorkflowInstance) -> Transition:
        possible = ", ".join(d.step_with_id(t.name) for t in d.transitions_from(instance.state)) or _("none")
        try:
            t = d.transition(name)
        except KeyError:
            raise refuse(
                "transition.unknown",
                _("workflow {workflow!r} has no transition {step!r} (possible now: {possible})").format(
                    workflow=d.id, step=name, possible=possible
                ),
            ) from None
        if instance.state not in d.sources_of(t):
            raise refuse(
                "transition.illegal",
                _(
                    "{step} cannot fire in state {state} of instance {instance!r}; it starts from {sources} "
                    "(possible now: {possible})"
                ).format(
                    step=d.step_with_id(name),
                    state=d.state_label(instance.state),
                    instance=instance.id,
                    sources=", ".join(map(d.state_label, d.sources_of(t))),
                    possible=possible,
                ),
            )
        return t

    def _known(self, record_id: str, role: str) -> Any:
        try:
            return self.model.get(record_id)
        except UnknownIdError:
            raise refuse(
                "facts.unknown-id", _("{role}: {id!r} is not in the model").format(role=role, id=record_id)
            ) from None

    def _known_ids(self, event: WorkflowEvent) -> None:
        """``facts.unknown-id`` unless the event's by, recipient and decision name records (a decision or tally)."""
        for role in ("by", "recipient", "decision"):
            rid = getattr(event, role)
            if rid is not None:
                record = self._known(rid, role)
                if role == "decision" and not isinstance(record, (Decision, Tally)):
                    raise refuse(
                        "facts.unknown-id",
                        _("decision: {id!r} is a {kind}, not a decision or count of decisions").format(
                            id=rid, kind=kind_label(record_type(record))
                        ),
                    )

    def _check(
        self,
        d: WorkflowDefinition,
        t: Transition,
        instance: WorkflowInstance,
        history: Sequence[WorkflowEvent],
        event: WorkflowEvent,
        *,
        following: WorkflowEvent | None,
    ) -> tuple[str, ...]:
        """Every check of a step, short of the version; returns the doubts of its guards."""
        missing = [" or ".join(alts) for alts in t.required_facts() if all(event.fact(a) is None for a in alts)]
        if missing:
            raise refuse(
                "facts.missing",
                _("{step} of {workflow!r} needs {facts}").format(
                    step=d.step_with_id(t.name), workflow=d.id, facts=", ".join(missing)
                ),
            )
        self._known_ids(event)
        assert event.date is not None
        if earliest(event.date) > self.today():
            raise refuse(
                "date.future",
                _("{date} is after today ({today})").format(
                    date=bound_words(event.date), today=day_words(self.today())
                ),
            )
        before = [e for e in history if e.date is not None]
        prev_date = before[-1].date if before else None
        if prev_date is not None and latest(event.date) < earliest(prev_date):
            prev = before[-1]
            raise refuse(
                "date.order",
                _(
                    "{date} is before {previous}, the date of {step} (event {version}); steps are recorded in the "
                    "order they happened (correct the earlier event if its date is wrong)"
                ).format(
                    date=bound_words(event.date),
                    previous=bound_words(prev_date),
                    step=d.step_label(prev.transition),
                    version=prev.version,
                ),
            )
        if following is not None and following.date is not None and earliest(event.date) > latest(following.date):
            raise refuse(
                "date.order",
                _("{date} is after {following}, the date of the next step, {step} (event {version})").format(
                    date=bound_words(event.date),
                    following=bound_words(following.date),
                    step=d.step_label(following.transition),
                    version=following.version,
                ),
            )
        ctx = GuardContext(
            model=self.model,
            definition=d,
            transition=t,
            instance=instance,
            history=tuple(history),
            event=event,
            rules=self.registry.rules,
        )
        failed: list[tuple[str, Verdict]] = []
        doubts: list[str] = []
        for name in t.guards:
            verdict = self._ask(self.registry.guards[name], ctx)
            if verdict.truth is Truth.NO:
                failed.append((name, verdict))
            elif verdict.truth is Truth.UNCERTAIN:
                doubts.append(f"{name}: {verdict.reason}")
        if failed:
            rule = f"guard.{failed[0][0]}"
            why = "; ".join(f"{name}: {v.reason}" if i else v.reason for i, (name, v) in enumerate(failed))
            raise refuse(
                rule,
                _("{step} of instance {instance!r} on {date}: {why}").format(
                    step=d.step_with_id(t.name), instance=instance.id, date=describe_date(event.date), why=why
                ),
            )
        return tuple(doubts)

    @staticmethod
    def _ask(guard: Guard, ctx: GuardContext) -> Verdict:
        try:
            verdict = guard.function(ctx)
        except WorkflowError:
            raise
        except Exception as exc:
            failed = f"{type(exc).__name__}: {exc}"
            raise refuse(f"guard.{guard.name}", _("the guard failed: {error}").format(error=failed)) from exc
        if not isinstance(verdict, Verdict):
            raise refuse(f"guard.{guard.name}", _("the guard returned {value!r}, not a Verdict").format(value=verdict))
        return verdict

    # ------------------------------------------------------------- correcting

    def correct(
        self,
        instance_id: str,
        version: int,
        *,
        reason: str,
        date: object = _KEEP,
        by: object = _KEEP,
        recipient: object = _KEEP,
        decision: object = _KEEP,
        votes: object = _KEEP,
        payload: object = _KEEP,
        sources: object = _KEEP,
        expected_version: int | None = None,
    ) -> WorkflowInstance:
        """Correct the facts of an earlier event by appending a ``correct`` event.

        The event keeps its place and its transition; the corrected facts pass the
        same checks and guards as when it was recorded.  Pass ``None`` to clear a fact.
        The original stays in the history: nothing is rewritten.
        """
        _row, d, events, instance = self._load(instance_id)
        if expected_version is not None and expected_version != instance.version:
            raise ConflictError(instance_id, expected_version, instance.version)
        if not reason or not reason.strip():
            raise refuse("correction.invalid", _("a correction needs a reason"))
        current = effective(events)
        by_version = {e.version: e for e in current}
        original = by_version.get(version)
        if original is None:
            raise refuse(
                "correction.invalid",
                _(
                    "instance {instance!r} has no event {version} to correct (corrections are corrected by "
                    "correcting the event they amend)"
                ).format(instance=instance_id, version=version),
            )
        changes: dict[str, Any] = {}
        if date is not _KEEP:
            changes["date"] = None if date is None and version == 1 else _parse_date(date)
        for name, value in (("by", by), ("recipient", recipient), ("decision", decision)):
            if value is not _KEEP:
                changes[name] = _parse_id(name, value)
        if votes is not _KEEP:
            changes["votes"] = _parse_votes(votes)
        if payload is not _KEEP:
            changes["payload"] = _parse_payload(payload)
        if sources is not _KEEP:
            changes["sources"] = _parse_sources(sources)  # type: ignore[arg-type]
        amended = attrs.evolve(original, **changes)
        if _facts_of(amended) == _facts_of(original):
            unchanged = _("the correction changes nothing in event {version}").format(version=version)
            raise refuse("correction.invalid", unchanged)
        earlier = [e for e in current if e.version < version]
        later = [e for e in current if e.version > version]
        doubts: tuple[str, ...] = ()
        if original.transition == "start":
            self._known_ids(amended)
            nxt = later[0].date if later else None
            if amended.date is not None and nxt is not None and earliest(amended.date) > latest(nxt):
                raise refuse(
                    "date.order",
                    _("{date} is after {following}, the date of event 2").format(
                        date=bound_words(amended.date), following=bound_words(nxt)
                    ),
                )
        else:
            state_before = _state_after(d, instance.subject, earlier)
            doubts = self._check(
                d,
                d.transition(original.transition),
                state_before,
                earlier,
                amended,
                following=later[0] if later else None,
            )
        event = WorkflowEvent(
            instance=instance_id,
            version=instance.version + 1,
            transition="correct",
            state=instance.state,
            corrects=version,
            note=reason,
            doubts=doubts,
            recorded_at=utc_now(),
            **_facts_of(amended),
        )
        self.store.append(event, instance.version)
        return self.status(instance_id)

    # ------------------------------------------------------------- auditing

    def audit(self, instance_id: str) -> Iterator[tuple[WorkflowEvent, str]]:
        """Ask the guards again about every step, against the model as it is now.

        Yields (event, reason) for each step a guard would now refuse: the data
        changed since the step was recorded.
        """
        row, d, events, _instance = self._load(instance_id)
        current = effective(events)
        for i, event in enumerate(current):
            if event.transition == "start":
                continue
            before = current[:i]
            state = _state_after(d, row.subject, before)
            try:
                self._check(d, d.transition(event.transition), state, before, event, following=None)
            except WorkflowError as exc:
                yield event, str(exc)


def _state_after(d: WorkflowDefinition, subject: str, events: Sequence[WorkflowEvent]) -> WorkflowInstance:
    """The instance as it stood after some of its (corrected) events."""
    # Corrected histories skip the versions of corrections: number them afresh for the fold.
    rows = [event_row(attrs.evolve(e, version=i + 1)) for i, e in enumerate(events)]
    return attrs.evolve(fold(d, subject, rows), version=events[-1].version)
