"""Pausing the cyclic garbage collector while many containers and no cycles are made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector: building a model, reading and writing files and walking large graphs make many
    containers and no cycles, and the collector would only scan them again and again (a cost that grows with
    everything already held: docs/performance.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
