"""How core values read on screen: clocks, doses, what comes next. Words only, no time logic."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, assert_never

# Numbers and segments read the same in the CLI and the app: the words live in core.
from supple.core.timeline import SegmentKind, describe_segment
from supple.core.words import countdown, duration, minutes, printable, said

if TYPE_CHECKING:  # types only: the home screen imports this module, and needs no session
    from supple.core.routine import Level
    from supple.core.snapshot import Snapshot
    from supple.core.timeline import Segment

__all__ = [
    "OUTCOME_SYMBOLS",
    "counters",
    "countdown",
    "cue_word",
    "describe_segment",
    "duration",
    "minutes",
    "next_up",
    "stage",
]


# How an exercise's outcome is marked everywhere: the player's list, the summary, the history.
OUTCOME_SYMBOLS = {"done": "✓", "partial": "◐", "skipped": "–"}


def _stage_words(segment: Segment) -> tuple[str, str | None]:
    """The stage's word for a segment, and its one big word to read from the floor (None: the
    same)."""
    match segment.kind:
        case SegmentKind.GET_READY:
            return "GET READY", "READY"
        case SegmentKind.REP:
            return "REPS", None
        case SegmentKind.HOLD:
            return "HOLD", None
        case SegmentKind.REST:
            return "REST", None
        case SegmentKind.SWITCH_SIDE:
            return f"SWITCH SIDES → {segment.side}".upper(), "SWITCH"
        case _:
            assert_never(segment.kind)


def stage(snapshot: Snapshot) -> str:
    segment = snapshot.segment
    if snapshot.done or segment is None:
        return said(snapshot.judged).stage
    if snapshot.paused:
        return "PAUSED"
    if snapshot.count_in_left > 0:
        word = "STARTING" if snapshot.starting else "RESUMING"
        return f"{word} IN {math.ceil(snapshot.count_in_left)}"
    return _stage_words(segment)[0]


def cue_word(snapshot: Snapshot) -> str:
    """One word to read from the floor: the breath during the work, else the stage's word."""
    segment = snapshot.segment
    if snapshot.paused or snapshot.done or segment is None:
        return stage(snapshot)
    if segment.active and snapshot.breath is not None:
        return snapshot.breath.phase.upper()
    return _stage_words(segment)[1] or stage(snapshot)


def counters(snapshot: Snapshot) -> str:
    segment = snapshot.segment
    if segment is None:
        return ""
    if segment.between_sets and segment.set is not None and segment.sets:
        return f"Set {segment.set + 1} of {segment.sets} next"  # a rest between two sets
    parts = []
    if segment.sets and segment.sets > 1:
        parts.append(f"Set {segment.set}/{segment.sets}")
    if segment.rep:
        parts.append(f"Rep {segment.rep}/{segment.reps}")
    if segment.side and not segment.switches_side:  # a switch names its side in the stage
        parts.append(f"{segment.side.capitalize()} side")
    return "  ·  ".join(parts)


def next_up(snapshot: Snapshot, level: Level) -> str:
    """What comes after the current segment, in a few words."""
    after = snapshot.next_segment
    if after is None:
        return "Next: the end"  # praise waits for the end, and only if the session counts
    current = snapshot.segment
    if current is not None and after.exercise_index != current.exercise_index:
        upcoming = snapshot.next_exercise
        if upcoming is not None:
            return f"Next up: {printable(upcoming.name)} — {upcoming.describe(level)}"
    return "Next: " + describe_segment(after)  # same exercise: its name is on screen
