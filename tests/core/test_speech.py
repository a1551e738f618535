"""Choosing a speech program, speaking without blocking, never over itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from supple.speech import Speaker, find_command


def test_the_first_program_found_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUPPLE_SPEECH", raising=False)
    have = {"espeak": "/usr/bin/espeak", "spd-say": "/usr/bin/spd-say", "say": "/usr/bin/say"}
    assert find_command(have.get) == ["/usr/bin/espeak"]
    del have["espeak"]
    assert find_command(have.get) == ["/usr/bin/spd-say", "--wait"]
    assert find_command({}.get) is None
    monkeypatch.setenv("SUPPLE_SPEECH", "my-tts --fast")
    assert find_command(have.get) == ["my-tts", "--fast"]


def test_a_text_is_never_read_as_an_option(tmp_path: Path) -> None:
    """An exercise named "-f/etc/passwd" must not make espeak-ng read that file aloud."""
    import sys
    import time

    log = tmp_path / "argv.txt"
    script = f"import sys; open({str(log)!r}, 'w').write(repr(sys.argv[1:]))"
    speaker = Speaker([sys.executable, "-c", script])
    assert speaker.say("-f/etc/passwd", priority=2)
    deadline = time.monotonic() + 10
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert log.read_text() == repr([" -f/etc/passwd"])
