"""Zuid-Oost-Vlaanderen for streekbeleid: RESOC Zuid-Oost-Vlaanderen and its Streekpact 2013-2018.

Sources: seed document 003 and the public sources named in the project's domain brief.

The package is data: every YAML and JSON file in its ``data/`` folder is
handed to the core through :func:`streekbeleid_data_files`, so a new file
(for example ``workflows.yaml``) is picked up without code changes.

>>> import streekbeleid
>>> model = streekbeleid.load(plugins=["zuid_oost_vlaanderen"], strict=True)
>>> model.get("zuid_oost_vlaanderen:streekpact-2013-2018").title
'Duurzaam en Innovatief Werken en Ondernemen in Zuid-Oost-Vlaanderen'
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable

from streekbeleid import hookimpl

__all__ = ["DATA_SUFFIXES", "streekbeleid_data_files"]

#: The kinds of file in ``data/`` that hold records (or, later, workflow definitions).
DATA_SUFFIXES = (".yaml", ".json")


@hookimpl
def streekbeleid_data_files() -> Iterable[Traversable]:
    """Every YAML and JSON file in the package's ``data/`` folder, sorted by name."""
    data = files(__name__) / "data"
    return sorted(
        (f for f in data.iterdir() if f.is_file() and f.name.endswith(DATA_SUFFIXES)),
        key=lambda f: f.name,
    )
