"""What to ring and what to say, and when: turns successive snapshots of a session into cues.

The player hands every frame's snapshot to a Cuer; the bell and the voice only carry cues out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from supple.core.session import Snapshot

CueKind = Literal["transition", "count", "breath", "end"]
PRIORITY: dict[CueKind, int] = {"breath": 0, "count": 1, "transition": 2, "end": 3}
BREATH_WORDS = {"inhale": "in", "exhale": "out", "hold": "hold"}


@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    text: str
    bell: bool

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]


class Cuer:
    def __init__(self) -> None:
        self._index: int | None = None
        self._countdown: int | None = None
        self._phase: str | None = None
        self._ended = False

    def update(self, snap: Snapshot) -> list[Cue]:
        """The cues due since the previous snapshot (none while paused)."""
        cues: list[Cue] = []
        if snap.done:
            if not self._ended and snap.outcome == "completed":
                cues.append(Cue("end", "Session complete. Well done.", bell=True))
            self._ended = True
            return cues
        if snap.paused or snap.count_in_left > 0:
            return cues
        first = self._index is None
        if snap.segment_index != self._index:
            text = self._transition(snap)
            if text:
                cues.append(Cue("transition", text, bell=not first))
            elif not first:
                cues.append(Cue("transition", "", bell=True))
            self._phase = None
        if snap.countdown is not None and snap.countdown != self._countdown:
            cues.append(Cue("count", str(snap.countdown), bell=True))
        breath = snap.breath.phase if snap.breath else None
        if breath is not None and breath != self._phase and not any(c.text for c in cues):
            cues.append(Cue("breath", BREATH_WORDS[breath], bell=False))
        self._index = snap.segment_index
        self._countdown = snap.countdown
        self._phase = breath
        return cues

    def _transition(self, snap: Snapshot) -> str:
        segment, exercise = snap.segment, snap.exercise
        if segment is None or exercise is None:
            return ""
        if segment.kind == "get_ready":
            # The first exercise has no rest before it to tell you how it goes: say it here.
            if snap.segment_index == 0:
                return f"Get ready: {exercise.name}. {exercise.how[0]}"
            return f"Get ready: {exercise.name}"
        if segment.kind == "switch_side":
            return f"Switch sides. {segment.side} side next" if segment.side else "Switch sides"
        if segment.kind == "rest":
            if segment.set is not None and segment.sets is not None:
                return f"Rest. Set {segment.set + 1} of {segment.sets} next"
            upcoming = snap.next_exercise
            if upcoming is None:
                return "Rest"
            return f"Rest. Next: {upcoming.name}. {upcoming.how[0]}"
        if segment.kind == "hold":
            side = f", {segment.side} side" if segment.side else ""
            return f"Hold{side}"
        if segment.rep == 1:
            return "Begin"
        return ""
