"""Issue 24: one rule for the app and plain mode — a session that has not begun leaves no
record. It begins when its clock starts (``LiveSession.open``: the player shows, plain mode's
first line of the session); ended before that (Ctrl+C, any signal that ends supple, the end of
input) at the check-in before it, nothing of it is written, in the app as in plain mode. Ended
once begun, a second later, it is saved as stopped, in both."""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from supple.cli import plain_terminal
from supple.cli.plain_terminal import Ended, run_plain
from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.core.value import replace
from supple.tui.screens.feeling import FeelingScreen
from supple.tui.screens.player import PlayerScreen
from tests.fake_outputs import FakePlayer
from tests.tui.conftest import WALL, RecordingSpeaker, advance, build_app

pytestmark = pytest.mark.faults


def assert_left(data_dir: Path, begun: bool) -> None:
    """Nothing, or (begun, pain 3 before it) one session saved as stopped."""
    saved = [tomllib.loads(p.read_text()) for p in (data_dir / "sessions").rglob("*.toml")]
    if not begun:
        assert saved == []
    else:
        (record,) = saved
        assert record["status"] == "stopped" and record["pain_before"] == 3


# The ways the app ends: Ctrl+C and Ctrl+Q (the quit binding), and any ending signal.
ENDINGS = ["ctrl+c", "ctrl+q", "signal"]


@pytest.mark.parametrize("begun", [False, True], ids=["at-the-check-in", "a-second-in"])
@pytest.mark.parametrize("how", ENDINGS)
async def test_the_app_writes_a_session_only_once_it_began(
    data_dir: Path, how: str, begun: bool
) -> None:
    app = build_app(data_dir)
    app.coach.config = replace(app.coach.config, check_in_before=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the highlighted routine: the check-in before it opens
        await pilot.pause()
        assert isinstance(app.screen, FeelingScreen)
        if begun:
            await pilot.press("3", "enter")
            await pilot.pause()
            assert isinstance(app.screen, PlayerScreen)
            advance(app, 1.0)
        if how == "signal":
            app.save_and_exit()
        else:
            await pilot.press(how)
        await pilot.pause()
    assert app.return_code == 0
    assert_left(data_dir, begun)


class Asked:
    """Plain mode's keyboard: ``answers`` to its questions, then ``how`` (raised)."""

    def __init__(self, clock: FakeClock, answers: list[str], how: type[BaseException]) -> None:
        self.clock, self.answers, self.how = clock, list(answers), how

    def line(self) -> str:
        if self.answers:
            return self.answers.pop(0)
        raise self.how

    def key(self, timeout: float | None) -> str | None:
        if self.answers:
            return self.answers.pop(0)
        self.clock.advance(1.0)  # a second of the session, then the ending
        raise self.how


@pytest.mark.parametrize("begun", [False, True], ids=["at-the-check-in", "a-second-in"])
@pytest.mark.parametrize("how", [Ended, KeyboardInterrupt, EOFError])
def test_plain_mode_writes_a_session_only_once_it_began(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    how: type[BaseException],
    begun: bool,
) -> None:
    clock = FakeClock(1000.0)
    coach = Coach.from_environment(
        clock=clock,
        now=lambda: WALL,
        data_dir=data_dir,
        speaker=RecordingSpeaker(available=False),
        player=FakePlayer(clock.now, available=False),
    )
    coach.config = replace(coach.config, check_in_before=True)

    @contextlib.contextmanager
    def terminal(_live: object) -> Iterator[Asked]:
        yield Asked(clock, ["3"] if begun else [], how)

    monkeypatch.setattr(plain_terminal, "terminal", terminal)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C at a question: "no answer" (130)
        run_plain(coach, "back-pain-relief", "beginner")
    assert_left(data_dir, begun)
    assert "Traceback" not in capsys.readouterr().err
