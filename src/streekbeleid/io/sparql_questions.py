"""The analysts' questions (``docs/analysts.md``) in SPARQL, over the named graph ``streekbeleid publish`` writes.

Other tools ask a SPARQL store what an analyst asks :mod:`streekbeleid.queries` in Python.  Each
:class:`Question` here holds the query text: :attr:`Question.text` runs as it is (it asks about the example of
``docs/analysts.md``, in the default graph), and :meth:`Question.bind` asks the same of another record, day
or graph.  The tests ask every question of a real server and compare the answer with the Python API's;
``docs/deployment.md`` prints the texts from here, so the three cannot drift apart.

The queries read what the linked-data export writes (``docs/formats/linked-data.md``): ORG, OWL-Time, DCTERMS,
SKOS, the OSLO besluit vocabulary and the project vocabulary ``sb:``.  They answer with record ids
(``dcterms:identifier``), as the Python API does; an organisation that stands for a territory (a municipality's
government) answers with the territory's id.

Time has three answers here too.  A question about a day gives each row a ``status``, ``"certain"`` or
``"uncertain"``, and leaves out what certainly did not hold, as :meth:`Model.members` and
:func:`~streekbeleid.queries.municipalities` do.  SPARQL 1.1 has no arithmetic on dates, so a question about a
day takes the day before and the day after as well (:func:`day_values` gives all three); a partial date
(``2016``, ``2016-06``) is compared by its text with as much of the day as it gives.

>>> query = MUNICIPALITIES_ON.bind(region="nis:70000", day="2019-06-01", graph="https://example.org/g")
>>> print(next(line for line in query.splitlines() if "VALUES" in line).strip()[37:])
{ (<https://streekbeleid.example/id/nis/70000> "2019-06-01" "2019-05-31" "2019-06-02") }
>>> "GRAPH <https://example.org/g>" in query
True
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

import attrs

from ._common import DEFAULT_BASE, record_iri
from .publish import DEFAULT_GRAPH

__all__ = [
    "BODIES_OF",
    "COMMITMENTS",
    "ENDORSEMENTS",
    "LINEAGE_NEWER",
    "LINEAGE_OLDER",
    "MEMBERS_ON",
    "MUNICIPALITIES_ON",
    "PREFIXES",
    "QUESTIONS",
    "REFERS_TO",
    "THEME_REGIONS",
    "Question",
    "day_values",
]

#: The prefixes the queries use; each query declares those it needs.
PREFIXES: dict[str, str] = {
    "besluit": "http://data.vlaanderen.be/ns/besluit#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "sb": f"{DEFAULT_BASE}ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
}

_GRAPH = "@GRAPH@"
_VALUES = "@VALUES@"


def day_values(day: _dt.date | str) -> tuple[str, str, str]:
    """The day, the day before and the day after, as SPARQL takes them (SPARQL 1.1 cannot add a day).

    >>> day_values("2016-06-30")
    ('2016-06-30', '2016-06-29', '2016-07-01')
    """
    d = day if isinstance(day, _dt.date) else _dt.date.fromisoformat(day)
    one = _dt.timedelta(days=1)
    return d.isoformat(), (d - one).isoformat(), (d + one).isoformat()


@attrs.frozen
class Question:
    """One analyst's question in SPARQL.

    ``parameters`` name what the question is about, in the order of its ``VALUES`` row: a record id
    (``body``, ``region`` ...) or ``day`` (which binds ``?day``, ``?before`` and ``?after``).  ``example`` gives
    each parameter its value in :attr:`text`.  ``answers`` says which Python function gives the same answer.
    """

    name: str
    asks: str
    answers: str
    parameters: tuple[str, ...]
    example: Mapping[str, str]
    template: str = attrs.field(repr=False)

    @property
    def text(self) -> str:
        """The query about the example, in the default graph: runnable as it is."""
        return self.bind(**self.example)

    def bind(self, *, graph: str = DEFAULT_GRAPH, base: str = DEFAULT_BASE, **values: str) -> str:
        """The query about other records or another day (record ids and ``YYYY-MM-DD``), in ``graph``.

        ``base`` is the IRI base the model was exported with (``--base-iri``).
        """
        missing = [p for p in self.parameters if p not in values]
        unknown = sorted(set(values) - set(self.parameters))
        if missing or unknown:
            raise TypeError(
                f"{self.name} takes {', '.join(self.parameters)}"
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; unknown {', '.join(unknown)}" if unknown else "")
            )
        names: list[str] = []
        terms: list[str] = []
        for p in self.parameters:
            if p == "day":
                names += ["?day", "?before", "?after"]
                terms += [f'"{v}"' for v in day_values(values[p])]
            else:
                names.append(f"?{p}")
                terms.append(f"<{record_iri(values[p], base)}>")
        row = f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
        return self.template.replace(_VALUES, row).replace(_GRAPH, f"<{graph}>")


def _query(body: str) -> str:
    """A query with the prefixes it uses declared."""
    used = [p for p in PREFIXES if re.search(rf"\b{p}:", body)]
    head = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used)
    return head + body.strip("\n")


def _question(
    name: str, asks: str, answers: str, example: dict[str, str], body: str, parameters: tuple[str, ...] = ()
) -> Question:
    return Question(
        name=name,
        asks=asks,
        answers=answers,
        parameters=parameters or tuple(example),
        example=example,
        template=_query(body),
    )


# ---------------------------------------------------------------- fragments


#: The id of an organisation ``?who`` as ``?whoId``: its own identifier, else the territory it governs
#: (the export writes a municipality without a government of record as ``<territory>/government``).
def _id_of(node: str, out: str) -> str:
    return (
        f"OPTIONAL {{ {node} dcterms:identifier {node}Own }}\n"
        f"    OPTIONAL {{ {node} besluit:werkingsgebied/dcterms:identifier {node}Area }}\n"
        f"    BIND(COALESCE({node}Own, {node}Area) AS {out})"
    )


_POSITION = "(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear)"


def _owl_time_bound(interval: str, side: str, out: str) -> tuple[str, str]:
    """A bound of an OWL-Time interval as text in the model's notation: ``2016``, ``..2016-04``, ``2016..``,
    ``?`` (an instant with no position) or ``..`` (no instant: open)."""
    edge = "time:hasBeginning" if side == "start" else "time:hasEnd"
    v = f"?{side}"
    return (
        f"OPTIONAL {{ {interval} {edge} {v} .\n"
        f"        OPTIONAL {{ {v} {_POSITION} {v}At }}\n"
        f"        OPTIONAL {{ {v}NotAfter time:inside {v} ; time:hasEnd/{_POSITION} {v}Latest }}\n"
        f"        OPTIONAL {{ {v}NotBefore time:inside {v} ; time:hasBeginning/{_POSITION} {v}Earliest }} }}"
    ), (
        f'BIND(IF(BOUND({v}), COALESCE(STR({v}At), CONCAT("..", STR({v}Latest)), '
        f'CONCAT(STR({v}Earliest), ".."), "?"), "..") AS {out})'
    )


#: Whether a period (``?begins``, ``?ends`` in the model's notation) held on ``?day``: ``?held`` 2 for certain,
#: 1 possibly, 0 certainly not.  A date known to the year or month covers every day of it.
_HELD = """
  BIND(REPLACE(?begins, "[.]", "") AS ?beginsAt)
  BIND(REPLACE(?ends, "[.]", "") AS ?endsAt)
  BIND((?begins = ".." || (?begins != "?" && !STRENDS(?begins, "..")
         && ?beginsAt < SUBSTR(?after, 1, STRLEN(?beginsAt))))
       && (?ends = ".." || (?ends != "?" && !STRSTARTS(?ends, "..")
         && ?endsAt > SUBSTR(?before, 1, STRLEN(?endsAt)))) AS ?certain)
  BIND((?begins = "?" || STRSTARTS(?begins, "..") || ?beginsAt <= SUBSTR(?day, 1, STRLEN(?beginsAt)))
       && (?ends = "?" || STRENDS(?ends, "..") || ?endsAt >= SUBSTR(?day, 1, STRLEN(?endsAt))) AS ?possible)
  BIND(IF(?certain, 2, IF(?possible, 1, 0)) AS ?held)"""

#: ``?begins`` and ``?ends`` of a record's ``dcterms:valid`` (``?valid``; none: always).
_NOTATION = """
  BIND(COALESCE(STR(?valid), "../..") AS ?period)
  BIND(STRBEFORE(?period, "/") AS ?begins)
  BIND(STRAFTER(?period, "/") AS ?ends)"""

_start_pattern, _start_text = _owl_time_bound("?during", "start", "?begins")
_end_pattern, _end_text = _owl_time_bound("?during", "end", "?ends")

# ---------------------------------------------------------------- the questions

BODIES_OF = _question(
    "bodies_of",
    "Which bodies did an actor sit in, itself or through someone on its behalf?",
    "streekbeleid.queries.bodies_of",
    {"actor": "org:voka"},
    """
