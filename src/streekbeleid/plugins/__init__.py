"""The plugin layer: hook specifications, the plugin manager factory and the core catalogue."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

import pluggy

from ..errors import StreekbeleidError

#: Mark a function as an implementation of a ``streekbeleid_*`` hook.
hookimpl = pluggy.HookimplMarker("streekbeleid")

#: The kinds of file a ``data/`` folder may hold records in.
DATA_SUFFIXES = (".yaml", ".yml", ".json")

__all__ = ["DATA_SUFFIXES", "hookimpl", "package_data_files"]


def package_data_files(package: str, folder: str = "data") -> list[Traversable]:
    """Every YAML and JSON file in a package's data folder, sorted by name.

    What most region packages return from ``streekbeleid_data_files``; works inside
    an installed wheel (through :mod:`importlib.resources`)::

        @hookimpl
        def streekbeleid_data_files():
            return package_data_files(__name__)

    A subfolder of the data folder is refused rather than left out unseen (names of data files must be unique
    for errors and the report to name them; the package data of the scaffold's ``pyproject.toml`` ships only
    the files directly in ``data/``): move its files up, or return them from the hook yourself.
    """
    root = files(package) / folder
    found: list[Traversable] = []
    for entry in root.iterdir():
        if entry.name.startswith((".", "__pycache__")):
            continue
        if entry.is_dir():
            raise StreekbeleidError(
                f"{package}/{folder}/{entry.name}/ is a folder: only the files directly in {folder}/ are loaded; "
                f"move its files into {folder}/ (e.g. {folder}/{entry.name}-memberships.yaml)"
            )
        if entry.name.endswith(DATA_SUFFIXES):
            found.append(entry)
    return sorted(found, key=lambda f: f.name)
