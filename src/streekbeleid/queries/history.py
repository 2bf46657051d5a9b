"""Organisation history: the change events of an organisation or body, its names per period, what it became.

A change event (:class:`~streekbeleid.OrganisationChange`) joins organisations the way a
merger joins municipalities: what an organisation became is found by the same
:func:`~streekbeleid.queries.lineage` walk that follows a municipality to its successor.

>>> import streekbeleid
>>> from streekbeleid.queries import organisation_history
>>> zov = streekbeleid.load(plugins=["zuid_oost_vlaanderen"])
>>> history = organisation_history(zov, "zuid_oost_vlaanderen:resoc")
>>> [(c.kind, str(c.date), c.resulting) for c in history.changes]
[('integration', '2019-01-01', ('zuid_oost_vlaanderen:solva',))]
>>> history.became
('zuid_oost_vlaanderen:solva',)
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ..i18n import N_, _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import change_sentence, name, period_words
from ..model.records import Actor, Body, OrganisationChange, OtherName
from ._util import day_of, expect, pointing_to
from .lineage import lineage

__all__ = [
    "History",
    "NameOn",
    "organisation_history",
    "name_on",
    "changes_of",
    "change_sentence",
    "history_sentences",
]


@attrs.frozen(kw_only=True)
class History:
    """What the model records of an organisation's history.

    ``changes`` are the change events it took part in, oldest first; ``names`` its other
    names with their periods; ``became`` the organisations that succeed it (through change
    events or lineage), ``came_from`` those it succeeds.  ``recorded`` is false when the
    model holds none of these: its history is not recorded, which is not the same as "no history".
    """

    of: str
    changes: tuple[OrganisationChange, ...]
    names: tuple[OtherName, ...]
    became: tuple[str, ...]
    came_from: tuple[str, ...]
    basis: tuple[Any, ...] = attrs.field(default=(), repr=False)

    @property
    def recorded(self) -> bool:
        return bool(self.changes or self.names or self.became or self.came_from)


def changes_of(model: Model, record_id: str) -> tuple[OrganisationChange, ...]:
    """The change events an organisation took part in (as original or resulting), oldest first, undated last."""
    found = [c for c in pointing_to(model, record_id, OrganisationChange) if record_id in (*c.original, *c.resulting)]
    return tuple(sorted(found, key=lambda c: (c.date is None, c.date.sort_key() if c.date else (0, 0), c.id)))


def organisation_history(model: Model, record_id: str) -> History:
    """The history of an actor or body: its change events, other names, successors and predecessors."""
    record = expect(model, record_id, (Actor, Body), N_("an organisation or body"))
    changes = changes_of(model, record_id)
    chain = lineage(model.whole(), record_id, kinds=("succeeds",))
    return History(
        of=record_id,
        changes=changes,
        names=tuple(record.other_names),
        became=chain.newer(),
        came_from=chain.older(),
        basis=(record, *changes, *chain.basis),
    )


@attrs.frozen(kw_only=True)
class NameOn:
    """The name of an organisation on a day: ``certain`` names held for sure, ``possible`` ones perhaps."""

    of: str
    on: date
    certain: tuple[str, ...]
    possible: tuple[str, ...] = ()


def name_on(model: Model, record_id: str, *, on: date | str | None = None) -> NameOn:
    """The name an actor or body bore on a day (default: the slice's date, else today).

    An other name whose period certainly holds on the day is the name; one that may hold
    makes it uncertain, the record's own ``name`` then being possible too; with no other
    name for the day, the record's ``name`` is the name.

    >>> import streekbeleid
    >>> from streekbeleid import Actor, OtherName, Period
    >>> from streekbeleid.queries import name_on
    >>> vzw = Actor(id="x:vzw", name="New name", kind="nonprofit",
    ...             other_names=[OtherName(name="Old name", valid=Period.parse("2004/2015-06-30"))])
    >>> model = streekbeleid.Model.from_records([vzw])
    >>> name_on(model, "x:vzw", on="2010-01-01").certain, name_on(model, "x:vzw", on="2020-01-01").certain
    (('Old name',), ('New name',))
    """
    day = day_of(model, on) or date.today()
    record = expect(model, record_id, (Actor, Body), N_("an organisation or body"))
    certain: list[str] = []
    possible: list[str] = []
    for other in record.other_names:
        truth = other.valid.active_on(day)
        if truth is Truth.YES:
            certain.append(other.name)
        elif truth is Truth.UNCERTAIN:
            possible.append(other.name)
    if not certain:
        if possible:
            possible.append(record.name)
        else:
            certain.append(record.name)
    return NameOn(of=record_id, on=day, certain=tuple(certain), possible=tuple(possible))


# ---------------------------------------------------------------- in words (show, the report)


def history_sentences(model: Model, history: History) -> list[str]:
    """The history of an organisation in sentences: its changes, its other names, what it became and came from;
    one sentence saying it is not recorded when the model holds none of these."""
    if not history.recorded:
        return [_("not recorded")]
    lines = [change_sentence(model, c) for c in history.changes]
    for other in history.names:
        lines.append(_("also named {name} ({period})").format(name=other.name, period=period_words(other.valid)))
    if history.came_from:
        lines.append(_("succeeds: {names}").format(names=", ".join(name(model, i) for i in history.came_from)))
    if history.became:
        lines.append(_("became: {names}").format(names=", ".join(name(model, i) for i in history.became)))
    return lines
