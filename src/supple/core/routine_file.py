"""A routine written back as a routine file: the one writer behind export, import and the editor.

``routine_data`` gives the TOML tables the README documents (the routine's timing once at the
top, an exercise's only where it differs; a built-in breath pattern by name, any other as its
phases), so that loading what is written gives the same routine again (a test holds it to that).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from supple.core.breath import PATTERNS, BreathPattern
from supple.core.files import SCHEMA
from supple.core.routine import LEVELS, Exercise, Routine, Timing

DEFAULT_CUES = {"inhale": "Breathe in", "exhale": "Breathe out", "hold": "Hold"}


def breath_value(breath: BreathPattern) -> str | list[dict[str, Any]]:
    """A built-in pattern by its name; anything else as its phases (cues kept if not default)."""
    if PATTERNS.get(breath.name) == breath:
        return breath.name
    phases: list[dict[str, Any]] = []
    for phase in breath.phases:
        seconds: float | int = (
            int(phase.seconds) if phase.seconds == int(phase.seconds) else phase.seconds
        )
        item: dict[str, Any] = {"phase": phase.phase, "seconds": seconds}
        if phase.cue != DEFAULT_CUES[phase.phase]:
            item["cue"] = phase.cue
        phases.append(item)
    return phases


def timing_data(timing: Timing, base: Timing | None = None) -> dict[str, int]:
    """The timing's values; with ``base``, only those that differ from it."""
    values = asdict(timing)
    if base is None:
        return values
    return {k: v for k, v in values.items() if v != getattr(base, k)}


def exercise_data(exercise: Exercise, routine_timing: Timing) -> dict[str, Any]:
    out: dict[str, Any] = {"id": exercise.id, "name": exercise.name, "kind": exercise.kind}
    if exercise.figure:
        out["figure"] = exercise.figure
    out["how"] = list(exercise.how)
    if exercise.safety:
        out["safety"] = exercise.safety
    out["breath"] = breath_value(exercise.breath)
    if exercise.per_side:
        out["per_side"] = True
    timing = timing_data(exercise.timing, routine_timing)
    if timing:
        out["timing"] = timing
    amount = "reps" if exercise.kind == "reps" else "seconds"
    out["levels"] = {
        level: {
            amount: getattr(exercise.levels[level], amount),
            "sets": exercise.levels[level].sets,
        }
        for level in LEVELS
    }
    return out


def routine_data(routine: Routine) -> dict[str, Any]:
    """The routine as the tables of a routine file."""
    out: dict[str, Any] = {"schema": SCHEMA, "id": routine.id, "title": routine.title}
    if routine.summary:
        out["summary"] = routine.summary
    out["timing"] = timing_data(routine.timing)
    out["exercise"] = [exercise_data(e, routine.timing) for e in routine.exercises]
    return out


def dump_routine(routine: Routine, header: str = "") -> str:
    """The text of a routine file for ``routine`` (``header``: comment lines to put first)."""
    import tomli_w

    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + tomli_w.dumps(routine_data(routine))
