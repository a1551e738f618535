"""The program's remaining workouts and test days on a calendar, and as an iCalendar file.

The days follow the program's own rule (``supple.core.program.progress``): the next workout on
the day it is suggested for (today, or tomorrow if a workout counted today, and never before the
day after a rest day after the last workout), then each later one two days after the one before,
a rest day between workouts, three or four a week. A test point's day is the day of the workout
after which it is due (the start tests: before workout 1, on its day); tests due now go on the
next workout's day. Each event's UID is the program's id and the workout's number (or the test
point), so importing the file again moves the events instead of adding copies.

``project`` is pure (dates, titles, UIDs); ``to_ics`` writes the file with the ``icalendar``
package, imported only there, so nothing else pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from supple.core.program import POINTS, Point, Progress, Workout, days_after
from supple.core.routine import Level
from supple.core.value import value_class
from supple.core.words import decimal, level_word
from supple.i18n import _

DAYS_BETWEEN = 2  # a workout, a rest day, the next workout
ALARM_AT = time(8, 0)  # the reminder on the morning of each day, local time
DOMAIN = "supple"
PRODID = "-//supple//program calendar//EN"


@value_class(frozen=True, slots=True)
class Planned:
    """One day on the calendar: a workout (``number`` set) or a test point (``point`` set)."""

    uid: str
    day: date
    summary: str
    description: str
    number: int | None = None
    point: Point | None = None


@value_class(frozen=True, slots=True)
class WorkoutInfo:
    """What the calendar says of a workout, from the effective catalog."""

    title: str
    minutes: float | None
    exercises: tuple[str, ...]  # "Cat-Cow — 8 reps × 2 sets"


def workout_uid(program_id: str, number: int) -> str:
    return f"supple-{program_id}-workout-{number}@{DOMAIN}"


def tests_uid(program_id: str, point: Point) -> str:
    return f"supple-{program_id}-tests-{point}@{DOMAIN}"


def workout_summary(workout: Workout, total: int, info: WorkoutInfo) -> str:
    """'Workout 11 of 18 — Lower back mobility, intermediate, 10 min'."""
    facts = {"number": workout.number, "total": total, "title": info.title}
    level = level_word(workout.level)
    if info.minutes is None:
        return _("Workout {number} of {total} — {title}, {level}").format(level=level, **facts)
    said = _("Workout {number} of {total} — {title}, {level}, {minutes} min")
    return said.format(level=level, minutes=decimal(info.minutes), **facts)


def project(
    progress: Progress,
    today: date,
    info: Callable[[str, Level], WorkoutInfo],
) -> tuple[Planned, ...]:
    """The remaining workouts and test points of ``progress`` on their days, as of ``today``,
    oldest first. A program not started is projected as if it started today; a finished one
    has nothing left."""
    program = progress.program
    total = len(program.workouts)
    done = len(progress.done)
    remaining = program.workouts[done:] if progress.started is not None else program.workouts
    if progress.started is None:
        done = 0
    first = progress.suggested if progress.started is not None else today
    if not remaining or first is None:
        return ()
    days: dict[int, date] = {}
    day = first
    for workout in remaining:
        days[workout.number] = day
        day = days_after(day, DAYS_BETWEEN)
    # On one day: tests due now and the start tests before the workout, the rest after it.
    planned: list[tuple[int, Planned]] = []
    for workout in remaining:
        about = info(workout.routine, workout.level)
        week = _("Week {week} of {weeks} of {title}.")
        lines = [week.format(week=workout.week, weeks=program.weeks, title=program.title)]
        lines += [f"- {line}" for line in about.exercises]
        start = f"supple play {workout.routine} --level {workout.level}"
        lines.append(_("Start it with: {command}").format(command=start))
        planned.append(
            (
                1,
                Planned(
                    workout_uid(program.id, workout.number),
                    days[workout.number],
                    workout_summary(workout, total, about),
                    "\n".join(lines),
                    number=workout.number,
                ),
            )
        )
    due_now = set(progress.due) if progress.started is not None else {"start"}
    for point, after in zip(POINTS, program.tests_after, strict=True):
        if after <= done and point not in due_now:
            continue  # taken already, or past (the program asks for one point at a time)
        # Due now: on the next workout's day. Still ahead: the day of the workout it follows
        # (the start tests come before workout 1, on its day).
        on = first if after <= done else days[after]
        when = _("before workout 1") if after == 0 else _("after workout {number}")
        when = when.format(number=after)
        if after <= done and done > 0:
            when = _("due now ({when})").format(when=when)
        names = "\n".join(f"- {test.name} ({test.unit})" for test in program.tests)
        planned.append(
            (
                0 if after <= done else 2,
                Planned(
                    tests_uid(program.id, point),
                    on,
                    _("Mobility tests ({point}) — {title}").format(
                        point=point, title=program.title
                    ),
                    _("The {point} tests, {when}:\n{names}\nRecord each with: {command}").format(
                        point=point,
                        when=when,
                        names=names,
                        command="supple test record TEST VALUE",
                    ),
                    point=point,
                ),
            )
        )
    planned.sort(key=lambda ranked: (ranked[1].day, ranked[0]))
    return tuple(item for _, item in planned)


def to_ics(
    planned: Sequence[Planned],
    *,
    calendar_name: str,
    stamp: datetime | None = None,
) -> bytes:
    """``planned`` as an iCalendar file: all-day events, each with a display alarm at 08:00 on
    its day. ``stamp`` (now, in UTC) is DTSTAMP and LAST-MODIFIED; SEQUENCE grows with it, so a
    calendar that imports the file again takes the new days."""
    from icalendar import Alarm, Calendar, Event, vText

    class Text(vText):
        """TEXT escaped by RFC 5545 itself: icalendar's writer reads a backslash before an N
        as an escaped newline and leaves it unescaped (``\\N`` came back as a line break)."""

        def to_ical(self) -> bytes:
            return escape_text(str(self)).encode("utf-8")

    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sequence = int((stamp - datetime(2020, 1, 1, tzinfo=UTC)).total_seconds() // 60)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # An X- property: vText, so that it is escaped as TEXT too (its one line: a calendar's name).
    calendar.add("x-wr-calname", Text(ics_text(calendar_name).replace("\n", " ")))
    for item in planned:
        event = Event()
        event.add("uid", ics_text(item.uid))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", max(0, sequence))
        event.add("dtstart", item.day)
        event.add("dtend", days_after(item.day, 1))
        event.add("summary", Text(ics_text(item.summary)))
        event.add("description", Text(ics_text(item.description)))
        event.add("transp", "TRANSPARENT")  # a reminder to move, not a busy slot
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", Text(ics_text(item.summary)))
        alarm.add("trigger", timedelta(hours=ALARM_AT.hour, minutes=ALARM_AT.minute))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())


# Control characters (TEXT has no escape for one) and lone surrogates (a JSON import can carry
# one; UTF-8 cannot).
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping (3.3.11): backslash first, then ``;``, ``,`` and newlines."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_text(value: str) -> str:
    """``value`` as RFC 5545 TEXT can carry it: line breaks as newlines (which the writer
    escapes as ``\\n``, with ``\\``, ``;`` and ``,``, and folds at 75 octets), every other
    control character left out (TEXT has no escape for one)."""
    return _NOT_TEXT.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def is_own_calendar(data: bytes) -> bool:
    """``data`` is a calendar supple wrote (its PRODID, and every event's UID one of supple's):
    `program --ics FILE` replaces it without --force, so the weekly calendar just works."""
    lines = data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").splitlines()
    if lines[:1] != [b"BEGIN:VCALENDAR"] or b"PRODID:" + PRODID.encode() not in lines:
        return False
    ending = b"@" + DOMAIN.encode()
    uids = [line for line in lines if line.startswith(b"UID:")]
    return all(line.startswith(b"UID:supple-") and line.endswith(ending) for line in uids)
