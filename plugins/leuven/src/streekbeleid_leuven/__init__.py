"""Leuven for streekbeleid: Taskforce Spitsregio Leuven and Burgemeestersoverleg Oost-Brabant.

Next door, in the same package: Toekomstforum Halle-Vilvoorde.

Sources: seed document 004 and the public sources named in the project's domain brief.

The package is data: every YAML and JSON file in its ``data/`` folder is
handed to the core through :func:`streekbeleid_data_files`, so a new file
(for example ``workflows.yaml``) is picked up without code changes.

>>> import streekbeleid
>>> model = streekbeleid.load(plugins=["leuven"], strict=True)
>>> model.get("leuven:taskforce-spitsregio").cadence[0].min_meetings
6
"""

from __future__ import annotations

from importlib.resources.abc import Traversable

from streekbeleid import hookimpl
from streekbeleid.plugins import package_data_files

__all__ = ["streekbeleid_data_files"]


@hookimpl
def streekbeleid_data_files() -> list[Traversable]:
    """Every YAML and JSON file in the package's ``data/`` folder, sorted by name."""
    return package_data_files(__name__)
