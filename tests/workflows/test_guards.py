"""The core guards, asked through the engine on the hand-made model: yes passes, no refuses, uncertain
passes with its reason kept as a doubt on the event."""

from __future__ import annotations

from typing import Any

import pytest

from streekbeleid import Model, WorkflowError
from streekbeleid.model.workflow import Guard, GuardContext, Transition, Verdict, WorkflowDefinition
from streekbeleid.workflows import Engine, EventStore


def refusal(engine: Engine, instance: str, transition: str, **facts: Any) -> WorkflowError:
    with pytest.raises(WorkflowError) as info:
        engine.fire(instance, transition, **facts)
    return info.value


@pytest.fixture
def pact(engine: Engine) -> str:
    return engine.start("core:streekpact", "t:pact").id


@pytest.fixture
def approved(engine: Engine, pact: str) -> str:
    engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve")
    return pact


# ---------------------------------------------------------------- decision_by_owner


def test_approval_by_an_adopted_decision_of_the_owner_passes(engine: Engine, pact: str) -> None:
    instance = engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve", by="t:resoc")
    assert instance.state == "approved"
    assert instance.doubts == ()


@pytest.mark.parametrize(
    ("decision", "why"),
    [
        ("t:pact/approve-by-gov", "was taken by Government (t:gov), not by the owner RESOC (t:resoc)"),
        ("t:pact/advice", "it is not an approval but: RESOC (t:resoc) advises on Pact (t:pact)"),
        ("t:newer/approve", "is about Newer pact (t:newer), not Pact (t:pact)"),
        ("t:pact/approve-rejected", "was rejected, not adopted"),
        ("t:pact/approve-later", "is dated May 2014, after 11 March 2014"),
    ],
)
def test_approval_needs_the_owners_adopted_approval_on_or_before_the_date(
    engine: Engine, pact: str, decision: str, why: str
) -> None:
    error = refusal(engine, pact, "approve", date="2014-03-11", decision=decision)
    assert error.rule == "guard.decision_by_owner"
    assert why in str(error)


def test_approval_made_by_someone_else_than_the_owner_is_refused(engine: Engine, pact: str) -> None:
    error = refusal(engine, pact, "approve", date="2014-03-11", decision="t:pact/approve", by="t:gov")
    assert "the step is made by Government (t:gov), but the owner is RESOC (t:resoc)" in str(error)


def test_approval_of_a_plan_without_owner_is_refused(engine: Engine) -> None:
    orphan = engine.start("core:streekpact", "t:orphan").id
    error = refusal(engine, orphan, "approve", date="2014-03-11", decision="t:pact/approve")
    assert "Orphan plan (t:orphan) names no owner body" in str(error)


def test_an_undated_approval_passes_with_a_doubt(engine: Engine, pact: str) -> None:
    instance = engine.fire(pact, "approve", date="2014-03", decision="t:pact/approve-undated")
    assert instance.doubts == (
        "decision_by_owner: decision RESOC approves Pact (t:pact/approve-undated) (an unknown date) "
        "may fall after the step (March 2014)",
    )


def test_approval_within_the_same_month_as_a_dated_decision_is_uncertain(engine: Engine, pact: str) -> None:
    instance = engine.fire(pact, "approve", date="2014-05-02", decision="t:pact/approve-later")
    assert instance.state == "approved"
    assert "may fall after the step (2 May 2014)" in instance.doubts[0]


def test_the_owners_approval_is_found_in_the_model_when_the_step_names_none(model: Model) -> None:
    d = WorkflowDefinition(
        id="t:quick",
        name="Quick approval",
        subject_kind="plan",
        states=["draft", "approved"],
        initial="draft",
        finals=["approved"],
        transitions=[Transition(name="approve", source=["draft"], target="approved", guards=["decision_by_owner"])],
    )
    engine = Engine(Model.from_records(model.records(object), workflows=[*model.workflows, d]), EventStore.memory())
    engine.start("t:quick", "t:pact")
    engine.start("t:quick", "t:orphan", instance_id="orphan")
    assert engine.fire("t:quick/t:pact", "approve", date="2014-04").state == "approved"
    assert engine.start("t:quick", "t:newer").state == "draft"
    assert engine.fire("t:quick/t:newer", "approve", date="2014-04").state == "approved"


# ---------------------------------------------------------------- unanimous_if_required


def test_unanimity_is_not_required_without_a_rule(engine: Engine, pact: str) -> None:
    assert engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve-split").doubts == ()


