"""Settings: `<config dir>/config.toml`. A bad value never stops the app: it is reported with the
file, the key and what is allowed, and that key keeps its default."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from supple.core.files import write_toml
from supple.core.routine import LEVELS, MAX_TIMING, Routine
from supple.core.tomlcheck import Checker, FileProblems, Problem, read_toml

SOUNDS = ("bell", "off")
VOICES = ("off", "transitions", "everything")
Sound = Literal["bell", "off"]
Voice = Literal["off", "transitions", "everything"]
TIMING_OVERRIDES = ("get_ready", "rest_between_sets", "rest_between_exercises")


@dataclass(frozen=True)
class Config:
    level: str = "beginner"
    get_ready: int | None = None  # None: each routine's own
    rest_between_sets: int | None = None
    rest_between_exercises: int | None = None
    sound: Sound = "bell"
    voice: Voice = "transitions"
    check_in_before: bool = False
    check_in_after: bool = True
    theme: str = "textual-dark"
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys

    def timing_overrides(self) -> dict[str, int]:
        return {k: v for k in TIMING_OVERRIDES if (v := getattr(self, k)) is not None}

    def apply(self, routine: Routine) -> Routine:
        """The routine with the user's get-ready and rest seconds in every exercise."""
        values = self.timing_overrides()
        if not values:
            return routine
        return replace(
            routine,
            timing=replace(routine.timing, **values),
            exercises=tuple(
                replace(e, timing=replace(e.timing, **values)) for e in routine.exercises
            ),
        )

    def to_toml(self) -> dict[str, Any]:
        """What is written: only keys that differ from the defaults, so new defaults reach
        everyone who did not choose otherwise."""
        default = Config()
        return {
            k: v
            for k, v in asdict(self).items()
            if v != getattr(default, k) and v is not None and v != {}
        }


KEYS = tuple(f.name for f in fields(Config))


def load_config(path: Path) -> tuple[Config, list[Problem]]:
    """The settings in ``path`` (defaults if there is no file), and every problem found."""
    if not path.exists():
        return Config(), []
    try:
        text, data = read_toml(path)
    except FileProblems as error:
        return Config(), [*error.problems, Problem(path, None, "", "using the default settings")]
    check = Checker(path, text)
    check.keys(data, [], KEYS)
    values: dict[str, Any] = {}
    values["level"] = check.string(data, [], "level", choices=LEVELS, default="beginner")
    for key in TIMING_OVERRIDES:
        number = check.number(data, [], key, low=0, high=MAX_TIMING[key], unit="s")
        values[key] = None if number is None else int(number)
    values["sound"] = check.string(data, [], "sound", choices=SOUNDS, default="bell")
    values["voice"] = check.string(data, [], "voice", choices=VOICES, default="transitions")
    for key in ("check_in_before", "check_in_after"):
        values[key] = check.boolean(data, [], key, default=getattr(Config(), key))
    values["theme"] = check.string(
        data, [], "theme", default="textual-dark", pattern=r"[a-z0-9][a-z0-9-]{0,40}"
    )
    keymap = check.table(data, [], "keymap") or {}
    good: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if isinstance(keys, str) and keys.strip():
            good[binding_id] = keys
        else:
            check.report(["keymap", binding_id], 'expected keys in quotes, like "k" or "k,up"')
    values["keymap"] = good
    problems = [
        Problem(p.path, p.line, p.key, f"{p.message}; using the default") for p in check.problems
    ]
    return Config(**values), problems


def save_config(config: Config, path: Path) -> None:
    write_toml(path, config.to_toml())
