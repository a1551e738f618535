"""Easier or harder next time: for one exercise of one routine, play another level's numbers.

Kept in the person's data folder as `adjustments.toml`:

    schema = 1
    [back-pain-relief]
    cat-cow = -1      # one level easier than the session's level
    sphinx = 1        # one level harder

A step moves that exercise along its dose ladder (``ladder``): the doses below beginner, down to
a floor, then beginner, intermediate and advanced, one rung a step from the dose of the level the
session is played at; everything else (the routine, the level of the session, the program workout
it counts as) stays. A bad file never stops the app: what is wrong is reported and that entry is
left out.

Below beginner, for a bad day (docs/guide.md says why): half of beginner's reps or seconds with
beginner's sets, then a quarter of them in one set; never under 1 rep or a 5 s hold, and never
more than the rung above. A rung that would repeat the one above it is left out, so every step
down changes a number until the floor.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, assert_never

from supple.core.files import SCHEMA, file_lock, refuse_newer, write_own
from supple.core.routine import LEVELS, SLUG, Dose, Exercise, Kind, Level, Routine
from supple.core.schema import newer, schema_of, unknown_keys
from supple.core.tomlcheck import Checker, FileProblems, Problem, read_toml
from supple.core.value import replace, value_class
from supple.i18n import _

# Below beginner: each rung's share of beginner's reps or seconds, and whether it keeps
# beginner's sets (else one set).
BELOW_BEGINNER: tuple[tuple[float, bool], ...] = ((0.5, True), (0.25, False))
FLOOR_REPS = 1  # one rep still moves the joint through its range
FLOOR_SECONDS = 5  # a shorter hold is over before one slow breath
MAX_STEP = len(BELOW_BEGINNER) + len(LEVELS) - 1  # from the floor to advanced and back
MAX_BYTES = 256 * 1024

Steps = Mapping[str, Mapping[str, int]]  # routine id -> exercise id -> rungs up (+) or down (−)


@value_class(frozen=True, slots=True)
class Ladder:
    """One exercise's doses from the easiest up, each different from the one below it."""

    rungs: tuple[Dose, ...]

    def step(self, dose: Dose, n: int) -> Dose:
        """``dose`` moved ``n`` rungs up (+) or down (−), bounded at both ends; a dose not on
        the ladder stays as it is."""
        if dose not in self.rungs:
            return dose
        index = self.rungs.index(dose) + n
        return self.rungs[min(len(self.rungs) - 1, max(0, index))]


def ladder(exercise: Exercise) -> Ladder:
    """The exercise's doses: below beginner down to the floor, then its three levels."""
    beginner = exercise.levels["beginner"]
    below: list[Dose] = []
    above = beginner
    for share, keep_sets in BELOW_BEGINNER:
        dose = _smaller(exercise.kind, beginner, above, share, keep_sets)
        if dose != above:
            below.insert(0, dose)
            above = dose
    rungs: list[Dose] = []
    for dose in (*below, *(exercise.levels[level] for level in LEVELS)):
        if not rungs or rungs[-1] != dose:
            rungs.append(dose)
    return Ladder(tuple(rungs))


def _smaller(kind: Kind, beginner: Dose, above: Dose, share: float, keep_sets: bool) -> Dose:
    sets = min(above.sets, beginner.sets if keep_sets else 1)
    match kind:
        case Kind.REPS:
            reps = max(FLOOR_REPS, math.floor((beginner.reps or 0) * share))
            return Dose(sets=sets, reps=min(above.reps or 0, reps))
        case Kind.HOLD:
            seconds = max(FLOOR_SECONDS, math.floor((beginner.seconds or 0) * share))
            return Dose(sets=sets, seconds=min(above.seconds or 0, seconds))
        case _:
            assert_never(kind)


def stepped(exercise: Exercise, step: int) -> Exercise:
    """``exercise`` with each level's dose moved ``step`` rungs along its ladder."""
    if not step:
        return exercise
    rungs = ladder(exercise)
    levels = {level: rungs.step(exercise.levels[level], step) for level in LEVELS}
    return replace(exercise, levels=levels)


def adjusted(routine: Routine, steps: Mapping[str, int]) -> Routine:
    """``routine`` with each stepped exercise moved along its ladder by its step."""
    if not any(steps.get(e.id) for e in routine.exercises):
        return routine
    exercises = tuple(stepped(e, steps.get(e.id, 0)) for e in routine.exercises)
    return replace(routine, exercises=exercises)


def change_label(exercise: Exercise, level: Level, step: int) -> str:
    """What a step changed at ``level``, in words: "easier: 3 reps", "harder: 45 s × 3 sets";
    "" when no number changed (nothing is labelled as changed that did not change)."""
    from supple.core.words import plural

    before = exercise.levels[level]
    after = stepped(exercise, step).levels[level]
    if after == before:
        return ""
    amount = exercise.kind.amount
    changed: list[str] = []
    if getattr(after, amount) != getattr(before, amount):
        match exercise.kind:
            case Kind.REPS:
                changed.append(plural(after.reps or 0, "rep"))
            case Kind.HOLD:
                changed.append(f"{after.seconds} s")
            case _:
                assert_never(exercise.kind)
    if after.sets != before.sets:
        changed.append(plural(after.sets, "set"))
    return f"{'easier' if step < 0 else 'harder'}: {' × '.join(changed)}"


def load_adjustments(path: Path) -> tuple[dict[str, dict[str, int]], list[Problem]]:
    """The steps in ``path`` (none if there is no file), and every problem found (none in a
    newer supple's file: what this one cannot read is that one's)."""
    if not path.exists() and not path.is_symlink():
        return {}, []
    try:
        text, data = read_toml(path, MAX_BYTES)
    except FileProblems as error:
        return {}, [*error.problems, Problem(path, None, "", _("easier/harder steps left out"))]
    check = Checker(path, text)
    steps, _unknown = _read(data, check)
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
            check.report([routine_id], _("expected a routine id with a table of exercise = step"))
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
                    f"expected a whole number of steps from -{MAX_STEP} to {MAX_STEP}",
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
    with file_lock(path):
        _save(steps, path)


def _save(steps: Steps, path: Path) -> None:
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
        "# Easier (-1) or harder (+1) next time, per routine and exercise, in steps along the\n"
        "# exercise's dose ladder (below beginner too): set on the summary.\n"
    )
    write_own(path, (header + tomli_w.dumps(out)).encode("utf-8"))