SELECT DISTINCT ?body ?membership ?through WHERE {
  @VALUES@
  GRAPH @GRAPH@ {
    ?m a org:Membership ; org:organization ?organization ; dcterms:identifier ?membership .
    { ?m org:member ?actor } UNION { ?m sb:onBehalfOf ?actor ; org:member ?who . ?who dcterms:identifier ?through }
    ?organization dcterms:identifier ?body .
  }
}
ORDER BY ?body ?membership""",
)

MEMBERS_ON = _question(
    "members_on",
    "Who sat in a body on a day, in which seat group, for whom; certainly or only possibly?",
    "streekbeleid.queries.composition (Model.members)",
    {"body": "limburg:resoc", "day": "2016-06-30"},
    f"""
SELECT ?membership ?member ?seatGroup ?onBehalfOf ?status WHERE {{
  @VALUES@
  GRAPH @GRAPH@ {{
    ?m a org:Membership ; org:organization ?body ; dcterms:identifier ?membership ; org:member ?who .
    {_id_of("?who", "?member")}
    OPTIONAL {{ ?m sb:seatGroup/rdfs:label ?groupLabel }}
    OPTIONAL {{ ?m sb:seatGroupName ?groupName }}
    OPTIONAL {{ ?m sb:onBehalfOf/dcterms:identifier ?onBehalfOf }}
    OPTIONAL {{ ?m org:memberDuring ?during .
      {_start_pattern}
      {_end_pattern} }}
  }}
  BIND(COALESCE(?groupLabel, ?groupName) AS ?seatGroup)
  {_start_text}
  {_end_text}{_HELD}
  FILTER(?held > 0)
  BIND(IF(?held = 2, "certain", "uncertain") AS ?status)
}}
ORDER BY ?seatGroup ?member ?membership""",
)

MUNICIPALITIES_ON = _question(
    "municipalities_on",
    "Which municipalities did a region (with its subregions) hold on a day; certainly or only possibly?",
    "streekbeleid.queries.municipalities",
    {"region": "limburg:limburg", "day": "2019-06-01"},
    f"""
