"""The records of the governance model.

Every record is an immutable, slotted attrs class.  Records that stand for a
thing carry a stable ``id`` (``namespace:local``), a ``valid`` period and
``sources``.  Relations between records are ids, resolved when the model is
assembled.  No record knows how it is serialised (see
:mod:`streekbeleid.serialization`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .dates import ALWAYS, PartialDate, Period

if TYPE_CHECKING:
    from .model import Model

__all__ = [
    "ID_PATTERN",
    "Source",
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
    "Decision",
    "Tally",
    "Funding",
    "Meeting",
    "Lineage",
    "Relation",
    "Problem",
    "Check",
    "Record",
    "RECORD_KINDS",
    "namespace_of",
]

ID_PATTERN = r"^[a-z][a-z0-9_]*:[A-Za-z0-9][A-Za-z0-9._\-/#]*$"
_ID_RE = re.compile(ID_PATTERN)


def namespace_of(record_id: str) -> str:
    """The namespace of an id: ``namespace_of("limburg:resoc") == "limburg"``."""
    return record_id.partition(":")[0]


def _check_id(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _ID_RE.fullmatch(value):  # fullmatch: "$" would let a final newline in
        raise ValueError(
            f"{attribute.name}: {value!r} is not an id of the form namespace:local "
            "(lower-case namespace, e.g. limburg:resoc)"
        )


def _check_ids(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for v in value:
        _check_id(_inst, attribute, v)


@attrs.frozen
class OneOf:
    """A validator: the value is one of ``allowed`` (or None).  Readers and the schema read ``allowed``."""

    allowed: frozenset[str]

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and value not in self.allowed:
            raise ValueError(f"{attribute.name}: {value!r} is not one of: {', '.join(sorted(self.allowed))}")


def _one_of(*choices: str) -> OneOf:
    return OneOf(frozenset(choices))


def _non_negative(_inst: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name}: must not be negative, got {value}")


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _id() -> Any:
    return attrs.field(validator=_check_id)


def _ref() -> Any:
    return attrs.field(default=None, validator=_check_id)


def _valid() -> Any:
    return attrs.field(default=ALWAYS)


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from: a document (seed file name or URL) and an optional quote or locator."""

    document: str
    locator: str | None = None


# ---------------------------------------------------------------- territory


TERRITORY_LEVELS = ("region", "province", "arrondissement", "municipality")


@attrs.frozen(kw_only=True)
class Territory:
    """An administrative unit with a NIS code: Flanders, a province, an arrondissement, a municipality."""

    id: str = _id()
    name: str
    level: str = attrs.field(validator=_one_of(*TERRITORY_LEVELS))
    nis: str | None = None
    part_of: str | None = _ref()
    successor: str | None = _ref()
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class RegionPart:
    """A territory that belongs to a region for a period."""

    territory: str = _id()
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class Region:
    """A named set of territories; may nest (``part_of``) and change over time.

    ``parts_known`` is false when the sources do not say which territories the
    region holds (e.g. the five LIRES subregions): queries then answer "unknown"
    instead of "none".
    """

    id: str = _id()
    name: str
    kind: str = "streek"
    parts: tuple[RegionPart, ...] = attrs.field(default=(), converter=_to_tuple)
    parts_known: bool = True
    part_of: str | None = _ref()
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


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

    id: str = _id()
    name: str
    kind: str = attrs.field(validator=_one_of(*ACTOR_KINDS))
    abbreviation: str | None = None
    territory: str | None = _ref()
    part_of: str | None = _ref()
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class Person:
    """A person, recorded only as the holder of a public office or an expert role."""

    id: str = _id()
    name: str
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class Post:
    """A position in an organisation, independent of who holds it (Popolo ``Post``)."""

    id: str = _id()
    label: str
    organization: str = _id()
    role: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


# ---------------------------------------------------------------- bodies


@attrs.frozen(kw_only=True)
class SeatAllocation:
    """Seats of a seat group held by one organisation (Voka: 4 of the employers' 8)."""

    member: str = _id()
    seats: int = attrs.field(validator=_non_negative)


