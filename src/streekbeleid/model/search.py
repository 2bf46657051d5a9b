"""Finding records by what people call them: names, abbreviations, other names and ids.

Case and accents do not matter (``Sint-Truiden`` is found by ``sint truiden``), one typo per word is forgiven
(``Kortesem`` finds Kortessem), and a word may be typed in part (``spits`` finds Taskforce Spitsregio Leuven).
Hits are ranked: a whole name before a name that starts with the text, before names whose words start with the
text's words, before a name with a typo; among equals, regions, bodies, plans and actors before the rest.  A text
with a colon is an id, or the start of one: ids that start with it, then the ids nearest to it.

The index is built once per model (its words, and every word with one letter left out, so a typo is found by a
look-up, not a scan: the SymSpell method) and kept with the graph, as the period index is.  A search looks
each word of the text up once; only the names with a word matching the text's rarest word are scored, each by a
few set look-ups.

>>> import streekbeleid
>>> core = streekbeleid.load(plugins=[])
>>> [(hit.id, hit.name) for hit in search(core, "kortesem")]
[('nis:73040', 'Kortessem')]
>>> suggest(core, "nis:7102")
['nis:71020', 'nis:71022', 'nis:71024']
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs
import networkx as nx

from ..i18n import language, use_language
from .phrasing import record_title

if TYPE_CHECKING:
    from .model import Model

__all__ = ["Hit", "normalise", "search", "suggest"]

_WORD = re.compile(r"[0-9a-z]+")

# Scores: higher is better.  A hit's score is that of its best name.
EXACT, PREFIX, WORDS, TYPO = 100, 80, 60, 40
# Among hits of one score, the kinds people look for most come first.
_KIND_RANK = {k: i for i, k in enumerate(("region", "body", "plan", "actor", "territory", "project", "person"))}
# The names of a record that people type, in the order they are shown when they match.
_NAME_FIELDS = ("name", "abbreviation", "title", "label", "name_nl", "other_names")


def normalise(text: str) -> str:
    """Lower case, accents off, every run of other characters one space: ``Sint-Truiden`` -> ``sint truiden``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain))


def _deletions(word: str) -> Iterator[str]:
    """The word with one letter left out, for words long enough that one typo is still recognisable."""
    if len(word) >= 4:
        for i in range(len(word)):
            yield word[:i] + word[i + 1 :]


@attrs.frozen
class Hit:
    """A record found: its id, name, kind (``body``, ``territory`` ...), region if it has one, and how well it
    matched (``score``; the ``matched`` name: of a record's names that match best, the first in the order
    name, abbreviation, title, label, Dutch name, other names, then the id)."""

    id: str
    name: str
    kind: str
    region: str | None
    score: int
    matched: str


class _Index:
    """Every name of every record, normalised, with a word index and a one-deletion index for typos."""

    __slots__ = ("by_deletion", "by_word", "entries", "ids", "normalised", "words", "words_of")

    def __init__(self, entries: list[tuple[str, str, str]], ids: list[str]) -> None:
        self.entries = entries  # (record id, normalised name, name as written)
        self.ids = ids  # sorted
        self.words_of = [frozenset(norm.split()) for _rid, norm, _name in entries]  # each entry's words
        by_word: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.words_of):
            for word in words:
                by_word[word].append(i)
        self.by_word = dict(by_word)
        self.words = sorted(self.by_word)  # for prefixes, by bisection
        by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in self.by_word:
            by_deletion[word].add(word)
            for variant in _deletions(word):
                by_deletion[variant].add(word)
        self.by_deletion = dict(by_deletion)
        self.normalised: dict[str, str] = {}  # the names of hits, normalised once for ranking

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> _Index:
        index: _Index | None = graph.graph.get("_search_index")
        if index is None:
            entries = []
            for rid, record in graph.nodes(data="record"):
                for name in _names(record):
                    entries.append((rid, normalise(name), name))
                local = rid.partition(":")[2]  # the namespace is in every id of a region: not a name
                entries.append((rid, normalise(local), local))
            index = graph.graph["_search_index"] = cls(entries, sorted(graph))
        return index

    def prefixed(self, stem: str) -> Iterator[str]:
        """The indexed words that start with ``stem``."""
        yield from _starting(self.words, stem)

    def nearest_ids(self, text: str, n: int) -> list[tuple[int, str]]:
        """Ids that start with ``text`` (score PREFIX), then those nearest to it in edit distance among its
        neighbours in sorted order (score TYPO less the distance, at most three edits), at most ``n`` of each."""
        starting = [(EXACT if rid == text else PREFIX, rid) for rid in _starting(self.ids, text)][:n]
        i = bisect.bisect_left(self.ids, text)
        window = self.ids[max(0, i - 50) : i + 50]
        close = sorted((_distance(text, rid), rid) for rid in window if not rid.startswith(text))
        return starting + [(TYPO - d, rid) for d, rid in close[:n] if d <= 3]

    def near(self, word: str) -> set[str]:
        """Indexed words at most one edit from ``word`` (a letter left out, added, changed or two swapped)."""
        found = set(self.by_deletion.get(word, ()))
        for variant in _deletions(word):
            found.update(self.by_deletion.get(variant, ()))
        return {w for w in found if _one_edit(word, w)}


