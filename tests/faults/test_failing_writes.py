"""Issue 24, class 4: a write that fails for a reason outside supple (a full disk, a read-only
folder, a quota, a permission, the device, a full standard output) is not a bug: one line on
stderr, exit 1 (0 for `nudge` and `status`), no crash report, no temporary file left behind, and
every file that was there before still whole.

The fault injector counts every write point of a command (creating a file or a folder, writing
its bytes, fsync, chmod, rename) in a first run, then fails each of them in turn, with an errno
taken in turn from the class."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from supple import cli
from supple.system import paths
from tests.conftest import REPO

pytestmark = pytest.mark.faults

ERRNOS = [
    errno.ENOSPC,
    errno.EROFS,
    errno.EACCES,
    errno.EDQUOT,
    errno.EPERM,
    errno.EIO,
    errno.EFBIG,
]
FEEEL = REPO / "tests" / "data" / "imports" / "feeel" / "one.feeel"


class Injector:
    """Wraps the os functions every write of supple passes through; ``fail_at`` (1-based) makes
    that call raise OSError(``code``) instead, naming the path it was given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        self.fail_at: int | None = None
        self.code = errno.ENOSPC
        self.failed = False
        for name in ("replace", "rename", "fsync", "chmod", "mkdir"):  # never unlink: cleaning up
            monkeypatch.setattr(os, name, self._wrap(name, getattr(os, name)))
        real_open = os.open

        def opened(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                self._point(path)
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", opened)
        real_fdopen = os.fdopen

        def fdopened(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_fdopen(fd, mode, *args, **kwargs)
            if "w" in mode or "a" in mode:
                return _Writes(handle, self)
            return handle

        monkeypatch.setattr(os, "fdopen", fdopened)

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self._point(args[0] if args else None)
            return real(*args, **kwargs)

        return wrapped

    def _point(self, path: object) -> None:
        self.calls += 1
        if self.calls == self.fail_at:
            self.failed = True
            where = path if isinstance(path, str | Path) else None
            raise OSError(self.code, os.strerror(self.code), where)


class _Writes:
    """A file written through os.fdopen, each write a write point."""

    def __init__(self, handle: Any, injector: Injector) -> None:
        self._handle = handle
        self._injector = injector

    def write(self, data: Any) -> Any:
        self._injector._point(getattr(self._handle, "name", None))
        return self._handle.write(data)

    def __enter__(self) -> _Writes:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _tree() -> dict[Path, bytes]:
    roots = [paths.data_dir(), paths.config_dir(), paths.state_dir(), paths.cache_dir()]
    return {
        p: p.read_bytes() for root in roots if root.exists() for p in root.rglob("*") if p.is_file()
    }


def _whole(path: Path, data: bytes) -> bool:
    if path.suffix == ".toml":
        tomllib.loads(data.decode())
    elif path.suffix == ".json":
        json.loads(data)
    return True


def _prepare() -> None:
    """A data folder in use: a program running, a session logged, a test result."""
    assert cli.main(["program", "start", "--yes"]) == 0
    assert cli.main(["log", "back-pain-relief"]) == 0
    assert cli.main(["test", "record", "toe-touch", "12"]) == 0


# Each writing command; `{tmp}` is a fresh folder of the test's own.
WRITING = {
    "program start": ["program", "start", "--yes", "--screening", "no-signs", "--usual-pain", "2"],
    "test record": ["test", "record", "toe-touch", "8"],
    "log": ["log", "back-pain-relief", "--minutes", "5"],
    "import": ["import", str(FEEEL)],
    "export --to": ["export", "back-pain-relief", "--to", "{tmp}/out.toml"],
    "program --ics": ["program", "--ics", "{tmp}/plan.ics"],
    "nudge": ["nudge", "--dry-run"],
}


def _argv(name: str, tmp: Path) -> list[str]:
    return [a.replace("{tmp}", str(tmp)) for a in WRITING[name]]


@pytest.mark.parametrize("name", list(WRITING))
def test_every_write_point_of_a_command_failing(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _prepare()
    capsys.readouterr()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    injector = Injector(monkeypatch)
    # A first run counts the write points (on a copy of the same state: the command run once).
    before = _tree()
    assert cli.main(_argv(name, out_dir)) == 0, capsys.readouterr().err
    points = injector.calls
    assert points > 0
    for path in set(_tree()) - set(before):  # back to the state before, for each failing run
        if path.parent == out_dir or "sessions" in path.parts or "tests" in path.parts:
            path.unlink()
    for target in out_dir.iterdir():
        target.unlink()
    capsys.readouterr()
    for n in range(1, points + 1):
        before = _tree()
        injector.calls, injector.fail_at, injector.failed = 0, n, False
        injector.code = ERRNOS[n % len(ERRNOS)]
        code = cli.main(_argv(name, out_dir))
        injector.fail_at = None
        out, err = capsys.readouterr()
        said = f"point {n} of {points} ({errno.errorcode[injector.code]}): {err!r}"
        assert "Traceback" not in err and "crashed" not in err and "bug" not in err, said
        assert not list(paths.state_dir().glob("crash-*.txt")), said
        if name == "nudge":
            assert code == 0, said
        else:
            assert code in (0, 1), said
        if code == 1:
            (line,) = err.splitlines()
            assert line.startswith("supple") and os.strerror(injector.code) in line, said
        after = _tree()
        leftovers = [p for p in after if p.name.endswith((".tmp", ".locking"))]
        assert not leftovers, f"{said}: {leftovers}"
        for path in before:  # every file that was there is still whole
            assert path in after or path.name in ("index.json", "status.json"), f"{said}: {path}"
            if path in after:
                assert _whole(path, after[path]), said
        for target in out_dir.iterdir():
            target.unlink()
        for path in set(after) - set(before):
            assert _whole(path, after[path]), said
            if "sessions" in path.parts or "tests" in path.parts or "routines" in path.parts:
                path.unlink()  # so that the next run writes the same points


class _Full(io.RawIOBase):
    """A standard output on a full disk (`> /dev/full`)."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["show", "back-pain-relief"],
        ["history"],
        ["history", "--json"],
        ["history", "--csv"],
        ["export", "back-pain-relief"],
        ["stats", "--json"],
        ["program", "--json"],
        ["test", "list"],
        ["paths"],
    ],
    ids=" ".join,
)
def test_a_full_standard_output_is_one_line_and_exit_1(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepare()
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_Full())))
    assert cli.main(argv) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == "supple: could not write to standard output: No space left on device"
    assert not list(paths.state_dir().glob("crash-*.txt"))


def _run(argv: list[str], tmp_path: Path, stdout: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "supple", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "PYTHONPATH": str(REPO / "src"),
            "SUPPLE_DATA_DIR": str(tmp_path / "data"),
            "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
            "SUPPLE_STATE_DIR": str(tmp_path / "state"),
        },
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("argv", [["list"], ["history", "--json"]], ids=" ".join)
def test_a_real_dev_full(argv: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _run(argv, tmp_path, full)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "supple: could not write to standard output: No space left on device\n"
    assert not list((tmp_path / "state").glob("crash-*.txt"))


def test_a_closed_pipe_stays_exit_0_and_quiet(tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    with os.fdopen(writer, "w") as closed:
        done = _run(["list"], tmp_path, closed)
    assert done.returncode == 0 and done.stderr == ""
