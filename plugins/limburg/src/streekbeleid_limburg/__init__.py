"""Limburg for streekbeleid: ERSV, RESOC and SERR Limburg, the streekpacten, SALK and LIRES.

Sources: the seed documents 000, 001 and 002 and the public sources named in the project's domain brief.

The package is data: every YAML and JSON file in its ``data/`` folder is
handed to the core through :func:`streekbeleid_data_files`, so a new file
(for example ``workflows.yaml``) is picked up without code changes.

:data:`HISTORY` is the recorded history of Limburg's procedures (the streekpact
2014-2019 from its approval to its submission, the LIRES application, the lever
projects): replay it with ``streekbeleid workflow import`` or
:func:`streekbeleid.workflows.record_history`.

>>> import streekbeleid
>>> model = streekbeleid.load(plugins=["limburg"], strict=True)
>>> model.get("limburg:resoc").name
'RESOC Limburg'
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from streekbeleid import hookimpl
from streekbeleid.plugins import package_data_files

__all__ = ["HISTORY", "streekbeleid_data_files"]

#: The recorded history of Limburg's procedures, from the seeds (a history file for ``workflow import``).
HISTORY: Path = Path(__file__).parent / "history" / "limburg.yaml"


@hookimpl
def streekbeleid_data_files() -> list[Traversable]:
    """Every YAML and JSON file in the package's ``data/`` folder, sorted by name."""
    return package_data_files(__name__)
