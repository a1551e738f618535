"""A real terminal for the end-to-end tests: a tmux server of its own per test, one window in it,
its screen read, waited on (bounded) and typed into."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

import pytest


class Tmux:
    """A tmux server on a socket of its own, with at most one window: ``app``."""

    def __init__(self, socket: str) -> None:
        self.socket = socket
        self.base = ["tmux", "-L", socket, "-f", "/dev/null"]
        self.scrollback = 0

    def start(self, command: str, size: tuple[int, int] = (100, 30), scrollback: int = 0) -> None:
        """``command`` (a shell line) in the window, held at ``size`` whatever the server's
        default (a window may open at 80 × 24); ``scrollback``: lines scrolled off the top read
        with the screen (plain mode writes lines)."""
        self.scrollback = scrollback
        width, height = (str(n) for n in size)
        run = [*self.base, "new-session", "-d", "-s", "app", "-x", width, "-y", height, command]
        subprocess.run(run, check=True)
        subprocess.run([*self.base, "resize-window", "-t", "app", "-x", width, "-y", height])

    def screen(self) -> str:
        above = ["-S", f"-{self.scrollback}"] if self.scrollback else []
        capture = [*self.base, "capture-pane", "-p", *above, "-t", "app"]
        return subprocess.run(capture, capture_output=True, text=True, check=False).stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """The screen once ``text`` shows on it (wrapped lines joined: a sentence may wrap)."""
        return self.wait_until(lambda shown: text in shown, repr(text), timeout)

    def wait_until(self, done: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        """The screen once ``done`` holds for it, its rows joined by single spaces (a line
        wrapped at the edge reads whole), or the screen in the failure."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if done(shown) or done(" ".join(shown.split())):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} never appeared; the screen shows:\n{shown}")
            time.sleep(0.05)

    def keys(self, *names: str) -> None:
        subprocess.run([*self.base, "send-keys", "-t", "app", *names], check=True)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    # A socket of its own per test and per run: two pytest runs on one machine (tmp_path names
    # repeat between runs) must never share a server, or new-session fails with "duplicate
    # session".
    terminal = Tmux(f"supple-e2e-{os.getpid()}-{uuid4().hex[:8]}")
    yield terminal
    subprocess.run([*terminal.base, "kill-server"], capture_output=True, check=False)
    # kill-server leaves the socket file behind; names are unique, so remove it too.
    tmpdir = Path(os.environ.get("TMUX_TMPDIR") or "/tmp")
    (tmpdir / f"tmux-{os.getuid()}" / terminal.socket).unlink(missing_ok=True)
