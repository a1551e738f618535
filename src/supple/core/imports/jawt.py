"""Just Another Workout Timer's JSON: a shared workout file, or an export/backup of several.

The format, as the app (github.com/blockbasti/just_another_workout_timer, commit f996768)
writes and reads it — ``lib/utils/workout.dart`` with its generated ``lib/workout.g.dart``,
``lib/utils/storage_helper.dart``:

- A workout: ``{"title": text, "sets": [set...], "version": 2, "position": n}``. A set:
  ``{"repetitions": n, "id": uuid, "exercises": [exercise...]}``. An exercise:
  ``{"name": text, "id": uuid, "duration": whole seconds}`` (the builder allows 0 to 10800 s
  and 1 to 99 repetitions). Keys the app requires: title, sets; repetitions, exercises; name,
  duration. A null value takes the app's default (title "Workout"; repetitions 1; name
  "Exercise", duration 30; null sets or exercises: one set of one 30 s "Exercise").
- Sharing one workout sends its file as is; "export" and "export all" write a backup,
  ``{"workouts": [workout...]}``. Every workout in a backup is imported, in file order.
- There are no rest or countdown fields: the builder's "add rest" button adds an exercise named
  the app's word for rest ("Rest", "Pause", "Repos", "Riposo", "Отдых", "Dinlenme" in its six
  languages); an exercise with one of those names is taken as a rest here.

How the app plays a workout (``lib/utils/timetable.dart``): a 10 s countdown, then every set
``repetitions`` times in a row, each time its exercises in order, each for its duration, back
to back — the "3, 2, 1" before the next one falls inside the current one, adding no time. So it
lasts 10 s plus the sum of set durations × repetitions; an exercise of 0 s takes no time.

The mapping to supple (``played_routine``, which openhiit.py shares):

- Each timed exercise becomes a hold of its seconds with the default pacer, the same at all
  three levels (the app has one level; that loses nothing). Neither app has rep counts.
- A rest becomes the ``rest_between_sets`` or ``rest_between_exercises`` of the exercise it
  follows; a rest before the first exercise joins the countdown as that exercise's
  ``get_ready``; every other exercise gets ``get_ready = 0``, as the app does not count down
  before each one. A rest after the last exercise is left out (a supple routine ends with its
  last exercise) and said so.
- The same exercise (name and seconds) played several times in a row with the same rest in
  between becomes one exercise of that many sets (at most 10, the rest as more exercises):
  a set of one exercise repeated N times gives ``sets = N``. A set of several exercises
  repeated N times lists them N times (supple has no circuits); more than 60 exercises is
  refused, never cut.
- So the supple plan lasts exactly what the app plays, except for what ``dropped`` names:
  a trailing rest, and anything cut to supple's limits (a hold to 600 s, a rest to 300 s, the
  countdown to 60 s, a title to 80 characters, a name to 60).
- ``how`` reads "From Just Another Workout Timer: 40 s" (the app has no descriptions); ids are
  slugs of the names, numbered where they repeat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from supple.core.files import SCHEMA
from supple.core.imports.base import Format, Imported, ImportProblem, first_of, read_version
from supple.core.imports.text import clean_text, slug, unique
from supple.core.routine import (
    LEVELS,
    MAX_EXERCISES,
    MAX_HOLD_SECONDS,
    MAX_PLAN_SECONDS,
    MAX_SETS,
    MAX_TIMING,
    Kind,
    Routine,
    RoutineError,
    parse_routine,
)
from supple.core.value import field, value_class
from supple.core.words import printable

NAME = "Just Another Workout Timer"
TOOL = NAME
VERSION = 2  # the workout "version" the app writes (lib/utils/workout.dart)
COUNTDOWN = 10  # the app's fixed countdown before the first exercise (timetable.dart)
REST_NAMES = frozenset({"rest", "pause", "repos", "riposo", "отдых", "dinlenme"})
MAX_TITLE = 80
MAX_NAME = 60


# --- shared with openhiit.py: what an app plays, made a supple routine ----------------------


@value_class(frozen=True, slots=True)
class Interval:
    """One timed interval an app plays: its name, seconds, and the line for ``how``."""

    name: str
    seconds: int
    how: str


@value_class
class Played:
    """What an app plays, in order: the seconds before the first interval, the intervals, and
    the rest played after each (the last one's: after everything)."""

    lead_in: int = 0
    intervals: list[Interval] = field(default_factory=list)
    rests: list[int] = field(default_factory=list)

    def work(self, interval: Interval) -> None:
        self.intervals.append(interval)
        self.rests.append(0)

    def rest(self, seconds: int) -> None:
        if self.rests:
            self.rests[-1] += seconds
        else:
            self.lead_in += seconds

    @property
    def seconds(self) -> int:
        return self.lead_in + sum(i.seconds for i in self.intervals) + sum(self.rests)


def quoted(text: str) -> str:
    shown = printable(text)
    return f"“{shown[:60]}…”" if len(shown) > 60 else f"“{shown}”"


def shown(value: Any) -> str:
    """A JSON value in words, for a message (never the whole of a long one)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**12 else "a huge number"
    if isinstance(value, float):
        return repr(value).replace("inf", "Infinity").replace("nan", "NaN")
    if isinstance(value, str):
        return f"the text {quoted(value)}"
    return "a list" if isinstance(value, list) else "an object"


def whole(value: Any, path: Path, where: str, unit: str = "seconds") -> int:
    """``value`` if it is a whole number from 0; otherwise ImportProblem naming ``where``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ImportProblem(path, f"{where} is {shown(value)}; expected a whole number of {unit}")
    if value < 0:
        raise ImportProblem(path, f"{where} is {shown(value)}; expected 0 or more {unit}")
    return value


def check_length(seconds: int, label: str, path: Path) -> None:
    """Refuse before laying anything out: what lasts over supple's longest routine."""
    if seconds > MAX_PLAN_SECONDS:
        hours = "a very long time" if seconds > 10**9 else f"{seconds / 3600:.1f} h"
        raise ImportProblem(
            path,
            f"{label} lasts {hours}; a supple routine lasts at most "
            f"{MAX_PLAN_SECONDS // 3600} h (rests included)",
        )


def check_count(intervals: int, label: str, path: Path) -> None:
    """Refuse before laying anything out: more intervals than 60 exercises of 10 sets hold."""
    if intervals > MAX_EXERCISES * MAX_SETS:
        raise ImportProblem(path, _too_many(label, intervals, None))


def _too_many(label: str, intervals: int, exercises: int | None) -> str:
    made = f" that make {exercises} exercises" if exercises is not None else ""
    return (
        f"{label} plays {intervals} timed intervals{made}; a supple routine has at most "
        f"{MAX_EXERCISES} exercises (supple has no rounds to repeat a circuit): fewer rounds "
        "or exercises in the app, then export again"
    )


def played_routine(
    played: Played,
    *,
    tool: str,
    title: str,
    path: Path,
    taken: set[str],
    dropped: list[str],
) -> Routine | None:
    """``played`` as a supple routine, validated as ``supple validate`` does; what does not
    carry over said in ``dropped``. None (said too) if nothing in it takes time."""
    label = quoted(title)
    if not played.intervals:
        dropped.append(f"{label}: nothing in it takes time, so it is not imported")
        return None
    said: set[str] = set()

    def say(line: str) -> None:
        if line not in said:
            said.add(line)
            dropped.append(f"{label}: {line}")

    cut_title = title
    if len(title) > MAX_TITLE:
        cut_title = title[: MAX_TITLE - 1].rstrip() + "…"
        say(f"the title is cut to {MAX_TITLE} characters")
    intervals = played.intervals
    rests = [*played.rests[:-1], 0]
    if played.rests[-1]:
        say(
            f"the {played.rests[-1]} s rest at the end is left out (a supple routine ends "
            "with its last exercise)"
        )
    groups: list[tuple[Interval, int, int, int]] = []  # interval, sets, between sets, after
    start = 0
    while start < len(intervals):
        end = start
        while (
            end + 1 < len(intervals)
            and end + 1 - start < MAX_SETS
            and intervals[end + 1].name == intervals[start].name
            and intervals[end + 1].seconds == intervals[start].seconds
            and rests[end] == rests[start]
        ):
            end += 1
        sets = end - start + 1
        groups.append((intervals[start], sets, rests[start] if sets > 1 else 0, rests[end]))
        start = end + 1
    if len(groups) > MAX_EXERCISES:
        raise ImportProblem(path, _too_many(label, len(intervals), len(groups)))

    def rest(seconds: int) -> int:
        high = MAX_TIMING["rest_between_exercises"]
        if seconds > high:
            say(f"a {seconds} s rest is cut to {high} s, supple's longest rest")
        return min(seconds, high)

    lead_in = played.lead_in
    if lead_in > MAX_TIMING["get_ready"]:
        lead_in = MAX_TIMING["get_ready"]
        say(
            f"the {played.lead_in} s before the first exercise is cut to {lead_in} s, "
            "supple's longest get-ready"
        )
    ids: set[str] = set()
    exercises: list[dict[str, Any]] = []
    for index, (interval, sets, between, after) in enumerate(groups):
        name = interval.name
        if len(name) > MAX_NAME:
            name = name[: MAX_NAME - 1].rstrip() + "…"
            say(f"the name {quoted(interval.name)} is cut to {MAX_NAME} characters")
        seconds = interval.seconds
        if seconds > MAX_HOLD_SECONDS:
            seconds = MAX_HOLD_SECONDS
            say(
                f"{quoted(interval.name)} lasts {interval.seconds} s; cut to {seconds} s, "
                "supple's longest hold"
            )
        exercises.append(
            {
                "id": unique(slug(interval.name, "exercise"), ids),
                "name": name,
                "kind": Kind.HOLD.value,
                "how": [interval.how],
                "timing": {
                    "get_ready": lead_in if index == 0 else 0,
                    "rest_between_sets": rest(between),
                    "rest_between_exercises": rest(after),
                },
                "levels": {level: {"seconds": seconds, "sets": sets} for level in LEVELS},
            }
        )
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "id": unique(slug(title, "imported"), taken),
        "title": cut_title,
        "summary": f"Imported from {tool}.",
        "timing": {key: 0 for key in MAX_TIMING},
        "exercise": exercises,
    }
    try:
        return parse_routine(data, path=path)
    except RoutineError as error:
        problems = "; ".join(f"{p.key}: {p.message}" for p in error.problems[:3])
        raise ImportProblem(path, f"{label} cannot be a supple routine: {problems}") from None


