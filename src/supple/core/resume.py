"""Resuming a session that did not reach its end, and a session logged by hand.

Resume continues the same record from the start of the exercise it stopped in: what was done
stays done, the work done again adds up (as going back does), the time between is a pause. It is
offered only while the routine is the one that was played (same exercises, same plan of work);
otherwise a fresh start is.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from supple.core.record import ExerciseEntry, ExerciseStatus, SessionRecord
from supple.core.schema import newer
from supple.core.value import replace


def can_resume(record: SessionRecord) -> bool:
    """Stopped or interrupted before its end, played in the app, by this supple's schema."""
    return (
        record.status in ("stopped", "interrupted")
        and record.stopped_in is not None
        and not record.by_hand
        and not newer(record.schema)
        and record.path is not None
    )


def _plan_of(entries: tuple[ExerciseEntry, ...]) -> tuple[tuple[object, ...], ...]:
    return tuple((e.id, e.planned_seconds, e.sets_planned, e.reps_planned) for e in entries)


def unchanged(record: SessionRecord, fresh: tuple[ExerciseEntry, ...]) -> bool:
    """The routine still plans what ``record`` played: ``fresh`` (a new session's entries, none
    of them done) has the same exercises with the same work, sets and reps."""
    return _plan_of(record.exercises) == _plan_of(fresh)


def _status(a: ExerciseEntry, b: ExerciseEntry, seconds: float) -> ExerciseStatus:
    if "done" in (a.status, b.status):
        return "done"
    if "partial" in (a.status, b.status) or seconds > 0:
        return "partial"
    return "skipped"


def merge_entry(earlier: ExerciseEntry, now: ExerciseEntry) -> ExerciseEntry:
    """One exercise played before and after the resume: seconds add up, done stays done."""
    seconds = round(earlier.seconds + now.seconds, 1)
    return replace(
        now,
        status=_status(earlier, now, seconds),
        seconds=seconds,
        sets_done=max(earlier.sets_done, now.sets_done),
        reps_done=max(earlier.reps_done, now.reps_done),
        unknown=earlier.unknown,
    )


def continued(earlier: SessionRecord, now: SessionRecord) -> SessionRecord:
    """The record of a resumed session: ``earlier`` (as it was left) continued by ``now`` (the
    part played since, started at its ``started``). Same file, same start; the wall time between
    the two is a pause."""
    gap = max(0.0, (now.started - earlier.ended).total_seconds())
    ended = max(now.ended, earlier.ended)
    wall = (ended - earlier.started).total_seconds()
    entries = tuple(
        merge_entry(a, b) for a, b in zip(earlier.exercises, now.exercises, strict=True)
    )
    return replace(
        now,
        started=earlier.started,
        ended=ended,
        active_seconds=min(round(earlier.active_seconds + now.active_seconds, 1), wall),
        paused_seconds=round(earlier.paused_seconds + gap + now.paused_seconds, 1),
        exercises=entries,
        feeling_before=earlier.feeling_before if now.feeling_before is None else now.feeling_before,
        feeling_after=now.feeling_after,
        pain_before=earlier.pain_before if now.pain_before is None else now.pain_before,
        pain_marks=earlier.pain_marks + now.pain_marks,
        note=now.note or earlier.note,
        path=earlier.path,
        program=earlier.program,  # the program it was begun in
        unknown=earlier.unknown,
    )


def by_hand(
    fresh: SessionRecord, done: frozenset[int], at: datetime, minutes: float
) -> SessionRecord:
    """A session done without the app: ``fresh`` (the routine's record with nothing done)
    with the exercises of ``done`` (their indexes) entered as done in full, the others as
    skipped, at ``at`` for ``minutes``. Counted by the same rule as any other."""
    entries = tuple(
        replace(
            e,
            status="done",
            seconds=e.planned_seconds,
            sets_done=e.sets_planned,
            reps_done=e.reps_planned,
        )
        if i in done
        else e
        for i, e in enumerate(fresh.exercises)
    )
    seconds = max(0.0, minutes * 60.0)
    return replace(
        fresh,
        started=at.replace(microsecond=0),
        ended=(at + timedelta(seconds=seconds)).replace(microsecond=0),
        status="completed",
        active_seconds=round(min(seconds, sum(e.seconds for e in entries)), 1),
        paused_seconds=0.0,
        exercises=entries,
        stopped_in=None,
        by_hand=True,
        path=None,
    )
