"""The records of workflows: definitions, guards, decision rules, events and instances.

A :class:`WorkflowDefinition` is a procedure a region follows (approve and
endorse a pact, evaluate it every two years ...): named states, an initial
state, final states and :class:`Transition` s.  A transition names the
*facts* an event must carry (``requires``) and the *guards* that must hold
on the event's date.  Definitions are plain data: they load from data files
(key ``workflows``) or come from the ``streekbeleid_workflows`` hook, and they
are checked when they are built, so a broken definition never reaches the
engine.

The engine and the event store live in :mod:`streekbeleid.workflows`; this
module holds only the records both sides share, so guards contributed by
plugins can be typed without importing the engine.

>>> d = WorkflowDefinition(
...     id="demo:review", name="Review", subject_kind="plan",
...     states=["open", "done"], initial="open", finals=["done"],
...     transitions=[Transition(name="finish", source=["open"], target="done")])
>>> [t.name for t in d.transitions_from("open")]
['finish']

People read a definition's name, description, states and steps in their language:
``name_nl``, ``description_nl``, a transition's ``label`` / ``label_nl`` and
``description_nl``, and ``state_labels`` (a :class:`StateLabel` for each state id).
What one types stays the id; a missing label reads as the id with spaces.

>>> from streekbeleid.i18n import use_language
>>> d = WorkflowDefinition(
...     id="demo:review", name="Review", name_nl="Nazicht", subject_kind="plan",
...     states=["open", "done"], initial="open", finals=["done"],
...     state_labels={"open": {"label": "open", "label_nl": "lopend"}},
...     transitions=[Transition(name="finish", label="finish", label_nl="afronden", source=["open"], target="done")])
>>> with use_language("nl"):
...     d.display_name(), d.state_label("open"), d.step_label("finish"), d.state_label("done")
('Nazicht', 'lopend', 'afronden', 'done')
>>> WorkflowDefinition(
...     id="demo:broken", name="Broken", subject_kind="plan",
...     states=["open", "lost", "done"], initial="open", finals=["done"],
...     transitions=[Transition(name="finish", source=["open"], target="done")])
Traceback (most recent call last):
...
ValueError: workflow 'demo:broken': state 'lost' cannot be reached from the initial state 'open'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from ..i18n import _, pgettext
from .dates import ALWAYS, DateBound, PartialDate, Period, Truth
from .phrasing import bound_words, in_language, when
from .records import DECISION_KINDS, Source, VoteCount, one_of, own_id, ref, to_tuple

if TYPE_CHECKING:
    from .model import Model

__all__ = [
    "ANY_STATE",
    "FACTS",
    "RESERVED_TRANSITIONS",
    "SUBJECT_KINDS",
    "DecisionRule",
    "StateLabel",
    "Guard",
    "GuardContext",
    "Transition",
    "Verdict",
    "WorkflowDefinition",
    "WorkflowEvent",
    "WorkflowInstance",
    "contribution_problems",
    "describe_date",
    "earliest",
    "event_date",
    "in_language",
    "latest",
    "on_or_before",
    "readable",
]

#: The facts an event can carry, by the name a transition's ``requires`` uses.
#: ``payload.KEY`` requires a key of the payload; ``a|b`` requires at least one of them.
FACTS = ("date", "by", "recipient", "decision", "votes", "note", "sources")

#: Transition names the engine keeps for itself: the event that starts an instance and a correction.
RESERVED_TRANSITIONS = ("start", "correct")

#: In a transition's ``source``: every state that is not final.
ANY_STATE = "*"

#: The kinds of record a workflow can run on (as :func:`streekbeleid.model.model.record_type` names them).
SUBJECT_KINDS = ("plan", "plan_item", "project", "body", "region", "actor", "territory", "meeting")

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]+$")
_GUARD_RE = re.compile(r"^(?:[a-z][a-z0-9_]*:)?[a-z][a-z0-9_]*$")


def _to_sources(value: Iterable[Source | str]) -> tuple[Source, ...]:
    return tuple(map(Source.of, value))


def _split_text(names: tuple[str, ...]) -> bool:
    return len(names) > 1 and all(len(n) == 1 for n in names)


def readable(name: str) -> str:
    """The id of a state or step as words, when it has no label: ``in_consultation`` -> ``in consultation``."""
    return name.replace("_", " ")


def _requirement_problem(req: str) -> str | None:
    for part in req.split("|"):
        if part.startswith("payload."):
            if not part[len("payload.") :]:
                return f"requirement {req!r} names no payload key"
        elif part not in FACTS:
            return f"requirement {req!r}: {part!r} is not a fact (one of {', '.join(FACTS)}, or payload.KEY)"
    return None


@attrs.frozen(kw_only=True)
class Transition:
    """A step from one of the ``source`` states to the ``target`` state.

    ``requires`` lists the facts the event must carry besides its date (which
    every step needs): ``by``, ``recipient``, ``decision``, ``votes``, ``note``,
    ``sources``, ``payload.KEY``, or alternatives such as ``by|decision``.
    ``guards`` name the rules that must hold on the event's date.
    ``source`` may be ``["*"]``: every state that is not final.
    """

    name: str
    source: tuple[str, ...] = attrs.field(converter=to_tuple)
    target: str
    guards: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    requires: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    description: str | None = None
    #: How the step reads for people, in English and in Dutch (``approve``: "approve", "goedkeuren").
    label: str | None = None
    label_nl: str | None = None
    description_nl: str | None = None

    def display_label(self) -> str:
        """The step as people read it, in the language in use; its name with spaces when it has no label."""
        return in_language(self.label, self.label_nl) or readable(self.name)

    def display_description(self) -> str | None:
        """What the step means, in the language in use (the English when there is no Dutch)."""
        return in_language(self.description, self.description_nl)

    def required_facts(self) -> tuple[tuple[str, ...], ...]:
        """Each requirement as its alternatives; the date is always required."""
        reqs = [tuple(r.split("|")) for r in self.requires if r != "date"]
        return (("date",), *reqs)


@attrs.frozen(kw_only=True)
class StateLabel:
    """How a state of a workflow reads for people, in English and in Dutch; the state's id stays what one types."""

    label: str | None = None
    label_nl: str | None = None

    @classmethod
    def of(cls, value: StateLabel | Mapping[str, Any]) -> StateLabel:
        return value if isinstance(value, StateLabel) else cls(**value)


