"""Commands: ``workflow list | show | diagram | start | fire | correct | status | history | import | audit``.

Also ``workflow instances`` and ``workflow copy``. Every command that touches instances takes
``--store PATH|URL``: an SQLite file or a ``postgresql://`` URL (also ``STREEKBELEID_STORE``).
"""

from __future__ import annotations

import argparse

from ..i18n import N_, _, ngettext
from ._common import RecordId, add_output, emit_table, load_model, print_json, write_output

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model.model import Model
    from ..model.table import Table
    from ..model.workflow import WorkflowDefinition, WorkflowEvent, WorkflowInstance
    from ..workflows.engine import Engine
    from ..workflows.store import InstanceRow


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--store",
        metavar="PATH|URL",
        help=_(
            "the workflow store: an SQLite file, or a postgresql://USER@HOST[:PORT]/DB URL "
            "(default: $STREEKBELEID_STORE, else $XDG_DATA_HOME/streekbeleid/workflows.sqlite3)"
        ),
    )
    shared.add_argument("--json", action="store_true", help=_("machine-readable JSON output"))
    parents = [common, shared]

    wf = sub.add_parser(
        "workflow",
        parents=[common],
        help=_("run the regions' procedures: definitions, instances and their recorded steps"),
        description=_(
            "Workflow definitions come from the plugins; instances live in an event store "
            "(an SQLite file, or a shared PostgreSQL database)."
        ),
    )
    cmds = wf.add_subparsers(dest="workflow_command", metavar="COMMAND")
    wf.set_defaults(func=lambda _args: wf.print_help() or 2)

    p = cmds.add_parser("list", parents=parents, help=_("list the workflow definitions"))
    add_output(p)
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("show", parents=parents, help=_("show a definition: states, transitions, guards, facts"))
    p.add_argument(
        "definition", metavar="DEF", type=RecordId("workflow"), help=_("the definition id, e.g. core:streekpact")
    )
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser("diagram", parents=parents, help=_("draw a definition (Mermaid stateDiagram-v2 or DOT)"))
    p.add_argument("definition", metavar="DEF", type=RecordId("workflow"))
    p.add_argument("--format", choices=("mermaid", "dot"), default="mermaid", help=_("diagram language"))
    p.set_defaults(func=cmd_diagram)

    p = cmds.add_parser("start", parents=parents, help=_("start an instance of a workflow about a subject"))
    p.add_argument("definition", metavar="DEF", type=RecordId("workflow"))
    p.add_argument(
        "subject", metavar="SUBJECT", type=RecordId(), help=_("the record the workflow runs on, e.g. a plan id")
    )
    p.add_argument("--id", dest="instance_id", metavar="ID", help=_("the instance id (default: DEF/SUBJECT)"))
    p.add_argument("--date", help=_("when the procedure began, if known (YYYY, YYYY-MM or YYYY-MM-DD)"))
    p.add_argument("--by", metavar="ID", type=RecordId(), help=_("who began it"))
    _add_note_and_sources(p)
    p.set_defaults(func=cmd_start)

    p = cmds.add_parser("fire", parents=parents, help=_("record a step (a transition) of an instance"))
    p.add_argument("instance", metavar="INSTANCE", type=RecordId("instance"))
    p.add_argument("transition", metavar="TRANSITION")
    p.add_argument("--date", required=True, help=_("when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as the source says"))
    _add_facts(p)
    p.add_argument(
        "--expect-version", type=int, metavar="N", help=_("refuse unless the instance is still at version N")
    )
    p.set_defaults(func=cmd_fire)

    p = cmds.add_parser("correct", parents=parents, help=_("correct the facts of a recorded step (a new event)"))
    p.add_argument("instance", metavar="INSTANCE", type=RecordId("instance"))
    p.add_argument("version", type=int, metavar="VERSION", help=_("the event to correct"))
    p.add_argument("--reason", required=True, help=_("why the correction is made"))
    p.add_argument("--date", help=_("the corrected date"))
    _add_facts(p, note=False)
    p.add_argument(
        "--expect-version", type=int, metavar="N", help=_("refuse unless the instance is still at version N")
    )
    p.set_defaults(func=cmd_correct)

    p = cmds.add_parser("status", parents=parents, help=_("where an instance stands, and what may come next"))
    p.add_argument("instance", metavar="INSTANCE", type=RecordId("instance"))
    p.set_defaults(func=cmd_status)

    p = cmds.add_parser("history", parents=parents, help=_("the recorded events of an instance"))
    p.add_argument("instance", metavar="INSTANCE", type=RecordId("instance"))
    p.add_argument("--corrected", action="store_true", help=_("show the events as they stand after corrections"))
    add_output(p)
    p.set_defaults(func=cmd_history)

    p = cmds.add_parser("instances", parents=parents, help=_("list the instances in the store"))
    p.add_argument("--definition", metavar="DEF", type=RecordId("workflow"), help=_("only instances of this workflow"))
    p.add_argument("--subject", metavar="ID", type=RecordId(), help=_("only instances about this record"))
    add_output(p)
    p.set_defaults(func=cmd_instances)

    p = cmds.add_parser("import", parents=parents, help=_("replay a history file (YAML or JSON) into the store"))
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser(
        "copy",
        parents=[common],
        help=_("copy every instance and event from one store to another (SQLite <-> PostgreSQL)"),
        description=_("Copies every event with its version and recorded time; copying again adds only what is new."),
    )
    p.add_argument("--from", dest="source", required=True, metavar="PATH|URL", help=_("the store to copy from"))
    p.add_argument("--to", dest="target", required=True, metavar="PATH|URL", help=_("the store to copy into"))
    p.add_argument("--json", action="store_true", help=_("machine-readable JSON output"))
    p.set_defaults(func=cmd_copy)

    p = cmds.add_parser("audit", parents=parents, help=_("ask the guards again about every step of an instance"))
    p.add_argument("instance", metavar="INSTANCE", type=RecordId("instance"))
    p.set_defaults(func=cmd_audit)


