"""The co-financing rules of calls, on the plans that answer them: "at least 50% local, at most 50% Flemish".

A call (a :class:`~streekbeleid.Plan` of kind ``call``) states its rules as
:class:`~streekbeleid.model.records.ShareRule` s with their source; every plan that ``implements``
the call is judged by :func:`streekbeleid.queries.money.share_verdicts`.  A broken rule is an
error; a rule the recorded amounts cannot decide is an ``info`` problem starting with "Undecidable",
never a pass: an unknown amount is not 0.

>>> from decimal import Decimal
>>> from streekbeleid import Budget, Funding, Lineage, Plan, ShareRule
>>> from streekbeleid.testing import build_model
>>> call = Plan(id="x:call", name="Call", kind="call",
...     share_rules=[ShareRule(party="local", min_share=Decimal("0.5"), funder_kinds=["municipal_government"])])
>>> plan = Plan(id="x:plan", name="Plan X", kind="development_plan")
>>> answer = Lineage(id="x:answer", kind="implements", subject="x:plan", object="x:call")
>>> def paid(funder, amount):
...     return Funding(id=f"x:{funder.split(':')[1]}", kind="co_financing", funder=funder, subject="x:plan",
...                    budgets=[Budget(amount=None if amount is None else Decimal(amount))])
>>> kept = build_model(call, plan, answer, paid("nis:71022", "60"), paid("org:vdab", "40"))
>>> list(co_financing(kept))
[]
>>> broken = build_model(call, plan, answer, paid("nis:71022", "20"), paid("org:vdab", "80"))
>>> [(p.severity, p.message) for p in co_financing(broken)]
[('error', 'Plan X breaks the rule of Call: at least 50% local co-financing asked, 20% recorded')]
>>> unknown = build_model(call, plan, answer, paid("nis:71022", "20"), paid("org:vdab", None))
>>> [(p.severity, p.message) for p in co_financing(unknown)]
[('info', 'Undecidable: whether Plan X keeps the rule of Call (at least 50% local co-financing): amounts are not\
 recorded')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ..i18n import _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import money_label, name, share_text
from ..model.records import Problem
from ..queries.money import ShareVerdict, share_verdicts
from ._common import problem

__all__ = ["co_financing", "reason_text", "rule_text"]


def rule_text(verdict: ShareVerdict) -> str:
    """A call's rule in words: ``at least 50% local co-financing``."""
    rule = verdict.rule
    party = money_label(rule.party)
    if rule.min_share is not None and rule.max_share is not None:
        return _("between {low} and {high} {party} co-financing").format(
            low=share_text(rule.min_share), high=share_text(rule.max_share), party=party
        )
    if rule.min_share is not None:
        return _("at least {share} {party} co-financing").format(share=share_text(rule.min_share), party=party)
    return _("at most {share} {party} co-financing").format(share=share_text(rule.max_share), party=party)


def reason_text(verdict: ShareVerdict) -> str:
    """Why a rule cannot be judged, in words: no co-financing recorded, amounts not recorded, currencies differ."""
    return {
        "no-fundings": _("no co-financing is recorded"),
        "currencies": _("the amounts are in different currencies"),
    }.get(verdict.reason or "", _("amounts are not recorded"))


def _found(verdict: ShareVerdict) -> str:
    if verdict.low == verdict.high:
        return share_text(verdict.low)
    return _("between {low} and {high}").format(low=share_text(verdict.low), high=share_text(verdict.high))


def co_financing(model: Model) -> Iterator[Problem]:
    """A plan that answers a call and breaks (or may break) the call's rule on shares of co-financing."""
    for verdict in share_verdicts(model):
        if verdict.holds is Truth.YES:
            continue
        words = {
            "plan": name(model, verdict.plan),
            "call": name(model, verdict.call),
            "rule": rule_text(verdict),
        }
        call = model.whole().get(verdict.call)
        if verdict.holds is Truth.NO:
            message = _("{plan} breaks the rule of {call}: {rule} asked, {found} recorded").format(
                **words, found=_found(verdict)
            )
            severity: Literal["error", "info"] = "error"
        else:
            reason = reason_text(verdict)
            message = _("Undecidable: whether {plan} keeps the rule of {call} ({rule}): {reason}").format(
                **words, reason=reason
            )
            severity = "info"
        ids = [verdict.plan, verdict.call, *(f.id for f in verdict.fundings)]
        yield problem(severity, "co-financing", ids, message, verdict.rule, call, *verdict.fundings)
