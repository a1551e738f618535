"""Apps for Pilot and snapshot tests: a fake clock, a fixed wall clock, a temporary data folder."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from supple import paths
from supple.core.clock import FakeClock
from supple.core.history import HistoryStore
from supple.core.routine import load_catalog
from supple.speech import Speaker
from supple.tui.app import SuppleApp, make_app
from tests.fakes import fake_program, fake_week

WALL = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


class RecordingSpeaker(Speaker):
    """A voice that only writes down what it was asked to say."""

    def __init__(self) -> None:
        super().__init__(["fake-speech"])
        self.said: list[tuple[str, int]] = []

    def say(self, text: str, priority: int = 0) -> bool:
        self.said.append((text, priority))
        return True


def build_app(
    data_dir: Path,
    start: tuple[str, str] | None = None,
    *,
    history: bool = False,
    program: int = 0,
) -> SuppleApp:
    if program:
        fake_program(data_dir, WALL, points=program)
    if history:
        fake_week(HistoryStore(data_dir, token=iter(f"{n:06x}" for n in range(99)).__next__), WALL)
    return make_app(
        load_catalog(paths.routine_folders()),
        clock=FakeClock(1000.0),
        now=lambda: WALL,
        data_dir=data_dir,
        start=start,
        speaker=RecordingSpeaker(),
    )


def advance(app: SuppleApp, seconds: float) -> None:
    """Move the fake clock and draw a frame, as the frame timer would."""
    assert hasattr(app.clock, "advance")
    app.clock.advance(seconds)
    tick = getattr(app.screen, "tick", None)  # the player's and the stopwatch's frame
    if tick is not None:
        tick()
