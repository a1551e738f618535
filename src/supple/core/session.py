"""A guided session: a state machine over the timeline, its time always read from the clock."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from supple.core.breath import BreathState, state_at
from supple.core.clock import Clock
from supple.core.record import ExerciseEntry, ExerciseStatus
from supple.core.routine import EXTEND_LIMIT as EXTEND_LIMIT  # at most this added to a hold
from supple.core.routine import Exercise, Level, Routine
from supple.core.timeline import Segment, expand

State = Literal["ready", "running", "paused", "done"]
Outcome = Literal["in_progress", "completed", "stopped"]

BACK_GRACE = 3.0  # within this many seconds of an exercise's start, "back" goes one further
COUNT_IN = 3.0  # seconds of count-in after a resume
CLOSING_SECONDS = 3.0  # a hold or a rest shows its end this long before it


@dataclass(frozen=True, slots=True)
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

    @property
    def paused(self) -> bool:
        return self.state == "paused"

    @property
    def done(self) -> bool:
        return self.state == "done"

    @property
    def starting(self) -> bool:
        """In the lead-in before the first segment (the first instruction being said)."""
        return self.count_in_left > 0 and self.segment_index == 0 and self.elapsed == 0

    @property
    def closing(self) -> bool:
        """The last three seconds of a hold or a rest: the moment to get ready for what's next."""
        segment = self.segment
        return segment is not None and segment.closes and 0 < self.segment_left <= CLOSING_SECONDS


