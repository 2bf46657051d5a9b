"""docs/reference/core-ids.md lists the core catalogue's actors, themes, plans and workflows: the ids a region
package refers to. Its tables are generated from the catalogue and compared here, so the page cannot go stale.

To regenerate after a change of the catalogue: ``python tests/test_docs_core_ids.py`` prints the tables."""

from __future__ import annotations

from pathlib import Path

import streekbeleid
from streekbeleid import Actor, Plan, Theme

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "core-ids.md"


def tables() -> dict[str, str]:
    core = streekbeleid.load(plugins=[])

    def table(header: str, rows: list[str]) -> str:
        columns = header.count("|") - 1
        return "\n".join([header, "|" + "---|" * columns, *rows])

    return {
        "actors": table("| id | name | kind |", [f"| `{a.id}` | {a.name} | {a.kind} |" for a in core.records(Actor)]),
        "themes": table(
            "| id | name | Dutch name | broader |",
            [
                f"| `{t.id}` | {t.name} | {t.name_nl} | {f'`{t.broader}`' if t.broader else ''} |"
                for t in core.records(Theme)
            ],
        ),
        "plans": table(
            "| id | name | kind | period |",
            [f"| `{p.id}` | {p.name} | {p.kind} | {p.valid} |" for p in core.records(Plan)],
        ),
        "workflows": table(
            "| id | name | runs on |",
            [f"| `{w.id}` | {w.name} | {w.subject_kind} |" for w in sorted(core.workflows, key=lambda w: w.id)],
        ),
    }


def test_the_page_lists_every_id_of_the_core_catalogue_as_it_is() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for name, text in tables().items():
        assert f"<!-- generated: {name} -->\n{text}\n<!-- end: {name} -->" in page, (
            f"the {name} table of {PAGE.name} is stale: run python tests/test_docs_core_ids.py"
        )


if __name__ == "__main__":
    for name, text in tables().items():
        print(f"<!-- generated: {name} -->\n{text}\n<!-- end: {name} -->\n")
