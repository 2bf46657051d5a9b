"""The event store: the schema and its migrations, append-only history, optimistic concurrency.

Every test that takes ``backend`` runs against SQLite and against a PostgreSQL server the tests start.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from streekbeleid import WorkflowError
from streekbeleid.model.workflow import WorkflowEvent, event_date
from streekbeleid.workflows import ConflictError, EventStore, default_store_path, open_store
from streekbeleid.workflows.store import SCHEMA_VERSION, Migration, WorkflowStore, event_row, row_event


def start_event(instance: str = "i") -> WorkflowEvent:
    return WorkflowEvent(instance=instance, version=1, transition="start", state="open", recorded_at="t0")


def step(version: int, instance: str = "i") -> WorkflowEvent:
    return WorkflowEvent(
        instance=instance, version=version, transition="go", state="open", date=event_date("2014"), recorded_at="t"
    )


@pytest.fixture
def file_store(backend: Any) -> Iterator[WorkflowStore]:
    store = backend.open()
    store.create(start_event(), definition="t:flow", subject="t:pact")
    yield store
    store.close()


def test_a_file_store_uses_wal_and_full_synchronous(tmp_path: Path) -> None:
    file_store = EventStore(tmp_path / "deep" / "store.sqlite3")
    db = file_store.connection
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert Path(file_store.path).exists()
    file_store.close()


def test_the_default_path_follows_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "streekbeleid" / "workflows.sqlite3"
    with open_store() as store:
        assert Path(store.path) == tmp_path / "streekbeleid" / "workflows.sqlite3"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # not absolute: ignored, as the XDG spec says
    assert default_store_path().parts[-3:] == ("share", "streekbeleid", "workflows.sqlite3")


def test_appends_follow_the_expected_version(file_store: WorkflowStore) -> None:
    file_store.append(step(2), 1)
    file_store.append(step(3), 2)
    assert file_store.version("i") == 3
    assert [e.version for e in file_store.events("i")] == [1, 2, 3]


def test_a_stale_version_is_a_conflict_and_writes_nothing(file_store: WorkflowStore) -> None:
    file_store.append(step(2), 1)
    with pytest.raises(ConflictError) as info:
        file_store.append(step(2), 1)
    assert info.value.rule == "version.stale"
    assert (info.value.expected, info.value.actual) == (1, 2)
    assert file_store.version("i") == 2


def test_an_event_must_carry_the_next_version(file_store: WorkflowStore) -> None:
    with pytest.raises(ValueError, match="has version 2"):
        file_store.append(step(3), 1)


def test_appending_to_an_unknown_instance_is_refused(file_store: WorkflowStore) -> None:
    with pytest.raises(WorkflowError) as info:
        file_store.append(step(2, instance="nobody"), 1)
    assert info.value.rule == "instance.unknown"


def test_the_database_refuses_to_rewrite_history(file_store: Any, backend: Any) -> None:
    db = file_store.connection
    with pytest.raises(backend.integrity_error, match="append-only"):
        db.execute("UPDATE events SET state = 'closed'")
    with pytest.raises(backend.integrity_error, match="append-only"):
        db.execute("DELETE FROM events")
    if backend.name == "postgres":
        with pytest.raises(backend.integrity_error, match="append-only"):
            db.execute("TRUNCATE events CASCADE")
    assert file_store.version("i") == 1
    assert [e.recorded_at for e in file_store.events("i")] == ["t0"]


def test_the_database_refuses_gaps_and_duplicates_from_any_writer(file_store: Any, backend: Any) -> None:
    db = file_store.connection
    with pytest.raises(backend.integrity_error, match="without gaps"):
        db.execute(
            "INSERT INTO events (instance, version, transition, state, recorded_at) VALUES ('i', 5, 'go', 'x', 't')"
        )
    with pytest.raises(backend.integrity_error):
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


def test_a_new_store_has_the_latest_schema(backend: Any) -> None:
    with backend.open() as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        steps = store.connection.execute("SELECT version, description FROM schema_version ORDER BY version").fetchall()
    assert [v for v, _ in steps] == [m.version for m in backend.migrations]


def test_an_old_store_is_migrated_with_its_events(backend: Any) -> None:
    with backend.open("old", migrations=backend.migrations[:1]) as old:
        assert old.schema_version == 1
        old.create(start_event(), definition="t:flow", subject="t:pact")
        old.append(step(2), 1)
        old.connection.execute("UPDATE events SET note = 'edited' WHERE version = 2")  # version 1 allowed this
    with backend.open("old") as store:
        assert store.schema_version == 2
        assert [e.version for e in store.events("i")] == [1, 2]
        assert store.events("i")[1].note == "edited"
        assert store.instances(subject="t:pact")[0].id == "i"
        with pytest.raises(backend.integrity_error, match="append-only"):
            store.connection.execute("UPDATE events SET note = 'edited again'")


def test_a_failing_migration_leaves_the_store_at_its_version(backend: Any) -> None:
    backend.open(migrations=backend.migrations[:1]).close()
    broken = (*backend.migrations[:1], Migration(2, "broken", ("CREATE TABLE leftover (x INTEGER)", "NOT SQL AT ALL")))
    with pytest.raises(WorkflowError) as info:
        backend.open(migrations=broken)
    assert info.value.rule == "store.schema"
    message = str(info.value)
    assert "to schema version 2 (broken) failed: " in message
    assert "syntax error" in message
    assert message.endswith("; the store is left at version 1")
    assert "\n" not in message
    with backend.open(migrations=backend.migrations[:1]) as store:
        assert store.schema_version == 1
        with pytest.raises(backend.db_error, match="leftover"):
            store.connection.execute("SELECT x FROM leftover")


def test_a_store_newer_than_the_code_is_refused(backend: Any) -> None:
    future = (*backend.migrations, Migration(3, "from the future", ("CREATE TABLE later (x INTEGER)",)))
    backend.open(migrations=future).close()
    with pytest.raises(WorkflowError) as info:
        backend.open()
    assert info.value.rule == "store.schema"
    assert "schema version 3, newer than this streekbeleid knows (2); upgrade streekbeleid" in str(info.value)


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database, just notes\n" * 100, encoding="utf-8")
    with pytest.raises(WorkflowError) as info:
        EventStore(path)
    assert info.value.rule == "store.unreadable"
    assert str(path) in str(info.value)


def test_creating_an_instance_twice_is_refused(file_store: WorkflowStore) -> None:
    with pytest.raises(WorkflowError) as info:
        file_store.create(start_event(), definition="t:flow", subject="t:pact")
    assert info.value.rule == "instance.exists"


def test_a_writer_that_waits_too_long_gets_a_clean_busy_refusal(backend: Any) -> None:
    with backend.open() as first, backend.open(timeout=0.05) as second:
        first.create(start_event(), definition="t:flow", subject="t:pact")
        if backend.name == "sqlite":
            first.connection.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        else:
            first.connection.execute("BEGIN")
            first.connection.execute("SELECT 1 FROM instances WHERE id = 'i' FOR UPDATE")
        try:
            with pytest.raises(WorkflowError) as info:
                second.append(step(2), 1)
            assert info.value.rule == "store.busy"
        finally:
            first.connection.execute("ROLLBACK")
        second.append(step(2), 1)
        assert first.version("i") == 2


def test_two_stores_on_one_database_see_each_others_events(backend: Any) -> None:
    with backend.open() as a, backend.open() as b:
        a.create(start_event(), definition="t:flow", subject="t:pact")
        b.append(step(2), 1)
        with pytest.raises(ConflictError):
            a.append(step(2), 1)
        a.append(step(3), 2)
        assert [e.version for e in b.events("i")] == [1, 2, 3]
        assert b.instance("i").state == "open"


def test_the_in_memory_store_follows_the_same_rules() -> None:
    with EventStore.memory() as store:
        store.create(start_event(), definition="t:flow", subject="t:pact")
        with pytest.raises(ConflictError):
            store.append(step(3), 2)
        with pytest.raises(sqlite3.IntegrityError):
            store.connection.execute("DELETE FROM events")


# ---------------------------------------------------------------- locations: files and URLs


@pytest.mark.parametrize("url", ["mysql://team@db/streekbeleid", "sqlite:///tmp/x.sqlite3", "http://example.org/s"])
def test_a_url_of_an_unsupported_kind_is_refused_and_no_file_is_made(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkflowError) as info:
        open_store(url)
    assert info.value.rule == "store.url"
    assert "postgresql://USER@HOST[:PORT]/DB" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_the_store_can_be_named_in_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREEKBELEID_STORE", str(tmp_path / "team.sqlite3"))
    with open_store() as store:
        assert store.path == str(tmp_path / "team.sqlite3")
    monkeypatch.setenv("STREEKBELEID_STORE", "redis://localhost/0")
    with pytest.raises(WorkflowError, match=r"store\.url"):
        open_store()


def test_a_postgres_store_without_psycopg_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(WorkflowError) as info:
        open_store("postgresql://team:secret@127.0.0.1:1/streekbeleid")
    assert info.value.rule == "store.driver"
    assert "pip install 'streekbeleid[postgres]'" in str(info.value)
    assert "secret" not in str(info.value)


def test_an_unreachable_server_is_one_line_without_the_password(postgres_server: Any) -> None:
    from streekbeleid.local_servers import free_port

    with pytest.raises(WorkflowError) as info:
        open_store(f"postgresql://team:secret@127.0.0.1:{free_port()}/streekbeleid", timeout=2)
    assert info.value.rule == "store.unreachable"
    assert "\n" not in str(info.value)
    assert "secret" not in str(info.value)
    assert "postgresql://team@127.0.0.1:" in str(info.value)


def test_wrong_credentials_are_one_line(postgres_server: Any) -> None:
    with pytest.raises(WorkflowError) as info:
        open_store(postgres_server.url(password="not-the-password"))
    assert info.value.rule == "store.credentials"
    assert "\n" not in str(info.value)
    assert "not-the-password" not in str(info.value)
    assert "password authentication failed" in str(info.value)


def test_a_missing_database_is_unreachable(postgres_server: Any) -> None:
    with pytest.raises(WorkflowError) as info:
        open_store(postgres_server.url("no_such_database"))
    assert info.value.rule == "store.unreachable"
    assert "no_such_database" in str(info.value)


# ---------------------------------------------------------------- copying a store


def _filled(store: WorkflowStore) -> WorkflowStore:
    from streekbeleid import Source, VoteCount

    store.create(start_event("a"), definition="t:flow", subject="t:pact")
    store.append(step(2, "a"), 1)
    store.create(start_event("b"), definition="t:other", subject="t:plan")
    full = WorkflowEvent(
        instance="b",
        version=2,
        transition="approve",
        state="approved",
        date=event_date("2014-03-11"),
        by="t:resoc",
        votes=VoteCount(yes=20, no=0, abstain=1),
        payload={"agenda": ["a", 1, None]},
        note="é",
        sources=[Source(document="url", locator="p. 3")],
        doubts=["a doubt"],
        recorded_at="2024-01-01T00:00:00.123456+00:00",
    )
    store.append(full, 1)
    return store


@pytest.mark.parametrize("direction", ["sqlite-to-postgres", "postgres-to-sqlite"])
def test_copying_a_store_keeps_every_event_version_and_time_and_twice_adds_nothing(
    direction: str, tmp_path: Path, postgres_server: Any
) -> None:
    from streekbeleid.workflows import copy_store

    sqlite_store = EventStore(tmp_path / "s.sqlite3")
    pg_store = open_store(postgres_server.create_database(f"copy_{direction.replace('-', '_')}"))
    source, target = (sqlite_store, pg_store) if direction == "sqlite-to-postgres" else (pg_store, sqlite_store)
    _filled(source)
    assert copy_store(source, target) == (2, 4)
    assert list(target.all_rows()) == list(source.all_rows())
    assert target.instances() == source.instances()  # definition, subject, created_at, version, state
    assert copy_store(source, target) == (0, 0)
    assert list(target.all_rows()) == list(source.all_rows())
    source.append(step(3, "a"), 2)  # the source goes on: a second copy adds only the new event
    assert copy_store(source, target) == (0, 1)
    assert target.events("a") == source.events("a")
    sqlite_store.close()
    pg_store.close()


def test_a_copy_into_a_store_that_tells_another_story_is_refused(tmp_path: Path) -> None:
    from streekbeleid.workflows import copy_store

    with EventStore(tmp_path / "a.sqlite3") as source, EventStore(tmp_path / "b.sqlite3") as target:
        _filled(source)
        target.create(start_event("a"), definition="t:flow", subject="t:pact")
        target.append(WorkflowEvent(instance="a", version=2, transition="other", state="x", recorded_at="t"), 1)
        with pytest.raises(WorkflowError) as info:
            copy_store(source, target)
        assert info.value.rule == "copy.diverged"
        assert target.version("a") == 2
        assert target.events("a")[1].transition == "other"
