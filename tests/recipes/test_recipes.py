"""streekbeleid.recipes: a body's municipal memberships generated from the core catalogue."""

from __future__ import annotations

import pytest

import streekbeleid
from streekbeleid import Membership, Source, StreekbeleidError
from streekbeleid.recipes import memberships_yaml, municipal_memberships
from streekbeleid.serialization import Dataset, parse_data, parse_text


@pytest.fixture(scope="module")
def leuven() -> streekbeleid.Model:
    return streekbeleid.load(plugins=["leuven"])


@pytest.mark.parametrize(
    ("body", "seat_group", "label", "valid", "rule"),
    [
        (
            "leuven:taskforce-spitsregio",
            "municipalities",
            None,
            "2016../?",
            Source(
                document="004_9e9f5be4e711fc22.txt",
                locator="vertegenwoordigers van alle steden en gemeenten van het arrondissement Leuven",
            ),
        ),
        (
            "leuven:burgemeestersoverleg-oost-brabant",
            "mayors",
            "burgemeester",
            "..2013/..",
            Source(
                document="interleuven.be",
                locator="Burgemeestersoverleg Oost-Brabant: the 30 mayors of arrondissement Leuven",
                locator_nl="Burgemeestersoverleg Oost-Brabant: de 30 burgemeesters van het arrondissement Leuven",
            ),
        ),
    ],
)
def test_the_leuven_packages_municipal_files_are_what_the_recipe_gives(
    leuven: streekbeleid.Model, body: str, seat_group: str, label: str | None, valid: str, rule: Source
) -> None:
    generated = municipal_memberships(
        leuven, body, "nis:24000", on="2024-06-30", seat_group=seat_group, label=label, valid=valid, sources=[rule]
    )
    in_package = [m for m in leuven.records(Membership) if m.organization == body and m.member.startswith("nis:")]
    assert len(generated) == 30
    assert generated == in_package


def test_the_written_file_reads_back_as_the_same_memberships(leuven: streekbeleid.Model) -> None:
    generated = municipal_memberships(
        leuven, "kempen:resoc", "nis:72000", on="2019-01-01", role="member", valid="2019/..", sources=["pact.pdf"]
    )
    text = memberships_yaml(leuven, generated)
    assert "member: nis:72043  # Pelt\n" in text
    data, lines = parse_text(text, "kempen/gemeenten.yaml")
    assert list(parse_data(data, Dataset, "kempen/gemeenten.yaml", lines).records()) == generated


def test_a_merger_changes_the_set_by_the_day(leuven: streekbeleid.Model) -> None:
    def members(day: str) -> set[str]:
        return {m.member for m in municipal_memberships(leuven, "x:body", "nis:72000", on=day)}

    assert members("2018-12-31") - members("2019-01-01") == {"nis:72025", "nis:72029", "nis:72040"}
    assert members("2019-01-01") - members("2018-12-31") == {"nis:72042", "nis:72043"}


def test_a_region_whose_municipalities_the_sources_do_not_name_is_refused() -> None:
    limburg = streekbeleid.load(plugins=["limburg"])
    with pytest.raises(
        StreekbeleidError, match=r"the sources do not say which municipalities Maasland \(limburg:maasland\)"
    ):
        municipal_memberships(limburg, "x:body", "limburg:maasland", on="2016-06-30")
