"""Exchange formats: get the model out, and native JSON back in.

One module per format, with networkx-style names:

========================  ==================================================================
module                    functions
========================  ==================================================================
:mod:`.native`            ``write_json``, ``read_json``, ``parse_json``, ``to_data``, ``from_data``
:mod:`.popolo`            ``write_popolo``, ``to_popolo``
:mod:`.linked_data`       ``write_turtle``, ``write_jsonld``, ``to_rdf``
:mod:`.graphml`           ``write_graphml``, ``generate_graphml``, ``to_graphml_graph``
:mod:`.diagrams`          ``generate_mermaid``, ``generate_dot``, ``write_mermaid``, ``write_dot``
:mod:`.csv`               ``write_csv``, ``to_tables``
========================  ==================================================================

Every function is also importable from this package (``streekbeleid.io.write_json``);
the format modules are imported on first use, so rdflib is only loaded by linked data.

>>> import streekbeleid, streekbeleid.io
>>> core = streekbeleid.load(plugins=[])
>>> text = streekbeleid.io.generate_json(core)
>>> streekbeleid.io.parse_json(text).get("nis:71022").name
'Hasselt'
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "FORMATS",
    "from_data",
    "generate_dot",
    "generate_graphml",
    "generate_json",
    "generate_mermaid",
    "parse_json",
    "read_json",
    "to_data",
    "to_graphml_graph",
    "to_popolo",
    "to_rdf",
    "to_tables",
    "write",
    "write_csv",
    "write_dot",
    "write_graphml",
    "write_json",
    "write_jsonld",
    "write_mermaid",
    "write_popolo",
    "write_turtle",
]

_LAZY = {
    **dict.fromkeys(["from_data", "generate_json", "parse_json", "read_json", "to_data", "write_json"], "native"),
    **dict.fromkeys(["to_popolo", "write_popolo"], "popolo"),
    **dict.fromkeys(["to_rdf", "write_jsonld", "write_turtle"], "linked_data"),
    **dict.fromkeys(["generate_graphml", "to_graphml_graph", "write_graphml"], "graphml"),
    **dict.fromkeys(["generate_dot", "generate_mermaid", "write_dot", "write_mermaid"], "diagrams"),
    **dict.fromkeys(["to_tables", "write_csv"], "csv"),
    **dict.fromkeys(["FORMATS", "write"], "_formats"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'streekbeleid.io' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
