"""The data format: safe loading, one converter, every problem located by file, line and path."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from streekbeleid import DataError, Decision, PartialDate, Period, Source
from streekbeleid.serialization import Dataset, dataset_json_schema, load_data_file, structure, unstructure


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_into_records(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "decisions.yaml",
        """
decisions:
  - id: limburg:approval
    kind: approve
    by: limburg:resoc
    subject: limburg:pact
    date: 2014-03-11
    unanimous: true
    sources:
      - 000_c377e84609275225.txt
      - {document: x.txt, locator: "p. 2"}
""",
    )
    ds = load_data_file(path)
    (d,) = ds.decisions
    assert d.date == PartialDate(2014, 3, 11)  # not a datetime.date: YAML timestamps stay ours to parse
    assert d.valid == Period.parse("2014-03-11/..")
    assert d.sources == (Source(document="000_c377e84609275225.txt"), Source(document="x.txt", locator="p. 2"))


def test_all_problems_of_a_file_are_reported_together_with_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bodies.yaml",
        """bodies:
  - id: limburg:resoc
    name: RESOC Limburg
    kind: resoc
    seat_groups:
      - name: employers
        seats: "8"
  - id: limburg:serr
    kind: serr
memberships:
  - id: Limburg:bad
    organization: limburg:resoc
    member: org:voka
    voting: "yes"
