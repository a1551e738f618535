"""Fault injection with real processes in a real terminal: kills, signals, Ctrl+C."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

from tests.harness import SUPPLE, Term

pytestmark = pytest.mark.faults

SCALE = 20
RESTORED = "\x1b[?1049l"  # leaving the alternate screen: the terminal is given back


def env_for(tmp: Path, **extra: str) -> dict[str, str]:
    return {
        "SUPPLE_DATA_DIR": str(tmp / "data"),
        "SUPPLE_CONFIG_DIR": str(tmp / "config"),
        "SUPPLE_TIME_SCALE": str(SCALE),
        **extra,
    }


def history(tmp: Path) -> list[dict[str, object]]:
    result = subprocess.run(
        [SUPPLE, "history", "--json"],
        capture_output=True,
        text=True,
        env=os.environ | env_for(tmp),
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def every_file_parses(data: Path) -> None:
    for path in data.rglob("*.toml"):
        tomllib.loads(path.read_text())


# 20 random moments in all, in batches that parallel workers (pytest -n) share: each batch has a
# folder and a seed of its own.
KILL_BATCHES, KILLS_PER_BATCH = 4, 5


@pytest.mark.parametrize("batch", range(KILL_BATCHES))
def test_sigkill_at_20_random_moments(tmp_path: Path, batch: int) -> None:
    rng = random.Random(20261124 + batch)
    seen: set[str] = set()
    config = tmp_path / "config"
    config.mkdir(parents=True, exist_ok=True)
    # No voice: no lead-in before the plan, whatever speech program the machine has.
    (config / "config.toml").write_text('voice = "off"\n')
    for n in range(KILLS_PER_BATCH):
        term = Term([SUPPLE, "play", "back-pain-relief"], env_for(tmp_path))
        try:
            painted = term.wait_for("GET READY")  # the session started before this...
            time.sleep(rng.uniform(0.0, 4.0))  # a random moment of the 95 s (4.75 s real)
            killed = time.perf_counter()
            os.killpg(term.pid, signal.SIGKILL)
            term.wait()
        finally:
            term.close()
        at_least = (killed - painted) * SCALE  # ...and after the process was launched
        at_most = (killed - term.started) * SCALE
        records = history(tmp_path)
        assert len(records) == n + 1, f"kill {n}: a session is missing"
        (newest,) = [r for r in records if r["path"] not in seen]
        seen.add(str(newest["path"]))
        kept = float(newest["active_seconds"])  # type: ignore[arg-type]
        # Interrupted unless it could have ended: the plan is 95 s, and the latest the clock
        # can have started is the launch (a first paint slowed by a busy machine shows "GET
        # READY" late, so the time since it is only a lower bound).
        if at_most < 95:
            assert newest["status"] == "interrupted", (n, at_least, at_most)
            assert kept >= at_least - 5.0, f"kill {n}: lost more than 5 s ({at_least}, {kept})"
            assert kept <= at_most, f"kill {n}: {kept} s kept, but only {at_most} s could pass"
    every_file_parses(tmp_path / "data")
    assert not list(tmp_path.glob("**/locks/*/*.lock"))


@pytest.mark.parametrize(
    "how", ["SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "ctrl+c"]
)
def test_signals_and_ctrl_c_stop_and_save_and_restore_the_terminal(
    tmp_path: Path, how: str
) -> None:
    term = Term([SUPPLE, "play", "back-pain-relief"], env_for(tmp_path))
    try:
        term.wait_for("Rep 2/5")
        if how == "ctrl+c":
            term.send("\x03")
        else:
            os.killpg(term.pid, getattr(signal, how))
        assert term.wait() == 0
        assert RESTORED in term.text()[-2000:]
    finally:
        term.close()
    (record,) = history(tmp_path)
    assert record["status"] == "stopped"
    assert float(record["active_seconds"]) >= 11  # type: ignore[arg-type]


def test_a_stopped_process_comes_back_paused_with_nothing_passed_over(tmp_path: Path) -> None:
    """kill -STOP, 3 s (60 s of session time at this scale), kill -CONT: the session shows
    paused and has not moved on; ended now, its record holds what was done before the stop."""
    term = Term([SUPPLE, "play", "back-pain-relief"], env_for(tmp_path))
    try:
        term.wait_for("Rep 2/5")
        os.kill(term.pid, signal.SIGSTOP)
        time.sleep(3.0)
        mark = term.mark()
        os.kill(term.pid, signal.SIGCONT)
        term.wait_for("PAUSED", after=mark, timeout=10)
        term.send("\x03")  # Ctrl+C: stop and save
        assert term.wait() == 0
    finally:
        term.close()
    (record,) = history(tmp_path)
    assert record["status"] == "stopped"
    # Rep 2 began 11 s in; without the pause the stop's 60 s would have run the session on.
    assert float(record["active_seconds"]) < 25  # type: ignore[arg-type]
    statuses = [e["status"] for e in record["exercise"]]  # type: ignore[union-attr]
    assert statuses == ["partial", "skipped", "skipped"]


def _in_a_terminal_of_its_own(tmp: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`supple play` with a pseudo-terminal as its controlling terminal, as a terminal window
    or an ssh session gives it: closing the master end is closing the window (SIGHUP)."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

    def controlling_terminal() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [SUPPLE, "play", "back-pain-relief"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=os.environ | {"TERM": "xterm-256color"} | env_for(tmp),
        preexec_fn=controlling_terminal,
        close_fds=True,
    )
    os.close(slave)
    return process, master


# 50 random moments in all, in batches that parallel workers share (a seed of each its own).
CLOSE_BATCHES, CLOSES_PER_BATCH = 5, 10


@pytest.mark.parametrize("batch", range(CLOSE_BATCHES))
def test_closing_the_terminal_at_50_random_moments_always_ends_the_app(
    tmp_path: Path, batch: int
) -> None:
    import threading

    rng = random.Random(20261125 + batch)
    for n in range(CLOSES_PER_BATCH):
        process, master = _in_a_terminal_of_its_own(tmp_path / str(n))
        seen = b""
        deadline = time.monotonic() + 30
        while b"GET READY" not in seen and time.monotonic() < deadline:
            seen += os.read(master, 65536)

        def drain(fd: int = master) -> None:
            with contextlib.suppress(OSError):
                while os.read(fd, 65536):
                    pass

        threading.Thread(target=drain, daemon=True).start()
        time.sleep(rng.uniform(0.0, 2.0))  # a random moment of the session
        os.close(master)  # the window closes
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise AssertionError(f"close {n}: still running 2 s after its terminal went") from None
        (record,) = history(tmp_path / str(n))
        assert record["status"] in ("stopped", "completed"), n
