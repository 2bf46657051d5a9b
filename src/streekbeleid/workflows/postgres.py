"""The event store on a shared PostgreSQL server: the rules of the SQLite store, for a team.

``--store postgresql://USER@HOST[:PORT]/DB`` (or ``STREEKBELEID_STORE``) opens it;
the password comes from the URL, ``PGPASSWORD`` or ``~/.pgpass`` as libpq reads
them.  It needs psycopg 3: ``pip install 'streekbeleid[postgres]'``.

The same guarantees as :class:`~streekbeleid.workflows.store.EventStore`:

- **append-only**: triggers refuse ``UPDATE``, ``DELETE`` and ``TRUNCATE`` of
  events and gaps in versions, whoever writes;
- **optimistic concurrency**: an append inserts the next version in its own
  transaction; ``UNIQUE (instance, version)`` and the gap trigger refuse it when
  another writer got there first (the second insert waits for the first to commit,
  then fails), so of two writers that saw the same version one wins, the other gets
  a :class:`~streekbeleid.workflows.store.ConflictError`;
- **durable**: an append returns once PostgreSQL has committed it (its
  ``synchronous_commit`` as the server is set, ``on`` by default);
- **a schema version** (``schema_version``), migrated in one transaction under an
  advisory lock, so two processes opening a new database do not both migrate it;
- **one-line errors**: ``store.unreachable`` (no server there, or no such
  database), ``store.credentials`` (wrong user or password), ``store.schema``
  (newer than this code), ``store.busy`` (a lock held longer than ``timeout``),
  ``store.driver`` (psycopg not installed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import WorkflowError
from ._refuse import refuse
from .store import EVENTS_TABLE, INSTANCES_TABLE, Migration, WorkflowStore, check_schema, migration_failed, utc_now

__all__ = ["PG_MIGRATIONS", "PostgresEventStore", "redact"]

_APPEND_ONLY = "workflow events are append-only: record a correction instead"

#: The schema's history on PostgreSQL, step for step the same as the SQLite store's.  Never edit a released step.
PG_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "instances and their events",
        (
            INSTANCES_TABLE,
            EVENTS_TABLE.format(seq="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
        ),
    ),
    Migration(
        2,
        "the database refuses updates, deletes and gaps in event versions; instances indexed by subject",
        (
            "CREATE INDEX instances_by_subject ON instances (subject, definition)",
            f"""CREATE FUNCTION streekbeleid_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '{_APPEND_ONLY}' USING ERRCODE = 'restrict_violation'; END $$""",
            """CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION streekbeleid_events_append_only()""",
            """CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
                FOR EACH STATEMENT EXECUTE FUNCTION streekbeleid_events_append_only()""",
            """CREATE FUNCTION streekbeleid_events_no_gap() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.version <> (SELECT COALESCE(MAX(version), 0) + 1 FROM events WHERE instance = NEW.instance)
                    THEN RAISE EXCEPTION 'workflow event versions must follow each other without gaps'
                        USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$""",
            """CREATE TRIGGER events_no_gap BEFORE INSERT ON events
                FOR EACH ROW EXECUTE FUNCTION streekbeleid_events_no_gap()""",
        ),
    ),
)

#: The advisory lock a migration holds (any number, the same for every process of this library).
_MIGRATION_LOCK = 0x5B_E1_E1D


def redact(url: str) -> str:
    """A connection URL without its password, fit for a message.

    >>> redact("postgresql://team:s3cret@db.example:5433/streekbeleid")
    'postgresql://team@db.example:5433/streekbeleid'
    >>> redact("postgresql://db.example/streekbeleid?password=s3cret&sslmode=require")
    'postgresql://db.example/streekbeleid?sslmode=require'
    """
    url = re.sub(r"^([^:/]+://[^:@/]*):[^@/]*@", r"\1@", url)
    url = re.sub(r"([?&])password=[^&]*&?", r"\1", url)
    return url.rstrip("?&")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


class PostgresEventStore(WorkflowStore):
    """Workflow events in a PostgreSQL database, shared by everyone who can reach it.

    :param url: a ``postgresql://`` connection URL (any libpq URL parameter works).
    :param timeout: seconds to wait for the server to answer a connection, and for a
        lock another writer holds, before ``store.unreachable`` or ``store.busy``.
    """

    def __init__(self, url: str, *, timeout: float = 10.0, migrations: Sequence[Migration] = PG_MIGRATIONS) -> None:
        try:
            import psycopg
        except ImportError:
            raise refuse(
                "store.driver",
                f"the store {redact(url)} is on PostgreSQL, which needs psycopg: pip install 'streekbeleid[postgres]'",
            ) from None
        self._psycopg = psycopg
        self.path = redact(url)
        self.integrity_errors = (psycopg.IntegrityError,)
        self._migrations = tuple(migrations)
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=max(1, round(timeout)))
        except psycopg.OperationalError as exc:
            raise self._connect_error(exc) from None
        except psycopg.ProgrammingError as exc:  # a URL libpq cannot parse
            why = _one_line(exc)
            raise refuse("store.url", f"{self.path} is not a PostgreSQL URL libpq understands: {why}") from None
        try:
            self._db.execute(f"SET lock_timeout = {int(timeout * 1000)}")
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    def _connect_error(self, exc: BaseException) -> WorkflowError:
        text = _one_line(exc)
        if "authentication failed" in text or "no password supplied" in text or "password is required" in text:
            return refuse("store.credentials", f"the PostgreSQL server refused the credentials for {self.path}: {text}")
        return refuse("store.unreachable", f"cannot reach the PostgreSQL store {self.path}: {text}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PostgresEventStore:
        return self

    @property
    def connection(self) -> Any:
        """The psycopg connection, in autocommit mode (for reading and for tools; write through the store)."""
        return self._db

    @property
    def _read(self) -> Any:
        return self._db

    def _execute(self, db: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return db.execute(sql.replace("?", "%s"), params)
        except self._psycopg.OperationalError as exc:
            raise self._operational(exc) from None

    def _operational(self, exc: BaseException) -> WorkflowError:
        if isinstance(exc, self._psycopg.errors.LockNotAvailable):
            return refuse("store.busy", f"the store {self.path} stayed locked by another writer; try again")
        return refuse("store.unreachable", f"lost the PostgreSQL store {self.path}: {_one_line(exc)}")

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        try:
            with self._db.transaction():
                yield self._db
        except self._psycopg.OperationalError as exc:
            raise self._operational(exc) from None

    def _lock_instance(self, db: Any, instance: str) -> None:
        self._execute(db, "SELECT 1 FROM instances WHERE id = ? FOR UPDATE", (instance,))

    def _lock_subject(self, db: Any, definition: str, subject: str) -> None:
        self._execute(db, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"{definition}\n{subject}",))

    # ------------------------------------------------------------- schema

    def _version_on_disk(self) -> int:
        if self._execute(self._db, "SELECT to_regclass('schema_version')").fetchone()[0] is None:
            return 0
        row = self._execute(self._db, "SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        latest = self._migrations[-1].version if self._migrations else 0
        current = self._version_on_disk()
        check_schema(self.path, current, latest)
        if current == latest:
            return
        try:
            with self._transaction() as db:
                self._execute(db, "SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
                current = self._version_on_disk()  # another process may have migrated while we waited
                check_schema(self.path, current, latest)
                self._execute(
                    db,
                    "CREATE TABLE IF NOT EXISTS schema_version ("
                    "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)",
                )
                for step in self._migrations:
                    if step.version <= current:
                        continue
                    try:
                        with db.transaction():  # a savepoint: the error names the failing step
                            for statement in step.statements:
                                db.execute(statement)
                    except self._psycopg.Error as exc:
                        raise migration_failed(self.path, step, current, exc) from None
                    self._execute(
                        db,
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                        (step.version, step.description, utc_now()),
                    )
        except self._psycopg.errors.InsufficientPrivilege as exc:
            raise refuse(
                "store.schema", f"the user of {self.path} may not create the store's tables: {_one_line(exc)}"
            ) from None
