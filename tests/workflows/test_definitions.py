"""Workflow definitions: checked when built, loadable from data files with located errors, registered with guards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import streekbeleid
from streekbeleid import DataError, WorkflowError
from streekbeleid.model.workflow import (
    DecisionRule,
    Guard,
    Transition,
    Verdict,
    WorkflowDefinition,
)
from streekbeleid.plugins import hookimpl
from streekbeleid.serialization import Dataset, dataset_json_schema, load_data_file
from streekbeleid.workflows import CORE_GUARDS, Registry


def definition(**changes: Any) -> WorkflowDefinition:
    fields: dict[str, Any] = {
        "id": "t:flow",
        "name": "Flow",
        "subject_kind": "plan",
        "states": ["open", "approved", "done"],
        "initial": "open",
        "finals": ["done"],
        "transitions": [
            Transition(name="approve", source=["open"], target="approved"),
            Transition(name="finish", source=["approved"], target="done"),
        ],
    }
    fields.update(changes)
    return WorkflowDefinition(**fields)


def refused(**changes: Any) -> str:
    with pytest.raises(ValueError) as info:
        definition(**changes)
    message = str(info.value)
    assert message.startswith("workflow 't:flow': "), message
    return message


def test_a_sound_definition_builds() -> None:
    d = definition()
    assert [t.name for t in d.transitions_from("open")] == ["approve"]
    assert d.is_final("done")


def test_an_unreachable_state_is_refused() -> None:
    message = refused(states=["open", "approved", "limbo", "done"])
    assert "state 'limbo' cannot be reached from the initial state 'open'" in message


def test_a_definition_without_finals_is_refused() -> None:
    assert "it has no final state" in refused(finals=[])


def test_an_unknown_final_state_is_refused() -> None:
    assert "final state 'ended' is not one of its states" in refused(finals=["done", "ended"])


def test_an_unknown_initial_state_is_refused() -> None:
    assert "the initial state 'draft' is not one of its states" in refused(initial="draft")


def test_a_transition_out_of_a_final_state_is_refused() -> None:
    message = refused(
        transitions=[
            Transition(name="approve", source=["open"], target="approved"),
            Transition(name="finish", source=["approved"], target="done"),
            Transition(name="reopen", source=["done"], target="open"),
        ]
    )
    assert "transition 'reopen' leaves the final state 'done'" in message


def test_a_state_with_no_way_to_a_final_state_is_refused() -> None:
    message = refused(
        states=["open", "approved", "stuck", "done"],
        transitions=[
            Transition(name="approve", source=["open"], target="approved"),
            Transition(name="jam", source=["open"], target="stuck"),
            Transition(name="finish", source=["approved"], target="done"),
        ],
    )
    assert "state 'stuck' has no way to a final state (done)" in message


def test_unknown_states_in_transitions_are_refused() -> None:
    message = refused(
        transitions=[
            Transition(name="approve", source=["draft"], target="approved"),
            Transition(name="finish", source=["approved"], target="finished"),
        ]
    )
    assert "transition 'approve' starts from unknown state 'draft'" in message
    assert "transition 'finish' leads to unknown state 'finished'" in message


def test_a_transition_defined_twice_is_refused() -> None:
    message = refused(
        transitions=[
            Transition(name="approve", source=["open"], target="approved"),
            Transition(name="approve", source=["approved"], target="done"),
        ]
    )
    assert "transition 'approve' is defined twice" in message


@pytest.mark.parametrize("name", ["start", "correct"])
def test_engine_names_are_reserved(name: str) -> None:
    message = refused(
        transitions=[
            Transition(name=name, source=["open"], target="approved"),
            Transition(name="finish", source=["approved"], target="done"),
        ]
    )
    assert f"transition {name!r}: the name is reserved" in message


def test_unknown_facts_are_refused() -> None:
    message = refused(
        transitions=[
            Transition(name="approve", source=["open"], target="approved", requires=["by|mood"]),
            Transition(name="finish", source=["approved"], target="done", requires=["payload."]),
        ]
    )
    assert "requirement 'by|mood': 'mood' is not a fact" in message
    assert "requirement 'payload.' names no payload key" in message


def test_every_problem_is_reported_at_once() -> None:
    message = refused(finals=[], initial="draft")
    assert "no final state" in message and "initial state 'draft'" in message


def test_an_unknown_subject_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="subject_kind: 'pact' is not one of"):
        definition(subject_kind="pact")


def test_any_state_expands_to_the_states_that_are_not_final() -> None:
    d = definition(
        transitions=[
            Transition(name="approve", source=["open"], target="approved"),
            Transition(name="finish", source=["*"], target="done"),
        ]
    )
    assert d.sources_of(d.transition("finish")) == ("open", "approved")


# ---------------------------------------------------------------- data files


def test_definitions_load_from_a_data_file(tmp_path: Path) -> None:
    f = tmp_path / "workflows.yaml"
    f.write_text(
        """\
