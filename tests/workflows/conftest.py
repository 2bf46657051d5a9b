"""A small hand-made model for the workflow tests: two provinces, a pact, its decisions and tallies."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest

from streekbeleid import (
    Actor,
    Body,
    Decision,
    Lineage,
    Membership,
    Model,
    PartialDate,
    Period,
    Plan,
    Region,
    RegionPart,
    Relation,
    Source,
    Tally,
    Territory,
    VoteCount,
)
from streekbeleid.model.workflow import DecisionRule, Guard, Transition, Verdict, WorkflowDefinition
from streekbeleid.serialization import load_data_file
from streekbeleid.testing import build_model
from streekbeleid.workflows import Engine, EventStore

TODAY = dt.date(2024, 6, 1)


def core_definitions() -> list[WorkflowDefinition]:
    """The core workflows, read from the package's data file as the core plugin reads them."""
    return list(load_data_file(files("streekbeleid") / "data" / "workflows.yaml").workflows)


def demo_definition() -> WorkflowDefinition:
    """A small workflow whose steps need every kind of fact."""
    return WorkflowDefinition(
        id="t:demo",
        name="Demo",
        subject_kind="plan",
        states=["open", "voted", "closed"],
        initial="open",
        finals=["closed"],
        transitions=[
            Transition(name="vote", source=["open"], target="voted", requires=["by", "votes", "payload.agenda"]),
            Transition(name="close", source=["voted"], target="closed"),
            Transition(name="check", source=["voted"], target="voted", guards=["t:always_no"]),
        ],
    )


def _d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def tiny_records() -> list[Any]:
    src = [Source(document="tests")]
    return [
        Territory(id="nis:02000", name="Vlaanderen", level="region"),
        Territory(id="nis:70000", name="Limburg", level="province", part_of="nis:02000"),
        Territory(id="nis:71000", name="Arr. Hasselt", level="arrondissement", part_of="nis:70000"),
        Territory(
            id="nis:71022",
            name="Hasselt",
            level="municipality",
            part_of="nis:71000",
            successor="nis:71072",
            valid=Period.parse("../2018-12-31"),
        ),
        Territory(
            id="nis:71072",
            name="Hasselt (2019)",
            level="municipality",
            part_of="nis:71000",
            valid=Period.parse("2019-01-01/.."),
        ),
        Territory(id="nis:71016", name="Genk", level="municipality", part_of="nis:71000"),
        Territory(id="nis:20001", name="Vlaams-Brabant", level="province", part_of="nis:02000"),
        Territory(id="nis:24000", name="Arr. Leuven", level="arrondissement", part_of="nis:20001"),
        Territory(id="nis:24062", name="Leuven", level="municipality", part_of="nis:24000"),
        Region(id="t:limburg", name="Limburg", parts=[RegionPart(territory="nis:70000")], sources=src),
        Region(id="t:noord", name="Noord", kind="deelregio", part_of="t:limburg", parts_known=False),
        Region(id="t:elsewhere", name="Elsewhere", parts_known=False),
        Body(id="t:resoc", name="RESOC", kind="resoc", region="t:limburg"),
        Body(id="t:taskforce", name="Task force", kind="taskforce", valid=Period.parse("2016/..")),
        Body(id="t:mayors", name="Mayors", kind="mayors_conference"),
        Actor(id="t:gov", name="Government", kind="government"),
        Actor(id="t:agency", name="Agency", kind="agency", part_of="t:gov"),
        Actor(id="t:other-gov", name="Other government", kind="government"),
        Actor(id="t:voka", name="Voka", kind="employers_organisation"),
        Actor(id="t:outsider", name="Outsider", kind="trade_union"),
        Actor(id="t:genk-council", name="Genk council", kind="municipal_government", territory="nis:71016"),
        Actor(id="t:late", name="Late actor", kind="agency", valid=Period.parse("2020/..")),
        Membership(id="t:resoc/voka", organization="t:resoc", member="t:voka", valid=Period.parse("2010/..")),
        Plan(
            id="t:pact",
            name="Pact",
            kind="streekpact",
            owner="t:resoc",
            region="t:limburg",
            valid=Period.parse("2014/2019"),
        ),
        Plan(id="t:orphan", name="Orphan plan", kind="other"),
        Plan(id="t:mystery-plan", name="Plan of a region with unknown parts", kind="other", region="t:elsewhere"),
        Plan(id="t:newer", name="Newer pact", kind="streekpact", owner="t:resoc", region="t:limburg"),
        Decision(
            id="t:pact/approve",
            kind="approve",
            by="t:resoc",
            subject="t:pact",
            date=_d("2014-03-11"),
            votes=VoteCount(yes=20, no=0, abstain=0),
        ),
        Decision(
            id="t:pact/approve-split",
            kind="approve",
            by="t:resoc",
            subject="t:pact",
            date=_d("2014-03-11"),
            votes=VoteCount(yes=18, no=2, abstain=0),
        ),
        Decision(id="t:pact/approve-undated", kind="approve", by="t:resoc", subject="t:pact"),
        Decision(id="t:pact/approve-later", kind="approve", by="t:resoc", subject="t:pact", date=_d("2014-05")),
        Decision(
            id="t:pact/approve-rejected",
            kind="approve",
            by="t:resoc",
            subject="t:pact",
            date=_d("2014-02"),
            outcome="rejected",
        ),
        Decision(id="t:pact/advice", kind="advise", by="t:resoc", subject="t:pact", date=_d("2014-02")),
        Decision(id="t:pact/approve-by-gov", kind="approve", by="t:gov", subject="t:pact", date=_d("2014-02")),
        Decision(id="t:newer/approve", kind="approve", by="t:resoc", subject="t:newer", date=_d("2014-02")),
        Decision(id="t:pact/endorse-genk", kind="endorse", by="nis:71016", subject="t:pact", date=_d("2014-04")),
        Decision(id="t:pact/endorse-voka", kind="endorse", by="t:voka", subject="t:pact"),
        Decision(
            id="t:pact/submit", kind="submit", by="t:resoc", subject="t:pact", recipient="t:agency", date=_d("2014-06")
        ),
        Tally(
            id="t:pact/councils",
            kind="endorse",
            subject="t:pact",
            by="municipal_council",
            among="nis:70000",
            count=2,
            out_of=2,
            date=_d("2014-05"),
        ),
        Tally(
            id="t:pact/councils-miscounted",
            kind="endorse",
            subject="t:pact",
            by="municipal_council",
            among="nis:70000",
            count=5,
            out_of=7,
            date=_d("2014-05"),
        ),
        Tally(
            id="t:pact/councils-of-leuven",
            kind="endorse",
            subject="t:pact",
            by="municipal_council",
            among="nis:24000",
            count=1,
            out_of=1,
            date=_d("2014-05"),
        ),
        Tally(
            id="t:pact/councils-named",
            kind="endorse",
            subject="t:pact",
            by="municipal_council",
            among="t:limburg",
            count=2,
            out_of=2,
            named=["nis:71016", "nis:24062"],
            date=_d("2014-05"),
        ),
        Lineage(id="t:newer/succeeds/pact", kind="succeeds", subject="t:newer", object="t:pact", date=_d("2019-12")),
        Relation(
            id="t:taskforce/reports-to/mayors",
            kind="reports_to",
            subject="t:taskforce",
            object="t:mayors",
            valid=Period.parse("2016/.."),
        ),
    ]


