"""What the coach hands the screens and the CLI: read-only views of the history and the program
(imported only when something is read, to keep light commands light; the notices to say once are
``coach.notices``)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from supple.core.value import value_class

if TYPE_CHECKING:
    from supple.core.history import Loaded
    from supple.core.program import Program, Progress
    from supple.core.record import SessionRecord
    from supple.core.stats import Stats


class HistoryView:
    """Every record as of one read, and what they add up to (worked out on first use: `supple
    history` lists records and never needs the streaks)."""

    def __init__(self, loaded: Loaded, today: date) -> None:
        self.loaded = loaded
        self.today = today

    @property
    def records(self) -> tuple[SessionRecord, ...]:
        return self.loaded.records

    @cached_property
    def stats(self) -> Stats:
        from supple.core.stats import compute

        return compute(self.loaded.records, self.today)


@value_class(frozen=True, slots=True)
class ProgramView:
    """Where the program stands, with each workout's length as the person will play it."""

    progress: Progress
    seconds: dict[int, float]  # workout number -> seconds, with the settings applied

    @property
    def program(self) -> Program:
        return self.progress.program

    def too_long(self) -> list[int]:
        """Workouts the person's settings push past the program's 30 minutes."""
        from supple.core.program import MAX_WORKOUT_SECONDS

        return [n for n, s in self.seconds.items() if s > MAX_WORKOUT_SECONDS]


class Judged(StrEnum):
    """How a finished session stands toward the streak and the program."""

    ENDED_EARLY = "ended-early"  # stopped before the end: counts for nothing
    TOO_LITTLE = "too-little"  # completed, but too few of the reps and holds done
    PRACTICE = "practice"  # one exercise played alone: kept in the history, never counted
    STREAK = "streak"  # counts toward the streak only
    WORKOUT = "workout"  # counted as a program workout
    BEFORE_START = "before-start"  # the next workout's routine, done before the program began
    ONE_A_DAY = "one-a-day"  # the next workout's routine, but one was already counted today


@value_class(frozen=True, slots=True)
class Verdict:
    judged: Judged
    number: int = 0  # the workout's number (WORKOUT, BEFORE_START, ONE_A_DAY)
    total: int = 0  # the program's number of workouts (WORKOUT)


@value_class(frozen=True, slots=True)
class ResumeOffer:
    """What resuming ``record`` would do: continue it from ``exercise`` (its name), or, when
    the routine changed since (``fresh``), start it afresh; ``title`` names the routine."""

    record: SessionRecord
    title: str
    exercise: str
    fresh: bool


@value_class(frozen=True, slots=True)
class Stepped:
    """An exercise the person made easier (step < 0) or harder at a level: what it asks now and
    what it asked as written (``coach.wording.stepped`` words it)."""

    step: int
    now: str
    was: str
