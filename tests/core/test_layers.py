"""The layers of docs/design.md hold: no module imports one of a layer above its own (imports inside
functions included), and no module imports another module's private name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "streekbeleid"

#: The layers, top (1) to bottom (6), by the first part of a module's name below ``streekbeleid``.
LAYERS = {
    "cli": 1,
    **dict.fromkeys(
        ["report", "io", "workflows", "scaffold", "testing", "recipes", "describe", "citing", "local_servers"], 2
    ),
    **dict.fromkeys(["checks", "queries"], 3),
    "assembly": 4,
    "plugins": 5,
    **dict.fromkeys(["model", "serialization", "errors", "i18n", "_lazy", "_version", "_gc"], 6),
}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if "template" in parts:
            continue
        found.append((".".join(p for p in parts if p != "__init__"), path))
    return found


def _imports(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(absolute module below streekbeleid, imported names, line) for every import of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith("streekbeleid"):
                target = node.module.removeprefix("streekbeleid").lstrip(".")
            else:
                continue
            out.append((target, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("streekbeleid."):
                    out.append((alias.name.removeprefix("streekbeleid."), [], node.lineno))
    return out


def _layer(module: str) -> int | None:
    return LAYERS.get(module.split(".")[0]) if module else None


MODULES = _modules()


def test_every_module_has_a_layer() -> None:
    assert [name for name, _path in MODULES if name and _layer(name) is None] == []


@pytest.mark.parametrize(("name", "path"), [(n, p) for n, p in MODULES if n], ids=[n for n, _p in MODULES if n])
def test_imports_point_down_only(name: str, path: Path) -> None:
    own = _layer(name)
    assert own is not None
    upward = [
        f"line {line}: {target} (layer {_layer(target)})"
        for target, _names, line in _imports(name, path)
        if (_layer(target) or 99) < own
    ]
    assert upward == [], f"{name} (layer {own}) imports from above"


@pytest.mark.parametrize(("name", "path"), MODULES, ids=[n or "streekbeleid" for n, _p in MODULES])
def test_no_module_imports_a_private_name_of_another(name: str, path: Path) -> None:
    """``_name`` stays in its module; a private module is used only by its own package."""
    own_package = name.rsplit(".", 1)[0] if "." in name else ""
    found = []
    for target, names, line in _imports(name, path):
        private_names = [n for n in names if n.startswith("_") and n not in ("__version__", "_")]  # _: gettext
        if private_names:
            found.append(f"line {line}: {target} {private_names}")
        last = target.rsplit(".", 1)[-1]
        target_package = target.rsplit(".", 1)[0] if "." in target else ""
        inside = target_package == own_package or (path.name == "__init__.py" and target_package == name)
        if last.startswith("_") and last not in ("_lazy", "_version", "_gc") and not inside:
            found.append(f"line {line}: private module {target}")
    assert found == []
