"""The plugin layer: hook specifications, the plugin manager factory and the core catalogue."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

import pluggy

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
    """
    root = files(package) / folder
    return sorted((f for f in root.iterdir() if f.is_file() and f.name.endswith(DATA_SUFFIXES)), key=lambda f: f.name)
