"""Assembly: collect what the plugins contribute, check it fits together, build the model.

Contributions are gathered per plugin, so every problem names the plugin (and
its distribution and version): ids outside the plugin's namespace, ids defined
twice, references to ids nobody defines.  Results are sorted by id, so the
model never depends on the order plugins are called in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from .errors import AssemblyError, DataError, DataProblem, PluginError
from .model.model import Model
from .model.records import (
    RECORD_KINDS,
    Actor,
    Body,
    Check,
    Plan,
    Region,
    Territory,
    Theme,
    contained_of,
    namespace_of,
    reference_plan,
)
from .model.workflow import DecisionRule, Guard, WorkflowDefinition
from .plugins.manager import CORE_NAMESPACES, CORE_PLUGIN, PluginSet, make_plugin_manager
from .serialization import load_data_file_located

__all__ = ["load", "assemble", "references", "defined_ids"]

_RECORD_TYPES = tuple(RECORD_KINDS.values())
_HOOK_TYPES: dict[str, tuple[type, ...]] = {
    "streekbeleid_territories": (Territory,),
    "streekbeleid_regions": (Region,),
    "streekbeleid_actors": (Actor,),
    "streekbeleid_bodies": (Body,),
    "streekbeleid_themes": (Theme,),
    "streekbeleid_plans": (Plan,),
    "streekbeleid_records": _RECORD_TYPES,
    "streekbeleid_checks": (Check,),
    "streekbeleid_workflows": (WorkflowDefinition, Guard, DecisionRule),
}


def load(plugins: Sequence[str] | None = None, *, strict: bool | None = None) -> Model:
    """Load the model: the core catalogue plus all installed region plugins, or the named ones.

    :param plugins: region slugs to load (``["limburg"]``); ``None`` for all installed,
        ``[]`` for the core catalogue alone.
    :param strict: raise on a broken plugin instead of leaving it out with a warning
        (default: the ``STREEKBELEID_STRICT`` environment variable).

    >>> import streekbeleid
    >>> core = streekbeleid.load(plugins=[])
    >>> len([t for t in core.as_of("2014-06-01").records(streekbeleid.Territory)
    ...      if t.level == "municipality"])
    308
    """
    return assemble(make_plugin_manager(plugins, strict=strict))


@attrs.define
class _Contribution:
    records: list[Any] = attrs.Factory(list)
    workflows: list[Any] = attrs.Factory(list)
    checks: list[Check] = attrs.Factory(list)
    #: where each record of a data file stands: id -> "file:line"
    locations: dict[str, str] = attrs.Factory(dict)


def _display(plugin: str, file: Traversable | Path) -> str:
    return f"{plugin}/{file.name}"


def _collect(ps: PluginSet, name: str) -> _Contribution:
    """Everything one plugin contributes. Raises DataError or PluginError naming the hook."""
    plugin = ps.pm.get_plugin(name)
    others = [p for n, p in ps.pm.list_name_plugin() if n != name]
    out = _Contribution()
    problems: list[DataProblem] = []
    for hookname in ("streekbeleid_data_files", *_HOOK_TYPES):
        if hookname not in {c.name for c in ps.pm.get_hookcallers(plugin) or []}:
            continue
        caller = ps.pm.subset_hook_caller(hookname, remove_plugins=others)
        for items in _hook_results(caller, name, hookname):
            if hookname == "streekbeleid_data_files":
                for file in items:
                    _read_data_file(out, problems, name, file)
                continue
            wrong = [i for i in items if not isinstance(i, _HOOK_TYPES[hookname])]
            if wrong:
                allowed = ", ".join(t.__name__ for t in _HOOK_TYPES[hookname])
                raise PluginError(
                    f"returned {type(wrong[0]).__name__} {wrong[0]!r:.80}; expected {allowed}",
                    plugin=name,
                    hook=hookname,
                )
            if hookname == "streekbeleid_workflows":
                out.workflows.extend(items)
            else:
                (out.checks if hookname == "streekbeleid_checks" else out.records).extend(items)
    if problems:
        raise DataError(problems)
    return out


def _hook_results(caller: Any, name: str, hookname: str) -> Iterator[list[Any]]:
    """Each result of one plugin's hook as a list; anything else is a PluginError naming plugin and hook.

    A hook may raise, return None (nothing), return a generator that raises half-way, or return
    something that is not a collection at all (a string is a collection of characters: refused too).
    """
    try:
        results = caller()
    except Exception as exc:  # a broken plugin must not brick the tool
        raise PluginError(f"{type(exc).__name__}: {exc}", plugin=name, hook=hookname) from exc
    for result in results:
        if result is None:
            continue
        if isinstance(result, (str, bytes, Mapping)) or not isinstance(result, Iterable):
            raise PluginError(
                f"returned {type(result).__name__} {result!r:.80}, not a list", plugin=name, hook=hookname
            )
        try:
            yield list(result)
        except Exception as exc:  # a generator that raises half-way
            raise PluginError(f"{type(exc).__name__}: {exc}", plugin=name, hook=hookname) from exc


def _read_data_file(out: _Contribution, problems: list[DataProblem], name: str, file: Any) -> None:
    """Read one file a plugin's ``streekbeleid_data_files`` named into its contribution."""
    if not isinstance(file, (Path, Traversable)):
        raise PluginError(
            f"returned {type(file).__name__} {file!r:.80}; expected a pathlib.Path or an importlib.resources "
            "file (files(__package__) / 'data' / 'x.yaml'), not a string",
            plugin=name,
            hook="streekbeleid_data_files",
        )
    display = _display(name, file)
    try:
        ds, lines = load_data_file_located(file, display)  # type: ignore[arg-type]  # Traversable.name is read-only
    except DataError as exc:
        problems.extend(exc.problems)
        return
    except Exception as exc:  # noqa: BLE001 - a file that cannot be read, however it fails
        problems.append(DataProblem(display, None, "", f"cannot read the file: {type(exc).__name__}: {exc}"))
        return
    for kind in RECORD_KINDS:
        for i, record in enumerate(getattr(ds, kind)):
            line = lines.get(f"$.{kind}[{i}]")
            out.locations.setdefault(record.id, f"{display}:{line}" if line else display)
    out.records.extend(ds.records())
    out.workflows.extend(getattr(ds, "workflows", ()))


