"""Which start days a program takes (issue 24): none before 2000, none more than a year ahead.

A start day far in the past made a program of thousands of weeks (its report listed 105,736
of them for 0001-01-01), and one far ahead a program that never begins; neither is a plan
anyone makes. The first bound is a fixed day, not one counted from today, so that a program
started on paper long ago can still be recorded; the report lists at most
``trends.MAX_ADHERENCE_WEEKS`` weeks of any program, whatever its start.
"""

from __future__ import annotations

from datetime import date

from supple.i18n import _

FIRST_START = date(2000, 1, 1)
AHEAD_DAYS = 366  # a start day at most this many days after today


def start_day_problem(day: date, today: date) -> str | None:
    """Why ``day`` cannot be a program's start day (None: it can)."""
    if day < FIRST_START:
        said = _("{day} is too long ago: a program starts on {first} or later")
        return said.format(day=day.isoformat(), first=FIRST_START.isoformat())
    if (day - today).days > AHEAD_DAYS:
        said = _("{day} is too far ahead: a program starts at most a year from today")
        return said.format(day=day.isoformat())
    return None
