"""CSV: one table per record kind, read back with the csv module and checked against the model."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from streekbeleid import Decision, Funding, Membership, Model, Plan
from streekbeleid.io import model_records
from streekbeleid.io.csv import TABLES, write_csv


def read(folder: Path, table: str, encoding: str = "utf-8") -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_model_writes_every_table(any_model: Model, tmp_path: Path) -> None:
    written = write_csv(any_model, tmp_path)
    assert sorted(p.name for p in written) == sorted([*(f"{t}.csv" for t in TABLES), "datapackage.json"])
    records = model_records(any_model) if any_model.date is None and any_model.region is None else None
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        with open(tmp_path / resource["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    if records is not None:
        for table, cls in (("memberships", Membership), ("decisions", Decision), ("fundings", Funding)):
            assert sorted(r["id"] for r in read(tmp_path, table)) == sorted(r.id for r in records if isinstance(r, cls))
        items = [i.id for p in records if isinstance(p, Plan) for i in p.walk()]
        assert sorted(r["id"] for r in read(tmp_path, "plan_items")) == sorted(items)


def test_memberships_table(handmade: Model, tmp_path: Path) -> None:
    write_csv(handmade, tmp_path)
    rows = {r["id"]: r for r in read(tmp_path, "memberships")}
    voka = rows["test:m-voka"]
    assert voka["organization"] == "test:resoc" and voka["organization_name"] == "RESOC Noord"
    assert voka["member"] == "test:voka" and voka["member_name"] == "VOKA"
    assert (voka["seats"], voka["voting"], voka["seat_group"]) == ("4", "true", "werkgevers")
    assert (voka["valid"], voka["valid_start"], voka["valid_end"]) == ("2014/..2019", "2014", "..2019")
    assert rows["test:m-chair"]["on_behalf_of_name"] == "VOKA"
    assert rows["test:m-chair"]["voting"] == ""


def test_decisions_actions_and_fundings(handmade: Model, tmp_path: Path) -> None:
    write_csv(handmade, tmp_path)
    approve = next(r for r in read(tmp_path, "decisions") if r["id"] == "test:approve")
    assert (approve["votes_yes"], approve["votes_no"], approve["votes_abstain"]) == ("30", "1", "2")
    assert approve["subject_name"] == "Streekpact 2014-2019" and approve["date"] == "2014-03-11"
    actions = [r for r in read(tmp_path, "plan_items") if r["kind"] == "action"]
    assert len(actions) == 1
    action = actions[0]
    assert (action["plan"], action["parent"], action["depth"], action["number"]) == (
        "test:pact-2014",
        "test:pact-2014/1.1",
        "3",
        "1.1.1",
    )
    assert action["partners"] == "test:ersv; test:a" and action["partners_name"] == "ERSV België vzw; Neerpelt"
    fund = read(tmp_path, "fundings")[0]
    assert (fund["amount"], fund["funder_name"], fund["share"]) == ("15000000.0", "Provincie Limburg", "0.5")
    indicator = read(tmp_path, "indicators")[0]
    assert (indicator["indicator"], indicator["baseline"], indicator["target"], indicator["actual"]) == (
        "jobs",
        "2013: 100",
        "120",
        "115",
    )
    groups = {r["name"]: r for r in read(tmp_path, "seat_groups")}
    assert groups["werkgevers"]["allocations"] == "test:voka: 4"


def test_limburg_tables(limburg: Model, tmp_path: Path) -> None:
    write_csv(limburg, tmp_path)
    members = {r["member_name"] for r in read(tmp_path, "memberships") if r["organization"] == "limburg:resoc"}
    assert "VOKA" in members
    tally = read(tmp_path, "tallies")[0]
    assert (tally["count"], tally["out_of"]) == ("42", "44")


def test_a_byte_order_mark_for_spreadsheets(handmade: Model, tmp_path: Path) -> None:
    write_csv(handmade, tmp_path, encoding="utf-8-sig")
    assert (tmp_path / "actors.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")
    assert read(tmp_path, "actors", encoding="utf-8-sig")[0]["id"] == "test:ersv"


def test_a_failed_export_leaves_the_folder_as_it_was(
    handmade: Model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import streekbeleid.io.csv as csv_module

    (tmp_path / "actors.csv").write_text("old", encoding="utf-8")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(csv_module.json, "dump", broken)
    with pytest.raises(OSError, match="disk full"):
        write_csv(handmade, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["actors.csv"]
    assert (tmp_path / "actors.csv").read_text(encoding="utf-8") == "old"
