"""Plans: who endorsed them, who committed to their actions, and which actions nobody leads.

>>> from streekbeleid import Actor, Model, Plan, PlanItem
>>> from streekbeleid.queries import actions_without_lead, commitments
>>> pact = Plan(id="x:pact", name="Pact", kind="streekpact", items=[
...     PlanItem(id="x:a1", kind="action", name="Site website", lead="org:voka", partners=["org:unizo"]),
...     PlanItem(id="x:a2", kind="action", name="Job fair")])
>>> model = Model.from_records([pact, Actor(id="org:voka", name="VOKA", kind="employers_organisation"),
...                             Actor(id="org:unizo", name="UNIZO", kind="employers_organisation")])
>>> [(c.role, c.item.name, c.plan.id) for c in commitments(model, "org:voka")]
[('lead', 'Site website', 'x:pact')]
>>> [a.item.id for a in actions_without_lead(model)]
['x:a2']
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import attrs

from ..i18n import N_, _
from ..model.dates import PartialDate
from ..model.model import Model
from ..model.phrasing import name, outcome_words, tally_phrase
from ..model.records import ADOPTING_OUTCOMES, Actor, Decision, Plan, PlanItem, Project, Tally
from ..model.table import HEADINGS, Column, Ref, Table, Tabular
from ._util import expect, find, lookup
from .territories import municipalities

__all__ = [
    "EndorsementCount",
    "Endorsements",
    "endorsements",
    "Commitment",
    "commitments",
    "PlanAction",
    "actions_without_lead",
    "plan_items",
]

# Kinds of decider whose pool a tally's ``among`` region defines: the municipalities in it.
_MUNICIPAL = ("municipal_council", "municipal_government", "municipality", "municipalities")


@attrs.frozen(kw_only=True)
class EndorsementCount:
    """How many of a kind of decider endorsed: "42 of the 44 municipal councils of Limburg".

    ``endorsers`` are the deciders known by name.  ``non_endorsers`` are those
    that did not endorse, when known: the municipalities of ``among`` on the date
    minus the endorsers, which needs every endorser named; None means unknown.
    """

    by: str
    among: str | None
    count: int | None
    out_of: int | None
    endorsers: tuple[str, ...]
    non_endorsers: tuple[str, ...] | None
    date: PartialDate | None
    tally: Tally
    basis: tuple[Any, ...] = attrs.field(default=(), repr=False)

    @property
    def missing(self) -> int | None:
        """How many did not endorse (``out_of - count``), None when ``out_of`` or ``count`` is unknown."""
        return None if self.out_of is None or self.count is None else self.out_of - self.count

    def __str__(self) -> str:
        among = f" of {self.among}" if self.among else ""
        of = f" of {self.out_of}" if self.out_of is not None else ""
        count = "an unrecorded number" if self.count is None else str(self.count)
        return f"{count}{of} {self.by.replace('_', ' ')}{among}"


@attrs.frozen(kw_only=True)
class Endorsements(Tabular):
    """The endorsements of a plan.

    ``decisions`` are endorsements by named deciders (adopted or rejected);
    ``counts`` the tallies of like decisions (one per kind of decider);
    ``approvals`` the decisions that approved or adopted the plan itself.
    Printed, shown in Jupyter or taken to pandas it is the table of :meth:`table`, named from ``model``,
    the model it was asked of.
    """

    plan: Plan
    decisions: tuple[Decision, ...]
    counts: tuple[EndorsementCount, ...]
    approvals: tuple[Decision, ...]
    model: Model | None = attrs.field(default=None, eq=False, repr=False)

    def table(self) -> Table:
        """Approvals, endorsements, counts ("42 of 44 municipal councils") and named endorsers, one per row."""
        ref = self._ref
        rows: list[tuple[Any, ...]] = []
        for d in self.approvals:
            unanimous = {True: _("unanimous"), False: _("not unanimous"), None: ""}[d.unanimous]
            rows.append((_("approval"), ref(d.by), d.date, unanimous))
        for d in self.decisions:
            outcome = "" if d.outcome == "postponed" else outcome_words(d.outcome)
            rows.append((_("endorsement"), ref(d.by), d.date, outcome))
        named = {d.by for d in self.decisions}
        plan_name = name(self.model, self.plan.id) if self.model is not None else self.plan.name
        for c in self.counts:
            phrase = tally_phrase(c.by, c.tally.kind, c.count, c.out_of).format(subject=plan_name)
            rows.append((_("count"), ref(c.among), c.date, phrase))
            for endorser in c.endorsers:
                if endorser not in named:
                    named.add(endorser)
                    rows.append((_("named endorser"), ref(endorser), c.date, ""))
        columns = [
            Column("what", N_("what")),
            Column("by", N_("by")),
            Column("date", HEADINGS["date"]),
            Column("detail", N_("detail")),
        ]
        return Table(columns, rows)

    def _ref(self, record_id: str | None) -> Ref | None:
        if record_id is None:
            return None
        return Ref.to(self.model, record_id) if self.model is not None else Ref(record_id, record_id)

    @property
    def endorsed_by(self) -> tuple[str, ...]:
        """Every decider known by name to have endorsed, sorted."""
        named = {
            d.by for d in self.decisions if d.outcome is None or d.outcome in ADOPTING_OUTCOMES
        }  # None: an endorsement, no outcome given
        for c in self.counts:
            named.update(c.endorsers)
        return tuple(sorted(named))

    @property
    def refused_by(self) -> tuple[str, ...]:
        """Deciders known by name to have rejected the plan, sorted."""
        return tuple(sorted({d.by for d in self.decisions if d.outcome == "rejected"}))

    @property
    def basis(self) -> tuple[Any, ...]:
        out: list[Any] = [self.plan, *self.approvals, *self.decisions]
        for c in self.counts:
            out.extend(c.basis)
        return tuple(out)


def endorsements(model: Model, plan_id: str, *, kinds: tuple[str, ...] = ("endorse",)) -> Endorsements:
    """Who endorsed a plan, when, how many of how many, and who did not where that is known.

    Named decisions come from :class:`~streekbeleid.Decision` records; counts
    from :class:`~streekbeleid.Tally` records, which say "42 of 44" when not every
    council is named.  Who did not endorse is known only when a tally names all
    its endorsers and its ``among`` region tells the pool; otherwise it is None
    ("unknown").  On a slice, only the decisions taken by the slice's date count.

    >>> from streekbeleid import Model, Plan, Region, RegionPart, Tally, PartialDate, Territory
    >>> from streekbeleid.queries import endorsements
    >>> towns = [Territory(id=f"nis:7100{i}", name=f"T{i}", level="municipality") for i in (1, 2, 3)]
    >>> model = Model.from_records([*towns, Plan(id="x:pact", name="Pact", kind="streekpact"),
    ...     Region(id="x:r", name="R", parts=[RegionPart(territory=t.id) for t in towns]),
    ...     Tally(id="x:t", kind="endorse", subject="x:pact", by="municipal_council", among="x:r",
    ...           count=2, out_of=3, named=["nis:71001", "nis:71002"], date=PartialDate.parse("2014"))])
    >>> count = endorsements(model, "x:pact").counts[0]
    >>> str(count), count.non_endorsers
    ('2 of 3 municipal council of x:r', ('nis:71003',))
    """
    plan: Plan = expect(model, plan_id, Plan, N_("a plan"))
    decisions: list[Decision] = []
    approvals: list[Decision] = []
    counts: list[EndorsementCount] = []
    for source, _p, kind in model.graph.in_edges(plan_id, data="kind"):
        if kind != "concerns":
            continue
        record = model.graph.nodes[source]["record"]
        if isinstance(record, Decision) and record.kind in kinds:
            decisions.append(record)
        elif isinstance(record, Decision) and record.kind in ("approve", "adopt"):
            approvals.append(record)
        elif isinstance(record, Tally) and record.kind in kinds:
            counts.append(_count(model, record))
    return Endorsements(
        plan=plan,
        decisions=tuple(sorted(decisions, key=_by_date)),
        counts=tuple(sorted(counts, key=lambda c: _by_date(c.tally))),
        approvals=tuple(sorted(approvals, key=_by_date)),
        model=model,
    )


def _by_date(record: Decision | Tally) -> tuple[tuple[int, int], str]:
    return (record.date.sort_key() if record.date else (0, 0)), record.id


def _territory_of(model: Model, decider: str) -> str:
    """A municipal government stands for its municipality."""
    record = find(model, decider)
    if isinstance(record, Actor) and record.territory:
        return record.territory
    return decider


def _count(model: Model, tally: Tally) -> EndorsementCount:
    basis: list[Any] = [tally]
    non_endorsers: tuple[str, ...] | None = None
    if tally.out_of is not None and tally.count == tally.out_of:
        non_endorsers = ()  # all of them endorsed
    elif tally.among and tally.date and tally.by in _MUNICIPAL and len(set(tally.named)) == tally.count:
        # every endorser is named: the rest of the pool did not endorse
        pool = municipalities(model, tally.among, on=tally.date.latest)
        if pool.complete and (tally.out_of is None or len(pool) == tally.out_of):
            named = {_territory_of(model, n) for n in tally.named}
            non_endorsers = tuple(t for t in pool.ids if t not in named)
            basis.extend(pool.basis)
    return EndorsementCount(
        by=tally.by,
        among=tally.among,
        count=tally.count,
        out_of=tally.out_of,
        endorsers=tuple(sorted(set(tally.named))),
        non_endorsers=non_endorsers,
        date=tally.date,
        tally=tally,
        basis=tuple(basis),
    )


@attrs.frozen(kw_only=True)
class Commitment:
    """An actor's role in an action (or any plan item) or project: lead, partner or promoter."""

    actor: str
    role: Literal["lead", "partner", "promoter"]
    item: PlanItem | Project
    plan: Plan | None = attrs.field(repr=False)

    @property
    def basis(self) -> tuple[Any, ...]:
        return (self.item,) if self.plan is None else (self.plan, self.item)


