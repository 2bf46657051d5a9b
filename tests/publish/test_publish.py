"""``streekbeleid publish``: one named graph replaced in a real SPARQL server (Oxigraph, started by the tests)."""

from __future__ import annotations

from typing import Any

import pytest

import streekbeleid
from streekbeleid.cli import main
from streekbeleid.errors import PublishError
from streekbeleid.io.linked_data import to_rdf
from streekbeleid.io.publish import DEFAULT_GRAPH, count_query, credentials_from_env, publish, publish_turtle

OLD = "<https://example.org/old> <https://example.org/p> <https://example.org/o> .\n"


@pytest.fixture(scope="module")
def limburg() -> Any:
    return streekbeleid.load(plugins=["limburg"]).in_region("limburg:limburg")


def triples(server: Any, graph: str = DEFAULT_GRAPH) -> set[tuple[str, str, str]]:
    answer = server.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {(b["s"]["value"], b["p"]["value"], b["o"]["value"]) for b in answer["results"]["bindings"]}


def count(server: Any, graph: str = DEFAULT_GRAPH) -> int:
    return int(server.query(count_query(graph))["results"]["bindings"][0]["n"]["value"])


def test_publish_replaces_the_named_graph_and_checks_its_count(
    oxigraph: Any, limburg: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    store = f"{oxigraph.endpoint}/store"
    publish_turtle(OLD, store, expected=1)
    publish_turtle(OLD, store, graph="https://example.org/other", expected=1)
    code = main(["publish", "--endpoint", store, "--plugins", "limburg", "--region", "limburg:limburg", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    expected = to_rdf(limburg)
    assert count(oxigraph) == len(expected) > 1000
    assert ("https://example.org/old", "https://example.org/p", "https://example.org/o") not in triples(oxigraph)
    assert triples(oxigraph) == {(str(s), str(p), str(o)) for s, p, o in expected}
    assert count(oxigraph, "https://example.org/other") == 1  # other graphs are left alone
    assert f'"triples": {len(expected)}' in out
    again = publish(limburg, store)  # twice: the same graph, nothing added
    assert again.triples == count(oxigraph) == len(expected)


def test_an_oxigraph_in_memory_takes_the_same_graph_and_forgets_it_on_restart(
    oxigraph_server: Any, limburg: Any
) -> None:
    """The benchmarks' second store: no folder, the same answers, and nothing kept across a restart (the session's
    server is asked for only so that a missing Oxigraph fails in CI and skips elsewhere, as there)."""
    from streekbeleid.local_servers import LocalOxigraph

    server = LocalOxigraph(in_memory=True)
    server.start()
    try:
        done = publish(limburg, f"{server.endpoint}/store")
        assert done.triples == count(server) == len(to_rdf(limburg)) > 1000
        with pytest.raises(ValueError, match="read-only"):
            server.restart(read_only=True)
        assert count(server) == done.triples  # refused before it stopped
        server.restart()
        assert count(server) == 0
    finally:
        server.stop()


def test_a_refused_write_is_one_line_and_leaves_the_graph(oxigraph: Any, capsys: pytest.CaptureFixture[str]) -> None:
    store = f"{oxigraph.endpoint}/store"
    publish_turtle(OLD, store, expected=1)
    oxigraph.restart(read_only=True)
    code = main(["publish", "--endpoint", store, "--plugins", ""])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"streekbeleid: error: publish.refused: {store} refused the write of <{DEFAULT_GRAPH}>")
    assert "403" in err
    assert len(err.strip().splitlines()) == 1
    assert count(oxigraph) == 1


def test_a_timeout_puts_the_old_graph_back(proxy: Any, oxigraph: Any) -> None:
    store = f"http://127.0.0.1:{proxy.server_port}/store"
    publish_turtle(OLD, store, expected=1)
    new = "<https://example.org/new> <https://example.org/p> <https://example.org/o> .\n"
    proxy.mode, proxy.delay = "slow-write", 3.0
    with pytest.raises(PublishError) as info:
        publish_turtle(new, store, expected=1, timeout=1.0)
    message = str(info.value)
    assert message.startswith(f"publish.timeout: no answer from {store} within 1 s (write)")
    assert message.endswith("the graph was put back as it was")
    assert "\n" not in message
    assert triples(oxigraph) == {("https://example.org/old", "https://example.org/p", "https://example.org/o")}


def test_a_wrong_count_puts_the_old_graph_back_or_removes_a_new_one(proxy: Any, oxigraph: Any) -> None:
    store = f"http://127.0.0.1:{proxy.server_port}/store"
    proxy.mode = "wrong-count"
    with pytest.raises(
        PublishError, match=r"^publish\.count: .* holds 7 triples after the write, not 1; the new graph"
    ):
        publish_turtle(OLD, store, expected=1)
    assert count(oxigraph) == 0
    proxy.mode = "pass"
    publish_turtle(OLD, store, expected=1)
    proxy.mode = "wrong-count"
    with pytest.raises(PublishError, match=r"the graph was put back as it was$"):
        publish_turtle(OLD.replace("old", "new") + OLD.replace("old", "newer"), store, expected=2)
    assert triples(oxigraph) == {("https://example.org/old", "https://example.org/p", "https://example.org/o")}


def test_the_turtle_and_the_old_graph_go_through_files_and_the_old_one_comes_back_whole(
    proxy: Any, oxigraph: Any, limburg: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither text is held in memory: with a spool of 1 kB both go to disk, and the put-back is the whole graph."""
    import io

    from streekbeleid.io import publish as publishing

    monkeypatch.setattr(publishing, "_SPOOL", 1024)
    store = f"http://127.0.0.1:{proxy.server_port}/store"
    assert publish(limburg, store).triples == count(oxigraph) == len(to_rdf(limburg)) > 1000
    before = triples(oxigraph)
    proxy.mode = "wrong-count"
    body = io.BytesIO(OLD.encode())
    body.seek(0, io.SEEK_END)  # a file is sent from its start, wherever it stands
    with pytest.raises(
        PublishError, match=r"holds 7 triples after the write, not 1; the graph was put back as it was$"
    ):
        publish_turtle(body, store, expected=1)
    assert triples(oxigraph) == before
    proxy.mode = "pass"
    assert publish_turtle(body, store, expected=1).triples == 1
    assert triples(oxigraph) == {("https://example.org/old", "https://example.org/p", "https://example.org/o")}


def test_credentials_come_from_the_environment(
    proxy: Any, oxigraph: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = f"http://127.0.0.1:{proxy.server_port}/store"
    proxy.mode = "auth"
    monkeypatch.delenv("STREEKBELEID_SPARQL_USER", raising=False)
    monkeypatch.delenv("STREEKBELEID_SPARQL_TOKEN", raising=False)
    assert main(["publish", "--endpoint", store, "--plugins", ""]) == 2
    err = capsys.readouterr().err
    assert "publish.credentials" in err and "STREEKBELEID_SPARQL_USER" in err
    monkeypatch.setenv("STREEKBELEID_SPARQL_USER", "team")
    monkeypatch.setenv("STREEKBELEID_SPARQL_PASSWORD", "s3cret")
    assert main(["publish", "--endpoint", store, "--plugins", ""]) == 0
    assert "s3cret" not in capsys.readouterr().out
    assert count(oxigraph) == len(to_rdf(streekbeleid.load(plugins=[])))
    assert credentials_from_env({"STREEKBELEID_SPARQL_TOKEN": "abc"}) == {"Authorization": "Bearer abc"}


def test_an_endpoint_nobody_listens_on_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid.local_servers import free_port

    assert main(["publish", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--plugins", ""]) == 2
    err = capsys.readouterr().err
    assert err.startswith("streekbeleid: error: publish.unreachable: cannot read at http://127.0.0.1:")
    assert len(err.strip().splitlines()) == 1
