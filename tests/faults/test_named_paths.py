"""Issue 24, class 1: a path the person names is never replaced blindly. Every command that
writes a named path × every kind of thing that can be there: a link, a folder, a FIFO, a
device or a socket is refused in one line and left exactly as it was; an existing file needs
--force, except a calendar supple wrote (for `program --ics`); a missing one is written."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from supple.cli import main
from supple.core.calendar_ics import is_own_calendar
from supple.core.files import Refused, write_named

# The commands that write a path the person names; each gets the target and --force or not.
COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "export --to": lambda target: ["export", "back-pain-relief", "--to", str(target)],
    "program --ics": lambda target: ["program", "--ics", str(target)],
    "report --to": lambda target: ["report", "--to", str(target)],
}
REFUSED_KINDS = {
    "symlink to a file": "symbolic link",
    "symlink to a folder": "symbolic link",
    "dangling symlink": "symbolic link",
    "FIFO": "FIFO",
    "folder": "folder",
    "socket": "socket",
    "device": "device",
}
KINDS = ("missing", "foreign file", "own calendar", *REFUSED_KINDS)
FOREIGN = b"someone else's file\n"


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A folder with a short path: a socket's path must fit in about 100 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="sp", dir="/tmp"))
    yield folder
    shutil.rmtree(folder)


def own_calendar() -> bytes:
    from datetime import date

    from supple.core.calendar_ics import Planned, to_ics

    planned = Planned("supple-p-workout-1@supple", date(2026, 1, 5), "Workout 1", "x", number=1)
    return to_ics([planned], calendar_name="supple: p")


def make(kind: str, folder: Path) -> tuple[Path, list[socket.socket]]:
    """A target of ``kind`` in ``folder`` (and the sockets to close)."""
    target = folder / "target"
    elsewhere = folder / "elsewhere"
    open_sockets: list[socket.socket] = []
    match kind:
        case "missing":
            pass
        case "foreign file":
            target.write_bytes(FOREIGN)
        case "own calendar":
            target.write_bytes(own_calendar())
        case "symlink to a file":
            elsewhere.write_bytes(FOREIGN)
            target.symlink_to(elsewhere)
        case "symlink to a folder":
            elsewhere.mkdir()
            target.symlink_to(elsewhere)
        case "dangling symlink":
            target.symlink_to(folder / "nowhere")
        case "FIFO":
            os.mkfifo(target)
        case "folder":
            target.mkdir()
        case "socket":
            server = socket.socket(socket.AF_UNIX)
            server.bind(str(target))
            open_sockets.append(server)
        case "device":
            if not stat.S_ISCHR(os.lstat(os.devnull).st_mode):
                pytest.skip("no character device to aim at")
            return Path(os.devnull), open_sockets
        case _:
            raise AssertionError(kind)
    return target, open_sockets


def snapshot(folder: Path, target: Path) -> dict[str, object]:
    """Everything a write could have changed: the target as it is (never followed) and every
    other entry of its folder (no temp file left behind)."""
    info = os.lstat(target) if os.path.lexists(target) else None
    seen: dict[str, object] = {"entries": sorted(p.name for p in target.parent.iterdir())}
    if info is not None:
        seen["kind"] = stat.S_IFMT(info.st_mode)
        seen["inode"] = info.st_ino
        if stat.S_ISLNK(info.st_mode):
            seen["link"] = os.readlink(target)
        elif stat.S_ISREG(info.st_mode):
            seen["bytes"] = target.read_bytes()
    elsewhere = folder / "elsewhere"
    if elsewhere.is_file():
        seen["elsewhere"] = elsewhere.read_bytes()
    elif elsewhere.is_dir():
        seen["elsewhere"] = sorted(p.name for p in elsewhere.iterdir())
    return seen


@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_named_path_by_the_rule(
    command: str,
    kind: str,
    force: bool,
    short_dir: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target, sockets = make(kind, short_dir)
    before = snapshot(short_dir, target)
    args = COMMANDS[command](target) + (["--force"] if force else [])
    try:
        code = main(args)
    finally:
        for s in sockets:
            s.close()
    err = capsys.readouterr().err
    ours = kind == "own calendar" and command == "program --ics"
    written = kind == "missing" or (kind in ("foreign file", "own calendar") and (force or ours))
    if written:
        assert code == 0, err
        assert stat.S_ISREG(os.lstat(target).st_mode)
        data = target.read_bytes()
        assert is_own_calendar(data) == (command == "program --ics")
        assert stat.S_IMODE(os.lstat(target).st_mode) == 0o600
        assert sorted(p.name for p in short_dir.iterdir()) == ["target"]  # no temp left
    else:
        assert code == 1
        assert snapshot(short_dir, target) == before  # untouched, nothing left beside it
        refusal = [line for line in err.splitlines() if line.startswith("supple: not written")]
        assert len(refusal) == 1 and str(target) in refusal[0]
        said = REFUSED_KINDS.get(kind, "--force")
        assert said in refusal[0]


def test_a_calendar_with_one_foreign_event_is_not_supples(tmp_path: Path) -> None:
    data = own_calendar()
    assert is_own_calendar(data)
    foreign = data.replace(b"UID:supple-p-workout-1@supple", b"UID:dentist@example.org")
    assert not is_own_calendar(foreign)
    assert not is_own_calendar(data.replace(b"PRODID:-//supple", b"PRODID:-//other"))
    target = tmp_path / "cal.ics"
    target.write_bytes(foreign)
    with pytest.raises(Refused):
        write_named(target, data, ours=is_own_calendar)
    assert target.read_bytes() == foreign


def test_a_failing_write_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out.ics"
    with pytest.raises(OSError, match="No space"):
        write_named(target, b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_named(tmp_path / "no" / "such" / "out.ics", b"data")
    assert list(tmp_path.iterdir()) == []