def commitments(model: Model, actor_id: str) -> list[Commitment]:
    """What an actor committed to across all plans: the items it leads or partners in, and its projects.

    Sorted by plan, then item id.  See the module example.
    """
    lookup(model, actor_id)  # an unknown id is an error, not "no commitments"
    roles = {"led_by": "lead", "partner": "partner", "promoted_by": "promoter"}
    out: list[Commitment] = []
    for source, _a, kind in model.graph.in_edges(actor_id, data="kind"):
        role = roles.get(kind)
        record = model.graph.nodes[source]["record"]
        if role is None or not isinstance(record, (PlanItem, Project)):
            continue
        plan = _plan_of(model, record)
        out.append(Commitment(actor=actor_id, role=role, item=record, plan=plan))  # type: ignore[arg-type]
    out.sort(key=lambda c: (c.plan.id if c.plan else "", c.item.id, c.role))
    return out


def _plan_of(model: Model, record: PlanItem | Project) -> Plan | None:
    """The plan an item belongs to (up its ``part_of`` chain), or a project's plan."""
    if isinstance(record, Project):
        found = find(model, record.plan) if record.plan else None
        return found if isinstance(found, Plan) else None
    graph = model.whole().graph
    node = record.id
    seen = {node}
    while True:
        parents = [t for _n, t, kind in graph.out_edges(node, data="kind") if kind == "part_of"]
        if not parents or parents[0] in seen:
            return None
        node = parents[0]
        seen.add(node)
        parent = graph.nodes[node]["record"]
        if isinstance(parent, Plan):
            return parent


@attrs.frozen(kw_only=True)
class PlanAction:
    """An item of a plan, with the plan it belongs to."""

    plan: Plan = attrs.field(repr=False)
    item: PlanItem

    @property
    def basis(self) -> tuple[Any, ...]:
        return (self.plan, self.item)


def plan_items(model: Model, *, kind: str | None = None) -> Iterator[PlanAction]:
    """Every item of every plan in the model or slice (of one ``kind`` if given), plan by plan, depth first."""
    for plan in model.records(Plan):
        for item in plan.walk():
            if (kind is None or item.kind == kind) and item.id in model.graph:
                yield PlanAction(plan=plan, item=item)


def actions_without_lead(model: Model) -> list[PlanAction]:
    """The actions (plan items of kind ``action``) that name no lead actor.  See the module example."""
    return [a for a in plan_items(model, kind="action") if not a.item.leads]
