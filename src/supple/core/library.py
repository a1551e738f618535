"""The exercise library: every exercise declared once, in ``routines/library/<area>.toml``, with
the body areas it works, the equipment it needs and its easier and harder neighbours (a ladder).

A library file is ``schema = 1`` and ``[[exercise]]`` tables with a routine exercise's keys (read
by the routine parser's own reader, core/routine.py) and the keys of ``LibraryKey``. Routines use
an exercise by id (``use = "cat-cow"``); see core/library_tables.py for that path."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, assert_never

from supple.core.files import SCHEMA
from supple.core.library_tables import EXERCISE, library_files, read_tables
from supple.core.outcome import ALONE as ALONE  # one exercise alone: "exercise-cat-cow"
from supple.core.routine import (
    MAX_EXERCISES,
    SLUG,
    Exercise,
    ExerciseKey,
    Kind,
    Routine,
    Timing,
    read_exercise,
)
from supple.core.tomlcheck import Checker, FileProblems, KeyPart, closest, read_toml
from supple.core.value import value_class
from supple.i18n import _


class Area(StrEnum):
    """The body areas, one closed set: a library file per area, ``--focus`` takes these ids."""

    NECK = "neck"
    SHOULDERS = "shoulders"
    UPPER_BACK = "upper-back"
    LOWER_BACK = "lower-back"
    HIPS = "hips"
    HAMSTRINGS = "hamstrings"
    WRISTS = "wrists"
    ANKLES = "ankles"


class Equipment(StrEnum):
    """What an exercise may need; an exercise that lists none needs nothing."""

    WALL = "wall"
    CHAIR = "chair"
    BAND = "band"
    STICK = "stick"


class Position(StrEnum):
    """Where the body is as an exercise starts, from the highest to the floor: a built session
    goes through them one way, so a person gets down (or up) once. Read from the exercise's
    figure, whose first pose declares its base posture (``BASE_POSITIONS``): declared once."""

    STANDING = "standing"
    CHAIR = "chair"  # seated on a chair
    KNEELING = "kneeling"  # kneeling up, or on one knee
    ALL_FOURS = "all-fours"
    FLOOR = "floor"  # seated on the floor
    LYING = "lying"  # on the back, the front or a side


# Each base posture of the figures (core/figure_data.py) and the position it is
# (tests/core/test_builder.py checks that every base has one).
BASE_POSITIONS = {
    "standing": Position.STANDING,
    "lunge": Position.STANDING,
    "seated-chair": Position.CHAIR,
    "kneeling": Position.KNEELING,
    "half-kneeling": Position.KNEELING,
    "all-fours": Position.ALL_FOURS,
    "seated-floor": Position.FLOOR,
    "supine": Position.LYING,
    "prone": Position.LYING,
    "side-lying": Position.LYING,
}


class LibraryKey(StrEnum):
    """The keys a library exercise has beside a routine exercise's own (``ExerciseKey``)."""

    AREAS = "areas"
    EQUIPMENT = "equipment"
    EASIER = "easier"
    HARDER = "harder"
    WARMUP = "warmup"
    SOURCE = "source"


MAX_AREAS = 3


class LibraryError(FileProblems):
    """A library file with problems; each names the file, the key and the line."""


@value_class(frozen=True, slots=True)
class LibraryExercise:
    """An exercise of the library: the exercise a routine plays, and what the library knows."""

    exercise: Exercise
    areas: tuple[Area, ...]  # the first is its primary area: the file it is in
    equipment: tuple[Equipment, ...]
    source: str  # a key of docs/library.md's sources
    easier: str | None = None
    harder: str | None = None
    warmup: bool = False  # a gentle repeated movement, fit to open a session
    path: Path | None = None

    @property
    def id(self) -> str:
        return self.exercise.id

    @property
    def position(self) -> Position:
        """Where it starts: its figure's first base posture (the figures are read on first use,
        never at start-up); standing when it has no figure (nothing says it starts lower)."""
        from supple.core.figure_data import figure_named, figure_tables

        name = self.exercise.figure or ""
        figure = figure_named(name) if name in figure_tables() else None
        return BASE_POSITIONS[figure.bases[0]] if figure and figure.bases else Position.STANDING


