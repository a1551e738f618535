"""Issue 24, class 6 (R2's item 4): every signal whose default action ends the process
(``ENDING_SIGNALS``, computed from this system's signals: PWR, XCPU, VTALRM, IO, the real-time
ones...) saves the running session as stopped and gives the terminal back, in the app and in plain
mode. Real processes in pseudo-terminals, one per signal; the set is large (47 on Linux), so each
test runs a batch of them at once, and pytest's workers share the batches."""

from __future__ import annotations

import os
import signal
import tomllib
from pathlib import Path

import pytest

from supple.system.signals import ENDING_SIGNALS, LEFT_ALONE, NOT_ENDING, signal_name
from tests.harness import SUPPLE, Term

pytestmark = pytest.mark.faults

# Slow enough that a batch started at once on a busy machine is still mid-session when signalled
# (the 95 s session lasts 24 s here), fast enough that Rep 2 comes within 3 s of the start.
SCALE = 4
RESTORED = "\x1b[?1049l"  # leaving the alternate screen: the terminal is given back
MOUSE_OFF = "\x1b[?1000l"


def batches(size: int) -> list[tuple[int, ...]]:
    return [ENDING_SIGNALS[i : i + size] for i in range(0, len(ENDING_SIGNALS), size)]


def batch_id(batch: tuple[int, ...]) -> str:
    return f"{signal_name(batch[0])}..{signal_name(batch[-1])}"


def env_for(tmp: Path) -> dict[str, str]:
    config = tmp / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text('voice = "off"\n')  # no lead-in, whatever speaks
    return {
        "SUPPLE_DATA_DIR": str(tmp / "data"),
        "SUPPLE_CONFIG_DIR": str(config),
        "SUPPLE_TIME_SCALE": str(SCALE),
    }


def the_record(tmp: Path) -> dict[str, object]:
    (path,) = (tmp / "data" / "sessions").rglob("*.toml")
    return tomllib.loads(path.read_text())


def child_pid(term: Term) -> int:
    """The supple process the shell of ``term`` runs."""
    (pid,) = Path(f"/proc/{term.pid}/task/{term.pid}/children").read_text().split()
    return int(pid)


def test_the_set_is_every_ending_signal_of_this_system() -> None:
    names = {signal_name(s) for s in ENDING_SIGNALS}
    # The seven and those R2 found leaving the terminal broken are all in it.
    for name in ("HUP", "INT", "QUIT", "TERM", "USR1", "USR2", "ALRM", "PWR", "VTALRM", "XCPU"):
        assert f"SIG{name}" in names or not hasattr(signal, f"SIG{name}")
    for name in ("IO", "PROF", "STKFLT", "SYS", "TRAP", "ABRT", "RTMIN", "RTMAX"):
        assert f"SIG{name}" in names or not hasattr(signal, f"SIG{name}")
    assert not names & (NOT_ENDING | LEFT_ALONE)
    every = {signal_name(int(s)) for s in signal.valid_signals()}
    assert every == names | (every & (NOT_ENDING | LEFT_ALONE))  # nothing else left out


@pytest.mark.parametrize("batch", batches(8), ids=batch_id)
def test_the_app_saves_and_restores_on_every_ending_signal(
    tmp_path: Path, batch: tuple[int, ...]
) -> None:
    runs = []
    try:
        for sig in batch:  # all at once: each its own folder and terminal
            tmp = tmp_path / signal_name(sig)
            runs.append((sig, tmp, Term([SUPPLE, "play", "back-pain-relief"], env_for(tmp))))
        for sig, _tmp, term in runs:
            term.wait_for("Rep 2/5", timeout=60)
            os.kill(term.pid, sig)
        for sig, tmp, term in runs:
            name = signal_name(sig)
            assert term.wait(timeout=30) == 0, name
            tail = term.text()[-3000:]
            assert RESTORED in tail and MOUSE_OFF in tail, name
            record = the_record(tmp)
            assert record["status"] == "stopped", (name, record["status"])
    finally:
        for _sig, _tmp, term in runs:
            term.close()


@pytest.mark.parametrize("batch", batches(12), ids=batch_id)
def test_plain_mode_saves_and_restores_on_every_ending_signal(
    tmp_path: Path, batch: tuple[int, ...]
) -> None:
    # After supple, the shell says its exit code and whether the terminal is in line mode again.
    after = "echo EXITED $?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; echo END"
    runs = []
    try:
        for sig in batch:
            tmp = tmp_path / signal_name(sig)
            command = f"{SUPPLE} play back-pain-relief --plain; {after}"
            runs.append((sig, tmp, Term(["sh", "-c", command], env_for(tmp))))
        for sig, _tmp, term in runs:
            term.wait_for("Rep 2 of 5.", timeout=60)
            os.kill(child_pid(term), sig)
        for sig, tmp, term in runs:
            name = signal_name(sig)
            term.wait_for("END", timeout=30)
            shown = term.text()
            assert "EXITED 130" in shown, (name, shown[-500:])
            assert "\nicanon" in shown.replace("\r", ""), (name, shown[-500:])
            assert the_record(tmp)["status"] == "stopped", name
    finally:
        for _sig, _tmp, term in runs:
            term.close()
