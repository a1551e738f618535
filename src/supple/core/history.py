"""The session history: one TOML file per session, written atomically and privately, checkpointed
while a session runs, recovered after a crash, and bad files quarantined, never deleted."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from supple.core.files import (
    MAX_LOCK_BYTES,
    MAX_SESSION_BYTES,
    SaveError,
    atomic_write,
    data_lock,
    make_private_dirs,
    move_into,
    open_regular,
    random_suffix,
    read_capped,
    unreadable_reason,
    write_toml,
)
from supple.core.history_index import read_index, write_index
from supple.core.record import BadRecord as BadRecord  # raised here too: importable from here
from supple.core.record import ExerciseEntry, SessionRecord
from supple.core.schema import newer
from supple.core.sync import is_mine, machine_tag, one_per_session, session_name
from supple.core.tomlcheck import BadToml, parse_document
from supple.core.value import replace, value_class
from supple.i18n import _

if TYPE_CHECKING:
    pass


def _lock_now(fd: int, *, shared: bool = False) -> None:
    """A lock on ``fd`` (exclusive, or ``shared``) without waiting: OSError while another
    process holds an exclusive one. POSIX; elsewhere nothing (a checkpoint is never taken for
    a live one: no lock to test). fcntl loads here, when a lock is taken or tested, not at
    every read of the history."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        return
    fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)


Now = Callable[[], datetime]
Change = Callable[[SessionRecord], SessionRecord | None]  # one writer's change of a record


# -- reading ---------------------------------------------------------------------------------


def read_toml_file(path: Path) -> dict[str, Any]:
    """A data file (session, test result, program state) parsed. BadRecord if its content is
    broken (to be quarantined); OSError if it cannot be read for now or is not a regular file
    of at most ``MAX_SESSION_BYTES`` (to be reported and left where it is: access that failed
    is not broken content)."""
    raw = read_capped(path, MAX_SESSION_BYTES)
    try:
        return parse_document(raw)[1]
    except BadToml as error:
        message = error.message.replace("TOML syntax error:", "not valid TOML:")
        where = _(" (at line {line})").format(line=error.line) if error.line else ""
        raise BadRecord(f"{message}{where}") from None


def read_record(path: Path) -> SessionRecord:
    return SessionRecord.from_toml(read_toml_file(path), path)


@value_class(frozen=True, slots=True)
class Quarantined:
    """A broken file moved aside, where it went, and why; or, if it could not be moved (the
    quarantine folder is a file, the disk is read-only), left where it was and why not."""

    original: Path
    moved_to: Path | None
    reason: str
    not_moved: str = ""  # why it could not be moved aside

    def __str__(self) -> str:
        if self.moved_to is None:
            return f"{self.original}: {self.reason} — left where it is ({self.not_moved})"
        return f"{self.original}: {self.reason} — moved to {self.moved_to}"


@value_class(frozen=True, slots=True)
class Skipped:
    """A file left alone, and why: it cannot be read for now, or is not a regular file."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@value_class(frozen=True, slots=True)
class Loaded:
    records: tuple[SessionRecord, ...]  # newest first
    quarantined: tuple[Quarantined, ...]
    recovered: tuple[Path, ...] = ()
    skipped: tuple[Skipped, ...] = ()  # reported, left where they are


class SessionRunning(SaveError):
    """A session that cannot be deleted: a copy of supple is playing it (its lock is held)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "it is running")
        self.args = (f"{path} is running in supple (its lock is held); end it there first",)


