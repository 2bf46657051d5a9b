"""The plugin manager factory: a fresh manager per call, never one at import time."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint, entry_points

import attrs
import pluggy

from ..errors import PluginError
from ..model.model import PluginInfo
from . import hookspecs

__all__ = [
    "ENTRY_POINT_GROUP",
    "CORE_PLUGIN",
    "CORE_NAMESPACES",
    "PluginSet",
    "make_plugin_manager",
    "installed_plugins",
    "strict_from_env",
]

#: The entry-point group region packages register in, under their region slug.
ENTRY_POINT_GROUP = "streekbeleid"
#: The name of the built-in plugin that supplies the core catalogue.
CORE_PLUGIN = "core"
#: Namespaces owned by the core catalogue.
CORE_NAMESPACES = frozenset({"nis", "org", "theme", "refreg", "core"})

DISABLE_AUTOLOAD_ENV = "STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD"
STRICT_ENV = "STREEKBELEID_STRICT"
TRACE_ENV = "STREEKBELEID_TRACE_PLUGINS"


def _truthy(value: str | None) -> bool:
    return bool(value) and value.strip().lower() not in ("0", "false", "no", "off", "")  # type: ignore[union-attr]


def strict_from_env() -> bool:
    """Whether ``STREEKBELEID_STRICT`` asks for strict loading."""
    return _truthy(os.environ.get(STRICT_ENV))


@attrs.define
class PluginSet:
    """A plugin manager with what is known of each plugin (distribution, version, status)."""

    pm: pluggy.PluginManager
    infos: dict[str, PluginInfo]
    strict: bool

    def fail(self, name: str, message: str, *, hook: str | None = None) -> None:
        """Mark a plugin as broken: raise in strict mode, else record, warn, and unregister it."""
        info = self.infos.get(name, PluginInfo(name=name))
        where = f"plugin {name!r}" + (f" ({info.distribution} {info.version})" if info.distribution else "")
        text = f"{where}{f', hook {hook}' if hook else ''}: {message}"
        if self.strict:
            raise PluginError(text, plugin=name, hook=hook)
        self.infos[name] = attrs.evolve(info, status="failed", error=text)
        plugin = self.pm.get_plugin(name)
        if plugin is not None:
            self.pm.unregister(plugin)
        import warnings

        warnings.warn(text, PluginWarning, stacklevel=3)

    def active(self) -> list[str]:
        """Names of the plugins that loaded, sorted (the core first)."""
        names = [n for n, i in self.infos.items() if i.status == "ok"]
        return sorted(names, key=lambda n: (n != CORE_PLUGIN, n))

    def describe(self, name: str) -> str:
        info = self.infos[name]
        return f"plugin {name!r}" + (f" ({info.distribution} {info.version})" if info.distribution else "")


class PluginWarning(UserWarning):
    """A plugin was left out because it is broken (lenient mode)."""


def installed_plugins() -> list[EntryPoint]:
    """The entry points in the ``streekbeleid`` group, sorted by name."""
    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (ep.name, ep.value))


def _hooks_of(pm: pluggy.PluginManager, plugin: object) -> tuple[str, ...]:
    callers = pm.get_hookcallers(plugin) or []
    return tuple(sorted(c.name for c in callers))


def make_plugin_manager(
    plugins: Sequence[str] | None = None,
    *,
    strict: bool | None = None,
    extra: Iterable[tuple[str, object]] = (),
) -> PluginSet:
    """Build a plugin manager with the core catalogue and the installed region plugins.

    :param plugins: the names of the region plugins to load; ``None`` loads every
        installed one (unless ``STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD`` is set).
        The core catalogue is always there.
    :param strict: turn a broken plugin into a :class:`~streekbeleid.errors.PluginError`
        instead of a warning; defaults to ``STREEKBELEID_STRICT``.
    :param extra: ``(name, plugin)`` pairs to register as well (tests, embedding tools).
    """
    from . import catalogue

    strict = strict_from_env() if strict is None else strict
    pm = pluggy.PluginManager("streekbeleid")
    pm.add_hookspecs(hookspecs)
    if _truthy(os.environ.get(TRACE_ENV)):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    from importlib.metadata import version

    pm.register(catalogue, name=CORE_PLUGIN)
    infos: dict[str, PluginInfo] = {
        CORE_PLUGIN: PluginInfo(
            name=CORE_PLUGIN,
            distribution="streekbeleid",
            version=version("streekbeleid"),
            hooks=_hooks_of(pm, catalogue),
        )
    }
    ps = PluginSet(pm, infos, strict)

    wanted = None if plugins is None else list(dict.fromkeys(plugins))
    autoload = not _truthy(os.environ.get(DISABLE_AUTOLOAD_ENV))
    eps = installed_plugins() if (autoload or wanted) else []
    by_name: dict[str, list[EntryPoint]] = {}
    for ep in eps:
        by_name.setdefault(ep.name, []).append(ep)
    if wanted is not None:
        missing = [n for n in wanted if n not in by_name and n != CORE_PLUGIN]
        if missing:
            known = ", ".join(sorted(by_name)) or "none"
            raise PluginError(
                f"no installed plugin named {', '.join(map(repr, missing))} (installed: {known})",
                plugin=missing[0],
            )
    for name, candidates in sorted(by_name.items()):
        if wanted is not None and name not in wanted:
            continue
        if name == CORE_PLUGIN:
            _refuse_core_claims(ps, candidates)
            continue
        if len(candidates) > 1:
            dists = ", ".join(f"{_dist(ep)[0]} {_dist(ep)[1]}" for ep in candidates)
            ps.infos[name] = PluginInfo(
                name=name, distribution=_dist(candidates[0])[0], version=_dist(candidates[0])[1]
            )
            ps.fail(name, f"the plugin name is claimed by more than one distribution or by the core: {dists}")
            continue
        ep = candidates[0]
        dist, ver = _dist(ep)
        ps.infos[name] = PluginInfo(name=name, distribution=dist, version=ver)
        try:
            obj = ep.load()
            pm.register(obj, name=name)
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not brick the tool
            ps.fail(name, f"cannot be loaded: {type(exc).__name__}: {exc}")
            continue
        ps.infos[name] = attrs.evolve(ps.infos[name], hooks=_hooks_of(pm, obj))
    for name, plugin in extra:
        pm.register(plugin, name=name)
        ps.infos[name] = PluginInfo(name=name, hooks=_hooks_of(pm, plugin))
    _check_pending(ps)
    return ps


def _refuse_core_claims(ps: PluginSet, candidates: Sequence[EntryPoint]) -> None:
    """An entry point named ``core`` is left out; the core catalogue stays registered and loaded."""
    for ep in candidates:
        dist, ver = _dist(ep)
        key = f"{CORE_PLUGIN}@{dist or ep.value}"
        ps.infos[key] = PluginInfo(name=key, distribution=dist, version=ver)
        ps.fail(
            key,
            f"the entry point {ep.name!r} = {ep.value!r} takes the name of the core catalogue; "
            "name the entry point after the region's slug instead",
        )


def _dist(ep: EntryPoint) -> tuple[str | None, str | None]:
    d = ep.dist
    return (d.name, d.version) if d is not None else (None, None)


def _check_pending(ps: PluginSet) -> None:
    """``check_pending`` names a misspelled hook; attribute it to its plugin and fail that plugin."""
    while True:
        try:
            ps.pm.check_pending()
            return
        except pluggy.PluginValidationError as exc:
            name = ps.pm.get_name(exc.plugin) or "?"
            if name == CORE_PLUGIN:
                raise
            ps.fail(name, str(exc))
