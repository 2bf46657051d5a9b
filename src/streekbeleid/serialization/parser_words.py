"""The parsers' own words for a file that does not parse, in the language in use.

PyYAML (through libyaml's parser, or its own) and Python's JSON decoder say what is wrong in English
("did not find expected node content", "Expecting ',' delimiter").  A person reads that after our
"ongeldige YAML:", so the problems they can report are listed here, marked for translation, and
looked up when an error is shown.  A problem not listed (a newer parser's wording) is shown in the
parser's own words rather than hidden.

>>> from streekbeleid.i18n import use_language
>>> with use_language("nl"):
...     parser_problem("mapping values are not allowed in this context"), parser_problem("Expecting value")
('hier mag geen waarde van een sleutel staan', 'een waarde verwacht')
>>> parser_problem("something new")
'something new'
"""

from __future__ import annotations

import re

from ..i18n import N_, _

__all__ = ["parser_problem"]

#: libyaml's problems (the parser PyYAML uses when it has it), then PyYAML's own wordings, then the JSON decoder's.
_PROBLEMS = {
    # libyaml: the scanner
    "found character that cannot start any token": N_("found a character that cannot start anything here"),
    "could not find expected ':'": N_("could not find the expected ':'"),
    "mapping values are not allowed in this context": N_("a mapping value is not allowed here"),
    "mapping keys are not allowed in this context": N_("a mapping key is not allowed here"),
    "block sequence entries are not allowed in this context": N_("a list item ('-') is not allowed here"),
    "found unexpected end of stream": N_("the file ends unexpectedly (a quote or bracket left open?)"),
    "found unknown escape character": N_("found an unknown escape character after '\\'"),
    "found invalid Unicode character escape code": N_("found an invalid Unicode escape code"),
    "did not find expected hexdecimal number": N_("did not find the expected hexadecimal number"),
    "found unexpected document indicator": N_("found an unexpected '---' or '...'"),
    "found a tab character that violates indentation": N_(
        "found a tab that breaks the indentation (indent with spaces)"
    ),
    "found a tab character where an indentation space is expected": N_(
        "found a tab where an indentation space is expected (indent with spaces)"
    ),
    "did not find expected whitespace or line break": N_("did not find the expected space or line break"),
    "did not find expected comment or line break": N_("did not find the expected comment or line break"),
    "did not find expected whitespace": N_("did not find the expected space"),
    "did not find expected alphabetic or numeric character": N_("did not find the expected letter or digit"),
    "did not find expected tag URI": N_("did not find the expected tag"),
    "did not find expected '!'": N_("did not find the expected '!'"),
    "did not find URI escaped octet": N_("did not find the expected escaped character in a tag"),
    "found unexpected ':'": N_("found an unexpected ':'"),
    "found an indentation indicator equal to 0": N_("found an indentation indicator of 0"),
    "control characters are not allowed": N_("control characters are not allowed"),
    "invalid leading UTF-8 octet": N_("the file is not valid UTF-8"),
    "invalid trailing UTF-8 octet": N_("the file is not valid UTF-8"),
    "incomplete UTF-8 octet sequence": N_("the file is not valid UTF-8"),
    "invalid Unicode character": N_("found an invalid Unicode character"),
    # libyaml: the parser
    "did not find expected node content": N_("did not find the expected value"),
    "did not find expected key": N_("did not find the expected key (check the indentation)"),
    "did not find expected '-' indicator": N_("did not find the expected '-' of a list item (check the indentation)"),
    "did not find expected ',' or ']'": N_("did not find the expected ',' or ']'"),
    "did not find expected ',' or '}'": N_("did not find the expected ',' or the brace that closes a mapping"),
    "did not find expected <document start>": N_("did not find the expected start of a document ('---')"),
    "found undefined tag handle": N_("found an undefined tag"),
    "found duplicate %YAML directive": N_("found a second %YAML directive"),
    "found incompatible YAML document": N_("found a YAML document of a version this parser does not read"),
    "found duplicate %TAG directive": N_("found a second %TAG directive"),
    # the composer (libyaml's and PyYAML's alike)
    "found undefined alias": N_("found an alias ('*') to an anchor ('&') that is not defined"),
    "second occurrence": N_("an anchor ('&') is defined twice"),
    "but found another document": N_("expected one document, but found another ('---')"),
    # PyYAML's own parser, when libyaml is not there
    "mapping values are not allowed here": N_("a mapping value is not allowed here"),
    # Python's JSON decoder
    "Expecting value": N_("expected a value"),
    "Expecting ',' delimiter": N_("expected a ','"),
    "Expecting ':' delimiter": N_("expected a ':'"),
    "Expecting property name enclosed in double quotes": N_("expected a name in double quotes"),
    "Extra data": N_("more data after the end of the JSON value"),
    "Unterminated string starting at": N_("a text is not closed (a '\"' is missing)"),
    "Invalid \\escape": N_("found an invalid escape after '\\'"),
    "Invalid \\uXXXX escape": N_("found an invalid \\uXXXX escape"),
    "Invalid control character at": N_("found a control character inside a text"),
    "Illegal trailing comma before end of object": N_("a ',' before the brace that closes an object"),
    "Illegal trailing comma before end of array": N_("a ',' before the closing ']'"),
}

#: PyYAML's own wordings that name what they found: "expected <block end>, but found '-'".
_PATTERNS = (
    (
        re.compile(r"^found character '(?P<found>.*)' that cannot start any token$"),
        _PROBLEMS["found character that cannot start any token"],
    ),
    (re.compile(r"^expected (?P<expected>.+), but found (?P<found>.+)$"), N_("expected {expected}, but found {found}")),
    (re.compile(r"^found undefined alias '(?P<found>.*)'$"), _PROBLEMS["found undefined alias"]),
)


def parser_problem(problem: str) -> str:
    """What a parser says is wrong, in the language in use (the parser's own words when not listed)."""
    found = _PROBLEMS.get(problem)
    if found is not None:
        return _(found)
    for pattern, words in _PATTERNS:
        match = pattern.match(problem)
        if match is not None:
            return _(words).format(**match.groupdict())
    return problem