def test_a_rule_requiring_unanimity_refuses_votes_against(unanimity_model: Model, store: EventStore) -> None:
    engine = Engine(unanimity_model, store)
    pact = engine.start("core:streekpact", "t:pact").id
    error = refusal(engine, pact, "approve", date="2014-03-11", decision="t:pact/approve-split")
    assert error.rule == "guard.unanimous_if_required"
    assert (
        "RESOC (t:resoc) approves Pact (t:pact): the rule requires unanimity, "
        "but the votes were 18 for, 2 against, 0 abstaining" in str(error)
    )


def test_a_rule_requiring_unanimity_passes_unanimous_votes(unanimity_model: Model, store: EventStore) -> None:
    engine = Engine(unanimity_model, store)
    pact = engine.start("core:streekpact", "t:pact").id
    assert engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve").doubts == ()


def test_a_required_unanimity_the_sources_do_not_settle_is_a_doubt(unanimity_model: Model, store: EventStore) -> None:
    engine = Engine(unanimity_model, store)
    pact = engine.start("core:streekpact", "t:pact").id
    instance = engine.fire(pact, "approve", date="2014-03", decision="t:pact/approve-undated")
    assert (
        "unanimous_if_required: RESOC (t:resoc) approves Pact (t:pact): the rule requires unanimity; "
        "the sources do not say" in "\n".join(instance.doubts)
    )


# ---------------------------------------------------------------- endorser_exists_and_in_region


def test_a_municipality_of_the_region_endorses(engine: Engine, approved: str) -> None:
    instance = engine.fire(approved, "endorse", date="2014-04", by="nis:71016")
    assert (instance.state, instance.doubts) == ("endorsement_round", ())


def test_a_municipal_government_actor_endorses_for_its_municipality(engine: Engine, approved: str) -> None:
    assert engine.fire(approved, "endorse", date="2014-04", by="t:genk-council").doubts == ()


