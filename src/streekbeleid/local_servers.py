"""Throwaway servers on this machine, for tests, benchmarks and trying things out.

:class:`LocalPostgres` runs a PostgreSQL server (Debian's ``postgresql`` package:
``initdb`` and ``pg_ctl`` on ``PATH`` or under ``/usr/lib/postgresql/*/bin``) in a
temporary folder on a free loopback port; :class:`LocalOxigraph` runs Oxigraph's
SPARQL server (the ``oxigraph`` distribution on PyPI).  Both stop and remove
their folder when the ``with`` block ends.  PostgreSQL refuses to run as root:
as root, the server runs as the unprivileged user ``nobody``.

Nothing here is needed to use a real server: these are for a laptop or CI.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from .errors import StreekbeleidError

__all__ = ["LocalOxigraph", "LocalPostgres", "ServerUnavailable", "find_postgres_bin", "free_port"]


class ServerUnavailable(StreekbeleidError):
    """The server's programs are not installed, or it did not start."""


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def find_postgres_bin() -> Path | None:
    """The folder of PostgreSQL's server programs: ``initdb`` on ``PATH``, else Debian's newest."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3].split(".")[0])
    )
    return Path(candidates[-1]).parent if candidates else None


def _as_server_user(command: list[str]) -> list[str]:
    """Run as ``nobody`` when we are root (PostgreSQL refuses root)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ["runuser", "-u", "nobody", "--", *command]
    return command


class LocalPostgres:
    """A PostgreSQL server of its own in a temporary folder, on ``127.0.0.1`` and a free port.

    :param durable: ``fsync`` on (benchmarks); off by default, as a test server needs no power-cut safety.
    """

    user = "streekbeleid"

    def __init__(self, *, durable: bool = False) -> None:
        self.durable = durable
        self.password = secrets.token_hex(12)
        self.port = 0
        self._root: Path | None = None

    def __enter__(self) -> LocalPostgres:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        """A connection URL for a database of this server (with the password unless told another)."""
        pw = self.password if password is None else password
        return f"postgresql://{self.user}:{pw}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        bindir = find_postgres_bin()
        if bindir is None:
            raise ServerUnavailable(
                "no PostgreSQL server programs (initdb, pg_ctl): install Debian's postgresql package"
            )
        root = Path(tempfile.mkdtemp(prefix="streekbeleid-pg-"))
        self._root = root
        (root / "pw").write_text(self.password + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(root, "nobody")
            shutil.chown(root / "pw", "nobody")
        data = root / "data"
        run = {"capture_output": True, "text": True, "check": False}
        init = subprocess.run(
            _as_server_user(
                [
                    *(str(bindir / "initdb"), "-D", str(data), "-U", self.user, "--auth=scram-sha-256"),
                    *(f"--pwfile={root / 'pw'}", "-E", "UTF8", "--locale=C", "--no-sync"),
                ]
            ),
            **run,  # type: ignore[call-overload]
        )
        if init.returncode != 0:
            self.stop()
            raise ServerUnavailable(f"initdb failed: {' '.join(init.stderr.split())[-300:]}")
        self.port = free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {root} -c fsync={'on' if self.durable else 'off'}"
        start = subprocess.run(
            _as_server_user(
                [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-o", options, "-w", "start"]
            ),
            **run,  # type: ignore[call-overload]
        )
        if start.returncode != 0:
            log = (root / "log").read_text(encoding="utf-8", errors="replace") if (root / "log").exists() else ""
            self.stop()
            raise ServerUnavailable(f"PostgreSQL did not start: {' '.join((start.stderr + log).split())[-300:]}")
        self._pg_ctl = bindir / "pg_ctl"

    def create_database(self, name: str) -> str:
        """Create an empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        root, self._root = self._root, None
        if root is None:
            return
        if (root / "data" / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user([str(self._pg_ctl), "-D", str(root / "data"), "-m", "immediate", "-w", "stop"]),
                capture_output=True,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


def _oxigraph_program() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


class LocalOxigraph:
    """Oxigraph's SPARQL server (``pip install oxigraph``) on ``127.0.0.1`` and a free port.

    ``endpoint`` is its base URL: ``/store`` is the Graph Store Protocol, ``/query`` SPARQL.
    Its data is kept in a temporary folder (Oxigraph's RocksDB store), or in memory only
    with ``in_memory=True``: there a restart starts from an empty store.
    """

    def __init__(self, *, in_memory: bool = False) -> None:
        self.in_memory = in_memory
        self.port = 0
        self._root: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LocalOxigraph:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def start(self, *, read_only: bool = False) -> None:
        program = _oxigraph_program()
        if program is None:
            raise ServerUnavailable("no Oxigraph server: pip install oxigraph")
        self._can_serve(read_only)
        self.port = self.port or free_port()
        command = [program, "serve-read-only" if read_only else "serve"]
        if not self.in_memory:
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="streekbeleid-oxigraph-"))
            command += ["--location", str(self._root)]
        self._process = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                break
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{self.endpoint}/query?query=ASK%7B%7D", timeout=1).close()
                return
            time.sleep(0.05)
        self.stop()
        raise ServerUnavailable("Oxigraph's server did not start")

    def restart(self, *, read_only: bool = False) -> None:
        """Stop the server and start it again on the same data and port (read-only when told)."""
        self._can_serve(read_only)
        self._halt()
        self.start(read_only=read_only)

    def _can_serve(self, read_only: bool) -> None:
        if self.in_memory and read_only:
            raise ValueError("an Oxigraph store in memory cannot be served read-only: it would be empty")

    def _halt(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop(self) -> None:
        self._halt()
        root, self._root = self._root, None
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)

    def query(self, sparql: str) -> Any:
        """Ask a SPARQL query; the JSON results."""
        import json
        import urllib.parse

        request = urllib.request.Request(
            f"{self.endpoint}/query",
            data=urllib.parse.urlencode({"query": sparql}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:  # pragma: no cover - a broken query in a test
            raise AssertionError(exc.read().decode(errors="replace")) from None