class Session:
    """Commands in (start, pause, resume, skip, back, next_segment, extend, stop); snapshots out.

    Active time is ``clock.now()`` minus paused spans, never a sum of ticks, so a late frame or a
    stalled event loop shows the right value and the end comes exactly on time.
    """

    def __init__(
        self,
        routine: Routine,
        level: Level,
        clock: Clock,
        *,
        segments: tuple[Segment, ...] | None = None,
    ) -> None:
        self.routine = routine
        self.level: Level = level
        self.clock = clock
        # ``segments``: the plan already laid out (the coach's catalog); else laid out here.
        self.segments = segments if segments is not None else expand(routine, level)
        self.planned_seconds = sum(s.seconds for s in self.segments)
        # planned seconds after segment i, so that a frame's "time left" is not a sum over all
        self._planned_after = [0.0] * len(self.segments)
        for i in range(len(self.segments) - 2, -1, -1):
            self._planned_after[i] = self._planned_after[i + 1] + self.segments[i + 1].seconds
        self.started_at: float | None = None
        self.lead_in = 0.0  # seconds of count-in before the first segment (not a pause)
        self.ended_at: float | None = None
        self.outcome: Outcome = "in_progress"
        self._index = 0
        self._extra: dict[int, float] = {}
        self._active_base = 0.0  # active seconds banked before ``_mark``
        self._mark: float | None = None  # clock time from which active time accrues
        self._last_active = 0.0
        self._last_now: float | None = None
        self._as_of: float | None = None  # pause(at=…): the clock reads this instead of now
        self._segment_start = 0.0  # active time when the current segment began
        self._exercise_start = 0.0  # active time when the current exercise began
        self._spent: dict[int, float] = {}
        self._completed: set[int] = set()
        self._exercise_starts = self._first_segments()

    # -- commands ---------------------------------------------------------------------------

    def start(self, count_in: float = 0.0) -> None:
        """Start the clock, after a count-in of ``count_in`` seconds (not part of the session:
        the time to hear how the first exercise goes before its get-ready begins)."""
        if self.started_at is not None:
            return
        now = self._now()
        self.started_at = now
        self.lead_in = max(0.0, count_in)
        self._mark = now + self.lead_in
        if not self.segments:
            self._finish("completed")

    def pause(self, at: float | None = None) -> None:
        """Pause now, or as of ``at`` (a clock reading not before the last one taken): for a
        process that was stopped (Ctrl+Z, SIGSTOP), the time it stood still is a pause."""
        self._as_of = at
        try:
            self._sync()
            if self.state == "running":
                self._active_base = self._active()
                self._mark = None
        finally:
            self._as_of = None

    def resume(self, count_in: float = COUNT_IN) -> None:
        self._sync()
        if self.state == "paused":
            self._mark = self._now() + max(0.0, count_in)

    def toggle_pause(self) -> None:
        if self.state == "paused":
            self.resume()
        else:
            self.pause()

    def next_segment(self) -> None:
        self._sync()
        if self.state in ("running", "paused"):
            self._goto(self._index + 1)

    def skip(self) -> None:
        """To the start of the next exercise (the end, after the last)."""
        self._sync()
        if self.state not in ("running", "paused"):
            return
        current = self.segments[self._index].exercise_index
        self._goto(
            self._exercise_starts[current + 1]
            if current + 1 < len(self._exercise_starts)
            else len(self.segments)
        )

    def start_now(self) -> bool:
        """From a get-ready, a rest or a side switch, straight to the work that follows it (the
        next exercise's, after a rest between exercises); False during the work itself."""
        self._sync()
        if self.state not in ("running", "paused") or self.segments[self._index].active:
            return False
        following = next(
            (i for i in range(self._index + 1, len(self.segments)) if self.segments[i].active),
            len(self.segments),
        )
        self._goto(following)
        return True

    def jump_to(self, exercise_index: int) -> bool:
        """To the start of any exercise of the session (its get-ready). What was done stays
        done; what is passed over stays as it was (skipped, or partial). False if out of range."""
        self._sync()
        if self.state not in ("running", "paused"):
            return False
        if not 0 <= exercise_index < len(self._exercise_starts):
            return False
        self._goto(self._exercise_starts[exercise_index], force_exercise_start=True)
        return True

    def back(self) -> None:
        """To the start of this exercise; to the previous one within its first seconds."""
        self._sync()
        if self.state not in ("running", "paused"):
            return
        current = self.segments[self._index].exercise_index
        if self._active() - self._exercise_start < BACK_GRACE and current > 0:
            current -= 1
        self._goto(self._exercise_starts[current], force_exercise_start=True)

    def extend(self, seconds: float = 10.0) -> bool:
        """Add time to the hold in progress; False when there is no hold to extend."""
        self._sync()
        if self.state not in ("running", "paused") or not self.segments[self._index].extendable:
            return False
        extra = self._extra.get(self._index, 0.0)
        added = min(seconds, EXTEND_LIMIT - extra)
        if added <= 0:
            return False
        self._extra[self._index] = extra + added
        return True

    def stop(self) -> None:
        """End early; what was done is kept."""
        self._sync()
        if self.state in ("running", "paused", "ready"):
            if self.started_at is None:
                self.started_at = self._now()
            self._leave_segment()
            self._finish("stopped")

    # -- queries ----------------------------------------------------------------------------

    @property
    def state(self) -> State:
        if self.outcome != "in_progress":
            return "done"
        if self.started_at is None:
            return "ready"
        return "paused" if self._mark is None else "running"

    def active_seconds(self) -> float:
        self._sync()
        return self._active()

    def paused_seconds(self) -> float:
        """Wall seconds of the session not spent active: pauses and count-ins after them."""
        self._sync()
        if self.started_at is None:
            return 0.0
        end = self.ended_at if self.ended_at is not None else self._now()
        wall = end - self.started_at
        return max(0.0, wall - min(wall, self.lead_in) - self._active())

    def duration(self, index: int) -> float:
        return self.segments[index].seconds + self._extra.get(index, 0.0)

    def snapshot(self) -> Snapshot:
        self._sync()
        active = self._active()
        count = len(self.segments)
        total = self.planned_seconds + sum(self._extra.values())
        if self.state == "done" or not self.segments:
            return Snapshot(
                state=self.state,
                segment_index=count,
                segment=None,
                exercise=None,
                exercise_index=len(self.routine.exercises),
                segment_seconds=0.0,
                segment_left=0.0,
                elapsed=active,
                left=0.0,
                total=total,
                progress=1.0 if self.outcome == "completed" else self._progress(total, None),
                breath=None,
                next_segment=None,
                next_exercise=None,
                count_in_left=0.0,
                countdown=None,
                outcome=self.outcome,
            )
        segment = self.segments[self._index]
        seconds = self.duration(self._index)
        elapsed = min(seconds, max(0.0, active - self._segment_start))
        left_in_segment = seconds - elapsed
        ahead = self._planned_after[self._index] + sum(
            v for i, v in self._extra.items() if i > self._index
        )
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
        count_in = 0.0
        if self._mark is not None:
            count_in = max(0.0, self._mark - self._now())
        countdown = None
        if segment.counts_down and 0 < left_in_segment <= 3:
            countdown = math.ceil(left_in_segment)
        next_exercise_index = segment.exercise_index + 1
        return Snapshot(
            state=self.state,
            segment_index=self._index,
            segment=segment,
            exercise=self.routine.exercises[segment.exercise_index],
            exercise_index=segment.exercise_index,
            segment_seconds=seconds,
            segment_left=left_in_segment,
            elapsed=active,
            left=left_in_segment + ahead,
            total=total,
            progress=self._progress(total, left_in_segment + ahead),
            breath=breath,
            next_segment=self.segments[self._index + 1] if self._index + 1 < count else None,
            next_exercise=(
                self.routine.exercises[next_exercise_index]
                if next_exercise_index < len(self.routine.exercises)
                else None
            ),
            count_in_left=count_in,
            countdown=countdown,
            outcome=self.outcome,
        )

    def records(self) -> tuple[ExerciseEntry, ...]:
        """Per exercise: done / partial / skipped, active seconds, sets and reps done."""
        self._sync()
        live = self._live_spent()
        out = []
        for index, exercise in enumerate(self.routine.exercises):
            work = [
                i for i, s in enumerate(self.segments) if s.exercise_index == index and s.active
            ]
            spent = sum(self._spent.get(i, 0.0) for i in work) + sum(
                v for i, v in live.items() if i in work
            )
            completed = [i for i in work if i in self._completed]
            sets = {self.segments[i].set for i in work}
            sets_done = sum(
                1
                for n in sets
                if all(i in self._completed for i in work if self.segments[i].set == n)
            )
            reps = [i for i in work if self.segments[i].is_rep]
            if work and len(completed) == len(work):
                status: ExerciseStatus = "done"
            elif completed or spent > 0:
                status = "partial"
            else:
                status = "skipped"
            out.append(
                ExerciseEntry(
                    id=exercise.id,
                    name=exercise.name,
                    status=status,
                    seconds=round(spent, 1),
                    planned_seconds=sum(self.segments[i].seconds for i in work),
                    sets_done=sets_done,
                    sets_planned=len(sets),
                    reps_done=sum(1 for i in reps if i in self._completed),
                    reps_planned=len(reps),
                )
            )
        return tuple(out)

    # -- inner workings ---------------------------------------------------------------------

    def _now(self) -> float:
        """The clock, except that a step backwards is taken as time standing still."""
        now = self.clock.now() if self._as_of is None else max(self._as_of, self._last_now or 0.0)
        if self._last_now is not None and now < self._last_now:
            shift = self._last_now - now
            if self._mark is not None:
                self._mark -= shift
            if self.started_at is not None:
                self.started_at -= shift
        self._last_now = now
        return now

    def _active(self) -> float:
        active = self._active_base
        if self._mark is not None:
            active += max(0.0, self._now() - self._mark)
        # A clock that steps back must never make time run backwards on screen.
        self._last_active = max(self._last_active, active)
        return self._last_active

    def _sync(self) -> None:
        """Let segments that have run out end, each exactly at its planned moment."""
        if self.state != "running":
            return
        active = self._active()
        while self._index < len(self.segments):
            end = self._segment_start + self.duration(self._index)
            if active < end:
                return
            self._spent[self._index] = self._spent.get(self._index, 0.0) + self.duration(
                self._index
            )
            self._completed.add(self._index)
            self._segment_start = end
            self._enter(self._index + 1, at=end)
        # The plan ran out: the session ends when its last segment did, not when we noticed.
        assert self._mark is not None
        end_at = self._mark + (self._segment_start - self._active_base)
        self._active_base = self._last_active = self._segment_start
        self._mark = None
        self._finish("completed", at=end_at)

    def _enter(self, index: int, *, at: float, force_exercise_start: bool = False) -> None:
        previous = (
            self.segments[self._index].exercise_index if self._index < len(self.segments) else -1
        )
        self._index = index
        if index < len(self.segments) and (
            force_exercise_start or self.segments[index].exercise_index != previous
        ):
            self._exercise_start = at

    def _leave_segment(self) -> None:
        """Bank the time spent in the current segment before jumping away from it."""
        if self._index >= len(self.segments):
            return
        spent = max(0.0, self._active() - self._segment_start)
        spent = min(spent, self.duration(self._index))
        if spent > 0:
            self._spent[self._index] = self._spent.get(self._index, 0.0) + spent
        if spent >= self.duration(self._index):
            self._completed.add(self._index)

    def _end_lead_in(self) -> None:
        """A move during the lead-in (start now, skip, jump) starts the clock at once."""
        now = self._now()
        if self._mark is not None and self._mark > now and self._active() == 0:
            self._mark = now
            if self.started_at is not None:
                self.lead_in = now - self.started_at

    def _goto(self, index: int, *, force_exercise_start: bool = False) -> None:
        self._end_lead_in()
        self._leave_segment()
        now = self._active()
        self._segment_start = now
        if index >= len(self.segments):
            self._index = len(self.segments)
            self._active_base = now
            self._mark = None
            self._finish("completed")
            return
        self._enter(index, at=now, force_exercise_start=force_exercise_start)

    def _finish(self, outcome: Outcome, at: float | None = None) -> None:
        self._active_base = self._active()
        self._mark = None
        self.outcome = outcome
        if self.ended_at is None:
            self.ended_at = self._now() if at is None else at

    def _live_spent(self) -> dict[int, float]:
        if self.state == "done" or self._index >= len(self.segments):
            return {}
        return {self._index: max(0.0, self._active() - self._segment_start)}

    def _progress(self, total: float, left: float | None) -> float:
        if total <= 0:
            return 1.0
        if left is None:
            left = sum(self.duration(i) for i in range(self._index, len(self.segments)))
        return min(1.0, max(0.0, 1.0 - left / total))

    def _first_segments(self) -> tuple[int, ...]:
        starts: dict[int, int] = {}
        for index, segment in enumerate(self.segments):
            starts.setdefault(segment.exercise_index, index)
        return tuple(starts[i] for i in sorted(starts))
