"""The one cattrs converter of the project, and the shape of a data file (:class:`Dataset`)."""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.cols

from ..i18n import N_, _
from ..model.dates import DateBound, PartialDate, Period
from ..model.records import (
    RECORD_KINDS,
    Actor,
    Body,
    Decision,
    Document,
    Funding,
    LegislativeTerm,
    Lineage,
    Meeting,
    Membership,
    OrganisationChange,
    Person,
    Plan,
    Post,
    Project,
    Region,
    Relation,
    Source,
    Tally,
    Territory,
    Theme,
)
from ..model.workflow import WorkflowDefinition

__all__ = ["FORMAT", "Dataset", "converter", "describe", "structure", "unstructure"]

#: The version of the data format, written by exports and accepted by imports.
FORMAT = "streekbeleid/1"

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Dataset:
    """The contents of a data file: lists of records by kind.

    The same shape is the native JSON export of a whole model.
    """

    format: str | None = None
    territories: tuple[Territory, ...] = ()
    regions: tuple[Region, ...] = ()
    actors: tuple[Actor, ...] = ()
    persons: tuple[Person, ...] = ()
    posts: tuple[Post, ...] = ()
    bodies: tuple[Body, ...] = ()
    memberships: tuple[Membership, ...] = ()
    themes: tuple[Theme, ...] = ()
    plans: tuple[Plan, ...] = ()
    projects: tuple[Project, ...] = ()
    decisions: tuple[Decision, ...] = ()
    tallies: tuple[Tally, ...] = ()
    fundings: tuple[Funding, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    lineage: tuple[Lineage, ...] = ()
    relations: tuple[Relation, ...] = ()
    organisation_changes: tuple[OrganisationChange, ...] = ()
    terms: tuple[LegislativeTerm, ...] = ()
    documents: tuple[Document, ...] = ()
    #: Workflow definitions (procedures), not records: they go to ``Model.workflows``.
    workflows: tuple[WorkflowDefinition, ...] = ()

    def records(self) -> Iterable[Any]:
        """Every record of the dataset, kind by kind."""
        for kind in RECORD_KINDS:
            yield from getattr(self, kind)


# ------------------------------------------------------------------ converter


def _strict(tp: type, name: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _type: Any) -> Any:
        if type(value) is not tp and not (tp is int and type(value) is int):
            raise TypeError(_("expected {kind}, got {value}").format(kind=_(name), value=describe(value)))
        return value

    return hook


def describe(value: Any) -> str:
    """A value as an error message names it: ``text 'x'``, ``a list [1]``, ``nothing (null)``."""
    if value is None:
        return _("nothing (null)")
    kind = {
        str: N_("text"),
        int: N_("an integer"),
        bool: N_("true/false"),
        float: N_("a number"),
        list: N_("a list"),
        dict: N_("a mapping"),
    }
    found = kind.get(type(value))
    return f"{_(found) if found else type(value).__name__} {value!r}"[:120]


def _structure_period(value: Any, _type: Any) -> Period:
    try:
        return Period.parse(value)
    except ValueError as exc:
        raise ValueError(
            _("{error}; write a period as START/END, e.g. {example}").format(
                error=exc, example="2014/2019, 2014-03-11/.."
            )
        ) from None


def _structure_partial(value: Any, _type: Any) -> PartialDate:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(_("expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {value}").format(value=describe(value)))
    return PartialDate.parse(value)


def _structure_decimal(value: Any, _type: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError(_("expected an amount, got {value}").format(value=describe(value)))
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(
            _("not a number: {value!r} (write an amount as 1500.50, a share from 0 to 1 as 0.5)").format(value=value)
        ) from None


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=True)
    conv.register_structure_hook(str, _strict(str, N_("text")))
    conv.register_structure_hook(bool, _strict(bool, N_("true or false")))

    def _int(value: Any, _type: Any) -> int:
        if type(value) is not int:
            raise TypeError(_("expected an integer, got {value}").format(value=describe(value)))
        return value

    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook(Period, str)
    conv.register_structure_hook(PartialDate, _structure_partial)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(DateBound, lambda v, _: DateBound.parse(v))
    conv.register_unstructure_hook(DateBound, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)

    base_source = conv.get_structure_hook(Source)

    def _source(value: Any, tp: Any) -> Source:
        if isinstance(value, str):
            return Source.of(value)
        return base_source(value, tp)  # type: ignore[no-any-return]

    conv.register_structure_hook(Source, _source)
    conv.register_structure_hook_factory(_is_many, _strict_many)
    return conv


def _is_many(tp: Any) -> bool:
    """``tuple[X, ...]``: the type of every list field of a record."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _strict_many(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A list field takes a list (or a tuple), never text or a mapping: cattrs would iterate those."""
    inner = cattrs.cols.homogenous_tuple_structure_factory(tp, conv)

    def hook(value: Any, _type: Any) -> Any:
        if type(value) is not list and type(value) is not tuple:
            raise TypeError(_("expected a list, got {value}").format(value=describe(value)))
        return inner(value, tp)

    return hook


#: The project's converter.  Never use cattrs' global converter for our records.
converter = _make_converter()


def structure(data: Any, cls: type[T]) -> T:
    """Structure plain data into records with the project converter."""
    return converter.structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Unstructure records into plain, JSON-ready data (defaults omitted)."""
    return converter.unstructure(obj)
