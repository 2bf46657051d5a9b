"""Descriptions in Dutch and English: ``description_nl`` beside ``description`` on every record kind that has one,
:func:`streekbeleid.model.phrasing.record_description` choosing by the language in use, ``show`` and the report
reading it, and the bundled data holding a Dutch description for every English one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from streekbeleid import Actor, Body, Model, Region
from streekbeleid.cli import main
from streekbeleid.i18n import use_language
from streekbeleid.model.phrasing import record_description
from streekbeleid.model.records import RECORD_KINDS, PlanItem, SeatGroup
from streekbeleid.report import write_report
from streekbeleid.serialization import dataset_json_schema

RESOC_EN = "the consultation table for socio-economic"
RESOC_NL = "de overlegtafel voor sociaal-economische"


def _described(record: Any) -> Iterator[Any]:
    """The record and every record nested in it (seat groups, plan items ...) that has a description field."""
    if attrs.has(type(record)):
        if "description" in attrs.fields_dict(type(record)):
            yield record
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            for part in value if isinstance(value, tuple) else (value,):
                yield from _described(part)


def test_every_kind_with_a_description_has_a_dutch_one() -> None:
    kinds = [k for k in RECORD_KINDS.values() if "description" in attrs.fields_dict(k)]
    assert len(kinds) >= 15
    for kind in kinds:
        fields = attrs.fields_dict(kind)
        assert "description_nl" in fields, kind.__name__
        assert fields["description_nl"].default is None, kind.__name__


def test_every_bundled_description_has_its_dutch_one(everything: Model) -> None:
    """A region team's gap shows here, in our CI; a user's own package may lack Dutch (the English one shows)."""
    described = [r for rec in everything.records() for r in _described(rec) if r.description]
    assert len(described) > 150
    missing = [getattr(r, "id", None) or getattr(r, "name", "?") for r in described if not r.description_nl]
    assert missing == []
    # a translation, not a copy of the English (a few descriptions are Dutch names already, the same in both)
    same = [r for r in described if r.description_nl == r.description]
    assert len(same) < 15, [r.description for r in same]


def test_the_bundled_dutch_keeps_the_quotes_of_the_english(everything: Model) -> None:
    """Quoted source text stays exactly as quoted: every quotation of the English is in the Dutch one."""
    import re

    quoted = re.compile(r'"([^"]+)"')
    for rec in everything.records():
        for r in _described(rec):
            if r.description:
                for quote in quoted.findall(r.description):
                    assert f'"{quote}"' in r.description_nl, (r.description, quote)


def test_the_schema_allows_the_dutch_description_where_it_allows_the_english() -> None:
    """Every record kind's (workflow definitions have their own owners: docs/workflows.md)."""
    defs = dataset_json_schema()["$defs"]
    kinds = {k.__name__ for k in (*RECORD_KINDS.values(), SeatGroup, PlanItem)}
    with_description = [name for name, d in defs.items() if "description" in d.get("properties", {}) and name in kinds]
    assert {"Actor", "Body", "Plan", "PlanItem", "SeatGroup", "Region", "Decision"} <= set(with_description)
    for name in with_description:
        assert defs[name]["properties"]["description_nl"] == defs[name]["properties"]["description"], name


# ---------------------------------------------------------------- record_description


def test_record_description_follows_the_language_and_falls_back() -> None:
    both = Actor(id="x:a", name="A", kind="other", description="In English.", description_nl="In het Nederlands.")
    english_only = Actor(id="x:b", name="B", kind="other", description="Only English.")
    dutch_only = Actor(id="x:c", name="C", kind="other", description_nl="Alleen Nederlands.")
    none = Actor(id="x:d", name="D", kind="other")
    with use_language("nl"):
        assert record_description(both) == "In het Nederlands."
        assert record_description(english_only) == "Only English."
        assert record_description(dutch_only) == "Alleen Nederlands."
        assert record_description(none) is None
        assert record_description(both, translated=False) == "In English."
    with use_language("en"):
        assert record_description(both) == "In English."
        assert record_description(english_only) == "Only English."
        assert record_description(dutch_only) == "Alleen Nederlands."
        assert record_description(none) is None


# ---------------------------------------------------------------- show


def _show(capsys: pytest.CaptureFixture[str], lang: str, record_id: str) -> str:
    capsys.readouterr()
    assert main(["--lang", lang, "show", record_id]) == 0
    return capsys.readouterr().out


def test_show_gives_the_description_in_the_language_in_use(capsys: pytest.CaptureFixture[str], limburg: Model) -> None:
    dutch = _show(capsys, "nl", "limburg:resoc")
    english = _show(capsys, "en", "limburg:resoc")
    assert RESOC_NL in dutch and RESOC_EN not in dutch
    assert RESOC_EN in english and RESOC_NL not in english
    assert "description_nl" not in dutch and "description nl" not in english  # never as a field of its own


def test_show_of_a_record_without_dutch_gives_the_english_one(build: Any) -> None:
    from streekbeleid.describe import describe

    model = build(
        Region(id="x:r", name="X", description="Only in English."),
        Body(
            id="x:b",
            name="B",
            kind="other",
            region="x:r",
            description="Ook in het Nederlands.",
            description_nl="Ook in het Nederlands, echt.",
        ),
    )
    with use_language("nl"):
        assert "Only in English." in describe(model, model.get("x:r"))
        assert "Ook in het Nederlands, echt." in describe(model, model.get("x:b"))
    with use_language("en"):
        assert "Ook in het Nederlands." in describe(model, model.get("x:b"))
        assert "echt" not in describe(model, model.get("x:b"))


# ---------------------------------------------------------------- the report


@pytest.mark.parametrize(("lang", "shown", "hidden"), [("nl", RESOC_NL, RESOC_EN), ("en", RESOC_EN, RESOC_NL)])
def test_the_report_gives_descriptions_in_its_language(
    limburg: Model, tmp_path: Path, lang: str, shown: str, hidden: str
) -> None:
    write_report(limburg, tmp_path, lang=lang)
    page = (tmp_path / "limburg-limburg.html").read_text(encoding="utf-8")
    assert shown in page
    assert hidden not in page
    lires_item = ("Een nieuw bestuursmodel waarin", "A new governance model in which")
    assert lires_item[0 if lang == "nl" else 1] in page  # a plan item's description
    assert lires_item[1 if lang == "nl" else 0] not in page
