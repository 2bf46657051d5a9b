"""Popolo JSON: valid under the Popolo 1.0.1 schemas (draft-03, preloaded, never fetched), and right in content."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from io import StringIO
from typing import Any
from urllib.parse import urlparse

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT3

from streekbeleid import Model
from streekbeleid.io.popolo import to_popolo, write_popolo

_SCHEMA_DIR = files("streekbeleid") / "data" / "popolo-schemas"
SCHEMAS = {
    p.name.removesuffix(".json"): json.loads(p.read_text(encoding="utf-8"))
    for p in _SCHEMA_DIR.iterdir()
    if p.name.endswith(".json")
}
REGISTRY: Registry = Registry().with_resources(
    (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3)) for schema in SCHEMAS.values()
)
#: the Popolo class of each list in the export
CLASSES = {
    "areas": "area",
    "organizations": "organization",
    "persons": "person",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "motions": "motion",
    "vote_events": "vote_event",
}
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def validator(name: str) -> Draft3Validator:
    return Draft3Validator(SCHEMAS[name], registry=REGISTRY, format_checker=Draft3Validator.FORMAT_CHECKER)


def schema_errors(data: dict[str, Any]) -> list[str]:
    errors = []
    for key, cls in CLASSES.items():
        v = validator(cls)
        for obj in data[key]:
            errors.extend(f"{key} {obj.get('id')}: {e.message}" for e in v.iter_errors(obj))
    return errors


def by_id(data: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in data[key]}


def test_the_registry_never_fetches() -> None:
    with pytest.raises(Unresolvable):
        REGISTRY.resolver().lookup("http://www.popoloproject.com/schemas/not-there.json#")


def test_the_schemas_catch_a_bad_popolo_object() -> None:
    errors = list(validator("membership").iter_errors({"start_date": "..2019", "organization": {"id": 5}}))
    assert len(errors) == 2


def test_every_export_is_valid_popolo(any_model: Model) -> None:
    assert schema_errors(to_popolo(any_model)) == []


def test_every_reference_resolves_within_the_export(any_model: Model) -> None:
    data = to_popolo(any_model)
    orgs, persons = by_id(data, "organizations"), by_id(data, "persons")
    posts, areas, events = by_id(data, "posts"), by_id(data, "areas"), by_id(data, "events")
    motions = by_id(data, "motions")
    for o in data["organizations"]:
        assert o.get("parent_id") in (None, *orgs)
        assert o.get("area_id") in (None, *areas)
    for a in data["areas"]:
        assert a.get("parent_id") in (None, *areas)
    for m in data["memberships"]:
        assert m["organization_id"] in orgs
        # every membership names its member (a person's also as person_id, for readers that know only that),
        # or, a seat held by an office, names the office as its post
        assert [k for k in ("person_id", "member", "held_by_office") if k in m] in (
            ["person_id", "member"],
            ["member"],
            ["held_by_office"],
        )
        if "member" in m:
            assert m["member"]["@type"] in ("Person", "Organization")
            if m["member"]["@type"] == "Person":
                assert m["person_id"] == m["member"]["id"]
        assert m.get("legislative_period_id") in (None, *events)
        if m.get("held_by_office"):
            assert m["post_id"] in posts
        elif "person_id" in m:
            assert m["person_id"] in persons
        else:
            assert "person_id" not in m and m["member"]["id"] in orgs
        assert m.get("post_id") in (None, *posts)
        assert m.get("on_behalf_of_id") in (None, *orgs)
    for p in data["posts"]:
        assert p["organization_id"] in orgs
    for e in data["events"]:
        assert e.get("organization_id") in (None, *orgs)
        assert set(e.get("original_organization_ids", [])) | set(e.get("resulting_organization_ids", [])) <= set(orgs)
        assert e.get("parent_id") in (None, *events)
    for v in data["vote_events"]:
        assert v["motion_id"] in motions and v["legislative_session_id"] in events and v["organization_id"] in orgs


def test_dates_are_partial_dates_and_sources_are_absolute_urls(any_model: Model) -> None:
    data = to_popolo(any_model)
    for key in CLASSES:
        for obj in data[key]:
            for field in ("start_date", "end_date", "founding_date", "dissolution_date"):
                if field in obj:
                    assert PARTIAL_DATE.match(obj[field]), (obj["id"], field, obj[field])
            for link in obj.get("sources", []):
                assert urlparse(link["url"]).scheme in ("http", "https"), link


def test_sources_are_on_everything_that_has_them(handmade: Model) -> None:
    data = to_popolo(handmade)
    assert by_id(data, "organizations")["test:resoc"]["sources"] == [
        {"url": "https://streekbeleid.example/document/hand-made%20test%20data", "note": "hand-made test data: resoc"},
        {"url": "https://example.org/resoc", "note": "p. 3"},
    ]
    assert by_id(data, "memberships")["test:m-voka"]["sources"][0]["note"] == "hand-made test data: voka seats"
    assert by_id(data, "vote_events")["test:approve/vote"]["sources"][0]["note"] == "hand-made test data: approval"


def test_organisations_are_members_with_seats_on_the_seat_group_post(handmade: Model) -> None:
    data = to_popolo(handmade)
    voka = by_id(data, "memberships")["test:m-voka"]
    assert voka["member"] == {"@type": "Organization", "id": "test:voka"}
    assert voka["organization_id"] == "test:resoc"
    assert voka["post_id"] == "test:resoc/seats/werkgevers"
    assert (voka["seats"], voka["voting"], voka["label"]) == (4, True, "werkgevers")
    post = by_id(data, "posts")["test:resoc/seats/werkgevers"]
    assert (post["label"], post["organization_id"], post["seats"], post["voting"]) == (
        "werkgevers",
        "test:resoc",
        8,
        True,
    )


def test_persons_hold_posts_on_behalf_of_organisations(handmade: Model) -> None:
    data = to_popolo(handmade)
    chair = by_id(data, "memberships")["test:m-chair"]
    assert (chair["person_id"], chair["role"], chair["post_id"], chair["on_behalf_of_id"]) == (
        "test:chair",
        "chair",
        "test:chair-post",
        "test:voka",
    )
    assert by_id(data, "persons")["test:chair"]["name"] == 'Jan "Janneke" Peeters'


def test_a_bound_known_only_as_on_or_before_is_not_written_as_a_date(handmade: Model) -> None:
    memberships = by_id(to_popolo(handmade), "memberships")
    # 2014/..2019: began in 2014, ended on or before 2019 -> no end_date, the period in "valid"
    assert memberships["test:m-voka"]["start_date"] == "2014"
    assert "end_date" not in memberships["test:m-voka"]
    assert memberships["test:m-voka"]["valid"] == "2014/..2019"
    # ?/2018-12-31: start unknown, end exact
    assert "start_date" not in memberships["test:m-a"]
    assert memberships["test:m-a"]["end_date"] == "2018-12-31"
    assert memberships["test:m-a"]["valid"] == "?/2018-12-31"
    # 2014../2019: started on or after 2014
    assert "start_date" not in memberships["test:m-province"]
    assert memberships["test:m-province"]["end_date"] == "2019"
    # exact bounds need no "valid"
    assert memberships["test:m-chair"]["start_date"] == "2016-06"
    assert "end_date" not in memberships["test:m-chair"] and "valid" not in memberships["test:m-chair"]


def test_founding_and_dissolution_come_from_the_period(handmade: Model) -> None:
    orgs = by_id(to_popolo(handmade), "organizations")
    assert (orgs["test:resoc"]["founding_date"], orgs["test:resoc"]["dissolution_date"]) == ("2004-10-22", "2019-12-31")
    assert orgs["test:old-vzw"]["dissolution_date"] == "2015" and "founding_date" not in orgs["test:old-vzw"]


def test_a_territory_member_stands_for_its_government(handmade: Model) -> None:
    data = to_popolo(handmade)
    member = by_id(data, "memberships")["test:m-a"]["member"]
    assert member == {"@type": "Organization", "id": "test:a/government"}
    government = by_id(data, "organizations")["test:a/government"]
    assert (government["name"], government["area_id"], government["classification"]) == (
        "Gemeente Neerpelt",
        "test:a",
        "municipal_government",
    )
    # where the model names the government as an actor, the actor is used
    assert by_id(data, "organizations")["test:ersv"]["parent_id"] == "test:province"


def test_decisions_become_events_motions_and_vote_events_with_counts(handmade: Model) -> None:
    data = to_popolo(handmade)
    event = by_id(data, "events")["test:approve"]
    assert (event["start_date"], event["organization_id"], event["parent_id"]) == (
        "2014-03-11",
        "test:resoc",
        "test:resoc/2014-03-11",
    )
    vote = by_id(data, "vote_events")["test:approve/vote"]
    assert vote["result"] == "pass"
    assert vote["counts"] == [
        {"option": "yes", "value": 30},
        {"option": "no", "value": 1},
        {"option": "abstain", "value": 2},
    ]
    assert by_id(data, "vote_events")["test:endorse-a/vote"]["unanimous"] is True
    assert by_id(data, "motions")["test:approve/motion"]["classification"] == "approve"
    # a submission records no outcome: no result is claimed for it (it used to be a passed vote)
    assert "result" not in by_id(data, "vote_events")["test:submit/vote"]
    assert "result" not in by_id(data, "motions")["test:submit/motion"]
    assert by_id(data, "events")["test:resoc/2014-03-11"]["classification"] == "meeting"


def test_areas_carry_nis_codes_and_lifetimes(core: Model) -> None:
    areas = by_id(to_popolo(core), "areas")
    assert areas["nis:71022"]["identifier"] == "71022" and areas["nis:71022"]["parent_id"] == "nis:71000"
    assert areas["nis:72029"]["valid"] == "../2018-12-31"
    assert areas["refreg:REFREG01"]["classification"] == "referentieregio"


def test_the_limburg_pact_approval_and_resoc_members(limburg: Model) -> None:
    data = to_popolo(limburg)
    event = by_id(data, "events")["limburg:streekpact-2014-2019/goedkeuring-resoc"]
    assert (event["start_date"], event["organization_id"]) == ("2014-03-11", "limburg:resoc")
    assert by_id(data, "vote_events")["limburg:streekpact-2014-2019/goedkeuring-resoc/vote"]["unanimous"] is True
    members = {
        m["member"]["id"] for m in data["memberships"] if m["organization_id"] == "limburg:resoc" and "member" in m
    }
    assert "org:voka" in members


def test_a_slice_says_what_it_is(limburg: Model) -> None:
    data = to_popolo(limburg.in_region("limburg:limburg").as_of("2016-06-30"))
    assert data["meta"] == {
        "popolo": "1.0.1",
        "generator": data["meta"]["generator"],
        "as_of": "2016-06-30",
        "region": "limburg:limburg",
    }


def test_write_popolo_writes_json(handmade: Model) -> None:
    buffer = StringIO()
    write_popolo(handmade, buffer)
    assert json.loads(buffer.getvalue()) == to_popolo(handmade)


def test_one_classification_vocabulary_for_governments(everything: Model) -> None:
    from streekbeleid.model.records import ACTOR_KINDS

    data = to_popolo(everything)
    governments = [o for o in data["organizations"] if o["id"].endswith("/government")]
    assert governments
    assert {o["classification"] for o in governments} <= set(ACTOR_KINDS)


def test_every_merger_is_a_dated_event(core: Model) -> None:
    events = {e["id"]: e for e in to_popolo(core)["events"] if e.get("classification") == "merger"}
    assert events and all("start_date" in e for e in events.values())
    assert events["nis:11002/change"]["start_date"] == "2025-01-01"  # Antwerpen kept its code


def test_a_source_with_a_dutch_note_has_it_beside_the_english_one() -> None:
    """A note or reasoning in our own words has its Dutch (``locator_nl``, ``inference_nl``): Popolo's link gets the
    extension field ``note_nl``; a quote is never translated, so its link has only ``note``."""
    from streekbeleid import Actor, Source
    from streekbeleid.testing import build_model

    noted = Source(
        document="Jaarverslag 2019",
        locator="the partners, p. 4",
        locator_nl="de partners, p. 4",
        inference="named as a partner",
        inference_nl="als partner genoemd",
    )
    quoted = Source(document="https://example.org/pact.pdf", locator='"de sociale partners"')
    model = build_model(Actor(id="x:a", name="A", kind="other", sources=[noted, quoted]), catalogue=False)
    (org,) = [o for o in to_popolo(model)["organizations"] if o["id"] == "x:a"]
    assert org["sources"] == [
        {
            "url": "https://streekbeleid.example/document/Jaarverslag%202019",
            "note": "Jaarverslag 2019: the partners, p. 4 (inferred: named as a partner)",
            "note_nl": "Jaarverslag 2019: de partners, p. 4 (afgeleid: als partner genoemd)",
        },
        {"url": "https://example.org/pact.pdf", "note": '"de sociale partners"'},
    ]
