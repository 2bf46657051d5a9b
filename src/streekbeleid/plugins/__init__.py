"""The plugin layer: hook specifications, the plugin manager factory and the core catalogue."""

import pluggy

#: Mark a function as an implementation of a ``streekbeleid_*`` hook.
hookimpl = pluggy.HookimplMarker("streekbeleid")

__all__ = ["hookimpl"]