def _add_note_and_sources(p: argparse.ArgumentParser, *, note: bool = True) -> None:
    if note:
        p.add_argument("--note", help=_("a remark kept with the event"))
    p.add_argument(
        "--source",
        action="append",
        default=None,
        metavar="DOC[ | LOCATOR]",
        help=_("where the fact comes from (repeatable); a quote or locator after ' | '"),
    )


def _add_facts(p: argparse.ArgumentParser, *, note: bool = True) -> None:
    p.add_argument("--by", metavar="ID", type=RecordId(), help=_("who acted or decided"))
    p.add_argument("--recipient", metavar="ID", type=RecordId(), help=_("to whom (e.g. a submission)"))
    p.add_argument(
        "--decision",
        metavar="ID",
        type=RecordId("decision", "tally"),
        help=_("the decision or tally the step rests on"),
    )
    p.add_argument("--votes", metavar="YES,NO,ABSTAIN", help=_("vote counts, e.g. 24,0,0"))
    p.add_argument("--payload", metavar="JSON", help=_("further facts as a JSON object"))
    p.add_argument("--set", action="append", default=None, metavar="KEY=VALUE", help=_("one payload fact (repeatable)"))
    _add_note_and_sources(p, note=note)


# ---------------------------------------------------------------- helpers


def _engine(args: argparse.Namespace) -> Engine:
    from ..workflows.engine import Engine
    from ..workflows.store import open_store

    return Engine(load_model(args), open_store(args.store))


def _sources(args: argparse.Namespace) -> list[dict[str, str]]:
    out = []
    for text in args.source or ():
        document, sep, locator = text.partition(" | ")
        out.append({"document": document.strip(), **({"locator": locator.strip()} if sep else {})})
    return out


def _payload(args: argparse.Namespace) -> dict[str, Any] | None:
    from ..workflows import parse_payload

    return parse_payload(args.payload, args.set or ())


def _instance_json(instance: WorkflowInstance) -> dict[str, Any]:
    from ..serialization import unstructure

    data: dict[str, Any] = unstructure(instance)
    data.setdefault("doubts", [])
    return data


def _event_json(event: WorkflowEvent) -> dict[str, Any]:
    from ..serialization import unstructure

    data: dict[str, Any] = unstructure(event)
    data["payload"] = dict(event.payload)
    return data


def _name(model: Model, record_id: str | None) -> str:
    from ..model.phrasing import label

    return label(model, record_id) if record_id else ""


def _print_instance(engine: Engine, instance: WorkflowInstance) -> None:
    from ..model.workflow import describe_date

    d = engine.definition(instance.definition)
    label = d.state_label(instance.state)
    state = (_("{state} (finished)") if instance.finished else "{state}").format(state=label)
    lines = [
        (_("workflow"), f"{d.display_name()} ({d.id})"),
        (_("subject"), _name(engine.model, instance.subject)),
        (_("version"), str(instance.version)),
    ]
    if instance.started:
        lines.append((_("started"), describe_date(instance.started)))
    if instance.updated:
        lines.append((_("updated"), describe_date(instance.updated)))
    lines.extend((_("doubt"), doubt) for doubt in instance.doubts)
    width = max(len(k) for k, _v in lines) + 1
    print(f"{instance.id}: {state}")
    for key, value in lines:
        print(f"  {key + ':':<{width}} {value}")


