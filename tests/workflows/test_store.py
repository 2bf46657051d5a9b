"""The event store: SQLite settings, the schema and its migrations, append-only history, optimistic concurrency."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from streekbeleid import WorkflowError
from streekbeleid.model.workflow import WorkflowEvent, event_date
from streekbeleid.workflows import ConflictError, EventStore, default_store_path, open_store
from streekbeleid.workflows.store import MIGRATIONS, SCHEMA_VERSION, Migration, event_row, row_event


def start_event(instance: str = "i") -> WorkflowEvent:
    return WorkflowEvent(instance=instance, version=1, transition="start", state="open", recorded_at="t0")


def step(version: int, instance: str = "i") -> WorkflowEvent:
    return WorkflowEvent(
        instance=instance, version=version, transition="go", state="open", date=event_date("2014"), recorded_at="t"
    )


@pytest.fixture
def file_store(tmp_path: Path) -> EventStore:
    store = EventStore(tmp_path / "deep" / "store.sqlite3")
    store.create(start_event(), definition="t:flow", subject="t:pact")
    return store


def test_a_file_store_uses_wal_and_full_synchronous(file_store: EventStore) -> None:
    db = file_store.connection
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert Path(file_store.path).exists()


def test_the_default_path_follows_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "streekbeleid" / "workflows.sqlite3"
    with open_store() as store:
        assert Path(store.path) == tmp_path / "streekbeleid" / "workflows.sqlite3"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # not absolute: ignored, as the XDG spec says
    assert default_store_path().parts[-3:] == ("share", "streekbeleid", "workflows.sqlite3")


def test_appends_follow_the_expected_version(file_store: EventStore) -> None:
    file_store.append(step(2), 1)
    file_store.append(step(3), 2)
    assert file_store.version("i") == 3
    assert [e.version for e in file_store.events("i")] == [1, 2, 3]


def test_a_stale_version_is_a_conflict_and_writes_nothing(file_store: EventStore) -> None:
    file_store.append(step(2), 1)
    with pytest.raises(ConflictError) as info:
        file_store.append(step(2), 1)
    assert info.value.rule == "version.stale"
    assert (info.value.expected, info.value.actual) == (1, 2)
    assert file_store.version("i") == 2


def test_an_event_must_carry_the_next_version(file_store: EventStore) -> None:
    with pytest.raises(ValueError, match="has version 2"):
        file_store.append(step(3), 1)


def test_appending_to_an_unknown_instance_is_refused(file_store: EventStore) -> None:
    with pytest.raises(WorkflowError) as info:
        file_store.append(step(2, instance="nobody"), 1)
    assert info.value.rule == "instance.unknown"


def test_the_database_refuses_to_rewrite_history(file_store: EventStore) -> None:
    db = file_store.connection
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE events SET state = 'closed'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM events")
    assert file_store.version("i") == 1


def test_the_database_refuses_gaps_and_duplicates_from_any_writer(file_store: EventStore) -> None:
    db = file_store.connection
    with pytest.raises(sqlite3.IntegrityError, match="without gaps"):
        db.execute(
            "INSERT INTO events (instance, version, transition, state, recorded_at) VALUES ('i', 5, 'go', 'x', 't')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO events (instance, version, transition, state, recorded_at) VALUES ('i', 1, 'go', 'x', 't')"
        )


def test_rows_and_events_round_trip() -> None:
    from streekbeleid import Source, VoteCount

    event = WorkflowEvent(
        instance="i",
        version=4,
        transition="approve",
        state="approved",
        date=event_date("2014-03-11.."),
        by="t:resoc",
        recipient="t:agency",
        decision="t:pact/approve",
        votes=VoteCount(yes=20, no=0),
        payload={"agenda": ["a", 1, None]},
        note="unanimous",
        sources=[Source(document="seed"), Source(document="url", locator="p. 3")],
        doubts=["a doubt"],
        corrects=None,
        recorded_at="2024-01-01T00:00:00+00:00",
    )
    assert row_event(event_row(event)) == event


def test_a_new_store_has_the_latest_schema(tmp_path: Path) -> None:
    with EventStore(tmp_path / "s.sqlite3") as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        steps = store.connection.execute("SELECT version, description FROM schema_version ORDER BY version").fetchall()
    assert [v for v, _ in steps] == [m.version for m in MIGRATIONS]


def test_an_old_store_is_migrated_with_its_events(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with EventStore(path, migrations=MIGRATIONS[:1]) as old:
        assert old.schema_version == 1
        old.create(start_event(), definition="t:flow", subject="t:pact")
        old.append(step(2), 1)
        old.connection.execute("UPDATE events SET note = 'edited' WHERE version = 2")  # version 1 allowed this
    with EventStore(path) as store:
        assert store.schema_version == 2
        assert [e.version for e in store.events("i")] == [1, 2]
        assert store.instances(subject="t:pact")[0].id == "i"
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.connection.execute("UPDATE events SET note = 'edited again'")


def test_a_failing_migration_leaves_the_store_at_its_version(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    EventStore(path, migrations=MIGRATIONS[:1]).close()
    broken = (*MIGRATIONS[:1], Migration(2, "broken", ("CREATE INDEX x ON instances (subject)", "NOT SQL AT ALL")))
    with pytest.raises(WorkflowError) as info:
        EventStore(path, migrations=broken)
    assert info.value.rule == "store.schema"
    assert 'to schema version 2 (broken) failed: near "NOT": syntax error; the store is left at version 1' in str(
        info.value
    )
    with EventStore(path, migrations=MIGRATIONS[:1]) as store:
        assert store.schema_version == 1
        assert store.connection.execute("SELECT name FROM sqlite_master WHERE name = 'x'").fetchall() == []


def test_a_store_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    future = (*MIGRATIONS, Migration(3, "from the future", ("CREATE TABLE later (x INTEGER)",)))
    EventStore(path, migrations=future).close()
    with pytest.raises(WorkflowError) as info:
        EventStore(path)
    assert info.value.rule == "store.schema"
    assert "schema version 3, newer than this streekbeleid knows (2); upgrade streekbeleid" in str(info.value)


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database, just notes\n" * 100, encoding="utf-8")
    with pytest.raises(WorkflowError) as info:
        EventStore(path)
    assert info.value.rule == "store.unreadable"
    assert str(path) in str(info.value)


def test_creating_an_instance_twice_is_refused(file_store: EventStore) -> None:
    with pytest.raises(WorkflowError) as info:
        file_store.create(start_event(), definition="t:flow", subject="t:pact")
    assert info.value.rule == "instance.exists"


def test_a_writer_that_waits_too_long_gets_a_clean_busy_refusal(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with EventStore(path) as first, EventStore(path, timeout=0.05) as second:
        first.create(start_event(), definition="t:flow", subject="t:pact")
        first.connection.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        try:
            with pytest.raises(WorkflowError) as info:
                second.append(step(2), 1)
            assert info.value.rule == "store.busy"
        finally:
            first.connection.execute("ROLLBACK")
        second.append(step(2), 1)
        assert first.version("i") == 2


def test_the_in_memory_store_follows_the_same_rules() -> None:
    with EventStore.memory() as store:
        store.create(start_event(), definition="t:flow", subject="t:pact")
        with pytest.raises(ConflictError):
            store.append(step(3), 2)
        with pytest.raises(sqlite3.IntegrityError):
            store.connection.execute("DELETE FROM events")
