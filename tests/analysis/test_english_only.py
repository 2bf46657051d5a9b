"""Rule ``english-only``: a record whose description has no Dutch, which a Dutch reader would get in English."""

from __future__ import annotations

from collections.abc import Callable

import streekbeleid
from streekbeleid import Actor, Body, Model, Plan, PlanItem
from streekbeleid.i18n import use_language


def test_the_bundled_data_has_every_description_in_dutch(everything: Model) -> None:
    assert streekbeleid.check(everything, rules=["english-only"]) == []


def test_a_description_without_dutch_is_an_info_naming_the_record(build: Callable[..., Model]) -> None:
    model = build(
        Actor(id="x:a", name="Partner A", kind="other", description="A partner."),
        Actor(id="x:b", name="Partner B", kind="other", description="Another.", description_nl="Nog een."),
        Actor(id="x:c", name="Partner C", kind="other"),  # no description at all: nothing to say
        Body(id="x:forum", name="Forum", kind="forum", description="Where they meet."),
        Plan(
            id="x:pact",
            name="Pact",
            kind="streekpact",
            description="The pact.",
            description_nl="Het pact.",
            items=[PlanItem(id="x:pact-a1", kind="action", name="Actie 1", description="The first action.")],
        ),
        catalogue=False,
    )
    problems = streekbeleid.check(model, rules=["english-only"])
    assert sorted((p.severity, p.ids) for p in problems) == [
        ("info", ("x:a",)),
        ("info", ("x:forum",)),
        ("info", ("x:pact-a1",)),
    ]
    found = next(p for p in problems if p.ids == ("x:a",))
    assert found.message.startswith("Partner A") and "English only" in found.message
    with use_language("nl"):
        (dutch,) = [p for p in streekbeleid.check(model, rules=["english-only"]) if p.ids == ("x:a",)]
    assert dutch.message.startswith("Partner A") and "alleen in het Engels" in dutch.message
