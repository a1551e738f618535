"""End to end: plain mode in a real terminal (tmux) with TERM=dumb and no command: the routines
listed, one chosen by its number, keys read one at a time (cbreak), the session to its summary,
and every byte written printable text or a newline; the record saved. Polls, bounded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest

from supple.core.plain import noise

pytestmark = pytest.mark.e2e

SRC = Path(__file__).resolve().parents[2] / "src"  # this tree's supple, not an installed one


@pytest.fixture
def tmux() -> Iterator[list[str]]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    socket = f"supple-plain-{os.getpid()}-{uuid4().hex[:8]}"  # a server of its own
    base = ["tmux", "-L", socket, "-f", "/dev/null"]
    yield base
    subprocess.run([*base, "kill-server"], capture_output=True, check=False)
    tmpdir = Path(os.environ.get("TMUX_TMPDIR") or "/tmp")
    (tmpdir / f"tmux-{os.getuid()}" / socket).unlink(missing_ok=True)


def wait_for(tmux: list[str], text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = subprocess.run(
            [*tmux, "capture-pane", "-p", "-S", "-200", "-t", "plain"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if text in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen shows:\n{shown}")


def keys(tmux: list[str], *names: str) -> None:
    subprocess.run([*tmux, "send-keys", "-t", "plain", *names], check=True)


def test_term_dumb_supple_asks_which_routine_and_plays_it_in_lines(
    tmux: list[str], tmp_path: Path
) -> None:
    data, out = tmp_path / "data", tmp_path / "out.txt"
    command = (
        f"TERM=dumb SUPPLE_TIME_SCALE=20 SUPPLE_DATA_DIR={data} "
        f"SUPPLE_CONFIG_DIR={tmp_path / 'config'} SUPPLE_SPEECH=true SUPPLE_PLAYER=true "
        f"PYTHONPATH={SRC} {sys.executable} -m supple | tee {out}; echo EXITED $?; sleep 30"
    )
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "plain", "-x", "120", "-y", "40", command], check=True
    )
    shown = wait_for(tmux, "Which one?")
    (line,) = [row for row in shown.splitlines() if "(back-pain-relief)" in row]
    keys(tmux, line.split(".")[0].strip(), "Enter")
    wait_for(tmux, "Level: 1")
    keys(tmux, "Enter")  # the level last picked
    wait_for(tmux, "Rep 1 of 5.")
    keys(tmux, "Space")  # one key, no Enter: cbreak
    wait_for(tmux, "Paused.")
    keys(tmux, "Space")
    wait_for(tmux, "How much does your back hurt now?", timeout=60)
    keys(tmux, "3", "Enter")
    wait_for(tmux, "A note")
    keys(tmux, "Enter")
    wait_for(tmux, "Easier or harder next time")
    keys(tmux, "Enter")
    wait_for(tmux, "EXITED 0")
    written = out.read_bytes().decode("utf-8")
    assert "Exercise 3 of 3: Child's Pose." in written and "Saved to your history." in written
    assert all(c == "\n" or (c.isprintable() and not noise(c)) for c in written)
    (file,) = (data / "sessions").rglob("*.toml")
    record = tomllib.loads(file.read_text())
    assert record["status"] == "completed" and record["pain_after"] == 3
    assert record["paused_seconds"] > 0


def test_a_signal_ends_the_session_saved_and_gives_the_terminal_back(
    tmux: list[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    command = (
        f"SUPPLE_TIME_SCALE=5 SUPPLE_DATA_DIR={data} SUPPLE_CONFIG_DIR={tmp_path / 'config'} "
        f"PYTHONPATH={SRC} {sys.executable} -m supple play back-pain-relief --plain; "
        "echo EXITED $?; echo STTY $(stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon') END; "
        "sleep 30"
    )
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "plain", "-x", "120", "-y", "40", command], check=True
    )
    wait_for(tmux, "Rep 2 of 5.")
    (lock,) = data.parent.glob("**/locks/*/*.lock")
    os.kill(int(lock.read_text().split()[0]), 15)  # SIGTERM, as `kill` sends it
    shown = wait_for(tmux, " END")
    assert "Stopped." in shown and "EXITED 130" in shown
    assert "STTY icanon END" in shown  # the terminal is back in line mode
    (file,) = (data / "sessions").rglob("*.toml")
    assert tomllib.loads(file.read_text())["status"] == "stopped"
