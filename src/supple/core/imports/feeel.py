"""Feeel's ``.feeel`` workout file (and its zip backup of several), as Feeel plays it.

The format, as Feeel 3 writes it (EnjoyingFOSS/feeel at 850e98db: lib/db/workout_import_export.dart,
lib/models/feeel_workout_json.dart, lib/models/full_workout.dart, the drift-generated
``Workout``/``WorkoutExercise`` ``toJson`` in lib/db/database.g.dart)::

    {"feeelMetadataVersion": 300, "exerciseDbImport": "2023-02-17T20:00:00.000",
     "fullWorkout": {"workout": {"id", "type", "title", "translationJson", "category",
                                 "countdownDuration", "exerciseDuration", "breakDuration",
                                 "cachedLastUse"},
                     "workoutExercises": [{"workoutId", "orderPosition", "exercise",
                                           "exerciseDuration", "breakDuration"}, ...]}}

Durations are whole seconds; an exercise's own ``exerciseDuration``/``breakDuration`` (null:
the workout's) override the workout's; ``breakDuration`` is the break *before* that exercise.
An exercise is named only by its number in Feeel's bundled list (wger's exercise ids,
assets/json/exercisebaseinfo.json, with assets/json_supplements/local_exercise_images.json for
the curated ones): the file carries no names or steps, so supple names the curated ones in its
own words and the others by number.

How Feeel plays it (lib/controllers/workout_controller.dart): a break before the first exercise
of that exercise's ``breakDuration``, or 5 s when it has none (not the workout's break, and not
``countdownDuration``, which playback never reads); each exercise for its duration; before every
later exercise the break of its ``breakDuration`` or the workout's; nothing after the last. Its
3 s countdown plays only when resuming from a pause. Feeel 3 has no two-sided exercises that flip
halfway: each side is an exercise of its own (side plank left 580, right 1019), the right one's
picture mirrored (``flipped``). So a left side followed straight by its right side with the same
duration becomes one supple ``per_side`` hold, the break between them its ``switch_side``; a side
on its own stays a hold named for its side.

In supple: the first break is the first exercise's ``get_ready`` (0 for the others), each later
break the ``rest_between_exercises`` of the exercise before it, so the plan lasts, at every level
(Feeel has none), what Feeel plays. A ``.feeel`` file holds one workout; Feeel's "export all"
writes a zip of such files, which ``convert_zip`` reads, each workout a routine.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from supple.core.imports.base import Format, Imported, ImportProblem, first_of, read_version
from supple.core.imports.text import clean_text, duration_words, slug, unique
from supple.core.routine import Kind, Routine

NAME = "Feeel"
VERSION = 300  # the feeelMetadataVersion Feeel 3 writes

START_BREAK = 5  # WorkoutMeta._startDuration: the first break when the exercise sets none
MAX_ZIP_MEMBER_BYTES = 1024 * 1024  # one workout's JSON is a few hundred bytes
MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024
CATEGORIES = ("strength", "stretching", "cardio", "other")  # WorkoutCategory, by index

# Feeel's curated exercises (lib/db/bundled_exercises.dart), named in supple's words; a figure
# only where supple's is the same exercise.
NAMES: dict[int, str] = {
    320: "Jumping jacks", 718: "Wall sit", 482: "Push-ups", 167: "Crunches", 981: "Step-ups",
    615: "Squats", 982: "Chair dips", -7: "Chair dips", 458: "Forearm plank",
    983: "High knees", 984: "Lunges", 985: "Push-up rotations", 990: "Kneeling kickbacks",
    993: "Jump rope", 994: "Arm circles forward", 995: "Arm circles backward",
    454: "Pike push-ups", 996: "Mountain climbers", 997: "Four-count burpees",
    998: "Burpees without the push-up", 616: "Squat thrusts", 999: "Reverse lunges",
    377: "Leg raises", 1000: "Floor dips", 1001: "High plank", 1002: "Child's pose",
    475: "Pull-ups", 1003: "Kettlebell deadlift", 632: "Sumo squats",
    1004: "Shoulder rolls forward", 1005: "Shoulder rolls backward", 1006: "Chin tuck",
    570: "Shoulder shrugs", 1007: "Head turns", 1010: "Back of the neck stretch",
    1011: "Front of the neck stretch", 1012: "Alternating biceps curls",
    1015: "Neck circles clockwise", 1016: "Neck circles anticlockwise",
    1017: "Neck half circles", 1018: "Head tilts", 1081: "Shoulder dislocates",
    1082: "Bent-over row to external rotation", 1083: "Y-W-T raises",
}  # fmt: skip
# The two sides of one exercise: left id -> (right id, name of both).
SIDES: dict[int, tuple[int, str]] = {
    580: (1019, "Side plank"), 986: (987, "Side split squats"),
    988: (989, "Bulgarian split squats"), 456: (1020, "Pistol squats"),
    702: (1021, "Single-leg calf raises"), 991: (992, "Split squats"),
    1008: (1009, "Side neck stretch"), 1013: (1014, "Levator scapulae stretch"),
    1028: (1029, "Quadruped thoracic rotation"),
}  # fmt: skip
RIGHT_SIDES = {right: (left, name) for left, (right, name) in SIDES.items()}
FIGURES = {1002: "childs-pose"}

ROUTINE_LIMITS = {"get_ready": 60, "rest_between_exercises": 300, "switch_side": 60}
MAX_HOLD = 600
MAX_EXERCISES = 60


def detect(data: Any) -> bool:
    """A JSON object with Feeel's own top-level keys."""
    return (
        isinstance(data, dict)
        and "feeelMetadataVersion" in data
        and isinstance(data.get("fullWorkout"), dict)
    )


