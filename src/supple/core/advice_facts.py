"""The facts advice reads (``core.advice``): the sessions, tests, steps applied and screening,
as the coach turns them out of the files; pure values, nothing read here."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Literal, Protocol

from supple.core.value import field, value_class

Point = Literal["start", "middle", "end"]


class ScreeningLike(Protocol):
    """What advice reads of the safety screening (``core.screening.Screening`` satisfies it)."""

    @property
    def answered(self) -> bool: ...
    @property
    def any_flag(self) -> bool: ...
    @property
    def cleared(self) -> bool: ...
    @property
    def allows_harder(self) -> bool: ...
    @property
    def urgent(self) -> bool: ...
    def usual_for(self, checklist_id: str) -> int | None: ...


# -- the facts in -------------------------------------------------------------------------------


@value_class(frozen=True, slots=True)
class ExerciseFact:
    """One exercise of one session: the dose played and whether it was done."""

    exercise: str  # the routine step's exercise id
    name: str
    dose: str  # the dose as played, in words ("5 reps", "30 s × 2 sets")
    done: bool
    pain: int | None = None  # the highest "this hurts" mark on it, 0–10


@value_class(frozen=True, slots=True)
class SessionFact:
    day: date
    routine: str
    counted: bool
    exercises: tuple[ExerciseFact, ...]
    pain_before: int | None = None
    pain_after: int | None = None
    morning_pain: int | None = None
    by_hand: bool = False
    morning_on: date | None = None  # the day the morning was rated (None: the day after)

    @property
    def morning_day(self) -> date:
        """The morning's own date: the day it was rated, else the day after the session."""
        return self.morning_on or self.day + timedelta(days=1)

    @property
    def marked(self) -> int | None:
        marks = [e.pain for e in self.exercises if e.pain is not None]
        return max(marks) if marks else None

    @property
    def pain(self) -> int | None:
        """The session's pain during and after: the higher of its marks and its after rating."""
        known = [p for p in (self.marked, self.pain_after) if p is not None]
        return max(known) if known else None


@value_class(frozen=True, slots=True)
class TestFact:
    __test__ = False  # not a pytest class, whatever its name

    test: str
    name: str
    unit: str
    better: Literal["higher", "lower"]
    point: Point
    value: float
    taken: date
    error: float  # the test's measurement error, declared once in the program file

    def improved(self, start: float) -> float:
        return self.value - start if self.better == "higher" else start - self.value


@value_class(frozen=True, slots=True)
class AppliedFact:
    """A step applied from advice: the 7-day limit counts these, never the person's own."""

    routine: str
    exercise: str
    day: date


@value_class(frozen=True, slots=True)
class Doses:
    """An exercise's dose one step easier and one step harder at the level it is played
    (None: the end of its ladder), and the dose the person's steps give now: what a step
    moves from (None: not worked out; then the dose last played stands in)."""

    easier: str | None
    harder: str | None
    now: str | None = None


@value_class(frozen=True, slots=True)
class AdviceInput:
    today: date
    sessions: tuple[SessionFact, ...] = ()
    tests: tuple[TestFact, ...] = ()
    steps: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    applied: tuple[AppliedFact, ...] = ()
    screening: ScreeningLike | None = None
    doses: Mapping[tuple[str, str], Doses] = field(default_factory=dict)  # (routine, exercise)
    tests_due: tuple[Point, ...] = ()
    # Each routine's body region: the id of its checklist (``ProgramService.region``), whose
    # usual pain its mornings are compared with; a routine not named here is the back's.
    regions: Mapping[str, str] = field(default_factory=dict)
