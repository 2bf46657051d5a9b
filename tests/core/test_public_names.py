"""The public names of the package root and of ``streekbeleid.io``: written once, imported on first use."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import streekbeleid
import streekbeleid.io
from streekbeleid import InvalidValueError, Membership, Model, Period, SeatGroup
from streekbeleid.queries import composition, sources_of


def _type_checking_names(module: ModuleType) -> set[str]:
    """The names the module imports for the type checker (its ``if TYPE_CHECKING:`` block)."""
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    return {alias.asname or alias.name for n in block.body if isinstance(n, ast.ImportFrom) for alias in n.names}


@pytest.mark.parametrize("module", [streekbeleid, streekbeleid.io], ids=lambda m: m.__name__)
def test_every_public_name_loads_and_is_seen_by_the_type_checker(module: ModuleType) -> None:
    names = [n for n in module.__all__ if n != "__version__"]
    assert len(set(names)) == len(names)
    for name in names:
        assert getattr(module, name) is not None
    assert set(names) <= set(dir(module))
    assert _type_checking_names(module) == set(names)  # strict mypy sees exactly what __all__ offers
    with pytest.raises(AttributeError, match=f"module '{module.__name__}' has no attribute 'nope'"):
        module.nope  # noqa: B018


def test_a_name_is_imported_on_first_use() -> None:
    code = (
        "import sys, streekbeleid, streekbeleid.io\n"
        "before = 'streekbeleid.io.linked_data' in sys.modules, 'networkx' in sys.modules\n"
        "streekbeleid.io.FORMATS\n"
        "light = 'networkx' in sys.modules\n"
        "streekbeleid.io.to_rdf\n"
        "print(before, light, 'streekbeleid.io.linked_data' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["(False,", "False)", "False", "True"]


def test_members_say_their_voting_right_and_sources() -> None:
    from streekbeleid import Actor, Body, Source

    src = Source(document="statutes")
    body = Body(
        id="x:b",
        name="B",
        kind="resoc",
        seat_groups=[SeatGroup(name="employers", seats=2, voting=False)],
    )
    records = [
        body,
        Actor(id="x:a", name="A", kind="employers_organisation"),
        Actor(id="x:c", name="C", kind="employers_organisation"),
        Membership(id="x:m1", organization="x:b", member="x:a", seat_group="employers", sources=[src]),
        Membership(id="x:m2", organization="x:b", member="x:c", seat_group="employers", voting=True),
        Membership(id="x:m3", organization="x:b", member="x:c", valid=Period.parse("2014/2019")),
    ]
    model = Model.from_records(records)
    voting = {m.membership.id: m.voting for m in model.members("x:b")}
    assert voting == {"x:m1": False, "x:m2": True, "x:m3": None}  # the group's, its own, unknown
    assert {s.membership.id: s.voting for s in composition(model, "x:b").seats} == voting
    held = {m.membership.id: m for m in model.members("x:b", on="2016-06-30")}
    assert sources_of(held["x:m1"]) == (src,)


def test_a_day_that_is_no_date_is_an_invalid_value() -> None:
    with pytest.raises(InvalidValueError, match="expected a full day YYYY-MM-DD, got '2019-02-30'"):
        streekbeleid.load(plugins=[]).as_of("2019-02-30")
    with pytest.raises(ValueError):  # still a ValueError for code that catches those
        Period.parse("2019-02-30/2020")
