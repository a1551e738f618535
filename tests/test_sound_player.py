"""The audio player: which program, the files made once, one sound a channel, never waiting."""

from __future__ import annotations

import sys
import time
import wave
from pathlib import Path

import pytest

from supple.core import tones
from supple.sound import Player, SoundBank, find_player

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


def test_the_first_player_found_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUPPLE_PLAYER", raising=False)
    have = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay", "afplay": "/usr/bin/afplay"}
    assert find_player(have.get) == ["/usr/bin/paplay"]
    assert find_player({"pw-play": "/usr/bin/pw-play", **have}.get) == ["/usr/bin/pw-play"]
    assert find_player({"aplay": "/usr/bin/aplay"}.get) == ["/usr/bin/aplay", "-q"]
    assert find_player({}.get) is None
    monkeypatch.setenv("SUPPLE_PLAYER", "my-player --quiet")
    assert find_player(have.get) == ["my-player", "--quiet"]


def test_the_bank_makes_each_file_once(tmp_path: Path) -> None:
    bank = SoundBank(tmp_path / "sounds")
    path = bank.path("breath-in", 3.0)
    assert path.name == tones.cache_name("breath-in", 3.0)
    with wave.open(str(path)) as wav:
        assert wav.getnframes() == round(3.0 * tones.RATE)
    made = path.stat().st_mtime_ns
    assert bank.path("breath-in", 3.0).stat().st_mtime_ns == made
    with pytest.raises(ValueError):
        bank.path("no-such-sound")


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


def test_a_missing_player_falls_back_quietly(tmp_path: Path) -> None:
    player = Player([str(tmp_path / "no-such-player")], SoundBank(tmp_path / "s"))
    assert player.available and not player.play("start") and not player.available
    assert not Player(None, SoundBank(tmp_path)).play("start")
