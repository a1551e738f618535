"""What the history adds up to: streaks, weekly minutes, a 26-week calendar, the pain trend.

Minutes are work minutes (reps and holds done, not get-ready, rest or switching sides), so a
session skipped through adds next to nothing; streak days and weekly sessions are only those
with a session that counts (``SessionRecord.counts``: completed, at least half the work done).
A session's day is the local date where it was done (the offset stored with its start time),
so a session at 23:30 in Lisbon stays on that day when you later look from Tokyo.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from supple.core.record import SessionRecord
from supple.core.value import value_class

WEEKS = 12
CALENDAR_WEEKS = 26


@value_class(frozen=True, slots=True)
class Week:
    monday: date
    sessions: int  # sessions that count
    minutes: float  # work minutes of every ended session


@value_class(frozen=True, slots=True)
class Feeling:
    day: date
    before: int | None
    after: int | None


@value_class(frozen=True, slots=True)
class Pain:
    """One session's pain on the 0–10 scale (0 = no pain, lower is better): before, after and
    the next morning, each None when not given."""

    day: date
    before: int | None
    after: int | None
    morning: int | None


@value_class(frozen=True, slots=True)
class Stats:
    today: date
    sessions: int  # ended sessions, whether they count or not
    counted: int  # ended sessions that count (``SessionRecord.counts``), as weeks count them
    minutes: float  # work minutes
    current_streak: int
    longest_streak: int
    weeks: tuple[Week, ...]  # the last 12, oldest first; the last is this week
    calendar: tuple[tuple[float | None, ...], ...]  # 26 columns of Monday..Sunday minutes
    calendar_start: date  # the Monday of the first column
    feelings: tuple[Feeling, ...]  # old records' feelings (another scale: 10 = great), oldest first
    pain: tuple[Pain, ...]  # sessions with a pain rating, oldest first
    last: SessionRecord | None

    @property
    def this_week(self) -> Week:
        return self.weeks[-1]

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "sessions": self.sessions,
            "counted": self.counted,
            "minutes": round(self.minutes, 1),
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "this_week": {
                "sessions": self.this_week.sessions,
                "minutes": round(self.this_week.minutes, 1),
            },
            "weeks": [
                {
                    "monday": w.monday.isoformat(),
                    "sessions": w.sessions,
                    "minutes": round(w.minutes, 1),
                }
                for w in self.weeks
            ],
            "pain": [
                {
                    "day": p.day.isoformat(),
                    "before": p.before,
                    "after": p.after,
                    "morning": p.morning,
                }
                for p in self.pain
            ],
            "feelings": [
                {"day": f.day.isoformat(), "before": f.before, "after": f.after}
                for f in self.feelings
            ],
            "last": None
            if self.last is None
            else {
                "started": self.last.started.isoformat(timespec="seconds"),
                "routine": self.last.routine,
                "status": self.last.status,
                "counts": self.last.counts,
            },
        }


def streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days. Today not yet trained keeps yesterday's run."""
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    return current, longest


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def compute(records: Iterable[SessionRecord], today: date) -> Stats:
    done = [r for r in records if r.status != "in_progress"]
    done.sort(key=lambda r: r.started)
    minutes_by_day: dict[date, float] = {}
    sessions_by_day: dict[date, int] = {}
    for record in done:
        day = record.started.date()
        minutes_by_day[day] = minutes_by_day.get(day, 0.0) + record.work_seconds / 60
        if record.counts:
            sessions_by_day[day] = sessions_by_day.get(day, 0) + 1
    current, longest = streaks(set(sessions_by_day), today)
    this_monday = monday_of(today)
    weeks = []
    for back in range(WEEKS - 1, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        days = [monday + timedelta(days=d) for d in range(7)]
        weeks.append(
            Week(
                monday,
                sum(sessions_by_day.get(d, 0) for d in days),
                sum(minutes_by_day.get(d, 0.0) for d in days),
            )
        )
    start = this_monday - timedelta(weeks=CALENDAR_WEEKS - 1)
    calendar = tuple(
        tuple(
            None
            if (day := start + timedelta(weeks=w, days=d)) > today
            else minutes_by_day.get(day, 0.0)
            for d in range(7)
        )
        for w in range(CALENDAR_WEEKS)
    )
    feelings = tuple(
        Feeling(r.started.date(), r.feeling_before, r.feeling_after)
        for r in done
        if r.feeling_before is not None or r.feeling_after is not None
    )
    pain = tuple(
        Pain(r.started.date(), r.pain_before, r.pain_after, r.morning_pain)
        for r in done
        if r.pain_before is not None or r.pain_after is not None or r.morning_pain is not None
    )
    return Stats(
        today=today,
        sessions=len(done),
        counted=sum(sessions_by_day.values()),
        minutes=sum(r.work_seconds for r in done) / 60,
        current_streak=current,
        longest_streak=longest,
        weeks=tuple(weeks),
        calendar=calendar,
        calendar_start=start,
        feelings=feelings,
        pain=pain,
        last=done[-1] if done else None,
    )