""",
    )
    with pytest.raises(DataError) as info:
        load_data_file(path, "limburg/bodies.yaml")
    got = {(p.line, p.path) for p in info.value.problems}
    assert got == {
        (7, "$.bodies[0].seat_groups[0].seats"),
        (8, "$.bodies[1].name"),
        (11, "$.memberships[0].id"),  # a validator's problem, in a record with a structure problem too
        (14, "$.memberships[0].voting"),
    }
    assert "limburg/bodies.yaml:7: $.bodies[0].seat_groups[0].seats: expected an integer, got text '8'" in str(
        info.value
    )


def test_a_validator_error_names_the_field(tmp_path: Path) -> None:
    path = write(
        tmp_path, "m.yaml", "memberships:\n  - id: a:m\n    organization: a:b\n    member: a:c\n    role: boss\n"
    )
    with pytest.raises(DataError, match=r"m.yaml:5: \$.memberships\[0\].role: 'boss' is not one of"):
        load_data_file(path, "m.yaml")


def test_bad_ids_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "actors:\n  - id: VOKA\n    name: V\n    kind: employers_organisation\n")
    with pytest.raises(DataError, match=r"a.yaml:2: \$.actors\[0\].id: 'VOKA' is not an id"):
        load_data_file(path, "a.yaml")


def test_unknown_top_level_keys_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "bodys: []\n")
    with pytest.raises(DataError, match=r"x.yaml:1: \$.bodys: unknown field"):
        load_data_file(path, "x.yaml")


def test_duplicate_keys_are_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    path = write(tmp_path, "d.yaml", "actors:\n  - id: a:b\n    name: One\n    name: Two\n    kind: agency\n")
    with pytest.raises(DataError, match=r"d.yaml:4: \$.actors\[0\].name: duplicate key"):
        load_data_file(path, "d.yaml")


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    path = write(tmp_path, "evil.yaml", "actors: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(DataError, match=r"evil.yaml:1: \$.actors: unsupported YAML tag"):
        load_data_file(path, "evil.yaml")
    scalar = write(tmp_path, "evil2.yaml", "actors: !!python/name:os.system\n")
    with pytest.raises(DataError, match="invalid YAML"):
        load_data_file(scalar, "evil2.yaml")


def test_a_list_where_a_record_belongs_is_explained(tmp_path: Path) -> None:
    path = write(tmp_path, "l.yaml", "actors:\n  - just a name\n")
    with pytest.raises(DataError, match=r"l.yaml:2: \$.actors\[0\]: expected a mapping of fields"):
        load_data_file(path, "l.yaml")


def test_syntax_errors_name_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", "actors:\n  - id: a:b\n   name: [unclosed\n")
    with pytest.raises(DataError, match=r"s.yaml:\d+: invalid YAML"):
        load_data_file(path, "s.yaml")


def test_json_files_load_with_lines_too(tmp_path: Path) -> None:
    data = {"themes": [{"id": "theme:x", "name": "X"}, {"id": "theme:y", "name": 5}]}
    path = write(tmp_path, "t.json", json.dumps(data, indent=2))
    with pytest.raises(DataError) as info:
        load_data_file(path, "t.json")
    (problem,) = info.value.problems
    assert (problem.path, problem.line) == ("$.themes[1].name", 9)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '{\n  "themes": [\n    {"id": "theme:x",}\n  ]\n}\n')
    with pytest.raises(DataError, match=r"bad.json:3: invalid JSON"):
        load_data_file(path, "bad.json")


def test_an_empty_file_is_an_empty_dataset(tmp_path: Path) -> None:
    assert load_data_file(write(tmp_path, "e.yaml", "# nothing yet\n")) == Dataset()


def test_records_round_trip_through_the_converter() -> None:
    d = Decision(
        id="a:d",
        kind="approve",
        by="a:b",
        subject="a:c",
        date=PartialDate.parse("2014-03"),
        unanimous=True,
        sources=[Source(document="x")],
    )
    data = unstructure(d)
    assert data["date"] == "2014-03" and "valid" not in data  # defaults are omitted
    assert structure(data, Decision) == d


def test_the_shipped_schema_is_the_generated_one_and_accepts_real_files() -> None:
    schema = dataset_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    from importlib.resources import files

    import yaml

    core = yaml.safe_load((files("streekbeleid") / "data" / "core.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(core, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"bodies": [{"id": "a:b", "name": "x", "kind": "nonsense"}]}, schema)


def test_yes_and_no_are_text_not_booleans(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "v.yaml",
        "decisions:\n  - {id: a:d, kind: approve, by: a:b, subject: a:c, votes: {yes: 30, no: 2}, unanimous: false}\n",
    )
    (d,) = load_data_file(path).decisions
    assert (d.votes.yes, d.votes.no, d.unanimous) == (30, 2, False)
    bad = write(tmp_path, "b.yaml", "bodies:\n  - {id: a:b, name: B, kind: resoc, decides: yes}\n")
    with pytest.raises(DataError, match=r"\$.bodies\[0\].decides: expected true or false, got text 'yes'"):
        load_data_file(bad, "b.yaml")


# ---------------------------------------------------------------- the cache of parsed data files


def test_a_clean_file_is_read_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streekbeleid.serialization import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("STREEKBELEID_NO_CACHE", raising=False)
    path = write(tmp_path, "t.yaml", "themes:\n  - {id: theme:x, name: X, valid: 2014/2019}\n")
    first, lines = cache.load_data_file_located(path, "t.yaml")
    assert len(list((tmp_path / "cache" / "streekbeleid" / "data").rglob("*.pickle"))) == 1
    calls: list[str] = []
    monkeypatch.setattr(cache, "parse_text", lambda *a, **k: calls.append("parsed"))
    second, lines_again = cache.load_data_file_located(path, "t.yaml")
    assert calls == [] and second == first and lines_again == lines
    assert second.themes[0].valid is Period.parse("2014/2019")  # interned again after unpickling


def test_the_cache_follows_the_content_and_ignores_broken_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streekbeleid.serialization import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("STREEKBELEID_NO_CACHE", raising=False)
    path = write(tmp_path, "t.yaml", "themes:\n  - {id: theme:x, name: X}\n")
    cache.load_data_file_located(path, "t.yaml")
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cache.load_data_file_located(path, "t.yaml")[0].themes[0].name == "X"
    path.write_text("themes:\n  - {id: theme:x, name: Y}\n", encoding="utf-8")
    assert cache.load_data_file_located(path, "t.yaml")[0].themes[0].name == "Y"


def test_files_with_problems_are_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streekbeleid.serialization import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("STREEKBELEID_NO_CACHE", raising=False)
    path = write(tmp_path, "b.yaml", "themes:\n  - {id: theme:x, name: 5}\n")
    for _ in range(2):
        with pytest.raises(DataError, match=r"b.yaml:2: \$.themes\[0\].name"):
            cache.load_data_file_located(path, "b.yaml")
    assert not list((tmp_path / "cache").rglob("*.pickle"))


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streekbeleid.serialization import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("STREEKBELEID_NO_CACHE", "1")
    cache.load_data_file_located(write(tmp_path, "t.yaml", "themes: []\n"), "t.yaml")
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize(
    ("value", "got"),
    [("seeds/limburg.md", "text 'seeds/limburg.md'"), ("{document: seeds/limburg.md}", "a mapping")],
)
def test_a_list_field_takes_a_list_not_text_or_a_mapping(tmp_path: Path, value: str, got: str) -> None:
    """Text is iterable: without this check `sources: seeds/x.md` would become one source per character."""
    path = write(tmp_path, "s.yaml", f"actors:\n  - id: a:b\n    name: B\n    kind: agency\n    sources: {value}\n")
    with pytest.raises(DataError, match=rf"s.yaml:5: \$.actors\[0\].sources: expected a list, got {got}"):
        load_data_file(path, "s.yaml")
    themes = write(tmp_path, "t.yaml", "projects:\n  - id: a:p\n    name: P\n    themes: theme:mobility\n")
    with pytest.raises(DataError, match=r"t.yaml:4: \$.projects\[0\].themes: expected a list, got text"):
        load_data_file(themes, "t.yaml")


def test_a_records_validator_problems_come_with_its_structure_problems(tmp_path: Path) -> None:
    """cattrs runs the validators only on a record whose fields all structured: every problem still shows at once."""
    path = write(
        tmp_path,
        "v.yaml",
        "actors:\n  - id: Bad\n    name: 5\n    kind: party\n"
        "plans:\n  - id: a:p\n    name: P\n    kind: streekpact\n    items:\n      - id: a:i\n        kind: wish\n"
        "        name: [x]\n",
    )
    with pytest.raises(DataError) as info:
        load_data_file(path, "v.yaml")
    assert [str(p).split(" is not")[0].split(": expected")[0] for p in info.value.problems] == [
        "v.yaml:3: $.actors[0].name",
        "v.yaml:2: $.actors[0].id: 'Bad'",
        "v.yaml:4: $.actors[0].kind: 'party'",
        "v.yaml:12: $.plans[0].items[0].name",
        "v.yaml:11: $.plans[0].items[0].kind: 'wish'",
    ]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_cache_entry_others_could_write_is_never_unpickled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pickle runs code when read: an entry or folder writable by others is parsed afresh instead."""
    from streekbeleid.serialization import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("STREEKBELEID_NO_CACHE", raising=False)
    path = write(tmp_path, "t.yaml", "themes:\n  - {id: theme:x, name: X}\n")
    cache.load_data_file_located(path, "t.yaml")
    (entry,) = (tmp_path / "cache").rglob("*.pickle")
    modes = [stat.S_IMODE(p.stat().st_mode) for p in (entry, entry.parent, entry.parent.parent)]
    assert modes == [0o600, 0o700, 0o700]
    calls: list[str] = []
    parse_text = cache.parse_text

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append("parsed")
        return parse_text(*args, **kwargs)

    monkeypatch.setattr(cache, "parse_text", counted)
    cache.load_data_file_located(path, "t.yaml")
    assert calls == []  # the user's own entry is read
    for target, mode in ((entry, 0o620), (entry.parent, 0o770), (entry.parent.parent, 0o707)):
        os.chmod(target, mode)
        cache.load_data_file_located(path, "t.yaml")
        assert calls.pop() == "parsed" and calls == []
        cache.load_data_file_located(path, "t.yaml")  # written again, private again
        assert calls == []


