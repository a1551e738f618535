"""How core values read on screen: clocks, doses, what comes next. Words only, no time logic."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the home screen imports this module, and needs no session
    from supple.core.routine import Exercise, Level
    from supple.core.session import Snapshot
    from supple.core.timeline import Segment


def clock(seconds: float) -> str:
    """Whole seconds left, rounded up, as M:SS: a countdown shows 0:00 only when it is over."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def minutes(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60:02d} s" if whole % 60 else f"{whole // 60} min"


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
        return f"RESUMING IN {math.ceil(snapshot.count_in_left)}"
    if segment.kind == "switch_side":
        return f"SWITCH SIDES → {segment.side}".upper()
    return STAGE[segment.kind]


def counters(snapshot: Snapshot) -> str:
    segment = snapshot.segment
    if segment is None:
        return ""
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
    exercise = snapshot.exercise
    if current is not None and after.exercise_index != current.exercise_index:
        upcoming = snapshot.next_exercise
        if upcoming is not None:
            return f"Next up: {upcoming.name} — {upcoming.describe(level)}"
    return "Next: " + describe_segment(after, exercise)


def describe_segment(segment: Segment, exercise: Exercise | None) -> str:
    name = exercise.name if exercise else segment.exercise_id
    if segment.kind == "get_ready":
        return f"get ready for {name}"
    if segment.kind == "rest":
        return f"rest {segment.seconds:g} s"
    if segment.kind == "switch_side":
        return f"switch to the {segment.side} side"
    side = f" ({segment.side} side)" if segment.side else ""
    if segment.kind == "rep":
        return f"rep {segment.rep}/{segment.reps}{side}"
    return f"hold {segment.seconds:g} s{side}"
