"""The segments a session played, and each exercise's record from them: done, partial, skipped."""

from __future__ import annotations

from supple.core.record import ExerciseEntry, ExerciseStatus
from supple.core.routine import Exercise
from supple.core.timeline import Segment


class Ledger:
    """Seconds spent in each segment and the segments played to their end.

    Only the segment being left is ever written, so a jump or a back keeps what was done done,
    and what is passed over stays as it was (skipped, or partial); going back repeats work, and
    its seconds add up.
    """

    __slots__ = ("_completed", "_exercises", "_segments", "_spent", "_work")

    def __init__(self, exercises: tuple[Exercise, ...], segments: tuple[Segment, ...]) -> None:
        self._exercises = exercises
        self._segments = segments
        # the work segments (reps and holds) of each exercise, by exercise index
        self._work = tuple(
            [i for i, s in enumerate(segments) if s.exercise_index == index and s.active]
            for index in range(len(exercises))
        )
        self._spent: dict[int, float] = {}
        self._completed: set[int] = set()

    def complete(self, index: int, seconds: float) -> None:
        """Segment ``index`` ran its ``seconds`` to the end."""
        self._spent[index] = self._spent.get(index, 0.0) + seconds
        self._completed.add(index)

    def leave(self, index: int, seconds: float, duration: float) -> None:
        """Bank ``seconds`` spent in segment ``index`` (``duration`` long) before moving away
        from it; all of it completes it."""
        spent = min(max(0.0, seconds), duration)
        if spent > 0:
            self._spent[index] = self._spent.get(index, 0.0) + spent
        if spent >= duration:
            self._completed.add(index)

    def without(self, segments: tuple[Segment, ...], new: dict[int, int]) -> Ledger:
        """This ledger over ``segments``, the plan with some segments left out (``new``: each
        kept segment's old index to its new one): what was done of them stays."""
        ledger = Ledger(self._exercises, segments)
        ledger._spent = {new[i]: v for i, v in self._spent.items() if i in new}
        ledger._completed = {new[i] for i in self._completed if i in new}
        return ledger

    def records(self, live: tuple[int, float] | None) -> tuple[ExerciseEntry, ...]:
        """Per exercise: done / partial / skipped, active seconds, sets and reps done; ``live``
        is the segment in progress and the seconds spent in it so far (not banked yet)."""
        out = []
        for exercise, work in zip(self._exercises, self._work, strict=True):
            spent = sum(self._spent.get(i, 0.0) for i in work)
            if live is not None and live[0] in work:
                spent += live[1]
            completed = [i for i in work if i in self._completed]
            sets = {self._segments[i].set for i in work}
            sets_done = sum(
                1
                for n in sets
                if all(i in self._completed for i in work if self._segments[i].set == n)
            )
            reps = [i for i in work if self._segments[i].is_rep]
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
                    planned_seconds=sum(self._segments[i].seconds for i in work),
                    sets_done=sets_done,
                    sets_planned=len(sets),
                    reps_done=sum(1 for i in reps if i in self._completed),
                    reps_planned=len(reps),
                )
            )
        return tuple(out)
