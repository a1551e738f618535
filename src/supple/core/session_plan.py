"""The plan a session plays: its segments, the seconds added to holds, and where exercises start."""

from __future__ import annotations

from supple.core.routine import EXTEND_LIMIT, Dose
from supple.core.timeline import Segment
from supple.core.value import replace


class Plan:
    """The timeline laid out for a session, with the time given to holds while it plays."""

    __slots__ = ("_extra", "_planned_after", "exercise_starts", "planned_seconds", "segments")

    def __init__(self, segments: tuple[Segment, ...]) -> None:
        self.segments = segments
        self.planned_seconds = sum(s.seconds for s in segments)
        # planned seconds after segment i, so that a frame's "time left" is not a sum over all
        self._planned_after = [0.0] * len(segments)
        for i in range(len(segments) - 2, -1, -1):
            self._planned_after[i] = self._planned_after[i + 1] + segments[i + 1].seconds
        self._extra: dict[int, float] = {}  # seconds added to the hold at each index
        starts: dict[int, int] = {}
        for index, segment in enumerate(segments):
            starts.setdefault(segment.exercise_index, index)
        # the first segment of each exercise (its get-ready), by exercise index
        self.exercise_starts = tuple(starts[i] for i in sorted(starts))

    def duration(self, index: int) -> float:
        return self.segments[index].seconds + self._extra.get(index, 0.0)

    def total(self) -> float:
        """Planned seconds, with any added to holds."""
        return self.planned_seconds + sum(self._extra.values())

    def ahead(self, index: int) -> float:
        """Seconds of the plan after segment ``index``."""
        after = self._planned_after[index]
        if not self._extra:  # the usual frame: no hold was extended
            return after
        return after + sum(v for i, v in self._extra.items() if i > index)

    def left_from(self, index: int) -> float:
        """Seconds of the plan from the start of segment ``index`` to the end."""
        return sum(self.duration(i) for i in range(index, len(self.segments)))

    def extend(self, index: int, seconds: float) -> bool:
        """Add up to ``seconds`` to the hold at ``index`` (at most EXTEND_LIMIT in all); False
        when it is no hold or has had all it may."""
        if not self.segments[index].extendable:
            return False
        extra = self._extra.get(index, 0.0)
        added = min(seconds, EXTEND_LIMIT - extra)
        if added <= 0:
            return False
        self._extra[index] = extra + added
        return True

    def without(self, dropped: frozenset[int]) -> Plan:
        """This plan with the segments ``dropped`` left out (all after the one playing, so the
        indexes up to it stay); the time added to the holds that stay moves with them."""
        kept = [i for i in range(len(self.segments)) if i not in dropped]
        plan = Plan(totals_as_planned(tuple(self.segments[i] for i in kept)))
        new = {old: n for n, old in enumerate(kept)}
        plan._extra = {new[i]: v for i, v in self._extra.items() if i in new}
        return plan

    def next_exercise_start(self, index: int) -> int:
        """The first segment of the next exercise after ``index`` (after the last: the end)."""
        following = self.segments[index].exercise_index + 1
        if following < len(self.exercise_starts):
            return self.exercise_starts[following]
        return len(self.segments)

    def next_work(self, index: int) -> int:
        """The first work segment (a rep or a hold) after ``index`` (the end, if none)."""
        return next(
            (i for i in range(index + 1, len(self.segments)) if self.segments[i].active),
            len(self.segments),
        )


def eased(segments: tuple[Segment, ...], index: int) -> frozenset[int]:
    """The segments "ease this now" leaves out while segment ``index`` plays: the second half
    of its exercise's work still ahead (rounded up), with the rests and switches that lead into
    it; the rest before the next exercise stays. Empty when there is nothing to ease: no work
    ahead, or a single piece of work ahead and none in play (skip it instead)."""
    current = segments[index].exercise_index
    tail = [
        i
        for i in range(index + 1, len(segments))
        if segments[i].exercise_index == current and not segments[i].between_exercises
    ]
    work = [i for i in tail if segments[i].active]
    keep = len(work) // 2
    if not work or (keep == 0 and not segments[index].active):
        return frozenset()
    boundary = work[keep - 1] if keep else index
    return frozenset(i for i in tail if i > boundary)


def totals_as_planned(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The totals each segment says ("Rep 2/5", "Set 1/3") as these segments hold them: once
    "ease this now" has left out a tail of work, the reps of a set (on a side) and the sets of
    an exercise are those still planned, not the routine's dose. Totals only ever go down."""
    reps: dict[tuple[int, int | None, str | None], int] = {}
    sets: dict[int, int] = {}
    for s in segments:
        if s.rep is not None:
            key = (s.exercise_index, s.set, s.side)
            reps[key] = max(reps.get(key, 0), s.rep)
        if s.set is not None:
            sets[s.exercise_index] = max(sets.get(s.exercise_index, 0), s.set)
    out = []
    for s in segments:
        rep_total = reps.get((s.exercise_index, s.set, s.side))
        set_total = sets.get(s.exercise_index)
        if s.reps is not None and rep_total is not None and rep_total < s.reps:
            s = replace(s, reps=rep_total)
        if s.sets is not None and set_total is not None and set_total < s.sets:
            s = replace(s, sets=set_total)
        out.append(s)
    return tuple(out)


def planned_dose(segments: tuple[Segment, ...], exercise_index: int, dose: Dose) -> Dose:
    """An exercise's dose as the plan holds it now: the routine's ``dose``, with the reps and
    sets of its last work segment once "ease this now" has cut them."""
    last = next(
        (s for s in reversed(segments) if s.exercise_index == exercise_index and s.active), None
    )
    if last is None:
        return dose
    sets = dose.sets if last.sets is None else min(dose.sets, last.sets)
    reps = dose.reps if last.reps is None or dose.reps is None else min(dose.reps, last.reps)
    return replace(dose, sets=sets, reps=reps)
