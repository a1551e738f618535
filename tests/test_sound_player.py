"""The audio player: which program, the files made once, one sound a channel, never waiting."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from supple.core import tones
from supple.system.sound import Player, SoundBank, find_player


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


def test_a_missing_player_falls_back_quietly(tmp_path: Path) -> None:
    player = Player([str(tmp_path / "no-such-player")], SoundBank(tmp_path / "s"))
    assert player.available and not player.play("start") and not player.available
    assert not Player(None, SoundBank(tmp_path)).play("start")