SELECT ?municipality (IF(MAX(?path) = 2, "certain", "uncertain") AS ?status) WHERE {{
  {{
    # one row per way down: a (sub)region, one of its parts, a municipality within that part;
    # the way holds as far as every region, part and territory on it held on the day
    SELECT ?sub ?slot ?municipality (MIN(?held) AS ?path) WHERE {{
      @VALUES@
      GRAPH @GRAPH@ {{
        ?sub a sb:Region ; dcterms:isPartOf* ?region .
        {{ ?sub sb:regionPart ?slot . ?slot sb:territory ?part }}
        UNION {{ ?sub dcterms:hasPart ?part . FILTER NOT EXISTS {{ ?sub sb:regionPart/sb:territory ?part }}
                BIND(?part AS ?slot) }}
        ?place sb:level "municipality" ; dcterms:isPartOf* ?part ; dcterms:identifier ?municipality .
        {{ ?sub a sb:Region ; dcterms:isPartOf* ?node . ?node dcterms:isPartOf* ?region }}
        UNION {{ ?slot sb:territory ?part . BIND(?slot AS ?node) }}
        UNION {{ ?place sb:level "municipality" ; dcterms:isPartOf* ?node . ?node dcterms:isPartOf* ?part }}
      }}
      OPTIONAL {{
        # whether each dated record held on the day (an undated one always holds)
        SELECT ?node (?held AS ?nodeHeld) WHERE {{
          @VALUES@
          GRAPH @GRAPH@ {{ ?node dcterms:valid ?valid }}{_NOTATION}{_HELD}
        }}
      }}
      BIND(COALESCE(?nodeHeld, 2) AS ?held)
    }}
    GROUP BY ?sub ?slot ?municipality
  }}
  FILTER(?path > 0)
}}
GROUP BY ?municipality
ORDER BY ?municipality""",
)

#: A territory's ``?ends`` (``dcterms:valid``; none: always) ended before ``?day`` for certain.
_ENDED = """
  BIND(REPLACE(?ends, "[.]", "") AS ?endsAt)
  BIND(?ends != "?" && !STRENDS(?ends, "..") && ?endsAt < SUBSTR(?day, 1, STRLEN(?endsAt)) AS ?ended)"""

REFERS_TO = _question(
    "refers_to",
    "What does a municipality named in a fact refer to on a day: its successors, to the one alive then?",
    "streekbeleid.queries.refers_to",
    {"territory": "nis:72025", "day": "2026-01-01"},
    f"""
