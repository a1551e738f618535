"""End to end: the installed `supple` console script in a real terminal (tmux), sped up with
SUPPLE_TIME_SCALE, played by keys; then the saved TOML is checked. Polls the screen, bounded."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.e2e.conftest import Tmux

SUPPLE = Path(sys.executable).parent / "supple"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not SUPPLE.exists(), reason=f"no installed console script at {SUPPLE}"),
]


def test_whole_back_pain_relief_session_is_saved(tmux: Tmux, tmp_path: Path) -> None:
    data = tmp_path / "data"
    command = (
        f"SUPPLE_TIME_SCALE=20 SUPPLE_DATA_DIR={data} SUPPLE_CONFIG_DIR={tmp_path / 'config'} "
        f"TERM=xterm-256color {SUPPLE}"
    )
    tmux.start(command)
    tmux.wait_for("1 min 35 s")  # the preview, full or compact (a short terminal)
    tmux.keys("Enter")
    tmux.wait_for("Cat-Cow")
    tmux.keys("Space")
    tmux.wait_for("PAUSED")
    tmux.keys("Space")
    tmux.wait_for("How much does your back hurt", timeout=60)
    tmux.keys("8", "Enter")
    shown = tmux.wait_for("Session complete")
    # the line may wrap (a slow machine pauses longer, and "paused 15 s" is longer than "5 s")
    assert "3/3 exercises done" in " ".join(shown.split())
    files = sorted((data / "sessions").rglob("*.toml"))
    assert len(files) == 1
    record = tomllib.loads(files[0].read_text())
    assert record["status"] == "completed" and record["routine"] == "back-pain-relief"
    assert record["active_seconds"] == 95
    assert [e["status"] for e in record["exercise"]] == ["done", "done", "done"]
    assert record["pain_after"] == 8
    tmux.keys("Enter")
    tmux.wait_for("Routines")
    tmux.keys("q")
    tmux.wait_until(lambda shown: "Routines" not in shown, "the app's end", timeout=10)


def start_play(tmux: Tmux, tmp_path: Path, scale: int) -> Path:
    data = tmp_path / "data"
    command = (
        f"SUPPLE_TIME_SCALE={scale} SUPPLE_DATA_DIR={data} "
        f"SUPPLE_CONFIG_DIR={tmp_path / 'config'} TERM=xterm-256color "
        f"{SUPPLE} play back-pain-relief; echo EXITED $?; sleep 30"
    )
    tmux.start(command)
    tmux.wait_for("Rep 2/5")
    return data


def app_pid(data: Path) -> int:
    (lock,) = data.parent.glob("**/locks/*/*.lock")  # the state folder, by machine
    return int(lock.read_text().split()[0])


def history_json(data: Path) -> tuple[list[dict[str, object]], str]:
    import json
    import os

    result = subprocess.run(
        [str(SUPPLE), "history", "--json"],
        capture_output=True,
        text=True,
        env=os.environ | {"SUPPLE_DATA_DIR": str(data)},
        check=True,
    )
    return json.loads(result.stdout), result.stderr


def test_sigkill_mid_session_leaves_an_interrupted_record(tmux: Tmux, tmp_path: Path) -> None:
    import os
    import signal

    data = start_play(tmux, tmp_path, scale=4)
    os.kill(app_pid(data), signal.SIGKILL)
    tmux.wait_for("EXITED 137")
    (record,), err = history_json(data)
    assert record["status"] == "interrupted"
    assert "recovered an interrupted session" in err
    # Killed during rep 2 (5 s get-ready + 6 s rep 1 + part of rep 2): at most 2 s lost.
    assert 11.0 <= float(record["active_seconds"]) <= 17.0  # type: ignore[arg-type]
    assert not list(data.parent.glob("**/locks/*/*.lock"))


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_save_a_stopped_record(tmux: Tmux, tmp_path: Path, name: str) -> None:
    import os
    import signal

    data = start_play(tmux, tmp_path, scale=4)
    os.kill(app_pid(data), getattr(signal, name))
    shown = tmux.wait_for("EXITED")
    assert "EXITED 0" in shown
    assert "\x1b" not in shown and "Rep" not in shown  # the app's screen is gone: restored
    (record,), _ = history_json(data)
    assert record["status"] == "stopped"
    assert float(record["active_seconds"]) >= 11.0  # type: ignore[arg-type]


def test_program_workout_one_and_baseline_tests(
    tmux: Tmux, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from supple.cli import main

    # The commands in this process (the same folders: tests/conftest.py's, which the terminal
    # inherits); the workout in the real terminal.
    data, config = Path(os.environ["SUPPLE_DATA_DIR"]), Path(os.environ["SUPPLE_CONFIG_DIR"])

    def cli(*args: str) -> str:
        assert main(list(args)) == 0
        return capsys.readouterr().out

    assert "Started" in cli("program", "start")
    command = (
        f"SUPPLE_TIME_SCALE=100 SUPPLE_DATA_DIR={data} SUPPLE_CONFIG_DIR={config} "
        f"TERM=xterm-256color {SUPPLE}"
    )
    tmux.start(command)
    tmux.wait_for("Routines")
    tmux.keys("p")
    tmux.wait_for("Workout 1 · week 1")
    tmux.keys("Enter")
    tmux.wait_for("How much does your back hurt", timeout=60)
    tmux.keys("Escape")
    tmux.wait_for("Session complete")
    tmux.keys("Enter")
    tmux.wait_for("1/18 workouts done")
    for test, value in [
        ("toe-touch", "15"),
        ("thomas-gap", "7"),
        ("press-up", "19"),
        ("superman-hold", "31"),
        ("bridge-hold", "48"),
    ]:
        cli("test", "record", test, value)
    status = json.loads(cli("program", "--json"))
    assert status["done"] == 1 and status["next"]["number"] == 2
    assert [t["start"] for t in status["tests"]] == [15, 7, 19, 31, 48]


def test_a_whole_session_with_voice_cues_in_order_never_late_or_overlapping(
    tmux: Tmux, tmp_path: Path
) -> None:
    fake = Path(__file__).with_name("fake_speech.py")
    log = tmp_path / "said.log"
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text('voice = "transitions"\ncheck_in_after = false\n')
    scale = 4
    command = (
        f"SUPPLE_TIME_SCALE={scale} SUPPLE_DATA_DIR={tmp_path / 'data'} "
        f"SUPPLE_CONFIG_DIR={config} SUPPLE_SPEECH='{sys.executable} {fake} {log}' "
        f"TERM=xterm-256color {SUPPLE} play back-pain-relief"
    )
    tmux.start(command)
    tmux.wait_for("Session complete", timeout=60)
    deadline = time.monotonic() + 5
    while "Session complete" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    events = [line.split("\t") for line in log.read_text().splitlines()]
    starts = [(float(t), text) for t, kind, text in events if kind == "start"]
    said = [text for _, text in starts]
    # The first step does not fit in the get-ready before its 3-2-1: a lead-in says it first.
    assert said[0].startswith("Cat-Cow. Kneel on all fours")
    assert said[-1] == "Session complete. Well done."
    expected = [
        "Get ready: Cat-Cow",
        "Begin",
        "Rest. Next: Sphinx.",
        "Get ready: Sphinx",
        "Hold",
        "Rest. Next: Child's Pose.",
        "Child's Pose",  # "Get ready: Child's Pose" is too long for the 2 s before the 3-2-1
        "Hold",
    ]
    found = iter(said)
    for words in expected:  # in this order (counts may sit between them)
        assert any(text.startswith(words) for text in found), (words, said)
    # Never two voices at once: each start comes after the previous one ended or was cut.
    last_stop = 0.0
    for t, kind, _ in ((float(t), k, x) for t, k, x in events):
        if kind == "start":
            assert t >= last_stop - 1e-3
            last_stop = float("inf")
        else:
            last_stop = t
    # None late: each transition within one frame (0.1 s) plus start-up of its planned moment.
    t0 = starts[0][0]  # the lead-in, 7 s of the session's clock before the plan's 0
    lead = 7
    planned = {"Get ready: Sphinx": lead + 45, "Child's Pose": lead + 75, "Session": lead + 95}
    for words, at in planned.items():
        when = next(t for t, text in starts if text.startswith(words))
        assert abs((when - t0) - at / scale) < 0.35, (words, when - t0, at / scale)
