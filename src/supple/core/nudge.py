"""Reminders, decided: the chosen times, days and hours, whether a nudge is due now (and what it
says), and when the next reminder is. Pure: the clock, the history's verdict and whether there
is a desktop are all handed in."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from supple.core.numbers import NumberError, check_digits, is_digits
from supple.core.schema import SCHEMA, schema_of, unknown_keys
from supple.core.value import field, value_class
from supple.i18n import _, lazy, n_

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
DAY_WORDS = {
    "daily": tuple(range(7)),
    "all": tuple(range(7)),
    "weekdays": tuple(range(5)),
    "weekends": (5, 6),
}
DAY_MINUTES = 24 * 60
DEFAULT_AT = (9 * 60, 17 * 60 + 30)  # 09:00 and 17:30
DEFAULT_HOURS = (8 * 60, 21 * 60)  # 08:00-21:00
MAX_TIMES = 12


class RemindError(ValueError):
    """A time, day or hours value that cannot be used, in words for the person."""


@value_class(frozen=True, slots=True)
class RemindSettings:
    """What ``supple remind on`` chose. Times are minutes after midnight; ``hours`` is a window
    [start, end) in minutes (end up to 24:00); ``days`` are weekday numbers, Monday 0."""

    on: bool = False
    at: tuple[int, ...] = DEFAULT_AT
    days: tuple[int, ...] = tuple(range(7))
    hours: tuple[int, int] = DEFAULT_HOURS
    scheduler: str = ""  # systemd, cron or launchd: what was installed (to remove it exactly)
    # Forward compatibility: the schema it was read with (a newer one is never rewritten) and
    # the keys this supple does not know, written back as they were.
    schema: int = SCHEMA
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    def describe(self, *, translated: bool = True) -> str:
        """``09:00, 17:30 · mon-fri · within 08:00-21:00`` (``translated=False``: in English
        whatever the language, for a file such as the timer's unit)."""
        times = ", ".join(clock_text(m) for m in self.at)
        if not translated:
            return f"{times} · {days_text(self.days)} · within {hours_text(self.hours)}"
        # Translators: the reminders' settings, "09:00, 17:30 · Mon-Fri · within 08:00-21:00"
        return _("{times} · {days} · within {hours}").format(
            times=times, days=days_words(self.days), hours=hours_text(self.hours)
        )

    def to_toml(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "on": self.on,
            "at": [clock_text(m) for m in self.at],
            "days": days_text(self.days),
            "hours": hours_text(self.hours),
            "scheduler": self.scheduler,
            **self.unknown,
        }

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> RemindSettings:
        """Settings from the file's table; RemindError naming the key that is wrong. Keys it
        does not know are kept (``unknown``); a file without a usable schema is read as this
        supple's, as it always was."""
        on = data.get("on", False)
        if not isinstance(on, bool):
            raise RemindError(_("on: expected true or false"))
        raw_at = data.get("at", [clock_text(m) for m in DEFAULT_AT])
        if not isinstance(raw_at, list) or not all(isinstance(t, str) for t in raw_at):
            raise RemindError(_('at: expected a list of times like ["07:30", "13:00"]'))
        raw_days = data.get("days", "daily")
        raw_hours = data.get("hours", hours_text(DEFAULT_HOURS))
        scheduler = data.get("scheduler", "")
        if not isinstance(raw_days, str) or not isinstance(raw_hours, str):
            raise RemindError(_('days and hours: expected text like "mon-fri" and "08:00-19:00"'))
        if scheduler not in ("", "systemd", "cron", "launchd"):
            raise RemindError(_("scheduler: expected systemd, cron or launchd"))
        return cls(
            on=on,
            at=parse_times(",".join(raw_at)),
            days=parse_days(raw_days),
            hours=parse_hours(raw_hours),
            scheduler=scheduler,
            schema=schema_of(data, SCHEMA) or SCHEMA,
            unknown=unknown_keys(data, REMIND_KEYS),
        )


REMIND_KEYS = ("on", "at", "days", "hours", "scheduler")  # what remind.toml holds, besides schema


def clock_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_clock(text: str, *, end: bool = False) -> int:
    """``07:30`` (or ``7:30``, ``0730``) as minutes after midnight; ``24:00`` only as an end."""
    raw = text.strip()
    try:
        check_digits(raw)  # `0²:30`: `isdigit` is true of `²`, `int` is not
    except NumberError as error:
        raise RemindError(str(error)) from None
    hh, sep, mm = raw.partition(":")
    if not sep and len(raw) == 4:
        hh, mm = raw[:2], raw[2:]
    if not (is_digits(hh) and is_digits(mm) and len(mm) == 2 and 1 <= len(hh) <= 2):
        raise RemindError(_("'{text}' is not a time like 07:30").format(text=text))
    hours, minutes = int(hh), int(mm)
    if end and (hours, minutes) == (24, 0):
        return DAY_MINUTES
    if hours > 23 or minutes > 59:
        raise RemindError(_("'{text}' is not a time of day (00:00 to 23:59)").format(text=text))
    return hours * 60 + minutes


def parse_times(text: str) -> tuple[int, ...]:
    """``07:30,13:00`` → sorted minutes, each once."""
    parts = [p for p in text.split(",") if p.strip()]
    if not parts:
        raise RemindError(_("no time given: use times like 07:30,13:00"))
    times = tuple(sorted({parse_clock(p) for p in parts}))
    if len(times) > MAX_TIMES:
        raise RemindError(_("at most {count} times a day").format(count=MAX_TIMES))
    return times


def _day(text: str) -> int:
    name = text.strip().lower()[:3]
    if name not in DAY_NAMES or not text.strip().lower().startswith(name):
        raise RemindError(
            _("'{text}' is not a day (mon, tue, wed, thu, fri, sat, sun)").format(text=text.strip())
        )
    return DAY_NAMES.index(name)


def parse_days(text: str) -> tuple[int, ...]:
    """``mon-fri``, ``mon,wed,fri``, ``sat-sun,wed``, ``fri-mon`` (through the weekend),
    ``daily``, ``weekdays`` or ``weekends`` → weekday numbers."""
    days: set[int] = set()
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        if part in DAY_WORDS:
            days.update(DAY_WORDS[part])
        elif "-" in part:
            first, _dash, last = part.partition("-")
            a, b = _day(first), _day(last)
            days.update((a + k) % 7 for k in range((b - a) % 7 + 1))
        else:
            days.add(_day(part))
    if not days:
        raise RemindError(_("no day given: use days like mon-fri or daily"))
    return tuple(sorted(days))


def day_runs(days: tuple[int, ...], names: tuple[str, ...], through: str) -> str:
    """Weekday numbers as runs of days in a row, by ``names``: ``mon-fri`` (``through`` "-"),
    a lone day alone, the runs joined by commas."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ",".join(
        names[r[0]] if len(r) == 1 else f"{names[r[0]]}{through}{names[r[-1]]}" for r in runs
    )


def days_text(days: tuple[int, ...]) -> str:
    """Weekday numbers in the shortest words: ``daily``, ``mon-fri``, ``mon,wed,fri-sun``."""
    return "daily" if len(days) == 7 else day_runs(days, DAY_NAMES, "-")


def days_words(days: tuple[int, ...]) -> str:
    """Weekday numbers as a person reads them, in their language: "daily", "Mon-Fri" ("täglich",
    "Mo-Fr"); ``days_text`` is what files and ``--days`` take."""
    from supple.core.light_words import SUNDAY, WEEKDAYS

    if len(days) == 7:
        # Translators: the reminders' days when they are every day
        return _("daily")
    return day_runs(days, tuple(_(name) for name in (*WEEKDAYS, SUNDAY)), "-")


def parse_hours(text: str) -> tuple[int, int]:
    """``08:00-19:00`` → (480, 1140); the end is after the start (``24:00`` allowed)."""
    first, sep, last = text.partition("-")
    if not sep:
        raise RemindError(_("'{text}' is not hours like 08:00-19:00").format(text=text))
    start, end = parse_clock(first), parse_clock(last, end=True)
    if end <= start:
        raise RemindError(
            _("'{text}': the hours must end after they start, on the same day").format(text=text)
        )
    return start, end


def hours_text(hours: tuple[int, int]) -> str:
    return f"{clock_text(hours[0])}-{clock_text(hours[1])}"


def outside_hours(settings: RemindSettings) -> list[int]:
    """The chosen times that fall outside the chosen hours (at those, a nudge is silent)."""
    return [m for m in settings.at if not settings.hours[0] <= m < settings.hours[1]]


def check_settings(settings: RemindSettings) -> str | None:
    """What makes these settings never remind (every time outside the hours), or None."""
    outside = outside_hours(settings)
    if outside and len(outside) == len(settings.at):
        times = ", ".join(clock_text(m) for m in outside)
        return _("{times} is outside the hours {hours}: it would never remind").format(
            times=times, hours=hours_text(settings.hours)
        )
    return None


def outside_warning(settings: RemindSettings) -> str | None:
    """A word for times outside the hours when others are inside (they stay silent)."""
    outside = outside_hours(settings)
    if not outside or check_settings(settings) is not None:
        return None
    times = ", ".join(clock_text(m) for m in outside)
    return n_(
        "{times} is outside the hours {hours}: a nudge then stays silent (the other times remind)",
        "{times} are outside the hours {hours}: a nudge then stays silent (the other times remind)",
        len(outside),
    ).format(times=times, hours=hours_text(settings.hours))


@value_class(frozen=True, slots=True)
class Due:
    """What is due, as the notification says it."""

    routine: str  # routine id, for `supple play`
    title: str
    level: str
    seconds: float | None  # as the person will play it; None if the routine is missing
    number: int | None = None  # the program's workout number, when the program runs
    total: int | None = None
    tests: tuple[str, ...] = ()  # test points due (start, middle, end)

    def message(self) -> str:
        """``Workout 11 of 18 — Lower back mobility, intermediate, 10 min``."""
        from supple.core.words import level_word, workout_words

        parts = [self.title, level_word(self.level)]
        if self.seconds is not None:
            parts.append(minutes_text(self.seconds))
        what = ", ".join(parts)
        if self.number is not None and self.total is not None:
            what = workout_words(self.number, self.total, what)
        if self.tests:
            # Translators: {tests} are the tests' names, "start and middle"
            tests = _(" and ").join(self.tests)
            what = _("{what}; the {tests} tests are due").format(what=what, tests=tests)
        return what


def minutes_text(seconds: float) -> str:
    """Minutes as a reminder says them: whole ones (half up, at least one), as the status line
    and the calendar say the same workout."""
    from supple.core.words import whole_minutes, whole_minutes_words

    return whole_minutes_words(whole_minutes(seconds))


@value_class(frozen=True, slots=True)
class Today:
    """What the history and the program say about today."""

    counts: bool = False  # a session that counts (issue 8's rule) was done today
    workout_today: bool = False  # the program's workout was counted today
    suggested: date | None = None  # the program's next workout day (None: no program running)


@value_class(frozen=True, slots=True)
class Decision:
    """Nudge or not: ``notify`` with the title and message, or the reason for silence."""

    notify: bool
    reason: str
    title: str = ""
    message: str = ""
    routine: str | None = None
    level: str | None = None


TITLE = lazy("supple: time to move")  # a notification's title: ``_(TITLE)`` where it is shown
MORNING_TITLE = lazy("supple: how is your back?")
SAFETY_TITLE = lazy("supple: safety first")
MORNING_UNTIL = 12 * 60  # a notification for the next-morning question alone: mornings only


def morning_line() -> str:
    """The next-morning prompt as a notification's line: a sentence of its own."""
    from supple.core.morning import PROMPT

    prompt = _(PROMPT)
    return f"{prompt[:1].upper()}{prompt[1:]}"


def decide(
    now: datetime,
    settings: RemindSettings,
    today: Today,
    due: Due | None,
    *,
    desktop: bool,
    morning: bool = False,
    clinician: str = "",
) -> Decision:
    """Whether a reminder firing at ``now`` shows a notification. Silent when reminders are
    off, outside the chosen days or hours, when today already counts, on a rest day, with
    nothing due, or with no desktop to show it on. ``morning``: the next-morning question is
    open; a notification sent anyway adds its prompt, and a reminder before noon that would be
    silent only for a rest day or nothing due asks it alone. ``clinician``: a warning sign
    stands (``core.screening.see_first``): those words instead of the workout, and no Start."""
    if not settings.on:
        return Decision(False, _("reminders are off"))
    from supple.core.words import day_words, weekday_words

    day = now.date()
    if now.weekday() not in settings.days:
        # Translators: why a reminder is silent, "Sat is not a reminder day"
        return Decision(False, _("{day} is not a reminder day").format(day=weekday_words(day)))
    minute = now.hour * 60 + now.minute
    if not settings.hours[0] <= minute < settings.hours[1]:
        said = _("{time} is outside the hours {hours}")
        return Decision(
            False, said.format(time=clock_text(minute), hours=hours_text(settings.hours))
        )
    if today.workout_today:
        return Decision(False, _("today's program workout is done"))
    if today.counts:
        return Decision(False, _("a session already counts today"))
    quiet = None
    if today.suggested is not None and today.suggested > day:
        quiet = _("a rest day: the next workout is suggested for {day}").format(
            day=day_words(today.suggested, padded=True, year=False)
        )
    elif due is None:
        quiet = _("nothing is due")
    if quiet is not None and not (morning and minute < MORNING_UNTIL):
        return Decision(False, quiet)
    if not desktop:
        return Decision(False, _("no desktop to show a notification on (ssh or a server)"))
    if quiet is not None or due is None:
        return Decision(True, "the next-morning question", _(MORNING_TITLE), morning_line())
    after = f"\n{morning_line()}" if morning else ""
    if clinician:  # a clinician first, never a workout (docs/safety.md)
        return Decision(True, "a warning sign stands", _(SAFETY_TITLE), _(clinician) + after)
    return Decision(True, "due", _(TITLE), due.message() + after, due.routine, due.level)


def first_day(now: datetime, today: Today) -> date:
    """The first day a reminder can say something: tomorrow if today counts, the program's
    suggested day if later."""
    day = now.date()
    if today.counts or today.workout_today:
        day += timedelta(days=1)
    if today.suggested is not None and today.suggested > day:
        day = today.suggested
    return day


def next_reminder(
    now: datetime, settings: RemindSettings, today: Today | None = None
) -> datetime | None:
    """The next time strictly after ``now`` a reminder fires and may speak: on a chosen day,
    at a chosen time within the hours, not before ``first_day`` (when ``today`` is given).
    None when reminders are off or no time is within the hours. In ``now``'s time zone."""
    times = [m for m in settings.at if settings.hours[0] <= m < settings.hours[1]]
    if not settings.on or not times or not settings.days:
        return None
    start = first_day(now, today) if today is not None else now.date()
    day = max(start, now.date())
    for _week_day in range(8):  # a chosen day comes within a week
        if day.weekday() in settings.days:
            for minute in times:
                at = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=now.tzinfo)
                if at > now:
                    return at
        day += timedelta(days=1)
    return None


def when_text(at: datetime, now: datetime) -> str:
    """``today 13:00``, ``tomorrow 07:30``, ``Mon 07:30`` (within a week), ``Mon 12 Jan 07:30``."""
    days = (at.date() - now.date()).days
    from supple.core.words import day_words, weekday_words

    clock = f"{at:%H:%M}"
    if days == 0:
        return _("today {clock}").format(clock=clock)
    if days == 1:
        return _("tomorrow {clock}").format(clock=clock)
    if days < 7:
        return f"{weekday_words(at)} {clock}"
    return f"{day_words(at, padded=True, year=False)} {clock}"
