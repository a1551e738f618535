"""A routine at a level, laid out in time: get-ready, reps, holds, side switches and rests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from supple.core.breath import Phase
from supple.core.routine import LEVELS, Level, Routine

SegmentKind = Literal["get_ready", "rep", "hold", "switch_side", "rest"]
Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of the session with a single instruction on screen."""

    kind: SegmentKind
    exercise_index: int  # a rest between exercises belongs to the exercise before it
    exercise_id: str
    seconds: float
    set: int | None = None
    sets: int | None = None
    rep: int | None = None
    reps: int | None = None
    side: Side | None = None
    breath: tuple[Phase, ...] = ()
    breath_cycle: bool = False
    breath_follows_body: bool = False  # the pacer's bar shows the lift, not the lungs

    @property
    def active(self) -> bool:
        """True for the work itself (reps and holds), False for pauses around it."""
        return self.kind in ("rep", "hold")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "exercise": self.exercise_id,
            "seconds": self.seconds,
        }
        for key in ("set", "rep", "side"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.breath:
            out["breath"] = [{"phase": p.phase, "seconds": p.seconds} for p in self.breath]
        return out


def expand(routine: Routine, level: Level) -> tuple[Segment, ...]:
    """Every segment of ``routine`` at ``level``, in order."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r} (one of: {', '.join(LEVELS)})")
    segments: list[Segment] = []
    last = len(routine.exercises) - 1
    for index, exercise in enumerate(routine.exercises):
        dose = exercise.dose(level)
        timing = exercise.timing
        base = Segment("get_ready", index, exercise.id, timing.get_ready)
        if timing.get_ready:
            segments.append(base)
        sides: Sequence[Side | None] = SIDES if exercise.per_side else (None,)
        for set_number in range(1, dose.sets + 1):
            in_set = replace(base, set=set_number, sets=dose.sets)
            for side_index, side in enumerate(sides):
                if side_index and timing.switch_side:
                    segments.append(
                        replace(in_set, kind="switch_side", seconds=timing.switch_side, side=side)
                    )
                work = replace(
                    in_set,
                    side=side,
                    breath=exercise.breath.phases,
                    breath_follows_body=exercise.breath.follows_body,
                )
                if exercise.kind == "reps":
                    assert dose.reps is not None
                    segments.extend(
                        replace(
                            work,
                            kind="rep",
                            seconds=exercise.breath.seconds,
                            rep=rep,
                            reps=dose.reps,
                        )
                        for rep in range(1, dose.reps + 1)
                    )
                else:
                    assert dose.seconds is not None
                    segments.append(
                        replace(work, kind="hold", seconds=dose.seconds, breath_cycle=True)
                    )
            if set_number < dose.sets and timing.rest_between_sets:
                segments.append(replace(in_set, kind="rest", seconds=timing.rest_between_sets))
        if index < last and timing.rest_between_exercises:
            segments.append(replace(base, kind="rest", seconds=timing.rest_between_exercises))
    return tuple(segments)


def total_seconds(segments: Sequence[Segment]) -> float:
    return sum(s.seconds for s in segments)


def minutes_per_level(routine: Routine) -> dict[str, float]:
    """Planned minutes of the whole session at each level, rounded to a tenth."""
    return {level: round(total_seconds(expand(routine, level)) / 60, 1) for level in LEVELS}