@attrs.frozen(kw_only=True)
class SeatGroup:
    """A group of seats in a body, with an exact count or a minimum, voting or advisory."""

    name: str
    seats: int | None = attrs.field(default=None, validator=_non_negative)
    min_seats: int | None = attrs.field(default=None, validator=_non_negative)
    voting: bool | None = None
    allocations: tuple[SeatAllocation, ...] = attrs.field(default=(), converter=_to_tuple)
    description: str | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class CadenceRule:
    """How often a body must meet: at least ``min_meetings`` (at most ``max_meetings``) per ``per``."""

    min_meetings: int | None = attrs.field(default=None, validator=_non_negative)
    max_meetings: int | None = attrs.field(default=None, validator=_non_negative)
    per: Literal["year", "month"] = attrs.field(default="year", validator=_one_of("year", "month"))
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


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
    (OParl's ``authoritative``), None when the sources do not say.
    """

    id: str = _id()
    name: str
    kind: str = attrs.field(validator=_one_of(*BODY_KINDS))
    abbreviation: str | None = None
    region: str | None = _ref()
    seat_groups: tuple[SeatGroup, ...] = attrs.field(default=(), converter=_to_tuple)
    cadence: tuple[CadenceRule, ...] = attrs.field(default=(), converter=_to_tuple)
    decides: bool | None = None
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


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
)


@attrs.frozen(kw_only=True)
class Membership:
    """A member (actor, person, body or territory's government) in a body or organisation.

    A territory as member stands for its government (a municipality's college or council).
    """

    id: str = _id()
    organization: str = _id()
    member: str = _id()
    role: str = attrs.field(default="member", validator=_one_of(*MEMBERSHIP_ROLES))
    seat_group: str | None = None
    seats: int = attrs.field(default=1, validator=_non_negative)
    voting: bool | None = None
    on_behalf_of: str | None = _ref()
    post: str | None = _ref()
    label: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


# ---------------------------------------------------------------- plans


@attrs.frozen(kw_only=True)
class Theme:
    """A policy theme in the shared taxonomy (``theme:mobility``), with a broader theme."""

    id: str = _id()
    name: str
    name_nl: str | None = None
    broader: str | None = _ref()
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class Baseline:
    year: int
    value: str


@attrs.frozen(kw_only=True)
class IndicatorPeriod:
    valid: Period
    target: str | None = None
    actual: str | None = None


@attrs.frozen(kw_only=True)
class Indicator:
    """An IATI-style indicator: measure, direction, baseline, and target/actual per period."""

    name: str
    measure: str = attrs.field(
        default="unit", validator=_one_of("unit", "percentage", "nominal", "ordinal", "qualitative")
    )
    ascending: bool = True
    baseline: Baseline | None = None
    periods: tuple[IndicatorPeriod, ...] = attrs.field(default=(), converter=_to_tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


PLAN_ITEM_KINDS = ("priority", "objective", "action", "line")


@attrs.frozen(kw_only=True)
class PlanItem:
    """A node in a plan's tree: a priority, an objective, an action or a line of action."""

    id: str = _id()
    kind: str = attrs.field(validator=_one_of(*PLAN_ITEM_KINDS))
    name: str
    number: str | None = None
    description: str | None = None
    themes: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_ids)
    lead: str | None = _ref()
    partners: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_ids)
    status: str | None = None
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_to_tuple)
    items: tuple[PlanItem, ...] = attrs.field(default=(), converter=_to_tuple)
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)

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

    id: str = _id()
    name: str
    kind: str = attrs.field(validator=_one_of(*PLAN_KINDS))
    title: str | None = None
    owner: str | None = _ref()
    region: str | None = _ref()
    status: str | None = None
    themes: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_ids)
    items: tuple[PlanItem, ...] = attrs.field(default=(), converter=_to_tuple)
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)

    def walk(self) -> Iterable[PlanItem]:
        """Every item of the plan, depth first."""
        for item in self.items:
            yield from item.walk()


