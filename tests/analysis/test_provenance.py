"""Provenance: the sources of the facts behind any answer."""

from __future__ import annotations

import pytest

from streekbeleid import Actor, Model, Problem, Source
from streekbeleid.queries import bodies_of, municipalities, sources_of

A = Source(document="a.txt", locator="p. 1")
B = Source(document="b.txt")


def test_a_record_gives_its_own_sources() -> None:
    assert sources_of(Actor(id="x:a", name="A", kind="other", sources=[A, B])) == (A, B)


def test_each_source_once_in_the_order_first_met() -> None:
    first = Actor(id="x:a", name="A", kind="other", sources=[B])
    second = Actor(id="x:b", name="B", kind="other", sources=[A, B])
    assert sources_of(first, second) == (B, A)
    assert sources_of([first, [second]]) == (B, A)


def test_a_problem_gives_its_sources() -> None:
    assert sources_of(Problem(severity="info", rule="r", message="m", sources=[A])) == (A,)


def test_a_query_result_gives_the_sources_of_its_basis(core: Model) -> None:
    found = municipalities(core, "nis:72043", on="2020-01-01")
    assert sources_of(found) == sources_of(*found.basis)
    assert Source(document="flemish_municipalities.csv", locator="72043") in sources_of(found)


def test_a_list_of_results(core: Model) -> None:
    assert sources_of(bodies_of(core, "org:voka")) == ()


def test_an_id_is_refused_with_a_hint() -> None:
    with pytest.raises(TypeError, match=r"model\.get\(id\)"):
        sources_of("org:voka")


def test_something_without_sources_is_refused() -> None:
    with pytest.raises(TypeError, match="cannot find the sources of a int"):
        sources_of(3)
