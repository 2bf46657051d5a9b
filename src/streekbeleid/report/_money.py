"""The money of a plan in the report: budgeted, committed and paid by funder, and the call's co-financing rules.

Every plan section of a region's page gets a money block built from :func:`streekbeleid.queries.money.money`
(a plan's money includes that of its projects): a row per funding, amounts in words of the language in use,
"not recorded" where the data has no figure, never an empty cell or a 0.  A plan that answers a call with
co-financing rules also says, per rule, whether it holds, is broken, or cannot be told.
"""

from __future__ import annotations

from ..checks.money import reason_text, rule_text
from ..i18n import _
from ..model.dates import Truth
from ..model.phrasing import amount_text, kind_label, share_text
from ..model.records import Plan
from ..queries.money import Money, MoneyLine, ShareVerdict, money, share_verdicts
from ._site import Site
from .html import Markup, concat, el, table

__all__ = ["money_block"]


def _amount(value: object, currency: str) -> Markup | str:
    if value is None:
        return el("span", _("not recorded"), class_="muted")
    return amount_text(value, currency)


def _row(site: Site, line: MoneyLine) -> Markup:
    f = line.funding
    amounts = [el("td", _amount(v, line.currency), class_="num") for v in (line.original, line.revised)]
    amounts += [el("td", _amount(v, line.currency), class_="num") for v in (line.committed, line.paid)]
    share = share_text(line.share) if line.share is not None else el("span", _("not recorded"), class_="muted")
    return el(
        "tr",
        el("td", site.link(f.funder), site.src(f)),
        el("td", kind_label(f.kind)),
        el("td", site.link(f.subject) if f.subject else ""),
        amounts,
        el("td", share, class_="num"),
    )


def _verdicts(site: Site, plan: Plan) -> Markup | None:
    found = list(share_verdicts(site.model, plan=plan.id))
    if not found:
        return None

    def verdict(v: ShareVerdict) -> str:
        if v.holds is Truth.UNCERTAIN:
            return _("cannot be told: {reason}").format(reason=reason_text(v))
        return _("kept") if v.holds is Truth.YES else _("broken")

    items = [
        el(
            "li",
            _("{call} asks {rule}: {verdict}").format(
                call=site.model.whole().get(v.call).name, rule=rule_text(v), verdict=verdict(v)
            ),
            site.src(v.rule),
        )
        for v in found
    ]
    return el("ul", items, class_="share-rules")


def money_block(site: Site, plan: Plan) -> Markup:
    """The money of a plan and its projects, and the co-financing rules of the calls it answers."""
    found: Money = money(site.model, plan.id)
    out: list[Markup] = [el("h4", _("Money"))]
    if not found.lines:
        out.append(el("p", _("Money not recorded."), class_="muted"))
    else:
        head = [
            _("funder"),
            _("kind"),
            _("for"),
            (_("original budget"), "num"),
            (_("revised budget"), "num"),
            (_("committed"), "num"),
            (_("paid"), "num"),
            (_("share"), "num"),
        ]
        out.append(table(head, [_row(site, line) for line in found.lines], class_="money"))
    verdicts = _verdicts(site, plan)
    if verdicts is not None:
        out.append(verdicts)
    return concat(out)
