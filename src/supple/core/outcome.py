"""The one rule that decides whether a session counts, and the outcome it gives a session.

Every word about how a session went (the summary's headline, the history's status, the player's
last frame, the voice at the end, ``supple history``, the status line) reads ``Outcome``, so no
screen can praise a session that the streak, the week and the program do not count. Tiny and
import-free on purpose: the snapshot, the record and the words all read it.
"""

from __future__ import annotations

from enum import StrEnum

# A session counts (for streaks, weeks, the program) when it reached its end with at least this
# share of its planned work done: most of it, yet someone who skips one painful hold of three
# still trained, while skipping through every exercise to the end is not a workout.
COUNTS_SHARE = 0.5
# The routine id of one library exercise played alone ("exercise-cat-cow"). Such a session is
# practice: kept in the history and shown there, but it never counts (four 25-second neck
# stretches are not four sessions of the week). Declared here, beside the rule it changes.
ALONE = "exercise-"


class Outcome(StrEnum):
    """How a session stands, by the rule."""

    COUNTS = "counts"  # reached its end with at least COUNTS_SHARE of the planned work done
    TOO_LITTLE = "too-little"  # reached its end, with less work done: it does not count
    ENDED_EARLY = "ended-early"  # stopped before its end: it does not count
    INTERRUPTED = "interrupted"  # cut off (a crash, a closed terminal): it does not count
    RUNNING = "running"  # still in progress
    PRACTICE = "practice"  # one exercise played alone, reached its end: kept, never counted


def practice(routine: str, exercises: int) -> bool:
    """Whether a session of ``routine`` with that many exercises is one exercise played alone."""
    return routine.startswith(ALONE) and exercises == 1


def outcome(status: str, work: float, planned: float, *, alone: bool = False) -> Outcome:
    """The rule: the end was reached (``status`` "completed") and at least ``COUNTS_SHARE`` of
    the ``planned`` work seconds done (``work``); one exercise played ``alone`` (``practice``)
    that reached its end is practice, which never counts."""
    if status == "completed":
        if alone:
            return Outcome.PRACTICE
        if planned > 0 and work >= COUNTS_SHARE * planned:
            return Outcome.COUNTS
        return Outcome.TOO_LITTLE
    if status == "in_progress":
        return Outcome.RUNNING
    if status == "interrupted":
        return Outcome.INTERRUPTED
    return Outcome.ENDED_EARLY  # "stopped", and anything a newer supple may write
