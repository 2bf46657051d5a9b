"""A pytest plugin for region packages: fixtures and a contract check.

Installed with ``streekbeleid`` and registered in the ``pytest11`` entry-point
group, so a region package's tests can use it without any import or
``conftest.py`` boilerplate:

- :func:`assert_region_valid` loads the core and one region package strictly and runs every check; it fails
  with every problem listed, each naming file, line and field, or record and rule.
- fixture ``streekbeleid_region``: the slug of the region under test. Override it in the package's
  ``tests/conftest.py`` (``streekbeleid new-region`` writes that for you).
- fixture ``streekbeleid_plugin_manager``: a fresh plugin manager (a :class:`~streekbeleid.plugins.manager.PluginSet`)
  with the core and that region only, strict; every test gets its own.
- fixture ``streekbeleid_model``: the model of the core plus that region.
- fixture ``streekbeleid_core``: the model of the core catalogue alone.
- fixture ``streekbeleid_make_model``: a factory ``make(plugins=[...], extra=[(name, plugin)])`` for models
  with any set of plugins, including plugin objects that are not installed.
- :func:`build_model` and fixture ``streekbeleid_build``: a small hand-made model from records, on top of the
  core catalogue's territories, regions, actors and themes (``catalogue=False`` leaves them out), e.g. to show
  that a check of your package fires.

Example (a region package's ``tests/test_region.py``)::

    from streekbeleid.testing import assert_region_valid

    def test_region_loads_and_checks_clean():
        assert_region_valid("kempen")

    def test_resoc_has_a_chair(streekbeleid_model):
        assert any(m.membership.role == "chair" for m in streekbeleid_model.members("kempen:resoc"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

if TYPE_CHECKING:
    from .model.model import Model
    from .model.records import Problem, Source
    from .plugins.manager import PluginSet

__all__ = ["assert_region_valid", "build_model", "load_region", "own_records", "region_problems", "sources_in"]

T = TypeVar("T")


def own_records(model: Model, slug: str) -> list[Any]:
    """The records a plugin contributed (by id, sorted), e.g. to check that each cites a source."""
    return [model.get(rid) for rid, origin in sorted(model.origins.items()) if origin == slug]


def sources_in(obj: Any) -> list[Source]:
    """Every :class:`~streekbeleid.Source` anywhere inside a record: its own, its seat groups', its plan items' ..."""
    import attrs

    from .model.records import Source

    if isinstance(obj, Source):
        return [obj]
    if isinstance(obj, tuple):
        return [s for x in obj for s in sources_in(x)]
    if attrs.has(type(obj)):
        return [s for f in attrs.fields(type(obj)) for s in sources_in(getattr(obj, f.name))]
    return []


def load_region(slug: str, *, extra: Iterable[tuple[str, object]] = ()) -> Model:
    """The model of the core catalogue and the region package ``slug``, loaded strictly.

    Raises the library's own errors (:class:`~streekbeleid.DataError`, :class:`~streekbeleid.AssemblyError`,
    :class:`~streekbeleid.PluginError`) for the first plugin that does not load.
    """
    from .assembly import assemble
    from .plugins.manager import make_plugin_manager

    extra = list(extra)
    registered = {name for name, _plugin in extra}
    return assemble(make_plugin_manager([] if slug in registered else [slug], strict=True, extra=extra))


_CATALOGUE: list[Any] = []


def build_model(
    *records: Any, catalogue: bool = True, workflows: Iterable[Any] = (), checks: Iterable[Any] = ()
) -> Model:
    """A hand-made model of ``records``, on top of the core catalogue unless ``catalogue`` is false.

    The catalogue's territories, regions, actors and themes come first, so the records may refer to
    municipalities (``nis:71022``), reference regions, Flanders-wide actors (``org:voka``) and themes.
    ``workflows`` (definitions, guards, decision rules) and ``checks`` are passed on to
    :meth:`Model.from_records <streekbeleid.Model.from_records>`.

    >>> from streekbeleid import Body
    >>> model = build_model(Body(id="x:resoc", name="RESOC X", kind="resoc", region="refreg:REFREG15"))
    >>> model.get("x:resoc").name, model.get("nis:71022").name
    ('RESOC X', 'Hasselt')
    """
    from .model.model import Model
    from .model.records import Actor, Region, Territory, Theme

    if catalogue and not _CATALOGUE:
        from .assembly import load

        core = load(plugins=[], strict=True)
        _CATALOGUE.extend(r for kind in (Territory, Region, Actor, Theme) for r in core.records(kind))
    return Model.from_records(
        [*(_CATALOGUE if catalogue else []), *records], workflows=list(workflows), checks=list(checks)
    )


def region_problems(model: Model) -> list[Problem]:
    """Every problem the checks find in ``model``: the library's checks and those of the plugins."""
    from .report import run_checks

    return run_checks(model)