def _names(record: Any) -> Iterator[str]:
    for field in _NAME_FIELDS:
        value = getattr(record, field, None)
        if isinstance(value, str) and value:
            yield value
        elif isinstance(value, tuple):
            yield from (v if isinstance(v, str) else getattr(v, "name", "") for v in value)


def _starting(ordered: list[str], stem: str) -> Iterator[str]:
    i = bisect.bisect_left(ordered, stem)
    while i < len(ordered) and ordered[i].startswith(stem):
        yield ordered[i]
        i += 1


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings: ids)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _one_edit(a: str, b: str) -> bool:
    """At most one edit apart (Damerau: a swap of neighbours counts as one)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _score(query: str, norm: str, words: frozenset[str], starting: list[set[str]], near: list[set[str]]) -> int:
    """How well a name (normalised, and its words) matches the text: each of the text's words must start a
    word of the name (``starting``: the indexed words that start with it), or, for a typo, be one edit from one
    (``near``: those words and the ones one edit away)."""
    if norm == query:
        return EXACT
    if norm.startswith(query):
        return PREFIX
    if all(not s.isdisjoint(words) for s in starting):
        return WORDS
    if all(not s.isdisjoint(words) for s in near):
        return TYPO
    return 0


def search(model: Model, text: str, *, kinds: Iterable[str] | None = None, limit: int | None = 20) -> list[Hit]:
    """The records whose name, abbreviation, other name or id matches ``text``, best first.

    :param kinds: only records of these kinds (``"body"``, ``"plan"``, ``"territory"`` ...).
    :param limit: at most this many hits (None: all).
    """
    from .model import record_type

    graph = model.whole().graph
    index = _Index.of(graph)
    best: dict[str, tuple[int, str]] = {}
    if ":" in text.strip():
        for score, rid in index.nearest_ids(text.strip(), limit or len(index.ids)):
            best.setdefault(rid, (score, rid))
    elif words := (query := normalise(text)).split():
        starting = [set(index.prefixed(w)) for w in words]
        near = [found | index.near(w) for found, w in zip(starting, words, strict=True)]
        # Every name that scores has a word in each of these sets: the candidates are the names with a word in
        # the set that the fewest names have a word of.
        postings = [sum(len(index.by_word[w]) for w in found) for found in near]
        fewest = near[postings.index(min(postings))]
        candidates = sorted({i for w in fewest for i in index.by_word[w]})  # a record's first name wins a tie
        entries, words_of = index.entries, index.words_of
        for i in candidates:
            rid, norm, name = entries[i]
            score = _score(query, norm, words_of[i], starting, near)
            if score and score > best.get(rid, (0, ""))[0]:
                best[rid] = (score, name)
    wanted = set(kinds) if kinds is not None else None
    hits = []
    normalised = index.normalised
    with use_language(language()):  # asked once, not once per record named
        for rid, (score, matched) in best.items():
            record = graph.nodes[rid]["record"]
            kind = record_type(record)
            if wanted is not None and kind not in wanted:
                continue
            name = record_title(model, record, rid)
            if name not in normalised:
                normalised[name] = normalise(name)
            hits.append(Hit(rid, name, kind, getattr(record, "region", None), score, matched))
    hits.sort(key=lambda h: (-h.score, _KIND_RANK.get(h.kind, len(_KIND_RANK)), normalised[h.name], h.id))
    return hits if limit is None else hits[:limit]


def suggest(model: Model, text: str, n: int = 3) -> list[str]:
    """The ids nearest to ``text``, for "did you mean ...?" after an unknown id."""
    return [hit.id for hit in search(model, text, limit=n) if hit.id != text]
