"""How core values read on screen: clocks, doses, what comes next. Words only, no time logic."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, assert_never

# Numbers and segments read the same in the CLI and the app: the words live in core.
from supple.core.timeline import SegmentKind, describe_segment
from supple.core.words import countdown, duration, level_word, minutes, printable, said
from supple.i18n import _, lazy, p_

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
    "level_word",
    "minutes",
    "next_up",
    "stage",
]


# How an exercise's outcome is marked everywhere: the player's list, the summary, the history.
OUTCOME_SYMBOLS = {"done": "✓", "partial": "◐", "skipped": "–"}


# The display words of the sides (the ids stay English in files and records); the levels' are
# ``core.words.level_word``.
SIDE_WORDS = {"left": lazy("left"), "right": lazy("right")}


# Translators: the levels in three letters or so, for a narrow table
LEVEL_SHORT = {"beginner": lazy("beg"), "intermediate": lazy("int"), "advanced": lazy("adv")}


def level_short(level: str) -> str:
    """A level in a narrow column ("beg"; "Ein" in German)."""
    return _(LEVEL_SHORT[level]) if level in LEVEL_SHORT else level[:3]


def side_word(side: str) -> str:
    """A side as a person reads it ("links")."""
    return _(SIDE_WORDS[side]) if side in SIDE_WORDS else side


def _stage_words(segment: Segment) -> tuple[str, str | None]:
    """The stage's word for a segment, and its one big word to read from the floor (None: the
    same)."""
    match segment.kind:
        case SegmentKind.GET_READY:
            # Translators: the stage on screen, in capitals; the second is its one big word
            return _("GET READY"), _("READY")
        case SegmentKind.REP:
            return _("REPS"), None
        case SegmentKind.HOLD:
            return p_("stage", "HOLD"), None
        case SegmentKind.REST:
            return p_("stage", "REST"), None
        case SegmentKind.SWITCH_SIDE:
            side = side_word(str(segment.side))
            return _("SWITCH SIDES → {side}").format(side=side).upper(), _("SWITCH")
        case _:
            assert_never(segment.kind)


def stage(snapshot: Snapshot) -> str:
    segment = snapshot.segment
    if snapshot.done or segment is None:
        return said(snapshot.judged).stage
    if snapshot.paused:
        return _("PAUSED")
    if snapshot.count_in_left > 0:
        seconds = math.ceil(snapshot.count_in_left)
        if snapshot.starting:
            return _("STARTING IN {seconds}").format(seconds=seconds)
        return _("RESUMING IN {seconds}").format(seconds=seconds)
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
        # a rest between two sets
        return _("Set {set} of {sets} next").format(set=segment.set + 1, sets=segment.sets)
    parts = []
    if segment.sets and segment.sets > 1:
        parts.append(_("Set {set}/{sets}").format(set=segment.set, sets=segment.sets))
    if segment.rep:
        parts.append(_("Rep {rep}/{reps}").format(rep=segment.rep, reps=segment.reps))
    if segment.side and not segment.switches_side:  # a switch names its side in the stage
        parts.append(_("{side} side").format(side=side_word(segment.side)).capitalize())
    return "  ·  ".join(parts)


def next_up(snapshot: Snapshot, level: Level) -> str:
    """What comes after the current segment, in a few words."""
    after = snapshot.next_segment
    if after is None:
        return _("Next: the end")  # praise waits for the end, and only if the session counts
    current = snapshot.segment
    if current is not None and after.exercise_index != current.exercise_index:
        upcoming = snapshot.next_exercise
        if upcoming is not None:
            return _("Next up: {name} — {dose}").format(
                name=printable(upcoming.name), dose=upcoming.describe(level)
            )
    return _("Next: {what}").format(
        what=describe_segment(after)
    )  # same exercise: its name is on screen
