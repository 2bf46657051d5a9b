"""The analysts' questions (docs/analysts.md), asked in SPARQL of a real server (Oxigraph) holding the published
bundled model (core + three regions), give the answers the Python API gives.

The queries are those of :mod:`streekbeleid.io.sparql_questions` (docs/deployment.md prints the same texts).
What the RDF cannot answer as the API does is left out, not faked:

- the *family* of a plan (``lineage(..., direction="both")``): the API stops its walk at a call (the Flemish
  Versterkt Streekbeleid call), so the regions that answered the same call are not one family; a SPARQL 1.1
  property path cannot stop at a node of some kind when it walks back and forth, so only the walks one way
  (older, newer) are asked;
- who did *not* endorse (``EndorsementCount.non_endorsers``) and the counts' ``missing``: the API derives them
  from the region's municipalities on the tally's date; the export writes the tally (``sb:count``, ``sb:outOf``,
  ``sb:namedDecider``) but no question here redoes that reasoning;
- the seat counts per seat group (``Composition.groups``) and whether a region's list of municipalities is
  complete (``sb:partsKnown``) are not asked either: the rows of the answers are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

import streekbeleid
from streekbeleid import queries as q
from streekbeleid.io import sparql_questions as sq
from streekbeleid.io.publish import DEFAULT_GRAPH, publish
from streekbeleid.model.dates import Truth
from streekbeleid.model.records import Actor, Body, Membership, Plan, Region, Territory, Theme

STATUS = {Truth.YES: "certain", Truth.UNCERTAIN: "uncertain"}


@pytest.fixture(scope="module")
def model() -> Any:
    return streekbeleid.load()


@pytest.fixture(scope="module")
def server(oxigraph_server: Any, model: Any) -> Iterator[Any]:
    """The server holding the bundled model in the default named graph (other modules clear it afterwards)."""
    published = publish(model, f"{oxigraph_server.endpoint}/store")
    assert published.graph == DEFAULT_GRAPH
    assert published.triples > 10_000
    yield oxigraph_server


def ask(server: Any, question: sq.Question, **values: str) -> list[dict[str, str]]:
    answer = server.query(question.bind(**values))
    return [{k: v["value"] for k, v in row.items()} for row in answer["results"]["bindings"]]


def records(model: Any, *kinds: type[Any]) -> list[str]:
    return sorted(n for n, r in model.graph.nodes(data="record") if isinstance(r, kinds))


def _days_around(period: Any) -> set[dt.date]:
    """The first and last days a period's dated bounds may fall on, and the days beside them."""
    out: set[dt.date] = set()
    for bound in (period.start, period.end):
        if bound.date is not None:
            lo, hi = bound.date.earliest, bound.date.latest
            out |= {lo - dt.timedelta(days=1), lo, hi, hi + dt.timedelta(days=1)}
    return out


def test_every_question_runs_as_printed(server: Any) -> None:
    """The texts docs/deployment.md prints run as they are, and ask about their example."""
    for question in sq.QUESTIONS:
        assert question.text == question.bind(**question.example)
        assert server.query(question.text)["results"]["bindings"], question.name
    with pytest.raises(TypeError, match="members_on takes body, day; missing day"):
        sq.MEMBERS_ON.bind(body="limburg:resoc")


def test_who_sat_in_a_body_on_a_day(server: Any, model: Any) -> None:
    """``MEMBERS_ON`` reads the membership periods from OWL-Time (a position, a range an instant lies inside, an
    instant with no position, no instant) and separates certain from uncertain seats as ``Model.members`` (behind
    ``queries.composition``) does,
    on every day where a membership's dates begin or end, and the days beside them."""
    bodies: dict[str, set[dt.date]] = {}
    for _u, body, data in model.graph.edges(data=True):
        if data["kind"] == "member_of":
            ms: Membership = data["record"]
            bodies.setdefault(body, {dt.date(2016, 6, 30)}).update(_days_around(ms.valid))
    statuses: set[str] = set()
    for body, days in sorted(bodies.items()):
        for day in sorted(days):
            rows = ask(server, sq.MEMBERS_ON, body=body, day=day.isoformat())
            in_sparql = {
                (r["membership"], r["member"], r.get("seatGroup"), r.get("onBehalfOf"), r["status"]) for r in rows
            }
            in_python = {
                (
                    m.membership.id,
                    m.membership.member,
                    m.membership.seat_group,
                    m.membership.on_behalf_of,
                    STATUS[m.status],
                )
                for m in model.members(body, on=day)
            }
            assert in_sparql == in_python, (body, day)
            statuses |= {r["status"] for r in rows}
    assert statuses == {"certain", "uncertain"}
    resoc = ask(server, sq.MEMBERS_ON, body="limburg:resoc", day="2016-06-30")
    assert {r["status"] for r in resoc} == {"uncertain"}  # docs/analysts.md: the sources give no dates
    employers = sorted((r["seatGroup"], r["member"]) for r in resoc if r["seatGroup"] == "employers")
    composition = q.composition(model, "limburg:resoc", on="2016-06-30")
    assert employers == sorted((s.seat_group, s.member) for s in composition.seats if s.seat_group == "employers")


@pytest.mark.parametrize("actor", ["org:voka", "org:acv", "org:provincie-vlaams-brabant"])
def test_which_bodies_an_actor_sat_in(server: Any, model: Any, actor: str) -> None:
    """Itself, or through someone on its behalf (``sb:onBehalfOf``): the province of Vlaams-Brabant sits in the
    Taskforce Spitsregio through its economic service."""
    rows = ask(server, sq.BODIES_OF, actor=actor)
    in_sparql = {(r["body"], r["membership"], r.get("through")) for r in rows}
    in_python = {(t.organization, t.membership.id, t.through) for t in q.bodies_of(model, actor)}
    assert in_sparql == in_python
    assert in_python