def convert(data: Any, path: Path) -> Imported:
    """The one workout of a ``.feeel`` file, as a supple routine."""
    routine_data, dropped = _routine_data(data, path, where="")
    newer = read_version(
        data.get("feeelMetadataVersion"), NAME, "feeelMetadataVersion", VERSION, path
    )
    return Imported(NAME, (_parse(routine_data, path),), tuple(dropped), (newer,) if newer else ())


def is_zip(raw: bytes) -> bool:
    return raw.startswith(b"PK\x03\x04")


def convert_zip(raw: bytes, path: Path) -> Imported:
    """Every workout in Feeel's "export all" zip (one ``.feeel`` file each), read with caps on
    the count and sizes of its members (a zip bomb is refused, never inflated)."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportProblem(path, f"not a readable zip file ({error})") from None
    if not members:
        raise ImportProblem(path, "an empty zip (expected Feeel's .feeel workout files)")
    members, notes = first_of(members, "workouts")  # the rest are never inflated
    routines, dropped, total = [], [], 0
    newer: set[str] = set()
    used: set[str] = set()
    for member in members:
        name = clean_text(member.filename)[:80]
        try:
            with archive.open(member) as stream:
                content = stream.read(MAX_ZIP_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
            raise ImportProblem(path, f"{name} in the zip cannot be read ({error})") from None
        total += len(content)
        if len(content) > MAX_ZIP_MEMBER_BYTES or total > MAX_ZIP_TOTAL_BYTES:
            raise ImportProblem(path, f"{name} in the zip is too large for a Feeel workout")
        try:
            member_data = json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ImportProblem(
                path, f"{name} in the zip is not a Feeel workout (not JSON)"
            ) from None
        if not detect(member_data):
            raise ImportProblem(path, f"{name} in the zip is not a Feeel workout")
        routine_data, lines = _routine_data(member_data, path, where=f"{name}: ")
        version = member_data.get("feeelMetadataVersion")
        newer.add(read_version(version, NAME, "feeelMetadataVersion", VERSION, path) or "")
        routine_data["id"] = unique(routine_data["id"], used)
        routines.append(_parse(routine_data, path))
        dropped += [f"{name}: {line}" for line in lines]
    return Imported(NAME, tuple(routines), tuple(dropped), (*notes, *sorted(newer - {""})))


def _parse(routine_data: dict[str, Any], path: Path) -> Routine:
    from supple.core.routine import RoutineError, parse_routine

    try:
        return parse_routine(routine_data, path=path)
    except RoutineError as error:  # a limit the checks above do not know
        shown = "; ".join(p.message for p in error.problems[:3])
        raise ImportProblem(path, f"a Feeel workout supple cannot hold: {shown}") from None


class _Reader:
    """Typed access to untrusted JSON, each refusal naming the key."""

    def __init__(self, path: Path, where: str) -> None:
        self.path, self.where = path, where

    def fail(self, key: str, message: str) -> ImportProblem:
        return ImportProblem(self.path, f"{self.where}Feeel workout: {key} {message}")

    def table(self, data: Any, key: str, name: str) -> dict[str, Any]:
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, dict):
            raise self.fail(name, f"is {_kind(value)} (expected an object)")
        return value

    def number(
        self, data: dict[str, Any], key: str, name: str, *, low: int, high: int, optional: bool
    ) -> int | None:
        value = data.get(key)
        if value is None and optional:
            return None
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)  # JSON 30.0: a whole number all the same
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, f"is {_kind(value)} (expected whole seconds)")
        if not low <= value <= high:
            raise self.fail(name, f"is {value} s (supple takes {low} to {high} s)")
        return value


def _routine_data(data: Any, path: Path, *, where: str) -> tuple[dict[str, Any], list[str]]:
    read = _Reader(path, where)
    if not detect(data):
        raise read.fail("file", "lacks feeelMetadataVersion and fullWorkout")
    version = data.get("feeelMetadataVersion")
    if isinstance(version, bool) or not isinstance(version, int):
        raise read.fail("feeelMetadataVersion", f"is {_kind(version)} (expected a number)")
    full = read.table(data, "fullWorkout", "fullWorkout")
    workout = read.table(full, "workout", "fullWorkout.workout")
    entries = full.get("workoutExercises")
    if not isinstance(entries, list):
        raise read.fail("fullWorkout.workoutExercises", f"is {_kind(entries)} (expected a list)")
    if not entries:
        raise read.fail("fullWorkout.workoutExercises", "is empty (Feeel plays no such workout)")
    if len(entries) > 2 * MAX_EXERCISES:
        raise read.fail("fullWorkout.workoutExercises", f"has {len(entries)} exercises (too many)")
    dropped: list[str] = []
    title = _title(workout, read, dropped)
    default_duration = read.number(
        workout, "exerciseDuration", "workout.exerciseDuration", low=1, high=MAX_HOLD,
        optional=False,
    )  # fmt: skip
    default_break = read.number(
        workout, "breakDuration", "workout.breakDuration", low=0, high=10**6, optional=False
    )
    category = workout.get("category")
    if isinstance(category, int) and not isinstance(category, bool) and 0 <= category < 4:
        dropped.append(f"Feeel's category ({CATEGORIES[category]}) is not kept")

    # Each entry as Feeel plays it: (exercise id, seconds, break before it).
    played: list[tuple[int, int, int]] = []
    for index, entry in enumerate(entries, 1):
        at = f"workoutExercises[{index}]"
        if not isinstance(entry, dict):
            raise read.fail(at, f"is {_kind(entry)} (expected an object)")
        exercise_id = entry.get("exercise")
        if isinstance(exercise_id, bool) or not isinstance(exercise_id, int):
            raise read.fail(f"{at}.exercise", f"is {_kind(exercise_id)} (expected an id)")
        if not -(10**9) < exercise_id < 10**9:
            raise read.fail(f"{at}.exercise", f"is {exercise_id} (not one of Feeel's ids)")
        seconds = read.number(
            entry, "exerciseDuration", f"{at}.exerciseDuration", low=1, high=MAX_HOLD,
            optional=True,
        )  # fmt: skip
        own_break = read.number(
            entry, "breakDuration", f"{at}.breakDuration", low=0, high=10**6, optional=True
        )
        if index == 1:
            before = START_BREAK if own_break is None else own_break
            limit, what = ROUTINE_LIMITS["get_ready"], "the break before the first exercise"
        else:
            before = _known(default_break if own_break is None else own_break)
            limit, what = ROUTINE_LIMITS["rest_between_exercises"], f"the break before {at}"
        if before > limit:
            raise read.fail(at, f"has {what} of {before} s (supple takes 0 to {limit} s)")
        played.append((exercise_id, _known(default_duration if seconds is None else seconds),
                       before))  # fmt: skip

    exercises = _exercises(played, dropped)
    if len(exercises) > MAX_EXERCISES:
        raise read.fail("workoutExercises", f"has {len(exercises)} exercises (at most 60)")
    rest = _known(default_break)
    routine_rest = rest if rest <= ROUTINE_LIMITS["rest_between_exercises"] else 0
    dropped.append(
        "Feeel's pictures and exercise descriptions are not in a .feeel file (it names each "
        "exercise by number): each exercise's steps are a line in supple's words"
    )
    total = sum(seconds + before for _, seconds, before in played)
    return (
        {
            "schema": 1,
            "id": slug(title, "feeel-workout"),
            "title": title,
            "summary": f"From Feeel: {len(played)} timed exercise{'s' if len(played) > 1 else ''}, "
            f"{duration_words(total)}.",
            "timing": {
                "get_ready": 0,
                "rest_between_sets": 0,
                "rest_between_exercises": routine_rest,
                "switch_side": 0,
            },
            "exercise": exercises,
        },
        dropped,
    )


def _known(value: int | None) -> int:
    if value is None:  # read.number(optional=False) never returns None
        raise AssertionError("a required number is missing")
    return value


def _title(workout: dict[str, Any], read: _Reader, dropped: list[str]) -> str:
    raw = workout.get("title")
    if not isinstance(raw, str):
        raise read.fail("workout.title", f"is {_kind(raw)} (expected text)")
    translations = _translations(workout.get("translationJson"))
    english = next((translations[k] for k in ("en", "en-US", "en-GB") if k in translations), None)
    others = sorted(k for k in translations if not k.startswith("en"))
    if others:
        dropped.append(
            f"the title's translations ({', '.join(o[:10] for o in others[:8])}) are not kept"
        )
    title = clean_text(english or raw) or "Feeel workout"
    if len(title) > 80:
        dropped.append(f"the title was cut to 80 characters (from {len(title)})")
        title = title[:79].rstrip() + "…"
    return title


def _translations(raw: Any) -> dict[str, str]:
    """Feeel's ``translationJson``: a JSON text of {locale tag: title}; junk reads as none."""
    if not isinstance(raw, str) or len(raw) > 100_000:
        return {}
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def _exercises(played: list[tuple[int, int, int]], dropped: list[str]) -> list[dict[str, Any]]:
    """supple exercises from Feeel's played list; a left side followed by its right side, of the
    same length and a break supple can switch in, becomes one per-side hold."""
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    unknown: list[int] = []
    index = 0
    while index < len(played):
        exercise_id, seconds, before = played[index]
        follower = played[index + 1] if index + 1 < len(played) else None
        pair = SIDES.get(exercise_id)
        if (
            pair is not None
            and follower is not None
            and follower[0] == pair[0]
            and follower[1] == seconds
            and follower[2] <= ROUTINE_LIMITS["switch_side"]
        ):
            name, per_side, switch = pair[1], True, follower[2]
            how = f"From Feeel: {name.lower()}, {seconds} s on the left side, then the right."
            index += 2
        else:
            name, per_side, switch = _name(exercise_id), False, 0
            how = f"From Feeel: {name[0].lower() + name[1:]}, for {seconds} s at your own pace."
            if name.startswith("Feeel exercise "):
                unknown.append(exercise_id)
                how = f"From Feeel: its exercise number {exercise_id} (wger's list), {seconds} s."
            index += 1
        if out:
            out[-1]["timing"]["rest_between_exercises"] = before
        exercise: dict[str, Any] = {
            "id": unique(slug(name, "exercise"), used),
            "name": name,
            "kind": Kind.HOLD.value,
            "how": [how],
            "per_side": per_side,
            "levels": {level: {"seconds": seconds} for level in _LEVELS},
            "timing": {
                "get_ready": before if not out else 0,
                "rest_between_sets": 0,
                "rest_between_exercises": 0,
                "switch_side": switch,
            },
        }
        if exercise_id in FIGURES:
            exercise["figure"] = FIGURES[exercise_id]
        out.append(exercise)
    if unknown:
        numbers = sorted(set(unknown))
        shown = ", ".join(str(i) for i in numbers[:10]) + (", …" if len(numbers) > 10 else "")
        which = f"exercises {shown} are" if len(numbers) > 1 else f"exercise {shown} is"
        dropped.append(
            f"{which} from wger's list, which supple does not carry: named by number "
            f"('Feeel exercise {numbers[0]}')"
        )
    return out


