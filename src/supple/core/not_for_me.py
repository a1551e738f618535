"""The exercises a person marked "not for me", kept in the data folder as ``not-for-me.toml``:

    schema = 1
    exercises = ["superman", "pigeon-pose"]   # library ids; the builder never chooses them

Keyed on the exercise id. A file that cannot be read is reported and left as it is (never
rewritten until it is fixed or moved away); keys this supple does not know are written back."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from supple.core.files import SCHEMA, SaveError, file_lock, refuse_newer, write_toml
from supple.core.schema import schema_of, unknown_keys
from supple.core.tomlcheck import FileProblems, read_toml
from supple.core.value import field, value_class

FILE_NAME = "not-for-me.toml"
KEY = "exercises"
MAX_BYTES = 64 * 1024
MAX_IDS = 1000
_SLUG = r"[a-z0-9][a-z0-9-]{0,63}"


@value_class(frozen=True, slots=True)
class NotForMe:
    """The ids marked, and what is wrong with the file (None: nothing, or no file)."""

    ids: frozenset[str] = frozenset()
    problem: str | None = None
    schema: int = SCHEMA
    extra: dict[str, Any] = field(default_factory=dict)  # keys a newer supple wrote


def load_not_for_me(path: Path) -> NotForMe:
    """What the file says; an empty set without one."""
    if not path.exists():
        return NotForMe()
    try:
        _, data = read_toml(path, MAX_BYTES)
    except FileProblems as error:
        return NotForMe(problem=str(error))
    schema = schema_of(data, SCHEMA)
    if schema is None:
        return NotForMe(problem=f"{path}: schema: expected the whole number {SCHEMA}")
    raw = data.get(KEY, [])
    if not isinstance(raw, list) or not all(
        isinstance(v, str) and re.fullmatch(_SLUG, v) for v in raw
    ):
        return NotForMe(problem=f"{path}: {KEY}: expected a list of exercise ids")
    if len(raw) > MAX_IDS:
        return NotForMe(problem=f"{path}: {KEY}: {len(raw)} ids (at most {MAX_IDS})")
    return NotForMe(frozenset(raw), None, schema, unknown_keys(data, ("schema", KEY)))


def save_not_for_me(path: Path, ids: frozenset[str]) -> NotForMe:
    """Write ``ids``, atomically, keeping the keys it does not know; SaveError (never over a
    file it could not read, nor one a newer supple wrote)."""
    with file_lock(path):
        return _save(path, ids)


def _save(path: Path, ids: frozenset[str]) -> NotForMe:
    now = load_not_for_me(path)
    if now.problem is not None:
        raise SaveError(path, f"it cannot be read, so it is left as it is: {now.problem}")
    refuse_newer(path, now.schema)
    if len(ids) > MAX_IDS:
        raise SaveError(path, f"at most {MAX_IDS} exercises can be marked")
    write_toml(path, {**now.extra, "schema": now.schema, KEY: sorted(ids)}, own=True)
    return NotForMe(frozenset(ids), None, now.schema, now.extra)
