"""The data-format page tells the truth: its YAML loads, and it shows every record kind and every field."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from streekbeleid.model.records import RECORD_KINDS
from streekbeleid.serialization import Dataset, parse_data, parse_text

PAGE = Path(__file__).parents[2] / "docs" / "data-format.md"


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)


def test_every_yaml_block_of_the_page_loads() -> None:
    blocks = yaml_blocks()
    assert blocks
    for i, block in enumerate(blocks):
        data, lines = parse_text(block, f"data-format.md block {i}")
        parse_data(data, Dataset, f"data-format.md block {i}", lines)


def test_the_example_shows_every_record_kind_and_field() -> None:
    text = PAGE.read_text(encoding="utf-8")
    example = "\n".join(yaml_blocks())
    for key, cls in RECORD_KINDS.items():
        assert f"{key}:" in text, key
        if key == "territories":
            continue
        for field in attrs.fields(cls):
            # shown under this kind, or (description, valid, sources ...) under another
            assert re.search(rf"\b{field.name}:", example), f"{key}: field {field.name} is not shown"
