"""Writing files safely: atomic (temp file, fsync, rename), private (0600 files, 0700 folders)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# SCHEMA is declared in supple.core.schema; writers take it from here, beside write_toml.
from supple.core.schema import SCHEMA as SCHEMA
from supple.core.schema import newer
from supple.i18n import _


class SaveError(Exception):
    """A file could not be written; ``path`` and ``reason`` say where and why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"could not save {path}: {reason}")


def refuse_newer(path: Path, schema: int) -> None:
    """SaveError if ``schema`` (the file's, as read) is newer than this supple's: a newer
    supple's file is read for what can be read, never rewritten."""
    if newer(schema):
        raise SaveError(path, f"written by a newer supple (schema {schema}); left as it is")


DATA_LOCK = "records.mutex"  # in the state folder's locks/, beside each machine's session locks


@contextlib.contextmanager
def data_lock(folder: Path) -> Iterator[None]:
    """The data lock (``folder``/DATA_LOCK), held while a session record is read again, changed
    and written: two copies of supple (the app and a command) then never write a stale copy over
    each other's change. Waits for the other; not reentrant. POSIX; elsewhere no lock.
    SaveError if the lock cannot be made (a read-only disk)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        yield
        return
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        make_private_dirs(folder)
        fd = os.open(folder / DATA_LOCK, flags, 0o600)
    except OSError as error:
        raise SaveError(folder / DATA_LOCK, error.strerror or str(error)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing lets the lock go


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


def move_into(path: Path, folder: Path) -> Path:
    """Move ``path`` into ``folder`` (made private if missing), under a new name if one of its
    name is there already: the one way a file is moved aside (trash, quarantine). OSError."""
    import shutil

    make_private_dirs(folder)
    target = folder / path.name
    while target.exists():
        target = folder / f"{path.stem}-{random_suffix(2)}{path.suffix}"
    shutil.move(str(path), target)
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new, never half.

    Temp file in the same folder, flush, fsync, os.replace; the file is 0600.
    """
    make_private_dirs(path.parent)
    _replace_beside(path, data)


# What supple reads at most from each kind of file (a file over its cap is skipped and said,
# never read into memory): a routine, a program, a session or a test result is a few KiB; the
# settings a few hundred bytes; the index must hold 100,000 sessions (~1.5 KiB each) so that it is
# never rebuilt for being large; a lock file is two short lines.
MAX_ROUTINE_BYTES = 256 * 1024  # routines and programs
MAX_SETTINGS_BYTES = 64 * 1024  # config.toml
MAX_SESSION_BYTES = 256 * 1024  # session files, the program's state, test results
MAX_INDEX_BYTES = 256 * 1024 * 1024  # index.json
MAX_LOCK_BYTES = 4 * 1024  # locks/*.lock


class NotAFile(OSError):
    """What was to be read is not a regular file (a folder, a FIFO, a device, a symbolic link
    loop), or is larger than its cap; ``reason`` says which, in a few words."""

    def __init__(self, reason: str, path: Path) -> None:
        super().__init__(f"{reason}: {path}")
        self.reason = reason
        self.path = path


def _kind_of(mode: int) -> str:
    import stat

    for test, name in (
        (stat.S_ISDIR, _("a folder")),
        (stat.S_ISFIFO, _("a FIFO")),
        (stat.S_ISCHR, _("a device")),
        (stat.S_ISBLK, _("a device")),
        (stat.S_ISSOCK, _("a socket")),
    ):
        if test(mode):
            return name
    return _("not a file")


@contextlib.contextmanager
def open_regular(path: Path, limit: int, *, follow: bool = True) -> Iterator[int]:
    """A read-only descriptor of ``path``, a regular file of at most ``limit`` bytes. Anything
    else is NotAFile before a byte is read: a FIFO never blocks (it is never opened), a device is
    never opened, a huge file never read. With ``follow=False`` a symbolic link is refused too."""
    import errno
    import stat

    try:
        info = os.stat(path, follow_symlinks=follow)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotAFile(_("not a regular file (a symbolic link loop)"), path) from None
        raise
    if stat.S_ISLNK(info.st_mode):
        raise NotAFile(_("not a regular file (a symbolic link)"), path)
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(_not_regular(info.st_mode), path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENXIO):
            raise NotAFile(_("not a regular file"), path) from None
        raise
    try:
        info = os.fstat(fd)  # what was opened, which may not be what was looked at
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(_not_regular(info.st_mode), path)
        if info.st_size > limit:
            raise NotAFile(_too_large(limit), path)
        yield fd
    finally:
        os.close(fd)


def read_capped(path: Path, limit: int, *, follow: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. Never blocks on a FIFO and never
    reads a device or a huge file into memory: NotAFile says which it was; OSError otherwise."""
    with open_regular(path, limit, follow=follow) as fd:
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:  # it grew while being read
        raise NotAFile(_too_large(limit), path)
    return b"".join(chunks)


def _not_regular(mode: int) -> str:
    return _("not a regular file ({kind})").format(kind=_kind_of(mode))


def _too_large(limit: int) -> str:
    return _("too large: more than {limit} bytes").format(limit=f"{limit:,}")


def unreadable_reason(error: OSError) -> str:
    """Why a file could not be read, in a few words: 'not a regular file (a FIFO)',
    'cannot read: Permission denied'."""
    if isinstance(error, NotAFile):
        return error.reason
    return _("cannot read: {why}").format(why=error.strerror or error)


class Refused(OSError):
    """A path the person named was not written: ``reason`` says why, in a few words ('it is a
    FIFO', 'it exists: add --force to replace it')."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


OWN_FILE_LIMIT = MAX_ROUTINE_BYTES  # what is read of an existing file to tell whether it is ours


def write_named(
    path: Path,
    data: bytes,
    *,
    force: bool = False,
    ours: Callable[[bytes], bool] | None = None,
) -> None:
    """Write ``data`` at ``path``, a path the person named (an option, a field): the one way
    supple writes one. Anything there that is not a regular file (a symbolic link, followed
    never, a folder, a FIFO, a device, a socket) is Refused and left as it is; an existing
    regular file is replaced only with ``force`` or when ``ours(its bytes)`` says supple wrote
    it for the same purpose. The write is atomic beside the target (a temp file in the same
    folder, removed on every failure); the folder is never created. OSError otherwise."""
    import errno
    import stat

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise Refused(path, "it is a symbolic link (supple never writes through one)")
        if not stat.S_ISREG(info.st_mode):
            raise Refused(path, f"it is {_kind_of(info.st_mode)}")
        if not force and not _is_ours(path, ours):
            raise Refused(path, "it exists: add --force to replace it")
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(path.parent))
    _replace_beside(path, data)


def _is_ours(path: Path, ours: Callable[[bytes], bool] | None) -> bool:
    if ours is None:
        return False
    try:
        return ours(read_capped(path, OWN_FILE_LIMIT, follow=False))
    except OSError:
        return False


def _replace_beside(path: Path, data: bytes) -> None:
    """``data`` into a temp file beside ``path``, then renamed over it (never through it: a
    rename replaces a symbolic link put there meanwhile, it does not follow it)."""
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


def write_toml(path: Path, data: dict[str, Any]) -> Path:
    """``data`` as TOML at ``path``, atomically; SaveError (path and reason) if it cannot be."""
    import tomli_w  # only once something is saved: the routine loader imports SCHEMA from here

    try:
        atomic_write(path, tomli_w.dumps(data).encode("utf-8"))
    except OSError as error:
        raise SaveError(path, error.strerror or str(error)) from None
    return path