_LEVELS = ("beginner", "intermediate", "advanced")


def _name(exercise_id: int) -> str:
    if exercise_id in NAMES:
        return NAMES[exercise_id]
    if exercise_id in SIDES:
        return f"{SIDES[exercise_id][1]} (left)"
    if exercise_id in RIGHT_SIDES:
        return f"{RIGHT_SIDES[exercise_id][1]} (right)"
    return f"Feeel exercise {exercise_id}"


def _kind(value: Any) -> str:
    if value is None:
        return "missing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{clean_text(value)[:40]}'"
    if isinstance(value, list):
        return "a list"
    return "an object"


FORMAT = Format(
    name=NAME,
    syntax="json",
    detect=detect,
    convert=convert,
    kind=".feeel",
    about="a home workout app ([github.com/EnjoyingFOSS/feeel]"
    "(https://github.com/EnjoyingFOSS/feeel)); its files come from exporting one workout, or "
    '"export all".',
    file='a `.feeel` workout, or the "export all" zip',
    becomes="each exercise a hold, the break before it the rest after the previous one (the "
    "first break the get-ready); a left side straight followed by its right side becomes one "
    "per-side hold; the names of Feeel's curated exercises in supple's words (a `.feeel` file "
    "names exercises only by number)",
    detect_bytes=is_zip,
    convert_bytes=convert_zip,
)
