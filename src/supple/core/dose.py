"""What an exercise asks: its kind (reps or a hold), the keys of a dose, and a dose. Read
through ``supple.core.routine``, which declares the rest of the routine file."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

from supple.core.breath import DEFAULT_HOLD_PATTERN, DEFAULT_REP_PATTERN
from supple.core.layout import SegmentKind
from supple.core.value import value_class
from supple.i18n import _


class DoseKey(StrEnum):
    """The keys of one level's dose: reps or seconds (as the kind says), and sets."""

    REPS = "reps"
    SECONDS = "seconds"
    SETS = "sets"


class Kind(StrEnum):
    """What an exercise asks: a number of reps, or a hold of seconds. What differs by kind is
    here (the other places a kind matters are `match` statements mypy checks are complete)."""

    REPS = "reps"
    HOLD = "hold"

    @property
    def amount(self) -> DoseKey:
        """The key of a dose's amount of this kind: reps, or a hold's seconds."""
        match self:
            case Kind.REPS:
                return DoseKey.REPS
            case Kind.HOLD:
                return DoseKey.SECONDS
            case _:
                assert_never(self)

    @property
    def segment(self) -> SegmentKind:
        """The segment of this kind's work in the layout (``core.layout``)."""
        match self:
            case Kind.REPS:
                return SegmentKind.REP
            case Kind.HOLD:
                return SegmentKind.HOLD
            case _:
                assert_never(self)

    @property
    def breath_cycles(self) -> bool:
        """A hold's breath pattern repeats as long as it lasts; a rep's is played once."""
        match self:
            case Kind.REPS:
                return False
            case Kind.HOLD:
                return True
            case _:
                assert_never(self)

    @property
    def default_breath(self) -> str:
        """The pattern an exercise of this kind breathes when it names none."""
        return DEFAULT_HOLD_PATTERN if self.breath_cycles else DEFAULT_REP_PATTERN

    def dose_words(self, dose: Dose) -> str:
        """'8 reps', '30 s hold'."""
        match self:
            case Kind.REPS:
                # Translators: a dose of reps, "8 reps" (short: beside an exercise's name)
                return _("{reps} reps").format(reps=dose.reps)
            case Kind.HOLD:
                # Translators: a dose held, "30 s hold" (short: beside an exercise's name)
                return _("{seconds} s hold").format(seconds=dose.seconds)
            case _:
                assert_never(self)


@value_class(frozen=True, slots=True)
class Dose:
    """How much of an exercise at one level: reps × sets, or a hold of seconds × sets."""

    sets: int
    reps: int | None = None
    seconds: int | None = None
