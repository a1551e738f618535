"""A data folder kept in Syncthing, Nextcloud or Dropbox across computers: which machine wrote a
session file, the conflict copies those tools make (recognised here alone), and which of two
copies of one session is the more complete.

The data folder is the one meant to be synced; locks and the history index are this machine's
own (kept in the state folder, named by machine), so nothing copied by sync can make this
machine take another's running session for a dead one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from supple.core.value import value_class

if TYPE_CHECKING:
    from supple.core.record import SessionRecord

# The conflict copies of the sync tools, declared once: each keeps the original name's stem and
# extension around a marker. ASCII digits only ([0-9], never \d). Compiled on first use
# (`_conflict_patterns`): most names have no "onflict" in them, and most commands read none.
CONFLICT_PATTERNS: tuple[tuple[str, str], ...] = (
    # x.sync-conflict-20261206-120000-ABCDEFG.toml
    ("Syncthing", r"\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}(?=\.[^.]*$|$)"),
    # x (conflicted copy 2026-12-06 120000).toml, x (Someone's conflicted copy 2026-12-06).toml,
    # x (conflicted copy user 2026-12-06 120000).toml, x (Someone's conflicted copy 2026-12-06 (1))
    (
        "Nextcloud, ownCloud or Dropbox",
        r" \([^()\n]*conflicted copy[^()\n]*(?:\([0-9]+\))?[^()\n]*\)(?=\.[^.]*$|$)",
    ),
    # x_conflict-20261206-120000.toml (ownCloud)
    ("ownCloud", r"_conflict-[0-9]{8}-[0-9]{6}(?=\.[^.]*$|$)"),
)

MACHINE_LENGTH = 8  # hex digits of the machine's tag in a session file's name
_HEX = frozenset("0123456789abcdef")


@cache
def _conflict_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for _, pattern in CONFLICT_PATTERNS)


def original_name(name: str) -> str | None:
    """The name of the file ``name`` is a sync tool's conflict copy of (a copy of a copy too),
    or None if it is no conflict copy."""
    if "onflict" not in name:  # quick: most names are not
        return None
    found = name
    changed = True
    while changed:
        changed = False
        for pattern in _conflict_patterns():
            stripped = pattern.sub("", found, count=1)
            if stripped != found and stripped and not stripped.startswith("."):
                found, changed = stripped, True
    return found if found != name else None


def canonical(path: Path) -> Path:
    """``path``, or the file it is a conflict copy of."""
    name = original_name(path.name)
    return path if name is None else path.with_name(name)


def machine_tag() -> str:
    """A short tag for this machine, the same every run (from its host name and, where there is
    one, its machine id), so that session files from two computers never share a name and each
    knows its own."""
    # os.uname's node name is what socket.gethostname() returns on POSIX, without importing
    # socket (and its selectors, array and enums: ~2 ms on every command that reads history).
    seed = os.uname().nodename if hasattr(os, "uname") else _host_name()
    for where in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            with open(where, "rb") as handle:
                seed += "\0" + handle.read(64).decode("ascii", "replace").strip()
            break
        except OSError:
            continue
    return sha256_hex(seed.encode("utf-8", "replace"))[:MACHINE_LENGTH]


def _host_name() -> str:
    import socket

    return socket.gethostname()


def sha256_hex(data: bytes) -> str:
    """``hashlib.sha256(data).hexdigest()``. CPython's own SHA-256 (``_sha2``, ``_sha256``
    before 3.12: the module hashlib falls back to) when it is built in, since hashlib loads
    OpenSSL first (~2 ms); hashlib where it is not."""
    for name in ("_sha2", "_sha256"):
        try:
            builtin = __import__(name)  # a top-level module: import_module without importlib
        except ImportError:
            continue
        return str(builtin.sha256(data).hexdigest())
    import hashlib

    return hashlib.sha256(data).hexdigest()


def session_name(stamp: str, routine: str, token: str, machine: str) -> str:
    """A new session file's name: start time, routine, a random part, the machine's tag."""
    return f"{stamp}-{routine}-{token}.{machine}.toml"


def machine_of(path: Path) -> str | None:
    """The tag of the machine that named this session file (its conflict copies too); None for
    a name from before tags (read as this machine's, as it always was)."""
    stem = canonical(path).stem
    _, dot, tag = stem.rpartition(".")
    return tag if dot and len(tag) == MACHINE_LENGTH and _HEX.issuperset(tag) else None


def is_mine(path: Path, machine: str) -> bool:
    found = machine_of(path)
    return found is None or found == machine


_RANK = {"completed": 3, "stopped": 2, "interrupted": 1, "in_progress": 0}


def completeness(record: SessionRecord) -> tuple[int, float, int, int]:
    """How complete a copy of a session is: further along, more time, more answered, and the
    main file before its conflict copies."""
    fields = sum(value is not None for value in record.to_toml().values())
    main = 0 if record.path is not None and original_name(record.path.name) else 1
    return (_RANK.get(str(record.status), 0), record.active_seconds, fields, main)


def one_per_session(records: list[SessionRecord]) -> list[SessionRecord]:
    """``records`` (in file order) with each session once: a conflict copy of a session file is
    the same session, and the more complete copy is kept (its files are all left as they are)."""
    if not any(r.path is not None and original_name(r.path.name) for r in records):
        return records
    best: dict[Path, SessionRecord] = {}
    for record in records:
        if record.path is None:
            continue
        key = canonical(record.path)
        kept = best.get(key)
        if kept is None or completeness(record) > completeness(kept):
            best[key] = record
    chosen = {id(r) for r in best.values()}
    return [r for r in records if r.path is None or id(r) in chosen]


@value_class(frozen=True, slots=True)
class Conflict:
    """A file of the person's that a sync tool left in two versions: both kept."""

    main: Path
    copies: tuple[Path, ...]


def conflicts(folder: Path, names: Iterable[str]) -> list[Conflict]:
    """The conflict copies in ``folder`` of the files ``names`` (program.toml, config.toml…)."""
    wanted = set(names)
    found: dict[str, list[Path]] = {}
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return []
    for entry in entries:
        name = original_name(entry)
        if name in wanted:
            found.setdefault(name, []).append(folder / entry)
    return [Conflict(folder / name, tuple(copies)) for name, copies in sorted(found.items())]


# The person's single files a sync tool may leave in two versions, declared once, by folder
# (sessions and test results are many small files: a conflict copy of one is the same one,
# counted once). A test writes each kind and fails on a file in the data folder not listed here.
DATA_FILES = (
    "program.toml",
    "adjustments.toml",
    "advice.toml",
    "screening.toml",
    "not-for-me.toml",
)
SETTINGS_FILES = ("config.toml", "remind.toml")
STATE_FILES = ("state.toml",)


def synced_files(
    data: Path, config: Path | None, state: Path
) -> list[tuple[Path, tuple[str, ...]]]:
    """The folders, each with its files of ``DATA_FILES``, ``SETTINGS_FILES``, ``STATE_FILES``."""
    found = [(data, DATA_FILES), (state, STATE_FILES)]
    if config is not None:
        found.append((config, SETTINGS_FILES))
    return found


def _content(path: Path) -> object:
    """What a small TOML file says (its bytes if it is not TOML); OSError."""
    from supple.core.files import read_capped
    from supple.core.tomlcheck import BadToml, parse_document

    raw = read_capped(path, 256 * 1024)
    try:
        return parse_document(raw)[1]
    except BadToml:
        return raw


def drop_equal_copies(found: Iterable[Conflict], trash: Path) -> list[Conflict]:
    """The conflicts left once each copy that says what its main file says is moved to
    ``trash`` (its data is in the main file); a copy that differs, or cannot be read, stays."""
    from supple.core.files import move_into

    left: list[Conflict] = []
    for conflict in found:
        kept: list[Path] = []
        try:
            main = _content(conflict.main)
        except OSError:
            main = None  # no main file (or unreadable): every copy is kept
        for copy in conflict.copies:
            try:
                if main is None or _content(copy) != main:
                    raise OSError
                move_into(copy, trash)
            except OSError:
                kept.append(copy)
        if kept:
            left.append(Conflict(conflict.main, tuple(kept)))
    return left


def one_per_name(paths: Iterable[Path]) -> list[Path]:
    """``paths`` with the conflict copies of files also listed left out (a test result is
    written once: its copy says the same); a copy whose main file is gone stands for it."""
    listed = list(paths)
    names = {p for p in listed if original_name(p.name) is None}
    out: list[Path] = []
    for path in listed:
        main = canonical(path)
        if main == path or main not in names:
            names.add(main)
            out.append(path)
    return out
