"""Every hook spec is documented in docs/hooks.md and exercised by a test (as datasette checks its hooks)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streekbeleid.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[1]
HOOKS = sorted(name for name in vars(hookspecs) if name.startswith("streekbeleid_"))


def test_the_hook_specs_are_found() -> None:
    assert "streekbeleid_data_files" in HOOKS and len(HOOKS) >= 8


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_docstring_with_an_example(hook: str) -> None:
    doc = getattr(hookspecs, hook).__doc__ or ""
    assert "Example::" in doc and "@hookimpl" in doc, f"{hook}: give the spec a docstring with a full example"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook: str) -> None:
    text = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    assert re.search(rf"^#+ +`?{hook}`?\s*$", text, flags=re.M), f"docs/hooks.md has no section for {hook}"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_exercised_by_a_test(hook: str) -> None:
    this = Path(__file__).resolve()
    files = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "plugins").glob("*/tests/**/*.py")]
    pattern = re.compile(rf"\b{hook}\b")
    users = [f for f in files if f.resolve() != this and pattern.search(f.read_text(encoding="utf-8"))]
    assert users, f"no test implements or calls {hook}"
