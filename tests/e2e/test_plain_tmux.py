"""End to end: plain mode in a real terminal (tmux) with TERM=dumb and no command: the routines
listed, one chosen by its number, keys read one at a time (cbreak), the session to its summary,
and every byte written printable text or a newline; the record saved. Polls, bounded."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pytest

from supple.core.plain import noise
from tests.e2e.conftest import Tmux

pytestmark = pytest.mark.e2e

SRC = Path(__file__).resolve().parents[2] / "src"  # this tree's supple, not an installed one


def test_term_dumb_supple_asks_which_routine_and_plays_it_in_lines(
    tmux: Tmux, tmp_path: Path
) -> None:
    data, out = tmp_path / "data", tmp_path / "out.txt"
    command = (
        f"TERM=dumb SUPPLE_TIME_SCALE=20 SUPPLE_DATA_DIR={data} "
        f"SUPPLE_CONFIG_DIR={tmp_path / 'config'} SUPPLE_SPEECH=true SUPPLE_PLAYER=true "
        f"PYTHONPATH={SRC} {sys.executable} -m supple | tee {out}; echo EXITED $?; sleep 30"
    )
    tmux.start(command, size=(120, 40), scrollback=200)
    shown = tmux.wait_for("Which one?")
    (line,) = [row for row in shown.splitlines() if "(back-pain-relief)" in row]
    tmux.keys(line.split(".")[0].strip(), "Enter")
    tmux.wait_for("Level: 1")
    tmux.keys("Enter")  # the level last picked
    tmux.wait_for("Rep 1 of 5.")
    tmux.keys("Space")  # one key, no Enter: cbreak
    tmux.wait_for("Paused.")
    tmux.keys("Space")
    tmux.wait_for("How much does your back hurt now?", timeout=60)
    tmux.keys("3", "Enter")
    tmux.wait_for("A note")
    tmux.keys("Enter")
    tmux.wait_for("Easier or harder next time")
    tmux.keys("Enter")
    tmux.wait_for("EXITED 0")
    written = out.read_bytes().decode("utf-8")
    assert "Exercise 3 of 3: Child's Pose." in written and "Saved to your history." in written
    assert all(c == "\n" or (c.isprintable() and not noise(c)) for c in written)
    (file,) = (data / "sessions").rglob("*.toml")
    record = tomllib.loads(file.read_text())
    assert record["status"] == "completed" and record["pain_after"] == 3
    assert record["paused_seconds"] > 0


def test_a_signal_ends_the_session_saved_and_gives_the_terminal_back(
    tmux: Tmux, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    command = (
        f"SUPPLE_TIME_SCALE=5 SUPPLE_DATA_DIR={data} SUPPLE_CONFIG_DIR={tmp_path / 'config'} "
        f"PYTHONPATH={SRC} {sys.executable} -m supple play back-pain-relief --plain; "
        "echo EXITED $?; echo STTY $(stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon') END; "
        "sleep 30"
    )
    tmux.start(command, size=(120, 40), scrollback=200)
    tmux.wait_for("Rep 2 of 5.")
    (lock,) = data.parent.glob("**/locks/*/*.lock")
    os.kill(int(lock.read_text().split()[0]), 15)  # SIGTERM, as `kill` sends it
    shown = tmux.wait_for(" END")
    assert "Stopped." in shown and "EXITED 130" in shown
    assert "STTY icanon END" in shown  # the terminal is back in line mode
    (file,) = (data / "sessions").rglob("*.toml")
    assert tomllib.loads(file.read_text())["status"] == "stopped"
