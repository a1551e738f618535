"""A routine being edited: its draft as routine-file data, checked as `supple validate` checks it.

The draft is the data of a routine file (the dicts ``parse_routine`` reads), so anything a file
can hold, even a broken one, can be opened, shown with its problems at their keys and fixed.
Saving writes a new routine with ``dump_routine``; an existing file is changed in place with
tomlkit, key by key, so a hand-written file keeps its comments and its order.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, assert_never

from supple.core.breath import PATTERNS
from supple.core.files import MAX_ROUTINE_BYTES, SCHEMA, SaveError, atomic_write, read_capped
from supple.core.routine import (
    LEVELS,
    DoseKey,
    ExerciseKey,
    Kind,
    Level,
    PhaseKey,
    Routine,
    RoutineError,
    RoutineKey,
    parse_routine,
)
from supple.core.tomlcheck import BadToml, KeyPart, Problem, dotted, parse_document
from supple.core.value import value_class
from supple.i18n import _

NEW_REPS = {"beginner": 5, "intermediate": 8, "advanced": 10}
NEW_SECONDS = {"beginner": 20, "intermediate": 30, "advanced": 45}


def new_amounts(kind: Kind) -> dict[str, int]:
    """A new dose's amount at each level, for an exercise of ``kind``."""
    match kind:
        case Kind.REPS:
            return NEW_REPS
        case Kind.HOLD:
            return NEW_SECONDS
        case _:
            assert_never(kind)


_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")  # ASCII digits only: `²` stays text


def free_id(base: str, taken: Iterable[str]) -> str:
    """``base`` if free, else ``base-2``, ``base-3``… (ids are at most 64 characters)."""
    from supple.core.imports.text import unique

    return unique(base[:64].rstrip("-") or "routine", set(taken))


def copy_id(routine_id: str, taken: Iterable[str]) -> str:
    """``<id>-copy``, then ``<id>-copy-2``…: never one that is taken."""
    return free_id(f"{routine_id[:53]}-copy", taken)


def number_or_text(raw: str) -> int | float | str | None:
    """What a typed value means in the file: a number if it reads as one, None if blank, else
    the text itself (which the routine check then names: "expected a whole number, got …")."""
    text = raw.strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return float(text) if "." in text else int(text)
    return raw


def phases_text(value: Any) -> str:
    """A list of breath phases as one line: ``inhale 3 Up, exhale 3`` (phase, seconds, cue)."""
    if not isinstance(value, list):
        return ""
    parts = []
    for item in value:
        if not isinstance(item, dict):
            continue
        words = [str(item.get(PhaseKey.PHASE, "")), _fmt(item.get(PhaseKey.SECONDS, ""))]
        if item.get(PhaseKey.CUE):
            words.append(str(item[PhaseKey.CUE]))
        parts.append(" ".join(w for w in words if w))
    return ", ".join(parts)


def parse_phases(text: str) -> list[dict[str, Any]]:
    """``inhale 3 Up, exhale 3`` as phases; what does not read as one is kept as written, for the
    routine check to name (an unknown phase, seconds that are not a number)."""
    phases: list[dict[str, Any]] = []
    for chunk in text.split(","):
        words = chunk.split(maxsplit=2)
        if not words:
            continue
        phase: dict[str, Any] = {PhaseKey.PHASE.value: words[0]}
        if len(words) > 1:
            phase[PhaseKey.SECONDS.value] = number_or_text(words[1])
        if len(words) > 2:
            phase[PhaseKey.CUE.value] = words[2]
        phases.append(phase)
    return phases


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@value_class(frozen=True, slots=True)
class Opened:
    """A file that is no TOML at all: its text and why, shown; never overwritten."""

    path: Path
    text: str
    reason: str


