"""The advice applied, kept in the data folder as ``advice.toml``: each entry its id, the
suggestion and its reason (with the numbers), when it was applied, and what the easier/harder
steps file held before, byte for byte, so that undo restores it exactly.

    schema = 1
    [[applied]]
    id = "harder-cat-cow-2026-12-06-1a2b"
    kind = "harder"
    routine = "back-pain-relief"
    exercises = ["cat-cow"]
    reason = "Cat-Cow 8 reps next time: 3 sessions at 5 reps, pain 1–2 during"
    applied_at = 2026-12-06T08:00:00+01:00
    before = "schema = 1\\n..."  # the steps file before, escaped so it stays exact (absent: none)
    after = "schema = 1\\n..."   # and right after applying: undo restores ``before`` only while
                              # the file still holds this (else it steps back what advice moved)
    undone_at = ...           # once undone
    names = ["Cat-Cow"]       # the exercises' names, the dose it moved from and to (additive)
    was = "5 reps"
    dose = "8 reps"

Keys this supple does not know, in the file or in an entry, are written back as they were.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from supple.core.files import SCHEMA, refuse_newer, write_own
from supple.core.schema import schema_of, unknown_keys
from supple.core.tomlcheck import FileProblems, read_toml
from supple.core.value import field, replace, value_class

MAX_BYTES = 1024 * 1024


@value_class(frozen=True, slots=True)
class Applied:
    id: str
    kind: str
    routine: str
    exercises: tuple[str, ...]
    reason: str
    applied_at: datetime
    before: str | None  # the adjustments file's text before; None: there was no file
    undone_at: datetime | None = None
    after: str | None = None  # the file's text right after applying (None: not known)
    extra: Mapping[str, Any] = field(default_factory=dict)  # keys a newer supple wrote
    names: tuple[str, ...] = ()  # the exercises' names, and the dose it moved from and to
    was: str = ""  # (additive: an entry written before these were kept has none)
    dose: str = ""

    def to_toml(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            **self.extra,
            "id": self.id,
            "kind": self.kind,
            "routine": self.routine,
            "exercises": list(self.exercises),
            "reason": self.reason,
            "applied_at": self.applied_at,
        }
        if self.before is not None:
            out["before"] = self.before
        if self.after is not None:
            out["after"] = self.after
        if self.undone_at is not None:
            out["undone_at"] = self.undone_at
        for key, value in (("names", list(self.names)), ("was", self.was), ("dose", self.dose)):
            if value:
                out[key] = value
        return out


KNOWN = frozenset(
    (
        "id",
        "kind",
        "routine",
        "exercises",
        "reason",
        "applied_at",
        "before",
        "after",
        "undone_at",
        "names",
        "was",
        "dose",
    )
)


def _entry(table: object) -> Applied | None:
    if not isinstance(table, dict):
        return None
    try:
        exercises = table.get("exercises", [])
        before = table.get("before")
        undone = table.get("undone_at")
        after = table.get("after")
        names = table.get("names", [])
        entry = Applied(
            str(table["id"]),
            str(table["kind"]),
            str(table.get("routine", "")),
            tuple(str(e) for e in exercises) if isinstance(exercises, list) else (),
            str(table.get("reason", "")),
            table["applied_at"],
            before if isinstance(before, str) else None,
            undone if isinstance(undone, datetime) else None,
            after if isinstance(after, str) else None,
            unknown_keys(table, KNOWN),
            tuple(str(n) for n in names) if isinstance(names, list) else (),
            _text(table.get("was")),
            _text(table.get("dose")),
        )
    except (KeyError, TypeError):
        return None
    return entry if isinstance(entry.applied_at, datetime) else None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def load_log(path: Path) -> tuple[list[Applied], int]:
    """The entries of ``path`` (none without a file; an unreadable one, an entry that cannot be
    read, left out) and the file's schema."""
    if not path.exists():
        return [], SCHEMA
    try:
        _, data = read_toml(path, MAX_BYTES)
    except FileProblems:
        return [], SCHEMA
    raw = data.get("applied", [])
    entries = [e for t in (raw if isinstance(raw, list) else []) if (e := _entry(t))]
    return entries, schema_of(data, SCHEMA) or SCHEMA


def save_log(path: Path, entries: list[Applied]) -> None:
    """Write every entry, atomically; SaveError if a newer supple wrote the file."""
    import tomli_w

    _, schema = load_log(path)
    refuse_newer(path, schema)
    data = {**_unknown(path), "schema": schema, "applied": [e.to_toml() for e in entries]}
    header = "# Advice applied (`supple advice`), with what the steps file held before.\n"
    write_own(path, (header + tomli_w.dumps(data)).encode("utf-8"))


def _unknown(path: Path) -> dict[str, Any]:
    """The file's own keys this supple does not know, kept for the rewrite."""
    if not path.exists():
        return {}
    try:
        _, data = read_toml(path, MAX_BYTES)
    except FileProblems:
        return {}
    return unknown_keys(data, {"applied"})


def undone(entry: Applied, at: datetime) -> Applied:
    return replace(entry, undone_at=at)
