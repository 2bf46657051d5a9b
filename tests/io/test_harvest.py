"""Harvest: OSLO decisions and mandates, as local governments publish them, into a data file of the project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from streekbeleid import Model
from streekbeleid.errors import StreekbeleidError
from streekbeleid.io.harvest import harvest_files, write_harvest
from streekbeleid.io.linked_data import write_jsonld, write_turtle
from streekbeleid.model.records import Decision, VoteCount
from streekbeleid.plugins import hookimpl
from streekbeleid.serialization import load_data_file
from streekbeleid.testing import load_region

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

FIXTURES = Path(__file__).parent / "data" / "harvest"


def same(decision: Decision) -> tuple[Any, ...]:
    """What a decision says, apart from its id and sources."""
    return (
        decision.kind,
        decision.by,
        decision.subject,
        str(decision.date),
        decision.outcome,
        decision.meeting,
        decision.votes,
        decision.unanimous,
        decision.description,
        decision.description_nl,
    )


@pytest.mark.parametrize("writer", [write_turtle, write_jsonld], ids=["turtle", "jsonld"])
def test_our_own_export_harvested_back_gives_the_same_decisions(everything: Model, writer: Any, tmp_path: Path) -> None:
    path = tmp_path / ("all.ttl" if writer is write_turtle else "all.jsonld")
    writer(everything, path)
    result = harvest_files([path], everything, namespace="limburg")
    assert result.left_out == ()
    decisions = list(everything.records(Decision))
    assert len(decisions) == 13
    assert sorted(map(same, result.decisions), key=repr) == sorted(map(same, decisions), key=repr)


def test_a_council_decision_as_published_is_harvested(core: Model) -> None:
    result = harvest_files([FIXTURES], core, namespace="voorbeeld")
    (decision,) = result.decisions
    (council,) = result.bodies
    assert council.name == "Gemeenteraad Voorbeeldgemeente"  # named by the body the period's body specialises
    assert decision.by == council.id
    assert decision.subject == "core:streekpact/westhoek-2013-2019"  # matched by the plan's name in the title
    assert (decision.kind, str(decision.date), decision.outcome) == ("approve", "2014-05-26", "adopted")
    assert decision.votes == VoteCount(yes=20, no=3, abstain=2)
    # the council's text is Dutch (@nl): the Dutch description, no English one made up
    assert (decision.description, decision.description_nl) == (None, "De gemeenteraad keurt het streekpact goed.")
    assert decision.sources[0].document == "https://voorbeeldgemeente.example/id/besluiten/2014-05-26-1"
    # the decision about no plan of the model is left out, and said so
    assert [r.split(":", 2)[-1] for r in result.left_out] == [
        " no plan of the model matches its subject ('Aankoop van een bestelwagen voor de technische dienst')"
    ]


def test_mandates_become_memberships_of_persons_with_their_role_and_period(core: Model) -> None:
    result = harvest_files(
        [FIXTURES / "mandatarissen.jsonld", FIXTURES / "zitting-2014-05-26.ttl"], core, namespace="voorbeeld"
    )
    rows = {(m.member.rsplit("/", 1)[-1], m.role, str(m.valid)) for m in result.memberships}
    assert rows == {("an-voorbeeld", "chair", "2013-01-02/2018-12-31"), ("bert-proef", "member", "2013-01-02/..")}
    assert {m.organization for m in result.memberships} == {b.id for b in result.bodies}


class _Voorbeeld:
    """A region package whose data is the harvested file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @hookimpl
    def streekbeleid_data_files(self) -> list[Path]:
        return [self.path]


def test_the_harvested_file_is_a_data_file_that_loads_in_a_region_package(core: Model, tmp_path: Path) -> None:
    path = tmp_path / "harvested.yaml"
    write_harvest(harvest_files([FIXTURES], core, namespace="voorbeeld"), path)
    dataset = load_data_file(path)
    assert len(dataset.decisions) == 1 and len(dataset.memberships) == 2
    model = load_region("voorbeeld", extra=[("voorbeeld", _Voorbeeld(path))])
    decision = next(d for d in model.records(Decision) if d.id.startswith("voorbeeld:"))
    assert model.get(decision.by).name == "Gemeenteraad Voorbeeldgemeente"


def test_the_command_writes_the_file_and_refuses_html_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from streekbeleid.cli import main

    out = tmp_path / "h.yaml"
    assert main(["--plugins", "", "harvest", str(FIXTURES), "--plugin", "voorbeeld", "-o", str(out)]) == 0
    assert "1 decisions, 2 mandates" in capsys.readouterr().err
    assert len(load_data_file(out).decisions) == 1
    page = tmp_path / "besluit.html"
    page.write_text("<html></html>", encoding="utf-8")
    assert main(["--plugins", "", "harvest", str(page), "--plugin", "voorbeeld", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RDFa" in err


def test_a_file_that_does_not_parse_is_named(core: Model, tmp_path: Path) -> None:
    bad = tmp_path / "kapot.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(StreekbeleidError, match=r"kapot\.ttl: not readable as turtle"):
        harvest_files([bad], core, namespace="voorbeeld")
