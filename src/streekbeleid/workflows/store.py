"""The event store: workflow events in SQLite, append-only, with optimistic concurrency per instance.

Each instance has a row in ``instances`` and its events in ``events``, numbered
from 1 without gaps (``UNIQUE (instance, version)``).  An append names the
version the writer last saw; inside one ``BEGIN IMMEDIATE`` transaction the
store checks it is still the latest and inserts the next one, so of two writers
that saw the same version one wins and the other gets a :class:`ConflictError`:
no event is lost or written twice.  The database itself refuses updates and
deletes of events and gaps in versions (triggers), so history is never
rewritten, even by another program.

Files use WAL and ``synchronous=FULL`` (a committed event survives a power
cut); :meth:`EventStore.memory` gives an in-memory store for tests, with the
same code and the same rules.  The schema carries a version
(``schema_version``) and is migrated forward when a store is opened.

:class:`WorkflowStore` is what the engine and the command line ask of a store;
:class:`EventStore` (SQLite) and
:class:`~streekbeleid.workflows.postgres.PostgresEventStore` (a shared
PostgreSQL server) both give it, with the same rules.  :func:`open_store` picks
one from a location: a ``postgresql://`` URL or a file path.

>>> store = EventStore.memory()
>>> store.schema_version
2
"""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import sys
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from ..errors import FileSystemError, WorkflowError
from ..model.dates import DateBound
from ..model.records import Source, VoteCount
from ..model.workflow import WorkflowEvent
from ._refuse import refuse

__all__ = [
    "MIGRATIONS",
    "STORE_URL_ENV",
    "WorkflowStore",
    "copy_store",
    "SCHEMA_VERSION",
    "ConflictError",
    "EventStore",
    "InstanceRow",
    "Migration",
    "default_store_path",
    "event_row",
    "open_store",
    "row_event",
    "utc_now",
]

STORE_ENV = "XDG_DATA_HOME"
#: The environment variable that names the store when ``--store`` is not given.
STORE_URL_ENV = "STREEKBELEID_STORE"


class ConflictError(WorkflowError):
    """Another writer appended to the instance since this one read it (a stale version)."""

    def __init__(self, instance: str, expected: int, actual: int) -> None:
        self.instance = instance
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"version.stale: instance {instance!r} is at version {actual}, not {expected}: "
            "someone else recorded an event since it was read; read its status again and retry",
            rule="version.stale",
        )


@attrs.frozen
class Migration:
    """One step of the schema: its version, what it does, its SQL statements (run in one transaction)."""

    version: int
    description: str
    statements: tuple[str, ...]


_APPEND_ONLY = "workflow events are append-only: record a correction instead"

#: The tables of schema version 1 (``{seq}``: the event sequence column's type, as each database writes it).
INSTANCES_TABLE = """CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        subject TEXT NOT NULL,
        created_at TEXT NOT NULL
    )"""
EVENTS_TABLE = """CREATE TABLE events (
        seq {seq},
        instance TEXT NOT NULL REFERENCES instances (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        transition TEXT NOT NULL,
        state TEXT NOT NULL,
        date TEXT,
        actor TEXT,
        recipient TEXT,
        decision TEXT,
        votes_yes INTEGER,
        votes_no INTEGER,
        votes_abstain INTEGER,
        payload TEXT,
        note TEXT,
        sources TEXT,
        doubts TEXT,
        corrects INTEGER,
        recorded_at TEXT NOT NULL,
        UNIQUE (instance, version)
    )"""

#: The schema's history.  Never edit a released step; add one.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "instances and their events",
        (
            INSTANCES_TABLE,
            EVENTS_TABLE.format(seq="INTEGER PRIMARY KEY"),
        ),
    ),
    Migration(
        2,
        "the database refuses updates, deletes and gaps in event versions; instances indexed by subject",
        (
            "CREATE INDEX instances_by_subject ON instances (subject, definition)",
            f"""CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END""",
            f"""CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END""",
            """CREATE TRIGGER events_no_gap BEFORE INSERT ON events
                WHEN NEW.version <> (SELECT COALESCE(MAX(version), 0) + 1 FROM events WHERE instance = NEW.instance)
                BEGIN SELECT RAISE(ABORT, 'workflow event versions must follow each other without gaps'); END""",
        ),
    ),
)

