"""Commands: ``workflow list | show | diagram | start | fire | correct | status | history | import | audit``.

Also ``workflow instances`` and ``workflow copy``. Every command that touches instances takes
``--store PATH|URL``: an SQLite file or a ``postgresql://`` URL (also ``STREEKBELEID_STORE``).
"""

from __future__ import annotations

import argparse

from ..i18n import _
from ._common import RecordId, load_model, print_json, print_table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model.workflow import WorkflowEvent, WorkflowInstance
    from ..workflows.engine import Engine


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
    p.set_defaults(func=cmd_history)

    p = cmds.add_parser("instances", parents=parents, help=_("list the instances in the store"))
    p.add_argument("--definition", metavar="DEF", type=RecordId("workflow"), help=_("only instances of this workflow"))
    p.add_argument("--subject", metavar="ID", type=RecordId(), help=_("only instances about this record"))
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


def _print_instance(engine: Engine, instance: WorkflowInstance) -> None:
    d = engine.definition(instance.definition)
    print(f"{instance.id}: {instance.state}" + (" (finished)" if instance.finished else ""))
    print(f"  workflow: {d.name} ({d.id})")
    print(f"  subject:  {instance.subject}")
    print(f"  version:  {instance.version}")
    if instance.started:
        print(f"  started:  {instance.started}")
    if instance.updated:
        print(f"  updated:  {instance.updated}")
    for doubt in instance.doubts:
        print(f"  doubt:    {doubt}")


def _event_line(event: WorkflowEvent) -> list[str]:
    import json

    facts = []
    for name in ("by", "recipient", "decision"):
        value = getattr(event, name)
        if value:
            facts.append(f"{name}={value}")
    if event.votes is not None:
        facts.append(f"votes={event.votes.yes},{event.votes.no},{event.votes.abstain}")
    facts.extend(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in event.payload.items())
    step = event.transition if event.corrects is None else f"correct #{event.corrects}"
    return [str(event.version), str(event.date or "-"), step, event.state, " ".join(facts), event.note or ""]


# ---------------------------------------------------------------- commands


def cmd_list(args: argparse.Namespace) -> int:
    from ..workflows.engine import Registry

    registry = Registry.from_contributions(load_model(args).workflows)
    defs = list(registry.definitions.values())
    if args.json:
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
    print_table(
        ["id", "name", "subject", "states", "transitions"],
        [[d.id, d.name, d.subject_kind, len(d.states), len(d.transitions)] for d in defs],
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ..serialization import unstructure
    from ..workflows.engine import Registry

    registry = Registry.from_contributions(load_model(args).workflows)
    d = _lookup(registry, args.definition)
    if args.json:
        print_json(unstructure(d))
        return 0
    print(f"{d.name} ({d.id})")
    print(f"  runs on: {d.subject_kind}")
    if d.description:
        print(f"  {d.description}")
    print(f"  states: {', '.join(d.states)}")
    print(f"  initial: {d.initial}; final: {', '.join(d.finals)}")
    print("  transitions:")
    for t in d.transitions:
        print(f"    {t.name}: {' | '.join(d.sources_of(t))} -> {t.target}")
        print(f"      requires: {', '.join(['date', *(r for r in t.requires if r != 'date')])}")
        for g in t.guards:
            print(f"      guard {g}: {registry.guards[g].description}")
        if t.description:
            print(f"      {t.description}")
    for s in d.sources:
        print(f"  source: {s.document}" + (f": “{s.locator}”" if s.locator else ""))
    return 0


def _lookup(registry: Any, definition_id: str) -> Any:
    from ..workflows import refuse

    try:
        return registry.definitions[definition_id]
    except KeyError:
        known = ", ".join(registry.definitions) or "none"
        raise refuse("definition.unknown", f"no workflow {definition_id!r} (known: {known})") from None


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
        print(f"started {instance.id} in state {instance.state}")
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
        print(f"{instance.id}: {args.transition} -> {instance.state} (version {instance.version})")
        for doubt in new_doubts:
            print(f"  doubt: {doubt}")
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
        print(f"{instance.id}: corrected event {args.version} (version {instance.version})")
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
        guards = f"; guards: {', '.join(t.guards)}" if t.guards else ""
        print(f"  next: {t.name} -> {t.target} (needs {needs}{guards})")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        events = engine.history(args.instance, corrected=args.corrected)
    finally:
        engine.store.close()
    if args.json:
        print_json([_event_json(e) for e in events])
        return 0
    print_table(["#", "date", "step", "state", "facts", "note"], [_event_line(e) for e in events])
    for e in events:
        for doubt in e.doubts:
            print(f"  #{e.version} doubt: {doubt}")
        for s in e.sources:
            print(f"  #{e.version} source: {s.document}" + (f": “{s.locator}”" if s.locator else ""))
    return 0


def cmd_instances(args: argparse.Namespace) -> int:
    from ..workflows.store import open_store

    with open_store(args.store) as store:
        rows = store.instances(args.definition, args.subject)
    if not rows and (args.definition or args.subject):
        _check_filters(args)
    if args.json:
        print_json(
            [
                {"id": r.id, "definition": r.definition, "subject": r.subject, "state": r.state, "version": r.version}
                for r in rows
            ]
        )
        return 0
    print_table(
        ["id", "workflow", "subject", "state", "version"],
        [[r.id, r.definition, r.subject, r.state, r.version] for r in rows],
    )
    return 0


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
        print(f"{i.id}: {i.state} (version {i.version})")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        findings = list(engine.audit(args.instance))
    finally:
        engine.store.close()
    if args.json:
        print_json([{"version": e.version, "transition": e.transition, "problem": why} for e, why in findings])
    else:
        for e, why in findings:
            print(f"#{e.version} {e.transition}: {why}")
        if not findings:
            print(f"{args.instance}: every step still passes its guards")
    return 1 if findings else 0


def cmd_copy(args: argparse.Namespace) -> int:
    import os

    from ..workflows import refuse
    from ..workflows.store import copy_store, is_url, open_store

    if not is_url(args.source) and not os.path.exists(args.source):
        raise refuse("store.missing", f"there is no store {args.source} to copy from")
    with open_store(args.source) as source, open_store(args.target) as target:
        instances, events = copy_store(source, target)
        where = (source.path, target.path)
    if args.json:
        print_json({"from": where[0], "to": where[1], "instances": instances, "events": events})
    else:
        print(f"copied {events} events ({instances} new instances) from {where[0]} to {where[1]}")
    return 0
