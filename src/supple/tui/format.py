"""How core values read on screen: clocks, doses, what comes next. Words only, no time logic."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

# Numbers and segments read the same in the CLI and the app: the words live in core.
from supple.core.words import countdown, describe_segment, duration, minutes, printable

if TYPE_CHECKING:  # types only: the home screen imports this module, and needs no session
    from supple.core.routine import Level
    from supple.core.session import Snapshot

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

STAGE = {
    "get_ready": "GET READY",
    "rep": "REPS",
    "hold": "HOLD",
    "rest": "REST",
    "switch_side": "SWITCH SIDES",
}


def stage(snapshot: Snapshot) -> str:
    segment = snapshot.segment
    if snapshot.done or segment is None:
        return "DONE"
    if snapshot.paused:
        return "PAUSED"
    if snapshot.count_in_left > 0:
        word = "STARTING" if snapshot.starting else "RESUMING"
        return f"{word} IN {math.ceil(snapshot.count_in_left)}"
    if segment.kind == "switch_side":
        return f"SWITCH SIDES → {segment.side}".upper()
    return STAGE[segment.kind]


SHORT_STAGE = {"get_ready": "READY", "switch_side": "SWITCH"}  # one big word, not two


def cue_word(snapshot: Snapshot) -> str:
    """One word to read from the floor: the breath during the work, else the stage's word."""
    segment = snapshot.segment
    if snapshot.paused or snapshot.done or segment is None:
        return stage(snapshot)
    if segment.kind in ("rep", "hold") and snapshot.breath is not None:
        return snapshot.breath.phase.upper()
    return SHORT_STAGE.get(segment.kind) or stage(snapshot)


def counters(snapshot: Snapshot) -> str:
    segment = snapshot.segment
    if segment is None:
        return ""
    if segment.kind == "rest" and segment.set is not None and segment.sets:
        return f"Set {segment.set + 1} of {segment.sets} next"  # a rest between two sets
    parts = []
    if segment.sets and segment.sets > 1:
        parts.append(f"Set {segment.set}/{segment.sets}")
    if segment.rep:
        parts.append(f"Rep {segment.rep}/{segment.reps}")
    if segment.side and segment.kind != "switch_side":
        parts.append(f"{segment.side.capitalize()} side")
    return "  ·  ".join(parts)


def next_up(snapshot: Snapshot, level: Level) -> str:
    """What comes after the current segment, in a few words."""
    after = snapshot.next_segment
    if after is None:
        return "Next: the end — well done"
    current = snapshot.segment
    if current is not None and after.exercise_index != current.exercise_index:
        upcoming = snapshot.next_exercise
        if upcoming is not None:
            return f"Next up: {printable(upcoming.name)} — {upcoming.describe(level)}"
    return "Next: " + describe_segment(after)  # same exercise: its name is on screen
