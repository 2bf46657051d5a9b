"""The engine: every refusal names its rule and leaves the store as it was; the state is the fold of the events."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streekbeleid import Model, WorkflowError
from streekbeleid.model.workflow import WorkflowDefinition
from streekbeleid.workflows import ConflictError, Engine, EventStore, effective, fold

Step = Callable[[Engine], Any]


def _pact(engine: Engine) -> str:
    return engine.start("core:streekpact", "t:pact").id


def _approved(engine: Engine) -> str:
    pact = _pact(engine)
    engine.fire(pact, "approve", date="2014-03-11", decision="t:pact/approve")
    return pact


def _closed(engine: Engine) -> str:
    pact = _approved(engine)
    engine.fire(pact, "submit", date="2014-06", recipient="t:agency")
    engine.fire(pact, "enter_into_force", date="2014-07")
    engine.fire(pact, "close", date="2019-12-31")
    return pact


def _demo(engine: Engine) -> str:
    return engine.start("t:demo", "t:pact").id


PACT = "core:streekpact/t:pact"
DEMO = "t:demo/t:pact"

#: (name, setup, the refused call, the rule it must name, a phrase of the reason)
REFUSALS: list[tuple[str, Step, Step, str, str]] = [
    ("unknown definition", _pact, lambda e: e.start("core:streekpakt", "t:pact"), "definition.unknown", "known: "),
    ("unknown subject", _pact, lambda e: e.start("core:streekpact", "t:nothing"), "subject.unknown", "t:nothing"),
    ("wrong kind of subject", _pact, lambda e: e.start("core:streekpact", "t:resoc"), "subject.kind", "is a body"),
    ("unknown instance", _pact, lambda e: e.fire("t:none", "approve", date="2014"), "instance.unknown", "t:none"),
    ("already running", _pact, lambda e: e.start("core:streekpact", "t:pact"), "instance.running", "finish it first"),
    ("taken id", _pact, lambda e: e.start("t:demo", "t:pact", instance_id=PACT), "instance.exists", PACT),
    ("finished", _closed, lambda e: e.fire(PACT, "evaluate", date="2020"), "instance.finished", "ended in state"),
    ("unknown transition", _pact, lambda e: e.fire(PACT, "aprove", date="2014"), "transition.unknown", "possible now"),
    (
        "illegal transition",
        _pact,
        lambda e: e.fire(PACT, "submit", date="2014", recipient="t:agency"),
        "transition.illegal",
        "submission (submit) cannot fire in state drafted",
    ),
    ("bad date", _pact, lambda e: e.fire(PACT, "consult", date="2014-13"), "facts.invalid", "month out of range"),
    ("unknown date", _pact, lambda e: e.fire(PACT, "consult", date="?"), "facts.invalid", "says nothing about when"),
    ("no date", _pact, lambda e: e.fire(PACT, "consult", date=None), "facts.missing", "needs date"),
    ("bad votes", _demo, lambda e: e.fire(DEMO, "vote", date="2014", votes="a,b"), "facts.invalid", "votes"),
    ("negative votes", _demo, lambda e: e.fire(DEMO, "vote", date="2014", votes=[-1]), "facts.invalid", "negative"),
    ("bad source", _pact, lambda e: e.fire(PACT, "consult", date="2014", sources=[3]), "facts.invalid", "sources"),
    (
        "payload not an object",
        _pact,
        lambda e: e.fire(PACT, "consult", date="2014", payload=[1]),
        "payload.invalid",
        "",
    ),
    (
        "payload not JSON",
        _pact,
        lambda e: e.fire(PACT, "consult", date="2014", payload={"when": dt.date(2014, 1, 1)}),
        "payload.invalid",
        "not plain JSON",
    ),
    (
        "missing decision",
        _pact,
        lambda e: e.fire(PACT, "approve", date="2014-03-11"),
        "facts.missing",
        "approval (approve) of 'core:streekpact' needs decision",
    ),
    (
        "missing facts",
        _demo,
        lambda e: e.fire(DEMO, "vote", date="2014", by="t:resoc"),
        "facts.missing",
        "needs votes, payload.agenda",
    ),
    (
        "missing alternatives",
        _approved,
        lambda e: e.fire(PACT, "endorse", date="2014-04"),
        "facts.missing",
        "needs by or decision",
    ),
    (
        "unknown id",
        _approved,
        lambda e: e.fire(PACT, "endorse", date="2014-04", by="nis:99999"),
        "facts.unknown-id",
        "by: 'nis:99999' is not in the model",
    ),
    (
        "decision that is no decision",
        _pact,
        lambda e: e.fire(PACT, "approve", date="2014-03-11", decision="t:resoc"),
        "facts.unknown-id",
        "is a body, not a decision or count of decisions",
    ),
    (
        "date before the previous step",
        _approved,
        lambda e: e.fire(PACT, "endorse", date="2014-02", by="nis:71016"),
        "date.order",
        "February 2014 is before 11 March 2014, the date of approval (event 2)",
    ),
    ("future date", _pact, lambda e: e.fire(PACT, "consult", date="2030"), "date.future", "after today (1 June 2024)"),
    (
        "failed guard",
        _approved,
        lambda e: e.fire(PACT, "endorse", date="2014-04", by="nis:24062"),
        "guard.endorser_exists_and_in_region",
        "does not lie in Limburg",
    ),
    (
        "plugin guard",
        lambda e: e.fire(_demo(e), "vote", date="2014", by="t:resoc", votes="3,0,0", payload={"agenda": "x"}),
        lambda e: e.fire(DEMO, "check", date="2014"),
        "guard.t:always_no",
        "the test says no",
    ),
    (
        "stale version",
        _approved,
        lambda e: e.fire(PACT, "endorse", date="2014-04", by="nis:71016", expected_version=1),
        "version.stale",
        "is at version 2, not 1",
    ),
    (
        "correction of nothing",
        _approved,
        lambda e: e.correct(PACT, 9, reason="typo", date="2014"),
        "correction.invalid",
        "no event 9",
    ),
    (
        "correction without change",
        _approved,
        lambda e: e.correct(PACT, 2, reason="typo", date="2014-03-11"),
        "correction.invalid",
        "changes nothing",
    ),
    (
        "correction without reason",
        _approved,
        lambda e: e.correct(PACT, 2, reason=" ", date="2014-03"),
        "correction.invalid",
        "needs a reason",
    ),
    (
        "correction that breaks a guard",
        _approved,
        lambda e: e.correct(PACT, 2, reason="other decision", decision="t:pact/approve-by-gov"),
        "guard.decision_by_owner",
        "was taken by Government (t:gov)",
    ),
    (
        "correction out of order",
        lambda e: e.fire(_approved(e), "submit", date="2014-06", recipient="t:agency"),
        lambda e: e.correct(PACT, 2, reason="later", date="2014-07"),
        "date.order",
        "is after June 2014, the date of the next step, submission (event 3)",
    ),
]


@pytest.mark.parametrize(("setup", "call", "rule", "why"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_a_refusal_names_its_rule_and_leaves_the_store_as_it_was(
    engine: Engine, snapshot: Any, setup: Step, call: Step, rule: str, why: str
) -> None:
    setup(engine)
    before = snapshot(engine.store)
    with pytest.raises(WorkflowError) as info:
        call(engine)
    assert info.value.rule == rule
    assert str(info.value).startswith(f"{rule}: ")
    assert why in str(info.value)
    assert snapshot(engine.store) == before


def test_every_engine_rule_has_a_refusal_test() -> None:
    import streekbeleid.workflows.engine as engine_module

    documented = {line.split("``")[1] for line in (engine_module.__doc__ or "").splitlines() if line.startswith("``")}
    tested = {r[3] for r in REFUSALS} | {"guard.NAME"}
    assert documented - tested == set()


# ---------------------------------------------------------------- the state is the fold of the events


def test_a_pact_goes_through_its_life(engine: Engine) -> None:
    pact = _approved(engine)
    engine.fire(pact, "endorse", date="2014-04", by="nis:71016")
    engine.fire(pact, "endorse", date="2014-05", decision="t:pact/councils")
    engine.fire(pact, "submit", date="2014-06", recipient="t:agency", decision="t:pact/submit")
    engine.fire(pact, "enter_into_force", date="2014-07")
    engine.fire(pact, "evaluate", date="2016")
    engine.fire(pact, "evaluate", date="2018")
    final = engine.fire(pact, "supersede", date="2020", sources=["tests | a successor was adopted"])
    assert (final.state, final.version, final.finished) == ("superseded", 9, True)
    assert [e.transition for e in engine.history(pact)] == [
        "start",
        "approve",
        "endorse",
        "endorse",
        "submit",
        "enter_into_force",
        "evaluate",
        "evaluate",
        "supersede",
    ]
    assert engine.history(pact)[-1].sources[0].document == "tests | a successor was adopted"


def test_replay_equals_live_state(model: Model, tmp_path: Any, today: dt.date) -> None:
    path = tmp_path / "store.sqlite3"
    live = Engine(model, EventStore(path), today=today)
    pact = _approved(live)
    live.fire(pact, "endorse", date="2014-04", by="nis:71016")
    live.correct(pact, 3, reason="it was May", date="2014-05")
    last = live.fire(pact, "endorse", date="2014-05", decision="t:pact/endorse-voka")
    live.store.close()
    replayed = Engine(model, EventStore(path), today=today).status(pact)
    assert replayed == last
    assert replayed.updated is not None and str(replayed.updated) == "2014-05"
    assert replayed.doubts == last.doubts != ()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["consult", "approve", "endorse", "submit", "enter_into_force", "evaluate", "close"]),
            st.sampled_from(["2014-03-11", "2014-04", "2014", "2015", "2013", "2014-03-11.."]),
        ),
        max_size=12,
    )
)
def test_any_sequence_of_steps_replays_to_the_live_state(model: Model, today: dt.date, steps: list[Any]) -> None:
    facts = {
        "approve": {"decision": "t:pact/approve"},
        "endorse": {"by": "nis:71016"},
        "submit": {"recipient": "t:agency"},
    }
    with EventStore.memory() as store:
        engine = Engine(model, store, today=today)
        live = engine.start("core:streekpact", "t:pact")
        for name, day in steps:
            with contextlib.suppress(WorkflowError):  # a refused step leaves the instance as it was
                live = engine.fire(live.id, name, date=day, **facts.get(name, {}))
        assert engine.status(live.id) == live
        assert len(engine.history(live.id)) == live.version


def test_a_correction_amends_the_facts_and_keeps_the_original(engine: Engine) -> None:
    pact = _approved(engine)
    engine.fire(pact, "endorse", date="2014-04", by="nis:71016")
    after = engine.correct(pact, 3, reason="the council met in May", date="2014-05", sources=["minutes"])
    assert (after.state, after.version) == ("endorsement_round", 4)
    recorded = engine.history(pact)
    assert [e.transition for e in recorded] == ["start", "approve", "endorse", "correct"]
    assert str(recorded[2].date) == "2014-04"
    assert (recorded[3].corrects, recorded[3].note) == (3, "the council met in May")
    corrected = engine.history(pact, corrected=True)
    assert [e.version for e in corrected] == [1, 2, 3]
    assert str(corrected[2].date) == "2014-05"
    assert corrected[2].sources[0].document == "minutes"


def test_the_start_date_can_be_corrected(engine: Engine) -> None:
    pact = _pact(engine)
    assert engine.correct(pact, 1, reason="drafting began in 2013", date="2013").started is not None
    assert str(engine.status(pact).started) == "2013"


def test_a_later_run_gets_the_next_default_id(engine: Engine) -> None:
    first = _closed(engine)
    second = engine.start("core:streekpact", "t:pact")
    assert (first, second.id) == (PACT, f"{PACT}/2")
    assert [r.id for r in engine.instances(subject="t:pact")] == [PACT, f"{PACT}/2"]


def test_an_instance_with_its_own_id_may_run_beside_another(engine: Engine) -> None:
    _pact(engine)
    assert engine.start("core:streekpact", "t:pact", instance_id="pact-b").state == "drafted"


def test_available_lists_the_next_transitions(engine: Engine) -> None:
    pact = _approved(engine)
    assert [t.name for t in engine.available(pact)] == ["endorse", "submit", "supersede"]


def test_audit_finds_steps_the_model_no_longer_supports(engine: Engine, make_model: Any, today: dt.date) -> None:
    pact = _approved(engine)
    engine.fire(pact, "endorse", date="2014-04", by="nis:71016")
    assert list(engine.audit(pact)) == []
    # the same store read with a model where Genk lies elsewhere
    changed = make_model()
    genk = changed.get("nis:71016")
    records = [r for r in changed.records(object) if getattr(r, "id", None) != "nis:71016"]
    moved = Model.from_records([*records, attrs.evolve(genk, part_of="nis:24000")], workflows=changed.workflows)
    findings = list(Engine(moved, engine.store, today=today).audit(pact))
    assert [(e.version, e.transition) for e, _why in findings] == [(3, "endorse")]
    assert "does not lie in Limburg" in findings[0][1]


def test_a_changed_definition_that_no_longer_fits_the_events_is_reported(engine: Engine) -> None:
    pact = _approved(engine)
    old = engine.definition("core:streekpact")
    changed = attrs.evolve(
        old,
        transitions=[
            attrs.evolve(t, source=("in_consultation",)) if t.name == "approve" else t for t in old.transitions
        ],
    )
    with pytest.raises(WorkflowError) as info:
        fold(changed, "t:pact", engine.store.rows(pact))
    assert info.value.rule == "replay.mismatch"
    assert "event 2 fires 'approve' in state 'drafted'" in str(info.value)


def test_the_fold_refuses_a_gap_in_versions(engine: Engine) -> None:
    pact = _approved(engine)
    rows = engine.store.rows(pact)
    with pytest.raises(WorkflowError, match="event 2 follows event 0"):
        fold(engine.definition("core:streekpact"), "t:pact", rows[1:])


def test_effective_applies_corrections_in_order(engine: Engine) -> None:
    pact = _approved(engine)
    engine.correct(pact, 2, reason="one", date="2014-03")
    engine.correct(pact, 2, reason="two", date="2014-03-11", votes="20,0,0")
    events = effective(engine.history(pact))
    assert str(events[1].date) == "2014-03-11"
    assert events[1].votes is not None and events[1].votes.yes == 20


def test_a_concurrent_append_between_read_and_write_is_a_conflict(engine: Engine) -> None:
    pact = _approved(engine)
    other = Engine(engine.model, engine.store, today=engine.today())
    real_append = engine.store.append

    def append_after_someone_else(event: Any, expected: int) -> None:
        engine.store.append = real_append  # type: ignore[method-assign]
        other.fire(pact, "endorse", date="2014-04", by="nis:71016")
        real_append(event, expected)

    engine.store.append = append_after_someone_else  # type: ignore[method-assign]
    with pytest.raises(ConflictError) as info:
        engine.fire(pact, "submit", date="2014-06", recipient="t:agency")
    assert (info.value.expected, info.value.actual) == (2, 3)
    assert [e.transition for e in engine.history(pact)] == ["start", "approve", "endorse"]


def test_definitions_are_listed_by_id(engine: Engine) -> None:
    ids = [d.id for d in engine.definitions()]
    assert ids == sorted(ids)
    assert isinstance(engine.definition("t:demo"), WorkflowDefinition)


def test_a_source_keeps_its_locator_and_inference_through_the_store(engine: Engine) -> None:
    """Events are stored as rows: every field of a source comes back (an inference too, issue 15)."""
    from streekbeleid import Source

    cited = [
        "seed.txt",
        Source(document="seed.txt", locator="RESOC keurt goed"),
        {"document": "seed.txt", "locator": "ingediend", "inference": "the submitter is read as RESOC"},
    ]
    instance = engine.start("core:streekpact", "t:pact", date="2014-01", sources=cited)
    [event] = engine.history(instance.id)
    assert event.sources == (
        Source(document="seed.txt"),
        Source(document="seed.txt", locator="RESOC keurt goed"),
        Source(document="seed.txt", locator="ingediend", inference="the submitter is read as RESOC"),
    )