def _loaded_or_fail(slug: str, build: Callable[[], T]) -> T:
    """``build()``, or a test failure that lists every problem (file, line, field) and no traceback."""
    from .errors import StreekbeleidError

    try:
        return build()
    except StreekbeleidError as exc:
        problems = getattr(exc, "problems", None) or [exc]
        lines = "\n".join(f"  {p}" for p in problems)
        message = f"region {slug!r} does not load ({type(exc).__name__}):\n{lines}"
    pytest.fail(message, pytrace=False)  # outside the except: no "during handling" chain in the report


def assert_region_valid(
    slug: str, *, fail_on: Sequence[str] = ("error",), extra: Iterable[tuple[str, object]] = ()
) -> Model:
    """Load the core and the region ``slug`` strictly, run every check, and fail listing every problem.

    :param slug: the region package's name in the ``streekbeleid`` entry-point group.
    :param fail_on: the severities that fail the test (``"error"``, ``"warning"``, ``"info"``); when the test
        fails, the message lists the problems of every severity.
    :param extra: ``(name, plugin)`` pairs to register as well, e.g. a plugin object under test that is not
        installed (then ``slug`` names it).
    :returns: the model, for further assertions.
    """
    extra = list(extra)
    model = _loaded_or_fail(slug, lambda: load_region(slug, extra=extra))
    problems = region_problems(model)
    if any(p.severity in fail_on for p in problems):
        order = {"error": 0, "warning": 1, "info": 2}
        lines = "\n".join(
            f"  {p.severity}: {p.rule}: {p.message}" + (f" [{', '.join(p.ids)}]" if p.ids else "")
            for p in sorted(problems, key=lambda p: (order.get(p.severity, 3), p.rule, p.ids))
        )
        counts = ", ".join(f"{sum(p.severity == s for p in problems)} {s}s" for s in ("error", "warning", "info"))
        pytest.fail(f"region {slug!r} has problems ({counts}):\n{lines}", pytrace=False)
    return model


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def streekbeleid_region() -> str:
    """The slug of the region under test. Override this fixture in your package's ``tests/conftest.py``."""
    pytest.fail(
        "override the fixture 'streekbeleid_region' in your tests/conftest.py, e.g.\n"
        "    @pytest.fixture\n"
        "    def streekbeleid_region():\n"
        '        return "kempen"',
        pytrace=False,
    )


@pytest.fixture
def streekbeleid_plugin_manager(streekbeleid_region: str) -> PluginSet:
    """A fresh plugin manager with the core catalogue and the region under test, strict."""
    from .plugins.manager import make_plugin_manager

    return _loaded_or_fail(streekbeleid_region, lambda: make_plugin_manager([streekbeleid_region], strict=True))


@pytest.fixture
def streekbeleid_model(streekbeleid_region: str, streekbeleid_plugin_manager: PluginSet) -> Model:
    """The model of the core catalogue and the region under test; fails listing every problem if it does not load."""
    from .assembly import assemble

    return _loaded_or_fail(streekbeleid_region, lambda: assemble(streekbeleid_plugin_manager))


@pytest.fixture
def streekbeleid_core() -> Model:
    """A model with only the core catalogue."""
    from .assembly import load

    return load(plugins=[], strict=True)


@pytest.fixture
def streekbeleid_build() -> Callable[..., Model]:
    """:func:`build_model` as a fixture: ``streekbeleid_build(*records, catalogue=True)``."""
    return build_model


@pytest.fixture
def streekbeleid_make_model() -> Callable[..., Model]:
    """A factory of models: ``make(plugins=["limburg"], extra=[("kempen", module)], strict=True)``.

    Each call builds a fresh plugin manager, so tests never share state.
    """
    from .assembly import assemble
    from .plugins.manager import make_plugin_manager

    def make(
        plugins: Sequence[str] | None = (), *, extra: Iterable[tuple[str, Any]] = (), strict: bool = True
    ) -> Model:
        return assemble(make_plugin_manager(plugins, strict=strict, extra=extra))

    return make
