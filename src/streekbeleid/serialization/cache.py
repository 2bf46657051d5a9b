"""The data-file cache: a file that loaded cleanly is read back, not parsed again, on the next run."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path

from .._version import __version__
from .reading import Readable, parse_data, parse_text, read_or_refuse
from .structuring import Dataset

__all__ = ["load_data_file", "load_data_file_located"]


def _cache_dir() -> Path | None:
    """Where parsed data files are kept between runs; None when ``STREEKBELEID_NO_CACHE`` is set."""
    if os.environ.get("STREEKBELEID_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "streekbeleid" / "data"


@functools.cache
def _code_fingerprint() -> bytes:
    """Changes whenever the code that turns a file into records changes (records, dates, this module)."""
    from ..model import dates, records, workflow
    from . import reading, structuring

    digest = hashlib.sha256(__version__.encode())
    for module in (records, dates, workflow, structuring, reading, sys.modules[__name__]):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.digest()


def _private(fd: int, folder: Path) -> bool:
    """Whether a cache entry is the user's own: a pickle runs code when read, so no one else may write it.

    The entry and the folders it is in (up to the cache root) must belong to the user and be
    writable by no one else, as ssh asks of its keys; otherwise the entry is not read but
    parsed afresh.  On systems without POSIX owners (Windows) the user's profile protects it.
    """
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows
        return True
    uid = os.getuid()
    stats = [os.fstat(fd), os.stat(folder), os.stat(folder.parent)]
    return all(st.st_uid == uid and not st.st_mode & 0o022 for st in stats)


def load_data_file_located(source: Path | Readable, display: str | None = None) -> tuple[Dataset, dict[str, int]]:
    """Load a data file into a :class:`Dataset` and the map from JSON path to line.

    A file that loaded cleanly before is read back from a cache (``~/.cache/streekbeleid``, or
    ``$XDG_CACHE_HOME``) keyed by the hash of its text and of the loading code, so a second run skips
    parsing and structuring; ``STREEKBELEID_NO_CACHE=1`` turns the cache off.  Only files without
    problems are cached, so every error is always found afresh.
    """
    name = display or str(source)
    text = read_or_refuse(source, name)
    is_json = source.name.endswith(".json")
    folder = _cache_dir()
    entry = None
    if folder is not None:
        key = hashlib.sha256(_code_fingerprint() + bytes([is_json]) + text.encode("utf-8")).hexdigest()
        entry = folder / key[:2] / f"{key}.pickle"
        try:
            with entry.open("rb") as handle:
                if _private(handle.fileno(), entry.parent):
                    cached = pickle.load(handle)
                    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], Dataset):
                        return cached  # type: ignore[return-value]
        except Exception:  # noqa: BLE001 - a missing, stale or broken cache entry is only a miss
            pass
    data, lines = parse_text(text, name, is_json=is_json)
    dataset = parse_data(data if data is not None else {}, Dataset, name, lines)
    if entry is not None:
        with contextlib.suppress(OSError):  # a read-only home: no cache, same answers
            _write_private(entry, pickle.dumps((dataset, lines), protocol=pickle.HIGHEST_PROTOCOL))
    return dataset, lines


def _write_private(entry: Path, content: bytes) -> None:
    """Write a cache entry that only the user can write, in folders only the user can write (see :func:`_private`)."""
    cache_root = entry.parent.parent
    cache_root.parent.mkdir(parents=True, exist_ok=True)
    for folder in (cache_root, entry.parent):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # also a folder an older version made with the default mode
    partial = entry.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    os.replace(partial, entry)


def load_data_file(source: Path | Readable, display: str | None = None) -> Dataset:
    """Load one YAML or JSON data file into a :class:`Dataset`.

    Raises :class:`~streekbeleid.errors.DataError` naming file, line and field
    path for every problem in the file.
    """
    return load_data_file_located(source, display)[0]
