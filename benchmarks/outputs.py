"""Record what every command and export prints on the bundled model, to compare two versions.

    python benchmarks/outputs.py OUT_DIR            # write one file per command into OUT_DIR
    diff -r OUT_BEFORE OUT_AFTER                    # the comparison

A refactoring that must not change behaviour (issue "One definition per concept") is run on
the commit before and the commit after; the two folders must be equal.  Each command runs in
this process through ``streekbeleid.cli.main`` with standard output and error captured, and
the exit code is written at the end of each file.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
from pathlib import Path

from streekbeleid.cli import main

BODIES = ("limburg:resoc", "limburg:serr", "zov:resoc", "leuven:taskforce-spitsregio")
COMMANDS: list[list[str]] = [
    ["plugins"],
    ["regions"],
    ["regions", "--all"],
    ["regions", "--json"],
    ["show", "limburg:resoc"],
    ["show", "limburg:resoc", "--as-of", "2016-06-30"],
    ["show", "nis:71022"],
    ["show", "limburg:streekpact-2014-2019"],
    ["show", "limburg:resoc", "--json"],
    *(["members", body] for body in BODIES),
    ["members", "limburg:resoc", "--as-of", "2016-06-30"],
    ["members", "leuven:taskforce-spitsregio", "--as-of", "2017-06-01"],
    ["members", "limburg:resoc", "--json"],
    ["municipalities", "limburg:limburg", "--as-of", "2019-06-01"],
    ["municipalities", "refreg:REFREG15", "--as-of", "2025-06-01"],
    ["municipalities", "nis:70000", "--as-of", "2019-06-01", "--json"],
    ["lineage", "limburg:streekpact-2014-2019"],
    ["lineage", "nis:72043"],
    ["compare"],
    ["compare", "--actors"],
    ["compare", "--no-roll-up", "--json"],
    ["check"],
    ["check", "--json"],
    ["check", "--region", "limburg:limburg", "--severity", "warning"],
    ["workflow", "list"],
    ["workflow", "show", "core:streekpact"],
    ["workflow", "diagram", "core:streekpact"],
    ["workflow", "diagram", "core:streekpact", "--format", "dot"],
    ["show", "unknown:thing"],
    ["members", "nis:71022"],
]
FORMATS = ("json", "popolo", "jsonld", "turtle", "graphml", "mermaid", "dot")


def run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: object = main(argv)
        except SystemExit as exc:
            code = exc.code
        except Exception as exc:  # noqa: BLE001 (a traceback is an output too: record its type)
            code = f"exception {type(exc).__name__}"
    return f"$ streekbeleid {' '.join(argv)}\n{out.getvalue()}--- stderr\n{err.getvalue()}--- exit {code}\n"


def main_(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for number, argv in enumerate(COMMANDS):
        (target / f"cmd-{number:02d}.txt").write_text(run(argv), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:

        def log(name: str, argv: list[str]) -> None:
            (target / name).write_text(run(argv).replace(tmp, "$TMP"), encoding="utf-8")

        for fmt in FORMATS:
            path = Path(tmp) / f"model.{fmt}"
            log(f"export-{fmt}.txt", ["export", "--format", fmt, "-o", str(path)])
            shutil.copy(path, target / f"export-{fmt}.out")
        log("export-csv.txt", ["export", "--format", "csv", "-o", str(Path(tmp) / "csv")])
        shutil.copytree(Path(tmp) / "csv", target / "export-csv")
        log("report.txt", ["report", "-o", str(Path(tmp) / "report")])
        shutil.copytree(Path(tmp) / "report", target / "report")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main_(Path(sys.argv[1]))
