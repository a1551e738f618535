"""Streaks across month and year ends, Monday weeks, local days in any time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from supple.core.record import ExerciseEntry, SessionRecord
from supple.core.stats import compute, streaks
from tests.fakes import make_record

UTC = UTC


def rec(at: datetime, **kw: object):  # type: ignore[no-untyped-def]
    return SessionRecord.from_toml(make_record(at, **kw), Path("x.toml"))  # type: ignore[arg-type]


def work(done: float, planned: float | None = None) -> tuple[ExerciseEntry, ...]:
    """One hold with ``done`` of its ``planned`` seconds held (all of it by default)."""
    planned = done if planned is None else planned
    status = "done" if done >= planned else "partial" if done else "skipped"
    return (ExerciseEntry("sphinx", "Sphinx", status, done, planned, 1, 1, 0, 0),)


def test_streak_across_a_year_end() -> None:
    days = {date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2)}
    assert streaks(days, date(2027, 1, 2)) == (4, 4)
    assert streaks(days, date(2027, 1, 3)) == (4, 4)  # not yet trained today: still alive
    assert streaks(days, date(2027, 1, 4)) == (0, 4)  # a missed day ends it


def test_streak_across_a_month_end_with_a_gap_before() -> None:
    days = {date(2026, 1, 28), date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 2)}
    assert streaks(days, date(2026, 2, 2)) == (3, 3)


def test_local_day_of_the_session_in_its_own_time_zone() -> None:
    # 23:30 in New York on the 31st is already the 1st in UTC: it counts on the 31st.
    new_york = timezone(timedelta(hours=-5))
    stats = compute([rec(datetime(2026, 12, 31, 23, 30, tzinfo=new_york))], date(2026, 12, 31))
    assert stats.current_streak == 1
    assert stats.calendar[-1][3] is not None and stats.calendar[-1][3] > 0  # Thursday 31st


def test_weeks_start_on_monday() -> None:
    sunday = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    stats = compute(
        [rec(sunday, active=150.0, exercises=work(120.0)), rec(monday, exercises=work(60.0))],
        date(2026, 11, 24),
    )
    assert stats.this_week.monday == date(2026, 11, 23)
    assert (stats.this_week.sessions, stats.this_week.minutes) == (1, 1.0)
    assert (stats.weeks[-2].sessions, stats.weeks[-2].minutes) == (1, 2.0)
    assert len(stats.weeks) == 12 and len(stats.calendar) == 26
    assert stats.calendar[-1][2] is None  # Wednesday is still to come


def test_a_few_seconds_do_not_make_a_streak_day_but_count_as_minutes() -> None:
    at = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    stats = compute([rec(at, status="stopped", active=30.0)], date(2026, 11, 24))
    assert stats.current_streak == 0 and stats.minutes == 0.5 and stats.sessions == 1


def test_feelings_in_order_and_last_session() -> None:
    a = rec(datetime(2026, 11, 20, 9, tzinfo=UTC), before=3, after=5)
    b = rec(datetime(2026, 11, 21, 9, tzinfo=UTC), after=7)
    stats = compute([b, a], date(2026, 11, 24))
    assert [(f.before, f.after) for f in stats.feelings] == [(3, 5), (None, 7)]
    assert stats.last is b
    assert stats.to_json()["last"]["started"] == "2026-11-21T09:00:00+00:00"


def test_in_progress_sessions_are_not_counted() -> None:
    at = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert compute([rec(at, status="in_progress")], date(2026, 11, 24)).sessions == 0
