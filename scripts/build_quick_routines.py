"""Writes the bundled quick routines (routines/desk-break.toml, morning-wake-up.toml,
evening-wind-down.toml) with the session builder over the bundled library, as `supple build`
would make them on a fixed day: built once and committed as files (issue 26).

Run it again after the library changes: `PYTHONPATH=src python scripts/build_quick_routines.py`.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import assert_never

from supple.core.builder import Built, Request, build
from supple.core.files import SCHEMA
from supple.core.library import Library, LibraryExercise, load_library
from supple.core.routine import LEVELS, Dose, Kind, Level
from supple.core.routine_file import timing_data
from supple.core.value import replace

ROUTINES = Path(__file__).resolve().parent.parent / "routines"
DAY = date(2026, 12, 6)  # the seed: the same files every time the library is the same


class Quick:
    def __init__(
        self,
        routine_id: str,
        title: str,
        summary: str,
        minutes: int,
        focus: tuple[str, ...],
        equipment: tuple[str, ...] = (),
        level: Level = "beginner",
        *,
        off_floor: bool = False,
    ) -> None:
        self.routine_id, self.title, self.summary = routine_id, title, summary
        self.off_floor = off_floor  # at a desk: nothing that starts lying or kneeling
        self.request = Request(
            minutes, DAY, frozenset(focus), level, frozenset(equipment), frozenset()
        )


# The words a first step starts with when the exercise is done on the floor (lying, kneeling,
# on all fours, or from Child's Pose): left out of a desk break.
FLOOR_STARTS = ("lie ", "kneel", "start ", "on all fours")


def on_the_floor(item: LibraryExercise) -> bool:
    return item.exercise.how[0].lower().startswith(FLOOR_STARTS)


QUICK = (
    Quick(
        "desk-break",
        "Desk break",
        "Five minutes at your desk, seated or beside your chair: neck, shoulders, upper back "
        "and wrists.",
        5,
        ("neck", "shoulders", "upper-back", "wrists"),
        ("chair",),
        off_floor=True,
    ),
    Quick(
        "morning-wake-up",
        "Morning wake-up",
        "Ten minutes of gentle movement to start the day: spine, hips and shoulders.",
        10,
        ("lower-back", "upper-back", "hips", "shoulders"),
    ),
    Quick(
        "evening-wind-down",
        "Evening wind-down",
        "Ten quiet minutes before bed: easy movements, then long slow holds for the back, hips "
        "and legs.",
        10,
        ("lower-back", "hips", "hamstrings"),
    ),
)


def file_text(quick: Quick, result: Built, library: Library) -> str:
    """The routine file: each exercise the library's, used by id (``use =``), with a level's
    dose written only where it differs from the library's, so the file follows the library's
    words. Built at one level; a harder level keeps the library's dose, raised where needed to
    at least the built one (a harder level never asks less)."""
    import json

    import tomli_w

    built = quick.request.level
    head = {
        "schema": SCHEMA,
        "id": quick.routine_id,
        "title": quick.title,
        "summary": quick.summary,
        "timing": timing_data(result.routine.timing),
    }
    focus = ", ".join(sorted(quick.request.focus))
    lines = [
        f"# Built by scripts/build_quick_routines.py from the library ({quick.request.minutes} "
        f"minutes at the {built} level: {focus}).",
        "# Change the script and run it again rather than edit this file.",
        tomli_w.dumps(head),
    ]
    for exercise in result.routine.exercises:
        lines.append(f"[[exercise]]\nuse = {json.dumps(exercise.id)}")
        own = library.find(exercise.id).exercise.levels
        floor = exercise.levels[built]
        for level in LEVELS[LEVELS.index(built) :]:
            dose = own[level] if level != built else floor
            dose = replace(
                dose,
                sets=max(dose.sets, floor.sets),
                seconds=None if dose.seconds is None else max(dose.seconds, floor.seconds or 0),
            )
            if dose != own[level]:
                lines.append(f"levels.{level} = {dose_text(exercise.kind, dose)}")
        lines.append("")
    return "\n".join(lines)


def dose_text(kind: Kind, dose: Dose) -> str:
    match kind:
        case Kind.REPS:
            return f"{{ reps = {dose.reps}, sets = {dose.sets} }}"
        case Kind.HOLD:
            return f"{{ seconds = {dose.seconds}, sets = {dose.sets} }}"
        case _:
            assert_never(kind)


def main() -> int:
    library = load_library(ROUTINES / "library")
    for error in library.errors:
        print(error, file=sys.stderr)
    failed = 0
    for quick in QUICK:
        request = quick.request
        if quick.off_floor:
            floor = frozenset(e.id for e in library.exercises if on_the_floor(e))
            request = replace(request, excluded=floor)
        result = build(library.exercises, request)
        if not isinstance(result, Built):
            print(f"{quick.routine_id}: not built ({result.reason})", file=sys.stderr)
            failed += 1
            continue
        target = ROUTINES / f"{quick.routine_id}.toml"
        target.write_text(file_text(quick, result, library), encoding="utf-8")
        print(f"wrote {target} ({result.seconds / 60:.1f} min)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