class Library:
    """Every exercise that reads, in file order, and the files with problems (never hidden)."""

    def __init__(
        self,
        exercises: Sequence[LibraryExercise],
        errors: Sequence[LibraryError] = (),
        tables: Mapping[str, dict[str, Any]] | None = None,
    ) -> None:
        self.exercises = tuple(exercises)
        self.errors = tuple(errors)
        self.tables: Mapping[str, dict[str, Any]] = tables if tables is not None else {}
        self._by_id = {e.id: e for e in self.exercises}

    def __len__(self) -> int:
        return len(self.exercises)

    def ids(self) -> list[str]:
        return list(self._by_id)

    def find(self, exercise_id: str) -> LibraryExercise:
        """The exercise of that id; KeyError if there is none."""
        return self._by_id[exercise_id]

    def suggest(self, exercise_id: str) -> str | None:
        """The id most like ``exercise_id`` (a likely typo), or None."""
        return closest(exercise_id, self._by_id)

    def in_area(self, area: Area) -> tuple[LibraryExercise, ...]:
        """The exercises that work ``area`` (as their primary area or another)."""
        return tuple(e for e in self.exercises if area in e.areas)

    def ladder(self, exercise_id: str) -> tuple[LibraryExercise, ...]:
        """The ladder the exercise is on, easiest first; KeyError for an unknown id."""
        start = self.find(exercise_id)
        below: list[LibraryExercise] = []
        seen = {start.id}
        here = start
        while here.easier in self._by_id and here.easier not in seen:
            here = self._by_id[here.easier]
            seen.add(here.id)
            below.append(here)
        above: list[LibraryExercise] = []
        here = start
        while here.harder in self._by_id and here.harder not in seen:
            here = self._by_id[here.harder]
            seen.add(here.id)
            above.append(here)
        return (*reversed(below), start, *above)


def alone(item: LibraryExercise) -> Routine:
    """One exercise as a routine of its own (``supple play --exercise``): its id, and so the
    session's record, says which exercise it is."""
    exercise = item.exercise
    name = exercise.name
    return Routine(
        f"{ALONE}{item.id}", name, f"{name}, alone", (exercise,), Timing(), uses=(item.id,)
    )


def library_at(folder: Path) -> Library:
    """The library in ``folder``, read once a language (the bundled one does not change while
    supple runs; its names are read in the language of the moment, which --lang or the
    setting may change after a first read)."""
    from supple.i18n import language

    return _library_in(folder, language())


@cache
def _library_in(folder: Path, language: str) -> Library:
    return load_library(folder)


def load_library(folder: Path) -> Library:
    """Read and check every ``*.toml`` in ``folder``: each file alone, then the ladders across
    them (a neighbour that does not exist, a one-way link, a cycle, an exercise on no ladder)
    and ids used twice. An exercise with a problem is left out; its file is in ``errors``."""
    checkers: dict[Path, Checker] = {}
    found: list[tuple[LibraryExercise, Checker, list[KeyPart]]] = []
    for path in library_files(folder):
        try:
            text, data = read_toml(path)
        except FileProblems as error:
            checkers[path] = _failed(path, error)
            continue
        check = checkers[path] = Checker(path, text)
        found += [(e, check, where) for e, where in _read_file(check, path, data)]
    kept = _cross_check(found)
    errors = [LibraryError(p, c.shown()) for p, c in checkers.items() if c.problems]
    return Library(kept, errors, read_tables(folder.resolve()))


def _failed(path: Path, error: FileProblems) -> Checker:
    check = Checker(path, "")
    check.problems.extend(error.problems)
    return check


def _read_file(
    check: Checker, path: Path, data: dict[str, Any]
) -> list[tuple[LibraryExercise, list[KeyPart]]]:
    check.keys(data, [], ("schema", EXERCISE), required=("schema", EXERCISE))
    if "schema" in data and (type(data["schema"]) is not int or data["schema"] != SCHEMA):
        check.report(["schema"], _("expected the whole number {schema}").format(schema=SCHEMA))
    area = path.stem
    if area not in tuple(Area):
        close = closest(area, tuple(Area))
        if close:
            said = _(
                "a library file is named for its area (did you mean '{close}'? one of: {areas})"
            )
        else:
            said = _("a library file is named for its area (one of: {areas})")
        check.report([], said.format(close=f"{close}.toml", areas=_list(Area)))
    raw = data.get(EXERCISE)
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        if EXERCISE in data:
            check.report([EXERCISE], _("expected [[exercise]] tables"))
        return []
    if len(raw) > MAX_EXERCISES:
        said = _("{count} exercises; a library file has at most {most}")
        check.report([EXERCISE], said.format(count=len(raw), most=MAX_EXERCISES))
        return []
    out = []
    for index, table in enumerate(raw, 1):
        where: list[KeyPart] = [EXERCISE, index]
        item = _library_exercise(check, table, where, area, path)
        if item is not None:
            out.append((item, where))
    return out


def _library_exercise(
    check: Checker, raw: dict[str, Any], where: list[KeyPart], area: str, path: Path
) -> LibraryExercise | None:
    before = len(check.problems)
    exercise = read_exercise(check, raw, where, Timing(), extra=tuple(LibraryKey))
    K = LibraryKey
    areas = _members(check, raw, where, K.AREAS, Area, low=1, high=MAX_AREAS)
    if areas and areas[0] != area and area in tuple(Area):
        said = _("the first area is the file's: '{area}' (it is in {area}.toml)")
        check.report([*where, K.AREAS], said.format(area=area))
    equipment = _members(check, raw, where, K.EQUIPMENT, Equipment, low=0, high=len(Equipment))
    easier = check.string(raw, where, K.EASIER, pattern=SLUG)
    harder = check.string(raw, where, K.HARDER, pattern=SLUG)
    warmup = check.boolean(raw, where, K.WARMUP, default=False)
    source = check.string(raw, where, K.SOURCE, max_length=60)
    for key in (K.AREAS, K.SOURCE):
        if key not in raw:
            check.report([*where, key], _("missing (required)"))
    if exercise is None or len(check.problems) > before:
        return None
    for key, other in ((K.EASIER, easier), (K.HARDER, harder)):
        if other == exercise.id:
            check.report([*where, key], _("an exercise is not its own neighbour"))
    if warmup and not _repeated(exercise.kind):
        check.report([*where, K.WARMUP], _('a warm-up is a repeated movement (kind = "reps")'))
    if len(check.problems) > before or areas is None or source is None:
        return None
    return LibraryExercise(
        exercise,
        tuple(Area(a) for a in areas),
        tuple(Equipment(e) for e in equipment or ()),
        source,
        easier,
        harder,
        warmup,
        path,
    )