# --- Just Another Workout Timer -------------------------------------------------------------


def detect(data: Any) -> bool:
    """A workout (``title`` and a list of ``sets`` of ``exercises``) or a backup (only
    ``workouts``, a list of such)."""
    if not isinstance(data, dict):
        return False
    if "sets" not in data and set(data) == {"workouts"}:
        workouts = data["workouts"]
        return isinstance(workouts, list) and (
            not workouts or (isinstance(workouts[0], dict) and _is_workout(workouts[0]))
        )
    return _is_workout(data)


def _is_workout(data: dict[str, Any]) -> bool:
    sets = data.get("sets")
    if "title" not in data or not isinstance(sets, list):
        return False
    return not sets or (
        isinstance(sets[0], dict) and ("exercises" in sets[0] or "repetitions" in sets[0])
    )


def convert(data: Any, path: Path) -> Imported:
    if "workouts" in data and "sets" not in data:
        workouts = data["workouts"]
        if not isinstance(workouts, list):
            raise ImportProblem(path, f"'workouts' is {shown(workouts)}; expected a list")
        if not workouts:
            raise ImportProblem(path, "a Just Another Workout Timer backup with no workouts")
        kept, notes = first_of(workouts, "workouts")  # the rest are never read
        named = [(w, f"workout {n}") for n, w in enumerate(kept, 1)]
    else:
        named, notes = [(data, "the workout")], ()
    dropped: list[str] = []
    newer = {
        read_version(w.get("version"), TOOL, "version", VERSION, path)
        for w, _ in named
        if isinstance(w, dict) and w.get("version") is not None
    }
    taken: set[str] = set()
    routines: list[Routine] = []
    for workout, where in named:
        title, played = _played(workout, where, path, dropped)
        routine = played_routine(
            played, tool=TOOL, title=title, path=path, taken=taken, dropped=dropped
        )
        if routine is not None:
            routines.append(routine)
    if not routines:
        raise ImportProblem(path, "nothing in it takes time: " + "; ".join(dropped))
    return Imported(NAME, tuple(routines), tuple(dropped), (*notes, *sorted(n for n in newer if n)))


