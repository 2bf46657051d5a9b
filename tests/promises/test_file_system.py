"""Promise 5: file system problems are one line and exit status 2, naming the path and what to do.

Permission cases: the tests run as root here, and root may write anywhere, so "no permission" is
checked by raising the very ``OSError`` the system gives (monkeypatched ``tempfile.mkstemp``) and by
the mapping itself; a read-only store by SQLite's own read-only error (``PRAGMA query_only``) and,
where this machine allows it, by a real read-only bind mount.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import streekbeleid
from streekbeleid import WorkflowError
from streekbeleid.cli import main
from streekbeleid.errors import FileSystemError
from streekbeleid.workflows import Engine, EventStore


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a file ``afile`` and a folder ``adir``, the current directory; core catalogue only."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD", "1")
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "adir").mkdir()
    return tmp_path


def one_line(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


STORE = ["workflow", "start", "core:streekpact", "limburg:streekpact-2014-2019", "--store"]

CASES = {
    "a folder where a file is wanted": (
        ["export", "--format", "json", "-o", "adir"],
        "adir is a folder, not a file: give the path of a file",
    ),
    "a file where a folder is wanted (export)": (
        ["export", "--format", "json", "-o", "afile/model.json"],
        "afile is a file where a folder is needed: remove it or choose another path",
    ),
    "a file where a folder is wanted (csv)": (
        ["export", "--format", "csv", "-o", "afile"],
        "afile is a file where a folder is needed: remove it or choose another path",
    ),
    "a file where a folder is wanted (report)": (
        ["report", "-o", "afile"],
        "afile is a file where a folder is needed: remove it or choose another path",
    ),
    "a path through a file (report)": (
        ["report", "-o", "afile/sub"],
        "afile/sub: part of this path is a file, not a folder",
    ),
    "a store path that is a folder": (
        [*STORE, "adir"],
        "store.path: the store adir is a folder: give the path of a file, e.g. adir/store.sqlite3",
    ),
    "a store path under a file": (
        [*STORE, "afile/store.sqlite3"],
        "store.path: the store afile/store.sqlite3 cannot be made: afile is a file where a folder is needed",
    ),
    "a missing input file": (["import", "missing.json"], "missing.json: cannot read the file"),
    "a missing history file": (
        ["workflow", "import", "missing.yaml", "--store", "s.sqlite3"],
        "missing.yaml: cannot read the file",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_file_system_problems_are_one_line_and_exit_2(
    place: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    args, expected = CASES[case]
    assert expected in one_line(capsys, *args)


def test_a_missing_parent_folder_of_an_output_is_made(place: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", "-o", "new/sub/model.json"]) == 0
    assert (place / "new" / "sub" / "model.json").is_file()
    with EventStore(place / "new" / "store" / "s.sqlite3") as store:
        assert store.instances() == []


def test_no_permission_is_one_line_naming_the_path(
    place: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(place / "adir" / ".model.json.x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    line = one_line(capsys, "export", "--format", "json", "-o", "adir/model.json")
    assert line == (
        "streekbeleid: error: adir/model.json: no permission: choose a place you may write to, "
        "or change its permissions"
    )


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "no permission"),
        (errno.EPERM, "no permission"),
        (errno.EROFS, "read-only file system"),
        (errno.ENOSPC, "no space left"),
        (errno.ENOENT, "no such file or folder"),
        (errno.ENOTDIR, "part of this path is a file"),
        (errno.EISDIR, "is a folder, not a file"),
        (errno.EEXIST, "is a file where a folder is needed"),
    ],
)
def test_every_file_system_error_names_the_path_and_what_to_do(code: int, words: str) -> None:
    text = str(FileSystemError.of(OSError(code, os.strerror(code), "some/path")))
    assert text.startswith("some/path") and words in text and "\n" not in text


def test_a_read_only_store_is_one_line(place: Path) -> None:
    model = streekbeleid.load(plugins=["limburg"], strict=True)
    with EventStore(place / "s.sqlite3") as store:
        store.connection.execute("PRAGMA query_only = ON")  # SQLite's own "readonly database" error
        with pytest.raises(WorkflowError) as info:
            Engine(model, store).start("core:streekpact", "limburg:streekpact-2014-2019")
    assert info.value.rule is not None
    assert str(info.value).startswith(f"store.readonly: the store {place / 's.sqlite3'} is read-only")


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder mounted read-only (a bind mount): needs the right to mount, as root in a container has."""
    source, target = tmp_path / "source", tmp_path / "ro"
    source.mkdir()
    target.mkdir()
    with EventStore(source / "s.sqlite3"):
        pass
    mount = shutil.which("mount")
    ok = mount is not None and (subprocess.run([mount, "--bind", source, target], capture_output=True).returncode == 0)
    if ok and subprocess.run([mount, "-o", "remount,bind,ro", target], capture_output=True).returncode != 0:
        subprocess.run(["umount", target], check=False)
        ok = False
    if not ok:
        pytest.skip("no right to mount here: the query_only and monkeypatched tests hold this promise")
    try:
        yield target
    finally:
        subprocess.run(["umount", target], check=False)


def test_a_store_on_a_read_only_file_system_is_one_line(
    read_only_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STREEKBELEID_DISABLE_PLUGIN_AUTOLOAD", "1")
    for name in ("s.sqlite3", "new.sqlite3"):
        line = one_line(capsys, "workflow", "start", "core:streekpact", "x:y", "--store", str(read_only_folder / name))
        assert line.startswith(f"streekbeleid: error: store.readonly: the store {read_only_folder / name} is read-only")
    line = one_line(capsys, "export", "--format", "json", "-o", str(read_only_folder / "m.json"))
    assert "read-only file system" in line or "no permission" in line


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_exported_files_get_the_users_umask_permissions(
    place: Path, capsys: pytest.CaptureFixture[str], umask: int
) -> None:
    old = os.umask(umask)
    try:
        assert main(["export", "--format", "json", "-o", "model.json"]) == 0
    finally:
        os.umask(old)
    assert (place / "model.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_sqlite_is_what_says_readonly(tmp_path: Path) -> None:
    """The read-only test above rests on SQLite's wording; if it changes, this says so first."""
    db = sqlite3.connect(tmp_path / "x.sqlite3")
    db.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("CREATE TABLE t (x)")


def test_the_one_line_is_in_the_language_in_use(tmp_path: Path) -> None:
    from streekbeleid.errors import FileSystemError
    from streekbeleid.i18n import use_language

    error = OSError(errno.EISDIR, "Is a directory", str(tmp_path))
    with use_language("nl"):
        assert str(FileSystemError.of(error)) == f"{tmp_path} is een map, geen bestand: geef het pad van een bestand"
    with use_language("en"):
        assert str(FileSystemError.of(error)) == f"{tmp_path} is a folder, not a file: give the path of a file"
