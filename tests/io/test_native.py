"""Native JSON: lossless round trips (random models too), the published schema, and import errors."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import streekbeleid
from streekbeleid import (
    Actor,
    Baseline,
    Body,
    Budget,
    CadenceRule,
    DataError,
    DateBound,
    Decision,
    Funding,
    Indicator,
    IndicatorPeriod,
    Lineage,
    Meeting,
    Membership,
    Model,
    PartialDate,
    Period,
    Person,
    Plan,
    PlanItem,
    Post,
    Project,
    Region,
    RegionPart,
    Relation,
    SeatAllocation,
    SeatGroup,
    Source,
    Tally,
    Territory,
    Theme,
    Transaction,
    Truth,
    VoteCount,
)
from streekbeleid.io import native, write_atomic
from streekbeleid.io.columns import Columns
from streekbeleid.model.records import (
    ACTOR_KINDS,
    BODY_KINDS,
    BUDGET_KINDS,
    DECISION_KINDS,
    FUNDING_KINDS,
    LINEAGE_KINDS,
    MEMBERSHIP_ROLES,
    PLAN_ITEM_KINDS,
    PLAN_KINDS,
    RELATION_KINDS,
    TERRITORY_LEVELS,
    TRANSACTION_KINDS,
)
from streekbeleid.serialization import FORMAT, Dataset, converter, dataset_json_schema, load_data_file

SCHEMA = native.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def same_model(a: Model, b: Model) -> None:
    """Equal records, and the same graph: nodes, edges with their keys and kinds."""
    assert native.to_dataset(a) == native.to_dataset(b)
    assert set(a.graph.nodes) == set(b.graph.nodes)
    edges_a = {(u, v, k, d["kind"]) for u, v, k, d in a.graph.edges(keys=True, data=True)}
    edges_b = {(u, v, k, d["kind"]) for u, v, k, d in b.graph.edges(keys=True, data=True)}
    assert edges_a == edges_b


# ------------------------------------------------------------------ the published schema


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = json.loads((files("streekbeleid") / "data" / "streekbeleid.schema.json").read_text(encoding="utf-8"))
    assert shipped == dataset_json_schema()
    assert native.schema_text() == (files("streekbeleid") / "data" / "streekbeleid.schema.json").read_text(
        encoding="utf-8"
    )


def test_shipped_schema_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_export_carries_the_format_version(core: Model) -> None:
    assert json.loads(native.generate_json(core))["format"] == FORMAT == "streekbeleid/1"


def test_every_export_validates_against_the_schema(any_model: Model) -> None:
    data = json.loads(native.generate_json(any_model))
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []


def test_the_schema_rejects_what_the_reader_rejects() -> None:
    data = {"format": FORMAT, "actors": [{"id": "x:y", "name": "Y", "kind": "government", "colour": "red"}]}
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(DataError):
        native.from_data(data)


# ------------------------------------------------------------------ round trips


def test_round_trip_of_every_model(any_model: Model) -> None:
    again = native.parse_json(native.generate_json(any_model), "export.json")
    if any_model.date is None and any_model.region is None:
        same_model(again, any_model)
    else:  # a slice comes back as a model of its own, with what its records refer to
        assert set(any_model.graph.nodes) <= set(again.graph.nodes)
        assert native.to_dataset(again) == native.to_dataset(any_model)


def test_round_trip_through_a_file_with_indent(tmp_path: Path, handmade: Model) -> None:
    path = tmp_path / "model.json"
    native.write_json(handmade, path, indent=2)
    assert path.read_text(encoding="utf-8").startswith('{\n  "format": "streekbeleid/1"')
    same_model(native.read_json(path), handmade)


def test_round_trip_through_open_files(handmade: Model) -> None:
    buffer = io.StringIO()
    native.write_json(handmade, buffer)
    buffer.seek(0)
    same_model(native.read_json(buffer), handmade)


def test_a_slice_export_is_closed_over_references(limburg: Model) -> None:
    part = limburg.in_region("limburg:limburg").as_of("2016-06-30")
    again = native.parse_json(native.generate_json(part))
    # the Limburg province refers to Flanders, outside the region: it comes along
    assert again.get("nis:02000").name == "Vlaanderen"
    assert "nis:02000" not in part.graph


def test_an_open_slice_reads_back_into_the_model_it_came_from(limburg: Model) -> None:
    part = limburg.in_region("limburg:limburg")
    text = native.generate_json(part, closed=False)
    with pytest.raises(DataError, match="refers to unknown id"):
        native.parse_json(text)
    core_only = streekbeleid.load(plugins=[], strict=True)
    data = json.loads(text)
    own = {k: [r for r in v if r["id"] not in core_only] for k, v in data.items() if k != "format"}
    merged = native.from_data({"format": FORMAT, **own}, "limburg.json", base=core_only)
    assert merged.get("limburg:resoc").name == "RESOC Limburg"
    assert merged.origins["limburg:resoc"] == "limburg.json"
    assert merged.origins["nis:71022"] == "core"


def test_orjson_and_the_standard_library_write_the_same_text(handmade: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = native.generate_json(handmade)
    monkeypatch.setattr(native, "_orjson", None)
    assert native.generate_json(handmade) == fast
    assert native.generate_json(handmade, indent=2) == json.dumps(
        native.to_data(handmade), ensure_ascii=False, indent=2
    )


# ------------------------------------------------------------------ random models


_ids = st.builds(
    "{}:{}{}".format,
    st.sampled_from(["x", "limburg", "zuid_oost_vlaanderen", "org", "nis"]),
    st.sampled_from("aZ09"),
    st.text(alphabet="aZ09._-/#", max_size=5),
)
_text = st.text(max_size=12)
_opt_text = st.none() | _text


def _partial(day: date, precision: int) -> PartialDate:
    return PartialDate(day.year, *((day.month, day.day)[:precision]))


_partial_dates = st.builds(_partial, st.dates(), st.integers(0, 2))
_bounds = st.one_of(
    st.builds(DateBound, st.sampled_from(["date", "not_after", "not_before"]), _partial_dates),
    st.builds(DateBound, st.sampled_from(["unknown", "open"])),
)
# records refuse a period that certainly ends before it starts
_periods = st.builds(Period, _bounds, _bounds).filter(lambda p: p.ends_before_start() is not Truth.YES)
_sources = st.lists(st.builds(Source, document=_text, locator=_opt_text), max_size=2)
_counts = st.none() | st.integers(0, 500)
_index = st.integers(0, 1000)
_bool = st.booleans()
_opt_bool = st.none() | st.booleans()
_few = st.integers(0, 2)
_opt_dates = st.none() | _partial_dates
_baselines = st.none() | st.builds(Baseline, year=st.integers(1900, 2100), value=_text)
_votes = st.none() | st.builds(VoteCount, yes=_counts, no=_counts, abstain=_counts)
_amounts = st.none() | st.decimals(allow_nan=False, allow_infinity=False)
_shares = st.none() | st.decimals(min_value=0, max_value=1, allow_nan=False, allow_infinity=False)
_budgets = st.builds(
    Budget,
    kind=st.sampled_from(BUDGET_KINDS),
    amount=_amounts,
    currency=st.sampled_from(["EUR", "USD"]),
    valid=_periods,
)
_transactions = st.builds(
    Transaction, kind=st.sampled_from(TRANSACTION_KINDS), amount=_amounts, date=_opt_dates, sources=_sources
)


@st.composite
def models(draw: st.DrawFn) -> Model:
    """A random model whose references all resolve: every record kind, every field, every bound."""
    pool = [f"{x}-{i}" for i, x in enumerate(draw(st.lists(_ids, min_size=40, max_size=40)))]
    ids = iter(pool)

    def pick(options: list[str]) -> str | None:
        return options[draw(_index) % len(options)] if options and draw(_bool) else None

    def some(options: list[str]) -> list[str]:
        return [options[draw(_index) % len(options)] for _ in range(draw(_few))] if options else []

    def n(low: int, high: int) -> int:
        return low + draw(_index) % (high - low + 1)

    def one(options: Sequence[str]) -> str:
        return options[draw(_index) % len(options)]

    territories: list[Territory] = []
    for _ in range(n(1, 3)):
        tids = [t.id for t in territories]
        territories.append(
            Territory(
                id=next(ids),
                name=draw(_text),
                level=one(TERRITORY_LEVELS),
                nis=draw(_opt_text),
                part_of=pick(tids),
                successor=pick(tids),
                valid=draw(_periods),
                sources=draw(_sources),
            )
        )
    tids = [t.id for t in territories]
    region = Region(
        id=next(ids),
        name=draw(_text),
        kind=draw(_text),
        parts=[RegionPart(territory=t, valid=draw(_periods), sources=draw(_sources)) for t in some(tids)],
        parts_known=draw(_bool),
        description=draw(_opt_text),
        description_nl=draw(_opt_text),
        valid=draw(_periods),
    )
    actors: list[Actor] = []
    for _ in range(n(1, 3)):
        actors.append(
            Actor(
                id=next(ids),
                name=draw(_text),
                kind=one(ACTOR_KINDS),
                abbreviation=draw(_opt_text),
                territory=pick(tids),
                part_of=pick([a.id for a in actors]),
                description=draw(_opt_text),
                description_nl=draw(_opt_text),
                valid=draw(_periods),
                sources=draw(_sources),
            )
        )
    aids = [a.id for a in actors]
    person = Person(id=next(ids), name=draw(_text), valid=draw(_periods), sources=draw(_sources))
    seat_groups = [
        SeatGroup(
            name=draw(_text),
            seats=draw(_counts),
            min_seats=draw(_counts),
            voting=draw(_opt_bool),
            allocations=[SeatAllocation(member=a, seats=n(0, 9)) for a in some(aids)],
            description=draw(_opt_text),
            description_nl=draw(_opt_text),
            sources=draw(_sources),
        )
        for _ in range(n(0, 2))
    ]
    body = Body(
        id=next(ids),
        name=draw(_text),
        kind=one(BODY_KINDS),
        abbreviation=draw(_opt_text),
        region=(region.id if draw(_bool) else None),
        seat_groups=seat_groups,
        cadence=[
            CadenceRule(min_meetings=draw(_counts), max_meetings=draw(_counts), per=one(["year", "month"]))
            for _ in range(n(0, 1))
        ],
        decides=draw(_opt_bool),
        valid=draw(_periods),
        sources=draw(_sources),
    )
    post = Post(id=next(ids), label=draw(_text), organization=body.id, role=draw(_opt_text), valid=draw(_periods))
    orgs = [body.id, *aids]
    memberships = [
        Membership(
            id=next(ids),
            organization=one(orgs),
            member=one([*aids, person.id, *tids]),
            role=one(MEMBERSHIP_ROLES),
            seat_group=draw(_opt_text),
            seats=n(0, 9),
            voting=draw(_opt_bool),
            on_behalf_of=pick(aids),
            post=(post.id if draw(_bool) else None),
            label=draw(_opt_text),
            valid=draw(_periods),
            sources=draw(_sources),
        )
        for _ in range(n(0, 3))
    ]
    theme = Theme(id=next(ids), name=draw(_text), name_nl=draw(_opt_text), valid=draw(_periods))
    themes = [theme.id]

    def items(depth: int) -> list[PlanItem]:
        if depth == 0:
            return []
        return [
            PlanItem(
                id=next(ids),
                kind=one(PLAN_ITEM_KINDS),
                name=draw(_text),
                number=draw(_opt_text),
                themes=some(themes),
                lead=pick(aids),
                partners=some(aids),
                status=draw(_opt_text),
                indicators=[
                    Indicator(
                        name=draw(_text),
                        measure=one(["unit", "percentage", "nominal", "ordinal", "qualitative"]),
                        ascending=draw(_bool),
                        baseline=draw(_baselines),
                        periods=[IndicatorPeriod(valid=draw(_periods), target=draw(_opt_text), actual=draw(_opt_text))],
                    )
                    for _ in range(n(0, 1))
                ],
                items=items(depth - 1),
                valid=draw(_periods),
            )
            for _ in range(n(0, 2))
        ]

    plans = [
        Plan(
            id=next(ids),
            name=draw(_text),
            kind=one(PLAN_KINDS),
            title=draw(_opt_text),
            owner=(body.id if draw(_bool) else None),
            region=(region.id if draw(_bool) else None),
            themes=some(themes),
            items=items(2),
            valid=draw(_periods),
            sources=draw(_sources),
        )
        for _ in range(2)
    ]
    pids = [p.id for p in plans]
    project = Project(
        id=next(ids),
        name=draw(_text),
        promoter=pick(aids),
        partners=some(aids),
        plan=pick(pids),
        region=(region.id if draw(_bool) else None),
        themes=some(themes),
        reference=draw(_opt_text),
        valid=draw(_periods),
    )
    meeting = Meeting(id=next(ids), body=body.id, date=draw(_partial_dates), name=draw(_opt_text))
    decision_kwargs: dict[str, Any] = {}
    if draw(_bool):
        decision_kwargs["valid"] = draw(_periods)
    decision = Decision(
        id=next(ids),
        kind=one(DECISION_KINDS),
        by=one(orgs),
        subject=one(pids),
        date=draw(_opt_dates),
        outcome=one(["adopted", "rejected", "postponed"]),
        recipient=pick(aids),
        meeting=(meeting.id if draw(_bool) else None),
        votes=draw(_votes),
        unanimous=draw(_opt_bool),
        authoritative=draw(_opt_bool),
        description=draw(_opt_text),
        description_nl=draw(_opt_text),
        sources=draw(_sources),
        **decision_kwargs,
    )
    tally = Tally(
        id=next(ids),
        kind=one(DECISION_KINDS),
        subject=one(pids),
        by=draw(_text),
        among=(region.id if draw(_bool) else None),
        count=(count := n(0, 50)),
        out_of=None if (out_of := draw(_counts)) is None else max(out_of, count),  # never more counted than out of
        named=some(aids),
        date=draw(_opt_dates),
    )
    funding = Funding(
        id=next(ids),
        kind=one(FUNDING_KINDS),
        funder=one(aids),
        recipient=pick(orgs),
        subject=(project.id if draw(_bool) else None),
        amount=draw(_amounts),
        currency=one(["EUR", "USD"]),
        share=draw(_shares),
        budgets=draw(st.lists(_budgets, max_size=2)),
        transactions=draw(st.lists(_transactions, max_size=2)),
        valid=draw(_periods),
    )
    lineage = Lineage(
        id=next(ids),
        kind=one(LINEAGE_KINDS),
        subject=pids[1],
        object=pids[0],
        date=draw(_opt_dates),
    )
    relation = Relation(
        id=next(ids),
        kind=one(RELATION_KINDS),
        subject=body.id,
        object=one(aids),
        valid=draw(_periods),
    )
    records = [
        *territories,
        region,
        *actors,
        person,
        post,
        body,
        *memberships,
        theme,
        *plans,
        project,
        meeting,
        decision,
        tally,
        funding,
        lineage,
        relation,
    ]
    return Model.from_records(records)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_random_models_round_trip_losslessly(model: Model) -> None:
    """read(write(m)) == m; the export is valid under the schema; the fast paths equal the converter."""
    text = native.generate_json(model)
    same_model(native.parse_json(text), model)
    data = json.loads(text)
    assert VALIDATOR.is_valid(data)
    dataset = native.to_dataset(model)
    assert native.to_data(model) == converter.unstructure(dataset)
    assert native.dataset_from_json(text) == converter.structure(data, Dataset) == dataset
    assert Columns(converter).structure(data, Dataset) == dataset
    with pytest.raises(DataError):  # every id clashes with the base model
        native.parse_json(text, base=model)


def test_amounts_keep_their_digits() -> None:
    records = [
        Actor(id="x:a", name="A", kind="fund"),
        Funding(id="x:f", kind="esf", funder="x:a", amount=Decimal("1500.50")),
    ]
    again = native.parse_json(native.generate_json(Model.from_records(records)))
    assert str(again.get("x:f").amount) == "1500.50"


# ------------------------------------------------------------------ bad input


def _problems(text: str, name: str = "bad.json") -> list[str]:
    with pytest.raises(DataError) as info:
        native.parse_json(text, name)
    return [str(p) for p in info.value.problems]


GOOD_ACTOR = '{"id": "x:a", "name": "A", "kind": "nonprofit"}'


def test_invalid_json_names_the_line() -> None:
    assert _problems('{\n  "actors": [\n    {"id": "x:a",}\n  ]\n}') == [
        "bad.json:3: invalid JSON: expected a name in double quotes"
    ]


def test_every_problem_is_reported_with_file_line_and_path() -> None:
    text = "\n".join(
        [
            "{",
            '  "format": "streekbeleid/1",',
            '  "actors": [',
            f"    {GOOD_ACTOR},",
            '    {"id": "x:b", "name": 5, "kind": "nonprofit"},',
            '    {"id": "x:c", "name": "C", "kind": "party"}',
            "  ],",
            '  "bodies": [{"id": "x:d", "name": "D", "kind": "resoc", "colour": "red"}]',
            "}",
        ]
    )
    assert _problems(text) == [
        "bad.json:5: $.actors[1].name: expected text, got an integer 5",
        "bad.json:6: $.actors[2].kind: 'party' is not one of: " + ", ".join(sorted(ACTOR_KINDS)),
        "bad.json:8: $.bodies[0].colour: unknown field (check its spelling; see the data format reference)",
    ]


def test_import_reports_the_same_problems_as_a_data_file(tmp_path: Path) -> None:
    text = (
        '{\n  "actors": [\n    {"id": "x:a", "name": 5, "kind": "nonprofit", "colour": 1},\n    {"name": "B"}\n  ]\n}\n'
    )
    path = tmp_path / "data.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as as_data_file:
        load_data_file(path)
    with pytest.raises(DataError) as as_import:
        native.read_json(path)
    assert as_import.value.problems == as_data_file.value.problems
    assert [p.path for p in as_import.value.problems] == [
        "$.actors[0].name",
        "$.actors[0].colour",
        "$.actors[1].id",
        "$.actors[1].kind",
    ]


def test_duplicate_keys_are_found_and_placed() -> None:
    assert _problems(
        '{\n  "actors": [\n    {"id": "x:a", "name": "A",\n     "name": "B", "kind": "nonprofit"}\n  ]\n}'
    ) == ["bad.json:4: $.actors[0].name: duplicate key"]


def test_duplicate_ids_and_dangling_references() -> None:
    text = "\n".join(
        [
            "{",
            '  "actors": [',
            f"    {GOOD_ACTOR},",
            f"    {GOOD_ACTOR},",
            '    {"id": "x:b", "name": "B", "kind": "nonprofit", "part_of": "x:nobody"}',
            "  ],",
            '  "plans": [{"id": "x:p", "name": "P", "kind": "streekpact",',
            '             "items": [{"id": "x:a", "kind": "action", "name": "A", "lead": "x:ghost"}]}]',
            "}",
        ]
    )
    assert _problems(text) == [
        "bad.json:4: $.actors[1].id: id 'x:a' is defined twice (first at $.actors[0].id)",
        "bad.json:8: $.plans[0].items[0].id: id 'x:a' is defined twice (first at $.actors[0].id)",
        "bad.json:5: $.actors[2].part_of: refers to unknown id 'x:nobody'",
        "bad.json:8: $.plans[0].items[0].lead: refers to unknown id 'x:ghost'",
    ]


def test_an_unknown_format_version_is_refused() -> None:
    assert _problems('{\n  "format": "streekbeleid/2",\n  "actors": []\n}') == [
        "bad.json:2: $.format: unsupported format 'streekbeleid/2'; this version of streekbeleid reads 'streekbeleid/1'"
    ]


def test_the_top_must_be_a_mapping() -> None:
    assert _problems("[1, 2]") == ["bad.json:1: $: expected a mapping at the top, got a list [1, 2]"]


def test_redefining_an_id_of_the_base_model_is_refused(core: Model) -> None:
    text = '{"actors": [{"id": "org:voka", "name": "VOKA bis", "kind": "employers_organisation"}]}'
    with pytest.raises(DataError, match=r"\$\.actors\[0\]\.id: id 'org:voka' is already defined"):
        native.parse_json(text, base=core)


def test_a_file_may_refer_to_the_base_model(core: Model) -> None:
    text = '{"memberships": [{"id": "x:m", "organization": "org:voka", "member": "org:unizo"}]}'
    model = native.parse_json(text, "m.json", base=core)
    assert [m.member for m in model.members("org:voka")] == ["org:unizo"]
    assert "nis:71022" in model


def test_a_failed_read_returns_nothing_and_changes_nothing(core: Model) -> None:
    before = core.graph.number_of_nodes()
    good = [f'{{"id": "x:{i}", "name": "A", "kind": "nonprofit"}}' for i in range(50)]
    text = (
        '{"actors": ['
        + ", ".join([*good, '{"id": "x:bad", "name": "B", "kind": "nonprofit", "part_of": "x:zz"}'])
        + "]}"
    )
    with pytest.raises(DataError):
        native.parse_json(text, base=core)
    assert core.graph.number_of_nodes() == before
    assert "x:1" not in core


def test_an_unreadable_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read the file"):
        native.read_json(tmp_path / "missing.json")


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), write_atomic(path) as fh:
        fh.write("half a")
        raise RuntimeError("disk full")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["model.json"]