def _to_state_labels(value: Mapping[str, StateLabel | Mapping[str, Any]] | None) -> dict[str, StateLabel]:
    return {state: StateLabel.of(label) for state, label in (value or {}).items()}


@attrs.frozen(kw_only=True)
class WorkflowDefinition:
    """A procedure: states, an initial state, final states and transitions between them.

    Checked when built: every state reachable from the initial state, every
    state able to reach a final state, no step out of a final state, known
    states and facts, unique names.  Guard names are checked against the
    registered guards when the engine is built.
    """

    id: str = own_id()
    name: str
    subject_kind: str = attrs.field(validator=one_of(*SUBJECT_KINDS))
    states: tuple[str, ...] = attrs.field(converter=to_tuple)
    initial: str
    finals: tuple[str, ...] = attrs.field(converter=to_tuple)
    transitions: tuple[Transition, ...] = attrs.field(converter=to_tuple)
    description: str | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_sources)
    name_nl: str | None = None
    description_nl: str | None = None
    #: How each state reads for people, by state id: ``{drafted: {label: drafted, label_nl: ontwerp}}``.
    state_labels: Mapping[str, StateLabel] = attrs.field(factory=dict, converter=_to_state_labels, hash=False)

    def __attrs_post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise ValueError(f"workflow {self.id!r}: " + "; ".join(problems))

    def problems(self) -> list[str]:
        """What is wrong with the definition (empty when it is sound)."""
        split = [
            f"{where}: write a list, e.g. [{''.join(names)}], not the text {''.join(names)!r}"
            for where, names in (
                ("states", self.states),
                ("finals", self.finals),
                *((f"transition {t.name!r} source", t.source) for t in self.transitions),
            )
            if _split_text(names)
        ]
        if split:  # a text where a list belongs arrives as its letters: say so, not "unknown state 'd'"
            return split
        out: list[str] = []
        states = set(self.states)
        finals = set(self.finals)
        if self.subject_kind not in SUBJECT_KINDS:
            out.append(f"subject_kind {self.subject_kind!r} is not one of {', '.join(SUBJECT_KINDS)}")
        if not self.states:
            out.append("it has no states")
        for s in self.states:
            if not _NAME_RE.fullmatch(s):
                out.append(f"state name {s!r} must be two or more lower-case letters, digits and _")
        out.extend(f"state {s!r} is listed twice" for s in sorted({s for s in self.states if self.states.count(s) > 1}))
        if self.initial not in states:
            out.append(f"the initial state {self.initial!r} is not one of its states")
        if not self.finals:
            out.append("it has no final state (finals is empty)")
        out.extend(f"final state {f!r} is not one of its states" for f in self.finals if f not in states)
        out.extend(f"state_labels: {s!r} is not one of its states" for s in self.state_labels if s not in states)
        if self.initial in finals:
            out.append(f"the initial state {self.initial!r} is also final")
        names: set[str] = set()
        for t in self.transitions:
            where = f"transition {t.name!r}"
            if not _NAME_RE.fullmatch(t.name):
                out.append(f"{where}: the name must be two or more lower-case letters, digits and _")
            if t.name in RESERVED_TRANSITIONS:
                out.append(f"{where}: the name is reserved for the engine ({', '.join(RESERVED_TRANSITIONS)})")
            if t.name in names:
                out.append(f"{where} is defined twice (list every source state in one transition)")
            names.add(t.name)
            if not t.source:
                out.append(f"{where} has no source state")
            for s in t.source:
                if s == ANY_STATE:
                    continue
                if s not in states:
                    out.append(f"{where} starts from unknown state {s!r}")
                elif s in finals:
                    out.append(f"{where} leaves the final state {s!r} (a final state ends the workflow)")
            if t.target not in states:
                out.append(f"{where} leads to unknown state {t.target!r}")
            for g in t.guards:
                if not _GUARD_RE.fullmatch(g):
                    out.append(f"{where}: guard name {g!r} must be a name or namespace:name")
            for r in t.requires:
                problem = _requirement_problem(r)
                if problem:
                    out.append(f"{where}: {problem}")
        if out:
            return out
        reachable = self._reach(self.initial, forward=True)
        out.extend(
            f"state {s!r} cannot be reached from the initial state {self.initial!r}"
            for s in self.states
            if s not in reachable
        )
        can_finish: set[str] = set()
        for f in self.finals:
            can_finish |= self._reach(f, forward=False)
        out.extend(
            f"state {s!r} has no way to a final state ({', '.join(self.finals)})"
            for s in self.states
            if s in reachable and s not in can_finish
        )
        return out

    def display_name(self) -> str:
        """The definition's name in the language in use (``name_nl`` in Dutch when it has one)."""
        return in_language(self.name, self.name_nl) or self.name

    def display_description(self) -> str | None:
        """The definition's description in the language in use (the English when there is no Dutch)."""
        return in_language(self.description, self.description_nl)

    def state_label(self, state: str) -> str:
        """A state as people read it, in the language in use; its id with spaces when it has no label."""
        found = self.state_labels.get(state)
        return (in_language(found.label, found.label_nl) if found else None) or readable(state)

    def step_label(self, name: str) -> str:
        """A step (transition) as people read it, in the language in use; also the engine's own steps."""
        if name == "start":
            return pgettext("workflow step", "start")
        if name == "correct":
            return pgettext("workflow step", "correction")
        try:
            return self.transition(name).display_label()
        except KeyError:
            return readable(name)

    def step_with_id(self, name: str) -> str:
        """A step as people read it with the name one types beside it: ``goedkeuring (approve)``; just the
        name when it has no label of its own."""
        shown = self.step_label(name)
        return name if shown in (name, readable(name)) else f"{shown} ({name})"

    def untranslated(self) -> list[str]:
        """What people reading Dutch would see in English or as an id: the name, description, states and
        steps without their Dutch (each falls back, so this is no problem of the definition, only a gap)."""
        out = [] if self.name_nl else ["name_nl"]
        if self.description and not self.description_nl:
            out.append("description_nl")
        out.extend(
            f"state_labels.{s}.label_nl" for s in self.states if not (self.state_labels.get(s) or StateLabel()).label_nl
        )
        for t in self.transitions:
            if not t.label_nl:
                out.append(f"transitions.{t.name}.label_nl")
            if t.description and not t.description_nl:
                out.append(f"transitions.{t.name}.description_nl")
        return out

    def _reach(self, start: str, *, forward: bool) -> set[str]:
        edges: dict[str, set[str]] = {}
        for t in self.transitions:
            for s in self.sources_of(t):
                a, b = (s, t.target) if forward else (t.target, s)
                edges.setdefault(a, set()).add(b)
        seen = {start}
        todo = [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def sources_of(self, transition: Transition) -> tuple[str, ...]:
        """The states a transition may start from, with ``*`` expanded."""
        if ANY_STATE in transition.source:
            return tuple(s for s in self.states if s not in self.finals)
        return transition.source

    def transition(self, name: str) -> Transition:
        """The transition with this name (KeyError if there is none)."""
        for t in self.transitions:
            if t.name == name:
                return t
        raise KeyError(name)

    def transitions_from(self, state: str) -> list[Transition]:
        """The transitions that may fire in ``state``, in definition order."""
        return [t for t in self.transitions if state in self.sources_of(t)]

    def is_final(self, state: str) -> bool:
        return state in self.finals

    @property
    def guard_names(self) -> frozenset[str]:
        """Every guard the definition's transitions name."""
        return frozenset(g for t in self.transitions for g in t.guards)


@attrs.frozen(kw_only=True)
class DecisionRule:
    """How a body must decide: e.g. RESOC X approves a pact only unanimously.

    Contributed through the ``streekbeleid_workflows`` hook; read by the
    ``unanimous_if_required`` guard.  Without a rule, unanimity is not required.
    """

    body: str = ref(required=True)
    kind: str = attrs.field(default="approve", validator=one_of(*DECISION_KINDS))
    unanimous: bool = True
    description: str | None = None
    valid: Period = ALWAYS
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_sources)


