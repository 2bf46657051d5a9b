"""The workflows section of a region's page: the procedures and the recorded instances with their history."""

from __future__ import annotations

from ..i18n import _
from ..model import phrasing
from ..model.workflow import WorkflowDefinition, readable
from ._site import InstanceView, Site
from .html import Markup, concat, el, table
from .scope import RegionScope

__all__ = ["workflows_section"]


def workflows_section(site: Site, scope: RegionScope) -> Markup:
    """The procedures a region follows and, from a workflow store, each instance about it with its history."""
    wf = site.workflows
    ids = site.scope_ids(scope)
    mine = [i for i in wf.instances if i.subject in ids]
    origin = site.model.origins.get(scope.region.id)
    used = {i.definition for i in mine}
    defs = [d for d in wf.definitions if d.id.partition(":")[0] == origin or d.id in used]
    out: list[Markup] = []
    if defs:
        out.append(el("h3", _("Procedures")))
        out.append(el("ul", [_procedure(site, d) for d in defs]))
    out.append(el("h3", _("Procedures under way")))
    if wf.store is None:
        out.append(el("p", _("None recorded (the report was made without a workflow store)."), class_="muted"))
    elif wf.note:
        out.append(el("p", wf.note, class_="muted"))
    elif not mine:
        out.append(el("p", _("None about this region in {store}.").format(store=wf.store), class_="muted"))
    by_id = {d.id: d for d in wf.definitions}
    out.extend(_instance(site, inst, by_id.get(inst.definition)) for inst in mine)
    return concat(out)


def _procedure(site: Site, d: WorkflowDefinition) -> Markup:
    """A procedure by its name and description, its states and its steps, in the language in use."""
    description = d.display_description()
    return el(
        "li",
        el("b", d.display_name()),
        f" — {description}" if description else "",
        el("div", _("states:"), " ", " → ".join(map(d.state_label, d.states)), class_="muted"),
        el("div", _("steps:"), " ", ", ".join(t.display_label() for t in d.transitions), class_="muted"),
        site.src(d),
    )


def _instance(site: Site, inst: InstanceView, d: WorkflowDefinition | None) -> Markup:
    """An instance's heading (procedure, subject, where it stands) and the table of its steps.

    ``d`` is the definition it follows; without it (a definition no package gives any more) states and steps
    read as their ids with spaces.
    """
    status = _("finished") if inst.finished else _("open")
    state = d.state_label if d else readable
    step = d.step_label if d else readable
    head = el(
        "h4",
        d.display_name() if d else inst.definition,
        " — ",
        site.link(inst.subject),
        f": {state(inst.state)} ({status})",
    )
    rows = [
        el(
            "tr",
            el("td", phrasing.bound_words(e.date) if e.date is not None else "", class_="date"),
            el(
                "td",
                step(e.transition) if e.corrects is None else _("correction of #{version}").format(version=e.corrects),
            ),
            el("td", state(e.state)),
            el("td", site.link(e.by) if e.by else "", site.link(e.decision) if e.decision else ""),
            el(
                "td",
                e.note or "",
                [el("div", _("doubt: {doubt}").format(doubt=d), class_="uncertain-mark") for d in e.doubts],
            ),
            el("td", e.recorded_at, class_="date muted"),
            el("td", site.sources.links(e.sources)),
        )
        for e in inst.events
    ]
    heads = [_("date"), _("step"), _("state after"), _("by / decision"), _("note"), _("recorded"), _("sources")]
    return concat(head, table(heads, rows, class_="history"))
