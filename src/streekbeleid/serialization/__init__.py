"""The one cattrs converter of the project, data-file loading with locations, and the JSON Schema.

Data files are YAML (loaded with a safe loader only) or JSON.  Every problem in
a file is reported together, each as ``file:line: $.path: message``.

- :mod:`.structuring`: the converter and :class:`Dataset`, the shape of a data file;
- :mod:`.reading`: YAML and JSON text to plain data with the line of every path, and
  plain data to records with every problem named;
- :mod:`.cache`: data files that loaded cleanly, kept between runs;
- :mod:`.schema`: the JSON Schema generated from the records.
"""

from __future__ import annotations

from .cache import load_data_file, load_data_file_located
from .reading import line_for, parse_data, parse_text, read_data_file
from .schema import dataset_json_schema
from .structuring import FORMAT, Dataset, converter, structure, unstructure

__all__ = [
    "FORMAT",
    "Dataset",
    "converter",
    "structure",
    "unstructure",
    "load_data_file",
    "load_data_file_located",
    "line_for",
    "parse_data",
    "parse_text",
    "read_data_file",
    "dataset_json_schema",
]