#: The schema version this code writes.
SCHEMA_VERSION = MIGRATIONS[-1].version

#: The columns of ``events`` in the order :func:`event_row` gives them.
EVENT_COLUMNS = (
    "instance",
    "version",
    "transition",
    "state",
    "date",
    "actor",
    "recipient",
    "decision",
    "votes_yes",
    "votes_no",
    "votes_abstain",
    "payload",
    "note",
    "sources",
    "doubts",
    "corrects",
    "recorded_at",
)
_INSERT = f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
_INSERT_INSTANCE = "INSERT INTO instances (id, definition, subject, created_at) VALUES (?, ?, ?, ?)"
_SELECT = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"


def utc_now() -> str:
    """The current time in UTC, ISO 8601 with microseconds: when an event was recorded."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def default_store_path() -> Path:
    """Where the store lives unless ``--store`` says otherwise: the user's data directory.

    ``$XDG_DATA_HOME/streekbeleid/workflows.sqlite3`` (XDG; an absolute
    ``XDG_DATA_HOME`` only), else ``~/.local/share/...`` on Linux,
    ``~/Library/Application Support/...`` on macOS, ``%LOCALAPPDATA%\\...`` on Windows.
    """
    xdg = os.environ.get(STORE_ENV)
    if xdg and os.path.isabs(xdg):
        root = Path(xdg)
    elif sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support"
    else:
        root = Path.home() / ".local" / "share"
    return root / "streekbeleid" / "workflows.sqlite3"


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _json(value: Any) -> str | None:
    if not value:
        return None
    return _ENCODER.encode(list(value) if isinstance(value, tuple) else value)


@functools.lru_cache(maxsize=1024)
def _sources_json(sources: tuple[Source, ...]) -> str | None:
    # Many events cite the same documents: write each distinct list once.
    return _json([s.document if s == Source.of(s.document) else _source_fields(s) for s in sources])


def _source_fields(source: Source) -> dict[str, str]:
    """A source as JSON: its document and whichever of locator and inference it has."""
    return {k: v for k, v in attrs.asdict(source).items() if v is not None}


@functools.lru_cache(maxsize=1024)
def _sources(text: str | None) -> tuple[Source, ...]:
    # Many events cite the same documents: parse each distinct list once.
    if not text:
        return ()
    return tuple(Source.of(s) if isinstance(s, str) else Source(**s) for s in json.loads(text))


def event_row(event: WorkflowEvent) -> tuple[Any, ...]:
    """An event as a row of ``events`` (columns as :data:`EVENT_COLUMNS`)."""
    votes = event.votes
    return (
        event.instance,
        event.version,
        event.transition,
        event.state,
        None if event.date is None else str(event.date),
        event.by,
        event.recipient,
        event.decision,
        None if votes is None else votes.yes,
        None if votes is None else votes.no,
        None if votes is None else votes.abstain,
        _json(event.payload) if event.payload else None,
        event.note,
        _sources_json(event.sources) if event.sources else None,
        _json(event.doubts) if event.doubts else None,
        event.corrects,
        event.recorded_at,
    )


def row_event(row: Sequence[Any]) -> WorkflowEvent:
    """The event a row of ``events`` holds."""
    (inst, version, transition, state, day, by, recipient, decision, yes, no, abstain) = row[:11]
    payload, note, sources, doubts, corrects, recorded_at = row[11:]
    votes = None if yes is None and no is None and abstain is None else VoteCount(yes=yes, no=no, abstain=abstain)
    return WorkflowEvent(
        instance=inst,
        version=version,
        transition=transition,
        state=state,
        date=None if day is None else DateBound.parse(day),
        by=by,
        recipient=recipient,
        decision=decision,
        votes=votes,
        payload=json.loads(payload) if payload else None,
        note=note,
        sources=_sources(sources),
        doubts=json.loads(doubts) if doubts else (),
        corrects=corrects,
        recorded_at=recorded_at,
    )


@attrs.frozen
class InstanceRow:
    """What the store knows of an instance without folding its events."""

    id: str
    definition: str
    subject: str
    created_at: str
    version: int
    state: str


class WorkflowStore(ABC):
    """What the engine and the command line ask of an event store, with the rules every store keeps.

    The SQL is shared (written with ``?`` placeholders); a subclass opens the
    connection, runs write transactions (:meth:`_transaction`), knows its
    schema version and locks what two writers must not do at once.
    """

    #: A printable name of the store (a file path, or a URL without its password).
    path: str
    #: The errors the database raises when a constraint or trigger refuses a write.
    integrity_errors: tuple[type[BaseException], ...] = ()
    _migrations: tuple[Migration, ...]
    _placeholder = "?"

    # ------------------------------------------------------------- what a store gives

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    @contextmanager
    def transaction(self) -> Iterator[WorkflowStore]:
        """Every write inside is kept, or none: ``with store.transaction(): ...`` (whole or nothing).

        The writes of :meth:`create` and :meth:`append` within the block become one
        transaction that holds the write lock until the block ends; an exception that
        leaves the block undoes them all.  Blocks nest (an inner one is a savepoint), in
        every store: SQLite's and PostgreSQL's.
        """
        with self._transaction():
            yield self

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """One write transaction: yields a connection with ``execute``; commits, or rolls back on error."""

    @abstractmethod
    def _version_on_disk(self) -> int:
        """The schema version the database holds (0 when it has none yet)."""

    @abstractmethod
    def _execute(self, db: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (written with ``?``) and return its cursor."""

    def _lock_instance(self, db: Any, instance: str) -> None:  # noqa: B027 - optional hook
        """Inside a write transaction: keep other writers of this instance out until it ends."""

    def _lock_subject(self, db: Any, definition: str, subject: str) -> None:  # noqa: B027 - optional hook
        """Inside a write transaction: keep other starts of this workflow for this subject out until it ends."""

    @property
    @abstractmethod
    def _read(self) -> Any:
        """The connection reads go through."""

    # ------------------------------------------------------------- lifecycle

    def __enter__(self) -> WorkflowStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.path}>"

    @property
    def schema_version(self) -> int:
        """The schema version of the database."""
        return self._version_on_disk()

    # ------------------------------------------------------------- writing

    def create(
        self,
        first: WorkflowEvent,
        *,
        definition: str,
        subject: str,
        open_states_of_same: Collection[str] | None = None,
    ) -> None:
        """Create an instance with its first event, atomically.

        :param open_states_of_same: when given, refuse if an instance of the same
            definition and subject has its last event in one of these states
            (the workflow is already running for the subject).
        """
        if first.version != 1:
            raise ValueError("the first event of an instance has version 1")
        try:
            with self._transaction() as db:
                self._lock_subject(db, definition, subject)
                if self._execute(db, "SELECT 1 FROM instances WHERE id = ?", (first.instance,)).fetchone():
                    raise self._exists(first.instance)
                if open_states_of_same is not None:
                    for row in self._instances(db, definition, subject):
                        if row.state in open_states_of_same:
                            raise refuse(
                                "instance.running",
                                f"workflow {definition!r} already runs for {subject!r} as instance {row.id!r} "
                                f"(state {row.state!r}); finish it first, or give the new instance its own id",
                            )
                created = first.recorded_at or utc_now()
                self._execute(db, _INSERT_INSTANCE, (first.instance, definition, subject, created))
                self._execute(db, _INSERT, event_row(first))
        except self.integrity_errors:
            # another writer created the same instance between our check and our insert
            raise self._exists(first.instance) from None

    def _exists(self, instance: str) -> WorkflowError:
        return refuse("instance.exists", f"there is already an instance {instance!r} in {self.path}")

    def append(self, event: WorkflowEvent, expected_version: int) -> None:
        """Append ``event`` if the instance is still at ``expected_version``; else :class:`ConflictError`.

        The event must carry version ``expected_version + 1``.  The database checks
        the version inside the write transaction: the next version must follow the
        latest without a gap (a trigger) and must not exist yet (``UNIQUE``), so the
        check and the insert are one atomic step, whoever else writes.
        """
        if event.version != expected_version + 1:
            raise ValueError(f"an event appended after version {expected_version} has version {expected_version + 1}")
        row = event_row(event)
        try:
            with self._transaction() as db:
                self._execute(db, _INSERT, row)
        except self.integrity_errors as exc:
            actual = self.version(event.instance)  # instance.unknown if there is no such instance
            if actual != expected_version:
                raise ConflictError(event.instance, expected_version, actual) from None
            message = " ".join(str(exc).split())
            raise refuse("store.integrity", f"the store {self.path} refused event {event.version}: {message}") from None

    def copy_in(self, instance: InstanceRow, rows: Sequence[Sequence[Any]]) -> None:
        """Add an instance's events as they are (versions and recorded times kept), in one transaction.

        ``rows`` (columns as :data:`EVENT_COLUMNS`) follow the instance's latest version
        here; the instance row is created with its own ``created_at`` when missing.
        Used by :func:`copy_store`.
        """
        if not rows:
            return
        with self._transaction() as db:
            self._lock_subject(db, instance.definition, instance.subject)
            found = self._execute(
                db, "SELECT definition, subject FROM instances WHERE id = ?", (instance.id,)
            ).fetchone()
            if found is None:
                new = (instance.id, instance.definition, instance.subject, instance.created_at)
                self._execute(db, _INSERT_INSTANCE, new)
                actual = 0
            else:
                if tuple(found) != (instance.definition, instance.subject):
                    raise refuse(
                        "copy.diverged",
                        f"instance {instance.id!r} in {self.path} is {found[0]!r} about {found[1]!r}, "
                        f"not {instance.definition!r} about {instance.subject!r}",
                    )
                self._lock_instance(db, instance.id)
                actual = self._version(db, instance.id)
            first = int(rows[0][1])
            if first != actual + 1:
                raise ConflictError(instance.id, first - 1, actual)
            for row in rows:
                self._execute(db, _INSERT, tuple(row))

    def _version(self, db: Any, instance: str) -> int:
        row = self._execute(db, "SELECT MAX(version) FROM events WHERE instance = ?", (instance,)).fetchone()
        if row[0] is None:
            raise refuse("instance.unknown", f"no instance {instance!r} in {self.path}")
        return int(row[0])

    # ------------------------------------------------------------- reading

    def version(self, instance: str) -> int:
        """The latest version of an instance."""
        return self._version(self._read, instance)

    def instance(self, instance: str) -> InstanceRow:
        """What the store knows of one instance (``instance.unknown`` if none)."""
        row = self._execute(
            self._read,
            "SELECT i.id, i.definition, i.subject, i.created_at, e.version, e.state "
            "FROM instances i JOIN events e ON e.instance = i.id WHERE i.id = ? ORDER BY e.version DESC LIMIT 1",
            (instance,),
        ).fetchone()
        if row is None:
            raise refuse("instance.unknown", f"no instance {instance!r} in {self.path}")
        return InstanceRow(*row)

    def instances(self, definition: str | None = None, subject: str | None = None) -> list[InstanceRow]:
        """Every instance (of a definition, about a subject), by id."""
        return self._instances(self._read, definition, subject)

    def _instances(self, db: Any, definition: str | None, subject: str | None) -> list[InstanceRow]:
        sql = (
            "SELECT i.id, i.definition, i.subject, i.created_at, e.version, e.state "
            "FROM instances i JOIN events e ON e.instance = i.id "
            "WHERE e.version = (SELECT MAX(version) FROM events WHERE instance = i.id)"
        )
        params: list[str] = []
        if definition is not None:
            sql += " AND i.definition = ?"
            params.append(definition)
        if subject is not None:
            sql += " AND i.subject = ?"
            params.append(subject)
        return [InstanceRow(*row) for row in self._execute(db, sql + " ORDER BY i.id", params).fetchall()]

    def rows(self, instance: str) -> list[tuple[Any, ...]]:
        """The raw rows of an instance's events, by version (columns as :data:`EVENT_COLUMNS`)."""
        cursor = self._execute(self._read, f"{_SELECT} WHERE instance = ? ORDER BY version", (instance,))
        return [tuple(r) for r in cursor.fetchall()]

    def events(self, instance: str) -> list[WorkflowEvent]:
        """The events of an instance, by version."""
        return [row_event(r) for r in self.rows(instance)]

    def all_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every event row, instance by instance, by version."""
        return (tuple(r) for r in self._execute(self._read, f"{_SELECT} ORDER BY instance, version"))


class EventStore(WorkflowStore):
    """Workflow events in one SQLite database (a file, or memory).

    :param path: the database file (created with its folder if missing), or ``":memory:"``.
    :param synchronous: SQLite's ``synchronous`` setting; ``FULL`` (the default) makes every
        committed event durable.
    :param timeout: seconds to wait for another writer before giving up with ``store.busy``.
    """

    integrity_errors = (sqlite3.IntegrityError,)

    def __init__(
        self,
        path: str | os.PathLike[str] = ":memory:",
        *,
        synchronous: str = "FULL",
        timeout: float = 10.0,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        self.path = str(path)
        self._migrations = tuple(migrations)
        self._depth = 0
        if self.path != ":memory:":
            _check_store_path(Path(self.path))
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
        except sqlite3.Error as exc:
            raise _unopenable(self.path, exc) from None
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
            if synchronous.upper() not in ("OFF", "NORMAL", "FULL", "EXTRA"):
                raise ValueError(f"synchronous must be OFF, NORMAL, FULL or EXTRA, not {synchronous!r}")
            self._db.execute(f"PRAGMA synchronous = {synchronous.upper()}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            if isinstance(exc, sqlite3.OperationalError):  # cannot open or write: not a question of contents
                raise _unopenable(self.path, exc) from None
            raise refuse("store.unreadable", f"{self.path} is not a workflow store ({exc})") from None
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def memory(cls) -> EventStore:
        """An in-memory store: the same rules, gone when closed."""
        return cls(":memory:")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> EventStore:
        return self

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection (for reading and for tools; write through the store)."""
        return self._db

    @property
    def _read(self) -> sqlite3.Connection:
        return self._db

    def _execute(self, db: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        return db.execute(sql, params)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction that holds the write lock from its start (``BEGIN IMMEDIATE``).

        Inside another, a savepoint: undone alone when it fails, kept only if the outer one is.
        """
        if self._db.in_transaction:
            name = f"streekbeleid_{self._depth}"
            self._depth += 1
            self._db.execute(f"SAVEPOINT {name}")
            try:
                yield self._db
            except BaseException:
                self._db.execute(f"ROLLBACK TO {name}")
                self._db.execute(f"RELEASE {name}")
                raise
            finally:
                self._depth -= 1
            self._db.execute(f"RELEASE {name}")
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc):
                raise _unopenable(self.path, exc) from None
            raise refuse(
                "store.busy", f"the store {self.path} stayed locked by another writer ({exc}); try again"
            ) from None
        try:
            yield self._db
        except BaseException as exc:
            self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                raise _unopenable(self.path, exc) from None
            raise
        self._db.execute("COMMIT")

    # ------------------------------------------------------------- schema

    def _version_on_disk(self) -> int:
        has_table = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not has_table:
            return 0
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        latest = self._migrations[-1].version if self._migrations else 0
        if self._version_on_disk() == latest:
            return
        with self._transaction() as db:
            current = self._version_on_disk()  # another process may have migrated while we waited
            check_schema(self.path, current, latest)
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            for step in self._migrations:
                if step.version <= current:
                    continue
                try:
                    for statement in step.statements:
                        db.execute(statement)
                except sqlite3.Error as exc:
                    raise migration_failed(self.path, step, current, exc) from None
                db.execute(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    (step.version, step.description, utc_now()),
                )


def _check_store_path(path: Path) -> None:
    """A store path that is a folder, or under a file, is refused naming it; a missing folder is made."""
    if path.is_dir():
        example = path / "store.sqlite3"
        raise refuse("store.path", f"the store {path} is a folder: give the path of a file, e.g. {example}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise refuse("store.path", f"the store {path} cannot be made: {FileSystemError.of(exc)}") from None


def _unopenable(path: str, exc: sqlite3.Error) -> WorkflowError:
    """Why SQLite could not open or write the store, in words the user can act on."""
    where = Path(path)
    target = where if where.exists() else where.parent
    if "readonly" in str(exc) or (path != ":memory:" and not os.access(target, os.W_OK)):
        return refuse(
            "store.readonly",
            f"the store {path} is read-only ({exc}): "
            "choose a store you may write to with --store PATH, or change its permissions",
        )
    return refuse("store.unreadable", f"cannot open the store {path}: {exc}")


def check_schema(where: str, current: int, latest: int) -> None:
    """Refuse a store whose schema is newer than this code knows."""
    if current > latest:
        raise refuse(
            "store.schema",
            f"the store {where} has schema version {current}, newer than this "
            f"streekbeleid knows ({latest}); upgrade streekbeleid",
        )


def migration_failed(where: str, step: Migration, current: int, exc: BaseException) -> WorkflowError:
    """The error for a migration step the database refused (the transaction is rolled back)."""
    message = " ".join(str(exc).split())
    return refuse(
        "store.schema",
        f"migrating the store {where} to schema version {step.version} ({step.description}) "
        f"failed: {message}; the store is left at version {current}",
    )


#: A location that names a scheme (``name://...``): a URL, never a file name.
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):(//|$)")
_POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_url(location: str) -> bool:
    """Whether a store location is a URL (``scheme://...``) rather than a file path.

    >>> is_url("postgresql://team@db.example/streekbeleid"), is_url("C:/data/store.sqlite3"), is_url("store.sqlite3")
    (True, False, False)
    """
    return _URL.match(location) is not None


def open_store(location: str | os.PathLike[str] | None = None, **options: Any) -> WorkflowStore:
    """Open (creating or migrating) the store at ``location``.

    A ``postgresql://USER@HOST[:PORT]/DB`` URL opens a PostgreSQL store (the
    ``postgres`` extra); anything else is a file path of an SQLite store.  Without a
    location: ``$STREEKBELEID_STORE`` when set, else :func:`default_store_path`.
    A URL of any other kind is refused (``store.url``), never taken for a file name.
    """
    if location is None:
        location = os.environ.get(STORE_URL_ENV) or default_store_path()
    text = os.fspath(location)
    match = _URL.match(text) if isinstance(text, str) else None
    if match is None:
        return EventStore(text, **options)
    scheme = match["scheme"].lower()
    if scheme in _POSTGRES_SCHEMES:
        from .postgres import PostgresEventStore

        return PostgresEventStore(text, **options)
    if scheme == "file":
        raise refuse("store.url", f"give a file store as a path, not as a URL ({scheme}:): {text}")
    raise refuse(
        "store.url",
        f"a store at a {scheme}: URL is not supported: "
        "give a postgresql://USER@HOST[:PORT]/DB URL or the path of an SQLite file",
    )


def copy_store(source: WorkflowStore, target: WorkflowStore) -> tuple[int, int]:
    """Copy every instance and event of ``source`` that ``target`` lacks; returns (instances, events) added.

    Versions and recorded times are kept.  An instance the target already has must
    hold the same events up to its latest version (``copy.diverged`` otherwise), so
    copying twice adds nothing.  Each instance is copied in one transaction.
    """
    added_instances = added_events = 0
    for instance in source.instances():
        rows = source.rows(instance.id)
        have = target.rows(instance.id)
        if have:
            if have[: len(rows)] != rows[: len(have)] or len(have) > len(rows):
                raise refuse(
                    "copy.diverged",
                    f"instance {instance.id!r} has other events in {target.path} than in {source.path}; "
                    "nothing of it was copied",
                )
        else:
            added_instances += 1
        new = rows[len(have) :]
        target.copy_in(instance, new)
        added_events += len(new)
    return added_instances, added_events
