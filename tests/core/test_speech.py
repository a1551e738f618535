"""Choosing a speech program, speaking without blocking, never over itself."""

from __future__ import annotations

import pytest

from supple.system.speech import find_command


def test_the_first_program_found_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUPPLE_SPEECH", raising=False)
    have = {"espeak": "/usr/bin/espeak", "spd-say": "/usr/bin/spd-say", "say": "/usr/bin/say"}
    assert find_command(have.get) == ["/usr/bin/espeak"]
    del have["espeak"]
    assert find_command(have.get) == ["/usr/bin/spd-say", "--wait"]
    assert find_command({}.get) is None
    monkeypatch.setenv("SUPPLE_SPEECH", "my-tts --fast")
    assert find_command(have.get) == ["my-tts", "--fast"]
