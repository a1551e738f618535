"""A pain marked ("this hurts") is said at once, above every cue: in the browser it is an
alert, announced by the page's assertive region (issue 27)."""

from __future__ import annotations

from pathlib import Path

import pytest

from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.core.cues import PAIN_PRIORITY
from supple.system.speech import Speaker
from tests.core.test_coach import WALL


class Said(Speaker):
    def __init__(self) -> None:
        super().__init__(["fake-speech"])
        self.said: list[tuple[str, int]] = []

    def say(self, text: str, priority: int = 0) -> bool:
        self.said.append((text, priority))
        return True


@pytest.mark.parametrize(
    ("action", "then"), [("none", "carrying on"), ("eased", "eased"), ("skipped", "skipped")]
)
def test_a_pain_mark_is_said_above_every_cue(data_dir: Path, action: str, then: str) -> None:
    clock, voice = FakeClock(0.0), Said()
    coach = Coach.from_environment(clock=clock, now=lambda: WALL, data_dir=data_dir, speaker=voice)
    live = coach.start("back-pain-relief", "beginner")
    live.open()
    clock.advance(8.0)
    live.frame()
    name = live.routine.exercises[live.session.snapshot().exercise_index].name
    voice.said.clear()
    live.mark_pain(7, action)  # type: ignore[arg-type]
    assert voice.said == [(f"Pain 7 of 10 marked on {name}: {then}.", PAIN_PRIORITY)]
    coach.change_settings(voice="off")
    voice.said.clear()
    live.mark_pain(3, "none")
    assert voice.said == []  # the voice off: nothing said
