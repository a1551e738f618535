"""`supple program --ics`: the remaining workouts and test days on the program's days, as an
iCalendar file parsed back with icalendar, its dates checked against dates worked out by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from supple.coach.coach import Coach
from supple.core.calendar_ics import Planned, to_ics, workout_uid
from supple.core.clock import FakeClock
from supple.core.config import Config
from supple.core.history import HistoryStore
from supple.core.program_store import ProgramStore
from supple.system.speech import Speaker
from tests.fakes import MIDDLE_RESULTS, START_RESULTS, make_session_record

LEVELS = ["beginner"] * 6 + ["intermediate"] * 6 + ["advanced"] * 6
STARTED = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
# Ten workouts done, the last on Mon 30 Nov; today is Tue 1 Dec.
DONE_ON = [date(2026, 11, d) for d in (2, 5, 8, 11, 14, 17, 20, 23, 26, 30)]
TODAY = date(2026, 12, 1)


def make_coach(data_dir: Path, today: date = TODAY, config: Config | None = None) -> Coach:
    noon = datetime.combine(today, datetime.min.time(), tzinfo=UTC).replace(hour=12)
    coach = Coach.from_environment(
        clock=FakeClock(0.0), now=lambda: noon, data_dir=data_dir, speaker=Speaker(None)
    )
    if config is not None:
        coach.save_settings(config)
    return coach


def workouts_on(data_dir: Path, days: list[date], *, start: bool = True) -> None:
    """Workouts 1, 2, … of the program done on ``days`` (at 18:00), the program started on
    2 Nov, and the start tests (and the middle ones after workout 9) taken."""
    history = HistoryStore(data_dir)
    store = ProgramStore(history)
    if start:

        class _Program:  # only what ProgramStore.start reads
            id = "lower-back-6-weeks"

        store.start(_Program(), STARTED)  # type: ignore[arg-type]
    for n, day in enumerate(days):
        at = datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(hour=18)
        record = make_session_record(
            at,
            routine="lower-back-mobility",
            title="Lower back mobility",
            level=LEVELS[n],
            active=270.0,
        )
        history.save(record, history.path_for("lower-back-mobility", at))
    taken = STARTED + timedelta(hours=1)
    for test, value in START_RESULTS.items():
        store.record(test, value, "start", taken)
    if len(days) >= 9:
        for test, value in MIDDLE_RESULTS.items():
            store.record(test, value, "middle", taken + timedelta(days=25))


def planned(coach: Coach) -> tuple[Planned, ...]:
    calendar = coach.program_service.calendar()
    assert calendar is not None
    return calendar[1]


def events(data: bytes) -> list[dict[str, object]]:
    """Each VEVENT of the file, parsed back: uid, day, summary, description, its alarms."""
    calendar = Calendar.from_ical(data)
    out = []
    for event in calendar.walk("VEVENT"):
        alarms = [
            (str(a.get("action")), a.decoded("trigger"), str(a.get("description")))
            for a in event.walk("VALARM")
        ]
        start = event.decoded("dtstart")
        end = event.decoded("dtend")
        assert type(start) is date and end == start + timedelta(days=1)  # all-day, one day
        out.append(
            {
                "uid": str(event.get("uid")),
                "day": start,
                "summary": str(event.get("summary")),
                "description": str(event.get("description")),
                "alarms": alarms,
            }
        )
    return out


def test_the_next_after_a_rest_day_then_every_other_day(data_dir: Path) -> None:
    workouts_on(data_dir, DONE_ON)
    coach = make_coach(data_dir)
    got = events(to_ics(planned(coach), calendar_name="supple"))
    # By hand: the last workout was on Mon 30 Nov, so the next (11) is after a rest day, Wed 2
    # Dec (today, Tue 1 Dec, is the rest day); then every other day: 4, 6, … 16 Dec.
    expected = {11 + k: date(2026, 12, 2 + 2 * k) for k in range(8)}
    workouts = [e for e in got if "-workout-" in str(e["uid"])]
    assert {int(str(e["uid"]).split("-")[-1].split("@")[0]): e["day"] for e in workouts} == (
        expected
    )
    assert [e["day"] for e in got] == sorted(e["day"] for e in got)  # oldest first
    # The start and middle tests are taken; the end tests follow workout 18, on its day.
    tests = [e for e in got if "-tests-" in str(e["uid"])]
    assert [(e["uid"], e["day"]) for e in tests] == [
        ("supple-lower-back-6-weeks-tests-end@supple", date(2026, 12, 16))
    ]
    assert got[-1]["uid"] == "supple-lower-back-6-weeks-tests-end@supple"  # after workout 18
    assert max(e["day"] for e in got) == expected[18]  # nothing after the last workout
    assert len(got) == 9


def test_each_event_says_what_and_has_a_morning_alarm(data_dir: Path) -> None:
    workouts_on(data_dir, DONE_ON)
    coach = make_coach(data_dir)
    got = events(to_ics(planned(coach), calendar_name="supple"))
    first = got[0]
    minutes = max(1, round(coach.catalog.seconds("lower-back-mobility", "intermediate") / 60))
    assert first["uid"] == "supple-lower-back-6-weeks-workout-11@supple"
    assert first["summary"] == (
        f"Workout 11 of 18 — Lower back mobility, intermediate, {minutes} min"
    )
    routine = coach.catalog.find("lower-back-mobility")
    for exercise in routine.exercises:
        assert f"- {exercise.name} — {exercise.describe('intermediate')}" in str(
            first["description"]
        )
    assert "supple play lower-back-mobility --level intermediate" in str(first["description"])
    for event in got:
        assert event["alarms"] == [("DISPLAY", timedelta(hours=8), event["summary"])]


def test_the_minutes_are_the_ones_the_person_will_play(data_dir: Path) -> None:
    workouts_on(data_dir, DONE_ON)
    plain = planned(make_coach(data_dir))[0]
    slow = make_coach(data_dir, config=Config(get_ready=60))
    slower = planned(slow)[0]
    minutes = max(1, round(slow.catalog.seconds("lower-back-mobility", "intermediate") / 60))
    assert slower.summary.endswith(f", {minutes} min") and slower.summary != plain.summary


def test_uids_are_stable_across_exports_and_unique(data_dir: Path) -> None:
    workouts_on(data_dir, DONE_ON)
    coach = make_coach(data_dir)
    one = events(to_ics(planned(coach), calendar_name="supple", stamp=datetime(2026, 12, 1)))
    two = events(to_ics(planned(coach), calendar_name="supple", stamp=datetime(2026, 12, 5)))
    assert [e["uid"] for e in one] == [e["uid"] for e in two]
    assert len({e["uid"] for e in one}) == len(one)
    # A day later, with workout 11 done: the same UIDs for the same workouts, on new days.
    later = make_coach(data_dir, today=date(2026, 12, 3))
    HistoryStore(data_dir).save(
        make_session_record(
            datetime(2026, 12, 3, 7, tzinfo=UTC),
            routine="lower-back-mobility",
            title="Lower back mobility",
            level="intermediate",
            active=270.0,
        ),
        HistoryStore(data_dir).path_for("lower-back-mobility", datetime(2026, 12, 3, 7)),
    )
    after = {p.uid: p.day for p in planned(later)}
    assert workout_uid("lower-back-6-weeks", 11) not in after
    # By hand: workout 11 done today (Thu 3 Dec), so 12 after a rest day, Sat 5 Dec.
    assert after[workout_uid("lower-back-6-weeks", 12)] == date(2026, 12, 5)
    assert after[workout_uid("lower-back-6-weeks", 18)] == date(2026, 12, 17)


def test_a_workout_done_today_moves_the_next_to_after_a_rest_day(data_dir: Path) -> None:
    # Ten done, the tenth today (Tue 1 Dec): by hand, 11 on Thu 3 Dec, 12 on Sat 5 Dec.
    workouts_on(data_dir, [*DONE_ON[:9], TODAY])
    days = {p.number: p.day for p in planned(make_coach(data_dir)) if p.number}
    assert days[11] == date(2026, 12, 3) and days[12] == date(2026, 12, 5)
    assert days[18] == date(2026, 12, 17)


def test_a_long_break_puts_the_next_today(data_dir: Path) -> None:
    workouts_on(data_dir, DONE_ON)
    days = {p.number: p.day for p in planned(make_coach(data_dir, today=date(2026, 12, 20)))}
    assert days[11] == date(2026, 12, 20) and days[12] == date(2026, 12, 22)


def test_tests_due_now_go_on_the_next_workouts_day(data_dir: Path) -> None:
    workouts_on(data_dir, DONE_ON[:9])  # nine done (last Thu 26 Nov), the middle tests taken
    for path in (data_dir / "tests").rglob("*.toml"):
        if not path.name.startswith("20261102T"):  # keep only the start tests (on 2 Nov)
            path.unlink()
    got = planned(make_coach(data_dir))
    # By hand: the last workout on Thu 26 Nov, so workout 10 is due today (Tue 1 Dec), and the
    # middle tests (due after workout 9) go on that day, before it.
    assert (got[0].point, got[0].day) == ("middle", TODAY)
    assert "due now (after workout 9)" in got[0].description
    assert (got[1].number, got[1].day) == (10, TODAY)
    assert [p.point for p in got if p.point] == ["middle", "end"]


def test_not_started_is_projected_from_today(data_dir: Path) -> None:
    coach = make_coach(data_dir)
    got = planned(coach)
    workouts = [p for p in got if p.number]
    assert [p.number for p in workouts] == list(range(1, 19))
    # By hand: workout 1 today (Tue 1 Dec), 9 on 17 Dec, 18 on 4 Jan 2027.
    assert workouts[0].day == TODAY and workouts[8].day == date(2026, 12, 17)
    assert workouts[-1].day == date(2027, 1, 4)
    tests = [(p.point, p.day) for p in got if p.point]
    assert tests == [
        ("start", TODAY),
        ("middle", date(2026, 12, 17)),
        ("end", date(2027, 1, 4)),
    ]
    assert got[0].point == "start"  # the start tests before workout 1


def test_a_finished_program_has_an_empty_calendar(data_dir: Path) -> None:
    days = [date(2026, 11, 2) + timedelta(days=2 * n) for n in range(18)]
    workouts_on(data_dir, days)
    coach = make_coach(data_dir, today=date(2026, 12, 10))
    assert planned(coach) == ()
    data = to_ics((), calendar_name="supple")
    assert Calendar.from_ical(data).walk("VEVENT") == []


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "supple", "program", *args],
        capture_output=True,
        env=os.environ.copy(),
        check=False,
    )


def test_the_command_prints_or_writes_a_file(tmp_path: Path, data_dir: Path) -> None:
    result = _cli("--ics")
    assert result.returncode == 0
    assert b"has not started: the calendar starts today" in result.stderr
    printed = events(result.stdout)
    assert len(printed) == 21 and printed[0]["uid"].endswith("tests-start@supple")  # type: ignore[union-attr]
    target = tmp_path / "program.ics"
    result = _cli("--ics", str(target))
    assert result.returncode == 0 and b"18 workouts and 3 test days written" in result.stderr
    written = events(target.read_bytes())
    assert [e["uid"] for e in written] == [e["uid"] for e in printed]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_the_command_says_when_the_program_is_done(data_dir: Path) -> None:
    workouts_on(data_dir, [date(2026, 11, 2) + timedelta(days=2 * n) for n in range(18)])
    result = _cli("--ics")
    assert result.returncode == 0 and b"every workout of the program is done" in result.stderr
    assert events(result.stdout) == []


@pytest.mark.parametrize("args", [["--json"], []])
def test_the_program_command_is_unchanged_without_ics(args: list[str]) -> None:
    result = _cli(*args)
    assert result.returncode == 0 and b"BEGIN:VCALENDAR" not in result.stdout
