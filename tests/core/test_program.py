"""The program: its file, the order of workouts, missed days, repeats, wrong levels, tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from supple.core.program import ProgramError, TestResult, load_program, progress
from supple.core.record import SessionRecord
from supple.core.routine import load_catalog
from supple.core.timeline import expand, total_seconds
from supple.system import paths
from tests.fakes import make_record

CATALOG = load_catalog(paths.routine_folders())
PROGRAM = load_program(paths.bundled_program_path(), CATALOG)
UTC = UTC
START = date(2026, 11, 2)  # a Monday


def session(
    day: date,
    level: str = "beginner",
    *,
    hour: int = 8,
    status: str = "completed",
    routine: str = "lower-back-mobility",
) -> SessionRecord:
    at = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return SessionRecord.from_toml(
        make_record(at, routine=routine, level=level, status=status), Path(f"{day}-{hour}.toml")
    )


def test_the_bundled_program() -> None:
    assert len(PROGRAM.workouts) == 18 and PROGRAM.weeks == 6
    assert PROGRAM.workouts_per_week == 3 and PROGRAM.tests_after == (0, 9, 18)
    assert [w.level for w in PROGRAM.workouts[::3]] == [
        "beginner",
        "beginner",
        "intermediate",
        "intermediate",
        "advanced",
        "advanced",
    ]
    assert [w.week for w in PROGRAM.workouts] == [n // 3 + 1 for n in range(18)]
    for w in PROGRAM.workouts:
        assert total_seconds(expand(CATALOG.find(w.routine), w.level)) <= 30 * 60
    assert [t.id for t in PROGRAM.tests] == [
        "toe-touch",
        "thomas-gap",
        "press-up",
        "superman-hold",
        "bridge-hold",
    ]
    assert {t.kind for t in PROGRAM.tests} == {"timed", "measure"}


def test_validation_names_file_key_and_line(tmp_path: Path) -> None:
    text = paths.bundled_program_path().read_text()
    broken = tmp_path / "p.toml"
    broken.write_text(
        text.replace('routine = "lower-back-mobility"', 'routine = "nope"', 1)
        .replace('better = "lower"', 'better = "lowr"', 1)
        .replace("tests_after = [0, 9, 18]", "tests_after = [0, 19, 18]")
    )
    with pytest.raises(ProgramError) as caught:
        load_program(broken, CATALOG)
    found = {p.key: p for p in caught.value.problems}
    assert "no routine 'nope'" in found["workout[1].routine"].message
    line = broken.read_text().splitlines().index('routine = "nope"') + 1
    assert found["workout[1].routine"].line == line
    assert "did you mean 'lower'?" in found["test[1].better"].message
    assert "three increasing workout counts" in found["tests_after"].message


def test_order_missed_days_and_suggested_date() -> None:
    records = [session(START), session(START + timedelta(days=5))]  # a missed week day is fine
    p = progress(PROGRAM, START, records, [], START + timedelta(days=6))
    assert [w.number for w, _ in p.done] == [1, 2]
    assert p.next is not None and p.next.number == 3
    assert p.suggested == START + timedelta(days=7)  # a rest day after the last workout
    late = progress(PROGRAM, START, records, [], START + timedelta(days=20))
    assert late.suggested == START + timedelta(days=20)  # behind: today


def test_repeats_same_day_wrong_level_before_start_and_stopped_do_not_count() -> None:
    records = [
        session(START - timedelta(days=1)),  # before the start
        session(START),
        session(START, hour=18),  # the same day again: once a day
        session(START + timedelta(days=2), "advanced"),  # wrong level
        session(START + timedelta(days=3), status="stopped"),  # not completed
        session(START + timedelta(days=4), routine="back-pain-relief"),  # another routine
    ]
    p = progress(PROGRAM, START, records, [], START + timedelta(days=4))
    assert len(p.done) == 1 and p.done[0][1] is records[1]
    assert p.suggested == START + timedelta(days=5)  # trained today already: tomorrow


def test_the_whole_program_and_tests_due() -> None:
    days = [START + timedelta(days=d) for d in range(0, 40, 2)]
    records = [session(day, PROGRAM.workouts[min(n, 17)].level) for n, day in enumerate(days)]
    assert progress(PROGRAM, START, [], [], START).due == ("start",)
    nine = progress(PROGRAM, START, records[:9], [], days[9])
    assert len(nine.done) == 9 and nine.due == ("middle",)
    done = progress(PROGRAM, START, records, [], days[-1])
    assert len(done.done) == 18 and done.finished and done.next is None
    assert done.due == ("end",)


def result(test: str, value: float, point: str, day: int) -> TestResult:
    return TestResult(test, value, point, datetime(2026, 11, day, tzinfo=UTC))  # type: ignore[arg-type]


def test_results_retake_and_change_in_the_better_direction() -> None:
    results = [
        result("toe-touch", 20, "start", 2),
        result("toe-touch", 18, "start", 3),  # retaken
        result("toe-touch", 12, "middle", 20),
        result("superman-hold", 30, "start", 2),
        result("superman-hold", 25, "end", 30),
    ]
    p = progress(PROGRAM, START, [], results, START)
    assert p.results["toe-touch"]["start"].value == 18
    assert p.change(PROGRAM.test("toe-touch")) == 6  # lower is better: 18 → 12
    assert p.change(PROGRAM.test("superman-hold")) == -5  # higher is better: 30 → 25
    assert p.change(PROGRAM.test("press-up")) is None
    assert p.to_json()["tests"][0] == {
        "id": "toe-touch",
        "name": "Standing toe touch",
        "unit": "cm",
        "better": "lower",
        "start": 18,
        "middle": 12,
        "end": None,
        "change": 6,
    }


def test_plausible_values() -> None:
    toe = PROGRAM.test("toe-touch")
    assert toe.check(12) is None
    assert toe.check(-3) is None  # reaching past the floor, from a step
    assert toe.check(-41) == "-41 cm is outside -40–100 cm for the standing toe touch"
    assert PROGRAM.point_for(0) == "start" and PROGRAM.point_for(9) == "middle"
    assert PROGRAM.point_for(18) == "end"
