"""What a screen shows of a session at one moment (``Snapshot``), and how one is built."""

from __future__ import annotations

import math
from typing import Literal

from supple.core.breath import BreathState, state_at
from supple.core.outcome import Outcome as Judged
from supple.core.routine import Exercise
from supple.core.session_plan import Plan
from supple.core.timeline import Segment
from supple.core.value import value_class

State = Literal["ready", "running", "paused", "done"]
Outcome = Literal["in_progress", "completed", "stopped"]

CLOSING_SECONDS = 3.0  # a hold or a rest shows its end this long before it


@value_class(frozen=True, slots=True)
class Snapshot:
    """Everything a screen shows, at one moment. The UI computes none of it itself."""

    state: State
    segment_index: int
    segment: Segment | None
    exercise: Exercise | None
    exercise_index: int
    segment_seconds: float
    segment_left: float
    elapsed: float  # active seconds so far (count-ins and pauses excluded)
    left: float  # planned seconds still ahead, from here to the end
    total: float  # planned seconds, with any added to holds
    progress: float  # 0..1 through the plan
    breath: BreathState | None
    next_segment: Segment | None
    next_exercise: Exercise | None
    count_in_left: float  # > 0 while counting in after a resume
    countdown: int | None  # 3, 2, 1 in the last seconds of a get-ready; else None
    outcome: Outcome
    counts: bool = False  # done, and it counts by the rule (core.outcome): the words praise it
    practice: bool = False  # done, one exercise played alone: practice, never counted

    @property
    def paused(self) -> bool:
        return self.state == "paused"

    @property
    def done(self) -> bool:
        return self.state == "done"

    @property
    def judged(self) -> Judged:
        """How the session stands by the rule (``core.outcome``): its words read this."""
        match self.outcome:
            case "completed":
                if self.practice:
                    return Judged.PRACTICE
                return Judged.COUNTS if self.counts else Judged.TOO_LITTLE
            case "stopped":
                return Judged.ENDED_EARLY
            case "in_progress":
                return Judged.RUNNING

    @property
    def starting(self) -> bool:
        """In the lead-in before the first segment (the first instruction being said)."""
        return self.count_in_left > 0 and self.segment_index == 0 and self.elapsed == 0

    @property
    def closing(self) -> bool:
        """The last three seconds of a hold or a rest: the moment to get ready for what's next."""
        segment = self.segment
        return segment is not None and segment.closes and 0 < self.segment_left <= CLOSING_SECONDS


def playing(
    state: State,
    plan: Plan,
    exercises: tuple[Exercise, ...],
    index: int,
    segment_start: float,
    active: float,
    count_in_left: float,
) -> Snapshot:
    """A session in play (ready, running or paused) at segment ``index``, which began at
    ``segment_start`` active seconds, now that ``active`` have passed."""
    segment = plan.segments[index]
    seconds = plan.duration(index)
    elapsed = min(seconds, max(0.0, active - segment_start))
    left_in_segment = seconds - elapsed
    left = left_in_segment + plan.ahead(index)
    total = plan.total()
    breath = (
        state_at(
            segment.breath,
            elapsed,
            cycle=segment.breath_cycle,
            follows_body=segment.breath_follows_body,
        )
        if segment.breath
        else None
    )
    countdown = None
    # The time first: a segment's kind is looked up only in its last seconds (10 frames a second).
    if 0 < left_in_segment <= 3 and segment.counts_down:
        countdown = math.ceil(left_in_segment)
    next_exercise_index = segment.exercise_index + 1
    return Snapshot(
        state=state,
        segment_index=index,
        segment=segment,
        exercise=exercises[segment.exercise_index],
        exercise_index=segment.exercise_index,
        segment_seconds=seconds,
        segment_left=left_in_segment,
        elapsed=active,
        left=left,
        total=total,
        progress=_progress(total, left),
        breath=breath,
        next_segment=plan.segments[index + 1] if index + 1 < len(plan.segments) else None,
        next_exercise=(
            exercises[next_exercise_index] if next_exercise_index < len(exercises) else None
        ),
        count_in_left=count_in_left,
        countdown=countdown,
        outcome="in_progress",  # a session in play has no outcome yet
    )


def finished(
    state: State,
    outcome: Outcome,
    plan: Plan,
    exercise_count: int,
    index: int,
    active: float,
    *,
    counts: bool = False,
    practice: bool = False,
) -> Snapshot:
    """A session that is done (or has nothing to play), left at segment ``index``."""
    total = plan.total()
    return Snapshot(
        state=state,
        segment_index=len(plan.segments),
        segment=None,
        exercise=None,
        exercise_index=exercise_count,
        segment_seconds=0.0,
        segment_left=0.0,
        elapsed=active,
        left=0.0,
        total=total,
        progress=1.0 if outcome == "completed" else _progress(total, plan.left_from(index)),
        breath=None,
        next_segment=None,
        next_exercise=None,
        count_in_left=0.0,
        countdown=None,
        outcome=outcome,
        counts=counts,
        practice=practice,
    )


def _progress(total: float, left: float) -> float:
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, 1.0 - left / total))
