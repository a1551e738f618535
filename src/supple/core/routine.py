"""Routines and their exercises: the TOML format, strict validation, and finding routine files."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, assert_never, cast

from supple.core.breath import (
    DEFAULT_CUES,
    DEFAULT_REP_PATTERN,
    PATTERNS,
    PHASE_NAMES,
    BreathPattern,
    Phase,
    PhaseName,
)
from supple.core.dose import Dose as Dose
from supple.core.dose import DoseKey as DoseKey
from supple.core.dose import Kind as Kind
from supple.core.figure_names import figure_names
from supple.core.files import SCHEMA
from supple.core.layout import laid_out, seconds_of

# The levels, the limits and the timing keys, declared in core.limits (light: the history and
# the settings read them without this parser) and part of this module's interface too.
from supple.core.limits import DEFAULT_LEVEL as DEFAULT_LEVEL
from supple.core.limits import EXTEND_LIMIT as EXTEND_LIMIT
from supple.core.limits import LEVELS as LEVELS
from supple.core.limits import LONGEST_TIMING as LONGEST_TIMING
from supple.core.limits import MAX_EXERCISES as MAX_EXERCISES
from supple.core.limits import MAX_HOLD_SECONDS as MAX_HOLD_SECONDS
from supple.core.limits import MAX_PLAN_SECONDS as MAX_PLAN_SECONDS
from supple.core.limits import MAX_REPS as MAX_REPS
from supple.core.limits import MAX_SESSION_PLAN_SECONDS as MAX_SESSION_PLAN_SECONDS
from supple.core.limits import MAX_SETS as MAX_SETS
from supple.core.limits import MAX_TIMING as MAX_TIMING
from supple.core.limits import SLUG as SLUG
from supple.core.limits import TIMING_FIXED as TIMING_FIXED
from supple.core.limits import TIMING_KEYS as TIMING_KEYS
from supple.core.limits import TIMING_LABELS as TIMING_LABELS
from supple.core.limits import Level as Level
from supple.core.limits import Timing as Timing
from supple.core.tomlcheck import Checker, FileProblems, KeyPart, closest, read_toml
from supple.core.translations import (
    EXERCISE_TEXTS,
    ROUTINE_TEXTS,
    Texts,
    language_keys,
    read_translations,
    shown,
    used_translations,
)
from supple.core.value import field, value_class
from supple.i18n import _

Source = Literal["bundled", "user"]
LIBRARY_FOLDER = "library"  # beside the bundled routines: the exercises routines may `use`


class RoutineError(FileProblems):
    """A routine file that cannot be used; every problem names the file, key and line."""


# The routine file's keys, each declared once: the parser, the writer (routine_file), `supple
# show --json` and the editor read them from here. A table's members are in the order its
# "allowed:" hint lists them.
class RoutineKey(StrEnum):
    SCHEMA = "schema"
    ID = "id"
    TITLE = "title"
    SUMMARY = "summary"
    TIMING = "timing"
    EXERCISE = "exercise"


class ExerciseKey(StrEnum):
    ID = "id"
    NAME = "name"
    KIND = "kind"
    HOW = "how"
    SAFETY = "safety"
    BREATH = "breath"
    PER_SIDE = "per_side"
    LEVELS = "levels"
    TIMING = "timing"
    FIGURE = "figure"
    USE = "use"  # a library exercise by id (core/library.py); the other keys override its own


class PhaseKey(StrEnum):
    """The keys of one breath phase written out (``{ phase = "inhale", seconds = 3 }``)."""

    PHASE = "phase"
    SECONDS = "seconds"
    CUE = "cue"


@value_class(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    kind: Kind
    how: tuple[str, ...]
    breath: BreathPattern
    levels: dict[Level, Dose]
    timing: Timing
    per_side: bool = False
    safety: str | None = None
    figure: str | None = None  # a built-in figure's name (supple.core.figures); None: no figure
    # The file's English and translations of name, how and safety (those above are the shown)
    texts: Texts = field(default_factory=dict, compare=False)

    def dose(self, level: Level) -> Dose:
        return self.levels[level]

    def describe(self, level: Level, dose: Dose | None = None) -> str:
        """'8 reps × 2 sets', '30 s each side', ... in the user's words (``dose``: another than
        the level's, such as the one a session eased)."""
        dose = self.levels[level] if dose is None else dose
        text = self.kind.dose_words(dose)
        if self.per_side:
            # Translators: a dose done on each side in turn, "30 s hold each side"
            text = _("{dose} each side").format(dose=text)
        if dose.sets > 1:
            # Translators: a dose in sets, "8 reps × 2 sets"
            text = _("{dose} × {sets} sets").format(dose=text, sets=dose.sets)
        return text