def _field(table: Any, key: str, where: str, path: Path) -> Any:
    if not isinstance(table, dict):
        raise ImportProblem(path, f"{where} is {shown(table)}; expected an object")
    if key not in table:
        raise ImportProblem(path, f"{where} has no '{key}' (the app requires it)")
    return table[key]


def _played(workout: Any, where: str, path: Path, dropped: list[str]) -> tuple[str, Played]:
    raw_title = _field(workout, "title", where, path)
    if raw_title is None:
        raw_title = "Workout"
    if not isinstance(raw_title, str):
        raise ImportProblem(path, f"{where}: 'title' is {shown(raw_title)}; expected text")
    title = clean_text(raw_title) or "Workout"
    label = quoted(title)
    where = f"{where} ({label})" if where != "the workout" else label
    sets = _field(workout, "sets", where, path)
    if sets is None:
        sets = [{"repetitions": 1, "exercises": None}]
    if not isinstance(sets, list):
        raise ImportProblem(path, f"{where}: 'sets' is {shown(sets)}; expected a list")
    # Read everything first, then lay it out: a file cannot make the layout run away.
    read: list[tuple[int, list[tuple[str, int, bool]]]] = []
    seconds, intervals = COUNTDOWN, 0
    for set_number, raw_set in enumerate(sets, 1):
        here = f"{where}, set {set_number}"
        repetitions = _field(raw_set, "repetitions", here, path)
        repetitions = (
            1
            if repetitions is None
            else whole(repetitions, path, f"{here}: 'repetitions'", "times")
        )
        exercises = _field(raw_set, "exercises", here, path)
        if exercises is None:
            exercises = [{"name": None, "duration": None}]
        if not isinstance(exercises, list):
            raise ImportProblem(path, f"{here}: 'exercises' is {shown(exercises)}; expected a list")
        entries: list[tuple[str, int, bool]] = []
        for number, raw in enumerate(exercises, 1):
            at = f"{here}, exercise {number}"
            name = _field(raw, "name", at, path)
            name = "Exercise" if name is None else name
            if not isinstance(name, str):
                raise ImportProblem(path, f"{at}: 'name' is {shown(name)}; expected text")
            name = clean_text(name) or "Exercise"
            duration = _field(raw, "duration", at, path)
            duration = 30 if duration is None else whole(duration, path, f"{at}: 'duration'")
            if duration == 0:
                line = f"{label}: {quoted(name)} lasts 0 s, so the app skips it; left out"
                if line not in dropped:
                    dropped.append(line)
                continue
            is_rest = name.casefold() in REST_NAMES
            entries.append((name, duration, is_rest))
        if repetitions == 0 and entries:
            dropped.append(f"{label}: set {set_number} repeats 0 times, so the app skips it")
        if repetitions and entries:
            seconds += repetitions * sum(d for _, d, _ in entries)
            intervals += repetitions * sum(1 for *_, rest in entries if not rest)
            read.append((repetitions, entries))
    check_length(seconds, label, path)
    check_count(intervals, label, path)
    played = Played(lead_in=COUNTDOWN)
    for repetitions, entries in read:
        for _ in range(repetitions):
            for name, duration, is_rest in entries:
                if is_rest:
                    played.rest(duration)
                else:
                    played.work(Interval(name, duration, f"From {TOOL}: {duration} s"))
    return title, played


FORMAT = Format(
    name=NAME,
    syntax="json",
    detect=detect,
    convert=convert,
    kind="JSON",
    about="an interval timer app for Android ([github.com/blockbasti/just_another_workout_timer]"
    "(https://github.com/blockbasti/just_another_workout_timer)); its files come from sharing "
    "one workout, or from its export / backup.",
    file='a shared workout, or a backup (`{"workouts": […]}`; all of them)',
    becomes="each exercise a hold of its seconds; a set's repetitions become sets (a circuit is "
    'listed round by round); exercises named "Rest" (in any of the app\'s six languages) become '
    "the rest after the one before; the app's fixed 10 s countdown the first get-ready",
)
