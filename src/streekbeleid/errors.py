"""One hierarchy of errors under :class:`StreekbeleidError`."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Sequence

import attrs

__all__ = [
    "StreekbeleidError",
    "DataProblem",
    "DataError",
    "UnknownIdError",
    "RecordKindError",
    "InvalidValueError",
    "PluginError",
    "AssemblyError",
    "WorkflowError",
    "PublishError",
    "FileSystemError",
]


class StreekbeleidError(Exception):
    """Base class of every error the library raises on purpose."""


@attrs.frozen
class DataProblem:
    """One problem in a data file: where (file, line, JSON path) and what."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(StreekbeleidError):
    """Bad data: carries every problem found, each naming file, line and field path."""

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, line: int | None, path: str, message: str) -> DataError:
        return cls([DataProblem(file, line, path, message)])


class UnknownIdError(StreekbeleidError, KeyError):
    """No record has this id.

    ``suggest`` (if given) is called when the message is first shown and returns ``(id, name)`` pairs of the
    nearest ids, for "did you mean ...?": a lookup that expects misses and catches the error pays nothing.

    >>> str(UnknownIdError("limburg:resocc", suggest=lambda: [("limburg:resoc", "RESOC Limburg")]))
    "unknown id 'limburg:resocc'; did you mean limburg:resoc (RESOC Limburg)?"
    """

    def __init__(
        self, record_id: str, hint: str = "", *, suggest: Callable[[], Sequence[tuple[str, str]]] | None = None
    ) -> None:
        self.id = record_id
        self.hint = hint
        self._suggest = suggest
        self._suggestions: list[tuple[str, str]] | None = None
        super().__init__(record_id)

    @property
    def suggestions(self) -> list[tuple[str, str]]:
        """The nearest ids and their names (computed once, on first use)."""
        if self._suggestions is None:
            self._suggestions = list(self._suggest()) if self._suggest is not None else []
        return self._suggestions

    def __str__(self) -> str:  # KeyError would quote the message
        from .i18n import _

        text = _("unknown id {id!r}").format(id=self.id)
        if self.hint:
            text += f" ({self.hint})"
        if self.suggestions:
            names = _(" or ").join(f"{rid} ({name})" if name != rid else rid for rid, name in self.suggestions)
            text += _("; did you mean {names}?").format(names=names)
        return text


class RecordKindError(StreekbeleidError, TypeError):
    """An id names a record of another kind than the question needs (a body where a region was asked).

    ``wanted`` is an English phrase marked with ``N_`` where it is written (``N_("a region")``); the message
    is made in the language in use when it is shown.

    >>> from streekbeleid.i18n import use_language
    >>> error = RecordKindError("limburg:resoc", "body", "a region")
    >>> with use_language("en"):
    ...     str(error)
    'limburg:resoc is a body, not a region'
    >>> with use_language("nl"):
    ...     str(error)
    'limburg:resoc is een orgaan, geen regio'
    """

    def __init__(self, record_id: str, kind: str, wanted: str) -> None:
        self.id = record_id
        self.kind = kind
        self.wanted = wanted
        super().__init__(record_id, kind, wanted)

    def __str__(self) -> str:
        from .i18n import _
        from .model.phrasing import kind_label

        words = kind_label(self.kind)
        kind = (_("an {kind}") if words[:1].lower() in "aeiou" else _("a {kind}")).format(kind=words)
        return _("{id} is {kind}, not {wanted}").format(id=self.id, kind=kind, wanted=_(self.wanted))


class InvalidValueError(StreekbeleidError, ValueError):
    """A value the library cannot read or does not offer: a day that is no date, an unknown format or view.

    A :class:`ValueError` too, so code that catches those keeps working.

    >>> import streekbeleid
    >>> streekbeleid.load(plugins=[]).as_of("30 juni")
    Traceback (most recent call last):
    ...
    streekbeleid.errors.InvalidValueError: expected a full day YYYY-MM-DD, got '30 juni'
    """


class PluginError(StreekbeleidError):
    """A plugin could not be loaded or returned bad data; names the plugin and the hook."""

    def __init__(self, message: str, *, plugin: str | None = None, hook: str | None = None) -> None:
        self.plugin = plugin
        self.hook = hook
        super().__init__(message)


class AssemblyError(StreekbeleidError):
    """The contributions do not fit together: clashes, dangling references, foreign namespaces."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class WorkflowError(StreekbeleidError):
    """A workflow refused a step: names the rule that failed and why."""

    def __init__(self, message: str, *, rule: str | None = None) -> None:
        self.rule = rule
        super().__init__(message)


class PublishError(StreekbeleidError):
    """Publishing to a SPARQL store failed: one line that starts with its rule (``publish.count``, ...)."""


class FileSystemError(StreekbeleidError, OSError):
    """A path the user gave cannot be used: one line naming the path and what to do.

    >>> str(FileSystemError.of(IsADirectoryError(errno.EISDIR, "Is a directory", "out")))
    'out is a folder, not a file: give the path of a file'
    """

    @classmethod
    def of(cls, exc: OSError, path: str | os.PathLike[str] | None = None) -> FileSystemError:
        """The one-line error for an ``OSError`` (about ``path``, else the path the error names)."""
        from .i18n import _

        where = os.fspath(path) if path is not None else exc.filename2 or exc.filename
        where = os.fsdecode(where) if where is not None else _("the path")
        code = exc.errno
        texts = {
            errno.EISDIR: _("{where} is a folder, not a file: give the path of a file"),
            errno.EEXIST: _("{where} is a file where a folder is needed: remove it or choose another path"),
            errno.ENOTDIR: _(
                "{where}: part of this path is a file, not a folder: choose a path whose folders are folders"
            ),
            errno.EACCES: _("{where}: no permission: choose a place you may write to, or change its permissions"),
            errno.EPERM: _("{where}: no permission: choose a place you may write to, or change its permissions"),
            errno.EROFS: _("{where} is on a read-only file system: choose another place"),
            errno.ENOENT: _("{where}: no such file or folder: check the path, or create its folder first"),
            errno.ENOSPC: _("{where}: no space left on the device: free some space or choose another place"),
        }
        found = texts.get(code) if code is not None else None
        text = found.format(where=where) if found else f"{where}: {exc.strerror or exc}"
        return cls(code or 0, text)

    def __str__(self) -> str:
        return str(self.strerror)
