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
from supple.core.library import Library, LibraryExercise, Position, load_library
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
        texts: dict[str, tuple[str, str]],
        off_floor: bool = False,
        rising: bool = False,
    ) -> None:
        self.routine_id, self.title, self.summary = routine_id, title, summary
        self.texts = texts  # each language's title and summary
        self.off_floor = off_floor  # at a desk: nothing that starts lower than a chair
        self.request = Request(
            minutes,
            DAY,
            frozenset(focus),
            level,
            frozenset(equipment),
            frozenset(),
            rising=rising,
        )


def on_the_floor(item: LibraryExercise) -> bool:
    """Whether it starts lower than a chair (its figure's first posture): not at a desk."""
    return item.position not in (Position.STANDING, Position.CHAIR)


QUICK = (
    Quick(
        "desk-break",
        "Desk break",
        "Five minutes at your desk, seated or beside your chair: neck, shoulders, upper back "
        "and wrists.",
        5,
        ("neck", "shoulders", "upper-back", "wrists"),
        ("chair",),
        texts={
            "de": (
                "Schreibtischpause",
                "Fünf Minuten an deinem Schreibtisch, im Sitzen oder neben deinem Stuhl: Nacken, "
                "Schultern, oberer Rücken und Handgelenke.",
            ),
            "es": (
                "Pausa en el escritorio",
                "Cinco minutos en tu escritorio, sentado o junto a tu silla: cuello, hombros, "
                "espalda alta y muñecas.",
            ),
        },
        off_floor=True,
    ),
    Quick(
        "morning-wake-up",
        "Morning wake-up",
        "Ten minutes of gentle movement to start the day, from the floor up to standing: spine, "
        "hips and shoulders.",
        10,
        ("lower-back", "upper-back", "hips", "shoulders"),
        texts={
            "de": (
                "Morgens in Schwung kommen",
                "Zehn Minuten sanfte Bewegung für den Start in den Tag, vom Boden bis in den "
                "Stand: Wirbelsäule, Hüften und Schultern.",
            ),
            "es": (
                "Despertar por la mañana",
                "Diez minutos de movimiento suave para empezar el día, del suelo hasta ponerte "
                "de pie: columna, caderas y hombros.",
            ),
        },
        rising=True,  # start on the floor, where you woke, and end standing, ready for the day
    ),
    Quick(
        "evening-wind-down",
        "Evening wind-down",
        "Ten quiet minutes before bed, from standing down to the floor: easy movements, then "
        "long slow holds for the back, hips and legs.",
        10,
        ("lower-back", "hips", "hamstrings"),
        texts={
            "de": (
                "Abends zur Ruhe kommen",
                "Zehn ruhige Minuten vor dem Schlafengehen, vom Stand hinunter auf den Boden: "
                "leichte Bewegungen, dann lange, langsame Dehnungen für Rücken, Hüften und Beine.",
            ),
            "es": (
                "Calma antes de dormir",
                "Diez minutos tranquilos antes de acostarte, de pie y luego en el suelo: "
                "movimientos suaves y después estiramientos largos y lentos para la espalda, las "
                "caderas y las piernas.",
            ),
        },
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
        **{
            lang: {"title": title, "summary": summary}
            for lang, (title, summary) in quick.texts.items()
        },
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
