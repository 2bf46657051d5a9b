"""Structure many records at once, a field at a time: the native JSON reader's fast path.

The project converter structures one record at a time, calling a hook per field and
the record's ``__init__`` with its validators: a few microseconds of Python per record.
Reading a file of a million records, most of that work is the same check repeated, so
this module does it a *column* at a time, in loops that run in C: the set of the types
found in a column against the types the field allows, the set of its values against a
field's choices, its smallest number against zero, every id of the file in one regular
expression, each distinct period text parsed once.  The records are then made with
``__new__`` and their slots filled column by column (``map`` over the slots' setters).

It is a fast path, not a second definition of the format: :meth:`Columns.structure_many`
either returns exactly what the project converter would return for the same data, or
raises :class:`Reject`, and the caller then lets the converter structure the data and
name its problems.  It rejects whenever it is not sure (a value of an unexpected type,
a bad value, anything that raises).  A class it cannot build a column at a time (a field
whose validator or converter it does not know, an ``__attrs_post_init__``, an ``__init__``
of its own) is built by the converter's hook, value by value, within the same call.  The
test suite checks both halves on random models and random damage to them.
"""

from __future__ import annotations

import re
import typing
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice, repeat
from operator import itemgetter, methodcaller
from types import MemberDescriptorType, NoneType, UnionType
from typing import Any, Literal

import attrs
import cattrs

from ..model.dates import PartialDate, Period, Truth
from ..model.records import (
    ID_PATTERN,
    OneOf,
    Source,
    check_id,
    check_ids,
    non_negative,
    ordered,
    reference_of,
    to_tuple,
)

__all__ = ["Reject", "Columns"]


class Reject(Exception):
    """The fast path cannot vouch for the data; the converter decides."""


