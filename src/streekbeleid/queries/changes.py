"""What changed between two days: municipalities merged, memberships begun and ended, plans started and ended,
decisions taken, meetings held.

>>> import streekbeleid
>>> from streekbeleid.queries.changes import changes
>>> core = streekbeleid.load(plugins=[])
>>> found = changes(core, "2024-06-01", "2025-06-01")
>>> [(c.name, c.successor) for c in found.merged][:2]
[('Borsbeek', 'nis:11002'), ('Zwijndrecht', 'nis:46030')]

Each change says whether it is certain: a membership dated "2016" may have begun before or after a day in 2016,
so between 1 January 2016 and 1 June 2016 it "perhaps began".  Nothing is more precise than the data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..errors import StreekbeleidError
from ..i18n import N_, _, language, pgettext, use_language
from ..model.dates import Period, Truth, parse_day
from ..model.model import Model, record_type
from ..model.phrasing import kind_text, record_name
from ..model.records import Decision, Meeting, Membership, Tally, Territory
from ..model.table import HEADINGS, Column, Ref, Table, Tabular, Term

__all__ = ["Change", "Changes", "changes"]

#: How a record changed between the two days.
BEGAN, ENDED, TAKEN, HELD = "began", "ended", "taken", "held"
_KIND_ORDER = (
    "territory",
    "region",
    "body",
    "membership",
    "plan",
    "plan_item",
    "project",
    "decision",
    "tally",
    "meeting",
)


def _change_words(change: str) -> str:
    return {
        BEGAN: pgettext("change", "began"),
        ENDED: pgettext("change", "ended"),
        TAKEN: pgettext("change", "taken"),
        HELD: pgettext("change", "held"),
    }[change]


@attrs.frozen
class Change:
    """One record that began, ended, was taken (a decision) or was held (a meeting) between the two days.

    ``certain`` is false when the record's dates are too coarse to say on which side of a day it falls.
    ``successor`` is set for a municipality that ended by merging.
    """

    change: str
    kind: str
    id: str
    name: str
    valid: Period
    certain: bool
    successor: str | None = None
    record: Any = attrs.field(default=None, eq=False, repr=False)
    successor_ref: Ref | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Changes(Tabular):
    """What changed between ``start`` and ``end`` (in ``region``, if given), grouped as an analyst asks."""

    start: dt.date
    end: dt.date
    region: str | None
    all: tuple[Change, ...]

    def of(self, *kinds: str, change: str | None = None) -> tuple[Change, ...]:
        """The changes of records of these kinds (and of this kind of change)."""
        return tuple(c for c in self.all if c.kind in kinds and (change is None or c.change == change))

    @property
    def merged(self) -> tuple[Change, ...]:
        """Municipalities (and other territories) that ended with a successor."""
        return tuple(c for c in self.of("territory", change=ENDED) if c.successor)

    @property
    def memberships_begun(self) -> tuple[Change, ...]:
        return self.of("membership", change=BEGAN)

    @property
    def memberships_ended(self) -> tuple[Change, ...]:
        return self.of("membership", change=ENDED)

    @property
    def plans_started(self) -> tuple[Change, ...]:
        return self.of("plan", change=BEGAN)

    @property
    def plans_ended(self) -> tuple[Change, ...]:
        return self.of("plan", change=ENDED)

    @property
    def decisions(self) -> tuple[Change, ...]:
        """Decisions and tallies taken between the two days."""
        return self.of("decision", "tally")

    def table(self) -> Table:
        columns = [
            Column("change", N_("change")),
            Column("kind", HEADINGS["kind"]),
            Column("id", HEADINGS["id"]),
            Column("name", HEADINGS["name"]),
            Column("valid", HEADINGS["valid"]),
            Column("certain", N_("certain")),
            Column("successor", N_("successor")),
        ]
        rows = [
            (
                _change_words(c.change),
                Term(c.kind, kind_text(c.kind)),
                c.id,
                c.name,
                c.valid,
                c.certain,
                c.successor_ref,
            )
            for c in self.all
        ]
        return Table(columns, rows)

    def records(self) -> list[dict[str, Any]]:
        """The changes as raw values, for JSON."""
        return [
            {
                "change": c.change,
                "kind": c.kind,
                "id": c.id,
                "name": c.name,
                "valid": str(c.valid),
                "certain": c.certain,
                "successor": c.successor,
            }
            for c in self.all
        ]


def _namer(graph: Any) -> Any:
    """A function naming a changed record; the names of the records it points to are looked up once each, and
    the words joining a member to its organisation translated once (not once per membership)."""
    nodes = graph.nodes
    called: dict[str, str] = {}
    in_words = _("{member} in {organization}")

    def name_of(rid: str) -> str:
        found = called.get(rid)
        if found is None:
            rec = nodes[rid]["record"] if rid in nodes else None
            found = called[rid] = record_name(rec, rid)
        return found

    def name(record: Any) -> str:
        if isinstance(record, Membership):
            return in_words.format(member=name_of(record.member), organization=name_of(record.organization))
        return record_name(record) or name_of(record.id)

    return name


def changes(model: Model, start: dt.date | str, end: dt.date | str, *, region: str | None = None) -> Changes:
    """What changed between the day ``start`` and the day ``end`` (in ``region``, if given).

    A record began if it was not active on ``start`` and is (or may be) on ``end``; it ended the other way round.
    A decision or tally "taken" in between began in between.  A record active on neither day whose period lies
    (or may lie) between them, such as a meeting, was "held".  The question is asked of the whole model, however
    it was sliced before.
    """
    first, last = parse_day(start), parse_day(end)
    if last < first:
        raise StreekbeleidError(
            _("the second day ({end}) comes before the first ({start})").format(end=last, start=first)
        )
    whole = model.whole()
    scope = whole.in_region(region) if region else whole
    with use_language(language()):  # the language found once, not in the environment for every name
        found = _changed(whole, scope, first, last)
    rank = {k: i for i, k in enumerate(_KIND_ORDER)}
    found.sort(key=lambda c: (rank.get(c.kind, len(rank)), c.change, c.id))
    return Changes(first, last, region, tuple(found))


def _changed(whole: Model, scope: Model, first: dt.date, last: dt.date) -> list[Change]:
    inside = (
        Period.between(first + dt.timedelta(days=1), last - dt.timedelta(days=1)) if (last - first).days > 1 else None
    )
    seen: dict[Period, tuple[Truth, Truth, Truth]] = {}
    found: list[Change] = []
    name_of = _namer(whole.graph)
    for record in scope.iter_records():
        period = record.valid
        truths = seen.get(period)
        if truths is None:
            between = period.overlaps(inside) if inside is not None else Truth.NO
            truths = seen[period] = (period.active_on(first), period.active_on(last), between)
        before, after, between = truths
        if before is after and before is not Truth.UNCERTAIN:
            if before is Truth.YES or between is Truth.NO:
                continue  # there throughout, or not at all
            change, certain = HELD, between is Truth.YES
        elif before is after:  # uncertain on both days: did a bound (perhaps) fall between them?
            s_lo, s_hi, e_lo, e_hi = period.ordinals()
            if s_lo <= last.toordinal() and s_hi > first.toordinal():
                change, certain = BEGAN, False
            elif e_lo < last.toordinal() and e_hi >= first.toordinal():
                change, certain = ENDED, False
            else:
                continue
        elif after.possible and before is not Truth.YES:
            change, certain = BEGAN, before is Truth.NO and after is Truth.YES
            if isinstance(record, (Decision, Tally)):
                change = TAKEN
            elif isinstance(record, Meeting):
                change = HELD
        else:  # possible on the first day, not certain on the second
            change, certain = ENDED, before is Truth.YES and after is Truth.NO
        successor = record.successor if isinstance(record, Territory) and change == ENDED else None
        kind = record_type(record)
        ref = Ref.to(whole, successor) if successor else None
        found.append(Change(change, kind, record.id, name_of(record), period, certain, successor, record, ref))
    return found
