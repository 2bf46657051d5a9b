"""The recorded history of the seeds replays through the workflows of the core and the region packages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import streekbeleid_limburg

from streekbeleid import Model, WorkflowError
from streekbeleid.workflows import Engine, EventStore, mermaid, record_history

LIMBURG = streekbeleid_limburg.HISTORY  # shipped with the Limburg package
PACT = "limburg:streekpact-2014-2019/levensloop"
LIRES = "limburg:lires/aanvraag-versterkt-streekbeleid"
LEVERS = "limburg:lires/hefboomprojecten"


@pytest.fixture
def engine(limburg: Model) -> Engine:
    return Engine(limburg, EventStore.memory(), today=dt.date(2024, 6, 1))


def test_every_region_contributes_its_workflow(everything: Model) -> None:
    engine = Engine(everything, EventStore.memory())
    assert [d.id for d in engine.definitions()] == [
        "core:streekpact",
        "core:subsidy-application",
        "leuven:taskforce-cyclus",
        "limburg:lires-hefboomprojecten",
        "zuid_oost_vlaanderen:tweejaarlijkse-evaluatie",
    ]
    for d in engine.definitions():
        assert mermaid(d).startswith("---\ntitle: ")
        assert d.sources, f"{d.id} names no sources"


def test_the_limburg_history_replays(engine: Engine) -> None:
    instances = {i.id: i for i in record_history(engine, LIMBURG)}
    assert {i: (s.definition, s.subject, s.state) for i, s in instances.items()} == {
        PACT: ("core:streekpact", "limburg:streekpact-2014-2019", "submitted"),
        LIRES: ("core:subsidy-application", "limburg:lires", "running"),
        LEVERS: ("limburg:lires-hefboomprojecten", "limburg:lires", "analysing"),
    }


def test_the_pact_was_approved_by_resoc_on_11_march_2014_endorsed_and_submitted(engine: Engine) -> None:
    record_history(engine, LIMBURG)
    events = engine.history(PACT)
    approve = events[1]
    assert (approve.transition, str(approve.date), approve.decision) == (
        "approve",
        "2014-03-11",
        "limburg:streekpact-2014-2019/goedkeuring-resoc",
    )
    assert approve.doubts == ()  # the decision of the owner body, dated that day: nothing uncertain
    councils = events[2]
    assert councils.decision == "limburg:streekpact-2014-2019/onderschrijving-gemeenteraden"
    tally = engine.model.get(councils.decision)
    assert (tally.count, tally.out_of) == (42, 44)
    endorsers = {engine.model.get(e.decision).by for e in events[3:10]}
    assert endorsers == {"org:voka", "org:boerenbond", "org:unizo", "org:vkw", "org:acv", "org:abvv", "org:aclvb"}
    submit = events[-1]
    assert (submit.transition, submit.recipient) == ("submit", "org:agentschap-ondernemen")
    assert str(submit.date) == "2014-03-11.."  # after the approval; the seed gives no date


def test_what_the_seeds_do_not_settle_is_kept_as_doubts(engine: Engine) -> None:
    record_history(engine, LIMBURG)
    doubts = "\n".join(engine.status(PACT).doubts)
    tally = engine.model.get("limburg:streekpact-2014-2019/onderschrijving-gemeenteraden")
    # the seed dates neither the councils' endorsements nor the submission: an undated record leaves a doubt
    undated = "onderschrijving-gemeenteraden) (an unknown date) may fall after the step"
    assert (tally.date is None) == (undated in doubts)
    submission = engine.model.get("limburg:streekpact-2014-2019/indiening")
    assert (submission.date is None) == ("indiening) (an unknown date) may fall after the step" in doubts)
    for doubt in engine.status(PACT).doubts:
        guard = doubt.partition(":")[0]
        assert guard in engine.registry.guards


def test_lires_was_submitted_in_april_and_approved_at_the_end_of_june_2016(engine: Engine) -> None:
    record_history(engine, LIMBURG)
    submit, approve = engine.history(LIRES)[1:3]
    assert (str(submit.date), submit.by, submit.recipient) == ("2016-04", "limburg:ersv", "org:vlaamse-overheid")
    assert (str(approve.date), approve.by, approve.decision) == (
        "2016-06",
        "org:vlaamse-overheid",
        "limburg:lires/goedkeuring",
    )
    assert approve.doubts == ()


def test_replaying_twice_adds_nothing(engine: Engine) -> None:
    first = record_history(engine, LIMBURG)
    versions = {i.id: i.version for i in first}
    second = record_history(engine, LIMBURG)
    assert {i.id: i.version for i in second} == versions


def test_replayed_history_reads_back_the_same_from_a_file_store(limburg: Model, tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with EventStore(path) as store:
        live = {i.id: i for i in record_history(Engine(limburg, store), LIMBURG)}
    with EventStore(path) as store:
        engine = Engine(limburg, store)
        assert {i: engine.status(i) for i in live} == live


def test_a_history_that_contradicts_the_store_is_refused(engine: Engine, tmp_path: Path) -> None:
    record_history(engine, LIMBURG)
    changed = tmp_path / "limburg.yaml"
    changed.write_text(LIMBURG.read_text(encoding="utf-8").replace('date: "2016-06"', 'date: "2016-07"'), "utf-8")
    with pytest.raises(WorkflowError) as info:
        record_history(engine, changed)
    assert info.value.rule == "history.conflict"
    assert f"{changed}:" in str(info.value) and "$.instances[1].steps[1]" in str(info.value)


def test_a_history_step_the_model_refutes_names_file_line_and_rule(limburg: Model, tmp_path: Path) -> None:
    wrong = tmp_path / "limburg.yaml"
    wrong.write_text(
        LIMBURG.read_text(encoding="utf-8").replace(
            "decision: limburg:streekpact-2014-2019/goedkeuring-resoc", "decision: limburg:lires/goedkeuring"
        ),
        "utf-8",
    )
    engine = Engine(limburg, EventStore.memory(), today=dt.date(2024, 6, 1))
    with pytest.raises(WorkflowError) as info:
        record_history(engine, wrong)
    assert info.value.rule == "guard.decision_by_owner"
    line = next(
        n for n, text in enumerate(wrong.read_text(encoding="utf-8").splitlines(), 1) if "transition: approve" in text
    )
    assert str(info.value).startswith(f"{wrong}:{line}: $.instances[0].steps[0]: guard.decision_by_owner: ")
    decision = "decision Vlaamse overheid approves LIRES-plan (limburg:lires/goedkeuring)"
    assert f"{decision}: it was taken by Vlaamse overheid (org:vlaamse-overheid)" in str(info.value)


# ---------------------------------------------------------------- the region workflows on their region's data


@pytest.fixture
def regions(everything: Model) -> Engine:
    return Engine(everything, EventStore.memory(), today=dt.date(2024, 6, 1))


def test_the_leuven_task_force_reports_to_the_mayors_who_steer_it(regions: Engine) -> None:
    cycle = regions.start("leuven:taskforce-cyclus", "leuven:taskforce-spitsregio").id
    regions.fire(cycle, "meet", date="2017-03")
    regions.fire(cycle, "meet", date="2017-05")
    with pytest.raises(WorkflowError) as info:
        regions.fire(cycle, "report_back", date="2017-05", recipient="leuven:toekomstforum-halle-vilvoorde")
    assert info.value.rule == "guard.reports_to_recipient"
    regions.fire(cycle, "report_back", date="2017-05", recipient="leuven:burgemeestersoverleg-oost-brabant")
    with pytest.raises(WorkflowError) as info:
        regions.fire(cycle, "steer", date="2017-06", by="leuven:taskforce-spitsregio")
    assert info.value.rule == "guard.answered_by_recipient"
    assert regions.fire(cycle, "steer", date="2017-06", by="leuven:burgemeestersoverleg-oost-brabant").state == (
        "preparing"
    )
    early = regions.start("leuven:taskforce-cyclus", "leuven:taskforce-spitsregio", instance_id="early").id
    with pytest.raises(WorkflowError) as info:  # the task force began in 2016 or later
        regions.fire(early, "meet", date="2015")
    assert info.value.rule == "guard.subject_active"


def test_lires_analyses_each_limburg_subregion(regions: Engine) -> None:
    levers = regions.start("limburg:lires-hefboomprojecten", "limburg:lires").id
    regions.fire(levers, "kick_off", date="2017-02-06", by="limburg:lires-samenwerking")
    step = regions.fire(
        levers, "analyse_subregion", date="2017", by="limburg:idea-consult", payload={"subregion": "limburg:maasland"}
    )
    assert step.state == "analysing"
    with pytest.raises(WorkflowError) as info:
        regions.fire(
            levers,
            "analyse_subregion",
            date="2017",
            by="limburg:idea-consult",
            payload={"subregion": "zuid_oost_vlaanderen:zuid-oost-vlaanderen"},
        )
    assert info.value.rule == "guard.subregion_of_subject"
    with pytest.raises(WorkflowError) as info:
        regions.fire(levers, "select_projects", date="2017", payload={"subregion": "limburg:maasland"})
    assert (info.value.rule, "payload.projects" in str(info.value)) == ("facts.missing", True)


def test_the_zov_pact_is_evaluated_and_an_adjustment_needs_the_owners_approval(regions: Engine) -> None:
    cycle = regions.start("zuid_oost_vlaanderen:tweejaarlijkse-evaluatie", "zuid_oost_vlaanderen:streekpact-2013-2018")
    regions.fire(cycle.id, "evaluate", date="2015", by="zuid_oost_vlaanderen:resoc")
    regions.fire(cycle.id, "keep_course", date="2015", note="on course")
    regions.fire(cycle.id, "evaluate", date="2017", by="zuid_oost_vlaanderen:resoc")
    assert regions.fire(cycle.id, "propose_adjustment", date="2017", note="more on mobility").state == "adjusting"
    with pytest.raises(WorkflowError) as info:  # no decision of the ZOV RESOC adopting an adjustment is recorded
        regions.fire(cycle.id, "adopt_adjustment", date="2017", decision="limburg:lires/goedkeuring")
    assert info.value.rule == "guard.decision_by_owner"
    assert "not by the owner RESOC Zuid-Oost-Vlaanderen (zuid_oost_vlaanderen:resoc)" in str(info.value)