def test_a_municipality_outside_the_region_cannot_endorse(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2014-04", by="nis:24062")
    assert error.rule == "guard.endorser_exists_and_in_region"
    assert "Leuven (nis:24062) does not lie in Limburg (t:limburg) on April 2014" in str(error)


def test_a_municipality_that_no_longer_exists_cannot_endorse(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2019-03", by="nis:71022")
    assert error.rule == "guard.endorser_exists_and_in_region"
    assert "Hasselt (nis:71022) did not exist on March 2019 (it existed until 31 December 2018)" in str(error)
    error = refusal(engine, approved, "endorse", date="2014-04", by="nis:71072")
    assert "Hasselt (2019) (nis:71072) did not exist on April 2014 (it existed from 1 January 2019)" in str(error)


def test_an_endorsement_in_the_year_of_a_merger_is_uncertain(engine: Engine, approved: str) -> None:
    engine.fire(approved, "endorse", date="2014-04", by="nis:71016")
    instance = engine.fire(approved, "endorse", date="2018", by="nis:71022")
    assert instance.doubts == ()
    instance = engine.fire(approved, "endorse", date="2018-12-31..", by="nis:71022")
    assert instance.doubts == (
        "endorser_exists_and_in_region: Hasselt (nis:71022) may not exist on 31 December 2018 at the earliest "
        "(it existed until 31 December 2018)",
    )


def test_an_arrondissement_is_not_a_council(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2014-04", by="nis:71000")
    assert "is a territory of level arrondissement, not a municipality or province with a council" in str(error)


def test_an_organisation_seated_in_the_owner_body_endorses(engine: Engine, approved: str) -> None:
    assert engine.fire(approved, "endorse", date="2014-04", by="t:voka").doubts == ()
    instance = engine.fire(approved, "endorse", date="2014-04", decision="t:pact/endorse-voka")
    assert instance.doubts == (
        "endorser_exists_and_in_region: decision Voka endorses Pact (t:pact/endorse-voka) (an unknown date) "
        "may fall after the step "
        "(April 2014)",
    )


def test_an_organisation_not_seated_in_the_owner_body_cannot_endorse(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2014-04", by="t:outsider")
    assert "nor an organisation seated in the body that owns the plan" in str(error)


def test_an_endorsement_decision_is_checked_like_its_decider(engine: Engine, approved: str) -> None:
    assert engine.fire(approved, "endorse", date="2014-04", decision="t:pact/endorse-genk").doubts == ()
    error = refusal(engine, approved, "endorse", date="2014-04", decision="t:pact/approve")
    assert "decision RESOC approves Pact (t:pact/approve) is not an endorsement of Pact (t:pact)" in str(error)


def test_a_tally_of_the_councils_of_the_region_endorses(engine: Engine, approved: str) -> None:
    instance = engine.fire(approved, "endorse", date="2014-05", decision="t:pact/councils")
    assert (instance.state, instance.doubts) == ("endorsement_round", ())


def test_a_tally_counting_more_councils_than_the_place_had_is_refused(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2014-05", decision="t:pact/councils-miscounted")
    assert "counts 5 of 7 municipal councils, but Limburg (nis:70000) had 2 municipalities on May 2014" in str(error)


def test_a_tally_among_councils_outside_the_region_is_refused(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2014-05", decision="t:pact/councils-of-leuven")
    assert "Arr. Leuven (nis:24000) does not lie in Limburg (t:limburg)" in str(error)


def test_a_tally_naming_a_council_outside_the_region_is_refused(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2014-05", decision="t:pact/councils-named")
    assert "Leuven (nis:24062) does not lie in Limburg (t:limburg)" in str(error)
    assert "Genk" not in str(error)


def test_a_tally_dated_after_the_step_is_refused(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "endorse", date="2014-04", decision="t:pact/councils")
    tally = "tally 2 of 2 municipal councils (100%) endorsed Pact (t:pact/councils)"
    assert f"{tally} is dated May 2014, after April 2014" in str(error)


def test_a_region_whose_parts_are_unknown_makes_membership_uncertain(engine: Engine) -> None:
    plan = engine.start("core:streekpact", "t:mystery-plan").id
    ctx_guard = engine.registry.guards["endorser_exists_and_in_region"]
    assert ctx_guard.name == "endorser_exists_and_in_region"
    # approval needs an owner: check the guard's view of the region directly
    from streekbeleid.model.guards import territory_in_region

    ctx = _context(engine, plan, "endorse", date="2014-04", by="nis:71016")
    verdict = territory_in_region(ctx, "nis:71016", "t:elsewhere")
    assert verdict.truth.value == "uncertain"
    assert "the parts of Elsewhere (t:elsewhere) are not known" in verdict.reason


def test_a_subregion_with_unknown_parts_adds_no_doubt_inside_a_known_region(engine: Engine, pact: str) -> None:
    from streekbeleid.model.guards import territory_in_region

    ctx = _context(engine, pact, "endorse", date="2014-04", by="nis:24062")
    assert territory_in_region(ctx, "nis:24062", "t:limburg").truth.value == "no"
    assert territory_in_region(ctx, "nis:71016", "t:limburg").truth.value == "yes"


def _context(engine: Engine, instance: str, transition: str, *, date: str, **facts: Any) -> GuardContext:
    from streekbeleid.model.workflow import WorkflowEvent, event_date

    status = engine.status(instance)
    d = engine.definition(status.definition)
    t = d.transition(transition)
    event = WorkflowEvent(
        instance=instance, version=status.version + 1, transition=t.name, state=t.target, date=event_date(date), **facts
    )
    return GuardContext(
        model=engine.model, definition=d, transition=t, instance=status, history=(), event=event, rules=()
    )


# ---------------------------------------------------------------- approved_before_submit, parties_active


def test_submission_after_approval_passes(engine: Engine, approved: str) -> None:
    instance = engine.fire(approved, "submit", date="2014-06", recipient="t:agency", decision="t:pact/submit")
    assert (instance.state, instance.doubts) == ("submitted", ())


def test_submission_dated_before_the_approval_is_refused(engine: Engine, approved: str) -> None:
    engine.correct(approved, 2, reason="the approval was later", date="2014-05-20", decision="t:pact/approve-later")
    engine.fire(approved, "endorse", date="2014-05", by="nis:71016")  # a month: its order with the approval is open
    error = refusal(engine, approved, "submit", date="2014-05-15", recipient="t:agency")
    assert error.rule == "guard.approved_before_submit"
    assert "it was approved on 20 May 2014, after the submission date 15 May 2014" in str(error)


def test_submission_to_an_actor_that_does_not_exist_yet_is_refused(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "submit", date="2014-06", recipient="t:late")
    assert error.rule == "guard.parties_active"
    assert "recipient Late actor (t:late) (from 2020) did not exist on June 2014" in str(error)


def test_a_submission_decision_must_concern_the_subject(engine: Engine, approved: str) -> None:
    error = refusal(engine, approved, "submit", date="2014-06", recipient="t:agency", decision="t:newer/approve")
    assert error.rule == "guard.decision_consistent"


# ---------------------------------------------------------------- successor_recorded


def test_a_pact_is_superseded_once_a_successor_is_recorded(engine: Engine, pact: str) -> None:
    error = refusal(engine, pact, "supersede", date="2019-06")
    assert "Newer pact (t:newer) succeeds Pact (t:pact) (dated December 2019)" in str(error)
    assert engine.fire(pact, "supersede", date="2020").state == "superseded"


def test_a_plan_without_successor_cannot_be_superseded(engine: Engine) -> None:
    newer = engine.start("core:streekpact", "t:newer").id
    error = refusal(engine, newer, "supersede", date="2020")
    assert "no plan succeeds or replaces Newer pact (t:newer)" in str(error)


# ---------------------------------------------------------------- answered_by_recipient, reports_to_recipient


def test_an_application_is_answered_by_the_funder_it_went_to(engine: Engine) -> None:
    app = engine.start("core:subsidy-application", "t:pact").id
    engine.fire(app, "submit", date="2016-04", by="t:resoc", recipient="t:agency")
    error = refusal(engine, app, "approve", date="2016-06", by="t:other-gov")
    assert error.rule == "guard.answered_by_recipient"
    # the government the agency is part of answers for it
    assert engine.fire(app, "approve", date="2016-06", by="t:gov").state == "approved"


def test_a_report_must_go_to_the_body_reported_to(make_model: Any) -> None:
    d = WorkflowDefinition(
        id="t:cycle",
        name="Cycle",
        subject_kind="body",
        states=["met", "reported", "ended"],
        initial="met",
        finals=["ended"],
        transitions=[
            Transition(
                name="report",
                source=["met"],
                target="reported",
                requires=["recipient"],
                guards=["reports_to_recipient", "subject_active"],
            ),
            Transition(name="end", source=["*"], target="ended"),
        ],
    )
    engine = Engine(make_model(d), EventStore.memory())
    cycle = engine.start("t:cycle", "t:taskforce").id
    error = refusal(engine, cycle, "report", date="2017-03", recipient="t:resoc")
    assert "Task force (t:taskforce) neither reports to nor is steered by RESOC (t:resoc)" in str(error)
    error = refusal(engine, cycle, "report", date="2015-03", recipient="t:mayors")
    assert error.rule == "guard.reports_to_recipient"
    assert "reports to Mayors (t:mayors), but not on March 2015" in str(error)
    assert engine.fire(cycle, "report", date="2017-03", recipient="t:mayors").doubts == ()


# ---------------------------------------------------------------- plugin guards


def test_a_plugin_guard_reads_the_model_as_of_the_events_date(make_model: Any) -> None:
    seen: list[str] = []

    def resoc_exists(ctx: GuardContext) -> Verdict:
        seen.append(f"{ctx.at.date} {ctx.when}")
        return Verdict.yes("fine") if "t:resoc" in ctx.at else Verdict.no("no RESOC")

    d = WorkflowDefinition(
        id="t:check",
        name="Check",
        subject_kind="plan",
        states=["open", "done"],
        initial="open",
        finals=["done"],
        transitions=[Transition(name="finish", source=["open"], target="done", guards=["t:resoc_exists"])],
    )
    engine = Engine(make_model(d, Guard(name="t:resoc_exists", function=resoc_exists)), EventStore.memory())
    engine.start("t:check", "t:pact")
    engine.fire("t:check/t:pact", "finish", date="2014-06")
    assert seen == ["2014-06-30 June 2014"]


def test_a_guard_that_crashes_is_reported_as_its_rule(make_model: Any) -> None:
    def broken(ctx: GuardContext) -> Verdict:
        raise ZeroDivisionError("oops")

    d = WorkflowDefinition(
        id="t:check",
        name="Check",
        subject_kind="plan",
        states=["open", "done"],
        initial="open",
        finals=["done"],
        transitions=[Transition(name="finish", source=["open"], target="done", guards=["t:broken"])],
    )
    engine = Engine(make_model(d, Guard(name="t:broken", function=broken)), EventStore.memory())
    engine.start("t:check", "t:pact")
    error = refusal(engine, "t:check/t:pact", "finish", date="2014-06")
    assert error.rule == "guard.t:broken"
    assert "the guard failed: ZeroDivisionError: oops" in str(error)