@attrs.frozen
class Verdict:
    """A guard's answer: yes, no, or uncertain (the sources do not settle it), and why."""

    truth: Truth
    reason: str

    @classmethod
    def yes(cls, reason: str) -> Verdict:
        return cls(Truth.YES, reason)

    @classmethod
    def no(cls, reason: str) -> Verdict:
        return cls(Truth.NO, reason)

    @classmethod
    def uncertain(cls, reason: str) -> Verdict:
        return cls(Truth.UNCERTAIN, reason)


@attrs.frozen(kw_only=True)
class Guard:
    """A named rule a transition can require: ``function(context)`` returns a :class:`Verdict`.

    Core guards have plain names (``decision_by_owner``); a plugin's guards are
    named in its namespace (``limburg:experts_heard``).  Contributed through the
    ``streekbeleid_workflows`` hook, next to definitions.
    """

    name: str = attrs.field()
    function: Callable[[GuardContext], Verdict] = attrs.field(eq=False)
    description: str = ""

    @name.validator
    def _name(self, _attribute: attrs.Attribute[Any], value: str) -> None:
        if not _GUARD_RE.fullmatch(value):
            raise ValueError(f"name: guard name {value!r} must be a name or namespace:name")


def contribution_problems(items: Iterable[object], core_guards: Iterable[str]) -> list[tuple[str | None, str]]:
    """What is wrong with a model's workflow contributions taken together, as ``(id, message)`` pairs.

    Each item must be a :class:`WorkflowDefinition`, :class:`Guard` or :class:`DecisionRule`;
    a definition id and a guard name are given once; every guard a transition names exists
    among ``core_guards`` (the names of :data:`streekbeleid.model.guards.CORE_GUARDS`) and the guards given.
    The id is the definition's, or None for a problem of no definition.

    >>> t = Transition(name="approve", source=("draft",), target="approved", guards=("limburg:heard",))
    >>> d = WorkflowDefinition(id="x:w", name="W", subject_kind="plan", states=("draft", "approved"),
    ...                        initial="draft", finals=("approved",), transitions=(t,))
    >>> contribution_problems([d], core_guards=())[0][1][:74]
    "workflow 'x:w': transition 'approve' names unknown guard 'limburg:heard' ("
    """
    problems: list[tuple[str | None, str]] = []
    definitions: dict[str, WorkflowDefinition] = {}
    guards = set(core_guards)
    for item in items:
        if isinstance(item, WorkflowDefinition):
            if item.id in definitions:
                problems.append((item.id, _("workflow {id} is defined twice").format(id=repr(item.id))))
            definitions[item.id] = item
        elif isinstance(item, Guard):
            if item.name in guards:
                problems.append(
                    (
                        None,
                        _("guard {name} is defined twice (core guards keep their names)").format(name=repr(item.name)),
                    )
                )
            guards.add(item.name)
        elif not isinstance(item, DecisionRule):
            problems.append(
                (
                    None,
                    _(
                        "streekbeleid_workflows returned {type} {value}; expected WorkflowDefinition, Guard or "
                        "DecisionRule"
                    ).format(type=type(item).__name__, value=f"{item!r:.60}"),
                )
            )
    for d in sorted(definitions.values(), key=lambda d: d.id):
        for t in d.transitions:
            for g in t.guards:
                if g not in guards:
                    problems.append(
                        (
                            d.id,
                            _(
                                "workflow {id}: transition {transition} names unknown guard {guard} (known: {known})"
                            ).format(
                                id=repr(d.id), transition=repr(t.name), guard=repr(g), known=", ".join(sorted(guards))
                            ),
                        )
                    )
    return problems