def test_the_municipalities_of_a_region_on_a_day(server: Any, model: Any) -> None:
    """Every region, on days around the mergers of 2019 and 2025: certain and uncertain as the API says."""
    uncertain = 0
    for region in records(model, Region):
        for day in ("2014-06-01", "2018-12-31", "2019-01-01", "2025-01-01"):
            rows = ask(server, sq.MUNICIPALITIES_ON, region=region, day=day)
            answer = q.municipalities(model, region, on=day)
            assert {(r["municipality"], r["status"]) for r in rows} == {(t, "certain") for t in answer.certain} | {
                (t, "uncertain") for t in answer.uncertain
            }, (region, day)
            uncertain += len(answer.uncertain)
    assert uncertain > 0
    limburg = [
        len(ask(server, sq.MUNICIPALITIES_ON, region="limburg:limburg", day=d))
        for d in ("2014-06-01", "2019-06-01", "2025-06-01")
    ]
    assert limburg == [44, 42, 38]


def test_what_a_gone_municipality_refers_to(server: Any, model: Any) -> None:
    """Every municipality that has a successor, and its successor, before, on and after the mergers."""
    named = {t for t in records(model, Territory) if model.get(t).successor}
    named |= {model.get(t).successor for t in named}
    for territory in sorted(named):
        for day in ("2014-06-01", "2018-12-31", "2019-01-01", "2024-12-31", "2025-01-01"):
            rows = ask(server, sq.REFERS_TO, territory=territory, day=day)
            chain = tuple(r["municipality"] for r in rows)
            current = chain[-1:] if rows and rows[-1]["status"] != "no" else ()
            answer = q.refers_to(model, territory, on=day)
            assert (chain, current) == (answer.chain, answer.current), (territory, day)
    assert [r["municipality"] for r in ask(server, sq.REFERS_TO, territory="nis:72025", day="2026-01-01")] == [
        "nis:72025",
        "nis:72043",
    ]


def test_who_approved_and_endorsed_a_plan(server: Any, model: Any) -> None:
    """Approvals (by, date, unanimous) and the endorsers known by name, for every plan."""
    endorsed = 0
    for plan in records(model, Plan):
        rows = ask(server, sq.ENDORSEMENTS, plan=plan)
        answer = q.endorsements(model, plan)
        assert tuple(sorted({r["decider"] for r in rows if r["role"] == "endorsed"})) == answer.endorsed_by, plan
        approvals = sorted((r["decider"], r.get("date"), r.get("unanimous")) for r in rows if r["role"] == "approved")
        assert approvals == sorted(
            (d.by, str(d.date) if d.date else None, None if d.unanimous is None else str(d.unanimous).lower())
            for d in answer.approvals
        ), plan
        endorsed += len(answer.endorsed_by)
    assert endorsed >= 7
    pact = ask(server, sq.ENDORSEMENTS, plan="limburg:streekpact-2014-2019")
    assert ("approved", "limburg:resoc", "2014-03-11", "true") in [
        (r["role"], r["decider"], r.get("date"), r.get("unanimous")) for r in pact
    ]


def test_who_committed_to_what(server: Any, model: Any) -> None:
    """Every actor and body: the items it leads or partners in and the projects it promotes, with their plan."""
    committed = 0
    for actor in records(model, Actor, Body):
        rows = ask(server, sq.COMMITMENTS, actor=actor)
        answer = q.commitments(model, actor)
        assert sorted((r["role"], r["item"], r.get("plan")) for r in rows) == sorted(
            (c.role, c.item.id, c.plan.id if c.plan else None) for c in answer
        ), actor
        committed += len(answer)
    assert committed >= 3


def test_the_lineage_of_plans_and_municipalities(server: Any, model: Any) -> None:
    """Older and newer, from every plan and every municipality that merged (the family both ways is not asked:
    see the module)."""
    roots = records(model, Plan) + sorted({t for t in records(model, Territory) if model.get(t).successor})
    linked = 0
    for root in roots:
        for question, links in (
            (sq.LINEAGE_OLDER, q.lineage(model, root, direction="older").links),
            (sq.LINEAGE_NEWER, q.lineage(model, root, direction="newer").links),
        ):
            rows = ask(server, question, root=root)
            assert {(r["newer"], r["kind"], r["older"]) for r in rows} == {
                (link.newer, link.kind, link.older) for link in links
            }, (root, question.name)
            linked += len(links)
    assert linked > 40
    hasselt = ask(server, sq.LINEAGE_OLDER, root="nis:71072")
    assert sorted(r["older"] for r in hasselt) == ["nis:71022", "nis:73040"]


def test_which_regions_work_on_a_theme(server: Any, model: Any) -> None:
    """Every theme, rolled up through ``skos:broader`` to the core themes as ``theme_matrix`` does.

    The query anchors a plan, item or project in a region through its plan, its owner or promoter and the body a
    body sits in (one property path); SPARQL 1.1 paths cannot test a node on the way, so unlike the API it would
    also follow a body that has a region of its own into another region's body. No body in the bundled model
    does, which this test checks by comparing every theme."""
    matrix = q.theme_matrix(model)
    for theme in records(model, Theme):
        rows = ask(server, sq.THEME_REGIONS, theme=theme)
        assert tuple(r["region"] for r in rows) == matrix.regions_for(theme), theme
    assert [r["region"] for r in ask(server, sq.THEME_REGIONS, theme="theme:education")] == [
        "limburg:limburg",
        "zuid_oost_vlaanderen:zuid-oost-vlaanderen",
    ]
