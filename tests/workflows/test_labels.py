"""Workflow definitions in Dutch and English: names, descriptions, states and steps as people read them; the ids
stay what one types and what the files and ``--json`` carry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from streekbeleid import Model
from streekbeleid.i18n import use_language
from streekbeleid.io import native
from streekbeleid.model.workflow import StateLabel, Transition, WorkflowDefinition
from streekbeleid.serialization import dataset_json_schema, load_data_file, unstructure
from streekbeleid.workflows import dot, mermaid

LABELLED = """\
workflows:
  - id: t:review
    name: Review
    name_nl: Nazicht
    subject_kind: plan
    description: a plan is reviewed
    description_nl: een plan wordt nagekeken
    states: [under_review, accepted, sent_back]
    state_labels:
      under_review: {label: under review, label_nl: in nazicht}
      accepted: {label: accepted, label_nl: aanvaard}
    initial: under_review
    finals: [accepted, sent_back]
    transitions:
      - name: accept
        label: acceptance
        label_nl: aanvaarding
        source: [under_review]
        target: accepted
        description: the reviewers accept it
        description_nl: de nakijkers aanvaarden het
      - name: send_back
        source: [under_review]
        target: sent_back
"""


def _open_and_done(**fields: Any) -> WorkflowDefinition:
    fields.setdefault("transitions", [Transition(name="finish", source=["open"], target="done")])
    shape = {"states": ["open", "done"], "initial": "open", "finals": ["done"]}
    return WorkflowDefinition(id="t:bare", name="Bare", subject_kind="plan", **shape, **fields)


@pytest.fixture
def review(tmp_path: Path) -> WorkflowDefinition:
    f = tmp_path / "workflows.yaml"
    f.write_text(LABELLED, encoding="utf-8")
    (definition,) = load_data_file(f).workflows
    return definition


def test_labels_load_from_a_data_file(review: WorkflowDefinition) -> None:
    assert (review.name_nl, review.description_nl) == ("Nazicht", "een plan wordt nagekeken")
    assert review.state_labels["under_review"] == StateLabel(label="under review", label_nl="in nazicht")
    accept = review.transition("accept")
    assert (accept.label, accept.label_nl, accept.description_nl) == (
        "acceptance",
        "aanvaarding",
        "de nakijkers aanvaarden het",
    )


def test_each_language_reads_its_own_label(review: WorkflowDefinition) -> None:
    with use_language("nl"):
        dutch = (review.display_name(), review.display_description(), review.state_label("under_review"))
        assert review.step_label("accept") == "aanvaarding"
        assert review.transition("accept").display_description() == "de nakijkers aanvaarden het"
    with use_language("en"):
        english = (review.display_name(), review.display_description(), review.state_label("under_review"))
        assert review.step_label("accept") == "acceptance"
    assert dutch == ("Nazicht", "een plan wordt nagekeken", "in nazicht")
    assert english == ("Review", "a plan is reviewed", "under review")


def test_a_missing_label_reads_as_the_id_in_words(review: WorkflowDefinition) -> None:
    for lang in ("nl", "en"):
        with use_language(lang):
            assert review.state_label("sent_back") == "sent back"  # no label at all
            assert review.step_label("send_back") == "send back"
            assert review.step_with_id("send_back") == "send_back"  # no label: the id one types, once
    bare = _open_and_done(
        state_labels={"open": {"label": "open for comments"}},
        transitions=[Transition(name="finish", label="finishing", source=["open"], target="done")],
    )
    with use_language("nl"):  # no Dutch: the English label, then the id
        assert (bare.display_name(), bare.state_label("open"), bare.step_label("finish")) == (
            "Bare",
            "open for comments",
            "finishing",
        )
        assert bare.display_description() is None
    assert bare.untranslated() == [
        "name_nl",
        "state_labels.open.label_nl",
        "state_labels.done.label_nl",
        "transitions.finish.label_nl",
    ]


def test_the_engines_own_steps_have_labels_too(review: WorkflowDefinition) -> None:
    with use_language("nl"):
        assert (review.step_label("start"), review.step_label("correct")) == ("begin", "correctie")
    with use_language("en"):
        assert review.step_with_id("accept") == "acceptance (accept)"


def test_a_label_for_a_state_the_definition_does_not_have_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="state_labels: 'lost' is not one of its states"):
        _open_and_done(state_labels={"lost": StateLabel(label_nl="kwijt")})


def test_labels_go_through_native_json_and_back(review: WorkflowDefinition, tmp_path: Path) -> None:
    data = unstructure(review)
    assert data["state_labels"]["under_review"] == {"label": "under review", "label_nl": "in nazicht"}
    assert data["transitions"][0]["label_nl"] == "aanvaarding" and data["name_nl"] == "Nazicht"
    f = tmp_path / "again.yaml"
    f.write_text(yaml.safe_dump({"workflows": [data]}, allow_unicode=True), encoding="utf-8")
    (again,) = load_data_file(f).workflows
    assert again == review and dict(again.state_labels) == dict(review.state_labels)
    assert data == unstructure(again)


def test_the_schema_describes_the_labels_and_accepts_the_data(review: WorkflowDefinition) -> None:
    schema = dataset_json_schema()
    defs = schema["$defs"]
    assert defs["WorkflowDefinition"]["properties"]["state_labels"] == {
        "type": "object",
        "additionalProperties": {"$ref": "#/$defs/StateLabel"},
    }
    assert set(defs["StateLabel"]["properties"]) == {"label", "label_nl"}
    assert {"label", "label_nl", "description_nl"} <= set(defs["Transition"]["properties"])
    assert {"name_nl", "description_nl"} <= set(defs["WorkflowDefinition"]["properties"])
    document = yaml.safe_load(LABELLED)
    jsonschema.validate(document, schema)
    document["workflows"][0]["state_labels"]["accepted"]["colour"] = "green"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    assert json.loads(native.schema_text()) == schema


def _definitions(model: Model) -> list[WorkflowDefinition]:
    return [w for w in model.workflows if isinstance(w, WorkflowDefinition)]


def test_every_bundled_workflow_speaks_dutch_and_english(everything: Model) -> None:
    definitions = _definitions(everything)
    assert {d.id.partition(":")[0] for d in definitions} == {"core", "limburg", "leuven", "zuid_oost_vlaanderen"}
    for d in definitions:
        assert d.untranslated() == [], d.id
        assert all(d.state_labels[s].label for s in d.states), d.id  # an English label for every state
        assert all(t.label for t in d.transitions), d.id
        with use_language("nl"):
            assert d.display_name() != d.name, d.id


def test_the_diagrams_draw_labels_in_the_language_in_use(everything: Model) -> None:
    pact = next(d for d in _definitions(everything) if d.id == "core:streekpact")
    with use_language("nl"):
        text = mermaid(pact)
        drawn = dot(pact)
    assert "title: Levensloop van een streekpact (core:streekpact)" in text
    assert '    state "in overleg" as in_consultation' in text
    assert "    in_consultation --> approved: goedkeuring [decision_by_owner, unanimous_if_required]" in text
    assert '    "in_force" [shape=ellipse, label="in werking"];' in drawn
    assert '    "closed" [shape=doublecircle, label="afgesloten"];' in drawn
    assert '[label="inwerkingtreding"]' in drawn


def test_show_in_both_languages(everything: Model, capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid.cli import main

    def show(lang: str) -> Any:
        capsys.readouterr()
        assert main(["--lang", lang, "workflow", "show", "zuid_oost_vlaanderen:tweejaarlijkse-evaluatie"]) == 0
        return capsys.readouterr().out

    dutch, english = show("nl"), show("en")
    assert dutch.startswith("Tweejaarlijkse evaluatie en bijsturing van het streekpact (zuid_oost_vlaanderen:")
    assert "  Om de twee jaar wordt het streekpact" in dutch
    assert "  toestanden: in uitvoering (in_execution), in evaluatie (under_evaluation)" in dutch
    assert "    voorstel tot bijsturing (propose_adjustment): in evaluatie -> in bijsturing" in dutch
    assert "      de evaluatie vraagt een bijsturing (`note` zegt welke)" in dutch
    assert english.startswith("Biennial evaluation and adjustment of the streekpact (zuid_oost_vlaanderen:")
    assert "    proposal to adjust (propose_adjustment): under evaluation -> adjusting" in english
    assert "Om de twee jaar" not in english
    assert main(["--lang", "nl", "workflow", "show", "zuid_oost_vlaanderen:tweejaarlijkse-evaluatie", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)  # --json keeps ids and both languages as data
    assert data["states"][0] == "in_execution" and data["state_labels"]["ended"]["label_nl"] == "beëindigd"


def test_a_core_guard_is_described_in_the_language_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid.cli import main

    said = {}
    for lang in ("nl", "en"):
        capsys.readouterr()
        assert main(["--lang", lang, "workflow", "show", "core:streekpact"]) == 0
        said[lang] = capsys.readouterr().out
    assert (
        "voorwaarde parties_active: De actoren die de stap noemt (door wie, aan wie) bestaan op de datum ervan."
        in (said["nl"])
    )
    assert "guard parties_active: The actors the step names (by whom, to whom) exist on its date." in said["en"]
    assert "The actors the step names" not in said["nl"]