def lock_target(sessions_dir: Path, lock_path: Path, data: bytes) -> Path | None:
    """The session file a lock names, or None unless exactly this lock's session file inside
    ``sessions_dir``: UTF-8 without NUL, absolute, no ``..`` nor symbolic link out of it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = text.split("\n")
    if "\0" in text or len(lines) < 2 or not lines[1]:
        return None
    named = Path(lines[1])
    if not named.is_absolute() or ".." in named.parts or named.suffix != ".toml":
        return None
    if named.stem + ".lock" != lock_path.name:
        return None
    try:
        real = Path(os.path.realpath(named, strict=True))
        sessions = Path(os.path.realpath(sessions_dir, strict=True))
    except (OSError, ValueError):
        return None
    if not real.is_relative_to(sessions) or real == sessions:
        return None
    return real


# -- the store -------------------------------------------------------------------------------


class LiveFile:
    """The file of a session in progress, and the lock that tells other copies it is alive."""

    def __init__(self, store: HistoryStore, path: Path) -> None:
        self.store = store
        self.path = path
        self.lock_path = store._lock_of(path)
        self._lock: IO[str] | None = None

    def open(self) -> None:
        """Take the lock, then show it: the lock file appears (by rename) already locked and
        naming its session, so no other copy can ever see it half made."""
        make_private_dirs(self.lock_path.parent)
        fd, temp = tempfile.mkstemp(prefix=".", suffix=".locking", dir=self.lock_path.parent)
        handle = os.fdopen(fd, "w", encoding="utf-8")
        try:
            _lock_now(handle.fileno())
            handle.write(f"{os.getpid()}\n{os.path.abspath(self.path)}\n")
            handle.flush()
            os.chmod(temp, 0o600)
            os.replace(temp, self.lock_path)
        except BaseException:
            with contextlib.suppress(OSError):  # closing flushes again: a full disk fails again
                handle.close()
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        self._lock = handle

    def close(self) -> None:
        """The session is over and its final record written: let the lock go."""
        if self._lock is None:
            return
        with contextlib.suppress(OSError):
            self.lock_path.unlink()
        self._lock.close()
        self._lock = None


class HistoryStore:
    """Session records under ``<data dir>/sessions/YYYY/MM/``, one file each; its locks and
    index are this machine's own, in the state folder, named by machine (``core.sync``)."""

    def __init__(
        self,
        data_dir: Path,
        token: Callable[[], str] | None = None,
        *,
        local_dir: Path | None = None,
        machine: str | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.sessions_dir = data_dir / "sessions"
        self.machine = machine or machine_tag()
        local = local_dir if local_dir is not None else data_dir / "state"
        self.locks_dir = local / "locks" / self.machine
        self.quarantine_dir = data_dir / "quarantine"
        self.trash_dir = data_dir / "trash"
        self.index_path = local / f"index-{self.machine}.json"
        self._token = token or random_suffix
        self.write_problem: str | None = None  # why the folder could not be written, if so

    def path_for(self, routine_id: str, started: datetime) -> Path:
        """A name no other copy of supple, here or on a synced machine, picks (``core.sync``)."""
        stamp = started.strftime("%Y%m%dT%H%M%S")
        name = session_name(stamp, routine_id, self._token(), self.machine)
        return self.sessions_dir / started.strftime("%Y") / started.strftime("%m") / name

    def save(self, record: SessionRecord, path: Path) -> Path:
        return write_toml(path, record.to_toml())

    def live(self, path: Path) -> LiveFile:
        """Open the file of a new session in progress (its lock is held until ``close``)."""
        live = LiveFile(self, path)
        try:
            live.open()
        except OSError as error:
            raise SaveError(live.lock_path, error.strerror or str(error)) from None
        return live

    # -- recovery ----------------------------------------------------------------------------

    def recover(self) -> list[Path]:
        """Turn the checkpoints of dead sessions into ``interrupted`` records.

        A session whose lock is still held belongs to a running copy of supple: left alone.
        """
        return self._recover()[0]

    def _recover(self) -> tuple[list[Path], list[Skipped]]:
        """``recover``, and the lock files that were ignored, and why. A lock is trusted only
        as far as ``lock_target`` says: a lock file that is not a small regular file, or that
        names anything but a session file of this data folder, is ignored (and removed only if
        its lock is free: nobody is behind it), and nothing it names is ever touched."""
        recovered: list[Path] = []
        ignored: list[Skipped] = []
        try:
            # By name, not a glob (which compiles a pattern at every read of the history).
            locks = sorted(p for p in self.locks_dir.iterdir() if p.name.endswith(".lock"))
        except OSError:
            return recovered, ignored
        for lock_path in locks:
            try:
                with open_regular(lock_path, MAX_LOCK_BYTES, follow=False) as fd:
                    try:
                        _lock_now(fd)
                    except OSError:
                        continue  # alive in another process
                    target = lock_target(self.sessions_dir, lock_path, os.read(fd, MAX_LOCK_BYTES))
                    if target is None:
                        ignored.append(Skipped(lock_path, "a lock file naming no session: ignored"))
                    elif self._interrupt(target):
                        recovered.append(target)
                    with contextlib.suppress(OSError):
                        lock_path.unlink()  # while we hold it: nobody else can be using it
            except OSError as error:
                ignored.append(Skipped(lock_path, f"a lock file: {unreadable_reason(error)}"))
        return recovered, ignored

    def _interrupt(self, path: Path) -> bool:
        """Mark a dead session's checkpoint ``interrupted``; True if it was one."""

        def mark(record: SessionRecord) -> SessionRecord | None:
            return replace(record, status="interrupted") if record.status == "in_progress" else None

        try:
            return self.update(path, mark) is not None
        except (BadRecord, OSError):
            return False  # load() quarantines it, or reports it
        except SaveError as error:
            # A full or read-only disk: the checkpoint stays as it is and is read as it is;
            # it is marked the next time the folder can be written. Never a crash at start.
            self.write_problem = error.reason
            return False

    def update(self, path: Path, change: Change) -> SessionRecord | None:
        """The one read-modify-write of a session record: under the data lock, the file read
        again and ``change`` (which sets its own fields alone) written over it, atomically. What
        was written; None if ``change`` said no or the file is a newer supple's (never
        rewritten). SaveError; BadRecord or OSError if the file cannot be read."""
        with data_lock(self.locks_dir.parent):
            changed = change(read_record(path))
            if changed is None or newer(changed.schema):
                return None
            self.save(changed, path)
        return replace(changed, path=path)

    def _lock_of(self, path: Path) -> Path:
        return self.locks_dir / (path.stem + ".lock")

    # -- loading -----------------------------------------------------------------------------

    def session_files(self) -> list[Path]:
        """Every session file, oldest first (names begin with the start time)."""
        found: list[Path] = []
        if not self.sessions_dir.is_dir():
            return found
        for root, dirs, files in os.walk(self.sessions_dir):
            dirs.sort()
            # A folder named like a session is listed too: reading it says it is not a file.
            found += [
                Path(root) / f
                for f in sorted(files) + dirs
                if f.endswith(".toml") and not f.startswith(".")
            ]
        return sorted(found, key=lambda p: p.name)

    def newest(self, count: int) -> list[SessionRecord]:
        """The newest ``count`` good records, read straight from their files, newest month
        folders first: a first page in milliseconds, before the full load (which also
        quarantines what is bad)."""
        out: list[SessionRecord] = []

        def folders(folder: Path) -> list[Path]:
            with contextlib.suppress(OSError):
                return sorted((p for p in folder.iterdir() if p.is_dir()), reverse=True)
            return []

        for year in folders(self.sessions_dir):
            for month in [*folders(year), year]:
                with contextlib.suppress(OSError):
                    names = sorted(
                        (p for p in month.glob("*.toml") if not p.name.startswith(".")),
                        key=lambda p: p.name,
                        reverse=True,
                    )
                    for path in names:
                        if len(out) >= count:
                            return out
                        with contextlib.suppress(BadRecord, OSError):  # load() says why
                            out.append(read_record(path))
        return out

    def load(self, *, recover: bool = True) -> Loaded:
        """Every record, newest first; bad files quarantined; a summary index kept to be quick.

        The files are the truth: the index is only trusted for a file whose size and
        modification time are unchanged, and is rebuilt if missing or broken.
        """
        recovered_now, ignored = self._recover() if recover else ([], [])
        recovered = tuple(recovered_now)
        index = read_index(self.index_path)
        fresh: dict[str, list[Any]] = {}
        records: list[SessionRecord] = []
        quarantined: list[Quarantined] = []
        skipped: list[Skipped] = list(ignored)
        entries: dict[tuple[Any, ...], ExerciseEntry] = {}  # equal exercise entries, shared
        changed = False
        cut = len(str(self.sessions_dir)) + 1  # every file is below it: its relative path, quick
        for path in self.session_files():
            key = str(path)[cut:]
            try:
                info = path.stat()
            except OSError as error:
                if error.errno == errno.ENOENT and not path.is_symlink():
                    continue  # gone since it was listed
                reason = {
                    errno.ELOOP: "not a regular file (a symbolic link loop)",
                    errno.ENOENT: "not a regular file (a broken link)",
                }.get(error.errno or 0, unreadable_reason(error))
                skipped.append(Skipped(path, reason))
                continue
            cached = index.get(key) if stat.S_ISREG(info.st_mode) else None
            if cached is not None and cached[0] == info.st_mtime_ns and cached[1] == info.st_size:
                # Checked when it was cached; anything unexpected in the entry: read the file.
                with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
                    records.append(SessionRecord.trusted(cached[2], path, entries))
                    fresh[key] = cached
                    continue
            changed = True
            try:
                record = read_record(path)
            except OSError as error:  # not a file, or not readable for now: said, left alone
                skipped.append(Skipped(path, unreadable_reason(error)))
                continue
            except BadRecord as bad:
                if bad.newer:  # a newer supple's file: read what can be, never moved
                    skipped.append(Skipped(path, bad.reason))
                else:
                    quarantined.append(self.quarantine(path, bad.reason))
                continue
            fresh[key] = [info.st_mtime_ns, info.st_size, record.to_toml()]
            records.append(record)
        # A checkpoint of this machine's with no lock file has no live process behind it either
        # (the lock is made first): recovered too. Another machine's is left to that machine.
        orphans = [
            orphan
            for r in records
            if r.status == "in_progress"
            and (orphan := r.path) is not None
            and is_mine(orphan, self.machine)
            and not self._lock_of(orphan).exists()
            and not self.is_running(orphan)
        ]
        if orphans and recover:
            for path in orphans:
                if self._interrupt(path):
                    recovered += (path,)
            again = self.load(recover=False)
            return Loaded(
                again.records,
                (*quarantined, *again.quarantined),
                recovered,
                (*skipped, *again.skipped),
            )
        if changed or len(fresh) != len(index):
            write_index(self.index_path, fresh)
        records = one_per_session(records)  # a conflict copy counts once
        records.reverse()
        return Loaded(tuple(records), tuple(quarantined), recovered, tuple(skipped))

    # -- moving files aside ------------------------------------------------------------------

    def _move(self, path: Path, folder: Path) -> Path:
        return move_into(path, folder)

    def quarantine(self, path: Path, reason: str) -> Quarantined:
        """Move a bad file to ``quarantine/`` (private: 0600) with a note of why; never delete
        it. If it cannot be moved (``quarantine`` is a file, the disk is read-only), it stays
        where it is, and the Quarantined says so (``moved_to`` None): never silently."""
        if self.quarantine_dir.exists() and not self.quarantine_dir.is_dir():
            return Quarantined(
                path, None, reason, f"{self.quarantine_dir} is not a folder: nothing was moved"
            )
        try:
            moved = self._move(path, self.quarantine_dir)
        except OSError as error:
            why = f"it could not be moved to {self.quarantine_dir}: {error.strerror or error}"
            return Quarantined(path, None, reason, why)
        with contextlib.suppress(OSError):
            if not moved.is_symlink():  # chmod would follow it to whatever it names
                os.chmod(moved, 0o600)
            note = moved.with_name(moved.name + ".why.txt")
            atomic_write(note, f"{path}\n{reason}\n".encode())
        return Quarantined(path, moved, reason)

    def is_running(self, path: Path) -> bool:
        """True while a copy of supple (this one or another) plays the session in ``path``: its
        lock is held (as ``recover`` tells a live session from a dead one)."""
        for lock in (self._lock_of(path), self.data_dir / "locks" / (path.stem + ".lock")):
            try:
                handle = open(lock, encoding="utf-8")  # noqa: SIM115
            except OSError:
                continue  # no lock: nobody plays it
            with handle:
                try:
                    _lock_now(handle.fileno(), shared=True)
                except OSError:
                    return True
        return False

    def trash(self, path: Path) -> Path:
        """Delete a session the gentle way: move it to ``trash/``. Never one that is running:
        the copy playing it would write it again a moment later."""
        if self.is_running(path):
            raise SessionRunning(path)
        try:
            return self._move(path, self.trash_dir)
        except OSError as error:
            raise SaveError(path, error.strerror or str(error)) from None

    def untrash(self, trashed: Path, original: Path) -> Path:
        """Undo ``trash``: move ``trashed`` back to ``original``, the very file (never over
        another one of that name). Raises SaveError."""
        try:
            make_private_dirs(original.parent)
            try:
                os.link(trashed, original)  # fails if ``original`` exists: nothing overwritten
            except FileExistsError:
                raise SaveError(original, "a file of that name is there again") from None
            os.unlink(trashed)
        except OSError as error:
            raise SaveError(trashed, error.strerror or str(error)) from None
        return original


def select(
    records: Iterable[SessionRecord], *, since: date | None = None, routine: str | None = None
) -> list[SessionRecord]:
    """The records started on or after ``since`` (their own local date), of ``routine``."""
    return [
        r
        for r in records
        if (since is None or r.started.date() >= since)
        and (routine is None or r.routine == routine)
    ]
