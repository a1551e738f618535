"""Choosing a speech program, speaking without blocking, never over itself."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize(
    ("found", "language", "command"),
    [
        ("espeak-ng", "de", ["/usr/bin/espeak-ng", "-v", "de"]),
        ("espeak", "es", ["/usr/bin/espeak", "-v", "es"]),
        ("spd-say", "es", ["/usr/bin/spd-say", "--wait", "-l", "es"]),
        ("espeak-ng", "en", ["/usr/bin/espeak-ng"]),  # English: the default voice, as measured
    ],
)
def test_each_program_is_told_the_language(
    monkeypatch: pytest.MonkeyPatch, found: str, language: str, command: list[str]
) -> None:
    monkeypatch.delenv("SUPPLE_SPEECH", raising=False)
    assert find_command({found: f"/usr/bin/{found}"}.get, language) == command


def test_supple_speech_gets_the_language_where_it_says_lang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUPPLE_SPEECH", "piper --voice {lang}-voice")
    assert find_command({}.get, "es") == ["piper", "--voice", "es-voice"]
    monkeypatch.setenv("SUPPLE_SPEECH", "my-tts")
    assert find_command({}.get, "de") == ["my-tts"]


def test_say_gets_an_installed_voice_for_the_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SUPPLE_SPEECH", raising=False)
    say = tmp_path / "say"  # lists its voices as macOS's does
    say.write_text(
        "#!/bin/sh\n"
        "printf 'Alex                en_US    # Hi\\nMonica              es_ES    # Hola\\n'\n"
    )
    say.chmod(0o755)
    assert find_command({"say": str(say)}.get, "es") == [str(say), "-v", "Monica"]
    assert find_command({"say": str(say)}.get, "de") == [str(say)]  # none: the default voice
