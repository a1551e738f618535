"""Feeel's .feeel workouts (and its zip of several) imported as Feeel plays them.

The samples follow Feeel's own serialisation: EnjoyingFOSS/feeel at commit
850e98dbd3d29d12044e966274d339e55f33a4bc, lib/models/feeel_workout_json.dart (the top keys),
lib/models/full_workout.dart (workout, workoutExercises), lib/db/database.g.dart
(Workout.toJson, WorkoutExercise.toJson), lib/db/workout_import_export.dart (one workout a
.feeel file; "export all" zips them). Playback follows lib/controllers/workout_controller.dart.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from supple.core import timeline
from supple.core.imports import ImportProblem, convert_text, feeel, read_import
from supple.core.routine import LEVELS
from tests.core.importing import seconds

DATA = Path(__file__).parent.parent / "data" / "imports" / "feeel"


def feeel_plays(data: dict[str, Any]) -> int:
    """Seconds Feeel plays, from WorkoutMeta/WorkoutController: a start break of the first
    exercise's breakDuration (else 5), each exercise's duration (else the workout's), and before
    each later exercise its breakDuration (else the workout's)."""
    workout = data["fullWorkout"]["workout"]
    entries = data["fullWorkout"]["workoutExercises"]
    first = entries[0]["breakDuration"]
    total = 5 if first is None else first
    for index, entry in enumerate(entries):
        duration = entry["exerciseDuration"]
        total += workout["exerciseDuration"] if duration is None else duration
        if index:
            rest = entry["breakDuration"]
            total += workout["breakDuration"] if rest is None else rest
    return total


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text())
    return data


def workout(entries: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    """A .feeel document as Feeel's toJson writes it (database.g.dart key order)."""
    base = {
        "id": 1, "type": 1, "title": "T", "translationJson": None, "category": 3,
        "countdownDuration": 5, "exerciseDuration": 30, "breakDuration": 10,
        "cachedLastUse": None,
    }  # fmt: skip
    base.update(fields)
    return {
        "feeelMetadataVersion": 300,
        "exerciseDbImport": "2023-02-17T20:00:00.000",
        "fullWorkout": {
            "workout": base,
            "workoutExercises": [
                {
                    "workoutId": 1,
                    "orderPosition": i,
                    "exercise": 1006,
                    "exerciseDuration": None,
                    "breakDuration": None,
                }
                | entry
                for i, entry in enumerate(entries)
            ],  # fmt: skip
        },
    }


def convert(data: Any) -> Any:
    return convert_text(json.dumps(data), Path("w.feeel"))


def test_one_workout_as_feeel_plays_it() -> None:
    imported = read_import(DATA / "one.feeel")
    assert imported.format == "Feeel"
    (routine,) = imported.routines
    assert (routine.id, routine.title) == ("desk-break", "Desk break")
    assert [e.name for e in routine.exercises] == ["Chin tuck", "Head turns", "Child's pose"]
    assert [e.levels["beginner"].seconds for e in routine.exercises] == [30, 45, 60]
    assert all(e.kind == "hold" and not e.per_side for e in routine.exercises)
    # The start break: the first exercise sets none, so Feeel's 5 s (not the workout's 10).
    assert [e.timing.get_ready for e in routine.exercises] == [5, 0, 0]
    # The break before "Head turns" is the workout's 10; before "Child's pose" its own 20.
    assert [e.timing.rest_between_exercises for e in routine.exercises[:2]] == [10, 20]
    assert routine.exercises[2].figure == "childs-pose"  # the same exercise as supple's figure
    assert routine.exercises[0].figure is None
    assert feeel_plays(load("one.feeel")) == 5 + 30 + 10 + 45 + 20 + 60
    assert seconds(routine) == feeel_plays(load("one.feeel"))
    assert imported.dropped == (
        "Feeel's category (stretching) is not kept",
        "Feeel's pictures and exercise descriptions are not in a .feeel file (it names each "
        "exercise by number): each exercise's steps are a line in supple's words",
    )
    for exercise in routine.exercises:
        assert exercise.how[0].startswith("From Feeel: ")
        assert {exercise.levels[level] for level in LEVELS} == {exercise.levels["beginner"]}


def test_left_then_right_is_one_per_side_hold_and_lone_sides_stay_apart() -> None:
    imported = read_import(DATA / "sides.feeel")
    (routine,) = imported.routines
    assert routine.title == "Side planks"  # the English translation of the title
    by_id = {e.id: e for e in routine.exercises}
    assert list(by_id) == [
        "side-plank",
        "side-neck-stretch-right",
        "bulgarian-split-squats-left",
        "bulgarian-split-squats-right",
        "feeel-exercise-9",
    ]
    plank = by_id["side-plank"]  # 580 then 1019, 20 s each, 3 s break between
    assert plank.per_side and plank.levels["advanced"].seconds == 20
    assert (plank.timing.get_ready, plank.timing.switch_side) == (8, 3)
    assert plank.timing.rest_between_exercises == 15
    # Sides of unequal length are played as Feeel does: two exercises with a break.
    assert not by_id["bulgarian-split-squats-left"].per_side
    assert by_id["bulgarian-split-squats-left"].timing.rest_between_exercises == 5
    assert by_id["bulgarian-split-squats-right"].timing.rest_between_exercises == 0
    segments = timeline.expand(routine, "beginner")
    assert [(s.kind, s.side, s.seconds) for s in segments[:4]] == [
        ("get_ready", None, 8),
        ("hold", "left", 20),
        ("switch_side", "right", 3),
        ("hold", "right", 20),
    ]
    assert seconds(routine) == feeel_plays(load("sides.feeel"))
    assert feeel_plays(load("sides.feeel")) == 201
    assert "the title's translations (de) are not kept" in imported.dropped
    assert any("exercise 9 is from wger's list" in line for line in imported.dropped)


def test_a_zip_backup_imports_every_workout() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, name in enumerate(("one.feeel", "sides.feeel", "one.feeel")):
            archive.writestr(f"x/{index}_{name}", (DATA / name).read_text())
    raw = buffer.getvalue()
    assert feeel.is_zip(raw)
    imported = feeel.convert_zip(raw, Path("backup.zip"))
    assert [r.id for r in imported.routines] == ["desk-break", "side-planks", "desk-break-2"]
    for routine, name in zip(
        imported.routines, ("one.feeel", "sides.feeel", "one.feeel"), strict=True
    ):
        assert seconds(routine) == feeel_plays(load(name))
    assert imported.dropped[0].startswith("x/0_one.feeel: ")


def test_zip_bombs_and_junk_members_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.feeel", b" " * (feeel.MAX_ZIP_MEMBER_BYTES + 10))
    started = time.process_time()  # CPU, not wall: other workers run beside
    with pytest.raises(ImportProblem, match="too large"):
        feeel.convert_zip(buffer.getvalue(), Path("b.zip"))
    assert time.process_time() - started < 2
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ImportProblem, match=r"notes\.txt in the zip is not a Feeel workout"):
        feeel.convert_zip(buffer.getvalue(), Path("b.zip"))
    with pytest.raises(ImportProblem, match="not a readable zip"):
        feeel.convert_zip(b"PK\x03\x04junk", Path("b.zip"))


def test_a_long_title_and_unknown_ids_are_said() -> None:
    data = workout([{"exercise": 31}, {"exercise": 31}], title="Very " * 30)
    imported = convert(data)
    (routine,) = imported.routines
    assert len(routine.title) == 80 and routine.title.endswith("…")
    assert [e.id for e in routine.exercises] == ["feeel-exercise-31", "feeel-exercise-31-2"]
    assert any("cut to 80 characters" in line for line in imported.dropped)
    assert routine.id.startswith("very-very")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["fullWorkout"].pop("workout"), "workout is missing"),
        (lambda d: d["fullWorkout"].update(workoutExercises={}), "expected a list"),
        (lambda d: d["fullWorkout"].update(workoutExercises=[]), "is empty"),
        (lambda d: d["fullWorkout"]["workout"].update(title=5), "title is the number 5"),
        (lambda d: d["fullWorkout"]["workout"].pop("exerciseDuration"), "exerciseDuration"),
        (lambda d: d["fullWorkout"]["workout"].update(exerciseDuration=-3), "is -3 s"),
        (lambda d: d["fullWorkout"]["workout"].update(exerciseDuration=10**12), "supple takes"),
        (lambda d: d["fullWorkout"]["workout"].update(breakDuration="10"), "text '10'"),
        (lambda d: d["fullWorkout"]["workout"].update(breakDuration=True), "true/false"),
        (lambda d: d["fullWorkout"]["workoutExercises"].append(7), r"\[3\] is the number 7"),
        (lambda d: d["fullWorkout"]["workoutExercises"][0].update(exercise="x"), "expected an id"),
        (lambda d: d["fullWorkout"]["workoutExercises"][0].update(breakDuration=90), "first"),
        (lambda d: d["fullWorkout"]["workoutExercises"][1].update(breakDuration=900), "900 s"),
        (lambda d: d.update(feeelMetadataVersion="3"), "feeelMetadataVersion"),
    ],
)
def test_malformed_workouts_are_refused_with_the_key(change: Any, message: str) -> None:
    data = workout([{}, {}])
    change(data)
    with pytest.raises(ImportProblem, match=message):
        convert(data)


