"""``streekbeleid export`` in every format and ``streekbeleid import``."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from streekbeleid.cli import main
from streekbeleid.errors import InvalidValueError
from streekbeleid.io import native

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("json", "out.json"),
        ("popolo", "out.popolo.json"),
        ("jsonld", "out.jsonld"),
        ("turtle", "out.ttl"),
        ("graphml", "out.graphml"),
        ("mermaid", "out.mmd"),
        ("dot", "out.dot"),
        ("csv", "tables"),
    ],
)
def test_export_every_format_to_a_file(fmt: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    assert main(["export", "--plugins", "", "--format", fmt, "-o", str(out)]) == 0
    assert capsys.readouterr().err.startswith(f"wrote {fmt} to {out}")
    if fmt == "json":
        assert native.read_json(out).get("nis:71022").name == "Hasselt"
    elif fmt == "popolo":
        assert any(a["id"] == "nis:71022" for a in json.loads(out.read_text(encoding="utf-8"))["areas"])
    elif fmt in ("jsonld", "turtle"):
        assert len(Graph().parse(out, format="json-ld" if fmt == "jsonld" else "turtle")) > 1000
    elif fmt == "graphml":
        assert "nis:71022" in nx.read_graphml(out, force_multigraph=True)
    elif fmt in ("mermaid", "dot"):
        assert out.read_text(encoding="utf-8").startswith(("flowchart", "digraph"))
    else:
        assert (out / "territories.csv").exists() and (out / "datapackage.json").exists()


def test_export_to_stdout_with_a_slice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--plugins", "", "--format", "json", "--as-of", "2016-06-30", "--indent", "2"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert out.startswith('{\n  "format": "streekbeleid/1"')
    ids = {t["id"] for t in data["territories"]}
    assert "nis:72025" in ids  # Neerpelt existed on 30 June 2016


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_export_a_region_diagram(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "export",
            "--plugins",
            "limburg",
            "--format",
            "mermaid",
            "--region",
            "limburg:limburg",
            "--subject",
            "limburg:resoc",
        ]
    )
    assert code == 0
    assert "VOKA" in capsys.readouterr().out


def test_csv_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--plugins", "", "--format", "csv"]) == 2
    assert "writes a folder" in capsys.readouterr().err


def test_subjects_are_for_diagrams(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--plugins", "", "--format", "json", "--subject", "nis:71022"]) == 2
    assert "--subject does not apply to --format json" in capsys.readouterr().err


def test_import_summarises_a_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "core.json"
    assert main(["export", "--plugins", "", "--format", "json", "-o", str(path)]) == 0
    capsys.readouterr()
    core = native.to_dataset(native.read_json(path))
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: valid, {len(list(core.records()))} records")
    assert main(["import", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["valid"] is True and summary["records"]["territories"] == len(core.territories)
    assert summary["total"] == sum(summary["records"].values())


def test_import_merges_into_the_installed_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "extra.json"
    path.write_text(
        json.dumps({"memberships": [{"id": "x:m", "organization": "org:voka", "member": "org:unizo"}]}),
        encoding="utf-8",
    )
    assert main(["import", str(path)]) == 2
    assert "refers to unknown id 'org:voka'" in capsys.readouterr().err
    assert main(["import", "--plugins", "", "--merge", "--json", f"{tmp_path}/./extra.json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["records"] == {"memberships": 1} and summary["merged"] is True


def test_import_reports_every_problem_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        "\n".join(
            [
                "{",
                '  "actors": [',
                '    {"id": "x:a", "name": 5, "kind": "nonprofit"},',
                '    {"id": "x:b", "name": "B", "kind": "party"}',
                "  ]",
                "}",
            ]
        ),
        encoding="utf-8",
    )
    assert main(["import", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"streekbeleid: error: {path}:3: $.actors[0].name: expected text, got an integer 5",
        f"{path}:4: $.actors[1].kind: 'party' is not one of: "
        "agency, consultancy, development_company, employers_organisation, expert, fund, government, "
        "intermunicipal_association, municipal_government, nonprofit, other, provincial_government, staff, "
        "trade_union, university",
    ]


def test_write_by_format_name(tmp_path: Path) -> None:
    import streekbeleid
    import streekbeleid.io

    model = streekbeleid.load(plugins=[])
    streekbeleid.io.write(model, "csv", tmp_path / "tables")
    streekbeleid.io.write(model, "dot", tmp_path / "pelt.dot", subjects=["nis:72043"])
    assert (tmp_path / "tables" / "actors.csv").exists()
    assert "Pelt" in (tmp_path / "pelt.dot").read_text(encoding="utf-8")
    assert set(streekbeleid.io.FORMATS) == {"json", "popolo", "jsonld", "turtle", "graphml", "mermaid", "dot", "csv"}
    with pytest.raises(InvalidValueError, match="unknown format 'xml'"):
        streekbeleid.io.write(model, "xml", tmp_path / "x.xml")


def test_the_command_line_offers_every_format_and_view(capsys: pytest.CaptureFixture[str]) -> None:
    from streekbeleid.io import FORMATS, VIEWS

    with pytest.raises(SystemExit):
        main(["export", "--help"])
    usage = " ".join(capsys.readouterr().out.split())
    assert f"{{{','.join(FORMATS)}}}" in usage
    assert f"{{{','.join(VIEWS)}}}" in usage


def test_import_from_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"actors": [{"id": "x:a", "name": "A", "kind": "nonprofit"}]}'))
    assert main(["import", "-", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["file"], summary["records"]) == ("<stdin>", {"actors": 1})
