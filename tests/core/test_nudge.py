"""The nudge decision and the next reminder, each rule with an injected now."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from supple.core.nudge import (
    Due,
    RemindError,
    RemindSettings,
    Today,
    check_settings,
    days_text,
    decide,
    next_reminder,
    parse_days,
    parse_hours,
    parse_times,
    when_text,
)

TZ = timezone(timedelta(hours=1))
# Wednesday 2026-11-25, 13:00 local
WED_1300 = datetime(2026, 11, 25, 13, 0, tzinfo=TZ)
ON = RemindSettings(
    on=True, at=parse_times("07:30,13:00"), days=parse_days("mon-fri"), hours=(420, 1140)
)
DUE = Due("lower-back-mobility", "Lower back mobility", "intermediate", 606.0, 11, 18)
RUNNING = Today(suggested=WED_1300.date())  # the program suggests today


def nudge(now: datetime = WED_1300, today: Today = RUNNING, *, desktop: bool = True) -> str:
    decision = decide(now, ON, today, DUE, desktop=desktop)
    return decision.message if decision.notify else f"silent: {decision.reason}"


def test_due_says_the_workout_number_routine_level_and_minutes() -> None:
    decision = decide(WED_1300, ON, RUNNING, DUE, desktop=True)
    assert decision.notify
    assert decision.message == "Workout 11 of 18 — Lower back mobility, intermediate, 10 min"
    assert (decision.routine, decision.level) == ("lower-back-mobility", "intermediate")


def test_due_without_a_program_and_with_tests() -> None:
    plain = Due("back-pain-relief", "Back pain relief", "beginner", 95.0)
    assert plain.message() == "Back pain relief, beginner, 2 min"  # as status and calendar say
    tests = Due(
        "lower-back-mobility", "Lower back mobility", "beginner", 270.0, 10, 18, ("middle",)
    )
    assert tests.message() == (
        "Workout 10 of 18 — Lower back mobility, beginner, 5 min; the middle tests are due"
    )
    assert decide(WED_1300, ON, Today(), plain, desktop=True).notify  # no program: due


def test_a_session_that_counts_today_silences() -> None:
    assert nudge(today=Today(counts=True, suggested=WED_1300.date())) == (
        "silent: a session already counts today"
    )


def test_the_programs_workout_done_today_silences() -> None:
    today = Today(counts=True, workout_today=True, suggested=WED_1300.date() + timedelta(days=1))
    assert nudge(today=today) == "silent: today's program workout is done"


def test_a_rest_day_silences() -> None:
    rest = Today(suggested=date(2026, 11, 26))
    assert nudge(today=rest) == "silent: a rest day: the next workout is suggested for Thu 26 Nov"
    # behind the program (suggested in the past): due
    assert nudge(today=Today(suggested=date(2026, 11, 20))).startswith("Workout 11")


def test_outside_the_hours_silences_at_both_ends() -> None:
    assert nudge(WED_1300.replace(hour=6, minute=59)) == (
        "silent: 06:59 is outside the hours 07:00-19:00"
    )
    assert nudge(WED_1300.replace(hour=7, minute=0)).startswith("Workout 11")
    assert nudge(WED_1300.replace(hour=18, minute=59)).startswith("Workout 11")
    assert nudge(WED_1300.replace(hour=19, minute=0)).startswith("silent: 19:00 is outside")
    # a 13:00 caught up at 23:10 after sleep (Persistent=true) says nothing
    assert nudge(WED_1300.replace(hour=23, minute=10)) == (
        "silent: 23:10 is outside the hours 07:00-19:00"
    )


def test_outside_the_days_silences() -> None:
    saturday = datetime(2026, 11, 28, 13, 0, tzinfo=TZ)
    assert nudge(saturday, Today()) == "silent: Sat is not a reminder day"


def test_no_desktop_silences_last() -> None:
    assert nudge(desktop=False) == "silent: no desktop to show a notification on (ssh or a server)"
    # the other reasons come first: status says the real one
    assert nudge(today=Today(counts=True), desktop=False) == (
        "silent: a session already counts today"
    )


def test_off_and_nothing_due_silence() -> None:
    off = decide(WED_1300, RemindSettings(), RUNNING, DUE, desktop=True)
    assert (off.notify, off.reason) == (False, "reminders are off")
    nothing = decide(WED_1300, ON, RUNNING, None, desktop=True)
    assert (nothing.notify, nothing.reason) == (False, "nothing is due")


def test_next_reminder_later_today_then_tomorrow() -> None:
    assert next_reminder(WED_1300.replace(hour=9), ON) == WED_1300
    # exactly at a time: the next one, not this one
    assert next_reminder(WED_1300, ON) == datetime(2026, 11, 26, 7, 30, tzinfo=TZ)


def test_next_reminder_across_midnight() -> None:
    late = datetime(2026, 11, 24, 23, 59, 30, tzinfo=TZ)  # Tuesday
    assert next_reminder(late, ON) == datetime(2026, 11, 25, 7, 30, tzinfo=TZ)
    midnight = datetime(2026, 11, 25, 0, 0, tzinfo=TZ)
    assert next_reminder(midnight, ON) == datetime(2026, 11, 25, 7, 30, tzinfo=TZ)


def test_next_reminder_across_the_weekend() -> None:
    friday_evening = datetime(2026, 11, 27, 18, 0, tzinfo=TZ)
    assert next_reminder(friday_evening, ON) == datetime(2026, 11, 30, 7, 30, tzinfo=TZ)
    saturday = datetime(2026, 11, 28, 10, 0, tzinfo=TZ)
    assert next_reminder(saturday, ON) == datetime(2026, 11, 30, 7, 30, tzinfo=TZ)
    weekends = RemindSettings(on=True, at=(600,), days=parse_days("weekends"), hours=(0, 1440))
    assert next_reminder(datetime(2026, 11, 29, 11, tzinfo=TZ), weekends) == datetime(
        2026, 12, 5, 10, 0, tzinfo=TZ
    )


def test_next_reminder_skips_a_day_that_counts_and_rest_days() -> None:
    morning = WED_1300.replace(hour=6)
    assert next_reminder(morning, ON, Today(counts=True)) == datetime(
        2026, 11, 26, 7, 30, tzinfo=TZ
    )
    rest = Today(suggested=date(2026, 11, 27))
    assert next_reminder(morning, ON, rest) == datetime(2026, 11, 27, 7, 30, tzinfo=TZ)
    # done on Friday: Monday
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=TZ)
    assert next_reminder(friday, ON, Today(counts=True)) == datetime(2026, 11, 30, 7, 30, tzinfo=TZ)


def test_next_reminder_none_when_off_or_no_time_within_the_hours() -> None:
    assert next_reminder(WED_1300, RemindSettings()) is None
    outside = RemindSettings(on=True, at=(420,), hours=(480, 1140))
    assert next_reminder(WED_1300, outside) is None
    assert (
        check_settings(outside) == "07:00 is outside the hours 08:00-19:00: it would never remind"
    )
    assert check_settings(ON) is None


def test_when_text() -> None:
    assert when_text(WED_1300, WED_1300.replace(hour=9)) == "today 13:00"
    assert when_text(WED_1300 + timedelta(days=1), WED_1300) == "tomorrow 13:00"
    assert when_text(WED_1300 + timedelta(days=5), WED_1300) == "Mon 13:00"
    assert when_text(WED_1300 + timedelta(days=9), WED_1300) == "Fri 04 Dec 13:00"


def test_parsing_times_days_and_hours() -> None:
    assert parse_times("13:00, 7:30,13:00") == (450, 780)
    assert parse_days("mon-fri") == (0, 1, 2, 3, 4)
    assert parse_days("fri-mon") == (0, 4, 5, 6)
    assert parse_days("Monday,wed,sun") == (0, 2, 6)
    assert parse_days("daily") == tuple(range(7))
    assert days_text(parse_days("mon-wed,fri,sun")) == "mon-wed,fri,sun"
    assert days_text(tuple(range(7))) == "daily"
    assert parse_hours("08:00-24:00") == (480, 1440)
    for bad, words in [
        (lambda: parse_times("7.30"), "not a time like 07:30"),
        (lambda: parse_times("24:00"), "not a time of day"),
        (lambda: parse_days("mon-fry"), "'fry' is not a day"),
        (lambda: parse_hours("19:00-08:00"), "must end after they start"),
        (lambda: parse_hours("08:00"), "not hours like"),
    ]:
        with pytest.raises(RemindError, match=words):
            bad()


def test_settings_round_trip_and_bad_files() -> None:
    settings = RemindSettings(on=True, at=(450, 780), days=(0, 2, 4), hours=(480, 1140))
    data = settings.to_toml()
    assert data == {
        "schema": 1,
        "on": True,
        "at": ["07:30", "13:00"],
        "days": "mon,wed,fri",
        "hours": "08:00-19:00",
        "scheduler": "",
    }
    assert RemindSettings.from_toml(data) == settings
    # A key this supple does not know is a newer supple's (issue 22): kept, never an error.
    kept = RemindSettings.from_toml({"tmes": ["07:30"]})
    assert kept.unknown == {"tmes": ["07:30"]} and kept.to_toml()["tmes"] == ["07:30"]
    with pytest.raises(RemindError, match="on: expected true or false"):
        RemindSettings.from_toml({"on": "yes"})


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "07:30, 13:00 · Mon-Fri"),
        ("de", "07:30, 13:00 · Mo-Fr"),
        ("es", "07:30, 13:00 · lun-vie"),
    ],
)
def test_the_settings_read_in_the_persons_language_and_the_file_keeps_its_words(
    language: str, said: str
) -> None:
    from supple import i18n

    i18n.choose(language)
    assert ON.describe().startswith(said)
    assert ON.describe(translated=False).startswith("07:30, 13:00 · mon-fri · within")
    assert ON.to_toml()["days"] == "mon-fri"
