"""supple's tones through the first audio player found: pw-play, paplay, aplay or macOS afplay.

The sounds are synthesised by ``supple.core.tones`` into WAV files in the cache folder (once; a
new version of a sound gets a new name). Each plays in a child process of its own, started
without waiting, one at a time on each channel (a cue's tone, the breath's tone): a new sound on a
channel stops the one still playing there, so nothing piles up however fast the cues come.
``$SUPPLE_PLAYER`` names another command (the tests use a fake that records what it was told).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from supple.i18n import _, lazy
from supple.system.programs import first_found
from supple.system.runner import start_detached

CANDIDATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pw-play", ()),  # PipeWire, most desktops since 2021
    ("paplay", ()),  # PulseAudio, and PipeWire's PulseAudio service
    ("aplay", ("-q",)),  # ALSA alone
    ("afplay", ()),  # macOS
)
KILL_AFTER = 1.0  # seconds a player has to stop when told before it is killed
# Read translated as ``INSTALL_HINT`` and ``BREATH_HINT`` (``__getattr__``).
_HINTS = {
    "INSTALL_HINT": lazy(
        "No audio player found, so tones are the bell: install pipewire-bin or "
        "pulseaudio-utils (macOS has afplay)."
    ),
    "BREATH_HINT": lazy(
        "Breath tones need an audio player: install pipewire-bin or pulseaudio-utils (macOS "
        "has afplay)."
    ),
}


def __getattr__(name: str) -> str:
    if name in _HINTS:
        return _(_HINTS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_player(which: Callable[[str], str | None] = shutil.which) -> list[str] | None:
    """The command to play a WAV file with, as a list to which the file is appended."""
    return first_found("SUPPLE_PLAYER", CANDIDATES, which)


class SoundBank:
    """The synthesised sounds as files, made on first use (or ahead, by ``warm``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str, seconds: float | None = None) -> Path:
        from supple.core import tones
        from supple.core.files import atomic_write

        path = self.folder / tones.cache_name(name, seconds)
        if not path.exists():
            atomic_write(path, tones.wav_bytes(name, seconds))
        return path

    def warm(self, sounds: Iterable[tuple[str, float | None]]) -> None:
        """Make the files for ``sounds`` in a background thread, so that playing them later
        never waits for the synthesis."""
        import threading

        wanted = list(dict.fromkeys(sounds))

        def make() -> None:
            for name, seconds in wanted:
                try:
                    self.path(name, seconds)
                except (OSError, ValueError):
                    return  # a full disk or a read-only cache: they are made when played

        threading.Thread(target=make, name="supple-sounds", daemon=True).start()


class Player:
    def __init__(self, command: list[str] | None, bank: SoundBank | None = None) -> None:
        self.command = command
        self.bank = bank
        self._playing: dict[str, subprocess.Popen[bytes]] = {}
        # told to stop (when), not yet reaped
        self._stopping: list[tuple[float, subprocess.Popen[bytes]]] = []

    @property
    def available(self) -> bool:
        return self.command is not None and self.bank is not None

    def play(self, name: str, seconds: float | None = None, channel: str = "cue") -> bool:
        """Play the sound ``name`` (a breath tone ``seconds`` long) on ``channel``. True if a
        player was started."""
        if self.command is None or self.bank is None:
            return False
        try:
            path = self.bank.path(name, seconds)
        except (OSError, ValueError):
            return False
        self._stop(channel)
        try:
            self._playing[channel] = start_detached([*self.command, str(path)])
        except OSError:
            self.command = None  # it vanished or cannot run: fall back to the bell
            return False
        return True

    def prepare(self, sounds: Iterable[tuple[str, float | None]]) -> None:
        """Make the files of the sounds a session will play, in the background."""
        if self.available and self.bank is not None:
            self.bank.warm(sounds)

    def stop(self) -> None:
        for channel in list(self._playing):
            self._stop(channel)

    def _stop(self, channel: str) -> None:
        """Stop a channel's sound without waiting for it (a frame is never held up): the
        process is reaped at a later sound, and killed then if it ignored the request."""
        now = time.monotonic()
        for asked, process in self._stopping:
            if process.poll() is None and now - asked > KILL_AFTER:
                process.kill()
        self._stopping = [(a, p) for a, p in self._stopping if p.poll() is None]
        current = self._playing.pop(channel, None)
        if current is not None and current.poll() is None:
            current.terminate()
            self._stopping.append((now, current))
