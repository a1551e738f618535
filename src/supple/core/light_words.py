"""The few words a one-line status needs, declared once and light (nothing but the translation
layer), so that `supple status` says them without ``core.words`` (which re-exports them):
the weekdays and months as dates show them, the levels, a program's workout, whole minutes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.i18n import _, lazy

if TYPE_CHECKING:
    from datetime import date

# Translators: the weekdays, abbreviated as a date shows them ("Sun 6 Dec 2026")
WEEKDAYS = (lazy("Mon"), lazy("Tue"), lazy("Wed"), lazy("Thu"), lazy("Fri"), lazy("Sat"))
SUNDAY = lazy("Sun")
# Translators: the months, abbreviated as a date shows them ("Sun 6 Dec 2026"); without a closing
# point ("Dez", not "Dez."): a sentence may end with a date, and its full stop must not double
MONTHS = (
    lazy("Jan"),
    lazy("Feb"),
    lazy("Mar"),
    lazy("Apr"),
    lazy("May"),
    lazy("Jun"),
    lazy("Jul"),
    lazy("Aug"),
    lazy("Sep"),
    lazy("Oct"),
    lazy("Nov"),
    lazy("Dec"),
)


def weekday_words(day: date) -> str:
    """A day's abbreviated name in the person's language: "Sun"."""
    return _((*WEEKDAYS, SUNDAY)[day.weekday()])


def day_month(day: date) -> str:
    """A day of the month and its month, as a status line says a date: "14 Dec", "14. Dez"."""
    # Translators: a date without weekday nor year, "14 Dec"; reorder it as your language does
    return _("{day} {month}").format(day=day.day, month=_(MONTHS[day.month - 1]))


def workout_words(number: int, total: int | None, what: str) -> str:
    """A program's workout as a reminder and the status line name it: "Workout 11 of 18 —
    Lower back mobility, intermediate, 10 min" (``what``: its title, level and length)."""
    if total is None:
        # Translators: a program's workout, "Workout 11 — Lower back mobility, beginner, 10 min"
        return _("Workout {number} — {what}").format(number=number, what=what)
    return _("Workout {number} of {total} — {what}").format(number=number, total=total, what=what)


def whole_minutes_words(count: int) -> str:
    """A length in whole minutes: "2 min"."""
    # Translators: a length in whole minutes, "2 min" (the unit's symbol)
    return _("{minutes} min").format(minutes=count)


# Translators: a level's name as shown (the ids in files stay English)
LEVEL_WORDS = {
    "beginner": lazy("beginner"),
    "intermediate": lazy("intermediate"),
    "advanced": lazy("advanced"),
}


def level_word(level: str) -> str:
    """A level as a person reads it ("beginner", "Einsteiger"); its id stays English in files,
    ``--json`` and arguments. Anything else is returned as it is."""
    found = LEVEL_WORDS.get(level)
    return level if found is None else _(found)


def yes_words() -> tuple[str, ...]:
    """What answers yes to a [y/N] question: y or yes, and the language's own (j/ja, s/sí)."""
    # Translators: the answers that mean yes to a [y/N] question, comma-separated (y and yes
    # always count too)
    own = _("y,yes").split(",")
    return ("y", "yes", *(word.strip().lower() for word in own if word.strip()))


def no_words() -> tuple[str, ...]:
    """What answers no to a [y/n] question: n or no, and the language's own (n/nein, n/no)."""
    # Translators: the answers that mean no to a [y/n] question, comma-separated (n and no
    # always count too)
    own = _("n,no").split(",")
    return ("n", "no", *(word.strip().lower() for word in own if word.strip()))