def _freeze_payload(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return dict(value or {})


@attrs.frozen(kw_only=True)
class WorkflowEvent:
    """One recorded step of an instance; the instance's state is the fold of its events.

    ``version`` numbers an instance's events from 1 (the ``start`` event) without
    gaps.  ``date`` is when the step happened, as precisely as the sources say
    (``2016-06`` for "end of June 2016"); ``recorded_at`` is when it was written
    down (UTC, ISO 8601).  A date may be one-sided when the sources give only
    one side: ``2014-03-11..`` (on or after), see :func:`event_date`.
    ``doubts`` keeps the reasons of guards that passed only possibly.  A
    ``correct`` event amends the facts of the event ``corrects`` points to; it
    never changes the state.
    """

    instance: str
    version: int
    transition: str
    state: str
    date: DateBound | None = None
    by: str | None = None
    recipient: str | None = None
    decision: str | None = None
    votes: VoteCount | None = None
    payload: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze_payload, hash=False)
    note: str | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_sources)
    doubts: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    corrects: int | None = None
    recorded_at: str = ""

    def fact(self, name: str) -> Any:
        """The value of a fact by the name ``requires`` uses (``payload.KEY`` included)."""
        if name.startswith("payload."):
            return self.payload.get(name[len("payload.") :])
        value = getattr(self, name)
        return value if value != () else None


