"""Money: budgets and transactions per funding, the money query and command, and a call's co-financing rule."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from streekbeleid import (
    Budget,
    DataError,
    Funding,
    Lineage,
    Model,
    PartialDate,
    Period,
    Plan,
    Project,
    RecordKindError,
    ShareRule,
    Transaction,
    Truth,
    check,
)
from streekbeleid.cli import main
from streekbeleid.i18n import use_language
from streekbeleid.queries.money import money, share_verdicts
from streekbeleid.serialization import load_data_file
from streekbeleid.testing import build_model

from ._cli import run

CALL = "core:versterkt-streekbeleid"
HALF = Decimal("0.5")


def call_and_answer(*fundings: Funding) -> Model:
    """A call asking at least 50% local and at most 50% Flemish co-financing, a plan answering it, its money."""
    call = Plan(
        id="x:call",
        name="Oproep X",
        kind="call",
        share_rules=[
            ShareRule(party="local", min_share=HALF, funder_kinds=["municipal_government"]),
            ShareRule(party="flemish", max_share=HALF, funders=["org:vlaamse-overheid"]),
        ],
    )
    plan = Plan(id="x:plan", name="Plan X", kind="development_plan")
    project = Project(id="x:project", name="Project X", plan="x:plan")
    answer = Lineage(id="x:answer", kind="implements", subject="x:plan", object="x:call")
    return build_model(call, plan, project, answer, *fundings)


def funding(key: str, funder: str, amount: str | None, *, kind: str = "co_financing", **more: Any) -> Funding:
    budget = Budget(amount=None if amount is None else Decimal(amount))
    return Funding(id=f"x:{key}", kind=kind, funder=funder, subject="x:plan", budgets=[budget], **more)


def verdicts(model: Model) -> dict[str, Truth]:
    return {v.rule.party: v.holds for v in share_verdicts(model)}


# ------------------------------------------------------------------ the records and the data


def test_the_core_call_states_its_rule_with_the_source_quote(core: Model) -> None:
    call = core.get(CALL)
    rules = {r.party: (r.min_share, r.max_share) for r in call.share_rules}
    assert rules == {"local": (HALF, None), "flemish": (None, HALF)}
    for rule in call.share_rules:
        assert "at least 50% local and at most 50% Flemish co-financing" in (rule.sources[0].locator or "")


def test_the_call_budget_is_an_original_budget_of_15_million_and_nothing_else_is_invented(everything: Model) -> None:
    [budget] = everything.get(f"{CALL}/budget").budgets
    assert (budget.kind, budget.amount, budget.currency) == ("original", Decimal("15000000"), "EUR")
    others = [f for f in everything.records(Funding) if f.id != f"{CALL}/budget"]
    assert others and all(f.amount is None and not f.budgets and not f.transactions for f in others)


def test_a_share_is_a_number_from_0_to_1() -> None:
    assert Funding(id="x:f", kind="fund", funder="org:vdab", share=HALF).share == HALF
    with pytest.raises(ValueError, match="a share is a number from 0 to 1"):
        Funding(id="x:f", kind="fund", funder="org:vdab", share=Decimal("50"))


def test_an_old_text_share_is_refused_naming_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(
        "fundings:\n  - id: x:f\n    kind: fund\n    funder: org:vdab\n    share: at most 50% Flemish co-financing\n"
    )
    with pytest.raises(DataError) as info:
        load_data_file(path)
    assert str(info.value) == (
        f"{path}:5: $.fundings[0].share: not a number: 'at most 50% Flemish co-financing' "
        "(write an amount as 1500.50, a share from 0 to 1 as 0.5)"
    )


def test_budget_and_transaction_kinds_are_checked() -> None:
    with pytest.raises(ValueError, match="kind"):
        Budget(kind="final")
    with pytest.raises(ValueError, match="kind"):
        Transaction(kind="refund")


# ------------------------------------------------------------------ the money query


def test_budget_committed_and_paid_by_funder_revised_over_original() -> None:
    f = Funding(
        id="x:esf",
        kind="esf",
        funder="org:esf-vlaanderen",
        subject="x:project",
        budgets=[
            Budget(kind="original", amount=Decimal("100"), valid=Period.parse("2016/2018")),
            Budget(kind="revised", amount=Decimal("80"), valid=Period.parse("2016/2017")),
            Budget(kind="revised", amount=Decimal("30"), valid=Period.parse("2018")),
        ],
        transactions=[
            Transaction(kind="commitment", amount=Decimal("110"), date=PartialDate.parse("2016-06")),
            Transaction(kind="payment", amount=Decimal("40"), date=PartialDate.parse("2017")),
            Transaction(kind="payment", amount=Decimal("25"), date=PartialDate.parse("2018")),
        ],
    )
    [line] = money(call_and_answer(f), "x:plan").lines  # a plan's money holds its projects'
    assert (line.original, line.revised, line.budget) == (Decimal("100"), Decimal("110"), Decimal("110"))
    assert (line.committed, line.paid, line.share) == (Decimal("110"), Decimal("65"), Decimal("1"))


def test_an_unknown_amount_makes_every_total_that_needs_it_unknown_never_0() -> None:
    known = funding("a", "nis:71022", "60", transactions=[Transaction(kind="payment", amount=Decimal("60"))])
    unknown = funding("b", "org:vdab", None, transactions=[Transaction(kind="payment")])
    found = money(call_and_answer(known, unknown), "x:plan")
    assert found.total("budget") is None and found.total("paid") is None
    assert [line.share for line in found.lines] == [None, None]  # no share from a total that is not known
    assert found.total("committed") is None  # none recorded: unknown, not 0


def test_the_table_says_unknown_in_words_and_json_null(limburg: Model) -> None:
    table = money(limburg, "limburg:lires").table()
    with use_language("nl"):
        text = str(table)
    assert "onbekend" in text and "Provincie Limburg" in text and "limburg:" not in text.split("\n")[2]
    record = next(r for r in table.records() if r["funder"] == "org:provincie-limburg")
    assert record["original"] is None and record["paid"] is None and record["currency"] == "EUR"


def test_the_query_refuses_what_is_neither_plan_nor_project(core: Model) -> None:
    with pytest.raises(RecordKindError):
        money(core, "org:vdab")


# ------------------------------------------------------------------ the call's rule, checked


def test_the_rule_holds_when_the_amounts_keep_it() -> None:
    model = call_and_answer(funding("a", "nis:71022", "60"), funding("b", "org:vlaamse-overheid", "40"))
    assert verdicts(model) == {"local": Truth.YES, "flemish": Truth.YES}
    assert [p for p in check(model, rules=["co-financing"])] == []


def test_the_check_fires_on_a_model_that_breaks_the_rule() -> None:
    model = call_and_answer(funding("a", "nis:71022", "30"), funding("b", "org:vlaamse-overheid", "70"))
    assert verdicts(model) == {"local": Truth.NO, "flemish": Truth.NO}
    problems = check(model, rules=["co-financing"])
    assert [p.severity for p in problems] == ["error", "error"]
    assert problems[0].message == (
        "Plan X breaks the rule of Oproep X: at least 50% local co-financing asked, 30% recorded"
    )
    assert {"x:plan", "x:call", "x:a", "x:b"} <= set(problems[0].ids)


def test_an_unknown_amount_is_not_taken_as_0() -> None:
    # taken as 0, the Flemish money would leave 100% local; unknown, it may be any amount
    model = call_and_answer(funding("a", "nis:71022", "60"), funding("b", "org:vlaamse-overheid", None))
    assert verdicts(model) == {"local": Truth.UNCERTAIN, "flemish": Truth.UNCERTAIN}
    [local, flemish] = check(model, rules=["co-financing"])
    assert local.severity == "info" and local.message.startswith("Undecidable")
    assert "amounts are not recorded" in flemish.message


def test_a_known_part_may_already_decide_despite_an_unknown_one() -> None:
    # an unknown local amount may be small or large: undecided; but a known 10 local against a known 80
    # Flemish can never reach 50% local, whatever a third funder's unknown money adds
    model = call_and_answer(
        funding("a", "nis:71022", None),
        funding("b", "org:vlaamse-overheid", "80"),
    )
    assert verdicts(model) == {"local": Truth.UNCERTAIN, "flemish": Truth.UNCERTAIN}
    model = call_and_answer(
        funding("a", "nis:71022", "10"),
        funding("b", "org:vlaamse-overheid", "80"),
        funding("c", "org:voka", None),
    )
    assert verdicts(model)["local"] is Truth.NO  # at most 10 of 90 and more


def test_the_programmes_own_money_and_shares_count_as_the_rule_says() -> None:
    esf = funding("esf", "org:esf-vlaanderen", "1000", kind="esf")  # not co-financing: left out
    a = funding("a", "nis:71022", None, share=Decimal("0.6"))
    b = funding("b", "org:vlaamse-overheid", None, share=Decimal("0.4"))
    assert verdicts(call_and_answer(esf, a, b)) == {"local": Truth.YES, "flemish": Truth.YES}


def test_the_partnerships_that_answered_the_call_are_judged_unknown(everything: Model) -> None:
    found = {(v.plan, v.rule.party): v for v in share_verdicts(everything, call=CALL)}
    assert {plan for plan, _party in found} == {
        "limburg:lires",
        "leuven:actieplan-spitsregio-leuven",
        "leuven:actieplan-halle-vilvoorde",
    }
    assert {v.holds for v in found.values()} == {Truth.UNCERTAIN}
    assert found["limburg:lires", "local"].reason == "unknown-amounts"
    assert found["leuven:actieplan-halle-vilvoorde", "local"].reason == "no-fundings"
    problems = check(everything, rules=["co-financing"])
    assert len(problems) == 6 and {p.severity for p in problems} == {"info"}


def test_the_verdicts_on_one_plan_are_those_of_every_call_it_implements(everything: Model) -> None:
    """``plan=``: the calls found from the plan's own lineage, the same verdicts as all of them filtered."""
    every = list(share_verdicts(everything))
    for plan in ("limburg:lires", "leuven:actieplan-halle-vilvoorde", CALL, "limburg:resoc"):
        assert list(share_verdicts(everything, plan=plan)) == [v for v in every if v.plan == plan]
    assert len(list(share_verdicts(everything, plan="limburg:lires"))) == 2


