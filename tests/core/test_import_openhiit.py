"""OpenHIIT's JSON export, imported as the app plays it.

The sample files in tests/data/imports/openhiit/ follow the app's own serialisation at
a-mabe/OpenHIIT commit 0852cf0afde1e7191f3a37d5b55851e07ef12d39:
lib/features/import_export_timers/utils/file_util.dart writes ``jsonEncode(timers)``, a list of
``TimerType.toJson()`` (lib/core/models/timer_type.dart, with timer_time_settings.dart and
timer_sound_settings.dart: times in whole seconds). The seconds each test expects are what
``generateIntervalsFromTimer`` (lib/core/utils/interval_calculation.dart) lays out for the run
screen: Get Ready, Warmup, Rest (after a warm-up), restarts + 1 rounds of work with rests
between (a Break, or a Rest, between rounds), Cooldown — intervals of 0 s left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from supple.core.imports import Imported, ImportProblem, convert_text, openhiit, read_import
from tests.core.importing import FEEEL_LIKE, WORKRAVE_LIKE, refusal, rows, seconds

DATA = Path(__file__).parent.parent / "data" / "imports" / "openhiit"
PATH = Path("exported_openhiit_timers.json")
SOUNDS = (
    "its sounds (work short-whistle, rest short-rest-beep, halfway short-halfway-beep, "
    "countdown countdown-beep, break horn, end long-bell) are not carried over; supple plays "
    "its own cues"
)


def timer(name: str = "T", activities: list[Any] | None = None, **times: Any) -> dict[str, Any]:
    """A timer as TimerType.toJson() writes it (sound settings left out unless given)."""
    settings = {"workTime": 0, "restTime": 0, "breakTime": 0, "warmupTime": 0,
                "cooldownTime": 0, "getReadyTime": 10, "restarts": 0}  # fmt: skip
    active = times.pop("activeIntervals", len(activities or []))
    settings.update(times)
    return {
        "id": "t1",
        "name": name,
        "timerIndex": 0,
        "totalTime": 0,
        "intervals": 0,
        "activeIntervals": active,
        "activities": activities or [],
        "showMinutes": 0,
        "timeSettings": settings,
    }


def imported(data: Any) -> Imported:
    return convert_text(json.dumps(data), PATH)


def test_one_timer() -> None:
    result = read_import(DATA / "timer.json")
    assert result.format == "OpenHIIT"
    (routine,) = result.routines
    assert (routine.id, routine.title) == ("tabata", "Tabata")
    # Eight 20 s "Work" intervals with 10 s rests between: one exercise of 8 sets.
    assert rows(routine) == [("work", "Work", 20, 8, 10, 10, 0)]
    assert seconds(routine) == 10 + 8 * 20 + 7 * 10 == 240  # the file's own totalTime
    assert routine.exercises[0].how == ("From OpenHIIT: 20 s of work",)
    assert result.dropped == (f"“Tabata”: {SOUNDS}", "“Tabata”: its colour is not carried over")


def test_an_export_of_several_timers_imports_them_all() -> None:
    result = read_import(DATA / "timers.json")
    tabata, stretch, ladder = result.routines
    assert [r.id for r in result.routines] == ["tabata", "stretch", "plank-ladder"]
    assert seconds(tabata) == 240
    assert rows(stretch) == [
        ("hamstrings", "Hamstrings", 45, 1, 5, 0, 15),
        ("quads", "Quads", 45, 1, 0, 0, 15),
        ("calves", "Calves", 45, 1, 0, 0, 0),
    ]
    assert seconds(stretch) == 5 + 3 * 45 + 2 * 15 == 170
    # One activity, 3 restarts, no break time: 4 rounds with a Rest between them.
    assert rows(ladder) == [("plank", "Plank", 30, 4, 10, 20, 0)]
    assert seconds(ladder) == 10 + 4 * 30 + 3 * 20 == 190
    assert len(result.dropped) == 6  # sounds and colour of each timer
    assert "“Plank ladder”: its colour is not carried over" in result.dropped


def test_warm_up_rounds_breaks_and_cool_down() -> None:
    result = read_import(DATA / "warmup_rounds.json")
    (routine,) = result.routines
    assert rows(routine) == [
        ("warm-up", "Warm-up", 120, 1, 10, 0, 15),  # Get Ready 10; the Rest after the warm-up
        ("cat-cow", "Cat-cow", 40, 1, 0, 0, 15),
        ("thread-the-needle", "Thread the needle", 40, 1, 0, 0, 60),  # the Break
        ("cat-cow-2", "Cat-cow", 40, 1, 0, 0, 15),
        ("thread-the-needle-2", "Thread the needle", 40, 1, 0, 0, 60),
        ("cat-cow-3", "Cat-cow", 40, 1, 0, 0, 15),
        ("thread-the-needle-3", "Thread the needle", 40, 1, 0, 0, 0),
        ("cool-down", "Cool-down", 90, 1, 0, 0, 0),
    ]
    assert seconds(routine) == 10 + 120 + 15 + 3 * (40 + 15 + 40) + 2 * 60 + 90 == 640
    assert result.dropped == (
        f"“Mobility circuit”: {SOUNDS}",
        "“Mobility circuit”: its colour is not carried over",
    )


def test_many_intervals_of_one_name_fit_as_sets() -> None:
    (routine,) = imported([timer(workTime=1, activeIntervals=25, restTime=2)]).routines
    assert rows(routine) == [
        ("work", "Work", 1, 10, 10, 2, 2),
        ("work-2", "Work", 1, 10, 0, 2, 2),
        ("work-3", "Work", 1, 5, 0, 2, 0),
    ]
    assert seconds(routine) == 10 + 25 + 24 * 2


def test_time_settings_as_json_text_and_missing_names() -> None:
    # TimerType.fromJson accepts timeSettings as JSON text; activities past the list are "Work".
    data = timer("Mix", ["Squat"], activeIntervals=2, workTime=30, restTime=10, getReadyTime=0)
    data["timeSettings"] = json.dumps(data["timeSettings"])
    (routine,) = imported([data]).routines
    assert rows(routine) == [("squat", "Squat", 30, 1, 0, 0, 10), ("work", "Work", 30, 1, 0, 0, 0)]
    assert seconds(routine) == 70


def test_missing_times_are_zero_and_zero_intervals_are_skipped() -> None:
    # fromJson: a missing getReadyTime is 0 (not the editor's 10); no warm-up, no Rest after it.
    data = timer("Hold", ["Plank"], workTime=45)
    del data["timeSettings"]["getReadyTime"], data["timeSettings"]["restTime"]
    result = imported([data])
    (routine,) = result.routines
    assert rows(routine) == [("plank", "Plank", 45, 1, 0, 0, 0)]
    assert result.dropped == ()  # no sound settings nor colour in this file


def test_rounds_with_no_work_still_rest_as_the_app_does() -> None:
    # workTime 0: the work intervals vanish, but the Rests and Breaks between them still play.
    data = timer("Odd", ["A", "B"], workTime=0, restTime=10, breakTime=30, restarts=1,
                 warmupTime=60, cooldownTime=60)  # fmt: skip
    (routine,) = imported([data]).routines
    app = 10 + 60 + 10 + 2 * 10 + 30 + 60
    assert rows(routine) == [
        ("warm-up", "Warm-up", 60, 1, 10, 0, 10 + 2 * 10 + 30),
        ("cool-down", "Cool-down", 60, 1, 0, 0, 0),
    ]
    assert seconds(routine) == app


def test_values_over_supples_limits_are_cut_and_said() -> None:
    data = timer("Long", ["Run", "Walk"], workTime=900, restTime=400, getReadyTime=90)
    result = imported([data])
    (routine,) = result.routines
    assert rows(routine) == [
        ("run", "Run", 600, 1, 60, 0, 300),
        ("walk", "Walk", 600, 1, 0, 0, 0),
    ]
    assert result.dropped == (
        "“Long”: the 90 s before the first exercise is cut to 60 s, supple's longest get-ready",
        "“Long”: “Run” lasts 900 s; cut to 600 s, supple's longest hold",
        "“Long”: a 400 s rest is cut to 300 s, supple's longest rest",
        "“Long”: “Walk” lasts 900 s; cut to 600 s, supple's longest hold",
    )


def test_a_timer_with_nothing_to_play_is_skipped_and_said() -> None:
    result = imported([timer("Empty", getReadyTime=10), timer("Ok", ["A"], workTime=5)])
    assert [r.id for r in result.routines] == ["ok"]
    assert result.dropped == ("“Empty”: nothing in it takes time, so it is not imported",)
    with pytest.raises(ImportProblem, match="nothing in it takes time"):
        imported([timer("Empty")])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([timer(workTime="20", activeIntervals=1)], "'workTime' is the text “20”"),
        ([timer(workTime=-20, activeIntervals=1)], "'workTime' is -20; expected 0 or more"),
        ([timer(workTime=2.5, activeIntervals=1)], "'workTime' is 2.5; expected a whole number"),
        ([timer(restarts=-1, workTime=5, activeIntervals=1)], "'restarts' is -1"),
        ([timer(workTime=5, activeIntervals="8")], "'activeIntervals' is the text “8”"),
        ([timer(workTime=5, activeIntervals=10**15)], "“T” lasts a very long time"),
        ([timer(workTime=0, restTime=0, activeIntervals=10**15, restarts=10**15)],
         "nothing in it takes time"),  # 10**30 intervals of 0 s: refused at once, no hang
        ([timer("T", [f"E{i}" for i in range(61)], workTime=1)],
         "“T” plays 61 timed intervals that make 61 exercises; a supple routine has at most 60"),
        ([timer(workTime=1, activeIntervals=601)], "plays 601 timed intervals"),
        ([timer(workTime=1, activeIntervals=3, restarts=999)], "plays 3000 timed intervals"),
        ([timer(workTime=30, activeIntervals=500)], "“T” lasts 4.2 h"),
        ([timer("T", ["A", 3], workTime=5)], "activity 2 is 3; expected text"),
        ([{**timer(), "timeSettings": None}], "has no 'timeSettings'"),
        ([{**timer(), "timeSettings": "{oops"}], "'timeSettings' is text that is not a JSON"),
        ([{**timer(), "timeSettings": [1]}], "'timeSettings' is a list; expected an object"),
        ([{**timer(), "name": 5}], "timer 1: 'name' is 5; expected text"),
        ([timer(workTime=5, activeIntervals=1), 7], "timer 2 is 7; expected an object"),
    ],
)  # fmt: skip
def test_malformed_files_are_refused_with_a_clear_message(data: Any, message: str) -> None:
    assert message in refusal(data, PATH)


def test_nan_and_infinity_are_refused() -> None:
    text = json.dumps([timer(activeIntervals=1)]).replace('"workTime": 0', '"workTime": NaN')
    with pytest.raises(ImportProblem, match="'workTime' is NaN"):
        convert_text(text, PATH)
    text = text.replace("NaN", "Infinity")
    with pytest.raises(ImportProblem, match="'workTime' is Infinity"):
        convert_text(text, PATH)


@pytest.mark.parametrize(
    "data",
    [
        FEEEL_LIKE,
        [FEEEL_LIKE],
        WORKRAVE_LIKE,
        json.loads((DATA.parent / "jawt" / "backup.json").read_text()),
        json.loads((DATA.parent / "jawt" / "workout.json").read_text()),
        [{"name": "Tabata", "work": 20}],
        [{"timeSettings": {}}],
        [],
        [1],
        {"timeSettings": {}, "activeIntervals": 1},
        None,
    ],
)
def test_detect_claims_only_this_apps_files(data: Any) -> None:
    assert not openhiit.detect(data)


def test_detect_claims_its_files() -> None:
    for name in ("timer.json", "timers.json", "warmup_rounds.json"):
        assert openhiit.detect(json.loads((DATA / name).read_text()))
    assert openhiit.detect([timer()])