@attrs.frozen(kw_only=True)
class WorkflowInstance:
    """An instance as its events fold: where it stands and since when."""

    id: str
    definition: str
    subject: str
    state: str
    version: int
    finished: bool
    started: DateBound | None = None
    updated: DateBound | None = None
    doubts: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)


def event_date(value: object) -> DateBound:
    """The date of a step: a partial date, or a bound when the sources give only one side.

    ``2014-03-11``, ``2016-06`` and ``2014`` are partial dates; ``2014-03-11..``
    says "on or after 11 March 2014" and ``..2014-12`` "on or before December
    2014".  An unknown (``?``) or open (``..``) date says nothing and is refused.

    >>> event_date("2016-06")
    DateBound('2016-06')
    >>> event_date("2014-03-11..")
    DateBound('2014-03-11..')
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, date, PartialDate, DateBound)):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD (or D.. / ..D), got {value!r}")
    bound = DateBound.parse(value)
    if bound.kind in ("unknown", "open"):
        raise ValueError(
            f"{str(bound)!r} says nothing about when: give the year at least, or D.. (on or after) / ..D (on or before)"
        )
    return bound


def describe_date(value: DateBound | PartialDate | None) -> str:
    """A step's date in words, in the language in use, never more precise than it is: ``11 maart 2014``,
    ``ten vroegste 11 maart 2014`` / ``11 March 2014 at the earliest``, ``een onbekende datum``.

    >>> from streekbeleid.i18n import use_language
    >>> with use_language("en"):
    ...     describe_date(event_date("2014-03-11..")), describe_date(None)
    ('11 March 2014 at the earliest', 'an unknown date')
    """
    if isinstance(value, PartialDate):
        return when(value)
    if value is None or value.kind in ("unknown", "open"):
        return _("an unknown date")
    return bound_words(value)


def earliest(when: DateBound | PartialDate) -> date:
    """The first day a step's date may mean (``date.min`` when only its latest day is known)."""
    if isinstance(when, PartialDate):
        return when.earliest
    return date.fromordinal(when.range("start")[0])