def _facts(model: Model, event: WorkflowEvent) -> str:
    """The facts of a step in words: who, to whom, on which decision, the votes, the payload."""
    import json

    facts = []
    for key, word in (("by", N_("by")), ("recipient", N_("recipient")), ("decision", N_("decision"))):
        value = getattr(event, key)
        if value:
            facts.append(_("{fact}: {value}").format(fact=_(word), value=_name(model, value)))
    if event.votes is not None:
        votes = _("{yes} for, {no} against, {abstain} abstaining").format(
            yes=event.votes.yes, no=event.votes.no, abstain=event.votes.abstain
        )
        facts.append(_("{fact}: {value}").format(fact=_("votes"), value=votes))
    facts.extend(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in event.payload.items())
    return "; ".join(facts)


def history_table(model: Model, events: list[WorkflowEvent], definition: WorkflowDefinition | None = None) -> Table:
    """The recorded steps of an instance: number, date (in words; its notation in ``--json`` and the files),
    step, state reached (their labels in the language in use when the ``definition`` is given), facts and note."""
    from ..model.table import HEADINGS, Column, Table

    columns = [
        Column("version", N_("#")),
        Column("date", HEADINGS["date"]),
        Column("step", N_("step")),
        Column("state", N_("state")),
        Column("facts", N_("facts")),
        Column("note", N_("note")),
    ]

    def step(name: str) -> str:
        return definition.step_label(name) if definition else name

    def state(name: str) -> str:
        return definition.state_label(name) if definition else name

    rows = [
        (
            e.version,
            e.date,
            step(e.transition) if e.corrects is None else _("correction of #{version}").format(version=e.corrects),
            state(e.state),
            _facts(model, e),
            e.note,
        )
        for e in events
    ]
    return Table(columns, rows)


def definitions_table(definitions: list[WorkflowDefinition]) -> Table:
    """The workflow definitions: id, name, what they run on, how many states and transitions."""
    from ..model.phrasing import kind_label
    from ..model.table import HEADINGS, Column, Table

    columns = [
        Column("id", HEADINGS["id"]),
        Column("name", HEADINGS["name"]),
        Column("subject_kind", N_("runs on")),
        Column("states", N_("states")),
        Column("transitions", N_("transitions")),
    ]
    rows = [
        (d.id, d.display_name(), kind_label(d.subject_kind), len(d.states), len(d.transitions)) for d in definitions
    ]
    return Table(columns, rows)


def instances_table(model: Model, rows: list[InstanceRow]) -> Table:
    """The instances in the store: id, workflow and subject (names; ids in ``--json`` and the files), state, version."""
    from ..model.table import HEADINGS, Column, Ref, Table
    from ..workflows.engine import Registry

    registry = Registry.from_contributions(model.workflows)

    def workflow(definition_id: str) -> Ref:
        found = registry.definitions.get(definition_id)
        return Ref(definition_id, found.display_name() if found else definition_id)

    def state(definition_id: str, name: str) -> str:
        found = registry.definitions.get(definition_id)
        return found.state_label(name) if found else name

    columns = [
        Column("id", HEADINGS["id"]),
        Column("definition", N_("workflow")),
        Column("subject", N_("subject")),
        Column("state", N_("state")),
        Column("version", N_("version")),
    ]
    return Table(
        columns,
        [
            (r.id, workflow(r.definition), Ref.to(model, r.subject), state(r.definition, r.state), r.version)
            for r in rows
        ],
    )


# ---------------------------------------------------------------- commands


def cmd_list(args: argparse.Namespace) -> int:
    from ..workflows.engine import Registry

    registry = Registry.from_contributions(load_model(args).workflows)
    defs = list(registry.definitions.values())
    if args.json and not args.output:
        print_json(
            [
                {
                    "id": d.id,
                    "name": d.name,
                    "subject_kind": d.subject_kind,
                    "states": list(d.states),
                    "transitions": [t.name for t in d.transitions],
                }
                for d in defs
            ]
        )
        return 0
    return emit_table(args, definitions_table(defs))


