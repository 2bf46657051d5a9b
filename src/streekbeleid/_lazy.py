"""Public names imported on first use: one loader for the package root and :mod:`streekbeleid.io`.

A package lists its public names once, in a table ``{name: module}``; :func:`attach`
gives the module ``__getattr__`` and ``__dir__`` that import a name's module when the
name is first asked for, and the package's ``__all__`` is the table's keys.  So
``streekbeleid --version`` imports nothing of the library, and rdflib is only imported
by linked data.  (The pattern of SPEC 1 and ``lazy_loader.attach`` in the scientific
Python projects, in a few lines with no dependency.)

Kept free of ``typing`` and ``importlib`` at import time: both cost more than the
whole of ``streekbeleid --version``.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

__all__ = ["attach"]


def attach(package: str, table: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, whose public names come from ``table``.

    ``table`` maps each name to the module that defines it, relative to ``package``
    (``"model.records"``).  A name is kept in the package's namespace once imported,
    so ``__getattr__`` is asked only once per name.
    """

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(f".{module}", package), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(table))

    return __getattr__, __dir__