def references(record: Any) -> Iterator[tuple[str, str]]:
    """The ids a record refers to, as (field path, id) pairs; definitions (``id``) excluded."""
    yield from _refs(record, "")


def _refs(obj: Any, prefix: str) -> Iterator[tuple[str, str]]:
    for name, reference in reference_plan(type(obj)):
        value = getattr(obj, name)
        if reference is None:  # nested records that hold references
            if isinstance(value, tuple):
                for i, v in enumerate(value):
                    yield from _refs(v, f"{prefix}{name}[{i}].")
            elif value is not None:
                yield from _refs(value, f"{prefix}{name}.")
        elif reference.many:
            for i, v in enumerate(value):
                yield f"{prefix}{name}[{i}]", v
        elif value is not None:
            yield f"{prefix}{name}", value


def defined_ids(record: Any) -> Iterator[str]:
    """The ids a record defines: its own and those of the records it holds (a plan's items), depth first."""
    rid = getattr(record, "id", None)
    if rid is not None:
        yield rid
    for name, _held in contained_of(type(record)):
        for child in getattr(record, name):
            yield from defined_ids(child)


def _owns(plugin: str, record_id: str) -> bool:
    ns = namespace_of(record_id)
    return ns in CORE_NAMESPACES if plugin == CORE_PLUGIN else ns == plugin


def _at(contribution: _Contribution, record_id: str) -> str:
    """``file:line: `` of a record read from a data file, or nothing."""
    where = contribution.locations.get(record_id)
    return f"{where}: " if where else ""


def _problems(ps: PluginSet, contribs: dict[str, _Contribution]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for name in sorted(contribs):
        for record in contribs[name].records:
            for rid in defined_ids(record):
                if not _owns(name, rid):
                    space = "nis:, org:, theme:, refreg:, core:" if name == CORE_PLUGIN else f"{name}:"
                    found.setdefault(name, []).append(
                        _at(contribs[name], rid) + f"defines {rid!r} outside its namespace ({space}); "
                        "refer to other namespaces, do not define in them"
                    )
                prev = owner.get(rid)
                if prev is None:
                    owner[rid] = name
                elif prev == name:
                    found.setdefault(name, []).append(f"id {rid!r} is defined twice by {ps.describe(name)}")
                else:
                    # the plugin that owns the namespace is named first; only a trespasser is to blame
                    first, second = (name, prev) if _owns(name, rid) else (prev, name)
                    msg = f"id {rid!r} is defined by {ps.describe(first)} and by {ps.describe(second)}"
                    culprits = [p for p in (first, second) if not _owns(p, rid)] or [first, second]
                    for culprit in culprits:
                        found.setdefault(culprit, []).append(msg)
                    owner[rid] = first
        seen_checks: set[str] = set()
        for check in contribs[name].checks:
            if check.name in seen_checks:
                found.setdefault(name, []).append(f"{ps.describe(name)} defines check {check.name!r} twice")
            seen_checks.add(check.name)
    for name in sorted(contribs):
        for record in contribs[name].records:
            for path, ref in references(record):
                if ref not in owner:
                    rid = getattr(record, "id", type(record).__name__)
                    found.setdefault(name, []).append(
                        _at(contribs[name], rid) + f"{type(record).__name__} {rid!r} field {path} "
                        f"refers to unknown id {ref!r}"
                    )
    return found


def assemble(ps: PluginSet) -> Model:
    """Build the model from a plugin set; see :func:`load`."""
    contribs: dict[str, _Contribution] = {}
    data_problems: list[DataProblem] = []
    for name in ps.active():
        try:
            contribs[name] = _collect(ps, name)
        except DataError as exc:
            if ps.strict or name == CORE_PLUGIN:
                data_problems.extend(exc.problems)
            else:
                ps.fail(name, f"bad data:\n{exc}", hook="streekbeleid_data_files")
        except PluginError as exc:
            if name == CORE_PLUGIN:
                raise
            ps.fail(name, str(exc), hook=exc.hook)
    if data_problems:
        raise DataError(data_problems)
    while True:
        found = _problems(ps, contribs)
        if not found:
            break
        if ps.strict or CORE_PLUGIN in found:
            raise AssemblyError(f"{ps.describe(name)}: {msg}" for name in sorted(found) for msg in found[name])
        for name in sorted(found):
            ps.fail(name, "; ".join(found[name]))
            del contribs[name]
    records: list[Any] = []
    workflows: list[Any] = []
    checks: list[Check] = []
    origins: dict[str, str] = {}
    for name in sorted(contribs):
        c = contribs[name]
        records.extend(c.records)
        workflows.extend(c.workflows)
        checks.extend(c.checks)
        for record in c.records:
            for rid in defined_ids(record):
                origins[rid] = name
    records.sort(key=lambda r: r.id)
    workflows.sort(key=lambda w: getattr(w, "id", ""))
    checks.sort(key=lambda c: c.name)
    return Model.from_records(
        records,
        plugins=[ps.infos[n] for n in sorted(ps.infos, key=lambda n: (n != CORE_PLUGIN, n))],
        checks=checks,
        workflows=workflows,
        origins=origins,
    )
