"""The sentences of the exercise library and the session builder: a built session's title and
summary, why none was built, an exercise marked "not for me" or for you again. Beside
`coach/wording.py` (the coach's other sentences), for the same reasons, in a module of their own
so that each stays one concern."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from supple.i18n import lazy

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from supple.core.builder import Refusal

NOT_FOR_ME = lazy("not for me")  # beside an exercise marked so: its row, its detail, the summary


def built_title(minutes: int, focus: Iterable[str]) -> str:
    """A session made for today: "10 minutes: hips, upper back" (every area when none named)."""
    areas = ", ".join(a.replace("-", " ") for a in sorted(focus)) or "every area"
    return f"{minutes} minutes: {areas}"


def built_summary(day: date, level: str) -> str:
    return f"Made for {day.isoformat()} by supple build, at the {level} level."


def refusal(facts: Refusal) -> str:
    """Why no session was made, and what to change."""
    from supple.core.builder import MAX_MINUTES, MIN_MINUTES, TOLERANCE, Refused
    from supple.core.words import duration

    request = facts.request
    match facts.reason:
        case Refused.MINUTES:
            return f"a session lasts {MIN_MINUTES} to {MAX_MINUTES} minutes, not {request.minutes}"
        case Refused.EMPTY:
            return (
                "no exercise works those areas with the equipment you have "
                "(add an area or equipment, or unmark an exercise as not for you)"
            )
        case Refused.NO_WARMUP:
            return (
                "only holds fit, and no warm-up is at hand to come before them "
                "(add an area or equipment)"
            )
        case Refused.TOO_FEW:
            low = request.seconds * (1 - TOLERANCE)
            return (
                f"the {facts.pool} exercises that fit make at most {duration(facts.longest)} "
                f"at this level, short of {duration(low)}: ask for fewer minutes, "
                "or add an area or equipment"
            )
        case Refused.UNEVEN:
            return (
                f"the exercises that fit come to {duration(facts.longest)}, or else past "
                f"{duration(request.high)}, never within 10 % of {request.minutes} minutes: "
                "ask for a few minutes more or less"
            )
        case Refused.TOO_LONG:
            return f"even the shortest session that fits is longer than {request.minutes} minutes"
        case _:
            assert_never(facts.reason)


def marked(name: str, not_for_me: bool) -> str:
    """An exercise just marked "not for me" (or for you again), as said back to the person."""
    if not_for_me:
        return f"{name}: {NOT_FOR_ME} — a session made for today leaves it out"
    return f"{name}: for you again — a session made for today may choose it"


def unknown_exercise(exercise_id: str, close: str | None) -> str:
    """An exercise id the library does not have, with the nearest one it has."""
    hint = f" Did you mean '{close}'?" if close else ""
    return f"no exercise '{exercise_id}'.{hint} See `supple exercises`."


def not_in_library(name: str) -> str:
    """An exercise of a routine's own, which "not for me" cannot mark (it keys library ids)."""
    return f"{name} is not a library exercise: only those can be marked {NOT_FOR_ME}"