def _repeated(kind: Kind) -> bool:
    match kind:
        case Kind.REPS:
            return True
        case Kind.HOLD:
            return False
        case _:
            assert_never(kind)


def _members(
    check: Checker,
    raw: dict[str, Any],
    where: list[KeyPart],
    key: str,
    choices: type[StrEnum],
    *,
    low: int,
    high: int,
) -> tuple[str, ...] | None:
    """A list of members of a closed set: each known (or a suggestion), none twice."""
    value = raw.get(key, [] if low == 0 else None)
    if value is None:
        return None
    here = [*where, key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        check.report(here, f'expected a list of texts like ["{next(iter(choices)).value}"]')
        return None
    if not low <= len(value) <= high:
        said = _("has {count} items (expected {low} to {high})")
        check.report(here, said.format(count=len(value), low=low, high=high))
        return None
    known = tuple(m.value for m in choices)
    for index, item in enumerate(value, 1):
        if item not in known:
            close = closest(item, known)
            facts = {"key": key, "item": item, "close": close, "choices": _list(choices)}
            if close:
                said = _("unknown {key} '{item}' (did you mean '{close}'? one of: {choices})")
            else:
                said = _("unknown {key} '{item}' (one of: {choices})")
            check.report([*here, index], said.format(**facts))
            return None
        if value.index(item) != index - 1:
            check.report([*here, index], _("'{item}' is listed twice").format(item=item))
            return None
    return tuple(value)


def _list(choices: Iterable[StrEnum]) -> str:
    return ", ".join(m.value for m in choices)


def _cross_check(
    found: list[tuple[LibraryExercise, Checker, list[KeyPart]]],
) -> list[LibraryExercise]:
    """Ids used twice, and the ladders: each reported in the file and at the key that says it."""
    by_id: dict[str, tuple[LibraryExercise, Checker, list[KeyPart]]] = {}
    for item in found:
        exercise, check, where = item
        first = by_id.get(exercise.id)
        if first is not None:
            seen_in = first[0].path.name if first[0].path else _("the library")
            said = _("duplicate id '{id}' (also in {seen_in})")
            check.report([*where, ExerciseKey.ID], said.format(id=exercise.id, seen_in=seen_in))
            continue
        by_id[exercise.id] = item
    K = LibraryKey
    bad: set[str] = set()
    for exercise, check, where in by_id.values():
        if exercise.easier is None and exercise.harder is None:  # reported, kept: it is whole
            check.report(where, _("on no ladder: name an easier or a harder neighbour (or both)"))
        for key, other, back in (
            (K.EASIER, exercise.easier, K.HARDER),
            (K.HARDER, exercise.harder, K.EASIER),
        ):
            if other is None:
                continue
            neighbour = by_id.get(other)
            if neighbour is None:
                close = closest(other, by_id)
                if close:
                    said = _("no library exercise '{id}' (did you mean '{close}'?)")
                else:
                    said = _("no library exercise '{id}'")
                check.report([*where, key], said.format(id=other, close=close))
                bad.add(exercise.id)
            elif getattr(neighbour[0], back) != exercise.id:
                said = getattr(neighbour[0], back)
                facts = {"other": other, "key": back, "id": exercise.id, "said": repr(said)}
                if said:
                    told = _(
                        "'{other}' must say {key} = \"{id}\" (it says {said}): "
                        "a ladder goes both ways"
                    )
                else:
                    told = _(
                        "'{other}' must say {key} = \"{id}\" (it says nothing): "
                        "a ladder goes both ways"
                    )
                check.report([*where, key], told.format(**facts))
                bad.add(exercise.id)
        if _climbs_back(exercise, by_id):
            check.report([*where, K.HARDER], _("the ladder climbs back to this exercise (a cycle)"))
            bad.add(exercise.id)
    return [item[0] for item in by_id.values() if item[0].id not in bad]


def _climbs_back(
    start: LibraryExercise, by_id: Mapping[str, tuple[LibraryExercise, Checker, list[KeyPart]]]
) -> bool:
    seen: set[str] = set()
    here = start.harder
    while here is not None and here in by_id and here not in seen:
        if here == start.id:
            return True
        seen.add(here)
        here = by_id[here][0].harder
    return here == start.id
