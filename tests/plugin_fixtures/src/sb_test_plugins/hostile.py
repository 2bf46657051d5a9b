"""Region packages that return what no hook should: each must be left out alone, naming plugin and hook."""

from pathlib import Path

from streekbeleid import Check, hookimpl


class StrPaths:
    """``streekbeleid_data_files`` returns strings, not files."""

    @staticmethod
    @hookimpl
    def streekbeleid_data_files():
        return ["data/region.yaml"]


class StrPath:
    """``streekbeleid_data_files`` returns one string (a collection of characters)."""

    @staticmethod
    @hookimpl
    def streekbeleid_data_files():
        return "data/region.yaml"


class NoneItem:
    """A list holding None instead of records."""

    @staticmethod
    @hookimpl
    def streekbeleid_bodies():
        return [None]


class NothingAtAll:
    """Returning None means: nothing to add. Not an error."""

    @staticmethod
    @hookimpl
    def streekbeleid_bodies():
        return None


class RaisingGenerator:
    """A generator that raises half-way."""

    @staticmethod
    @hookimpl
    def streekbeleid_actors():
        yield from ()
        raise RuntimeError("the generator broke half-way")


class NotProblems:
    """A check that yields numbers, not problems."""

    @staticmethod
    @hookimpl
    def streekbeleid_checks():
        return [Check(name="notproblems.numbers", function=lambda model: [1, 2, 3])]


class JunkWorkflows:
    """Workflow definitions that are neither definitions, guards nor decision rules."""

    @staticmethod
    @hookimpl
    def streekbeleid_workflows():
        return [{"id": "junkworkflows:procedure", "states": "all of them"}, "guard"]


class Unreadable:
    """A data file that is not there, and one that is not UTF-8."""

    @staticmethod
    @hookimpl
    def streekbeleid_data_files():
        return [Path(__file__).parent / "data" / "missing.yaml"]


class NotUtf8:
    @staticmethod
    @hookimpl
    def streekbeleid_data_files():
        return [Path(__file__).parent / "data" / "latin1.yaml"]


class CoreClaim:
    """An entry point named ``core``: it must not unregister the core catalogue."""

    @staticmethod
    @hookimpl
    def streekbeleid_themes():
        return []


strpaths = StrPaths()
strpath = StrPath()
noneitem = NoneItem()
nothing = NothingAtAll()
raisinggen = RaisingGenerator()
notproblems = NotProblems()
junkworkflows = JunkWorkflows()
unreadable = Unreadable()
notutf8 = NotUtf8()
core = CoreClaim()
