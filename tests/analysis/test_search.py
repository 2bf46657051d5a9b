"""Finding records by what people call them: names, abbreviations, ids; accents, case and one typo forgiven."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from streekbeleid import Actor, Body, Model, Period
from streekbeleid.model.search import normalise, search, suggest


def first(model: Model, text: str, **kwargs: object) -> tuple[str, str, int]:
    hit = search(model, text, **kwargs)[0]  # type: ignore[arg-type]
    return hit.id, hit.kind, hit.score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sint-Truiden", "sint truiden"),
        ("  ÉCOLE  d'été ", "ecole d ete"),
        ("Zuid-Oost-Vlaanderen", "zuid oost vlaanderen"),
    ],
)
def test_names_are_compared_without_case_accents_or_punctuation(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_a_whole_name_ranks_first_whatever_the_case_and_accents(core: Model) -> None:
    assert first(core, "sint truiden") == ("nis:71053", "territory", 100)
    assert first(core, "SINT-TRUIDEN") == ("nis:71053", "territory", 100)


def test_one_typo_per_word_is_forgiven_and_ranks_below_exact_names(core: Model) -> None:
    assert first(core, "Kortesem") == ("nis:73040", "territory", 40)  # Kortessem
    assert first(core, "Korstessem")[0] == "nis:73040"  # a letter too many
    assert first(core, "Kotressem")[0] == "nis:73040"  # two letters swapped


def test_short_words_are_not_matched_by_typos(core: Model) -> None:
    """A typo in a three-letter word would match half the catalogue: only prefixes and whole words count there."""
    assert [h.id for h in search(core, "Asx")] == []


def test_words_typed_in_part_find_names_with_those_words(limburg: Model) -> None:
    hits = search(limburg, "resoc lim")
    assert hits[0].id == "limburg:resoc"


def test_an_abbreviation_finds_the_body_and_its_kind_and_region(limburg: Model) -> None:
    # the core's Flanders skeleton has a RESOC in every area: Limburg's is among them
    hit = next(h for h in search(limburg, "resoc", kinds=["body"], limit=None) if h.id == "limburg:resoc")
    assert (hit.id, hit.name, hit.kind, hit.region) == ("limburg:resoc", "RESOC Limburg", "body", "limburg:limburg")


def test_ranking_puts_bodies_before_meetings_of_equal_score(limburg: Model) -> None:
    kinds = [h.kind for h in search(limburg, "resoc", limit=None)]
    assert kinds.index("body") < kinds.index("meeting")


def test_a_municipality_that_no_longer_exists_is_found_too(core: Model) -> None:
    assert first(core, "Neerpelt")[0] == "nis:72025"


def test_an_id_or_the_start_of_one_is_searched_as_an_id(limburg: Model) -> None:
    assert first(limburg, "limburg:resoc") == ("limburg:resoc", "body", 100)
    assert {h.id for h in search(limburg, "limburg:streekpact-20", limit=None)} >= {
        "limburg:streekpact-2008-2013",
        "limburg:streekpact-2014-2019",
    }


def test_suggestions_for_a_mistyped_id(limburg: Model, core: Model) -> None:
    assert suggest(limburg, "limburg:resocc")[0] == "limburg:resoc"
    assert suggest(limburg, "limburg:streekpact-2014-2018")[0] == "limburg:streekpact-2014-2019"
    assert suggest(core, "Nijlen") == ["nis:12026"]  # a name where an id was expected


def test_nothing_found_is_an_empty_list(core: Model) -> None:
    assert search(core, "zzzzqqq") == [] and search(core, "   ") == [] and suggest(core, "x:nothing-like-it") == []


def test_the_index_follows_the_model_not_a_slice(build: Callable[..., Model]) -> None:
    model = build(
        Body(id="x:forum", name="Toekomstforum Testland", kind="forum", valid=Period.parse("2010/2012")),
        Actor(id="x:ersv", name="ERSV Testland vzw", kind="nonprofit", abbreviation="ERSV"),
        catalogue=False,
    )
    sliced = model.as_of("2020-01-01")
    assert first(sliced, "toekomstforum")[0] == "x:forum"  # found, even when not active that day
    assert first(model, "ersv") == ("x:ersv", "actor", 100)


def test_a_hit_says_which_of_its_names_matched_the_first_in_order_before_its_id(build: Callable[..., Model]) -> None:
    """The name, abbreviation and the id's local part of this actor all equal the text: the name as written is
    shown as matched, whatever order the index's sets happen to be in."""
    model = build(Actor(id="x:ersv", name="ERSV", kind="nonprofit", abbreviation="Ersv"), catalogue=False)
    assert [(h.score, h.matched) for h in search(model, "ersv")] == [(100, "ERSV")]


def test_every_word_of_the_text_must_match_whichever_is_rarest(build: Callable[..., Model]) -> None:
    """Candidates come from the text's rarest word; a name must still match each of the other words."""
    bodies = [Body(id=f"x:f{i}", name=f"Forum {i} Noord", kind="forum") for i in range(30)]
    model = build(*bodies, Body(id="x:zuid", name="Forum Zuid", kind="forum"), catalogue=False)
    assert [h.id for h in search(model, "forum zuid", limit=None)] == ["x:zuid"]
    assert [h.id for h in search(model, "noord forum 7", limit=None)] == ["x:f7"]
    assert [(h.id, h.score) for h in search(model, "forum zud", limit=None)] == [("x:zuid", 40)]  # a typo
    assert len(search(model, "forum", limit=None)) == 31


def test_a_hit_without_a_name_of_its_own_is_named_in_words(everything: Model) -> None:
    """A decision found by its id is shown by what it links, in the language in use (issue 12)."""
    from streekbeleid.i18n import use_language
    from streekbeleid.model.phrasing import kind_label

    with use_language("nl"):
        hit = search(everything, "onderschrijving abvv", limit=1)[0]
        assert (hit.id, hit.name) == (
            "limburg:streekpact-2014-2019/onderschrijving-abvv",
            "ABVV onderschrijft Streekpact 2014-2019",
        )
        assert kind_label("region") == "regio"  # a region found is a regio, not the Flemish Region (gewest)
    with use_language("en"):
        assert search(everything, "onderschrijving abvv", limit=1)[0].name == "ABVV endorses Streekpact 2014-2019"
