"""How numbers read in words, shared by the CLI and the app, so the same session reads the same
in both: a countdown, a duration, minutes (what a segment asks of you: ``timeline``)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Literal, Protocol, assert_never

from supple.core.light_words import (
    MONTHS,
    day_month,
    level_word,
    weekday_words,
    whole_minutes_words,
    workout_words,
)
from supple.core.outcome import COUNTS_SHARE, Outcome
from supple.core.value import value_class
from supple.i18n import _, decimal_sign, lazy, n_

if TYPE_CHECKING:
    from datetime import date

# from light_words, said here too
__all__ = ["day_month", "level_word", "weekday_words", "whole_minutes_words", "workout_words"]


def _m_ss(whole: int) -> str:
    return f"{whole // 60}:{whole % 60:02d}"


def _nearest(seconds: float) -> int:
    # Half up (59.5 -> 60), not round()'s half to even, which would read 58.5 as 58.
    return max(0, math.floor(seconds + 0.5))


def countdown(seconds: float) -> str:
    """Time left on a timer, as M:SS, rounded up: it reads 0:00 only when it is over."""
    return _m_ss(max(0, math.ceil(seconds - 1e-9)))


def duration(seconds: float) -> str:
    """How long something took (a history row, a total), as M:SS, to the nearest second."""
    return _m_ss(_nearest(seconds))


def minutes(seconds: float) -> str:
    """A length in words, to the nearest second: "45 s", "2 min", "1 min 35 s"."""
    whole = _nearest(seconds)
    if whole < 60:
        # Translators: a length in seconds, "45 s" (the unit's symbol)
        return _("{seconds} s").format(seconds=whole)
    if whole % 60:
        # Translators: a length, "1 min 05 s" (the units' symbols)
        return _("{minutes} min {seconds:02d} s").format(minutes=whole // 60, seconds=whole % 60)
    return whole_minutes_words(whole // 60)


def decimal(value: float, spec: str = "g") -> str:
    """A number as the person's language writes it: ``format(value, spec)`` (``g``: no trailing
    zeros, "1.5", "12"), its decimal point the language's sign ("1,5" in German and Spanish).
    For what a person reads only: ``--json``, CSV and records keep the point."""
    text = format(value, spec)
    sign = decimal_sign()
    return text if sign == "." else text.replace(".", sign)


def day_words(day: date, *, padded: bool = False, year: bool = True) -> str:
    """A day as people write it: "Sun 6 Dec 2026" (no leading zero, whatever the locale's
    digits), the names in the person's language (never the C locale's nor the system's);
    ``padded`` "Sun 06 Dec 2026" (strftime's ``%a %d %b %Y``), ``year=False`` "Sun 06 Dec"."""
    weekday = weekday_words(day)
    number = f"{day.day:02d}" if padded else str(day.day)
    month = _(MONTHS[day.month - 1])
    if not year:
        # Translators: a date without its year, "Sun 6 Dec"; reorder the parts as your language does
        return _("{weekday} {day} {month}").format(weekday=weekday, day=number, month=month)
    # Translators: a date, "Sun 6 Dec 2026"; reorder the parts as your language writes them
    return _("{weekday} {day} {month} {year}").format(
        weekday=weekday, day=number, month=month, year=day.year
    )


# The three points of a program at which the tests are taken, as shown (the ids stay English).
_POINT_WORDS = {
    # Translators: the tests taken at the start of a program
    "start": lazy("start"),
    # Translators: the tests taken in the middle of a program
    "middle": lazy("middle"),
    # Translators: the tests taken at the end of a program
    "end": lazy("end"),
}


def point_word(point: str) -> str:
    """A test point as shown ("start" -> "Anfang"); the ids stay English in files."""
    return _shown(_POINT_WORDS, point, point)


def point_heading(point: str) -> str:
    """A test point as a column's heading: "Start", "Anfang", "Inicio"."""
    word = point_word(point)
    return word[:1].upper() + word[1:]


# The library's body areas and equipment as shown (``core.library``'s ids stay English in files,
# ``--focus``, ``--equipment`` and ``--json``).
_AREA_WORDS = {
    # Translators: a body area of the exercise library
    "neck": lazy("neck"),
    "shoulders": lazy("shoulders"),
    "upper-back": lazy("upper back"),
    "lower-back": lazy("lower back"),
    "hips": lazy("hips"),
    "hamstrings": lazy("hamstrings"),
    "wrists": lazy("wrists"),
    "ankles": lazy("ankles"),
}
_EQUIPMENT_WORDS = {
    # Translators: what an exercise needs ("Needs: wall, chair")
    "wall": lazy("wall"),
    "chair": lazy("chair"),
    "band": lazy("band"),
    "stick": lazy("stick"),
}


def area_word(area: str) -> str:
    """A body area as shown ("upper-back" -> "upper back", "oberer Rücken")."""
    return _shown(_AREA_WORDS, area, area.replace("-", " "))


def equipment_word(item: str) -> str:
    """A piece of equipment as shown ("band" -> "Band", "banda")."""
    return _shown(_EQUIPMENT_WORDS, item, item)


def _shown(table: dict[str, str], key: str, otherwise: str) -> str:
    """``key``'s word in ``table``, translated; ``otherwise`` for a key not in it."""
    found = table.get(key)
    return otherwise if found is None else _(found)


def done_of_planned(done: int, due: int, *, so_far: bool = False) -> str:
    """Workouts against the plan: "2 done of 3 planned", "6 done of 3 planned" (ahead), or
    ``so_far`` "2 done of 3 due so far"."""
    if so_far:
        return _("{done} done of {due} due so far").format(done=done, due=due)
    return _("{done} done of {due} planned").format(done=done, due=due)


def plural(count: int, noun: str) -> str:
    """ "1 day", "3 days", "0 sessions": a count of one of ``NOUNS`` (their forms translated
    together, as each language counts); another noun gets an English "s"."""
    forms = NOUNS.get(noun)
    if forms is None:
        return f"{count} {noun}{'' if count == 1 else 's'}"
    return forms(count).format(count=count)


# The nouns counted in words, each with its forms declared once (a language with more than two
# plural forms gets them from its catalogue's Plural-Forms).
NOUNS: dict[str, Callable[[int], str]] = {
    "day": lambda n: n_("{count} day", "{count} days", n),
    "session": lambda n: n_("{count} session", "{count} sessions", n),
    "older session": lambda n: n_("{count} older session", "{count} older sessions", n),
    "rating": lambda n: n_("{count} rating", "{count} ratings", n),
    "answer": lambda n: n_("{count} answer", "{count} answers", n),
    "check-in": lambda n: n_("{count} check-in", "{count} check-ins", n),
    "workout": lambda n: n_("{count} workout", "{count} workouts", n),
    "test day": lambda n: n_("{count} test day", "{count} test days", n),
    "routine": lambda n: n_("{count} routine", "{count} routines", n),
    "exercise": lambda n: n_("{count} exercise", "{count} exercises", n),
    "rep": lambda n: n_("{count} rep", "{count} reps", n),
    "set": lambda n: n_("{count} set", "{count} sets", n),
    "minute": lambda n: n_("{count} minute", "{count} minutes", n),
    "second": lambda n: n_("{count} second", "{count} seconds", n),
}


def side_words(side: str) -> str:
    """A side as said: "left side", "right side" (the record's values stay English)."""
    match side:
        case "left":
            return _("left side")
        case "right":
            return _("right side")
    return _("{side} side").format(side=side)


@value_class(frozen=True, slots=True)
class Said:
    """How an outcome (``core.outcome``) reads, everywhere it is worded."""

    mark: str  # one symbol: the history's narrow column
    label: str  # a few words: the history, `supple history`, home's last session
    headline: str  # the summary's and a session's page title
    stage: str  # the player's big word on its last frame
    spoken: str  # what the voice says at the end


def said(outcome: Outcome) -> Said:
    """The words for an outcome: praise only for a session that counts."""
    match outcome:
        case Outcome.COUNTS:
            return Said(
                "✓",
                # Translators: a session's outcome in the history: it counts as a workout
                _("counts"),
                _("Session complete"),
                # Translators: the player's big word on a session's last frame (short, capitals)
                _("DONE"),
                _("Session complete. Well done."),
            )
        case Outcome.PRACTICE:
            return Said(
                "·",
                # Translators: a session's outcome in the history: one exercise played alone,
                # kept but not counted toward streaks, the week or the program
                _("practice"),
                _("Practice complete"),
                # Translators: the player's big word on a session's last frame (short, capitals)
                _("DONE"),
                _("Practice complete. Well done."),
            )
        case Outcome.TOO_LITTLE:
            return Said(
                "○",
                _("too little done"),
                _("Reached the end with less than {share} of the work done").format(
                    share=f"{COUNTS_SHARE:.0%}"
                ),
                # Translators: the player's big word on a session's last frame (short, capitals)
                _("THE END"),
                _("The end. Too little was done for this session to count."),
            )
        case Outcome.ENDED_EARLY:
            return Said(
                "◐",
                _("ended early"),
                _("Session ended early"),
                # Translators: the player's big word on a session's last frame (short, capitals)
                _("ENDED"),
                _("Session ended."),
            )
        case Outcome.INTERRUPTED:
            return Said(
                "⚡",
                _("interrupted"),
                _("Session interrupted"),
                _("ENDED"),
                _("Session interrupted."),
            )
        case Outcome.RUNNING:
            return Said(
                "▶",
                _("running"),
                _("Session running"),
                # Translators: the player's big word while a session runs (short, capitals)
                _("RUNNING"),
                "",
            )
        case _:
            assert_never(outcome)


def counted(count: int) -> str:
    """ "1 session that counts", "3 sessions that count": a total that says what it counts."""
    return n_("{count} session that counts", "{count} sessions that count", count).format(
        count=count
    )


def change_words(change: float, unit: str) -> str:
    """How a mobility test moved from the first result to the latest, better being positive:
    the same words in the app and the CLI."""
    if change > 0:
        return "▲ " + _("{change} {unit} better").format(change=decimal(change), unit=unit)
    if change < 0:
        return "▼ " + _("{change} {unit} worse").format(change=decimal(-change), unit=unit)
    return "= " + _("the same")


Judgement = Literal["better", "worse", "within error", "not yet"]


def judgement_words(verdict: Judgement, better: str) -> str:
    """A judgement in the report's words, with which end of the test is better: "better
    (higher is better)" (``better``: the test's "higher" or "lower", kept English in files)."""
    match verdict:
        case "better":
            said = _("better")
        case "worse":
            said = _("worse")
        case "within error":
            said = _("within error")
        case "not yet":
            said = _("not yet")
        case _ as unreachable:
            assert_never(unreachable)
    if better == "higher":
        return _("{verdict} (higher is better)").format(verdict=said)
    if better == "lower":
        return _("{verdict} (lower is better)").format(verdict=said)
    return f"{said} ({better})"


def judge(change: float | None, error: float) -> Judgement:
    """The one judge of a test's change (improvement since the start, in its unit): better or
    worse only beyond the test's measurement error. The program's table and its ★, the progress
    screen, the report and the advice's celebration all ask it."""
    if change is None:
        return "not yet"
    if change > error:
        return "better"
    if change < -error:
        return "worse"
    return "within error"


def measured(value: float, unit: str) -> str:
    """A test's result with its unit: "12 cm", "90 s"."""
    return f"{decimal(value)} {unit.strip()}".rstrip()


def judged_words(change: float, error: float, unit: str, *, compact: bool = False) -> str:
    """A test's change as judged: "▲ 12 s better", or within the error "10 s, within the ±32 s
    measurement error" (compact: "▲ 12 s", "≈ 10 s"), the same words everywhere."""
    unit = unit.strip()
    match judge(change, error):
        case "better" | "worse":
            if compact:
                return f"{'▲' if change > 0 else '▼'} {decimal(abs(change))} {unit}"
            return change_words(change, unit)
        case "within error" | "not yet":
            size = f"{decimal(abs(change))} {unit}".rstrip() if change else _("no change")
            if compact:
                return f"≈ {size}" if change else "="
            return (
                _("{size}, within the ±{error} {unit} measurement error")
                .format(size=size, error=decimal(error), unit=unit)
                .replace("  ", " ")
            )
        case _ as unreachable:
            assert_never(unreachable)


# What must never reach a terminal raw: C0 controls and DEL (ESC starts a sequence that can
# retitle the pane or clear the screen; NUL, backspace and CR hide or overwrite what came before),
# C1 controls (U+0080-U+009F: CSI and OSC on some terminals), the line and paragraph separators,
# and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder
# the text around them so a line reads other than it is.
_UNPRINTABLE = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_ONE_LINE = f"[\x00-\x1f{_UNPRINTABLE}]"
_LINES = f"[\x00-\x09\x0b-\x1f{_UNPRINTABLE}]"  # the same, newlines kept
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _SHORT.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` safe to print on a terminal: each control character shown as its escape
    (``\\x1b``, ``\\u202e``), everything else as it is (spaces, brackets, backslashes).

    ``lines`` keeps newlines, for texts made of lines (a routine's steps joined one per line, a
    message of several lines); a one-line value (an id, a title, a name, a note, a path) shows
    even a newline as ``\\n``, so it stays one line and cannot fake a line of its own.
    """
    if text.isprintable():  # quick, and most texts: no character escaped below is printable
        return text
    pattern = _pattern(lines)
    return pattern.sub(_escaped, text) if pattern.search(text) else text


@cache
def _pattern(lines: bool) -> re.Pattern[str]:
    """Compiled when a text first needs it (most commands print none): ~0.2 ms each."""
    return re.compile(_LINES if lines else _ONE_LINE)


def whole_minutes(seconds: float) -> int:
    """A workout's length as a line says it (the status line, the calendar, a reminder): whole
    minutes, half up, at least one."""
    return max(1, int(seconds / 60 + 0.5))


class Totals(Protocol):
    """What the totals line reads of a session's record (``core.record.SessionRecord``)."""

    @property
    def work_seconds(self) -> float: ...
    @property
    def planned_work_seconds(self) -> float: ...
    @property
    def exercises_done(self) -> int: ...
    @property
    def exercises_total(self) -> int: ...
    @property
    def active_seconds(self) -> float: ...
    @property
    def paused_seconds(self) -> float: ...


def totals(record: Totals, sep: str = " · ") -> str:
    """A session's totals, the summary's line: the work against the work planned (what the
    table's rows add up to, and what the rule counts), then the whole time with get-ready and
    rests, the pauses and the exercises done."""
    return sep.join(
        (
            _("Work {work} of {planned} planned, {active} in all with get-ready and rests").format(
                work=minutes(record.work_seconds),
                planned=minutes(record.planned_work_seconds),
                active=minutes(record.active_seconds),
            ),
            _("paused {paused}").format(paused=minutes(record.paused_seconds)),
            _("{done}/{total} exercises done").format(
                done=record.exercises_done, total=record.exercises_total
            ),
        )
    )


# Where a routine comes from, as `supple list` and home show it (the values stay English in --json).
SOURCE_WORDS = {
    # Translators: a routine shipped with supple, shown as [bundled] in `supple list`
    "bundled": lazy("bundled"),
    # Translators: a routine of the person's own, shown as [user] in `supple list`
    "user": lazy("user"),
}


def source_word(source: str) -> str:
    found = SOURCE_WORDS.get(source)
    return source if found is None else _(found)


def dated(when: date, pattern: str) -> str:
    """``when`` by a strftime ``pattern``, its %a and %b (the weekday, the month) in the
    person's language ("Mon 03 Mar" in English, "Mo 03 Mär" in German): the names from this
    module's tables, never the C locale's nor the system's."""
    weekday = weekday_words(when).replace("%", "%%")
    month = _(MONTHS[when.month - 1]).replace("%", "%%")
    return when.strftime(pattern.replace("%a", weekday).replace("%b", month))
