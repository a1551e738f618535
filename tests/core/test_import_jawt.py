"""Just Another Workout Timer's JSON, imported as the app plays it.

The sample files in tests/data/imports/jawt/ follow the app's own serialisation at
blockbasti/just_another_workout_timer commit f99676826ee5d6f6b98874fea0bc12b6aff095c4:
lib/workout.g.dart (``_$WorkoutToJson`` / ``_$SetToJson`` / ``_$ExerciseToJson``: key order,
durations in whole seconds), lib/utils/storage_helper.dart (a shared workout is its file as
is; "export" writes ``Backup.toJson()``, ``{"workouts": [...]}``, compact ``jsonEncode``). The
seconds each test expects are what lib/utils/timetable.dart plays: a 10 s countdown, then
every set ``repetitions`` times, its exercises back to back ("Rest" is an exercise too).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from supple.core.imports import Imported, ImportProblem, convert_text, jawt, read_import
from tests.core.importing import FEEEL_LIKE, WORKRAVE_LIKE, refusal, rows, seconds

DATA = Path(__file__).parent.parent / "data" / "imports" / "jawt"
PATH = Path("workout.json")


def workout(title: str, *sets: tuple[int, list[tuple[str, int]]]) -> dict[str, Any]:
    return {
        "title": title,
        "sets": [
            {
                "repetitions": reps,
                "id": f"set-{n}",
                "exercises": [
                    {"name": a, "id": f"ex-{n}-{i}", "duration": d}
                    for i, (a, d) in enumerate(exercises)
                ],
            }  # fmt: skip
            for n, (reps, exercises) in enumerate(sets)
        ],
        "version": 2,
        "position": 0,
    }


def imported(data: Any) -> Imported:
    return convert_text(json.dumps(data), PATH)


def test_one_shared_workout() -> None:
    result = read_import(DATA / "workout.json")
    assert result.format == "Just Another Workout Timer"
    (routine,) = result.routines
    assert (routine.id, routine.title) == ("neck-and-shoulders", "Neck and shoulders")
    assert rows(routine) == [
        ("neck-rolls", "Neck rolls", 30, 1, 10, 0, 0),
        ("shoulder-circles", "Shoulder circles", 45, 1, 0, 0, 0),
        ("chin-tucks", "Chin tucks", 20, 1, 0, 0, 0),
    ]
    assert seconds(routine) == 10 + 30 + 45 + 20  # the app: countdown, then back to back
    assert routine.exercises[0].how == ("From Just Another Workout Timer: 30 s",)
    assert result.dropped == ()  # nothing in this file fails to carry over


def test_a_backup_imports_every_workout() -> None:
    result = read_import(DATA / "backup.json")
    assert [r.id for r in result.routines] == ["neck-and-shoulders", "hips", "back"]
    neck, hips, back = result.routines
    assert seconds(neck) == 105
    # "Rest" is the exercise the builder's "add rest" makes: a rest between the two.
    assert rows(hips) == [
        ("hip-circles", "Hip circles", 40, 1, 10, 0, 10),
        ("pigeon-pose", "Pigeon pose", 60, 1, 0, 0, 0),
    ]
    assert seconds(hips) == 10 + 40 + 10 + 60
    # A set of two repeated twice: listed twice (supple has no circuits).
    assert rows(back) == [
        ("cat-cow", "Cat-cow", 30, 1, 10, 0, 0),
        ("childs-pose", "Child's pose", 30, 1, 0, 0, 0),
        ("cat-cow-2", "Cat-cow", 30, 1, 0, 0, 0),
        ("childs-pose-2", "Child's pose", 30, 1, 0, 0, 0),
    ]
    assert seconds(back) == 10 + 2 * (30 + 30)
    assert result.dropped == ()


def test_rests_repeats_and_the_countdown() -> None:
    result = read_import(DATA / "rests_repeats.json")
    (routine,) = result.routines
    assert rows(routine) == [
        # 10 s countdown + the 20 s "Rest" set before it; 3 repetitions of [Plank, Rest 15]
        ("plank", "Plank", 30, 3, 30, 15, 15),
        # 2 repetitions of [Bird dog, Pause 10, Dead bug, Rest 10] ("Pause": German rest)
        ("bird-dog", "Bird dog", 40, 1, 0, 0, 10),
        ("dead-bug", "Dead bug", 40, 1, 0, 0, 10),
        ("bird-dog-2", "Bird dog", 40, 1, 0, 0, 10),
        ("dead-bug-2", "Dead bug", 40, 1, 0, 0, 0),
    ]
    app = 10 + 20 + 3 * (30 + 15) + 2 * (40 + 10 + 40 + 10) + (0 + 30)
    assert app == 395
    # The last set is a 0 s "Side plank" and a 30 s rest: after the last Rest 10, 40 s of rest
    # with nothing after it, which supple does not play; said so.
    assert seconds(routine) == app - 40
    assert result.dropped == (
        "“Core circuit”: “Side plank” lasts 0 s, so the app skips it; left out",
        "“Core circuit”: the 40 s rest at the end is left out (a supple routine ends with its "
        "last exercise)",
    )


def test_more_than_ten_repetitions_of_one_exercise() -> None:
    result = imported(workout("Planks", (12, [("Plank", 20), ("Rest", 5)]), (1, [("Cat", 30)])))
    (routine,) = result.routines
    assert rows(routine) == [
        ("plank", "Plank", 20, 10, 10, 5, 5),
        ("plank-2", "Plank", 20, 2, 0, 5, 5),
        ("cat", "Cat", 30, 1, 0, 0, 0),
    ]
    assert seconds(routine) == 10 + 12 * 25 + 30


def test_values_over_supples_limits_are_cut_and_said() -> None:
    long_name = "Very " * 20 + "long"
    data = workout(
        "T" * 90,
        (1, [("Rest", 70), ("Plank", 900), ("Rest", 400), (long_name, 30)]),
    )
    result = imported(data)
    (routine,) = result.routines
    assert len(routine.title) == 80 and routine.title.endswith("…")
    first, second = routine.exercises
    assert first.timing.get_ready == 60 and first.levels["advanced"].seconds == 600
    assert first.timing.rest_between_exercises == 300
    assert len(second.name) == 60
    assert seconds(routine) == 60 + 600 + 300 + 30  # the app: 10 + 70 + 900 + 400 + 30
    said = "\n".join(result.dropped)
    assert "title is cut to 80 characters" in said
    assert "the 80 s before the first exercise is cut to 60 s" in said
    assert "“Plank” lasts 900 s; cut to 600 s" in said
    assert "a 400 s rest is cut to 300 s" in said
    assert "is cut to 60 characters" in said
    assert len(result.dropped) == 5


def test_the_apps_defaults_for_null_values() -> None:
    # _$SetFromJson: null exercises -> one Exercise() of 30 s; null repetitions -> 1.
    data = {"title": None, "sets": [{"repetitions": None, "exercises": None}]}
    (routine,) = imported(data).routines
    assert routine.title == "Workout"
    assert rows(routine) == [("exercise", "Exercise", 30, 1, 10, 0, 0)]


def test_a_set_repeated_zero_times_plays_nothing() -> None:
    result = imported(workout("X", (0, [("Plank", 30)]), (1, [("Cat", 20)])))
    (routine,) = result.routines
    assert rows(routine) == [("cat", "Cat", 20, 1, 10, 0, 0)]
    assert result.dropped == ("“X”: set 1 repeats 0 times, so the app skips it",)


def test_an_empty_workout_in_a_backup_is_skipped_and_said() -> None:
    data = {"workouts": [workout("Empty"), workout("Hips", (1, [("Hip circles", 40)]))]}
    result = imported(data)
    assert [r.id for r in result.routines] == ["hips"]
    assert result.dropped == ("“Empty”: nothing in it takes time, so it is not imported",)


def test_same_titles_get_distinct_ids() -> None:
    data = {"workouts": [workout("Hips", (1, [("A", 5)])), workout("Hips", (1, [("B", 5)]))]}
    assert [r.id for r in imported(data).routines] == ["hips", "hips-2"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (workout("X", (1, [("Plank", "30")])), "'duration' is the text “30”"),
        (workout("X", (1, [("Plank", -5)])), "'duration' is -5; expected 0 or more seconds"),
        (workout("X", (1, [("Plank", 30.5)])), "'duration' is 30.5; expected a whole number"),
        (workout("X", (1, [("Plank", True)])), "'duration' is true"),
        (workout("X", (-1, [("Plank", 30)])), "set 1: 'repetitions' is -1; expected 0 or"),
        (workout("X", (10**30, [("Plank", 30)])), "“X” lasts a very long time"),
        (workout("X", (99, [("Plank", 600)])), "“X” lasts 16.5 h; a supple routine lasts at"),
        (workout("X", (7, [(f"E{i}", 5) for i in range(9)])), "plays 63 timed intervals"),
        (workout("X", (99, [(f"E{i}", 1) for i in range(9)])), "plays 891 timed intervals"),
        ({"title": "X", "sets": [{"repetitions": 1, "exercises": [{"name": "A"}]}]},
         "“X”, set 1, exercise 1 has no 'duration' (the app requires it)"),
        ({"title": "X", "sets": [{"exercises": []}]}, "set 1 has no 'repetitions'"),
        ({"title": "X", "sets": [{"repetitions": 1, "exercises": "A"}]},
         "'exercises' is the text “A”; expected a list"),
        ({"title": "X", "sets": [{"repetitions": 1, "exercises": [7]}]},
         "exercise 1 is 7; expected an object"),
        ({"title": 3, "sets": []}, "'title' is 3; expected text"),
        ({"title": "X", "sets": []}, "nothing in it takes time"),
        ({"workouts": []}, "a Just Another Workout Timer backup with no workouts"),
        ({"workouts": [{"title": "X", "sets": [], "version": 2}, "junk"]},
         "workout 2 is the text “junk”; expected an object"),
    ],
)  # fmt: skip
def test_malformed_files_are_refused_with_a_clear_message(data: Any, message: str) -> None:
    assert message in refusal(data, PATH)


def test_nan_and_deep_junk_are_refused() -> None:
    with pytest.raises(ImportProblem, match="'duration' is NaN"):
        convert_text(
            '{"title":"X","sets":[{"repetitions":1,"exercises":[{"name":"A","duration":NaN}]}]}',
            PATH,
        )
    with pytest.raises(ImportProblem, match="not valid JSON"):
        convert_text('{"title":"X","sets":' + "[" * 100_000 + "]" * 100_000 + "}", PATH)


def test_names_are_one_clean_line_and_ids_slugs() -> None:
    data = workout("Été\x1b[31m\nflow", (1, [("Çhild’s   pose\t", 30), ("Ромашка", 30)]))
    (routine,) = imported(data).routines
    assert routine.id == "ete-31m-flow" and routine.title == "Été [31m flow"
    assert [(e.id, e.name) for e in routine.exercises] == [
        ("childs-pose", "Çhild’s pose"),
        ("exercise", "Ромашка"),
    ]


@pytest.mark.parametrize(
    "data",
    [
        FEEEL_LIKE,
        WORKRAVE_LIKE,
        json.loads((DATA.parent / "openhiit" / "timer.json").read_text()),
        {"title": "Shopping", "items": []},
        {"title": "A", "sets": 3},
        {"title": "A", "sets": [{"name": "x"}]},
        {"workouts": [{"name": "run", "km": 5}]},
        {"workouts": [], "user": "me"},
        [1, 2, 3],
        "text",
        None,
    ],
)
def test_detect_claims_only_this_apps_files(data: Any) -> None:
    assert not jawt.detect(data)


def test_detect_claims_its_files() -> None:
    for name in ("workout.json", "backup.json", "rests_repeats.json"):
        assert jawt.detect(json.loads((DATA / name).read_text()))
    assert jawt.detect({"workouts": []})
    assert jawt.detect({"title": "X", "sets": []})
