"""Models the format tests export: the core catalogue, each real region, and a small hand-made model
that holds every kind of record and every kind of date bound."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from streekbeleid import (
    Actor,
    Baseline,
    Body,
    Budget,
    CadenceRule,
    Decision,
    Funding,
    Indicator,
    IndicatorPeriod,
    Lineage,
    Meeting,
    Membership,
    Model,
    PartialDate,
    Period,
    Person,
    Plan,
    PlanItem,
    Post,
    Project,
    Region,
    RegionPart,
    Relation,
    SeatAllocation,
    SeatGroup,
    ShareRule,
    Source,
    Tally,
    Territory,
    Theme,
    Transaction,
    VoteCount,
)
from streekbeleid.model.records import Identifier
from streekbeleid.testing import build_model

REGIONS = {
    "limburg": "limburg:limburg",
    "zuid_oost_vlaanderen": "zuid_oost_vlaanderen:zuid-oost-vlaanderen",
    "leuven": "leuven:arrondissement-leuven",
}


def _src(locator: str | None = None) -> Source:
    return Source(document="hand-made test data", locator=locator)


def handmade_records() -> list[Any]:
    """Every record kind, every bound kind, quotes and accents in names."""
    p = Period.parse
    return [
        Territory(id="test:flanders", name="Vlaanderen", level="region", nis="02000"),
        Territory(id="test:prov", name="Limburg", level="province", nis="70000", part_of="test:flanders"),
        Territory(
            id="test:a",
            name="Neerpelt",
            level="municipality",
            nis="72025",
            part_of="test:prov",
            successor="test:c",
            valid=p("../2018-12-31"),
        ),
        Territory(
            id="test:b",
            name="Overpelt",
            level="municipality",
            nis="72029",
            part_of="test:prov",
            successor="test:c",
            valid=p("../2018-12-31"),
        ),
        Territory(
            id="test:c", name="Pelt", level="municipality", nis="72043", part_of="test:prov", valid=p("2019-01-01/..")
        ),
        Region(
            id="test:streek",
            name="Streek Noord",
            parts=[
                RegionPart(territory="test:a", valid=p("../2018-12-31")),
                RegionPart(territory="test:b", valid=p("../2018-12-31")),
                RegionPart(territory="test:c", valid=p("2019-01-01/..")),
            ],
            sources=[_src("region")],
        ),
        Region(id="test:sub", name="Deelregio", kind="deelregio", part_of="test:streek", parts_known=False),
        Actor(
            id="test:voka",
            name="VOKA",
            kind="employers_organisation",
            # an artificial identifier (test data), its source a URL
            identifiers=[
                Identifier(scheme="ovo", identifier="OVO999999", sources=[Source(document="https://example.org/ovo")])
            ],
            sources=[_src("voka")],
        ),
        Actor(id="test:province", name="Provincie Limburg", kind="provincial_government", territory="test:prov"),
        Actor(id="test:old-vzw", name="Oude vzw", kind="nonprofit", valid=p("../2015")),
        Actor(
            id="test:ersv",
            name="ERSV België vzw",
            kind="nonprofit",
            abbreviation="ERSV",
            part_of="test:province",
            valid=p("2015/.."),
        ),
        Person(id="test:chair", name='Jan "Janneke" Peeters', description="chair", sources=[_src()]),
        Post(id="test:chair-post", label="Voorzitter", organization="test:resoc", role="chair"),
        Body(
            id="test:resoc",
            name="RESOC Noord",
            kind="resoc",
            abbreviation="RESOC",
            region="test:streek",
            decides=True,
            seat_groups=[
                SeatGroup(
                    name="werkgevers", seats=8, voting=True, allocations=[SeatAllocation(member="test:voka", seats=4)]
                ),
                SeatGroup(name="gemeenten", min_seats=8, voting=True),
            ],
            cadence=[CadenceRule(min_meetings=6, per="year")],
            valid=p("2004-10-22/2019-12-31"),
            sources=[_src("resoc"), Source(document="https://example.org/resoc", locator="p. 3")],
        ),
        Body(id="test:serr", name="SERR Noord", kind="serr", region="test:streek"),
        Membership(
            id="test:m-voka",
            organization="test:resoc",
            member="test:voka",
            seat_group="werkgevers",
            seats=4,
            voting=True,
            valid=p("2014/..2019"),
            sources=[_src("voka seats")],
        ),
        Membership(
            id="test:m-a",
            organization="test:resoc",
            member="test:a",
            seat_group="gemeenten",
            valid=p("?/2018-12-31"),
        ),
        Membership(
            id="test:m-chair",
            organization="test:resoc",
            member="test:chair",
            role="chair",
            post="test:chair-post",
            on_behalf_of="test:voka",
            valid=p("2016-06/.."),
        ),
        Membership(
            id="test:m-province",
            organization="test:resoc",
            member="test:province",
            role="observer",
            seat_group="waarnemers",
            voting=False,
            valid=p("2014../2019"),
        ),
        Theme(id="test:economy", name="Economy", name_nl="Economie"),
        Theme(id="test:mobility", name="Mobility", name_nl="Mobiliteit", broader="test:economy"),
        Plan(id="test:pact-2008", name="Streekpact 2008-2013", kind="streekpact", valid=p("2008/2013")),
        Plan(
            id="test:call",
            name="Oproep «versterkt»",
            kind="call",
            share_rules=[
                ShareRule(party="local", min_share=Decimal("0.5"), funder_kinds=["municipal_government"]),
                ShareRule(
                    party="flemish",
                    max_share=Decimal("0.5"),
                    funders=["test:province"],
                    sources=[Source(document="d.txt", locator="at most 50%", inference="read as the province")],
                ),
            ],
        ),
        Plan(
            id="test:pact-2014",
            name="Streekpact 2014-2019",
            kind="streekpact",
            owner="test:resoc",
            region="test:streek",
            themes=["test:economy"],
            valid=p("2014/2019"),
            sources=[_src("pact")],
            items=[
                PlanItem(
                    id="test:pact-2014/1",
                    kind="priority",
                    number="1",
                    name="Mobiliteit",
                    themes=["test:mobility"],
                    items=[
                        PlanItem(
                            id="test:pact-2014/1.1",
                            kind="objective",
                            number="1.1",
                            name="Fietsroutes",
                            items=[
                                PlanItem(
                                    id="test:pact-2014/1.1.1",
                                    kind="action",
                                    number="1.1.1",
                                    name='Website "vraag & aanbod" bedrijventerreinen',
                                    lead="test:voka",
                                    partners=["test:ersv", "test:a"],
                                    status="done",
                                    weight=2,
                                    indicators=[
                                        Indicator(
                                            name="jobs",
                                            baseline=Baseline(year=2013, value="100"),
                                            periods=[IndicatorPeriod(valid=p("2016"), target="120", actual="115")],
                                        )
                                    ],
                                )
                            ],
                        )
                    ],
                )
            ],
        ),
        Project(
            id="test:project",
            name="Hefboomproject",
            promoter="test:ersv",
            partners=["test:voka"],
            plan="test:pact-2014",
            region="test:streek",
            themes=["test:mobility"],
            reference="ESF 6297",
            valid=p("2016-08-01/2020-10-31"),
        ),
        Meeting(id="test:resoc/2014-03-11", body="test:resoc", date=PartialDate.parse("2014-03-11")),
        Decision(
            id="test:approve",
            kind="approve",
            by="test:resoc",
            subject="test:pact-2014",
            date=PartialDate.parse("2014-03-11"),
            meeting="test:resoc/2014-03-11",
            votes=VoteCount(yes=30, no=1, abstain=2),
            outcome="adopted",
            authoritative=True,
            sources=[_src("approval")],
        ),
        Decision(
            id="test:endorse-a",
            kind="endorse",
            by="test:a",
            subject="test:pact-2014",
            date=PartialDate.parse("2014-05"),
            unanimous=True,
        ),
        Decision(id="test:submit", kind="submit", by="test:resoc", subject="test:pact-2014", recipient="test:province"),
        Tally(
            id="test:tally",
            kind="endorse",
            subject="test:pact-2014",
            by="municipal_council",
            among="test:streek",
            count=2,
            out_of=3,
            named=["test:a"],
        ),
        Funding(
            id="test:fund",
            kind="esf",
            funder="test:province",
            recipient="test:ersv",
            subject="test:project",
            amount=Decimal("15000000.00"),
            share=Decimal("0.5"),
            budgets=[
                Budget(kind="original", amount=Decimal("15000000.00"), valid=p("2016-08-01/2019-07-31")),
                Budget(kind="revised", amount=None, currency="EUR", valid=p("2018/?")),
            ],
            transactions=[
                Transaction(kind="commitment", amount=Decimal("7500000"), date=PartialDate.parse("2016-06")),
                Transaction(kind="payment", sources=[Source(document="d.txt", locator="paid «half»")]),
            ],
            valid=p("2016-08-01/2019-07-31"),
        ),
        Lineage(
            id="test:pact-succession",
            kind="succeeds",
            subject="test:pact-2014",
            object="test:pact-2008",
            date=PartialDate.parse("2014"),
        ),
        Lineage(id="test:vzw-succession", kind="replaces", subject="test:ersv", object="test:old-vzw"),
        Relation(id="test:serr-in-resoc", kind="part_of", subject="test:serr", object="test:resoc"),
        Relation(id="test:resoc-reports", kind="reports_to", subject="test:resoc", object="test:province"),
    ]


@pytest.fixture(scope="session")
def handmade() -> Model:
    return build_model(*handmade_records(), catalogue=False)


#: The fixture that holds each region package's model (tests/conftest.py).
_FIXTURE_OF = {"limburg": "limburg", "zuid_oost_vlaanderen": "zov", "leuven": "leuven"}

#: The models every format is exported from in the tests: ``core``, ``handmade``, each region package
#: with the core, and ``<slug>/slice`` (that region's slice on 30 June 2016).
MODEL_NAMES = ["core", "handmade", *REGIONS, *(f"{slug}/slice" for slug in REGIONS)]


@pytest.fixture(params=MODEL_NAMES)
def any_model(request: pytest.FixtureRequest) -> Model:
    slug, _, sliced = request.param.partition("/")
    model: Model = request.getfixturevalue(_FIXTURE_OF.get(slug, slug))
    return model.in_region(REGIONS[slug]).as_of("2016-06-30") if sliced else model
