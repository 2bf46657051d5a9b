"""Popolo: dates of bounded periods, organisation members a Popolo reader finds, organisation history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from streekbeleid import (
    Actor,
    Body,
    Membership,
    Model,
    OrganisationChange,
    OtherName,
    PartialDate,
    Period,
    Person,
    Source,
)
from streekbeleid.io.popolo import to_popolo

from .test_popolo import by_id, schema_errors

SRC = [Source(document="history.txt", locator="hand-made")]


class Reader:
    """Reads memberships the way generic Popolo readers do: ``person_id`` (everypolitician-popolo reads only
    that), else ``member`` by its ``@type``, and ``organization_id`` among the organizations."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.persons = by_id(data, "persons")
        self.organizations = by_id(data, "organizations")
        self.memberships = data["memberships"]

    def member(self, membership: dict[str, Any]) -> dict[str, Any] | None:
        if "person_id" in membership:
            return self.persons.get(membership["person_id"])
        member = membership.get("member") or {}
        found = {"Person": self.persons, "Organization": self.organizations}.get(member.get("@type", ""), {})
        return found.get(member.get("id", ""))

    def members_of(self, organization_id: str) -> list[str]:
        return sorted(
            found["name"]
            for m in self.memberships
            if m["organization_id"] == organization_id and (found := self.member(m)) is not None
        )


def test_a_reader_finds_every_member_with_its_name(any_model: Model) -> None:
    data = to_popolo(any_model)
    reader = Reader(data)
    for m in data["memberships"]:
        assert reader.member(m) is not None, m["id"]
        assert m["organization_id"] in reader.organizations
    # a reader that reads only member finds the persons too
    assert all(m["member"]["id"] == m["person_id"] for m in data["memberships"] if "person_id" in m)


def test_organisations_as_members_of_a_body(limburg: Model) -> None:
    reader = Reader(to_popolo(limburg))
    actors = {a.id: a.name for a in limburg.records(Actor)}
    in_model = {
        actors[m.member]
        for m in limburg.records(Membership)
        if m.organization == "limburg:resoc" and m.member in actors
    }
    assert "VOKA" in in_model and len(in_model) >= 6
    assert in_model <= set(reader.members_of("limburg:resoc"))


def model_with_history(build: Callable[..., Model]) -> Model:
    return build(
        Actor(
            id="x:new",
            name="New vzw",
            kind="nonprofit",
            valid=Period.parse("2010-01-01/.."),
            other_names=[OtherName(name="Interim vzw", valid=Period.parse("2010-01-01/..2010-06"), sources=SRC)],
            sources=SRC,
        ),
        Actor(id="x:a", name="A", kind="nonprofit", valid=Period.parse("2004/?"), sources=SRC),
        Body(id="x:b", name="B", kind="board", valid=Period.parse("..2008/.."), sources=SRC),
        Person(id="x:p", name="P", sources=SRC),
        Membership(id="x:m", organization="x:b", member="x:a", valid=Period.parse("2016/..2016-06"), sources=SRC),
        Membership(id="x:mp", organization="x:b", member="x:p", valid=Period.parse("2014-05../2016"), sources=SRC),
        OrganisationChange(
            id="x:merger",
            kind="merger",
            original=["x:a", "x:b"],
            resulting=["x:new"],
            date=PartialDate.parse("2010-01-01"),
            sources=SRC,
        ),
    )


def test_bounded_periods_get_the_popolo_dates_that_are_true(build: Callable[..., Model]) -> None:
    data = to_popolo(model_with_history(build))
    assert schema_errors(data) == []
    m = by_id(data, "memberships")["x:m"]
    # ended on or before June 2016, begun in 2016: it ended in 2016, and no more precisely
    assert (m["start_date"], m["end_date"]) == ("2016", "2016")
    assert (m["end_date_earliest"], m["end_date_latest"], m["valid"]) == ("2016-01-01", "2016-06-30", "2016/..2016-06")
    mp = by_id(data, "memberships")["x:mp"]
    # begun in May 2014 or later, ended in 2016: the start may lie in 2015, so no start_date
    assert "start_date" not in mp and (mp["start_date_earliest"], mp["start_date_latest"]) == (
        "2014-05-01",
        "2016-12-31",
    )
    b = by_id(data, "organizations")["x:b"]
    assert "founding_date" not in b and b["founding_date_latest"] == "2008-12-31"


def test_history_in_popolo(build: Callable[..., Model]) -> None:
    data = to_popolo(model_with_history(build))
    orgs = by_id(data, "organizations")
    (interim,) = [n for n in orgs["x:new"]["other_names"] if n["name"] == "Interim vzw"]
    assert (interim["start_date"], interim["end_date"], interim["end_date_latest"]) == (
        "2010-01-01",
        "2010",
        "2010-06-30",
    )
    assert interim["sources"][0]["note"] == "history.txt: hand-made"
    # A's own end is unknown; the merger of 1 January 2010 ended it the day before
    assert (orgs["x:a"]["dissolution_date"], orgs["x:a"]["dissolved_by"]) == ("2009-12-31", "x:merger")
    event = by_id(data, "events")["x:merger"]
    assert (event["classification"], event["start_date"]) == ("merger", "2010-01-01")
    assert (event["original_organization_ids"], event["resulting_organization_ids"]) == (["x:a", "x:b"], ["x:new"])


def test_the_zov_integration_is_an_event_and_ends_nothing(zov: Model) -> None:
    data = to_popolo(zov)
    event = by_id(data, "events")["zuid_oost_vlaanderen:resoc/integration-into-solva"]
    assert (event["classification"], event["start_date"]) == ("integration", "2019-01-01")
    assert event["resulting_organization_ids"] == ["zuid_oost_vlaanderen:solva"]
    resoc = by_id(data, "organizations")["zuid_oost_vlaanderen:resoc"]
    assert "dissolution_date" not in resoc and resoc["dissolution_date_earliest"] == "2018-12-31"


def test_a_bound_between_two_dates_of_one_year_is_that_year(build: Callable[..., Model]) -> None:
    model = build(
        Actor(id="x:a", name="A", kind="nonprofit", sources=SRC),
        Body(id="x:b", name="B", kind="board", sources=SRC),
        Membership(
            id="x:m", organization="x:b", member="x:a", valid=Period.parse("2016-04-11..2016-09/.."), sources=SRC
        ),
        Membership(id="x:n", organization="x:b", member="x:a", valid=Period.parse("2016-11..2017-02/.."), sources=SRC),
    )
    data = to_popolo(model)
    assert schema_errors(data) == []
    m, n = by_id(data, "memberships")["x:m"], by_id(data, "memberships")["x:n"]
    assert (m["start_date"], m["start_date_earliest"], m["start_date_latest"]) == ("2016", "2016-04-11", "2016-09-30")
    assert "start_date" not in n and (n["start_date_earliest"], n["start_date_latest"]) == ("2016-11-01", "2017-02-28")
