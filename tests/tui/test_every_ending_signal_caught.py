"""Issue 24, class 6: every signal of ``ENDING_SIGNALS`` (47 on Linux) reaches the one handler
that saves the session as stopped and gives the terminal back — sent for real to this process,
each in turn, to the app in the pilot and to plain mode's terminal. That the handler then does
its work in a real terminal is tested with real processes for a sample of the set
(tests/e2e/test_every_ending_signal.py)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from supple.cli.plain_terminal import Ended, terminal
from supple.system.signals import ENDING_SIGNALS, signal_name
from tests.tui.conftest import advance, build_app


async def test_every_ending_signal_reaches_the_apps_save_and_exit(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    caught: list[int] = []
    sent: list[int] = []
    app.save_and_exit = lambda: caught.append(sent[-1])  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        advance(app, 12.0)
        await pilot.pause()
        for sig in ENDING_SIGNALS:
            sent.append(sig)
            os.kill(os.getpid(), sig)
            for _ in range(20):
                await pilot.pause()
                if len(caught) == len(sent):
                    break
            assert caught == sent, signal_name(sig)
        del app.save_and_exit  # the real one: the session saved as stopped, the app left
        app.save_and_exit()
        await pilot.pause()
    assert caught == list(ENDING_SIGNALS)


def test_every_ending_signal_ends_plain_modes_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = os.pipe()
    try:
        monkeypatch.setattr("sys.stdin", os.fdopen(read, closefd=False))
        before = {sig: signal.getsignal(sig) for sig in ENDING_SIGNALS}
        for sig in ENDING_SIGNALS:
            if sig == signal.SIGINT:  # Ctrl+C: Python's KeyboardInterrupt, which plain mode reads
                continue
            with pytest.raises(Ended) as ended, terminal(None):
                os.kill(os.getpid(), sig)
            assert ended.value.args == (sig,), signal_name(sig)
        assert {sig: signal.getsignal(sig) for sig in ENDING_SIGNALS} == before  # put back
    finally:
        os.close(read)
        os.close(write)
