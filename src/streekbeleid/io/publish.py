"""Publishing the model to a SPARQL store: one named graph, replaced through the Graph Store HTTP Protocol.

:func:`publish` turns the model (or a slice) into RDF with the linked-data
exporter (:func:`~streekbeleid.io.linked_data.to_rdf`), then :func:`publish_turtle`:

1. reads the graph as it is (``GET``, N-Triples), to put it back if anything goes wrong;
2. replaces it (``PUT`` of the Turtle, SPARQL 1.1 Graph Store HTTP Protocol);
3. asks the SPARQL endpoint how many triples the graph now holds, and compares.

Neither the Turtle nor the old graph is held in memory: both go through a temporary file
(kept in memory while small), so a publication holds the model's triples and little else.

A refused write leaves the graph as it was (the server refused it); a timeout or a
wrong count puts the old graph back (or removes a graph that was not there) and
says so.  Every failure is one line: a :class:`~streekbeleid.errors.PublishError`
whose message starts with its rule (``publish.refused``, ``publish.timeout``,
``publish.count``, ``publish.unreachable``, ``publish.credentials``).

Credentials come from the environment only: ``STREEKBELEID_SPARQL_USER`` and
``STREEKBELEID_SPARQL_PASSWORD`` (HTTP Basic), or ``STREEKBELEID_SPARQL_TOKEN``
(a bearer token).  Only the standard library's :mod:`urllib` is used.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

import attrs

from ..errors import PublishError

if TYPE_CHECKING:
    from ..model.model import Model

__all__ = ["DEFAULT_GRAPH", "Published", "count_query", "credentials_from_env", "publish", "publish_turtle"]

#: The named graph replaced unless told another.
DEFAULT_GRAPH = "https://streekbeleid.example/graph/model"

#: Bytes of Turtle or of the old graph kept in memory before its temporary file goes to disk.
_SPOOL = 8 * 1024 * 1024

USER_ENV = "STREEKBELEID_SPARQL_USER"
PASSWORD_ENV = "STREEKBELEID_SPARQL_PASSWORD"
TOKEN_ENV = "STREEKBELEID_SPARQL_TOKEN"


@attrs.frozen
class Published:
    """What a publication did: the graph, its triple count on the server, how long it took."""

    graph: str
    triples: int
    seconds: float


def credentials_from_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The ``Authorization`` header the environment asks for (none when it names no credentials)."""
    env = os.environ if environ is None else environ
    if env.get(TOKEN_ENV):
        return {"Authorization": f"Bearer {env[TOKEN_ENV]}"}
    if env.get(USER_ENV):
        pair = f"{env[USER_ENV]}:{env.get(PASSWORD_ENV, '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def count_query(graph: str) -> str:
    """The SPARQL query that counts the triples of a named graph.

    >>> count_query("https://example.org/g")
    'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/g> { ?s ?p ?o } }'
    """
    return f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


def _query_endpoint(endpoint: str) -> str:
    """The SPARQL query URL beside a Graph Store URL: ``.../store`` or ``.../data`` -> ``.../query``."""
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last in ("store", "data"):
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/query", query=""))
    raise PublishError(
        f"publish.endpoint: cannot tell the SPARQL query URL beside {endpoint}; give it with --query URL"
    )


class _Client:
    def __init__(self, endpoint: str, graph: str, query: str, timeout: float, headers: Mapping[str, str]) -> None:
        self.endpoint = endpoint
        self.graph = graph
        self.query_url = query
        self.timeout = timeout
        self.headers = dict(headers)
        separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
        self.graph_url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"

    def send(
        self,
        method: str,
        url: str,
        body: bytes | IO[bytes] | None = None,
        headers: Mapping[str, str] = {},
        into: IO[bytes] | None = None,
    ) -> bytes:
        """Send a request; the answer's body, or copied ``into`` a file (then ``b""``). A file ``body`` is sent
        from its start, in blocks."""
        sized = dict(headers)
        if body is not None and not isinstance(body, bytes):
            sized["Content-Length"] = str(body.seek(0, io.SEEK_END))
            body.seek(0)
        request = urllib.request.Request(url, data=body, method=method, headers={**self.headers, **sized})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            if into is None:
                return bytes(response.read())
            shutil.copyfileobj(response, into)
            return b""

    def read(self) -> IO[bytes] | None:
        """The graph as N-Triples in a temporary file, or None when the server has no such graph."""
        spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 (closed by publish_turtle)
        try:
            self.send("GET", self.graph_url, headers={"Accept": "application/n-triples"}, into=spool)
        except BaseException as exc:
            spool.close()
            if isinstance(exc, urllib.error.HTTPError) and exc.code == 404:
                return None
            raise
        return spool

    def put(self, body: bytes | IO[bytes], media_type: str) -> None:
        self.send("PUT", self.graph_url, body, {"Content-Type": f"{media_type}; charset=utf-8"})

    def delete(self) -> None:
        try:
            self.send("DELETE", self.graph_url)
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise

    def count(self) -> int:
        body = urllib.parse.urlencode({"query": count_query(self.graph)}).encode()
        answer = self.send(
            "POST",
            self.query_url,
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
        )
        return int(json.loads(answer)["results"]["bindings"][0]["n"]["value"])


