"""Spoken cues through the first speech program found: espeak-ng, espeak, spd-say or macOS say.

Started without blocking (a child process), never talking over itself: a new cue stops the one
still speaking unless that one matters more (an instruction is not cut short by a "3").
``$SUPPLE_SPEECH`` names another command (the tests use a fake that records what it was told).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

from supple.i18n import _, lazy
from supple.system.programs import first_found
from supple.system.runner import start_detached

CANDIDATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("espeak-ng", ()),
    ("espeak", ()),
    ("spd-say", ("--wait",)),  # without --wait it returns at once and cannot be stopped
    ("say", ()),
)
_INSTALL_HINT = lazy(
    "No speech program found, so cues stay the bell. For spoken cues install espeak-ng "
    "(Debian/Ubuntu: sudo apt install espeak-ng; macOS has `say` built in)."
)


def __getattr__(name: str) -> str:
    """``INSTALL_HINT``, translated as it is read."""
    if name == "INSTALL_HINT":
        return _(_INSTALL_HINT)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# How each program is told the language (issue 28), ``{lang}`` the code ("de", "es"); English
# keeps each program's default voice, which the voice's timings were measured with.
LANGUAGE_ARGUMENTS: dict[str, tuple[str, ...]] = {
    "espeak-ng": ("-v", "{lang}"),
    "espeak": ("-v", "{lang}"),
    "spd-say": ("-l", "{lang}"),
}
# macOS `say` takes a voice, not a language: the first of these that is installed.
SAY_VOICES: dict[str, tuple[str, ...]] = {
    "de": ("Anna", "Markus", "Petra", "Yannick"),
    "es": ("Mónica", "Monica", "Jorge", "Paulina", "Juan"),
}


def find_command(
    which: Callable[[str], str | None] = shutil.which, language: str = "en"
) -> list[str] | None:
    """The command to speak with in ``language``, as a list to which the text is appended; None
    if none. ``$SUPPLE_SPEECH`` gets the language wherever it says ``{lang}``."""
    from pathlib import Path

    from supple.system.environment import value

    command = first_found("SUPPLE_SPEECH", CANDIDATES, which)
    if command is None:
        return None
    if value("SUPPLE_SPEECH") is not None:
        return [word.replace("{lang}", language) for word in command]
    if language == "en":
        return command
    name = Path(command[0]).name
    if name == "say":
        voice = _say_voice(command[0], language)
        return command if voice is None else [*command, "-v", voice]
    extra = LANGUAGE_ARGUMENTS.get(name, ())
    return [*command, *(word.replace("{lang}", language) for word in extra)]


def _say_voice(say: str, language: str) -> str | None:
    """The first of ``SAY_VOICES[language]`` that `say -v ?` lists (None: the default voice)."""
    wanted = SAY_VOICES.get(language, ())
    if not wanted:
        return None
    try:
        listed = subprocess.run(
            [say, "-v", "?"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    installed = {line.split("  ", 1)[0].strip() for line in listed.splitlines()}
    return next((voice for voice in wanted if voice in installed), None)


class Speaker:
    def __init__(self, command: list[str] | None) -> None:
        self.command = command
        self._process: subprocess.Popen[bytes] | None = None
        self._priority = -1

    @property
    def available(self) -> bool:
        return self.command is not None

    def speaking(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def say(self, text: str, priority: int = 0) -> bool:
        """Speak ``text`` unless something more important is still being said. True if spoken."""
        if self.command is None or not text:
            return False
        if self.speaking():
            if priority < self._priority:
                return False
            self.stop()
        if text.startswith("-"):  # a name like "-f/etc/passwd" must never be an option
            text = " " + text
        try:
            self._process = start_detached([*self.command, text])
        except OSError:
            self.command = None  # it vanished or cannot run: fall back to the bell
            return False
        self._priority = priority
        return True

    def stop(self) -> None:
        process = self._process
        self._process = None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                process.kill()