workflows:
  - id: t:flow
    name: Flow
    subject_kind: plan
    states: [open, done]
    initial: open
    finals: [done]
    transitions:
      - {name: finish, source: [open], target: done, guards: [parties_active], requires: [by]}
""",
        encoding="utf-8",
    )
    ds = load_data_file(f)
    assert [d.id for d in ds.workflows] == ["t:flow"]
    assert ds.workflows[0].transitions[0].requires == ("by",)


def test_a_broken_definition_in_a_data_file_names_file_line_and_definition(tmp_path: Path) -> None:
    f = tmp_path / "workflows.yaml"
    f.write_text(
        """\
workflows:
  - id: t:fine
    name: Fine
    subject_kind: plan
    states: [open, done]
    initial: open
    finals: [done]
    transitions: [{name: finish, source: [open], target: done}]
  - id: t:broken
    name: Broken
    subject_kind: plan
    states: [open, lost, done]
    initial: open
    finals: [done]
    transitions:
      - {name: finish, source: [open], target: done, colour: red}
""",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_data_file(f)
    text = str(info.value)
    assert f"{f}:16: $.workflows[1].transitions[0].colour: unknown field" in text
    f.write_text(f.read_text(encoding="utf-8").replace(", colour: red", ""), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_data_file(f)
    assert str(info.value) == (
        f"{f}:9: $.workflows[1]: workflow 't:broken': state 'lost' cannot be reached from the initial state 'open'"
    )


def test_the_json_schema_describes_workflows() -> None:
    schema = dataset_json_schema()
    assert schema["properties"]["workflows"]["items"] == {"$ref": "#/$defs/WorkflowDefinition"}
    wd = schema["$defs"]["WorkflowDefinition"]
    assert wd["properties"]["subject_kind"]["enum"][:3] == ["actor", "body", "meeting"]
    assert set(schema["$defs"]["Transition"]["required"]) == {"name", "source", "target"}


def test_the_core_plugin_supplies_the_core_workflows() -> None:
    model = streekbeleid.load(plugins=[])
    ids = [w.id for w in model.workflows if isinstance(w, WorkflowDefinition)]
    assert ids == ["core:streekpact", "core:subsidy-application"]
    pact = next(w for w in model.workflows if w.id == "core:streekpact")
    assert pact.states == (
        "drafted",
        "in_consultation",
        "approved",
        "endorsement_round",
        "submitted",
        "in_force",
        "evaluated",
        "closed",
        "superseded",
    )
    assert pact.finals == ("closed", "superseded")


def test_dataset_keeps_workflows_apart_from_records() -> None:
    ds = Dataset(workflows=[definition()])  # type: ignore[arg-type]
    assert list(ds.records()) == []


# ---------------------------------------------------------------- the registry


def test_an_unknown_guard_is_refused_naming_definition_and_transition() -> None:
    d = definition(
        transitions=[
            Transition(name="approve", source=["open"], target="approved", guards=["decision_by_ownr"]),
            Transition(name="finish", source=["approved"], target="done"),
        ]
    )
    with pytest.raises(WorkflowError) as info:
        Registry.from_contributions([d])
    assert info.value.rule == "definition.invalid"
    assert "workflow 't:flow': transition 'approve' names unknown guard 'decision_by_ownr'" in str(info.value)


def test_a_definition_contributed_twice_is_refused() -> None:
    with pytest.raises(WorkflowError, match="workflow 't:flow' is defined twice"):
        Registry.from_contributions([definition(), definition()])


def test_a_plugin_guard_cannot_take_a_core_guard_name() -> None:
    impostor = Guard(name="decision_by_owner", function=lambda ctx: Verdict.yes("always"))
    with pytest.raises(WorkflowError, match="guard 'decision_by_owner' is defined twice"):
        Registry.from_contributions([impostor])


def test_contributions_of_other_types_are_refused() -> None:
    with pytest.raises(WorkflowError, match="returned str 'core:streekpact'; expected WorkflowDefinition"):
        Registry.from_contributions(["core:streekpact"])


def test_guard_names_are_plain_or_namespaced() -> None:
    Guard(name="t:experts_heard", function=lambda ctx: Verdict.yes("ok"))
    with pytest.raises(ValueError, match="guard name 'Experts Heard'"):
        Guard(name="Experts Heard", function=lambda ctx: Verdict.yes("ok"))


def test_every_core_guard_is_documented() -> None:
    assert all(g.description for g in CORE_GUARDS)
    assert len({g.name for g in CORE_GUARDS}) == len(CORE_GUARDS)


class _RegionPlugin:
    """A region that contributes a workflow, a guard and a decision rule from code."""

    @hookimpl
    def streekbeleid_workflows(self) -> list[Any]:
        return [
            definition(
                id="t:flow",
                transitions=[
                    Transition(name="approve", source=["open"], target="approved", guards=["t:experts_heard"]),
                    Transition(name="finish", source=["approved"], target="done"),
                ],
            ),
            Guard(name="t:experts_heard", function=lambda ctx: Verdict.yes("heard"), description="experts heard"),
            DecisionRule(body="t:resoc", kind="approve", unanimous=True),
        ]


def test_plugins_contribute_definitions_guards_and_rules_through_the_hook() -> None:
    from streekbeleid.assembly import assemble
    from streekbeleid.plugins.manager import make_plugin_manager

    model = assemble(make_plugin_manager([], extra=[("t", _RegionPlugin())]))
    registry = Registry.from_contributions(model.workflows)
    assert "t:flow" in registry.definitions
    assert registry.guards["t:experts_heard"].description == "experts heard"
    assert registry.rules == (DecisionRule(body="t:resoc", kind="approve", unanimous=True),)
    assert streekbeleid.check(model, rules=["workflow-definitions"]) == []


class _MisspeltPlugin:
    """A region whose workflow names a guard with a typo, and defines the core's workflow again."""

    @hookimpl
    def streekbeleid_workflows(self) -> list[Any]:
        flow = definition(
            id="t:flow",
            transitions=[
                Transition(name="approve", source=["open"], target="approved", guards=["t:experts_hread"]),
                Transition(name="finish", source=["approved"], target="done"),
            ],
        )
        return [flow, flow]


def test_check_finds_what_the_engine_would_refuse_before_any_step() -> None:
    from streekbeleid.assembly import assemble
    from streekbeleid.plugins.manager import make_plugin_manager

    model = assemble(make_plugin_manager([], extra=[("t", _MisspeltPlugin())]))  # loads: the data are sound
    problems = streekbeleid.check(model, rules=["workflow-definitions"])
    assert [(p.severity, p.ids) for p in problems] == [("error", ("t:flow",)), ("error", ("t:flow",))]
    assert problems[0].message == "workflow 't:flow' is defined twice"
    assert problems[1].message.startswith(
        "workflow 't:flow': transition 'approve' names unknown guard 't:experts_hread' (known: answered_by_recipient,"
    )
    with pytest.raises(WorkflowError) as info:
        Registry.from_contributions(model.workflows)
    assert all(p.message in str(info.value) for p in problems)


def test_a_text_where_a_list_belongs_is_named_as_such() -> None:
    message = refused(finals="done")
    assert message == "workflow 't:flow': finals: write a list, e.g. [done], not the text 'done'"


def test_state_names_are_words() -> None:
    assert "state name 'Open' must be two or more lower-case letters" in refused(states=["Open", "approved", "done"])
