"""Writing files safely: atomic (temp file, fsync, rename), private (0600 files, 0700 folders)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

# Every file kind supple reads or writes (routines, programs, sessions, program state, test
# results) carries ``schema = 1``, from here; a kind whose format changes gets its own number.
SCHEMA = 1


class SaveError(Exception):
    """A file could not be written; ``path`` and ``reason`` say where and why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"could not save {path}: {reason}")


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700: this is health data."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=0o700)


def random_suffix(length: int = 3) -> str:
    """``2 * length`` random hex digits that keep file names written in the same second apart."""
    return os.urandom(length).hex()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new, never half.

    Temp file in the same folder, flush, fsync, os.replace; the file is 0600.
    """
    make_private_dirs(path.parent)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


class NotAFile(OSError):
    """What was to be read is not a regular file (a folder, a FIFO, a device), or is too big."""


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. Never blocks on a FIFO and never
    reads a device or a huge file into memory: NotAFile says which it was; OSError otherwise."""
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(f"not a regular file: {path}")
        if info.st_size > limit:
            raise NotAFile(f"larger than {limit:,} bytes: {path}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise NotAFile(f"larger than {limit:,} bytes: {path}")
    return data


def write_toml(path: Path, data: dict[str, Any]) -> Path:
    """``data`` as TOML at ``path``, atomically; SaveError (path and reason) if it cannot be."""
    import tomli_w  # only once something is saved: the routine loader imports SCHEMA from here

    try:
        atomic_write(path, tomli_w.dumps(data).encode("utf-8"))
    except OSError as error:
        raise SaveError(path, error.strerror or str(error)) from None
    return path
