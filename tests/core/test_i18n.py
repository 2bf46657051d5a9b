"""Dutch and English: the language chosen, the catalogue complete and fresh, dates in words."""

from __future__ import annotations

import gettext
import re
import shutil
import string
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from streekbeleid import PartialDate, Period
from streekbeleid.i18n import KEYWORDS, language, set_language, use_language
from streekbeleid.model.phrasing import bound_words, day_words, period_words, when

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "streekbeleid"
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "streekbeleid.po"
MO = PO.with_suffix(".mo")


def _key(context: str | None, msgid: str) -> tuple[str | None, str]:
    return (context, msgid)


@pytest.fixture(scope="module")
def extracted() -> set[tuple[str | None, str]]:
    """Every message the source marks for translation, as Babel's extractor finds it."""
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(str(PACKAGE), keywords=KEYWORDS):
        found.add(_key(context, message[0] if isinstance(message, tuple) else message))
    return found


@pytest.fixture(scope="module")
def catalogue() -> dict[tuple[str | None, str], object]:
    with PO.open("rb") as fp:
        return {_key(m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m for m in read_po(fp) if m.id}


def test_every_text_marked_in_the_source_has_a_dutch_translation(extracted, catalogue) -> None:
    missing = sorted((extracted - catalogue.keys()), key=str)
    assert missing == [], "run `make translations` and translate the new texts in " + str(PO.relative_to(ROOT))
    untranslated = sorted(k for k, m in catalogue.items() if not m.string or m.fuzzy)  # type: ignore[attr-defined]
    assert untranslated == []


def test_no_stale_dutch_text_outlives_its_source(extracted, catalogue) -> None:
    assert sorted(catalogue.keys() - extracted, key=str) == [], "run `make translations` to drop stale texts"


def test_every_translation_keeps_the_placeholders_of_its_source(catalogue) -> None:
    def fields(text: str) -> set[str]:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}

    for (_ctx, msgid), message in catalogue.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)  # type: ignore[attr-defined]
        for text in strings:
            assert fields(text) == fields(msgid), msgid


def test_the_compiled_catalogue_is_the_catalogue(catalogue) -> None:
    with MO.open("rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    for (context, msgid), message in catalogue.items():
        if isinstance(message.string, tuple):  # a plural: the singular (n = 1) and the plural (n = 2), as in Dutch
            got: object = tuple(compiled.ngettext(message.id[0], message.id[1], n) for n in (1, 2))
        else:
            got = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
        assert got == message.string, f"{MO.name} is older than {PO.name}: run `make translations`"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        ("2016", "2016", "2016"),
        ("2016-06", "juni 2016", "June 2016"),
        ("2014-03-11", "11 maart 2014", "11 March 2014"),
        ("2025-05-01", "1 mei 2025", "1 May 2025"),
    ],
)
def test_a_partial_date_in_words_is_as_precise_as_the_data(text: str, nl: str, en: str) -> None:
    with use_language("nl"):
        assert when(PartialDate.parse(text)) == nl
    with use_language("en"):
        assert when(PartialDate.parse(text)) == en


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        ("2014/2019", "van 2014 tot 2019", "from 2014 to 2019"),
        ("2016/..", "vanaf 2016", "from 2016"),
        ("2016/?", "vanaf 2016, einde onbekend", "from 2016, end unknown"),
        ("../2019-10", "tot oktober 2019", "until October 2019"),
        ("?/2019", "begin onbekend, tot 2019", "start unknown, until 2019"),
        ("?/..", "begin onbekend", "start unknown"),
        ("?/?", "datums onbekend", "dates unknown"),
        ("../..", "zonder datums", "no dates"),
        ("2014-03-11", "11 maart 2014", "11 March 2014"),
        (
            "..2016-04/2020-10-31..",
            "van ten laatste april 2016 tot ten vroegste 31 oktober 2020",
            "from April 2016 at the latest to 31 October 2020 at the earliest",
        ),
    ],
)
def test_a_period_in_words(text: str, nl: str, en: str) -> None:
    with use_language("nl"):
        assert period_words(Period.parse(text)) == nl
    with use_language("en"):
        assert period_words(Period.parse(text)) == en


def test_bounds_and_days_in_words() -> None:
    with use_language("nl"):
        assert bound_words(Period.parse("..2014-03-11/..").start) == "ten laatste 11 maart 2014"
        assert bound_words(Period.parse("../..").end) == ""
        assert day_words(date(2016, 6, 30)) == "30 juni 2016"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "nl_BE.UTF-8"}, "nl"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "nl_BE.UTF-8"}, "en"),
        ({"LANG": "nl_BE.UTF-8", "STREEKBELEID_LANG": "en"}, "en"),
    ],
)
def test_the_language_comes_from_the_environment_dutch_first(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "STREEKBELEID_LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert language() == expected


def test_a_language_chosen_in_code_wins_and_is_given_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STREEKBELEID_LANG", "nl")
    with use_language("en") as chosen:
        assert chosen == language() == "en"
        with use_language("nl"):
            assert language() == "nl"
        assert language() == "en"
    assert language() == "nl"
    set_language("en")
    try:
        assert language() == "en"
    finally:
        set_language(None)


def test_an_unknown_language_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from streekbeleid import StreekbeleidError

    with pytest.raises(StreekbeleidError, match="unknown language 'fr': choose one of nl, en"):
        set_language("fr")
    monkeypatch.setenv("STREEKBELEID_LANG", "de")
    with pytest.raises(StreekbeleidError, match="unknown language 'de'"):
        language()


def test_the_catalogue_ships_with_the_package(tmp_path: Path) -> None:
    """The compiled catalogue is package data: a wheel carries it (built from a copy: nothing left in the tree)."""
    source = tmp_path / "source"
    shutil.copytree(PACKAGE, source / "src" / "streekbeleid", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    out = subprocess.run([*pip, "-w", str(tmp_path), str(source)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    [wheel] = tmp_path.glob("streekbeleid-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "streekbeleid/locale/nl/LC_MESSAGES/streekbeleid.mo" in names
    assert not [n for n in names if re.search(r"\.po$", n)]
