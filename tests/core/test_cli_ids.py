"""Every command that takes an id, with an unknown id and with an id of the wrong kind: one line, exit 2.

The commands are read from the parser, so a new command is covered as soon as it is
registered: an argument that names a record has ``type=RecordId(kinds...)``, and a command
that takes no id at all must be listed in ``TAKE_NO_ID``.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid.cli import build_parser, main
from streekbeleid.model.model import record_type

#: The commands that name no record, workflow or instance.
TAKE_NO_ID = {
    "plugins",
    "regions",
    "import",
    "compare",
    "workflow list",
    "workflow import",
    "workflow copy",
    "harvest",
    "demo",
    "new-region",
    "search",
}

UNKNOWN = "nope:no-such-id"
#: Ids of several kinds in the bundled model; the first of a kind an argument does not take is the wrong one.
CANDIDATES = ("limburg:resoc", "nis:71022", "limburg:streekpact-2014-2019")
INSTANCE = "core:streekpact/limburg:streekpact-2014-2019"

#: What each required argument is given when another argument is the one under test.
VALID = {
    "id": "limburg:resoc",
    "body": "limburg:resoc",
    "area": "limburg:limburg",
    "definition": "core:streekpact",
    "subject": "limburg:streekpact-2014-2019",
    "instance": INSTANCE,
    "transition": "consult",
    "date": "2013-06-01",
    "kind": "bodies",  # list
    "start": "2013-01-01",  # diff --from
    "end": "2015-01-01",  # diff --to
    "version": "1",
    "reason": "a test",
    "format": "mermaid",  # export: --subject applies to the diagram formats
    "endpoint": "http://127.0.0.1:9/store",  # publish: never reached, the bad id stops it first
}


def _commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every leaf command as its words, and its parser (enumerated, not listed)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*words, name))
            return
    yield words


def _parser_of(words: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = build_parser()
    for word in words:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[word]
    return parser


def _id_arguments(words: tuple[str, ...]) -> list[argparse.Action]:
    return [a for a in _parser_of(words)._actions if hasattr(a.type, "kinds")]


def _argv(words: tuple[str, ...], tested: argparse.Action, value: str, store: Path) -> list[str]:
    """The command with ``value`` for the tested argument and valid values for the other required ones."""
    argv = [*words]
    for action in _parser_of(words)._actions:
        if action.dest == tested.dest:
            given = value
        elif action.required:
            given = VALID[action.dest]
        else:
            continue
        argv += [action.option_strings[0], given] if action.option_strings else [given]
    if words[:1] == ("workflow",):
        argv += ["--store", str(store)]
    if words == ("report",):
        argv += ["-o", str(store.parent / "report")]
    return argv


@functools.cache
def _bundled() -> streekbeleid.Model:
    return streekbeleid.load()


def _wrong_kind(kinds: tuple[str, ...]) -> str | None:
    if not kinds:
        return None  # any record will do
    model = _bundled()
    for candidate in CANDIDATES:
        if record_type(model.get(candidate)) not in kinds:
            return candidate
    raise AssertionError(f"no candidate of another kind than {kinds}")


CASES = [
    pytest.param(words, action.dest, bad, id=f"{' '.join(words)} {action.dest}={bad}")
    for words in _commands(build_parser())
    for action in _id_arguments(words)
    for bad in (UNKNOWN, _wrong_kind(action.type.kinds))  # type: ignore[union-attr]
    if bad is not None
]


def test_every_command_either_takes_an_id_or_is_listed() -> None:
    commands = {" ".join(words) for words in _commands(build_parser())}
    without = {c for c in commands if not _id_arguments(tuple(c.split()))}
    assert without == TAKE_NO_ID, "mark a new command's id arguments with type=RecordId(...), or list it here"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workflow store with one started instance (so the facts of a step are what a test gets wrong)."""
    path = tmp_path_factory.mktemp("ids") / "store.sqlite3"
    argv = ["workflow", "start", "core:streekpact", "limburg:streekpact-2014-2019", "--date", "2013", "--store"]
    assert main([*argv, str(path)]) == 0
    return path


@pytest.mark.parametrize(("words", "dest", "bad"), CASES)
def test_a_bad_id_is_one_line_and_exit_2(
    words: tuple[str, ...], dest: str, bad: str, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    tested = next(a for a in _id_arguments(words) if a.dest == dest)
    code = main(_argv(words, tested, bad, store))
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("streekbeleid: error: ") and bad in err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--format", "mermaid", "--view", "tree", "--subject", "limburg:resoc"],
        ["export", "--format", "dot", "--view", "tree", "--subject", "nis:71022"],
        ["workflow", "start", "core:streekpact", "nis:71022"],
        ["workflow", "instances", "--subject", "nis:71022"],
    ],
)
def test_an_id_of_the_wrong_kind_for_the_other_options(
    argv: list[str], store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if argv[0] == "workflow":
        argv = [*argv, "--store", str(store)]
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert "nis:71022" in err or "limburg:resoc is a body, not a plan" in err


def test_a_day_that_is_no_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "--as-of", "30 juni"])
    assert info.value.code == 2
    assert "expected a full day YYYY-MM-DD, got '30 juni'" in capsys.readouterr().err