class Draft:
    """A routine being edited. ``data`` is the routine file's data; ``problems`` what
    ``parse_routine`` says of it (every one with its key path); ``routine`` it once valid."""

    def __init__(
        self,
        data: dict[str, Any],
        *,
        path: Path | None,
        folder: Path,
        text: str | None = None,
        taken: Iterable[str] = (),
    ) -> None:
        self.data = data
        self.path = path  # the file it came from and goes back to; None: a new routine
        self.folder = folder  # where a new routine is saved, as <id>.toml
        self.text = text  # the file's text as it was opened (kept when the editor saves)
        self.taken = set(taken)  # ids of other routines, which a new one must not take
        self._saved = copy.deepcopy(data)
        self._origin: list[int | None] = list(range(len(self.exercises)))
        self.problems: tuple[Problem, ...] = ()
        self.routine: Routine | None = None
        self.validate()

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, folder: Path, taken: Iterable[str] = ()) -> Draft | Opened:
        """The routine file at ``path`` to edit as it is (valid or not); Opened if it is no TOML
        (then nothing can be edited, and nothing is written)."""
        try:
            text, data = parse_document(read_capped(path, MAX_ROUTINE_BYTES))
        except OSError as error:
            return Opened(path, "", _("cannot read: {why}").format(why=error.strerror or error))
        except BadToml as error:
            where = f"line {error.line}: " if error.line else ""
            raw = read_capped(path, MAX_ROUTINE_BYTES).decode("utf-8", errors="replace")
            return Opened(path, raw, where + error.message)
        return cls(data, path=path, folder=folder, text=text, taken=taken)

    @classmethod
    def copy_of(cls, routine: Routine, folder: Path, taken: Iterable[str]) -> Draft:
        """A new routine of the person's, made from ``routine`` as its file has it."""
        data = _file_data(routine)
        data[RoutineKey.ID] = copy_id(routine.id, taken)
        data[RoutineKey.TITLE] = f"{str(data.get(RoutineKey.TITLE, routine.title))[:73]} (copy)"
        draft = cls(data, path=None, folder=folder, taken=taken)
        draft._saved = {}  # nothing of it is saved yet
        return draft

    @classmethod
    def new(cls, folder: Path, taken: Iterable[str]) -> Draft:
        """An empty routine that is already valid: one exercise, to change."""
        data: dict[str, Any] = {
            RoutineKey.SCHEMA.value: SCHEMA,
            RoutineKey.ID.value: free_id("my-routine", taken),
            RoutineKey.TITLE.value: "My routine",
            RoutineKey.EXERCISE.value: [_new_exercise("exercise-1", "Exercise 1")],
        }
        draft = cls(data, path=None, folder=folder, taken=taken)
        draft._saved = {}
        return draft

    # -- reading ---------------------------------------------------------------------------

    @property
    def exercises(self) -> list[dict[str, Any]]:
        raw = self.data.get(RoutineKey.EXERCISE)
        if isinstance(raw, list):
            return [e for e in raw if isinstance(e, dict)]
        return []

    @property
    def dirty(self) -> bool:
        return self.data != self._saved

    @property
    def valid(self) -> bool:
        return self.routine is not None

    @property
    def target(self) -> Path:
        """The file a save writes."""
        if self.path is not None:
            return self.path
        return self.folder / f"{self.data.get(RoutineKey.ID, 'routine')}.toml"

    def get(self, parts: Sequence[KeyPart], default: Any = None) -> Any:
        value: Any = self.data
        for part in _zero_based(parts):
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return default
        return value

    def problems_at(self, parts: Sequence[KeyPart], *, under: bool = False) -> list[Problem]:
        """The problems of the key ``parts`` (with ``under``: of anything inside it too)."""
        key = dotted(parts)
        return [
            p
            for p in self.problems
            if p.key == key
            or (under and (p.key.startswith(key + ".") or p.key.startswith(key + "[")))
        ]

    # -- changing --------------------------------------------------------------------------

    def set(self, parts: Sequence[KeyPart], value: Any) -> None:
        """Set the value at ``parts`` (1-based indexes, as problems name them); None removes the
        key, and a table left empty by that goes too. Tables on the way are made."""
        path = _zero_based(parts)
        container: Any = self.data
        chain: list[tuple[Any, KeyPart]] = []
        for part in path[:-1]:
            if isinstance(container, dict) and not isinstance(container.get(part), dict | list):
                if value is None:
                    return
                container[part] = {}
            chain.append((container, part))
            container = container[part]
        last = path[-1]
        if value is None:
            if isinstance(container, dict):
                container.pop(last, None)
            for parent, part in reversed(chain):  # drop tables the removal left empty
                child = parent[part]
                if isinstance(child, dict) and not child and isinstance(part, str):
                    del parent[part]
                else:
                    break
        else:
            container[last] = value
        self.validate()

    def set_kind(self, index: int, kind: Kind) -> None:
        """Reps or hold: the levels change their amount (reps ↔ seconds), a named breath pattern
        of the other kind goes (the kind's default applies)."""
        exercise = self.exercises[index]
        exercise[ExerciseKey.KIND] = kind.value
        amount, defaults = kind.amount, new_amounts(kind)
        levels = exercise.get(ExerciseKey.LEVELS)
        if isinstance(levels, dict):
            for level in LEVELS:
                dose = levels.get(level)
                if isinstance(dose, dict) and amount not in dose:
                    for other in Kind:  # the amount of the kind it was
                        if other.amount != amount:
                            dose.pop(other.amount, None)
                    dose[amount.value] = defaults[level]
        breath = exercise.get(ExerciseKey.BREATH)
        wrong = isinstance(breath, str) and breath in PATTERNS
        if wrong and PATTERNS[str(breath)].cycle != kind.breath_cycles:
            del exercise[ExerciseKey.BREATH]
        self.validate()

    def add_exercise(self, after: int | None = None) -> int:
        """A new exercise after ``after`` (at the end without): its index."""
        ids = [str(e.get(ExerciseKey.ID)) for e in self.exercises]
        number = len(ids) + 1
        exercise_id = free_id(f"exercise-{number}", ids)
        at = len(ids) if after is None else after + 1
        self._exercise_list().insert(at, _new_exercise(exercise_id, f"Exercise {number}"))
        self._origin.insert(at, None)
        self.validate()
        return at

    def duplicate_exercise(self, index: int) -> int:
        exercises = self._exercise_list()
        twin = copy.deepcopy(exercises[index])
        key = ExerciseKey.ID
        twin[key] = free_id(str(twin.get(key, "exercise")), [str(e.get(key)) for e in exercises])
        exercises.insert(index + 1, twin)
        self._origin.insert(index + 1, None)
        self.validate()
        return index + 1

    def remove_exercise(self, index: int) -> int:
        """Remove one (never the last: a routine has at least one); the index to show next."""
        exercises = self._exercise_list()
        if len(exercises) <= 1:
            return index
        del exercises[index]
        del self._origin[index]
        self.validate()
        return min(index, len(exercises) - 1)

    def move_exercise(self, index: int, step: int) -> int:
        exercises = self._exercise_list()
        to = index + step
        if not 0 <= to < len(exercises):
            return index
        exercises[index], exercises[to] = exercises[to], exercises[index]
        self._origin[index], self._origin[to] = self._origin[to], self._origin[index]
        self.validate()
        return to

    def _exercise_list(self) -> list[Any]:
        raw = self.data.get(RoutineKey.EXERCISE)
        if not isinstance(raw, list):
            raw = self.data[RoutineKey.EXERCISE.value] = []
        if len(self._origin) != len(raw):
            self._origin = [None] * len(raw)
        return raw

    # -- checking --------------------------------------------------------------------------

    def validate(self) -> None:
        """Check the draft exactly as loading its file will (and that its id is free)."""
        unchanged = self.text is not None and self.data == self._saved
        text = self.text if unchanged and self.text is not None else ""
        problems: list[Problem] = []
        try:
            self.routine = parse_routine(self.data, path=self.target, text=text, source="user")
        except RoutineError as error:
            self.routine = None
            problems.extend(error.problems)
        routine_id = self.data.get(RoutineKey.ID)
        own = self._saved.get(RoutineKey.ID) if self.path is not None else None  # its id as saved
        if isinstance(routine_id, str) and routine_id != own and routine_id in self.taken:
            problems.append(
                Problem(
                    self.target,
                    None,
                    RoutineKey.ID,
                    _("the id '{id}' is taken (choose another)").format(id=routine_id),
                )
            )
            self.routine = None
        self.problems = tuple(problems)

    def preview(self, level: Level, adjust: Any = None) -> tuple[dict[Level, float], str]:
        """Minutes at each level and the timeline at ``level`` in a line; ``adjust`` (a
        Routine -> Routine, the settings' rests) is applied first. Empty while invalid."""
        from supple.core.timeline import expand, timeline_line, total_seconds

        if self.routine is None:
            return {}, ""
        routine = adjust(self.routine) if adjust is not None else self.routine
        minutes = {lv: total_seconds(expand(routine, lv)) / 60 for lv in LEVELS}
        return minutes, timeline_line(expand(routine, level))

    # -- saving ----------------------------------------------------------------------------

    def file_text(self) -> str:
        """The text a save writes: the opened file with only the changed keys changed, or a new
        routine file."""
        if self.text is None:
            from supple.core.routine_file import dump_routine

            assert self.routine is not None
            return dump_routine(self.routine)
        from supple.coach.routine_text import edited_text

        return edited_text(self.text, self._saved, self.data, self._origin)

    def save(self) -> Path:
        """Write the routine (atomically); its path. SaveError if it is not valid or cannot be
        written."""
        target = self.target
        if self.routine is None:
            said = _("it has {count} problem(s) to fix first").format(count=len(self.problems))
            raise SaveError(target, said)
        if self.path is None and target.exists():
            raise SaveError(target, _("a file of that name is there already (choose another id)"))
        from supple.core.routine_file import make_room

        make_room(target)  # at the cap of the person's own routines: refused, said
        text = self.file_text()
        try:
            atomic_write(target, text.encode("utf-8"))
        except OSError as error:
            raise SaveError(target, error.strerror or str(error)) from None
        self.path, self.text = target, text
        self._saved = copy.deepcopy(self.data)
        self._origin = list(range(len(self.exercises)))
        return target


def _zero_based(parts: Sequence[KeyPart]) -> list[KeyPart]:
    return [p - 1 if isinstance(p, int) else p for p in parts]


def _new_exercise(exercise_id: str, name: str) -> dict[str, Any]:
    return {
        ExerciseKey.ID.value: exercise_id,
        ExerciseKey.NAME.value: name,
        ExerciseKey.KIND.value: Kind.REPS.value,
        ExerciseKey.HOW.value: ["Describe the first step."],
        ExerciseKey.LEVELS.value: {
            level: {DoseKey.REPS.value: NEW_REPS[level], DoseKey.SETS.value: 1} for level in LEVELS
        },
    }


def _file_data(routine: Routine) -> dict[str, Any]:
    """The routine's file as data (so a copy keeps what the file says, not what the settings
    made of it); its written form if the file cannot be read or uses library exercises (the
    editor edits each exercise whole)."""
    if routine.path is not None and not routine.uses:
        try:
            return parse_document(read_capped(routine.path, MAX_ROUTINE_BYTES))[1]
        except (OSError, BadToml):
            pass
    from supple.core.routine_file import routine_data

    return routine_data(routine)
