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
(every format)            ``write`` (a format by name), ``FORMATS``, ``VIEWS`` (the diagram views)
(every exporter)          ``model_records`` (the records of a model or slice, in dataset order),
                          ``KIND_OF`` (each record class's key in a dataset: ``Actor`` -> ``"actors"``),
                          ``DEFAULT_BASE`` (the IRI base of the linked-data and Popolo exports),
                          ``write_atomic`` (a file written whole or not at all)
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

from .._lazy import attach

TYPE_CHECKING = False
if TYPE_CHECKING:  # the names for the type checker (``X as X``: re-exported)
    from ._common import DEFAULT_BASE as DEFAULT_BASE
    from ._common import KIND_OF as KIND_OF
    from ._common import model_records as model_records
    from ._common import write_atomic as write_atomic
    from ._formats import FORMATS as FORMATS
    from ._formats import VIEWS as VIEWS
    from ._formats import write as write
    from .csv import to_tables as to_tables
    from .csv import write_csv as write_csv
    from .diagrams import generate_dot as generate_dot
    from .diagrams import generate_mermaid as generate_mermaid
    from .diagrams import write_dot as write_dot
    from .diagrams import write_mermaid as write_mermaid
    from .graphml import generate_graphml as generate_graphml
    from .graphml import to_graphml_graph as to_graphml_graph
    from .graphml import write_graphml as write_graphml
    from .linked_data import to_rdf as to_rdf
    from .linked_data import write_jsonld as write_jsonld
    from .linked_data import write_turtle as write_turtle
    from .native import from_data as from_data
    from .native import generate_json as generate_json
    from .native import parse_json as parse_json
    from .native import read_json as read_json
    from .native import to_data as to_data
    from .native import write_json as write_json
    from .popolo import to_popolo as to_popolo
    from .popolo import write_popolo as write_popolo

_LAZY = {
    **dict.fromkeys(["from_data", "generate_json", "parse_json", "read_json", "to_data", "write_json"], "native"),
    **dict.fromkeys(["to_popolo", "write_popolo"], "popolo"),
    **dict.fromkeys(["to_rdf", "write_jsonld", "write_turtle"], "linked_data"),
    **dict.fromkeys(["generate_graphml", "to_graphml_graph", "write_graphml"], "graphml"),
    **dict.fromkeys(["generate_dot", "generate_mermaid", "write_dot", "write_mermaid"], "diagrams"),
    **dict.fromkeys(["to_tables", "write_csv"], "csv"),
    **dict.fromkeys(["FORMATS", "VIEWS", "write"], "_formats"),
    **dict.fromkeys(["DEFAULT_BASE", "KIND_OF", "model_records", "write_atomic"], "_common"),
}

#: Every public name once: the lazy table.
__all__ = list(_LAZY)

__getattr__, __dir__ = attach(__name__, _LAZY)
