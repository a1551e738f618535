"""A cache of parsed TOML documents, so that a command does not parse again the routine
files (bundled, the library's, the person's) and the program it parsed last time.

One file in the cache folder, ``marshal`` data (built in: nothing to import). An entry is a
file's text and its parsed document, keyed on its path, size, modification time and inode,
the whole file on supple's version and Python's; it is used only where all of them match, and
only for what it holds (the text and the document: every check of the document still runs on
it). A file modified in the last two seconds is not cached (its modification time is too
coarse to tell two writes apart), a document with dates in it is not (marshal has none), and a
cache that is missing, corrupt or of another version is rebuilt, silently.

Beside the documents, the same file keeps values worked out from files (``recall``, ``remember``:
the program's workouts' lengths, worked out from every routine file and the settings), each
under the keys of every file it was worked out from, by the same rules."""

from __future__ import annotations

import marshal
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

from supple.core.files import atomic_write

Key = tuple[int, int, int]  # size, mtime_ns, inode
RECENT_NS = 2_000_000_000  # younger files are not cached: a second write may keep the key
# A kept value's name in the file, which no path of a document can be.
VALUE = "\0value "
FileKeys = tuple[tuple[str, int, int, int], ...]  # (name, size, mtime_ns, inode) per file


def key_of(info: os.stat_result) -> Key:
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def file_keys(*files: Path) -> FileKeys:
    """Each of ``files`` as it is now: its path and key, (-1, -1, -1) if it cannot be looked at
    (no such file)."""
    found = []
    for path in files:
        try:
            found.append((str(path), *key_of(os.stat(path))))
        except OSError:
            found.append((str(path), -1, -1, -1))
    return tuple(found)


def folder_keys(folder: Path, depth: int = 1) -> FileKeys:
    """Every ``*.toml`` of ``folder`` and (``depth`` levels down) of the folders in it, as it is
    now, by name (none: no such folder)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return ()
    found: list[tuple[str, int, int, int]] = []
    for entry in entries:
        if entry.name.endswith(".toml"):
            try:
                found.append((entry.path, *key_of(entry.stat())))
            except OSError:
                found.append((entry.path, -1, -1, -1))
        if depth and entry.is_dir():
            found += folder_keys(Path(entry.path), depth - 1)
    return tuple(found)


class ParsedCache:
    """The cache in ``path``, for ``version`` (supple's): read on first use, written once at
    exit (atomically) if a document or a value was added."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self._stamp = f"{version} {sys.hexversion}"
        self._entries: dict[str, tuple[tuple[Any, ...], bytes]] | None = None
        self._dirty = False

    def _all(self) -> dict[str, tuple[tuple[Any, ...], bytes]]:
        if self._entries is None:
            self._entries = {}
            try:
                stamp, entries = marshal.loads(self.path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                return self._entries
            if stamp == self._stamp and isinstance(entries, dict):
                self._entries = entries
        return self._entries

    def get(self, path: Path, key: Key) -> tuple[str, dict[str, Any]] | None:
        """The text and document cached for ``path`` as it is now (``key``), or None."""
        found = self._all().get(str(path))
        if not isinstance(found, tuple) or len(found) != 2 or found[0] != key:
            return None
        try:
            text, data = marshal.loads(found[1])  # fresh objects: the caller may change them
        except (ValueError, EOFError, TypeError):
            return None
        if not isinstance(text, str) or not isinstance(data, dict):
            return None
        return text, data

    def put(self, path: Path, key: Key, text: str, data: dict[str, Any]) -> None:
        if time.time_ns() - key[1] < RECENT_NS:
            return
        try:
            blob = marshal.dumps((text, data))
        except ValueError:  # a date or a time: not cached
            return
        self._put(str(path), key, blob)

    def get_value(self, name: str, key: tuple[Any, ...]) -> object | None:
        """The value kept as ``name`` for ``key``, or None (the caller checks its shape)."""
        found = self._all().get(VALUE + name)
        if not isinstance(found, tuple) or len(found) != 2 or found[0] != key:
            return None
        try:
            value: object = marshal.loads(found[1])
        except (ValueError, EOFError, TypeError):
            return None
        return value

    def put_value(self, name: str, key: tuple[Any, ...], value: Any, newest_ns: int) -> None:
        """Keep ``value`` as ``name`` for ``key``, unless a file it was worked out from was
        modified in the last two seconds (``newest_ns``) or it is not plain data."""
        if time.time_ns() - newest_ns < RECENT_NS:
            return
        try:
            blob = marshal.dumps(value)
        except ValueError:
            return
        self._put(VALUE + name, key, blob)

    def _put(self, name: str, key: tuple[Any, ...], blob: bytes) -> None:
        entries = self._all()
        if entries.get(name) == (key, blob):
            return
        entries[name] = (key, blob)
        if not self._dirty:
            import atexit

            atexit.register(self.save)
        self._dirty = True

    def save(self) -> None:
        """Write the cache if anything was added; a folder that cannot be written is ignored."""
        if not self._dirty or self._entries is None:
            return
        self._dirty = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, marshal.dumps((self._stamp, self._entries)))
        except OSError:
            pass


_active: ParsedCache | None = None


def use(cache: ParsedCache | None) -> None:
    """Read TOML files (``tomlcheck.read_toml``) through ``cache`` from now on; None: parse
    each (the default: only the coach over the person's own folders installs one)."""
    global _active
    _active = cache


def lookup(path: Path, limit: int) -> tuple[Key | None, tuple[str, dict[str, Any]] | None]:
    """The key of ``path`` as it is now (None: not to be cached) and its cached text and
    document (None: to be parsed)."""
    if _active is None:
        return None, None
    try:
        info = os.stat(path)
    except OSError:
        return None, None
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        return None, None
    key = key_of(info)
    return key, _active.get(path, key)


def keep(path: Path, key: Key | None, size: int, parsed: tuple[str, dict[str, Any]]) -> None:
    """Cache what was parsed of ``path`` (read at ``size`` bytes) under the ``key`` it had."""
    if _active is not None and key is not None and size == key[0]:
        _active.put(path, key, *parsed)


def active() -> bool:
    """Whether a cache is in use (values are worth keeping)."""
    return _active is not None


def recall(name: str, files: FileKeys, facts: tuple[Any, ...]) -> object | None:
    """The value kept as ``name`` while the files it was worked out from (``files``, their
    keys as they are now) and whatever else it depends on (``facts``, plain data) are as they
    were; None: work it out (and ``remember`` it)."""
    return None if _active is None else _active.get_value(name, (files, facts))


def remember(name: str, files: FileKeys, facts: tuple[Any, ...], value: Any) -> None:
    """Keep ``value``, worked out from ``files`` (their keys taken before they were read) and
    ``facts``; not while one of them is younger than two seconds."""
    if _active is not None:
        newest = max((k[2] for k in files), default=0)
        _active.put_value(name, (files, facts), value, newest)
