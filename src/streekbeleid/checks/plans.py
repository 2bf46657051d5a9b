"""Rules about plans and themes: overlapping plans of one owner, actions nobody leads, themes no plan uses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from ..i18n import _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import kind_label, label, period_words
from ..model.records import Plan, PlanItem, Problem, Project, Theme
from ..queries.plans import actions_without_lead
from ._common import problem, undecidable

__all__ = ["plan_overlap", "action_lead", "unused_theme"]


def plan_overlap(model: Model) -> Iterator[Problem]:
    """Two plans of the same owner and kind whose periods overlap (two streekpacts in force at once)."""
    groups: dict[tuple[str, str], list[Plan]] = defaultdict(list)
    for plan in model.records(Plan):
        if plan.owner is not None and not plan.valid.is_always:
            groups[(plan.owner, plan.kind)].append(plan)
    for (owner, kind), plans in sorted(groups.items()):
        for a, b in combinations(plans, 2):
            truth = a.valid.overlaps(b.valid)
            if truth is Truth.NO:
                continue
            fields = {
                "first": label(model, a.id),
                "first_period": period_words(a.valid),
                "second": label(model, b.id),
                "second_period": period_words(b.valid),
                "kind": kind_label(kind),
                "owner": label(model, owner),
            }
            if truth is Truth.YES:
                message = _(
                    "{first} ({first_period}) and {second} ({second_period}), both of kind {kind} of {owner}, "
                    "are in force at the same time"
                ).format(**fields)
                yield problem("warning", "plan-overlap", [a.id, b.id], message, a, b)
            else:
                message = undecidable(
                    _(
                        "{first} ({first_period}) and {second} ({second_period}), both of kind {kind} of {owner}, "
                        "may overlap; their dates are too coarse to tell"
                    ).format(**fields)
                )
                yield problem("info", "plan-overlap", [a.id, b.id], message, a, b)


def action_lead(model: Model) -> Iterator[Problem]:
    """Actions that name no lead actor: nobody is accountable for them."""
    for found in actions_without_lead(model):
        item, plan = label(model, found.item.id), label(model, found.plan.id)
        if found.item.number:
            message = _("Action {number} {item} of {plan} has no lead actor").format(
                number=found.item.number, item=item, plan=plan
            )
        else:
            message = _("Action {item} of {plan} has no lead actor").format(item=item, plan=plan)
        yield problem(
            "warning",
            "action-lead",
            [found.item.id, found.plan.id],
            message,
            found.plan,
            found.item,
        )


def unused_theme(model: Model) -> Iterator[Problem]:
    """Themes that no plan, plan item or project is about, directly or through a narrower theme."""
    themes: dict[str, Theme] = {t.id: t for t in model.records(Theme)}
    used: set[str] = set()
    about: list[Plan | PlanItem | Project] = [*model.records(Plan), *model.records(PlanItem), *model.records(Project)]
    for record in about:
        used.update(record.themes)
    frontier = list(used)
    while frontier:  # a broader theme is used when a narrower one is
        theme = themes.get(frontier.pop())
        if theme is not None and theme.broader and theme.broader not in used:
            used.add(theme.broader)
            frontier.append(theme.broader)
    for theme_id, theme in sorted(themes.items()):
        if theme_id not in used:
            message = _("Theme {theme} is used by no plan").format(theme=label(model, theme_id))
            yield problem("info", "unused-theme", [theme_id], message, theme)
