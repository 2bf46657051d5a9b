"""A real SPARQL server for the publishing tests (Oxigraph's, from PyPI), and a proxy in front of it that can
delay the write, falsify the count or ask for credentials."""

from __future__ import annotations

import http.server
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def oxigraph_server() -> Iterator[Any]:
    """Oxigraph's server on a free loopback port; skips without it, except in CI (``CI`` set), where that fails."""
    from streekbeleid.local_servers import LocalOxigraph, ServerUnavailable

    server = LocalOxigraph()
    try:
        server.start()
    except ServerUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc} (the test extra installs it)")
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture
def oxigraph(oxigraph_server: Any) -> Iterator[Any]:
    """The server, writable, for one test (its graphs are cleared afterwards)."""
    yield oxigraph_server
    oxigraph_server.restart()
    urllib.request.urlopen(
        urllib.request.Request(f"{oxigraph_server.endpoint}/update", data=b"update=CLEAR%20ALL", method="POST"),
        timeout=30,
    ).close()


class Proxy(http.server.ThreadingHTTPServer):
    """Forwards every request to the server, misbehaving as told in ``mode``."""

    daemon_threads = True
    mode = "pass"  # "slow-write": answer a PUT (after forwarding it) too late; "wrong-count"; "auth"
    delay = 2.0
    target = ""


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Proxy

    def log_message(self, *_args: Any) -> None:
        pass

    def _forward(self) -> None:
        proxy = self.server
        if proxy.mode == "auth" and self.headers.get("Authorization") != "Basic dGVhbTpzM2NyZXQ=":  # team:s3cret
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        request = urllib.request.Request(proxy.target + self.path, data=body, method=self.command, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as exc:
            status, payload = exc.code, exc.read()
        if proxy.mode == "slow-write" and self.command == "PUT":
            proxy.mode = "pass"  # only the first write is slow: the put-back goes through
            time.sleep(proxy.delay)
        if proxy.mode == "wrong-count" and self.path.startswith("/query") and b"COUNT" in (body or b""):
            payload = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"7"}}]}}'
        self.send_response(status)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = _forward


@pytest.fixture
def proxy(oxigraph: Any) -> Iterator[Proxy]:
    server = Proxy(("127.0.0.1", 0), _Handler)
    server.target = oxigraph.endpoint
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
