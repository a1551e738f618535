"""The audio player with a real (stand-in) player process: one sound a channel, never waiting."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from supple.core import tones
from supple.system.sound import Player, SoundBank

# A stand-in player: logs the file it was given, then "plays" for as long as asked.
FAKE = """
import sys, time, signal
log, path = sys.argv[1], sys.argv[-1]
def out(what):
    with open(log, "a") as f:
        f.write(f"{time.monotonic():.4f} {what} {path}\\n")
signal.signal(signal.SIGTERM, lambda *_: (out("cut"), sys.exit(0)))
out("start")
time.sleep(float(sys.argv[2]))
out("end")
"""


def wait_for(log: Path, count: int) -> list[list[str]]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= count:
            return [line.split() for line in lines]
        time.sleep(0.02)
    raise AssertionError(log.read_text() if log.exists() else "nothing logged")


def test_one_sound_a_channel_and_play_never_waits(tmp_path: Path) -> None:
    script = tmp_path / "fake_player.py"
    script.write_text(FAKE)
    log = tmp_path / "played.log"
    player = Player([sys.executable, str(script), str(log), "5"], SoundBank(tmp_path / "s"))
    start = time.monotonic()
    assert player.play("start")
    assert player.play("breath-in", 3.0, channel="breath")  # another channel: both play
    assert time.monotonic() - start < 0.5  # nothing waited for the sound to end
    wait_for(log, 2)
    assert player.play("tick")  # the same channel: the chime is stopped first
    events = wait_for(log, 4)
    cut = [e for e in events if e[1] == "cut"]
    assert len(cut) == 1 and cut[0][2].endswith(tones.cache_name("start"))
    player.stop()
    events = wait_for(log, 6)
    assert sorted(Path(e[2]).name for e in events if e[1] == "cut") == sorted(
        [tones.cache_name("start"), tones.cache_name("breath-in", 3.0), tones.cache_name("tick")]
    )