def cmd_show(args: argparse.Namespace) -> int:
    from ..serialization import unstructure
    from ..workflows.engine import Registry

    model = load_model(args)
    registry = Registry.from_contributions(model.workflows)
    d = _lookup(registry, args.definition)
    if args.json:
        print_json(unstructure(d))
        return 0
    from ..model.phrasing import kind_label

    def state(name: str) -> str:  # the label, and the id one types in a history file
        label = d.state_label(name)
        return name if label == name else f"{label} ({name})"

    print(f"{d.display_name()} ({d.id})")
    print("  " + _("runs on: {kind}").format(kind=kind_label(d.subject_kind)))
    description = d.display_description()
    if description:
        print(f"  {description}")
    print("  " + _("states: {states}").format(states=", ".join(map(state, d.states))))
    print(
        "  "
        + _("initial: {initial}; final: {finals}").format(
            initial=d.state_label(d.initial), finals=", ".join(map(d.state_label, d.finals))
        )
    )
    print("  " + _("transitions:"))
    for t in d.transitions:
        sources = " | ".join(map(d.state_label, d.sources_of(t)))
        print(f"    {d.step_with_id(t.name)}: {sources} -> {d.state_label(t.target)}")
        needs = ", ".join(["date", *(r for r in t.requires if r != "date")])
        print("      " + _("requires: {facts}").format(facts=needs))
        for g in t.guards:
            described = _(registry.guards[g].description)  # a core guard's is in the catalogue; a plugin's as written
            print("      " + _("guard {guard}: {description}").format(guard=g, description=described))
        step_description = t.display_description()
        if step_description:
            print(f"      {step_description}")
    from ..citing import DocumentIndex

    documents = DocumentIndex.at_hand(model)
    for s in d.sources:
        print("  " + _("source: {source}").format(source=documents.said(s)))
    return 0


def _lookup(registry: Any, definition_id: str) -> Any:
    from ..workflows import refuse

    try:
        return registry.definitions[definition_id]
    except KeyError:
        known = ", ".join(registry.definitions) or _("none")
        raise refuse(
            "definition.unknown", _("no workflow {id} (known: {known})").format(id=repr(definition_id), known=known)
        ) from None


def cmd_diagram(args: argparse.Namespace) -> int:
    from ..workflows.diagram import render
    from ..workflows.engine import Registry

    registry = Registry.from_contributions(load_model(args).workflows)
    text = render(_lookup(registry, args.definition), args.format)
    if args.json:
        print_json({"definition": args.definition, "format": args.format, "diagram": text})
    else:
        print(text)
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        instance = engine.start(
            args.definition,
            args.subject,
            instance_id=args.instance_id,
            date=args.date,
            by=args.by,
            note=args.note,
            sources=_sources(args),
        )
    finally:
        engine.store.close()
    if args.json:
        print_json(_instance_json(instance))
    else:
        state = engine.definition(instance.definition).state_label(instance.state)
        print(_("started {instance} in state {state}").format(instance=instance.id, state=state))
    return 0


