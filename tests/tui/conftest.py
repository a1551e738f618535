"""Apps for Pilot and snapshot tests: a fake clock, a fixed wall clock, a temporary data folder."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from supple.core.clock import FakeClock
from supple.core.history import HistoryStore
from supple.core.routine import load_catalog
from supple.system import paths
from supple.system.speech import Speaker
from supple.tui.app import SuppleApp, make_app
from tests.fake_outputs import FakePlayer
from tests.fakes import fake_program, fake_week

WALL = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


class RecordingSpeaker(Speaker):
    """A voice that only writes down what it was asked to say. Unavailable (a machine with no
    speech program) unless asked: then a session starts with its lead-in."""

    def __init__(self, available: bool = True) -> None:
        super().__init__(["fake-speech"] if available else None)
        self.said: list[tuple[str, int]] = []

    def say(self, text: str, priority: int = 0) -> bool:
        if self.command is None:
            return False
        self.said.append((text, priority))
        return True


class Bell:
    """Stands in for the terminal bell: counts how often the app rang it."""

    def __init__(self) -> None:
        self.rung = 0

    def __call__(self) -> None:
        self.rung += 1


def bells(app: SuppleApp) -> int:
    bell = app.bell
    assert isinstance(bell, Bell)
    return bell.rung


# The machine tag in the names of the session files tests write (snapshots show the names, so
# they are the same on every machine; the tag's own rule: tests/core/test_sync.py).
TEST_MACHINE = "7e57a9e5"


def build_app(
    data_dir: Path,
    start: tuple[str, str] | None = None,
    *,
    history: bool = False,
    program: int = 0,
    store: HistoryStore | None = None,
    speaker: RecordingSpeaker | None = None,
    player: FakePlayer | None = None,
    screened: bool = False,
    pain: bool = False,
    yesterday: bool = False,
) -> SuppleApp:
    """The app on a fake clock. No voice and no audio player unless given (so the bell rings
    and a session starts at once, with no lead-in for the first instruction); ``screened``: the
    safety screening already answered, so starting the program starts it at once."""
    if program:
        fake_program(data_dir, WALL, points=program)
    if yesterday:  # one session yesterday evening that hurt: 4 before, 7 after
        from tests.fakes import make_session_record

        at = (WALL - timedelta(days=1)).replace(hour=19, minute=5, second=0)
        past = HistoryStore(data_dir, token=lambda: "1e57e4", machine=TEST_MACHINE)
        past.save(
            make_session_record(at, pain_before=4, pain_after=7),
            past.path_for("back-pain-relief", at),
        )
    if screened:  # the safety screening answered with no warning sign (asked before a program)
        from supple.core import screening

        back = screening.answered(frozenset(), 2, WALL, None, screening.LOW_BACK)
        both = screening.answered(frozenset(), 2, WALL, back, screening.OVERHEAD)
        screening.save(data_dir, both)  # each program's questions
    if history:
        tokens = iter(f"{n:06x}" for n in range(99)).__next__
        fake_week(HistoryStore(data_dir, token=tokens, machine=TEST_MACHINE), WALL, pain=pain)
    clock = FakeClock(1000.0)
    app = make_app(
        load_catalog(paths.routine_folders()),
        clock=clock,
        now=lambda: WALL,
        data_dir=data_dir,
        start=start,
        speaker=speaker if speaker is not None else RecordingSpeaker(available=False),
        player=player if player is not None else FakePlayer(clock.now, available=False),
        store=store,
    )
    app.bell = Bell()  # type: ignore[method-assign]
    return app


def advance(app: SuppleApp, seconds: float) -> None:
    """Move the fake clock and draw a frame, as the frame timer would."""
    clock = app.coach.clock
    assert isinstance(clock, FakeClock)
    clock.advance(seconds)
    tick = getattr(app.screen, "tick", None)  # the player's and the stopwatch's frame
    if tick is not None:
        tick()
