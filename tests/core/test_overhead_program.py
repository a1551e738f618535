"""The overhead program: it loads beside the lower-back one, 18 workouts of at most 30 minutes
at every level made of library exercises, five tests a person can measure at home, and a whole
six weeks simulated on a fake clock, counted honestly (sessions that must not count are mixed
in: a second one the same day, the wrong level, the other program's routine, one stopped
early), its tests at the start, middle and end."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from supple.cli import main
from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.core.library import Area, library_at
from supple.core.program import (
    FIRST_PROGRAM,
    MAX_WORKOUT_SECONDS,
    POINTS,
    MobilityTest,
    load_program,
)
from supple.core.routine import LEVELS, load_catalog
from supple.core.timeline import seconds
from supple.system import paths
from supple.system.speech import Speaker

OVERHEAD = "overhead-6-weeks"
FOLDER = paths.bundled_program_path().parent
CATALOG = load_catalog(paths.routine_folders())
PROGRAM = load_program(FOLDER / f"{OVERHEAD}.toml", CATALOG)
UPPER = {Area("shoulders"), Area("upper-back"), Area("neck"), Area("wrists")}
START = date(2026, 11, 2)  # a Monday


def test_the_overhead_program_loads_with_its_workouts_and_tests() -> None:
    assert PROGRAM.id == OVERHEAD and (FOLDER / f"{PROGRAM.id}.toml").is_file()
    assert len(PROGRAM.workouts) == 18 and PROGRAM.weeks == 6
    assert PROGRAM.tests_after == (0, 9, 18)
    # Levels rise as the lower-back program's do: two weeks at each.
    lower_back = load_program(paths.bundled_program_path(), CATALOG)
    assert [w.level for w in PROGRAM.workouts] == [w.level for w in lower_back.workouts]
    for routine_id in {w.routine for w in PROGRAM.workouts}:
        for level in LEVELS:  # every level, not only the ones the program plays
            assert seconds(CATALOG.find(routine_id), level) <= MAX_WORKOUT_SECONDS
    assert [t.id for t in PROGRAM.tests] == [
        "shoulder-flexion-wall",
        "back-scratch",
        "thoracic-rotation",
        "supine-lat-reach",
        "wrist-extension",
    ]
    for test in PROGRAM.tests:
        assert 0 < test.error < test.high - test.low and test.program == OVERHEAD
        assert test.check(test.low) is None and test.check(test.high + 1) is not None


def test_its_routines_are_upper_body_library_exercises_by_use() -> None:
    library = library_at(paths.bundled_routines_dir() / "library")
    for routine_id in sorted({w.routine for w in PROGRAM.workouts}):
        path = CATALOG.find(routine_id).path
        assert path is not None
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        uses = [e["use"] for e in raw["exercise"]]
        assert len(uses) == len(set(uses)) == len(CATALOG.find(routine_id).exercises)
        for exercise_id in uses:
            assert library.find(exercise_id).areas[0] in UPPER, exercise_id
        # Warm-ups first: gentle repeated movements before any hold.
        warm = [library.find(e).warmup for e in uses]
        assert warm[0] and warm == sorted(warm, reverse=True)


def middle(test: MobilityTest) -> float:
    """A plausible value with room for 12 units of change either way."""
    return (test.low + test.high) // 2


def make_coach(data_dir: Path) -> Coach:
    return Coach.from_environment(
        clock=FakeClock(0.0),
        now=lambda: datetime(2026, 11, 2, 7, tzinfo=UTC),
        data_dir=data_dir,
        speaker=Speaker(None),
    )


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(hour=hour)


def test_six_weeks_on_a_fake_clock_counted_honestly(data_dir: Path) -> None:
    coach = make_coach(data_dir)
    service = coach.program_service
    assert OVERHEAD in service.ids() and FIRST_PROGRAM in service.ids()
    coach.start_program(service.load(OVERHEAD), at(START, 7))
    assert service.active_id() == OVERHEAD

    def log(day: date, routine: str, level: str, hour: int = 18, done: bool = True) -> None:
        coach.now = lambda: at(day, hour + 1)
        chosen = None if done else frozenset({0})  # one exercise of eight: too little
        coach.journal.log_by_hand(coach.catalog, routine, level, at(day, hour), 30, chosen)

    def take_tests(day: date, point: str) -> None:
        coach.now = lambda: at(day, 17)
        view = coach.program()
        assert view is not None and view.progress.due == (point,)
        for test in PROGRAM.tests:
            better = 1 if test.better == "higher" else -1
            step = {"start": 0, "middle": 5, "end": 12}[point]
            coach.record_test(test, middle(test) + better * step, point)  # type: ignore[arg-type]
        view = coach.program()
        assert view is not None and view.progress.due == ()

    day = START
    for workout in PROGRAM.workouts:
        if workout.number in (1, 10):  # before workout 1, and after workout 9
            take_tests(day, "start" if workout.number == 1 else "middle")
        if workout.number % 4 == 0:  # a session that must not count, before the real one
            wrong = "advanced" if workout.level != "advanced" else "beginner"
            log(day, workout.routine, wrong, hour=8)
        if workout.number % 5 == 0:
            log(day, workout.routine, workout.level, hour=9, done=False)  # stopped early
        if workout.number % 6 == 0:
            log(day, "lower-back-mobility", "beginner", hour=10)  # the other program's
        log(day, workout.routine, workout.level)
        log(day, workout.routine, workout.level, hour=20)  # twice a day: the second is not
        view = coach.program()
        assert view is not None and len(view.progress.done) == workout.number
        after_rest = day + timedelta(days=2) if workout.number < len(PROGRAM.workouts) else None
        assert view.progress.workout_today and view.progress.suggested == after_rest
        day += timedelta(days=2 if workout.number % 3 else 3)  # a rest day, two at weekends
    assert (day - START).days <= 6 * 7 + 1
    take_tests(day, "end")
    view = coach.program()
    assert view is not None and view.progress.finished and view.progress.next is None
    for test in PROGRAM.tests:
        assert [view.progress.results[test.id][p].value for p in POINTS][0] == middle(test)
        assert view.progress.change(test) == 12  # better, in the test's own direction
    # The lower-back program, never started, counted nothing of all this.
    other = service.view(FIRST_PROGRAM)
    assert other is not None and other.progress.started is None
    assert other.progress.results == {}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_lists_switches_and_resumes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "program", "list")
    assert code == 0 and "* lower-back-6-weeks" in out and "  overhead-6-weeks" in out
    code, out, _ = run(capsys, "program", "start", OVERHEAD, "--date", "2026-11-02")
    assert code == 0 and "Started Overhead: 6 weeks on Mon 02 Nov 2026" in out
    assert json.loads(run(capsys, "program", "--json")[1])["program"] == OVERHEAD
    code, out, _ = run(capsys, "test", "list")
    assert code == 0 and "back-scratch" in out and "toe-touch" not in out
    code, out, _ = run(capsys, "test", "record", "back-scratch", "3 cm")
    assert code == 0 and "(start)" in out
    # The other program starts fresh; switching back to this one resumes it, results kept.
    code, out, _ = run(capsys, "program", "start", FIRST_PROGRAM, "--date", "2026-11-20")
    assert code == 0 and "Overhead: 6 weeks is paused" in out
    code, out, _ = run(capsys, "program", "start", OVERHEAD)
    assert code == 0 and "Back to Overhead: 6 weeks (started Mon 02 Nov 2026)" in out
    status = json.loads(run(capsys, "program", "--json")[1])
    assert status["program"] == OVERHEAD and status["started"] == "2026-11-02"
    assert [t["start"] for t in status["tests"]][1] == 3
    other = json.loads(run(capsys, "program", "--program", FIRST_PROGRAM, "--json")[1])
    assert other["started"] == "2026-11-20" and all(t["start"] is None for t in other["tests"])
    listed = json.loads(run(capsys, "program", "list", "--json")[1])
    assert [(p["program"], p["active"]) for p in listed] == [
        (OVERHEAD, True),
        (FIRST_PROGRAM, False),
    ]
    code, _, err = run(capsys, "program", "--program", "no-such-program")
    assert code == 2 and "known: lower-back-6-weeks, overhead-6-weeks" in err
