"""Money: what was budgeted, committed and paid for a plan or a project, by funder, and a call's co-financing rule.

A :class:`~streekbeleid.Funding` holds its money as IATI does: ``budgets`` (the ``original`` one and ``revised``
ones, each for a period) and ``transactions`` (``commitment`` s and ``payment`` s, each on a date), every amount
with its currency.  Where the sources give no figure the amount is unknown, and every total that needs it is
unknown too: nothing unknown is ever counted as 0.

>>> import streekbeleid
>>> from streekbeleid.queries.money import money
>>> core = streekbeleid.load(plugins=[])
>>> call = money(core, "core:versterkt-streekbeleid")
>>> [(line.funder, str(line.budget), line.committed) for line in call.lines]
[('org:esf-vlaanderen', '15000000', None)]

A call's :class:`~streekbeleid.model.records.ShareRule` (the Versterkt Streekbeleid call asks at least 50% local
and at most 50% Flemish co-financing) is judged on every plan that implements the call by
:func:`share_verdicts`, with three values: where amounts are unknown the answer is uncertain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from ..i18n import N_, _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import kind_label
from ..model.records import Actor, Funding, Lineage, Plan, Project, ShareRule, Territory
from ..model.table import UNKNOWN, Amount, Column, Ref, Share, Table, Tabular
from ._util import expect, find, pointing_to

__all__ = ["Money", "MoneyLine", "ShareVerdict", "fundings_for", "money", "share_verdicts"]


def _total(amounts: Iterable[tuple[Decimal | None, str]]) -> tuple[Decimal | None, str | None]:
    """The sum of amounts and their one currency: (None, currency) when any is unknown or they mix currencies;
    (None, None) when there are none."""
    values = list(amounts)
    if not values:
        return None, None
    currencies = {c for _v, c in values}
    currency = currencies.pop() if len(currencies) == 1 else None
    if currency is None or any(v is None for v, _c in values):
        return None, currency
    return sum((v for v, _c in values if v is not None), Decimal(0)), currency


@attrs.frozen
class MoneyLine:
    """The money of one funding: its budgets, what was committed and paid, its share.

    Every amount is None when not known (not recorded, or recorded without a figure).  ``original`` is
    the sum of the original budgets, or the funding's ``amount`` when it has no budgets; ``budget`` is the
    money planned: the revised budgets where there are any, else the original ones, else ``amount``.
    ``share`` is the funding's recorded share, else its budget's part of the subject's known total when
    every budget there is known.
    """

    funding: Funding
    original: Decimal | None
    revised: Decimal | None
    budget: Decimal | None
    committed: Decimal | None
    paid: Decimal | None
    currency: str
    share: Decimal | None

    @property
    def funder(self) -> str:
        return self.funding.funder


def _line(funding: Funding) -> MoneyLine:
    by_kind = {
        kind: _total((b.amount, b.currency) for b in funding.budgets if b.kind == kind)
        for kind in ("original", "revised")
    }
    committed = _total((t.amount, t.currency) for t in funding.transactions if t.kind == "commitment")
    paid = _total((t.amount, t.currency) for t in funding.transactions if t.kind == "payment")
    if any(b.kind == "revised" for b in funding.budgets):
        budget = by_kind["revised"]
    elif funding.budgets:
        budget = by_kind["original"]
    else:
        budget = (funding.amount, funding.currency)
    currency = next((c for _v, c in (budget, *by_kind.values(), committed, paid) if c), funding.currency)
    original = by_kind["original"][0] if funding.budgets else funding.amount  # a plain amount: the original budget
    return MoneyLine(
        funding=funding,
        original=original,
        revised=by_kind["revised"][0],
        budget=budget[0],
        committed=committed[0],
        paid=paid[0],
        currency=currency,
        share=funding.share,
    )


def _with_shares(lines: list[MoneyLine]) -> list[MoneyLine]:
    """Each line's share: recorded, else its budget's part of the total when every budget is known in one currency."""
    known = [line.budget for line in lines]
    total = sum((b for b in known if b is not None), Decimal(0))
    computable = all(b is not None for b in known) and len({line.currency for line in lines}) == 1 and total > 0
    return [
        line
        if line.share is not None or not computable or line.budget is None
        else attrs.evolve(line, share=(line.budget / total).quantize(Decimal("0.0001")).normalize())
        for line in lines
    ]


def fundings_for(model: Model, subject: str) -> list[Funding]:
    """The fundings of a plan (its own and those of its projects) or of a project, in id order."""
    whole = model.whole()
    subjects = {subject}
    if isinstance(find(whole, subject), Plan):
        subjects.update(p.id for p in pointing_to(whole, subject, Project) if p.plan == subject)
    # from the subjects' own edges, not a scan of the model; those of the slice
    found = {f.id: f for s in subjects for f in pointing_to(whole, s, Funding) if f.subject in subjects}
    return sorted((f for f in found.values() if f.id in model), key=lambda f: f.id)


@attrs.frozen
class Money(Tabular):
    """The money of a plan or a project: a line per funding, by funder, with the totals where they are known."""

    subject: str
    lines: tuple[MoneyLine, ...]
    model: Model = attrs.field(eq=False, repr=False)

    def total(self, field: str) -> Decimal | None:
        """The sum of a field (``budget``, ``committed``, ``paid`` ...) over every line; None if any is unknown."""
        return _total((getattr(line, field), line.currency) for line in self.lines)[0]

    def table(self) -> Table:
        """A row per funding (people read its kind, ``--json`` gets its id), then the totals where known."""

        def cell(value: Decimal | None, currency: str | None) -> Any:
            return UNKNOWN if value is None or currency is None else Amount(value, currency)

        columns = [
            Column("funder", N_("funder")),
            Column("funding", N_("funding")),
            Column("subject", N_("for")),
            Column("original", N_("original budget")),
            Column("revised", N_("revised budget")),
            Column("committed", N_("committed")),
            Column("paid", N_("paid")),
            Column("share", N_("share")),
            Column("currency", N_("currency")),
        ]
        rows: list[tuple[Any, ...]] = [
            (
                Ref.to(self.model, line.funder),
                Ref(line.funding.id, kind_label(line.funding.kind)),
                Ref.to(self.model, line.funding.subject),
                cell(line.original, line.currency),
                cell(line.revised, line.currency),
                cell(line.committed, line.currency),
                cell(line.paid, line.currency),
                UNKNOWN if line.share is None else Share(line.share),
                line.currency,
            )
            for line in self.lines
        ]
        if len(self.lines) > 1:
            currency = self.currency()
            totals = [cell(self.total(field), currency) for field in ("original", "revised", "committed", "paid")]
            rows.append((_("total"), None, None, *totals, None, currency))
        return Table(columns, rows)

    def currency(self) -> str | None:
        """The one currency of every line, or None when they differ."""
        found = {line.currency for line in self.lines}
        return found.pop() if len(found) == 1 else None


def money(model: Model, subject: str) -> Money:
    """The money of a plan or a project: budgeted, committed and paid per funding, by funder.

    Raises :class:`~streekbeleid.errors.RecordKindError` for an id that names neither.
    """
    expect(model, subject, (Plan, Project), N_("a plan or a project"))
    lines = _with_shares([_line(f) for f in fundings_for(model, subject)])
    return Money(subject=subject, lines=tuple(sorted(lines, key=lambda x: (x.funder, x.funding.id))), model=model)


# ---------------------------------------------------------------- a call's co-financing rule


@attrs.frozen
class ShareVerdict:
    """Whether a plan that answers a call keeps one of the call's co-financing rules.

    ``holds`` is YES, NO or UNCERTAIN; ``low`` and ``high`` bound the party's share as far as the
    recorded amounts allow (None when nothing bounds it); ``reason`` says why the answer is uncertain:
    ``no-fundings`` (no co-financing recorded), ``unknown-amounts``, ``currencies`` (they differ).
    """

    call: str
    plan: str
    rule: ShareRule
    holds: Truth
    low: Decimal | None
    high: Decimal | None
    fundings: tuple[Funding, ...]
    reason: str | None = None


def _in_party(model: Model, rule: ShareRule, funder: str) -> bool:
    record = find(model, funder)
    if isinstance(record, Territory):  # a territory as funder stands for its government
        kind = {"municipality": "municipal_government", "province": "provincial_government"}.get(record.level)
    else:
        kind = record.kind if isinstance(record, Actor) else None
    if kind in rule.funder_kinds:
        return True
    seen: set[str] = set()
    current: str | None = funder
    while current is not None and current not in seen:
        if current in rule.funders:
            return True
        seen.add(current)
        found = find(model, current)
        current = getattr(found, "part_of", None)
    return False


def _answers(model: Model, call: str) -> list[str]:
    """The plans that implement a call, in id order."""
    return sorted({lin.subject for lin in _lineage(model.whole(), call, out=False) if lin.kind == "implements"})


def _lineage(whole: Model, record_id: str, *, out: bool) -> list[Lineage]:
    """The lineage links from (``out``) or to a record, from its own edges."""
    if record_id not in whole.graph:
        return []
    edges = whole.graph.out_edges(record_id, data="record") if out else whole.graph.in_edges(record_id, data="record")
    end = "subject" if out else "object"
    return [r for _u, _v, r in edges if isinstance(r, Lineage) and getattr(r, end) == record_id]


def _bounds(party: list[Decimal | None], other: list[Decimal | None]) -> tuple[Decimal | None, Decimal | None]:
    """The least and the greatest share ``party`` can have of the whole, an unknown amount being any amount >= 0;
    None where the amounts leave it undefined (all of them 0)."""
    p_known = sum((v for v in party if v is not None), Decimal(0))
    o_known = sum((v for v in other if v is not None), Decimal(0))
    known = p_known / (p_known + o_known) if p_known + o_known > 0 else None
    low = Decimal(0) if any(v is None for v in other) else Decimal(1) if not other else known
    high = Decimal(1) if any(v is None for v in party) else Decimal(0) if not party else known
    return low, high


def _judge(rule: ShareRule, low: Decimal | None, high: Decimal | None) -> Truth:
    if low is None or high is None:
        return Truth.UNCERTAIN
    lo_ok = rule.min_share is None or low >= rule.min_share
    hi_ok = rule.max_share is None or high <= rule.max_share
    if lo_ok and hi_ok:
        return Truth.YES
    lo_fails = rule.min_share is not None and high < rule.min_share
    hi_fails = rule.max_share is not None and low > rule.max_share
    return Truth.NO if lo_fails or hi_fails else Truth.UNCERTAIN


def _verdict(model: Model, call: Plan, plan: str, rule: ShareRule) -> ShareVerdict:
    fundings = tuple(f for f in fundings_for(model, plan) if f.kind != "esf")
    lines = [_line(f) for f in fundings]

    def verdict(holds: Truth, low: Decimal | None, high: Decimal | None, reason: str | None) -> ShareVerdict:
        return ShareVerdict(call.id, plan, rule, holds, low, high, fundings, reason)

    if not lines:
        return verdict(Truth.UNCERTAIN, None, None, "no-fundings")
    if len({line.currency for line in lines if line.budget is not None}) > 1:
        return verdict(Truth.UNCERTAIN, None, None, "currencies")
    weights: list[Decimal | None] = [line.budget for line in lines]
    same_subject = len({f.subject for f in fundings}) == 1  # a share is a part of the money for its own subject
    if any(w is None for w in weights) and same_subject and all(f.share is not None for f in fundings):
        weights = [f.share for f in fundings]
    if all(w is None for w in weights):
        return verdict(Truth.UNCERTAIN, None, None, "unknown-amounts")
    inside = [_in_party(model, rule, f.funder) for f in fundings]
    party = [w for w, is_in in zip(weights, inside, strict=True) if is_in]
    other = [w for w, is_in in zip(weights, inside, strict=True) if not is_in]
    low, high = _bounds(party, other)
    holds = _judge(rule, low, high)
    reason = "unknown-amounts" if holds is Truth.UNCERTAIN else None
    return verdict(holds, low, high, reason)


def share_verdicts(model: Model, *, call: str | None = None, plan: str | None = None) -> Iterator[ShareVerdict]:
    """Every co-financing rule of every call (or of ``call``) judged on every plan that implements it (or on
    ``plan`` alone: the calls it implements are found from its own edges, not by reading every plan).

    The money counted is every funding of the plan and its projects except the programme's own
    (kind ``esf``); a funding's amount is its budget (:class:`MoneyLine`), or, when some amount is
    unknown and every funding records a share of one and the same subject, the shares.  The recorded
    fundings are taken as all the co-financing there is, but an unknown amount may be any amount: a
    rule holds (YES) or is broken (NO) only when every possible amount agrees, and with no amount
    known at all the answer is UNCERTAIN whoever the funders are.
    """
    whole = model.whole()
    if call:
        calls = [expect(model, call, Plan, N_("a plan"))]
    elif plan:
        implemented = {r.object for r in _lineage(whole, plan, out=True) if r.kind == "implements"}
        found = (find(whole, i) for i in implemented)
        calls = sorted((c for c in found if isinstance(c, Plan)), key=lambda p: p.id)
    else:
        calls = sorted(whole.records(Plan), key=lambda p: p.id)
    for record in calls:
        for answer in _answers(model, record.id) if record.share_rules else []:
            if plan is None or answer == plan:
                for rule in record.share_rules:
                    yield _verdict(model, record, answer, rule)