SELECT ?step ?municipality ?status WHERE {{
  {{
    # the territory and its successors, up to the first that had not certainly ended by the day
    SELECT ?next (COUNT(DISTINCT ?predecessor) AS ?step) WHERE {{
      @VALUES@
      GRAPH @GRAPH@ {{
        ?territory dcterms:isReplacedBy* ?next .
        OPTIONAL {{
          ?territory dcterms:isReplacedBy* ?predecessor . ?predecessor dcterms:isReplacedBy+ ?next .
          OPTIONAL {{ ?predecessor dcterms:valid ?valid }}
        }}
      }}{_NOTATION.replace(chr(10), chr(10) + "    ")}{_ENDED.replace(chr(10), chr(10) + "    ")}
    }}
    GROUP BY ?next
    HAVING (SUM(IF(BOUND(?predecessor) && !?ended, 1, 0)) = 0)
  }}
  @VALUES@
  GRAPH @GRAPH@ {{
    ?next dcterms:identifier ?municipality .
    OPTIONAL {{ ?next dcterms:valid ?valid }}
  }}{_NOTATION}{_HELD}
  BIND(IF(?held = 2, "certain", IF(?held = 1, "uncertain", "no")) AS ?status)
}}
ORDER BY ?step""",
)

ENDORSEMENTS = _question(
    "endorsements",
    "Who approved a plan, and who endorsed it (by a decision of its own, or named in a count)?",
    "streekbeleid.queries.endorsements: approvals and endorsed_by",
    {"plan": "limburg:streekpact-2014-2019"},
    f"""
SELECT DISTINCT ?role ?decider ?date ?unanimous WHERE {{
  @VALUES@
  GRAPH @GRAPH@ {{
    {{ ?decision a besluit:Besluit ; dcterms:subject ?plan ; sb:kind ?kind ; prov:wasAttributedTo ?who .
      FILTER(?kind IN ("approve", "adopt") || (?kind = "endorse" && NOT EXISTS {{ ?decision sb:outcome ?o
        FILTER(?o IN ("rejected", "postponed")) }}))
      BIND(IF(?kind = "endorse", "endorsed", "approved") AS ?role)
      OPTIONAL {{ ?decision dcterms:date ?date }}
      OPTIONAL {{ ?decision prov:wasGeneratedBy/besluit:heeftStemming/sb:unanimous ?unanimous }} }}
    UNION
    {{ ?tally a sb:Tally ; dcterms:subject ?plan ; sb:kind "endorse" ; sb:namedDecider ?who .
      BIND("endorsed" AS ?role) }}
    {_id_of("?who", "?decider")}
  }}
}}
ORDER BY ?role ?decider""",
)

COMMITMENTS = _question(
    "commitments",
    "What did an actor commit to: the plan items it leads or partners in, the projects it promotes?",
    "streekbeleid.queries.commitments",
    {"actor": "zuid_oost_vlaanderen:resoc"},
    """