def cmd_fire(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        instance = engine.fire(
            args.instance,
            args.transition,
            date=args.date,
            by=args.by,
            recipient=args.recipient,
            decision=args.decision,
            votes=args.votes,
            payload=_payload(args),
            note=args.note,
            sources=_sources(args),
            expected_version=args.expect_version,
        )
        new_doubts = engine.history(instance.id)[-1].doubts
    finally:
        engine.store.close()
    if args.json:
        print_json(_instance_json(instance))
    else:
        d = engine.definition(instance.definition)
        print(
            _("{instance}: {step} -> {state} (version {version})").format(
                instance=instance.id,
                step=d.step_label(args.transition),
                state=d.state_label(instance.state),
                version=instance.version,
            )
        )
        for doubt in new_doubts:
            print("  " + _("doubt: {doubt}").format(doubt=doubt))
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    engine = _engine(args)
    changes: dict[str, Any] = {}
    for name in ("date", "by", "recipient", "decision", "votes"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    payload = _payload(args)
    if payload is not None:
        changes["payload"] = payload
    if args.source:
        changes["sources"] = _sources(args)
    try:
        instance = engine.correct(
            args.instance,
            args.version,
            reason=args.reason,
            expected_version=args.expect_version,
            **changes,
        )
    finally:
        engine.store.close()
    if args.json:
        print_json(_instance_json(instance))
    else:
        print(
            _("{instance}: corrected event {event} (version {version})").format(
                instance=instance.id, event=args.version, version=instance.version
            )
        )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        instance = engine.status(args.instance)
    finally:
        engine.store.close()
    d = engine.definition(instance.definition)
    nxt = [] if instance.finished else d.transitions_from(instance.state)
    if args.json:
        data = _instance_json(instance)
        data["next"] = [
            {"transition": t.name, "target": t.target, "requires": ["date", *t.requires], "guards": list(t.guards)}
            for t in nxt
        ]
        print_json(data)
        return 0
    _print_instance(engine, instance)
    for t in nxt:
        needs = ", ".join(["date", *(r for r in t.requires if r != "date")])
        step, state = d.step_with_id(t.name), d.state_label(t.target)
        fields = {"step": step, "state": state, "facts": needs, "guards": ", ".join(t.guards)}
        if t.guards:
            print("  " + _("next: {step} -> {state} (needs {facts}; guards: {guards})").format(**fields))
        else:
            print("  " + _("next: {step} -> {state} (needs {facts})").format(**fields))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        events = engine.history(args.instance, corrected=args.corrected)
        definition = engine.definition_of(args.instance)
    finally:
        engine.store.close()
    if args.json and not args.output:
        print_json([_event_json(e) for e in events])
        return 0
    table = history_table(engine.model, events, definition)
    if write_output(args, table):
        return 0
    print(table)
    from ..citing import DocumentIndex

    documents = DocumentIndex.at_hand(engine.model)
    for e in events:
        for doubt in e.doubts:
            print("  " + _("#{version} doubt: {doubt}").format(version=e.version, doubt=doubt))
        for s in e.sources:
            source = documents.said(s)
            print("  " + _("#{version} source: {source}").format(version=e.version, source=source))
    return 0


def cmd_instances(args: argparse.Namespace) -> int:
    from ..workflows.store import open_store

    with open_store(args.store) as store:
        rows = store.instances(args.definition, args.subject)
    if not rows and (args.definition or args.subject):
        _check_filters(args)
    if args.json and not args.output:
        print_json(
            [
                {"id": r.id, "definition": r.definition, "subject": r.subject, "state": r.state, "version": r.version}
                for r in rows
            ]
        )
        return 0
    return emit_table(args, instances_table(load_model(args), rows))


def _check_filters(args: argparse.Namespace) -> None:
    """Refuse a filter that names no workflow, no record, or a record no workflow runs on.

    Asked only when nothing matched, so listing stays a plain read of the store.
    """
    from ..errors import RecordKindError
    from ..model.model import record_type
    from ..workflows.engine import Registry

    model = load_model(args)
    registry = Registry.from_contributions(model.workflows)
    if args.definition:
        _lookup(registry, args.definition)
    if args.subject:
        kind = record_type(model.get(args.subject))
        kinds = sorted({d.subject_kind for d in registry.definitions.values()})
        if kind not in kinds:
            raise RecordKindError(args.subject, kind, " or ".join(f"a {k}" for k in kinds) or "a workflow subject")


def cmd_import(args: argparse.Namespace) -> int:
    from ..workflows.history import record_history

    engine = _engine(args)
    try:
        instances = record_history(engine, args.file)
    finally:
        engine.store.close()
    if args.json:
        print_json([_instance_json(i) for i in instances])
        return 0
    for i in instances:
        state = engine.definition(i.definition).state_label(i.state)
        print(_("{instance}: {state} (version {version})").format(instance=i.id, state=state, version=i.version))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        findings = list(engine.audit(args.instance))
        definition = engine.definition_of(args.instance)
    finally:
        engine.store.close()
    if args.json:
        print_json([{"version": e.version, "transition": e.transition, "problem": why} for e, why in findings])
    else:
        for e, why in findings:
            print(f"#{e.version} {definition.step_label(e.transition)}: {why}")
        if not findings:
            print(_("{instance}: every step still passes its guards").format(instance=args.instance))
    return 1 if findings else 0


def cmd_copy(args: argparse.Namespace) -> int:
    import os

    from ..workflows import refuse
    from ..workflows.store import copy_store, is_url, open_store

    if not is_url(args.source) and not os.path.exists(args.source):
        raise refuse("store.missing", _("there is no store {store} to copy from").format(store=args.source))
    with open_store(args.source) as source, open_store(args.target) as target:
        instances, events = copy_store(source, target)
        where = (source.path, target.path)
    if args.json:
        print_json({"from": where[0], "to": where[1], "instances": instances, "events": events})
    else:
        copied = ngettext("{n} new instance", "{n} new instances", instances).format(n=instances)
        print(
            ngettext(
                "copied {events} event ({instances}) from {source} to {target}",
                "copied {events} events ({instances}) from {source} to {target}",
                events,
            ).format(events=events, instances=copied, source=where[0], target=where[1])
        )
    return 0