def _why(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
        return f"HTTP {exc.code} {exc.reason}" + (f" ({detail})" if detail else "")
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return " ".join(str(exc).split()) or type(exc).__name__


def _is_timeout(exc: BaseException) -> bool:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return isinstance(reason, socket.timeout | TimeoutError)


def publish_turtle(
    turtle: str | IO[bytes],
    endpoint: str,
    *,
    graph: str = DEFAULT_GRAPH,
    expected: int,
    query: str | None = None,
    timeout: float = 120.0,
    headers: Mapping[str, str] | None = None,
) -> Published:
    """Replace ``graph`` at the Graph Store ``endpoint`` with ``turtle``; check it holds ``expected`` triples.

    :param turtle: the Turtle, as text or as a binary file (UTF-8, seekable: sent from its start).
    :param query: the SPARQL query URL (default: beside ``endpoint``, ``.../query``).
    :param headers: extra HTTP headers (default: the credentials of :func:`credentials_from_env`).
    """
    started = time.perf_counter()
    client = _Client(
        endpoint,
        graph,
        query or _query_endpoint(endpoint),
        timeout,
        credentials_from_env() if headers is None else headers,
    )
    try:
        before = client.read()
    except (OSError, ValueError) as exc:
        raise _failure("read", client, exc) from None
    try:
        _replace(client, turtle.encode("utf-8") if isinstance(turtle, str) else turtle, expected, before)
    finally:
        if before is not None:
            before.close()
    return Published(graph=graph, triples=expected, seconds=time.perf_counter() - started)


def _replace(client: _Client, turtle: bytes | IO[bytes], expected: int, before: IO[bytes] | None) -> None:
    """Put the new graph; count it; put the old one back (or remove the new one) if either goes wrong."""
    graph, endpoint = client.graph, client.endpoint
    try:
        client.put(turtle, "text/turtle")
    except urllib.error.HTTPError as exc:  # the server answered no: it changed nothing
        raise _failure("write", client, exc) from None
    except (OSError, ValueError) as exc:  # no answer: the server may have written it, or part of it
        raise PublishError(f"{_failure('write', client, exc)}; {_put_back(client, before)}") from None
    try:
        found = client.count()
    except (OSError, ValueError, LookupError) as exc:
        raise PublishError(f"{_failure('count', client, exc)}; {_put_back(client, before)}") from None
    if found != expected:
        raise PublishError(
            f"publish.count: the graph <{graph}> at {endpoint} holds {found} triples after the write, "
            f"not {expected}; {_put_back(client, before)}"
        )


def _failure(step: str, client: _Client, exc: BaseException) -> PublishError:
    where = client.query_url if step == "count" else client.endpoint
    if _is_timeout(exc):
        return PublishError(f"publish.timeout: no answer from {where} within {client.timeout:g} s ({step})")
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code == 401:
            hint = f"set {USER_ENV} and {PASSWORD_ENV}, or {TOKEN_ENV}"
            return PublishError(
                f"publish.credentials: {where} asks for credentials for the {step} ({hint}): {_why(exc)}"
            )
        rule = "publish.refused" if step == "write" else "publish.unreachable"
        return PublishError(f"{rule}: {where} refused the {step} of <{client.graph}>: {_why(exc)}")
    return PublishError(f"publish.unreachable: cannot {step} at {where}: {_why(exc)}")


def _put_back(client: _Client, before: IO[bytes] | None) -> str:
    """Restore the graph as it was; says what happened, for the error line."""
    try:
        if before is None:
            client.delete()
        else:
            client.put(before, "application/n-triples")
    except (OSError, ValueError) as exc:
        return f"putting the graph back failed too ({_why(exc)}): check <{client.graph}>"
    return "the graph was put back as it was" if before is not None else "the new graph was removed again"


def publish(
    model: Model,
    endpoint: str,
    *,
    graph: str = DEFAULT_GRAPH,
    query: str | None = None,
    timeout: float = 120.0,
    headers: Mapping[str, str] | None = None,
) -> Published:
    """Publish a model (or a slice) as ``graph`` at a Graph Store endpoint (see :func:`publish_turtle`)."""
    from .linked_data import turtle_to

    with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as turtle:
        count = turtle_to(model, turtle)  # the exporter's Turtle: linear, where rdflib's serializer is not
        return publish_turtle(
            turtle, endpoint, graph=graph, expected=count, query=query, timeout=timeout, headers=headers
        )