SELECT ?role ?item ?name ?plan WHERE {
  @VALUES@
  GRAPH @GRAPH@ {
    { ?node sb:lead ?actor BIND("lead" AS ?role) }
    UNION { ?node sb:partner ?actor BIND("partner" AS ?role) }
    UNION { ?node sb:promoter ?actor BIND("promoter" AS ?role) }
    ?node dcterms:identifier ?item ; rdfs:label ?name .
    FILTER EXISTS { { ?node a sb:PlanItem } UNION { ?node a sb:Project } }
    OPTIONAL {
      ?node dcterms:isPartOf+ ?whole . ?whole a prov:Plan ; dcterms:identifier ?plan .
      FILTER NOT EXISTS { ?whole a sb:PlanItem }
    }
  }
}
ORDER BY ?plan ?item ?role""",
)

_LINKS = "sb:succeeds|sb:deepens|sb:revises|sb:subscribesTo|sb:replaces|sb:implements"


def _lineage(direction: str) -> str:
    """Links followed from the root, older or newer; a municipality's predecessors count as ``succeeds``."""
    step = f"{_LINKS}|^dcterms:isReplacedBy"
    path = f"({step})*" if direction == "older" else f"^({step})*"
    reached = "newer" if direction == "older" else "older"
    return f"""
SELECT DISTINCT ?newer ?kind ?older WHERE {{
  @VALUES@
  GRAPH @GRAPH@ {{
    ?root {path} ?{reached}Node .
    {{ ?link a sb:Lineage ; sb:subject ?newerNode ; sb:object ?olderNode ; sb:kind ?kind }}
    UNION {{ ?olderNode dcterms:isReplacedBy ?newerNode . BIND("succeeds" AS ?kind) }}
    ?newerNode dcterms:identifier ?newer .
    ?olderNode dcterms:identifier ?older .
  }}
}}
ORDER BY ?newer ?kind ?older"""


LINEAGE_OLDER = _question(
    "lineage_older",
    "What does a plan (or a municipality) descend from: succeeds, deepens, revises, subscribes to ..., and so on back?",
    'streekbeleid.queries.lineage(..., direction="older").links',
    {"root": "limburg:lires"},
    _lineage("older"),
)

LINEAGE_NEWER = _question(
    "lineage_newer",
    "What descends from a plan (or a municipality), and so on forward?",
    'streekbeleid.queries.lineage(..., direction="newer").links',
    {"root": "limburg:salk"},
    _lineage("newer"),
)

THEME_REGIONS = _question(
    "theme_regions",
    "Which regions work on a theme (a region's own themes count for the core themes above them)?",
    "streekbeleid.queries.theme_matrix(...).regions_for",
    {"theme": "theme:education"},
    """
SELECT DISTINCT ?region WHERE {
  @VALUES@
  GRAPH @GRAPH@ {
    # a plan, plan item or project about the theme, or about a narrower one that rolls up to it
    # (a region's own theme counts for the core themes above it, and for itself only when there are none)
    ?about skos:broader* ?theme .
    ?theme dcterms:identifier ?themeId .
    FILTER(STRSTARTS(?themeId, "theme:") || (?about = ?theme && NOT EXISTS {
      ?about skos:broader* ?up . ?up dcterms:identifier ?upId . FILTER(STRSTARTS(?upId, "theme:")) }))
    ?venue dcterms:subject ?about .
    FILTER EXISTS { { ?venue a prov:Plan } UNION { ?venue a sb:Project } }
    # anchored in a region: it, its plan, the body that owns or promotes it, or the body a body without a
    # region of its own sits in, covers the region or one of its subregions
    ?venue (dcterms:isPartOf|prov:wasAttributedTo|sb:promoter|^org:member/org:organization)* ?anchor .
    ?anchor dcterms:spatial ?area .
    ?area a sb:Region ; dcterms:isPartOf* ?top .
    ?top a sb:Region ; dcterms:identifier ?region .
    FILTER NOT EXISTS { ?top dcterms:isPartOf ?above }
  }
}
ORDER BY ?region""",
)

#: Every question, in the order of ``docs/analysts.md``.
QUESTIONS: tuple[Question, ...] = (
    MEMBERS_ON,
    BODIES_OF,
    MUNICIPALITIES_ON,
    REFERS_TO,
    ENDORSEMENTS,
    COMMITMENTS,
    LINEAGE_OLDER,
    LINEAGE_NEWER,
    THEME_REGIONS,
)