@attrs.frozen(kw_only=True)
class Project:
    """A project (a lever project, an ESF project) with a promoter and partners."""

    id: str = _id()
    name: str
    promoter: str | None = _ref()
    partners: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_ids)
    plan: str | None = _ref()
    region: str | None = _ref()
    themes: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_ids)
    reference: str | None = None
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


# ---------------------------------------------------------------- decisions and events


@attrs.frozen(kw_only=True)
class VoteCount:
    yes: int | None = attrs.field(default=None, validator=_non_negative)
    no: int | None = attrs.field(default=None, validator=_non_negative)
    abstain: int | None = attrs.field(default=None, validator=_non_negative)


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


def _since_date(self: Any) -> Period:
    return Period.since(self.date) if self.date is not None else ALWAYS


@attrs.frozen(kw_only=True)
class Decision:
    """A decision of a body, council or actor about a subject, on a date.

    ``authoritative`` says whether the decider decides (true) or only advises (false).
    ``unanimous`` may be known without the vote counts.
    """

    id: str = _id()
    kind: str = attrs.field(validator=_one_of(*DECISION_KINDS))
    by: str = _id()
    subject: str = _id()
    date: PartialDate | None = None
    outcome: str = attrs.field(default="adopted", validator=_one_of("adopted", "rejected", "postponed"))
    recipient: str | None = _ref()
    meeting: str | None = _ref()
    votes: VoteCount | None = None
    unanimous: bool | None = None
    authoritative: bool | None = None
    description: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(_since_date, takes_self=True))
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class Tally:
    """A count of like decisions whose deciders are not all named: "42 of the 44 municipal councils endorsed".

    ``by`` names the kind of decider (``municipal_council``); ``among`` the region or
    territory they belong to; ``count`` of ``out_of`` decided; ``named`` lists the deciders
    that are known, if any.
    """

    id: str = _id()
    kind: str = attrs.field(validator=_one_of(*DECISION_KINDS))
    subject: str = _id()
    by: str
    among: str | None = _ref()
    count: int = attrs.field(validator=_non_negative)
    out_of: int | None = attrs.field(default=None, validator=_non_negative)
    named: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_check_ids)
    date: PartialDate | None = None
    description: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(_since_date, takes_self=True))
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


FUNDING_KINDS = ("subsidy", "co_financing", "fund", "esf", "other")


@attrs.frozen(kw_only=True)
class Funding:
    """Money from a funder to a recipient for a subject (plan or project)."""

    id: str = _id()
    kind: str = attrs.field(validator=_one_of(*FUNDING_KINDS))
    funder: str = _id()
    recipient: str | None = _ref()
    subject: str | None = _ref()
    amount: Decimal | None = None
    currency: str = "EUR"
    share: str | None = None
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of a body on a (partial) date."""

    id: str = _id()
    body: str = _id()
    date: PartialDate
    name: str | None = None
    description: str | None = None
    valid: Period = attrs.field(default=attrs.Factory(lambda self: Period.on(self.date), takes_self=True))
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


LINEAGE_KINDS = ("succeeds", "deepens", "revises", "subscribes_to", "replaces", "implements")


@attrs.frozen(kw_only=True)
class Lineage:
    """A typed link from a newer plan or organisation to an older one (``subject`` succeeds ``object``)."""

    id: str = _id()
    kind: str = attrs.field(validator=_one_of(*LINEAGE_KINDS))
    subject: str = _id()
    object: str = _id()
    date: PartialDate | None = None
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


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

    id: str = _id()
    kind: str = attrs.field(validator=_one_of(*RELATION_KINDS))
    subject: str = _id()
    object: str = _id()
    description: str | None = None
    valid: Period = _valid()
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


# ---------------------------------------------------------------- checks


@attrs.frozen(kw_only=True)
class Problem:
    """A finding of a check: severity, rule, the ids concerned, a message and sources."""

    severity: Literal["error", "warning", "info"] = attrs.field(validator=_one_of("error", "warning", "info"))
    rule: str
    ids: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    message: str
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_to_tuple)


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
}