class _Missing:
    """Stands for a key absent from a record's mapping."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()

# one id, and many ids on lines of their own
_ID = ID_PATTERN.removeprefix("^").removesuffix("$")
_IDS = re.compile(f"{_ID}(?:\n{_ID})*")


class _Call:
    """What one call gathers as it goes: the ids to match, each distinct period and date parsed once."""

    __slots__ = ("dates", "ids", "own_ids", "periods")

    def __init__(self) -> None:
        self.ids: list[Iterable[str]] = []  # columns of ids that repeat (references)
        self.own_ids: list[list[str]] = []  # columns of the records' own ids, distinct if the file is sound
        self.periods: dict[Any, Any] = {}
        self.dates: dict[Any, Any] = {None: None}  # an optional date may be null

    def check_ids(self) -> None:
        """Every id of the data against the id pattern, in one regular expression over their lines."""
        references = set(chain.from_iterable(self.ids))
        count = len(references) + sum(map(len, self.own_ids))
        if not count:
            return
        text = "\n".join(chain(references, *self.own_ids))
        # an id holding a line break would read as two ids: count the lines too
        if text.count("\n") != count - 1 or _IDS.fullmatch(text) is None:
            raise Reject("an id does not match the id pattern")


_Step = Callable[[list[Any], _Call], list[Any]]


def _consume(iterable: Iterable[Any]) -> None:
    deque(iterable, maxlen=0)


class Columns:
    """Structures lists of mappings into records for one converter; keeps its plans between calls.

    :param converter: the converter whose results this fast path reproduces, and whose hooks
        it falls back on for field types it has no column step for.
    """

    def __init__(self, converter: cattrs.Converter) -> None:
        self._converter = converter
        self._plans: dict[type, _Plan | None] = {}

    # ------------------------------------------------------------------ entry point

    def structure_many(self, rows: Sequence[Any], cls: type) -> list[Any]:
        """Structure every mapping of ``rows`` into ``cls``, or raise :class:`Reject`."""
        # the state of a call is its own: threads may share a Columns, and nothing is kept between calls
        call = _Call()
        try:
            out = self._build(cls, rows, call)
            call.check_ids()
        except Reject:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the converter names it
            raise Reject(f"{type(exc).__name__}: {exc}") from None
        return out

    def structure(self, data: Any, cls: type) -> Any:
        """Structure one mapping into ``cls``, or raise :class:`Reject`."""
        return self.structure_many([data], cls)[0]

    # ------------------------------------------------------------------ records

    def _build(self, cls: type, rows: Sequence[Any], call: _Call) -> list[Any]:
        plan = self._plan(cls)
        if plan is None:  # a class this module does not build: the converter's hook, one by one
            hook = self._converter.get_structure_hook(cls)
            return [hook(row, cls) for row in rows]
        n = len(rows)
        if not n:
            return []
        if not set(map(type, rows)) <= {dict}:
            raise Reject(f"{cls.__name__}: expected mappings")
        keys = set(chain.from_iterable(rows))
        if not keys <= plan.names:
            raise Reject(f"{cls.__name__}: unknown field")
        objs: list[Any] = list(map(object.__new__, repeat(cls, n)))
        later = []
        for name, get, setter, step, default, factory in plan.fields:
            if name in keys:
                values: Iterable[Any] = step(list(map(get, rows)), call)
            elif default is attrs.NOTHING:
                raise Reject(f"{cls.__name__}.{name}: required")
            else:  # a field no record states: its default, and no check to make
                values = [MISSING] * n if factory is not None else repeat(default, n)
            _consume(map(setter, objs, values))
            if factory is not None:
                later.append((setter, factory, values))
        for setter, factory, values in later:  # defaults computed from the other fields
            for obj, value in zip(objs, values, strict=True):
                if value is MISSING:
                    setter(obj, factory(obj))
        return objs

    def builds(self, cls: type) -> bool:
        """Whether this reader builds ``cls`` a column at a time (False: it leaves ``cls`` to the converter)."""
        return self._plan(cls) is not None

    def _plan(self, cls: type) -> _Plan | None:
        if cls not in self._plans:
            self._plans[cls] = self._make_plan(cls)
        return self._plans[cls]

    def _make_plan(self, cls: type) -> _Plan | None:
        """How to build ``cls`` a column at a time, or None to leave it to the converter."""
        if not attrs.has(cls) or hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
            return None
        code = getattr(cls.__init__, "__code__", None)
        if code is None or not code.co_filename.startswith("<attrs generated"):
            return None  # an __init__ of its own: it may do what the fields do not say
        fields = attrs.fields(cls)
        slots = set(getattr(cls, "__slots__", ())) - {"__weakref__"}
        if slots != {f.name for f in fields}:  # not slotted, or slots of its own (a cached hash)
            return None
        hints = typing.get_type_hints(cls)
        plan = []
        for field in fields:
            descriptor = cls.__dict__.get(field.name)
            if not field.init or field.alias != field.name or not isinstance(descriptor, MemberDescriptorType):
                return None
            if field.converter not in (None, to_tuple) or (
                field.validator not in (None, non_negative, ordered, _id_validator(field))
                and not isinstance(field.validator, OneOf)
            ):
                return None  # a converter or validator whose effect the column steps do not reproduce
            default = field.default
            factory = None
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                made = default.factory  # type: ignore[union-attr]
                factory = made if default.takes_self else (lambda _obj, made=made: made())  # type: ignore[union-attr]
                default = MISSING  # filled in once the other fields are set
            get = itemgetter(field.name) if default is attrs.NOTHING else methodcaller("get", field.name, MISSING)
            step = self._step(hints[field.name], field, default)
            plan.append((field.name, get, descriptor.__set__, step, default, factory))
        return _Plan(fields=plan, names=frozenset(f.name for f in fields))

    # ------------------------------------------------------------------ columns

    def _step(self, tp: Any, field: attrs.Attribute[Any], default: Any) -> _Step:
        """How to check and convert one field's column (missing values stand as MISSING)."""
        validator = field.validator
        hint, optional = tp, False
        args = typing.get_args(tp)
        if (typing.get_origin(tp) in (typing.Union, UnionType)) and NoneType in args:
            rest = [a for a in args if a is not NoneType]
            if len(rest) == 1:
                optional, tp, args = True, rest[0], typing.get_args(rest[0])
        choices = validator.allowed if isinstance(validator, OneOf) else None
        reference = reference_of(field)
        own = field.name == "id"
        if typing.get_origin(tp) is Literal and all(type(a) is str for a in args):
            choices = frozenset(args) & choices if choices is not None else frozenset(args)
            tp = str
        if tp in (str, int, bool):
            return self._scalar(
                tp,
                optional=optional,
                default=default,
                choices=choices,
                non_negative=validator is non_negative,
                ids=own or (reference is not None and not reference.many),
                own=own,
            )
        if tp is Period and not optional:
            parse = _ordered_period if validator is ordered else Period.parse
            return self._parsed(parse, (str,), "periods", default, optional=False)
        if tp is PartialDate:
            return self._parsed(PartialDate.parse, (str, int), "dates", default, optional=optional)
        if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis and not optional:
            inner = args[0]
            if inner is str or attrs.has(inner):
                return self._lists(inner, default, ids=reference is not None and reference.many)
        if attrs.has(tp) and optional and default is None:
            return self._one(tp)
        hook = self._converter.get_structure_hook(hint)
        return lambda column, _call: [default if v is MISSING else hook(v, hint) for v in column]

    def _scalar(
        self,
        tp: type,
        *,
        optional: bool,
        default: Any,
        choices: frozenset[str] | None,
        non_negative: bool,
        ids: bool,
        own: bool = False,
    ) -> _Step:
        allowed = {tp, NoneType} if optional else {tp}
        if default is not attrs.NOTHING:
            allowed.add(_Missing)
        if choices is not None and optional:
            choices = choices | {None}  # type: ignore[arg-type]
        fill = {MISSING: default}

        def step(column: list[Any], call: _Call) -> list[Any]:
            found = set(map(type, column))
            if not found <= allowed:
                raise Reject(f"expected {tp.__name__}")
            if _Missing in found:
                column = list(map(fill.get, column, column))
            if choices is not None and not set(column) <= choices:
                raise Reject("not one of the choices")
            if non_negative and min(filter(None, column), default=0) < 0:  # None and 0 are fine
                raise Reject("a negative count")
            if ids and own and not optional:
                call.own_ids.append(column)
            elif ids:
                call.ids.append(set(column) - {None} if optional else column)
            return column

        return step

    def _parsed(
        self,
        parse: Callable[[Any], Any],
        types: tuple[type, ...],
        cache_name: str,
        default: Any,
        *,
        optional: bool,
    ) -> _Step:
        allowed = {*types, _Missing} | ({NoneType} if optional else set())

        def step(column: list[Any], call: _Call) -> list[Any]:
            found = set(map(type, column))
            if not found <= allowed:
                raise Reject("expected a date or period text")
            cache = getattr(call, cache_name)
            for text in set(column) - cache.keys() - {MISSING}:
                cache[text] = parse(text)  # each distinct text once (None is in the dates' cache)
            return list(map(cache.get, column, repeat(default)))

        return step

    def _lists(self, inner: type, default: Any, *, ids: bool = False) -> _Step:
        """A list field (``tuple[X, ...]``): every list's items in one column of their own."""

        def step(column: list[Any], call: _Call) -> list[Any]:
            present = [v for v in column if v is not MISSING]
            if not set(map(type, present)) <= {list, tuple}:
                raise Reject("expected a list")
            items: list[Any] = list(chain.from_iterable(present))
            if inner is str:
                if not set(map(type, items)) <= {str}:
                    raise Reject("expected a list of text")
                if ids:
                    call.ids.append(items)
            else:
                if inner is Source:  # a source may be written as its document alone
                    items = [{"document": r} if type(r) is str else r for r in items]
                items = self._build(inner, items, call)
            built = iter(items)
            return [default if v is MISSING else tuple(islice(built, len(v))) for v in column]

        return step

    def _one(self, inner: type) -> _Step:
        def step(column: list[Any], call: _Call) -> list[Any]:
            present = [v for v in column if v is not MISSING and v is not None]
            if not present:
                return [None] * len(column)
            built = iter(self._build(inner, present, call))
            return [None if v is MISSING or v is None else next(built) for v in column]

        return step


def _ordered_period(text: Any) -> Period:
    """A period, refused (the converter then names the problem) when it ends before it starts."""
    period = Period.parse(text)
    if period.ends_before_start() is Truth.YES:
        raise Reject("a period that ends before it starts")
    return period


def _id_validator(field: attrs.Attribute[Any]) -> Any:
    """The validator of a field holding ids, as the record declares them (own id, one reference or many)."""
    reference = reference_of(field)
    if field.name == "id" or (reference is not None and not reference.many):
        return check_id
    return check_ids if reference is not None else None


@attrs.frozen
class _Plan:
    #: per field: name, how to get its value from a mapping, the slot's setter, the column step, default, factory
    fields: list[tuple[str, Any, Callable[[Any, Any], None], _Step, Any, Any]]
    names: frozenset[str]