def latest(when: DateBound | PartialDate) -> date:
    """The last day a step's date may mean (``date.max`` when only its earliest day is known)."""
    if isinstance(when, PartialDate):
        return when.latest
    return date.fromordinal(when.range("start")[1])


def on_or_before(earlier: DateBound | PartialDate | None, later: DateBound | PartialDate) -> Truth:
    """Whether ``earlier`` falls on or before ``later``: yes, no, or uncertain (partial or unknown dates).

    Two equal dates count as "on or before", however partial: a step dated like
    the decision it records is taken to be that decision's moment.

    >>> d = PartialDate.parse
    >>> on_or_before(d("2016-06"), d("2016-06"))
    <Truth.YES: 'yes'>
    >>> on_or_before(d("2014-03-11"), event_date("2014-03-11.."))
    <Truth.YES: 'yes'>
    >>> on_or_before(d("2016-06"), d("2016-04"))
    <Truth.NO: 'no'>
    >>> on_or_before(d("2014"), d("2014-03-11"))
    <Truth.UNCERTAIN: 'uncertain'>
    """
    if earlier is None:
        return Truth.UNCERTAIN
    if str(earlier) == str(later) or latest(earlier) <= earliest(later):
        return Truth.YES
    if earliest(earlier) > latest(later):
        return Truth.NO
    return Truth.UNCERTAIN


@attrs.define(kw_only=True)
class GuardContext:
    """What a guard sees: the model, the definition and transition, the instance so far and the new event.

    The event's date may be partial or one-sided (``2014-03-11..``); :meth:`active`
    answers for the whole range of days it may mean, and :attr:`at` is the model on
    the last of those days.
    """

    model: Model
    definition: WorkflowDefinition
    transition: Transition
    instance: WorkflowInstance
    history: tuple[WorkflowEvent, ...]
    event: WorkflowEvent
    rules: tuple[DecisionRule, ...] = ()
    _at: Model | None = attrs.field(default=None, init=False)

    @property
    def date(self) -> DateBound:
        assert self.event.date is not None
        return self.event.date

    @property
    def when(self) -> str:
        """The event's date in words for messages (``11 March 2014 at the earliest``), in the language in use."""
        return describe_date(self.date)

    @property
    def period(self) -> Period:
        """The event's date as a period (all the days it may mean)."""
        return Period.on(self.date)

    @property
    def subject(self) -> Any:
        """The record the instance runs on."""
        return self.model.get(self.instance.subject)

    @property
    def at(self) -> Model:
        """The model as of the event's date: its last possible day (its first, when it has no last)."""
        if self._at is None:
            last = latest(self.date)
            self._at = self.model.as_of(last if last < date.max else earliest(self.date))
        return self._at

    def active(self, record_id: str) -> Truth:
        """Whether a record holds on the event's date: yes, no, or uncertain (for a partial date)."""
        record = self.model.get(record_id)
        valid: Period = getattr(record, "valid", ALWAYS)
        return valid.active_throughout(self.period)

    def records_about(self, kinds: Iterable[type[Any]]) -> list[Any]:
        """Records of the given types whose ``subject`` is the instance's subject."""
        wanted = tuple(kinds)
        return [
            rec
            for kind in wanted
            for rec in self.model.records(kind)
            if getattr(rec, "subject", None) == self.instance.subject
        ]
