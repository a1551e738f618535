"""A guided session: a state machine over the timeline, its time always read from the clock."""

from __future__ import annotations

from supple.core.active_time import ActiveTime
from supple.core.clock import Clock
from supple.core.outcome import Outcome as Judged
from supple.core.record import ExerciseEntry, outcome_of
from supple.core.routine import Level, Routine
from supple.core.session_ledger import Ledger
from supple.core.session_plan import Plan, eased
from supple.core.snapshot import Outcome, Snapshot, State, finished, playing
from supple.core.timeline import Segment, expand

BACK_GRACE = 3.0  # within this many seconds of an exercise's start, "back" goes one further
COUNT_IN = 3.0  # seconds of count-in after a resume


class Session:
    """Commands in (start, pause, resume, skip, back, next_segment, extend, stop); snapshots out.

    Where the session stands (the segment, when it and its exercise began, the outcome) is kept
    here; its time is an ``ActiveTime`` read from the clock, the plan with the seconds added to
    holds a ``Plan``, what was done of each segment a ``Ledger``, and a frame is built by
    ``supple.core.snapshot``.
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
        self.plan = Plan(segments if segments is not None else expand(routine, level))
        self.segments = self.plan.segments
        self.planned_seconds = self.plan.planned_seconds
        self.outcome: Outcome = "in_progress"
        self.counts = False  # at its end: whether it counts (core.outcome's rule)
        self.practice = False  # at its end: one exercise played alone, never counted
        self._time = ActiveTime(clock)
        self._ledger = Ledger(routine.exercises, self.segments)
        self._index = 0
        self._segment_start = 0.0  # active time when the current segment began
        self._exercise_start = 0.0  # active time when the current exercise began

    @property
    def started_at(self) -> float | None:
        """The clock reading at the start (its lead-in included); None before it."""
        return self._time.started_at

    @property
    def ended_at(self) -> float | None:
        """The clock reading at the end (when the plan ran out, or at the stop); None before."""
        return self._time.ended_at

    @property
    def lead_in(self) -> float:
        """Seconds of count-in before the first segment (not a pause)."""
        return self._time.lead_in

    # -- commands ---------------------------------------------------------------------------

    def start(self, count_in: float = 0.0) -> None:
        """Start the clock, after a count-in of ``count_in`` seconds (not part of the session:
        the time to hear how the first exercise goes before its get-ready begins)."""
        if self._time.started_at is not None:
            return
        self._time.start(count_in)
        if not self.segments:
            self._finish("completed")

    def pause(self, at: float | None = None) -> None:
        """Pause now, or as of ``at`` (a clock reading not before the last one taken): for a
        process that was stopped (Ctrl+Z, SIGSTOP), the time it stood still is a pause."""
        self._time.as_of = at
        try:
            self._sync()
            if self.state == "running":
                self._time.pause()
        finally:
            self._time.as_of = None

    def resume(self, count_in: float = COUNT_IN) -> None:
        self._sync()
        if self.state == "paused":
            self._time.resume(count_in)

    def toggle_pause(self) -> None:
        if self.state == "paused":
            self.resume()
        else:
            self.pause()

    def next_segment(self) -> None:
        self._sync()
        if self._in_play():
            self._goto(self._index + 1)

    def skip(self) -> None:
        """To the start of the next exercise (the end, after the last)."""
        self._sync()
        if self._in_play():
            self._goto(self.plan.next_exercise_start(self._index))

    def start_now(self) -> bool:
        """From a get-ready, a rest or a side switch, straight to the work that follows it (the
        next exercise's, after a rest between exercises); False during the work itself."""
        self._sync()
        if not self._in_play() or self.segments[self._index].active:
            return False
        self._goto(self.plan.next_work(self._index))
        return True

    def jump_to(self, exercise_index: int) -> bool:
        """To the start of any exercise of the session (its get-ready). What was done stays
        done; what is passed over stays as it was (skipped, or partial). False if out of range."""
        self._sync()
        if not self._in_play():
            return False
        if not 0 <= exercise_index < len(self.plan.exercise_starts):
            return False
        self._goto(self.plan.exercise_starts[exercise_index], force_exercise_start=True)
        return True

    def back(self) -> None:
        """To the start of this exercise; to the previous one within its first seconds."""
        self._sync()
        if not self._in_play():
            return
        current = self.segments[self._index].exercise_index
        if self._time.active() - self._exercise_start < BACK_GRACE and current > 0:
            current -= 1
        self._goto(self.plan.exercise_starts[current], force_exercise_start=True)

    def extend(self, seconds: float = 10.0) -> bool:
        """Add time to the hold in progress; False when there is no hold to extend."""
        self._sync()
        return self._in_play() and self.plan.extend(self._index, seconds)

    def ease(self) -> bool:
        """ "Ease this now": the plan loses the second half of this exercise's work still ahead
        (``session_plan.eased``), so the record keeps the eased plan and the counting rule
        judges what was asked. False when there is nothing to ease."""
        self._sync()
        if not self._in_play() or self._index >= len(self.segments):
            return False
        dropped = eased(self.segments, self._index)
        if not dropped:
            return False
        kept = [i for i in range(len(self.segments)) if i not in dropped]
        self.plan = self.plan.without(dropped)
        self.segments = self.plan.segments
        self.planned_seconds = self.plan.planned_seconds
        self._ledger = self._ledger.without(self.segments, {old: n for n, old in enumerate(kept)})
        return True

    def can_ease(self) -> bool:
        """Whether ``ease`` would leave anything out now (not in a rest after an exercise)."""
        self._sync()
        return (
            self._in_play()
            and self._index < len(self.segments)
            and bool(eased(self.segments, self._index))
        )

    def stop(self) -> None:
        """End early; what was done is kept."""
        self._sync()
        if self.state != "done":
            self._leave_segment()
            self._finish("stopped")

    # -- queries ----------------------------------------------------------------------------

    @property
    def state(self) -> State:
        if self.outcome != "in_progress":
            return "done"
        if self._time.started_at is None:
            return "ready"
        return "paused" if self._time.mark is None else "running"

    def active_seconds(self) -> float:
        self._sync()
        return self._time.active()

    def paused_seconds(self) -> float:
        """Wall seconds of the session not spent active: pauses and count-ins after them."""
        self._sync()
        return self._time.paused_seconds()

    @property
    def exercise_at(self) -> int | None:
        """The exercise (its index) the session stands in, also once stopped; None at the end."""
        if self.outcome == "completed" or self._index >= len(self.segments):
            return None
        return self.segments[self._index].exercise_index

    def duration(self, index: int) -> float:
        return self.plan.duration(index)

    def snapshot(self) -> Snapshot:
        self._sync()
        state = self.state
        active = self._time.active()
        if state == "done" or not self.segments:
            return finished(
                state,
                self.outcome,
                self.plan,
                len(self.routine.exercises),
                self._index,
                active,
                counts=self.counts,
                practice=self.practice,
            )
        return playing(
            state,
            self.plan,
            self.routine.exercises,
            self._index,
            self._segment_start,
            active,
            self._time.count_in_left(),
        )

    def records(self) -> tuple[ExerciseEntry, ...]:
        """Per exercise: done / partial / skipped, active seconds, sets and reps done."""
        self._sync()
        live = None
        if self.state != "done" and self._index < len(self.segments):
            live = (self._index, max(0.0, self._time.active() - self._segment_start))
        return self._ledger.records(live)

    # -- inner workings ---------------------------------------------------------------------

    def _in_play(self) -> bool:
        """Started and not done: the moves (skip, back, jump, +10 s) apply."""
        return self.state in ("running", "paused")

    def _sync(self) -> None:
        """Let segments that have run out end, each exactly at its planned moment."""
        if self.state != "running":
            return
        active = self._time.active()
        while self._index < len(self.segments):
            duration = self.plan.duration(self._index)
            end = self._segment_start + duration
            if active < end:
                return
            self._ledger.complete(self._index, duration)
            self._segment_start = end
            self._enter(self._index + 1, at=end)
        # The plan ran out: the session ends when its last segment did, not when we noticed.
        at = self._time.moment(self._segment_start)
        self._time.freeze(self._segment_start)
        self._finish("completed", at=at)

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
        if self._index < len(self.segments):
            self._ledger.leave(
                self._index,
                self._time.active() - self._segment_start,
                self.plan.duration(self._index),
            )

    def _goto(self, index: int, *, force_exercise_start: bool = False) -> None:
        self._time.end_lead_in()
        self._leave_segment()
        now = self._time.active()
        self._segment_start = now
        if index >= len(self.segments):
            self._index = len(self.segments)
            self._time.freeze(now)
            self._finish("completed")
            return
        self._enter(index, at=now, force_exercise_start=force_exercise_start)

    def _finish(self, outcome: Outcome, at: float | None = None) -> None:
        self._time.end(at)
        self.outcome = outcome
        if outcome == "completed":
            judged = outcome_of(outcome, self._ledger.records(None), self.routine.id)
            self.counts = judged is Judged.COUNTS
            self.practice = judged is Judged.PRACTICE