# ------------------------------------------------------------------ the command


def test_money_command_in_dutch_english_json_and_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nl = run(["--lang", "nl", "money", CALL], capsys)
    assert "EUR 15.000.000" in nl and "onbekend" in nl and "financier" in nl
    en = run(["--lang", "en", "money", "limburg:lires"], capsys)
    assert "unknown" in en and "Provincie Limburg" in en
    rows = json.loads(run(["money", CALL, "--json"], capsys))
    assert rows == [
        {
            "funder": "org:esf-vlaanderen",
            "funding": f"{CALL}/budget",
            "subject": CALL,
            "original": "15000000",
            "revised": None,
            "committed": None,
            "paid": None,
            "share": "1",
            "currency": "EUR",
        }
    ]
    target = tmp_path / "money.csv"
    run(["--lang", "en", "money", "limburg:esf-6297", "-o", str(target)], capsys)
    assert target.read_text(encoding="utf-8-sig").splitlines() == [
        "funder,funding,for,original budget,revised budget,committed,paid,share,currency",
        "ESF Vlaanderen,ESF funding,LIRES (ESF-project 6297),unknown,unknown,unknown,unknown,unknown,EUR",
    ]


def test_money_command_refuses_a_body_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["money", "limburg:resoc"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "limburg:resoc" in err
