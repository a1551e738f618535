"""Easier or harder next time: for one exercise of one routine, play another level's numbers.

Kept in the person's data folder as `adjustments.toml`:

    schema = 1
    [back-pain-relief]
    cat-cow = -1      # one level easier than the session's level
    sphinx = 1        # one level harder

A step moves that exercise's reps, seconds and sets to the level below or above the one the
session is played at, bounded at beginner and advanced; everything else (the routine, the level
of the session, the program workout it counts as) stays. A bad file never stops the app: what
is wrong is reported and that entry is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from supple.core.files import SCHEMA, atomic_write, refuse_newer
from supple.core.routine import LEVELS, SLUG, Level, Routine
from supple.core.schema import newer, schema_of, unknown_keys
from supple.core.tomlcheck import Checker, FileProblems, Problem, read_toml

MAX_STEP = len(LEVELS) - 1  # from beginner to advanced and back: no further
MAX_BYTES = 256 * 1024

Steps = Mapping[str, Mapping[str, int]]  # routine id -> exercise id -> levels up (+) or down (−)


def shifted(level: Level, step: int) -> Level:
    """``level`` moved ``step`` levels, bounded at beginner and advanced."""
    index = min(len(LEVELS) - 1, max(0, LEVELS.index(level) + step))
    return LEVELS[index]


def adjusted(routine: Routine, steps: Mapping[str, int]) -> Routine:
    """``routine`` with each stepped exercise playing the numbers of the level its step names."""
    if not any(steps.get(e.id) for e in routine.exercises):
        return routine
    exercises = []
    for exercise in routine.exercises:
        step = steps.get(exercise.id, 0)
        if step:
            levels = {level: exercise.levels[shifted(level, step)] for level in LEVELS}
            exercise = replace(exercise, levels=levels)
        exercises.append(exercise)
    return replace(routine, exercises=tuple(exercises))


def load_adjustments(path: Path) -> tuple[dict[str, dict[str, int]], list[Problem]]:
    """The steps in ``path`` (none if there is no file), and every problem found (none in a
    newer supple's file: what this one cannot read is that one's)."""
    if not path.exists() and not path.is_symlink():
        return {}, []
    try:
        text, data = read_toml(path, MAX_BYTES)
    except FileProblems as error:
        return {}, [*error.problems, Problem(path, None, "", "easier/harder steps left out")]
    check = Checker(path, text)
    steps, _ = _read(data, check)
    return steps, [] if newer(_schema(data)) else check.shown()


def _schema(data: dict[str, Any]) -> int:
    # A file without a usable schema is read as this supple's, as it always was.
    return schema_of(data, SCHEMA) or SCHEMA


# What a file holds besides its steps, kept by a rewrite: its other keys, and per routine the
# entries that are not steps this supple can read.
Unknown = tuple[dict[str, Any], dict[str, dict[str, Any]]]


def _read(data: dict[str, Any], check: Checker) -> tuple[dict[str, dict[str, int]], Unknown]:
    """The steps in a parsed file (problems reported to ``check``), and what else it holds."""
    import re

    slug = re.compile(SLUG)
    steps: dict[str, dict[str, int]] = {}
    read: dict[str, dict[str, int]] = {}  # every entry read, zero steps too
    for routine_id, table in data.items():
        if routine_id == "schema":
            continue
        if not slug.fullmatch(routine_id) or not isinstance(table, dict):
            check.report([routine_id], "expected a routine id with a table of exercise = step")
            continue
        read[routine_id] = {}
        for exercise_id, value in table.items():
            if (
                not slug.fullmatch(exercise_id)
                or isinstance(value, bool)
                or not isinstance(value, int)
                or abs(value) > MAX_STEP
            ):
                check.report(
                    [routine_id, exercise_id],
                    f"expected a whole number of levels from -{MAX_STEP} to {MAX_STEP}",
                )
                continue
            read[routine_id][exercise_id] = value
            if value:
                steps.setdefault(routine_id, {})[exercise_id] = value
    entries = {r: others for r, known in read.items() if (others := unknown_keys(data[r], known))}
    return steps, (unknown_keys(data, read), entries)


def save_adjustments(steps: Steps, path: Path) -> None:
    """Write every step (atomically); a routine with none left is left out. What the file holds
    that is not a step is kept as it was; SaveError if a newer supple wrote it (it is never
    rewritten)."""
    import tomli_w

    schema = SCHEMA
    others: dict[str, Any] = {}
    entries: dict[str, dict[str, Any]] = {}
    if path.exists() or path.is_symlink():
        try:
            text, data = read_toml(path, MAX_BYTES)
        except FileProblems:
            pass  # nothing in it can be read: replaced, as ever
        else:
            schema = _schema(data)
            refuse_newer(path, schema)
            _, (others, entries) = _read(data, Checker(path, text))
    out: dict[str, Any] = {"schema": schema, **others}
    for routine_id in sorted({*steps, *entries}):
        mine = steps.get(routine_id, {})
        kept = {k: v for k, v in sorted(mine.items()) if v}
        kept |= {k: v for k, v in entries.get(routine_id, {}).items() if k not in mine}
        if kept:
            out[routine_id] = kept
    header = (
        "# Easier (-1) or harder (+1) next time, per routine and exercise: set on the summary.\n"
    )
    atomic_write(path, (header + tomli_w.dumps(out)).encode("utf-8"))