@value_class(frozen=True, slots=True)
class Routine:
    id: str
    title: str
    summary: str
    exercises: tuple[Exercise, ...]
    timing: Timing
    path: Path | None = None
    source: Source = "bundled"
    own_timing: bool = False  # [timing] fixed = true: the settings' timing does not apply
    # The library exercises its file references (`use =`), by id: written inline, it is the same.
    uses: tuple[str, ...] = field(default=(), compare=False)
    texts: Texts = field(default_factory=dict, compare=False)  # title, summary (core.translations)

    def exercise(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(exercise_id)


def load_routine(path: Path, source: Source = "user", library: Path | None = None) -> Routine:
    """Read and validate one routine file; raise RoutineError listing every problem. Its `use =`
    references read the library in ``library`` (by default the ``library`` folder beside it)."""
    from supple.core.library_tables import tables_in

    try:
        text, data = read_toml(path)
    except FileProblems as error:
        raise RoutineError(path, error.problems) from None
    folder = library if library is not None else path.parent / LIBRARY_FOLDER
    return parse_routine(data, path=path, text=text, source=source, library=tables_in(folder))


def parse_routine(
    data: dict[str, Any],
    *,
    path: Path,
    text: str = "",
    source: Source = "user",
    library: Callable[[], Mapping[str, dict[str, Any]]] | None = None,
) -> Routine:
    check = Checker(path, text)
    K = RoutineKey
    own = tuple(K)
    check.keys(
        data, [], [*own, *language_keys(data, own)], required=(K.SCHEMA, K.ID, K.TITLE, K.EXERCISE)
    )
    if K.SCHEMA in data:
        schema = data[K.SCHEMA]
        if isinstance(schema, bool) or not isinstance(schema, int):
            check.report([K.SCHEMA], _("expected the whole number {schema}").format(schema=SCHEMA))
        elif schema != SCHEMA:
            said = _("unknown schema {schema} (this supple reads schema {ours})")
            check.report([K.SCHEMA], said.format(schema=schema, ours=SCHEMA))
    routine_id = check.string(data, [], K.ID, pattern=SLUG) or ""
    title = check.string(data, [], K.TITLE, max_length=80) or ""
    summary = check.string(data, [], K.SUMMARY, default="", max_length=400) or ""
    texts = read_translations(
        check, data, [], own, ROUTINE_TEXTS, {K.TITLE: title, K.SUMMARY: summary or None}
    )
    timing = _timing(check, data, [], Timing())
    own_timing = _own_timing(check, data)

    exercises: list[Exercise] = []
    raw_exercises = data.get(K.EXERCISE)
    if K.EXERCISE in data:
        if not isinstance(raw_exercises, list) or not all(
            isinstance(e, dict) for e in raw_exercises
        ):
            check.report([K.EXERCISE], _("expected [[exercise]] tables"))
        elif not raw_exercises:
            check.report([K.EXERCISE], _("no exercises (expected at least one [[exercise]])"))
        else:
            seen: dict[str, int] = {}
            uses: list[str] = []
            for index, raw in enumerate(raw_exercises, 1):
                used = _used(check, raw, [K.EXERCISE, index], library)
                if used is None:
                    continue
                if used is not raw:
                    uses.append(raw[ExerciseKey.USE])
                exercise = read_exercise(check, used, [K.EXERCISE, index], timing)
                if exercise is None:
                    continue
                if exercise.id in seen:
                    said = _("duplicate id '{id}' (exercise[{index}] has it; ids must be unique)")
                    said = said.format(id=exercise.id, index=seen[exercise.id])
                    check.report([K.EXERCISE, index, ExerciseKey.ID], said)
                seen.setdefault(exercise.id, index)
                exercises.append(exercise)
            _check_size(check, raw_exercises, exercises)
    check.raise_if_any(RoutineError)
    return Routine(
        routine_id,
        cast(str, shown(K.TITLE, title, texts)),
        cast(str, shown(K.SUMMARY, summary, texts)) if summary else "",
        tuple(exercises),
        timing,
        path,
        source,
        own_timing,
        tuple(uses),
        texts,
    )


_EXERCISE_KEYS = frozenset(ExerciseKey.__members__.values())


def _used(
    check: Checker,
    raw: dict[str, Any],
    where: list[KeyPart],
    library: Callable[[], Mapping[str, dict[str, Any]]] | None,
) -> dict[str, Any] | None:
    """The exercise's table: its own, or the library's it `use`s (its exercise keys) with its
    own keys over it, levels merged level by level. None if it cannot be followed (reported)."""
    K = ExerciseKey
    if K.USE not in raw:
        return raw
    used = check.string(raw, where, K.USE, pattern=SLUG)
    if used is None:
        return None
    tables = library() if library is not None else {}
    table = tables.get(used)
    if table is None:
        close = closest(used, tables)
        said = _("no library exercise '{id}' (did you mean '{close}'?)")
        said = said if close else _("no library exercise '{id}'")
        check.report([*where, K.USE], said.format(id=used, close=close))
        return None
    if K.ID in raw and raw[K.ID] != used:
        said = _("an exercise that uses '{id}' has its id; remove id").format(id=used)
        check.report([*where, K.ID], said)
        return None
    merged = {k: v for k, v in table.items() if k in _EXERCISE_KEYS and k != K.USE}
    merged |= {k: v for k, v in raw.items() if k != K.USE} | {K.ID: used}
    merged |= used_translations(table, raw, tuple(K))
    own, theirs = raw.get(K.LEVELS), table.get(K.LEVELS)
    if isinstance(own, dict) and isinstance(theirs, dict):
        merged[K.LEVELS] = {**theirs, **own}
    return merged


def _check_size(check: Checker, raw: list[Any], exercises: list[Exercise]) -> None:
    """The limits on a whole routine: how many exercises, and how long at each level."""
    if len(raw) > MAX_EXERCISES:
        said = _("{count} exercises; a routine has at most {most}")
        check.report([RoutineKey.EXERCISE], said.format(count=len(raw), most=MAX_EXERCISES))
    if len(exercises) != len(raw):
        return  # a broken exercise is reported already: its length is unknown
    for level in LEVELS:
        seconds = plan_seconds(exercises, level)
        if seconds > MAX_PLAN_SECONDS:
            said = _(
                "the {level} level lasts {time}; a routine lasts at most {most} at every level "
                "(rests included): fewer exercises, sets, reps or seconds"
            )
            facts = {"level": level, "time": _hours(seconds), "most": _hours(MAX_PLAN_SECONDS)}
            check.report([RoutineKey.EXERCISE], said.format(**facts))


def plan_seconds(exercises: Sequence[Exercise], level: Level) -> float:
    """Seconds of the whole session at ``level``: ``core.layout``'s one layout, totalled."""
    return sum(laid_out(exercises, level, seconds_of))


def _hours(seconds: float) -> str:
    hours, minutes = divmod(math.ceil(seconds / 60), 60)  # over the limit never reads as it
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


def _timing(check: Checker, table: dict[str, Any], parts: list[KeyPart], base: Timing) -> Timing:
    raw = check.table(table, parts, RoutineKey.TIMING)  # the same key in an exercise
    if raw is None:
        return base
    where = [*parts, RoutineKey.TIMING]
    check.keys(raw, where, TIMING_KEYS if parts else (*TIMING_KEYS, TIMING_FIXED))
    values = {}
    for key in TIMING_KEYS:
        value = check.number(
            raw, where, key, low=0, high=MAX_TIMING[key], default=getattr(base, key), unit="s"
        )
        values[key] = int(value if value is not None else getattr(base, key))
    return Timing(**values)


def _own_timing(check: Checker, data: dict[str, Any]) -> bool:
    """Whether the routine's [timing] says ``fixed = true`` (a bad table is reported already)."""
    raw = data.get(RoutineKey.TIMING)
    if not isinstance(raw, dict):
        return False
    return check.boolean(raw, [RoutineKey.TIMING], TIMING_FIXED, default=False)


def read_exercise(
    check: Checker,
    raw: dict[str, Any],
    where: list[KeyPart],
    routine_timing: Timing,
    extra: Sequence[str] = (),
) -> Exercise | None:
    """One ``[[exercise]]`` table as an Exercise (None if broken: reported); ``extra``: more keys
    allowed beside an exercise's own (the library's, read by core/library.py)."""
    before = len(check.problems)
    K = ExerciseKey
    allowed = [*(k for k in K if k is not K.USE), *extra]
    check.keys(
        raw,
        where,
        [*allowed, *language_keys(raw, allowed)],
        required=(K.ID, K.NAME, K.KIND, K.HOW, K.LEVELS),
    )
    exercise_id = check.string(raw, where, K.ID, pattern=SLUG)
    name = check.string(raw, where, K.NAME, max_length=60)
    kind_name = check.string(raw, where, K.KIND, choices=tuple(Kind))
    kind = Kind(kind_name) if kind_name is not None else None
    how = check.strings(raw, where, K.HOW, min_items=1, max_items=8)
    safety = check.string(raw, where, K.SAFETY, max_length=300)
    figure = check.string(raw, where, K.FIGURE, choices=figure_names())
    per_side = check.boolean(raw, where, K.PER_SIDE, default=False)
    timing = _timing(check, raw, where, routine_timing)
    breath = _breath(check, raw, where, kind, exercise_id or "custom")
    levels = _levels(check, raw, where, kind)
    english: dict[str, str | tuple[str, ...] | None] = {K.NAME: name, K.SAFETY: safety}
    english[K.HOW] = None if how is None else tuple(how)
    texts = read_translations(check, raw, where, allowed, EXERCISE_TEXTS, english)
    if len(check.problems) > before or None in (exercise_id, name, kind, how, breath, levels):
        return None
    return Exercise(
        id=cast(str, exercise_id),
        name=cast(str, shown(K.NAME, cast(str, name), texts)),
        kind=cast(Kind, kind),
        how=cast(tuple[str, ...], shown(K.HOW, tuple(cast(Sequence[str], how)), texts)),
        breath=cast(BreathPattern, breath),
        levels=cast(dict[Level, Dose], levels),
        timing=timing,
        per_side=per_side,
        safety=None if safety is None else cast(str, shown(K.SAFETY, safety, texts)),
        figure=figure,
        texts=texts,
    )


def _breath(
    check: Checker, raw: dict[str, Any], where: list[KeyPart], kind: Kind | None, name: str
) -> BreathPattern | None:
    # An exercise whose kind is unknown is checked as a rep's (its kind is reported already).
    cycle = kind is not None and kind.breath_cycles
    key = ExerciseKey.BREATH
    value = raw.get(key, kind.default_breath if kind is not None else DEFAULT_REP_PATTERN)
    if isinstance(value, str):
        choices = [n for n, p in PATTERNS.items() if p.cycle == cycle]
        pattern_name = check.string(raw, where, key, choices=choices, default=value)
        return PATTERNS.get(pattern_name or "")
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        said = _("expected a pattern name in quotes, or a list of phases like {example}")
        check.report([*where, key], said.format(example='[{ phase = "inhale", seconds = 3 }]'))
        return None
    phases = []
    for index, raw_phase in enumerate(value, 1):
        here = [*where, key, index]
        P = PhaseKey
        check.keys(raw_phase, here, tuple(P), required=(P.PHASE, P.SECONDS))
        phase = check.string(raw_phase, here, P.PHASE, choices=PHASE_NAMES)
        seconds = check.number(
            raw_phase, here, P.SECONDS, low=0.5, high=30, integer=False, unit="s"
        )
        cue = check.string(raw_phase, here, P.CUE, max_length=80)
        if phase is None or seconds is None:
            return None
        phases.append(Phase(cast(PhaseName, phase), seconds, cue or DEFAULT_CUES[phase]))
    return BreathPattern(name, tuple(phases), cycle=cycle)


def _levels(
    check: Checker, raw: dict[str, Any], where: list[KeyPart], kind: Kind | None
) -> dict[Level, Dose] | None:
    table = check.table(raw, where, ExerciseKey.LEVELS)
    if table is None or kind is None:
        return None
    here = [*where, ExerciseKey.LEVELS]
    check.keys(table, here, LEVELS, required=LEVELS)
    amount = kind.amount
    levels: dict[Level, Dose] = {}
    for level in LEVELS:
        dose = check.table(table, here, level)
        if dose is None:
            continue
        at = [*here, level]
        check.keys(dose, at, (amount, DoseKey.SETS), required=(amount,))
        sets = check.number(dose, at, DoseKey.SETS, low=1, high=MAX_SETS, default=1)
        match kind:
            case Kind.REPS:
                reps = check.number(dose, at, amount, low=1, high=MAX_REPS)
                if reps is not None and sets is not None:
                    levels[level] = Dose(sets=int(sets), reps=int(reps))
            case Kind.HOLD:
                seconds = check.number(dose, at, amount, low=1, high=MAX_HOLD_SECONDS, unit="s")
                if seconds is not None and sets is not None:
                    levels[level] = Dose(sets=int(sets), seconds=int(seconds))
            case _:
                assert_never(kind)
    return levels if len(levels) == len(LEVELS) else None


@value_class(frozen=True, slots=True)
class Catalog:
    """Every routine found, and the files that could not be used (never hidden)."""

    routines: tuple[Routine, ...]
    errors: tuple[RoutineError, ...]

    def find(self, routine_id: str) -> Routine:
        """The routine with that id; a user routine shadows a bundled one of the same id."""
        matches = [r for r in self.routines if r.id == routine_id]
        if not matches:
            raise KeyError(routine_id)
        return next((r for r in matches if r.source == "user"), matches[0])


def load_catalog(folders: Sequence[tuple[Path, Source]], library: Path | None = None) -> Catalog:
    """Every routine of the folders; `use =` reads ``library`` (by default the ``library``
    folder of the first, bundled, folder), only when a routine uses it."""
    routines: list[Routine] = []
    errors: list[RoutineError] = []
    library = library or (folders[0][0] / LIBRARY_FOLDER if folders else None)
    for folder, source in folders:
        for path in _toml_files(folder):
            try:
                routines.append(load_routine(path, source, library))
            except RoutineError as error:
                errors.append(error)
    return Catalog(tuple(routines), tuple(errors))


def _toml_files(folder: Path) -> Iterable[Path]:
    """Every ``*.toml`` in ``folder``, whatever it is: one that is a folder, a FIFO or a broken
    link is listed as a broken routine by ``load_routine``, never hidden."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".toml")
    except OSError:
        return ()