#: The guard the demo workflow's ``check`` step names: it always refuses.
_ALWAYS_NO = Guard(name="t:always_no", function=lambda ctx: Verdict.no("the test says no"))


def tiny_model(*extra_workflows: Any) -> Model:
    """The hand-made model with the core workflows, a demo workflow and anything extra."""
    return build_model(
        *tiny_records(),
        catalogue=False,
        workflows=[*core_definitions(), demo_definition(), _ALWAYS_NO, *extra_workflows],
    )


@pytest.fixture
def model() -> Model:
    return tiny_model()


@pytest.fixture
def unanimity_model() -> Model:
    """The tiny model where a rule says RESOC approves only unanimously."""
    return tiny_model(DecisionRule(body="t:resoc", kind="approve", unanimous=True))


@pytest.fixture
def store() -> Iterator[EventStore]:
    s = EventStore.memory()
    yield s
    s.close()


@pytest.fixture
def engine(model: Model, store: EventStore) -> Engine:
    return Engine(model, store, today=TODAY)


def snapshot(store: EventStore) -> tuple[list[Any], list[Any]]:
    """Every row of the store, to show a refused step left it exactly as it was."""
    db = store.connection
    return (
        db.execute("SELECT * FROM instances ORDER BY id").fetchall(),
        db.execute("SELECT * FROM events ORDER BY seq").fetchall(),
    )


@pytest.fixture(name="snapshot")
def snapshot_fixture() -> Any:
    """``snapshot(store)``: every row of the store (tests cannot import conftest under importlib mode)."""
    return snapshot


@pytest.fixture(name="make_model")
def make_model_fixture() -> Any:
    """``make_model(*extra_workflows)``: the tiny model with more workflow contributions."""
    return tiny_model


@pytest.fixture(name="today")
def today_fixture() -> dt.date:
    return TODAY


class Backend:
    """One kind of store for the store tests: opens stores by a short name, each test's own."""

    def __init__(self, name: str, tmp_path: Any, server: Any = None) -> None:
        import sqlite3

        from streekbeleid.workflows.store import MIGRATIONS

        self.name = name
        self._tmp = tmp_path
        self._server = server
        self._made: dict[str, str] = {}
        if name == "sqlite":
            self.migrations = MIGRATIONS
            self.integrity_error: type[BaseException] = sqlite3.IntegrityError
            self.db_error: type[BaseException] = sqlite3.Error
        else:
            import psycopg

            from streekbeleid.workflows.postgres import PG_MIGRATIONS

            self.migrations = PG_MIGRATIONS
            self.integrity_error = psycopg.IntegrityError
            self.db_error = psycopg.Error

    def location(self, name: str = "store") -> str:
        """Where the store called ``name`` lives: a file path, or the URL of a database of its own."""
        if self.name == "sqlite":
            return str(self._tmp / f"{name}.sqlite3")
        if name not in self._made:
            database = f"t_{uuid.uuid4().hex[:16]}"
            self._made[name] = self._server.create_database(database)
        return self._made[name]

    def open(self, name: str = "store", **options: Any) -> Any:
        from streekbeleid.workflows import open_store

        return open_store(self.location(name), **options)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Any) -> Backend:
    """Each store kind in turn: the store tests run against SQLite and PostgreSQL."""
    if request.param == "postgres":
        return Backend("postgres", tmp_path, request.getfixturevalue("postgres_server"))
    return Backend("sqlite", tmp_path)
