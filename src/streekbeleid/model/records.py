"""The records of the governance model.

Every record is an immutable, slotted attrs class.  Records that stand for a
thing carry a stable ``id`` (``namespace:local``), a ``valid`` period and
``sources``.  Relations between records are ids, resolved when the model is
assembled.  No record knows how it is serialised (see
:mod:`streekbeleid.serialization`).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..i18n import _
from .dates import ALWAYS, PartialDate, Period, Truth

if TYPE_CHECKING:
    from .model import Model

__all__ = [
    "ID_PATTERN",
    "Source",
    "Identifier",
    "IDENTIFIER_SCHEMES",
    "Territory",
    "RegionPart",
    "Region",
    "Actor",
    "Person",
    "Post",
    "SeatAllocation",
    "SeatGroup",
    "CadenceRule",
    "Body",
    "Membership",
    "Theme",
    "Baseline",
    "IndicatorPeriod",
    "Indicator",
    "PlanItem",
    "Plan",
    "Project",
    "VoteCount",
    "DECISION_OUTCOMES",
    "ADOPTING_OUTCOMES",
    "Decision",
    "Tally",
    "Budget",
    "Transaction",
    "ShareRule",
    "Funding",
    "Meeting",
    "Lineage",
    "Relation",
    "OtherName",
    "OrganisationChange",
    "ORGANISATION_CHANGE_KINDS",
    "LegislativeTerm",
    "Document",
    "Problem",
    "Check",
    "Record",
    "RECORD_KINDS",
    "namespace_of",
    "inferences_of",
]

ID_PATTERN = r"^[a-z][a-z0-9_]*:[A-Za-z0-9][A-Za-z0-9._\-/#]*$"
_ID_RE = re.compile(ID_PATTERN)


def namespace_of(record_id: str) -> str:
    """The namespace of an id: ``namespace_of("limburg:resoc") == "limburg"``."""
    return record_id.partition(":")[0]


def check_id(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A validator: the value is an id ``namespace:local`` (or None)."""
    if value is not None and not _ID_RE.fullmatch(value):  # fullmatch: "$" would let a final newline in
        raise ValueError(
            _(
                "{field}: {value!r} is not an id of the form namespace:local (lower-case namespace, e.g. {example})"
            ).format(field=attribute.name, value=value, example="limburg:resoc")
        )


