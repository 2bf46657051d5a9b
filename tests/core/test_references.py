"""References are declared once, on the records: the graph, the reference check and the exports read them."""

from __future__ import annotations

import attrs
import pytest

from streekbeleid import AssemblyError, Model
from streekbeleid.assembly import defined_ids, references
from streekbeleid.model.dates import ALWAYS, Period
from streekbeleid.model.records import (
    Actor,
    Body,
    Lineage,
    Membership,
    Plan,
    PlanItem,
    Region,
    RegionPart,
    Source,
    Territory,
    Theme,
    own_id,
    ref,
    references_of,
    refs,
)


@attrs.frozen(kw_only=True)
class Office:
    """A record a region team might add: one line per relation."""

    id: str = own_id()
    name: str
    host: str | None = ref("hosted_by")
    previous: str | None = ref("replaces", reverse=True)
    themes: tuple[str, ...] = refs("about")
    contact: str | None = ref()  # a reference without an edge
    valid: Period = ALWAYS
    sources: tuple[Source, ...] = ()


def edges(model: Model) -> set[tuple[str, str, str, str]]:
    return {(u, v, k, kind) for u, v, k, kind in model.graph.edges(keys=True, data="kind")}


def test_a_new_relation_is_one_field_of_a_record() -> None:
    actor = Actor(id="x:host", name="Host", kind="other")
    theme = Theme(id="theme:x", name="X")
    old = Office(id="x:old", name="Old")
    office = Office(id="x:office", name="Office", host="x:host", previous="x:old", themes=["theme:x"], contact="x:host")
    model = Model.from_records([actor, theme, old, office])
    assert edges(model) == {
        ("x:office", "x:host", "x:office|hosted_by|x:host", "hosted_by"),
        ("x:old", "x:office", "x:old|replaces|x:office", "replaces"),
        ("x:office", "theme:x", "x:office|about|theme:x", "about"),
    }
    assert list(references(office)) == [
        ("host", "x:host"),
        ("previous", "x:old"),
        ("themes[0]", "theme:x"),
        ("contact", "x:host"),
    ]
    assert {name: r.many for name, r in references_of(Office).items()} == {
        "host": False,
        "previous": False,
        "themes": True,
        "contact": False,
    }


def test_a_declared_reference_is_checked_as_an_id_and_must_resolve() -> None:
    with pytest.raises(ValueError, match="host: 'nowhere' is not an id"):
        Office(id="x:office", name="Office", host="nowhere")
    with pytest.raises(AssemblyError, match="hosted_by x:office -> x:host"):
        Model.from_records([Office(id="x:office", name="Office", host="x:host")])


def test_the_edges_of_the_core_records_keep_their_kinds_keys_and_directions() -> None:
    old = Territory(id="nis:1", name="Old", level="municipality", successor="nis:2")
    new = Territory(id="nis:2", name="New", level="municipality")
    part = RegionPart(territory="nis:2")
    region = Region(id="x:region", name="Region", parts=[part])
    body = Body(id="x:body", name="Body", kind="resoc", region="x:region")
    actor = Actor(id="x:actor", name="Actor", kind="other")
    membership = Membership(id="x:m1", organization="x:body", member="x:actor")
    child = PlanItem(id="x:item-1.1", kind="action", name="Action")
    item = PlanItem(id="x:item-1", kind="priority", name="Priority", lead="x:actor", items=[child])
    plan = Plan(id="x:plan", name="Plan", kind="streekpact", owner="x:body", items=[item])
    older = Plan(id="x:older", name="Older", kind="streekpact")
    lineage = Lineage(id="x:l1", kind="succeeds", subject="x:plan", object="x:older")
    model = Model.from_records([old, new, region, body, actor, membership, plan, older, lineage])
    assert edges(model) == {
        ("nis:2", "nis:1", "nis:2|succeeds|nis:1", "succeeds"),  # from the successor to the one it succeeds
        ("x:region", "nis:2", "x:region|includes|nis:2", "includes"),
        ("x:body", "x:region", "x:body|covers|x:region", "covers"),
        ("x:actor", "x:body", "x:m1", "member_of"),  # a membership is an edge keyed by its id
        ("x:plan", "x:body", "x:plan|owned_by|x:body", "owned_by"),
        ("x:item-1", "x:plan", "x:item-1|part_of|x:plan", "part_of"),  # an item is part of what holds it
        ("x:item-1", "x:actor", "x:item-1|led_by|x:actor", "led_by"),
        ("x:item-1.1", "x:item-1", "x:item-1.1|part_of|x:item-1", "part_of"),
        ("x:plan", "x:older", "x:l1", "succeeds"),  # a lineage edge takes the record's kind
    }
    assert model.graph.edges["x:region", "nis:2", "x:region|includes|nis:2"]["record"] is part
    assert list(defined_ids(plan)) == ["x:plan", "x:item-1", "x:item-1.1"]
    assert list(references(plan)) == [("owner", "x:body"), ("items[0].lead", "x:actor")]


def test_a_bare_document_name_is_a_source() -> None:
    assert Source.of("provinces.csv") == Source(document="provinces.csv")
    cited = Source(document="a.pdf", locator="p. 3")
    assert Source.of(cited) is cited