def test_nan_and_infinite_numbers_are_refused() -> None:
    text = json.dumps(workout([{}])).replace('"exerciseDuration": 30', '"exerciseDuration": NaN')
    with pytest.raises(ImportProblem, match="nan"):
        convert_text(text, Path("w.feeel"))
    text = json.dumps(workout([{}])).replace('"breakDuration": 10', '"breakDuration": 1e999')
    with pytest.raises(ImportProblem, match="inf"):
        convert_text(text, Path("w.feeel"))


def test_deep_junk_is_refused_without_a_traceback() -> None:
    text = json.dumps(workout([{}]))[:-2] + ', "junk": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    with pytest.raises(ImportProblem):
        convert_text(text, Path("w.feeel"))


def test_detection_claims_only_feeel_files() -> None:
    assert feeel.detect(load("one.feeel"))
    jawt_like = [{"title": "HIIT", "sets": [{"repetitions": 2, "exercises": []}]}]
    openhiit_like = {"name": "Tabata", "numExercises": 8, "workTime": 20, "restTime": 10}
    others: list[Any] = [jawt_like, openhiit_like, {}, [], {"fullWorkout": {}}, {"workout": {}}]
    for other in others:
        assert not feeel.detect(other)
    assert not feeel.detect({"feeelMetadataVersion": 300, "fullWorkout": []})
