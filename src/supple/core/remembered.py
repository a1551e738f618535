"""What the app remembers between runs (the level last chosen, mute, the focus view), in a
small file of its own.

It is not the person's settings: `config.toml` is theirs and is rewritten only when they change a
setting; this file is the app's and may be rewritten on any key. Anything unreadable in it is
forgotten, never reported: it only saves the person a key press.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from supple.core.files import SCHEMA, SaveError, read_capped, refuse_newer, write_toml
from supple.core.routine import LEVELS, Level
from supple.core.schema import schema_of, unknown_keys
from supple.core.value import field, value_class

MAX_BYTES = 4096  # a few keys; anything larger is not ours


@value_class(frozen=True, slots=True)
class Remembered:
    level: Level | None = None  # None: nothing chosen yet, the settings' level applies
    muted: bool = False
    focus: bool = False  # the player's focus view (figure, countdown, cue word)
    # Forward compatibility: the schema it was read with (a newer one is never rewritten) and
    # the keys this supple does not know, written back as they were.
    schema: int = SCHEMA
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)


KEYS = ("level", "muted", "focus")


def load_remembered(path: Path) -> Remembered:
    from supple.core.tomlcheck import BadToml, parse_document

    try:
        data = parse_document(read_capped(path, MAX_BYTES))[1]
    except (OSError, BadToml):
        return Remembered()
    level = data.get("level")
    muted = data.get("muted")
    focus = data.get("focus")
    return Remembered(
        level=level if level in LEVELS else None,
        muted=muted if isinstance(muted, bool) else False,
        focus=focus if isinstance(focus, bool) else False,
        schema=schema_of(data, SCHEMA) or SCHEMA,  # none usable: this supple's, as ever
        unknown=unknown_keys(data, KEYS),
    )


def save_remembered(path: Path, remembered: Remembered) -> str | None:
    """Write it (atomically), with the keys this supple does not know; the reason if it could
    not be written (nothing else depends on it), as when a newer supple wrote the file (it is
    never rewritten)."""
    data: dict[str, object] = {
        "schema": remembered.schema,
        "muted": remembered.muted,
        "focus": remembered.focus,
    }
    if remembered.level is not None:
        data["level"] = remembered.level
    try:
        refuse_newer(path, remembered.schema)
        write_toml(path, data | remembered.unknown, own=True)
    except SaveError as error:
        return str(error)
    return None