def test_a_data_file_error_is_told_in_the_language_in_use(tmp_path: Path) -> None:
    from streekbeleid.i18n import use_language

    path = tmp_path / "bodies.yaml"
    said = {}
    for text in (
        "bodies:\n  - id: x\n    name: RESOC\n    kind: resoc\n",
        "bodies:\n  - {id: x:b, name: B, kind: nope}\n",
    ):
        path.write_text(text, encoding="utf-8")
        for lang in ("nl", "en"):
            with use_language(lang), pytest.raises(DataError) as info:
                load_data_file(path)
            said[lang] = said.get(lang, "") + str(info.value)
    assert "bodies.yaml:2: $.bodies[0].id: 'x' is geen id van de vorm namespace:local" in said["nl"]
    assert "$.bodies[0].kind: 'nope' is niet een van: board" in said["nl"]
    assert "$.bodies[0].id: 'x' is not an id of the form namespace:local" in said["en"]
    assert "'nope' is not one of: board" in said["en"]
    path.write_text("bodies: [\n", encoding="utf-8")
    with use_language("nl"), pytest.raises(DataError, match="ongeldige YAML"):
        load_data_file(path)


@pytest.mark.parametrize(
    ("name", "text", "line", "nl", "en"),
    [
        ("a.yaml", "bodies: [\n", 2, "de verwachte waarde is niet gevonden", "did not find the expected value"),
        (
            "b.yaml",
            "bodies:\n  - id: x:b\n    name: B\n   kind: resoc\n",
            4,
            "de verwachte '-' van een lijstelement is niet gevonden (controleer het inspringen)",
            "did not find the expected '-' of a list item (check the indentation)",
        ),
        ("c.yaml", "bodies:\n  - id: x:b\n    name: 'B\n", 4, "eindigt onverwacht", "ends unexpectedly"),
        ("k.yaml", "bodies:\n  id: x:b\n name: B\n", 3, "de verwachte sleutel is niet gevonden", "the expected key"),
        ("d.yaml", "a: b: c\n", 1, "hier mag geen waarde van een sleutel staan", "a mapping value is not allowed"),
        ("e.yaml", "a: *nothing\n", 1, "een verwijzing ('*') gevonden naar een anker", "found an alias ('*')"),
        ("f.yaml", "a: 1\na: 2\n", 2, "dubbele sleutel", "duplicate key"),
        ("g.json", '{\n  "bodies": [\n    {"id": "x:a",}\n  ]\n}', 3, "een naam tussen dubbele", "expected a name"),
        ("h.json", '{"bodies": []}\n{"more": 1}\n', 2, "nog gegevens na het einde", "more data after the end"),
    ],
)
def test_a_file_that_does_not_parse_is_told_in_the_language_in_use(
    tmp_path: Path, name: str, text: str, line: int, nl: str, en: str
) -> None:
    """The parser's own words (PyYAML's, the JSON decoder's) come from our catalogue too (issue 12)."""
    from streekbeleid.i18n import use_language

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    said = {}
    for lang in ("nl", "en"):
        with use_language(lang), pytest.raises(DataError) as info:
            load_data_file(path)
        said[lang] = str(info.value)
    assert f"{name}:{line}:" in said["nl"] and f"{name}:{line}:" in said["en"]
    assert nl in said["nl"] and en in said["en"]
    for english in ("did not find", "expected", "found", "Expecting", "duplicate", "not allowed"):
        assert english not in said["nl"]
