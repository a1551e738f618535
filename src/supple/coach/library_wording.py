"""The sentences of the exercise library and the session builder: a built session's title and
summary, why none was built, an exercise marked "not for me" or for you again. Beside
`coach/wording.py` (the coach's other sentences), for the same reasons, in a module of their own
so that each stays one concern."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from supple.core.words import area_word as area_word  # one table each, core.words
from supple.core.words import equipment_word as equipment_word
from supple.i18n import _, lazy

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from supple.core.builder import Refusal

NOT_FOR_ME = lazy("not for me")  # beside an exercise marked so: its row, its detail, the summary


def built_title(minutes: int, focus: Iterable[str]) -> str:
    """A session made for today: "10 minutes: hips, upper back" (every area when none named)."""
    # Translators: the areas of the body a made session works, when none was named
    areas = ", ".join(area_word(a) for a in sorted(focus)) or _("every area")
    # Translators: a made session's title, "10 minutes: hips, upper back"
    return _("{minutes} minutes: {areas}").format(minutes=minutes, areas=areas)


def built_summary(day: date, level: str) -> str:
    from supple.core.words import day_words, level_word

    return _("Made for {day} by supple build, at the {level} level.").format(
        day=day_words(day), level=level_word(level)
    )


def refusal(facts: Refusal) -> str:
    """Why no session was made, and what to change."""
    from supple.core.builder import MAX_MINUTES, MIN_MINUTES, TOLERANCE, Refused
    from supple.core.words import duration

    request = facts.request
    match facts.reason:
        case Refused.MINUTES:
            return _("a session lasts {low} to {high} minutes, not {minutes}").format(
                low=MIN_MINUTES, high=MAX_MINUTES, minutes=request.minutes
            )
        case Refused.EMPTY:
            return _(
                "no exercise works those areas with the equipment you have "
                "(add an area or equipment, or unmark an exercise as not for you)"
            )
        case Refused.NO_WARMUP:
            return _(
                "only holds fit, and no warm-up is at hand to come before them "
                "(add an area or equipment)"
            )
        case Refused.TOO_FEW:
            low = request.seconds * (1 - TOLERANCE)
            return _(
                "the {count} exercises that fit make at most {longest} at this level, short of "
                "{low}: ask for fewer minutes, or add an area or equipment"
            ).format(count=facts.pool, longest=duration(facts.longest), low=duration(low))
        case Refused.UNEVEN:
            return _(
                "the exercises that fit come to {longest}, or else past {high}, never within "
                "10 % of {minutes} minutes: ask for a few minutes more or less"
            ).format(
                longest=duration(facts.longest),
                high=duration(request.high),
                minutes=request.minutes,
            )
        case Refused.TOO_LONG:
            return _("even the shortest session that fits is longer than {minutes} minutes").format(
                minutes=request.minutes
            )
        case _:
            assert_never(facts.reason)


def marked(name: str, not_for_me: bool) -> str:
    """An exercise just marked "not for me" (or for you again), as said back to the person."""
    if not_for_me:
        return _("{name}: not for me — a session made for today leaves it out").format(name=name)
    return _("{name}: for you again — a session made for today may choose it").format(name=name)


def unknown_exercise(exercise_id: str, close: str | None) -> str:
    """An exercise id the library does not have, with the nearest one it has."""
    if close:
        return _("no exercise '{id}'. Did you mean '{close}'? See `supple exercises`.").format(
            id=exercise_id, close=close
        )
    return _("no exercise '{id}'. See `supple exercises`.").format(id=exercise_id)


def not_in_library(name: str) -> str:
    """An exercise of a routine's own, which "not for me" cannot mark (it keys library ids)."""
    return _("{name} is not a library exercise: only those can be marked not for me").format(
        name=name
    )