def check_ids(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """A validator: every value is an id ``namespace:local``."""
    for v in value:
        check_id(_inst, attribute, v)


@attrs.frozen
class OneOf:
    """A validator: the value is one of ``allowed`` (or None).  Readers and the schema read ``allowed``."""

    allowed: frozenset[str]

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and value not in self.allowed:
            raise ValueError(
                _("{field}: {value!r} is not one of: {allowed}").format(
                    field=attribute.name, value=value, allowed=", ".join(sorted(self.allowed))
                )
            )


def one_of(*choices: str) -> OneOf:
    """A validator: the value is one of ``choices`` (or None)."""
    return OneOf(frozenset(choices))


def non_negative(_inst: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """A validator: a count that is not negative (or None)."""
    if value is not None and value < 0:
        raise ValueError(_("{field}: must not be negative, got {value}").format(field=attribute.name, value=value))


def finite(_inst: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    """A validator: an amount that is a number (not NaN, not infinite), or None."""
    if value is not None and not value.is_finite():
        raise ValueError(_("{field}: must be a finite amount, got {value}").format(field=attribute.name, value=value))


def ordered(_inst: object, attribute: attrs.Attribute[Any], value: Period) -> None:
    """A validator: a period that certainly ends before it starts is refused (one that may is left to ``check``)."""
    if isinstance(value, Period) and value.ends_before_start() is Truth.YES:
        raise ValueError(_("{field}: {value} ends before it starts").format(field=attribute.name, value=value))


def _at_most_out_of(inst: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    non_negative(inst, attribute, value)
    if value is not None and inst is not None and inst.count is not None and inst.count > value:
        raise ValueError(
            _("{field}: counts {count} of {value}; count cannot exceed {field}").format(
                field=attribute.name, count=inst.count, value=value
            )
        )


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """A converter: any iterable to a tuple (records are immutable)."""
    return tuple(value)


# ---------------------------------------------------------------- references, declared once
#
# A field that holds ids of other records says so in its attrs ``metadata`` (made by ``ref`` and
# ``refs`` below): whether it holds one id or a list, and the edge the graph draws for it.  The
# assembly's reference check, the readers, the exports and the graph all read it from there.

_META = "streekbeleid"


@attrs.frozen
class Reference:
    """What a reference field holds and the edge the graph makes of it.

    :param many: a list of ids (``themes``), or one id (``part_of``).
    :param edge: the kind of the edge drawn from the record to each id, or None for no edge.
    :param reverse: the edge runs from the id to the record (a territory's ``successor``
        *succeeds* it).
    """

    many: bool
    edge: str | None = None
    reverse: bool = False


@attrs.frozen
class EdgeRecord:
    """Declared on the ``id`` of a record that is an edge itself (a membership): its two ends and its kind.

    The edge runs from the id in field ``source`` to the id in field ``target``; its key is
    the record's id, its kind ``kind``, or the record's own ``kind`` when that is None.
    """

    source: str
    target: str
    kind: str | None = None


@attrs.frozen
class Contains:
    """Declared on a field of records with ids of their own (a plan's items): each is an ``edge`` to its holder."""

    edge: str


def own_id(edge: EdgeRecord | None = None) -> Any:
    """The field of a record's own id; ``edge`` when the record is an edge of the graph."""
    return attrs.field(validator=check_id, metadata={_META: edge} if edge else {})


def ref(edge: str | None = None, *, reverse: bool = False, required: bool = False) -> Any:
    """A field holding one id of another record (None when not ``required``), drawn as an ``edge``."""
    meta = {_META: Reference(many=False, edge=edge, reverse=reverse)}
    if required:
        return attrs.field(validator=check_id, metadata=meta)
    return attrs.field(default=None, validator=check_id, metadata=meta)


def refs(edge: str | None = None) -> Any:
    """A field holding a list of ids of other records, each drawn as an ``edge``."""
    meta = {_META: Reference(many=True, edge=edge)}
    return attrs.field(default=(), converter=to_tuple, validator=check_ids, metadata=meta)


def contains(edge: str) -> Any:
    """A field holding records with ids of their own, each drawn as an ``edge`` to the holder."""
    return attrs.field(default=(), converter=to_tuple, metadata={_META: Contains(edge)})


def reference_of(field: attrs.Attribute[Any]) -> Reference | None:
    """The :class:`Reference` a field is declared as, or None when it holds no ids of other records."""
    found = field.metadata.get(_META)
    return found if isinstance(found, Reference) else None


def references_of(cls: type) -> dict[str, Reference]:
    """The reference fields of a record class, in field order: name -> :class:`Reference`."""
    return dict(_plan(cls).references)


def edge_record_of(cls: type) -> EdgeRecord | None:
    """How a record class is an edge of the graph (:class:`EdgeRecord`), or None for a node."""
    return _plan(cls).edge_record


def contained_of(cls: type) -> tuple[tuple[str, Contains], ...]:
    """The fields of a record class holding records with ids of their own (a plan's items)."""
    return _plan(cls).contains


def reference_plan(cls: type) -> tuple[tuple[str, Reference | None], ...]:
    """Where a record's references are, in field order: (field, its :class:`Reference`), or
    (field, None) for a field of nested records that hold references themselves."""
    return _plan(cls).walk


@attrs.frozen
class _Plan:
    references: tuple[tuple[str, Reference], ...]
    walk: tuple[tuple[str, Reference | None], ...]
    edge_record: EdgeRecord | None
    contains: tuple[tuple[str, Contains], ...]


_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _make_plan(cls)
    return plan


def _make_plan(cls: type) -> _Plan:
    try:
        hints = typing.get_type_hints(cls)
    except NameError:  # a type named only for type checkers (a check's function): no records in it
        hints = {}
    fields = attrs.fields(cls)
    declared = {f.name: f.metadata.get(_META) for f in fields}
    direct = tuple((name, meta) for name, meta in declared.items() if isinstance(meta, Reference))
    walk: list[tuple[str, Reference | None]] = []
    for field in fields:
        meta = declared[field.name]
        if isinstance(meta, Reference):
            walk.append((field.name, meta))
        elif any(
            bool(direct) if inner is cls else bool(_plan(inner).walk) for inner in _records_in(hints.get(field.name))
        ):
            walk.append((field.name, None))  # records that hold references: walked into
    edge_records = [meta for meta in declared.values() if isinstance(meta, EdgeRecord)]
    held = tuple((name, meta) for name, meta in declared.items() if isinstance(meta, Contains))
    return _Plan(direct, tuple(walk), edge_records[0] if edge_records else None, held)


def _records_in(tp: Any) -> list[type]:
    """The attrs classes a field type holds: ``X``, ``X | None``, ``tuple[X, ...]``."""
    return [a for a in (tp, *typing.get_args(tp)) if isinstance(a, type) and attrs.has(a)]


def _valid() -> Any:
    return attrs.field(default=ALWAYS, validator=ordered)


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from: a document (seed file name or URL) and an optional quote or locator.

    ``inference`` is set when the record says more than the document does: it gives the
    reasoning that leads from what the document says (the quote) to what the record
    claims ("the seed says 'de sociale partners'; read as the seven organisations seated
    in RESOC"). Such a record is an inference, and the model, ``show``, the report and
    every export say so (:func:`inferences_of`).

    A locator that is not a literal quote (a note in our own words, written in English) may have its Dutch in
    ``locator_nl``, and the reasoning of an inference its Dutch in ``inference_nl``: a person reads the one of
    the language in use.  A quote is never translated.
    """

    document: str
    locator: str | None = None
    inference: str | None = None
    locator_nl: str | None = None
    inference_nl: str | None = None

    @classmethod
    def of(cls, value: str | Source) -> Source:
        """A source from a bare document name (data files may write a source so), or the source itself.

        >>> Source.of("provinces.csv")
        Source(document='provinces.csv', locator=None, inference=None, locator_nl=None, inference_nl=None)
        """
        return cls(document=value) if isinstance(value, str) else value


def inferences_of(record: Any) -> tuple[Source, ...]:
    """The sources of a record (or of a part of it: a seat group, a cadence rule) that carry an inference.

    A record with any is an inference: it claims more than its documents say, for the
    reasons the sources give.  Nested parts (seat groups, cadence rules, region parts,
    indicators) are included; plan items are records of their own and are not.

    >>> from streekbeleid.model.records import Source, Theme
    >>> t = Theme(id="x:t", name="T", sources=[Source(document="d.txt", locator="q", inference="read as T")])
    >>> [s.inference for s in inferences_of(t)]
    ['read as T']
    """
    found = [s for s in getattr(record, "sources", ()) if s.inference]
    for name in ("seat_groups", "cadence", "parts", "indicators", "share_rules", "budgets", "transactions"):
        for part in getattr(record, name, ()):
            found.extend(s for s in getattr(part, "sources", ()) if s.inference)
    return tuple(found)


#: Schemes of official identifiers: the enterprise number (KBO/BCE), the Flemish OVO code, a Wikidata
#: item, a NIS (REFNIS) code.
IDENTIFIER_SCHEMES = ("kbo", "ovo", "wikidata", "nis")


@attrs.frozen(kw_only=True)
class Identifier:
    """An official identifier of a record in a scheme (``kbo`` 0123.456.789, ``wikidata`` Q42 ...), with its source."""

    scheme: str = attrs.field(validator=one_of(*IDENTIFIER_SCHEMES))
    identifier: str
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


def _identifiers() -> Any:
    return attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- territory


TERRITORY_LEVELS = ("region", "province", "arrondissement", "municipality")


@attrs.frozen(kw_only=True)
class Territory:
    """An administrative unit with a NIS code: Flanders, a province, an arrondissement, a municipality."""

    id: str = own_id()
    name: str
    level: str = attrs.field(validator=one_of(*TERRITORY_LEVELS))
    nis: str | None = None
    part_of: str | None = ref("part_of")
    successor: str | None = ref("succeeds", reverse=True)
    valid: Period = _valid()
    identifiers: tuple[Identifier, ...] = _identifiers()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class RegionPart:
    """A territory that belongs to a region for a period."""

    territory: str = ref("includes", required=True)
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Region:
    """A named set of territories; may nest (``part_of``) and change over time.

    ``parts_known`` is false when the sources do not say which territories the
    region holds (e.g. the five LIRES subregions): queries then answer "unknown"
    instead of "none".
    """

    id: str = own_id()
    name: str
    kind: str = "streek"
    parts: tuple[RegionPart, ...] = attrs.field(default=(), converter=to_tuple)
    parts_known: bool = True
    part_of: str | None = ref("part_of")
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- organisation history: names per period


@attrs.frozen(kw_only=True)
class OtherName:
    """A name an organisation bore for a period besides its ``name`` (Popolo ``other_names``): a former name.

    The record's ``name`` is the name it is known by; an other name with a period says
    when the organisation was called so ("RESOC Zuid-Oost-Vlaanderen" until a rename).
    """

    name: str
    note: str | None = None
    valid: Period = attrs.field(default=ALWAYS, validator=ordered)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


def _other_names() -> Any:
    return attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- actors


ACTOR_KINDS = (
    "government",
    "provincial_government",
    "municipal_government",
    "agency",
    "employers_organisation",
    "trade_union",
    "nonprofit",
    "intermunicipal_association",
    "development_company",
    "expert",
    "university",
    "consultancy",
    "fund",
    "staff",
    "other",
)


@attrs.frozen(kw_only=True)
class Actor:
    """An organisation that takes part in regional policy (VOKA, VDAB, ERSV Limburg vzw ...)."""

    id: str = own_id()
    name: str
    kind: str = attrs.field(validator=one_of(*ACTOR_KINDS))
    abbreviation: str | None = None
    territory: str | None = ref("represents")
    part_of: str | None = ref("part_of")
    description: str | None = None
    description_nl: str | None = None
    other_names: tuple[OtherName, ...] = _other_names()
    valid: Period = _valid()
    identifiers: tuple[Identifier, ...] = _identifiers()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Person:
    """A person, recorded only in a public role that a public source names: the holder of a public office, the
    chair of a body, an organisation's delegate in it, an expert.  Nothing private (see docs/persons.md)."""

    id: str = own_id()
    name: str
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    identifiers: tuple[Identifier, ...] = _identifiers()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Post:
    """A position in an organisation, independent of who holds it (Popolo ``Post``)."""

    id: str = own_id()
    label: str
    organization: str = ref("post_in", required=True)
    role: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- bodies


@attrs.frozen(kw_only=True)
class SeatAllocation:
    """Seats of a seat group held by one organisation (Voka: 4 of the employers' 8)."""

    member: str = ref(required=True)
    seats: int = attrs.field(validator=non_negative)


@attrs.frozen(kw_only=True)
class SeatGroup:
    """A group of seats in a body, with an exact count or a minimum, voting or advisory."""

    name: str
    seats: int | None = attrs.field(default=None, validator=non_negative)
    min_seats: int | None = attrs.field(default=None, validator=non_negative)
    voting: bool | None = None
    allocations: tuple[SeatAllocation, ...] = attrs.field(default=(), converter=to_tuple)
    description: str | None = None
    description_nl: str | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


def _positive(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 1:
        raise ValueError(_("{field}: must be at least 1, got {value}").format(field=attribute.name, value=value))


def _decision_kind(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value not in DECISION_KINDS:
        raise ValueError(
            _("{field}: {value!r} is not one of: {allowed}").format(
                field=attribute.name, value=value, allowed=", ".join(sorted(DECISION_KINDS))
            )
        )


@attrs.frozen(kw_only=True)
class CadenceRule:
    """How often a body must meet: at least ``min_meetings`` (at most ``max_meetings``) per ``every`` ``per``.

    ``every`` counts in blocks of several years or months: ``every: 2, per: year`` is "once every two years".
    With ``decision`` (a decision kind) the rule counts the body's dated decisions of that kind, about
    ``subject`` when given, instead of its meetings: a pact's biennial evaluation is
    ``{decision: evaluate, subject: <the pact>, min_meetings: 1, max_meetings: 1, every: 2}``.
    """

    min_meetings: int | None = attrs.field(default=None, validator=non_negative)
    max_meetings: int | None = attrs.field(default=None, validator=non_negative)
    per: Literal["year", "month"] = attrs.field(default="year", validator=one_of("year", "month"))
    every: int = attrs.field(default=1, validator=_positive)
    decision: str | None = attrs.field(default=None, validator=_decision_kind)
    subject: str | None = ref()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


BODY_KINDS = (
    "resoc",
    "serr",
    "taskforce",
    "mayors_conference",
    "forum",
    "working_group",
    "council",
    "board",
    "partnership",
    "other",
)


@attrs.frozen(kw_only=True)
class Body:
    """A body where actors sit together: RESOC, SERR, a task force, a mayors' conference ...

    ``decides`` is true when the body takes binding decisions, false when it only advises
    (OParl's ``authoritative``), None when the sources do not say.  ``size`` is the body's
    total number of seats when the sources declare it ("a council of 25 members"), None when
    they do not; the ``body-size`` check holds the seat groups and the members to it.
    """

    id: str = own_id()
    name: str
    kind: str = attrs.field(validator=one_of(*BODY_KINDS))
    abbreviation: str | None = None
    region: str | None = ref("covers")
    seat_groups: tuple[SeatGroup, ...] = attrs.field(default=(), converter=to_tuple)
    cadence: tuple[CadenceRule, ...] = attrs.field(default=(), converter=to_tuple)
    size: int | None = attrs.field(default=None, validator=non_negative)
    decides: bool | None = None
    description: str | None = None
    description_nl: str | None = None
    other_names: tuple[OtherName, ...] = _other_names()
    valid: Period = _valid()
    identifiers: tuple[Identifier, ...] = _identifiers()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


MEMBERSHIP_ROLES = (
    "chair",
    "vice_chair",
    "member",
    "observer",
    "expert",
    "secretariat",
    "staff",
    "facilitator",
    "office_holder",
    "delegate",
)


@attrs.frozen(kw_only=True)
class Membership:
    """A member (actor, person, body or territory's government) in a body or organisation.

    A territory as member stands for its government (a municipality's college or council).  A person
    sits in a role: ``chair``, ``vice_chair``, ``office_holder`` (with a ``post``), ``expert``, or
    ``delegate``, sent by the organisation in ``on_behalf_of``.
    """

    id: str = own_id(EdgeRecord(source="member", target="organization", kind="member_of"))
    organization: str = ref(required=True)
    member: str = ref(required=True)
    role: str = attrs.field(default="member", validator=one_of(*MEMBERSHIP_ROLES))
    seat_group: str | None = None
    seats: int = attrs.field(default=1, validator=non_negative)
    voting: bool | None = None
    on_behalf_of: str | None = ref()
    post: str | None = ref()
    label: str | None = None
    term: str | None = ref("during_term")
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- plans


@attrs.frozen(kw_only=True)
class Theme:
    """A policy theme in the shared taxonomy (``theme:mobility``), with a broader theme."""

    id: str = own_id()
    name: str
    name_nl: str | None = None
    broader: str | None = ref("broader")
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Baseline:
    year: int
    value: str


@attrs.frozen(kw_only=True)
class IndicatorPeriod:
    valid: Period = attrs.field(validator=ordered)
    target: str | None = None
    actual: str | None = None


@attrs.frozen(kw_only=True)
class Indicator:
    """An IATI-style indicator: measure, direction, baseline, and target/actual per period."""

    name: str
    measure: str = attrs.field(
        default="unit", validator=one_of("unit", "percentage", "nominal", "ordinal", "qualitative")
    )
    ascending: bool = True
    baseline: Baseline | None = None
    periods: tuple[IndicatorPeriod, ...] = attrs.field(default=(), converter=to_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


PLAN_ITEM_KINDS = ("priority", "objective", "action", "line")


@attrs.frozen(kw_only=True)
class PlanItem:
    """A node in a plan's tree: a priority, an objective, an action or a line of action.

    ``lead`` is the actor that leads it; ``co_leads`` are actors that lead it together with
    ``lead``, on an equal footing (an action "led jointly by X and Y"): :attr:`leads` gives all.
    """

    id: str = own_id()
    kind: str = attrs.field(validator=one_of(*PLAN_ITEM_KINDS))
    name: str
    number: str | None = None
    description: str | None = None
    description_nl: str | None = None
    themes: tuple[str, ...] = refs("about")
    lead: str | None = ref("led_by")
    co_leads: tuple[str, ...] = refs("led_by")
    partners: tuple[str, ...] = refs("partner")
    status: str | None = None
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=to_tuple)
    #: How much the item counts in its parent's progress beside its siblings (None: 1, all equal; docs/progress.md).
    weight: int | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.gt(0)))
    items: tuple[PlanItem, ...] = contains("part_of")
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    @property
    def leads(self) -> tuple[str, ...]:
        """Every actor that leads the item: ``lead`` and its ``co_leads``, in that order."""
        return (self.lead, *self.co_leads) if self.lead else self.co_leads

    def walk(self) -> Iterable[PlanItem]:
        """This item and all items below it, depth first."""
        yield self
        for child in self.items:
            yield from child.walk()


PLAN_KINDS = (
    "streekpact",
    "strategic_plan",
    "implementation_plan",
    "development_plan",
    "action_plan",
    "future_plan",
    "expert_report",
    "call",
    "other",
)


@attrs.frozen(kw_only=True)
class Plan:
    """A pact or plan: kind, period (``valid``), owner, region, themes and a tree of items."""

    id: str = own_id()
    name: str
    kind: str = attrs.field(validator=one_of(*PLAN_KINDS))
    title: str | None = None
    owner: str | None = ref("owned_by")
    region: str | None = ref("covers")
    status: str | None = None
    themes: tuple[str, ...] = refs("about")
    items: tuple[PlanItem, ...] = contains("part_of")
    share_rules: tuple[ShareRule, ...] = attrs.field(default=(), converter=to_tuple)
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)

    def walk(self) -> Iterable[PlanItem]:
        """Every item of the plan, depth first."""
        for item in self.items:
            yield from item.walk()


@attrs.frozen(kw_only=True)
class Project:
    """A project (a lever project, an ESF project) with a promoter and partners."""

    id: str = own_id()
    name: str
    promoter: str | None = ref("promoted_by")
    partners: tuple[str, ...] = refs("partner")
    plan: str | None = ref("part_of")
    region: str | None = ref("covers")
    themes: tuple[str, ...] = refs("about")
    reference: str | None = None
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- decisions and events


@attrs.frozen(kw_only=True)
class VoteCount:
    yes: int | None = attrs.field(default=None, validator=non_negative)
    no: int | None = attrs.field(default=None, validator=non_negative)
    abstain: int | None = attrs.field(default=None, validator=non_negative)


DECISION_KINDS = (
    "approve",
    "endorse",
    "submit",
    "adopt",
    "advise",
    "fund",
    "select",
    "evaluate",
    "establish",
    "other",
)


#: How a decision came out; None on a decision means the sources do not say.  ``adopted_with_remarks``:
#: adopted, with remarks or conditions attached (an advice "gunstig met opmerkingen"): it counts as adopted.
DECISION_OUTCOMES = ("adopted", "adopted_with_remarks", "rejected", "postponed")

#: The outcomes that adopt: a decision with one of these (or with none recorded, for its kind) counts as adopted.
ADOPTING_OUTCOMES = frozenset({"adopted", "adopted_with_remarks"})


def _since_date(self: Any) -> Period:
    return Period.since(self.date) if self.date is not None else ALWAYS


@attrs.frozen(kw_only=True)
class Decision:
    """A decision of a body, council or actor about a subject, on a date.

    ``authoritative`` says whether the decider decides (true) or only advises (false).
    ``unanimous`` may be known without the vote counts.  ``outcome`` is None when the
    sources do not say how the decision came out (a submission, a presentation): no
    export then claims a result.  A decision to approve, endorse or adopt with no
    outcome still counts as what its kind says unless its outcome is ``rejected`` or
    ``postponed``; ``adopted_with_remarks`` counts as adopted, its remarks (when the
    sources give them) in ``description``.
    """

    id: str = own_id()
    kind: str = attrs.field(validator=one_of(*DECISION_KINDS))
    by: str = ref("decided_by", required=True)
    subject: str = ref("concerns", required=True)
    date: PartialDate | None = None
    outcome: str | None = attrs.field(default=None, validator=one_of(*DECISION_OUTCOMES))
    recipient: str | None = ref("addressed_to")
    meeting: str | None = ref("taken_at")
    votes: VoteCount | None = None
    unanimous: bool | None = None
    authoritative: bool | None = None
    description: str | None = None
    description_nl: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(_since_date, takes_self=True), validator=ordered)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Tally:
    """A count of like decisions whose deciders are not all named: "42 of the 44 municipal councils endorsed".

    ``by`` names the kind of decider (``municipal_council``) or the group (``social_partners``);
    ``among`` the region or territory they belong to; ``count`` of ``out_of`` decided;
    ``named`` lists the deciders that are known, if any.  ``count`` is None when the sources
    say that a group decided but not how many of it ("the social partners endorsed the pact"):
    the count is then unknown, never 0 and never all.
    """

    id: str = own_id()
    kind: str = attrs.field(validator=one_of(*DECISION_KINDS))
    subject: str = ref("concerns", required=True)
    by: str
    among: str | None = ref("among")
    count: int | None = attrs.field(default=None, validator=non_negative)
    out_of: int | None = attrs.field(default=None, validator=_at_most_out_of)
    named: tuple[str, ...] = refs("decided_by")
    date: PartialDate | None = None
    description: str | None = None
    description_nl: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(_since_date, takes_self=True), validator=ordered)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


FUNDING_KINDS = ("subsidy", "co_financing", "fund", "esf", "other")


def fraction(_inst: object, attribute: attrs.Attribute[Any], value: Decimal | None) -> None:
    """A validator: a share as a number from 0 to 1 (0.5 is half), or None."""
    if value is not None and not (value.is_finite() and 0 <= value <= 1):
        raise ValueError(
            _("{field}: a share is a number from 0 to 1 (0.5 for half), got {value}").format(
                field=attribute.name, value=value
            )
        )


#: Budgets as IATI has them: the ``original`` one and a ``revised`` one.
BUDGET_KINDS = ("original", "revised")

#: Transactions as IATI has them: money ``commitment`` s (promised) and ``payment`` s (paid out).
TRANSACTION_KINDS = ("commitment", "payment")


@attrs.frozen(kw_only=True)
class Budget:
    """The money planned for a funding over a period (IATI ``budget``): the ``original`` budget or a ``revised`` one.

    ``amount`` is None when the sources give no figure: the budget is then known to exist, not how large it is.
    """

    kind: str = attrs.field(default="original", validator=one_of(*BUDGET_KINDS))
    amount: Decimal | None = attrs.field(default=None, validator=finite)
    currency: str = "EUR"
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Transaction:
    """Money committed or paid under a funding on a date (IATI ``transaction``); ``amount`` None when not known."""

    kind: str = attrs.field(validator=one_of(*TRANSACTION_KINDS))
    amount: Decimal | None = attrs.field(default=None, validator=finite)
    currency: str = "EUR"
    date: PartialDate | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


#: Who co-finances, as a call's rule names them.
SHARE_PARTIES = ("local", "flemish", "federal", "european", "other")


@attrs.frozen(kw_only=True)
class ShareRule:
    """A call's rule on the co-financing of the partnerships that answer it: "at least 50% local".

    The money counted is every funding of an answer (the plan and its projects) except the
    programme's own (kind ``esf``); ``party``'s share of it must lie between ``min_share`` and
    ``max_share`` (numbers from 0 to 1).  A funder belongs to the party when its actor kind is
    one of ``funder_kinds`` or it is (part of) one of ``funders``.
    """

    party: str = attrs.field(validator=one_of(*SHARE_PARTIES))
    min_share: Decimal | None = attrs.field(default=None, validator=fraction)
    max_share: Decimal | None = attrs.field(default=None, validator=fraction)
    funder_kinds: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=attrs.validators.deep_iterable(one_of(*ACTOR_KINDS))
    )
    funders: tuple[str, ...] = refs()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Funding:
    """Money from a funder to a recipient for a subject (plan or project).

    ``amount`` is the sum a source names without a kind or period; ``budgets`` and
    ``transactions`` hold the money as IATI does (see :mod:`streekbeleid.queries.money`);
    ``share`` is this funding's part of the money for its subject, from 0 to 1.
    """

    id: str = own_id()
    kind: str = attrs.field(validator=one_of(*FUNDING_KINDS))
    funder: str = ref("funded_by", required=True)
    recipient: str | None = ref("received_by")
    subject: str | None = ref("concerns")
    amount: Decimal | None = attrs.field(default=None, validator=finite)
    currency: str = "EUR"
    share: Decimal | None = attrs.field(default=None, validator=fraction)
    budgets: tuple[Budget, ...] = attrs.field(default=(), converter=to_tuple)
    transactions: tuple[Transaction, ...] = attrs.field(default=(), converter=to_tuple)
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of a body on a (partial) date."""

    id: str = own_id()
    body: str = ref("meeting_of", required=True)
    date: PartialDate
    name: str | None = None
    description: str | None = None
    description_nl: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(lambda self: Period.on(self.date), takes_self=True))
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


LINEAGE_KINDS = ("succeeds", "deepens", "revises", "subscribes_to", "replaces", "implements")


@attrs.frozen(kw_only=True)
class Lineage:
    """A typed link from a newer plan or organisation to an older one (``subject`` succeeds ``object``)."""

    id: str = own_id(EdgeRecord(source="subject", target="object"))
    kind: str = attrs.field(validator=one_of(*LINEAGE_KINDS))
    subject: str = ref(required=True)
    object: str = ref(required=True)
    date: PartialDate | None = None
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


RELATION_KINDS = (
    "reports_to",
    "steered_by",
    "supported_by",
    "facilitated_by",
    "promoted_by",
    "part_of",
    "integrated_with",
    "legal_vehicle_of",
    "cooperates_with",
    "prepares_for",
)


@attrs.frozen(kw_only=True)
class Relation:
    """A typed, dated relation between two organisations or bodies (task force reports to mayors)."""

    id: str = own_id(EdgeRecord(source="subject", target="object"))
    kind: str = attrs.field(validator=one_of(*RELATION_KINDS))
    subject: str = ref(required=True)
    object: str = ref(required=True)
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- organisation history: change events

#: How organisations change (W3C ORG ``ChangeEvent``): ``rename`` (the same organisation under a new name),
#: ``merger`` (the originals end and form the resulting one), ``integration`` (the originals' work goes on in
#: the resulting organisation; whether an original ends is left to its own period), ``split`` and
#: ``dissolution`` (the originals end, nothing results).
ORGANISATION_CHANGE_KINDS = ("rename", "merger", "integration", "split", "dissolution")

#: The change kinds after which an original organisation no longer exists (unless it is also a result).
ENDING_CHANGE_KINDS = ("merger", "split", "dissolution")


@attrs.frozen(kw_only=True)
class OrganisationChange:
    """A dated change of organisations or bodies (W3C ORG ``ChangeEvent``): a rename, merger, integration ...

    ``original`` are the organisations before the change, ``resulting`` those after it
    (``org:originalOrganization`` / ``org:resultingOrganization``); ``date`` is the day it
    took effect (partial when the sources say no more).  The regional work of RESOC
    Zuid-Oost-Vlaanderen was integrated into SOLVA on 2019-01-01: an ``integration`` with
    the RESOC as original and SOLVA as resulting organisation.
    """

    id: str = own_id()
    kind: str = attrs.field(validator=one_of(*ORGANISATION_CHANGE_KINDS))
    original: tuple[str, ...] = refs("changes")
    resulting: tuple[str, ...] = refs("results_in")
    date: PartialDate | None = None
    description: str | None = None
    description_nl: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(_since_date, takes_self=True), validator=ordered)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- legislative terms and documents


#: The levels of government whose councils are elected for a legislative term.
TERM_LEVELS = ("municipality", "province")


@attrs.frozen(kw_only=True)
class LegislativeTerm:
    """A legislature of the councils of one level: OParl's ``LegislativeTerm``, Popolo's legislative period,
    OSLO's *bestuursperiode* (the municipal councils of 2019-2024).

    A membership that holds a mandate names the term it was held in (``Membership.term``).
    """

    id: str = own_id()
    name: str
    level: str = attrs.field(validator=one_of(*TERM_LEVELS))
    description: str | None = None
    description_nl: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


#: What a document is: the text of a pact, its summary, a council's decision, a web page ...
DOCUMENT_KINDS = (
    "pact_text",
    "summary",
    "decision",
    "minutes",
    "presentation",
    "press_release",
    "web_page",
    "legislation",
    "other",
)


@attrs.frozen(kw_only=True)
class Document:
    """A document about plans, decisions, meetings or bodies (OParl ``Paper`` and ``File``, ELI).

    ``about`` lists the records the document is about; ``url`` is where it can be read,
    ``eli`` its European Legislation Identifier where one exists, ``language`` a BCP 47
    tag (``nl``).  Unknown fields stay empty: nothing is guessed.
    """

    id: str = own_id()
    title: str
    kind: str = attrs.field(validator=one_of(*DOCUMENT_KINDS))
    about: tuple[str, ...] = refs("document_of")
    date: PartialDate | None = None
    url: str | None = None
    eli: str | None = None
    language: str | None = None
    description: str | None = None
    description_nl: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(_since_date, takes_self=True), validator=ordered)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


# ---------------------------------------------------------------- checks


@attrs.frozen(kw_only=True)
class Problem:
    """A finding of a check: severity, rule, the ids concerned, a message and sources."""

    severity: Literal["error", "warning", "info"] = attrs.field(validator=one_of("error", "warning", "info"))
    rule: str
    ids: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    message: str
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen(kw_only=True)
class Check:
    """A named rule contributed by a plugin: ``function(model)`` yields :class:`Problem` s."""

    name: str
    function: Callable[[Model], Iterable[Problem]] = attrs.field(eq=False)
    description: str = ""


Record = (
    Territory
    | Region
    | Actor
    | Person
    | Post
    | Body
    | Membership
    | Theme
    | Plan
    | PlanItem
    | Project
    | Decision
    | Tally
    | Funding
    | Meeting
    | Lineage
    | Relation
    | OrganisationChange
    | LegislativeTerm
    | Document
)

#: The record kinds a data file may hold, by their key in the file, in loading order.
RECORD_KINDS: dict[str, type[Any]] = {
    "territories": Territory,
    "regions": Region,
    "actors": Actor,
    "persons": Person,
    "posts": Post,
    "bodies": Body,
    "memberships": Membership,
    "themes": Theme,
    "plans": Plan,
    "projects": Project,
    "decisions": Decision,
    "tallies": Tally,
    "fundings": Funding,
    "meetings": Meeting,
    "lineage": Lineage,
    "relations": Relation,
    "organisation_changes": OrganisationChange,
    "terms": LegislativeTerm,
    "documents": Document,
}
