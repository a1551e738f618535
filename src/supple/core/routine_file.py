"""A routine written back as a routine file: the one writer behind export, import and the editor.

``routine_data`` gives the TOML tables the README documents (the routine's timing once at the
top, an exercise's only where it differs; a built-in breath pattern by name, any other as its
phases), so that loading what is written gives the same routine again (a test holds it to that).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from supple.core.breath import DEFAULT_CUES, PATTERNS, BreathPattern
from supple.core.files import SCHEMA, SaveError
from supple.core.limits import MAX_USER_ROUTINES
from supple.core.routine import (
    LEVELS,
    TIMING_FIXED,
    DoseKey,
    Exercise,
    ExerciseKey,
    PhaseKey,
    Routine,
    RoutineKey,
    Timing,
)
from supple.core.translations import as_tables
from supple.core.value import asdict


def breath_value(breath: BreathPattern) -> str | list[dict[str, Any]]:
    """A built-in pattern by its name; anything else as its phases (cues kept if not default)."""
    if PATTERNS.get(breath.name) == breath:
        return breath.name
    phases: list[dict[str, Any]] = []
    for phase in breath.phases:
        seconds: float | int = (
            int(phase.seconds) if phase.seconds == int(phase.seconds) else phase.seconds
        )
        item: dict[str, Any] = {PhaseKey.PHASE: phase.phase, PhaseKey.SECONDS: seconds}
        if phase.cue != DEFAULT_CUES[phase.phase]:
            item[PhaseKey.CUE] = phase.cue
        phases.append(item)
    return phases


def timing_data(timing: Timing, base: Timing | None = None) -> dict[str, int]:
    """The timing's values; with ``base``, only those that differ from it."""
    values = asdict(timing)
    if base is None:
        return values
    return {k: v for k, v in values.items() if v != getattr(base, k)}


def exercise_data(exercise: Exercise, routine_timing: Timing) -> dict[str, Any]:
    K = ExerciseKey
    english = exercise.texts.get("en", {})  # the English as read, whatever language is shown
    name, how, safety = (english.get(k, getattr(exercise, k)) for k in (K.NAME, K.HOW, K.SAFETY))
    out: dict[str, Any] = {K.ID: exercise.id, K.NAME: name, K.KIND: exercise.kind}
    if exercise.figure:
        out[K.FIGURE] = exercise.figure
    out[K.HOW] = list(how)
    if safety:
        out[K.SAFETY] = safety
    out[K.BREATH] = breath_value(exercise.breath)
    if exercise.per_side:
        out[K.PER_SIDE] = True
    timing = timing_data(exercise.timing, routine_timing)
    if timing:
        out[K.TIMING] = timing
    amount = exercise.kind.amount
    out[K.LEVELS] = {
        level: {
            amount: getattr(exercise.levels[level], amount),
            DoseKey.SETS: exercise.levels[level].sets,
        }
        for level in LEVELS
    }
    out.update(as_tables(exercise.texts))  # [exercise.de], [exercise.es]: kept as they were
    return out


def routine_data(routine: Routine) -> dict[str, Any]:
    """The routine as the tables of a routine file."""
    K = RoutineKey
    english = routine.texts.get("en", {})
    title, summary = (english.get(k, getattr(routine, k)) for k in (K.TITLE, K.SUMMARY))
    out: dict[str, Any] = {K.SCHEMA: SCHEMA, K.ID: routine.id, K.TITLE: title}
    if summary:
        out[K.SUMMARY] = summary
    out.update(as_tables(routine.texts))
    timing: dict[str, Any] = {**timing_data(routine.timing)}
    if routine.own_timing:
        timing[TIMING_FIXED] = True
    out[K.TIMING] = timing
    out[K.EXERCISE] = [exercise_data(e, routine.timing) for e in routine.exercises]
    return out


def dump_routine(routine: Routine, header: str = "") -> str:
    """The text of a routine file for ``routine`` (``header``: comment lines to put first)."""
    import tomli_w

    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + tomli_w.dumps(routine_data(routine))


def at_the_cap(count: int) -> str:
    """Why no more routines of the person's own are saved, in a sentence."""
    from supple.i18n import _

    said = _(
        "you have {count} routines of your own, the most supple keeps ({most}); delete some first"
    )
    return said.format(count=f"{count:,}", most=f"{MAX_USER_ROUTINES:,}")


def own_count(folder: Path) -> int:
    """How many routine files of the person's own ``folder`` holds (0 without one)."""
    try:
        return sum(1 for n in os.listdir(folder) if n.endswith(".toml") and n[:1] != ".")
    except OSError:
        return 0


def make_room(target: Path) -> None:
    """SaveError if ``target`` would be one more routine file among the person's own (in its
    folder) when they have ``MAX_USER_ROUTINES`` already: every way of saving a routine (the
    builder, the editor, save-as) asks this first; an import counts its room the same way."""
    if target.exists():
        return  # a routine changed in place adds none
    count = own_count(target.parent)
    if count >= MAX_USER_ROUTINES:
        raise SaveError(target, at_the_cap(count))
