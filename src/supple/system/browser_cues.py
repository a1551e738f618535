"""The voice and the tones in the browser (`supple serve`): told to the page, not played here.

In web mode the app's output goes to textual-serve's page as terminal bytes. supple's page
(``web/app_index.html``) watches those bytes for an in-band marker, an OSC escape sequence that
xterm.js drops unseen (unknown OSC ids are ignored), and plays what it says with Web Audio and
the browser's speechSynthesis. Being in the same byte stream as the screen, a marker arrives in
order with the screen updates, and no copy of textual-serve's script needs patching.

A marker is ``ESC ] 7719 ; supple ; JSON BEL``. The JSON is ASCII-only with every control
character escaped (DEL too), so text from a routine file (untrusted) can never end the
sequence early or put anything else into the terminal. Events::

    {"tone": NAME}                     a fixed sound of supple.core.tones
    {"tone": NAME, "seconds": S}       a breath tone S seconds long (rounded to 0.01)
    ... "channel": "breath"            on the breath's channel (default: the cue's)
    {"say": TEXT, "cut": true|false}   speak TEXT; cut: cancel what is being said first
    ... "alert": true                  an alert (the end, a pain marked): announced at once
    {"stop": true}                     stop every sound and all speech now
    {"prepare": [[NAME, S|null], ...]} sounds to fetch and decode ahead (no sound)

:class:`BrowserVoice` and :class:`BrowserTones` have the duck-typed interface of
``supple.system.speech.Speaker`` and ``supple.system.sound.Player``.
"""

from __future__ import annotations

import contextlib
import json
import math
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from supple.core.cues import ALERT_PRIORITY, speech_seconds

if TYPE_CHECKING:
    from textual.app import App

OSC_ID = 7719
PREFIX = f"\x1b]{OSC_ID};supple;"
END = "\x07"
SAY_LIMIT = 500  # characters of a say cue; a routine's text is cut to this
# The page drops an unfinished marker longer than this (web/app_index.html's TAIL_LIMIT): more
# than the longest marker this module can write (SAY_LIMIT characters outside the BMP, each
# escaped as two \\uXXXX, 12 ASCII characters).
TAIL_LIMIT = 8192
CHANNELS = ("cue", "breath")
PREPARE_LIMIT = 64  # sounds named in one prepare event (the page keeps as many decoded)

Write = Callable[[str], None]


def marker(event: dict[str, Any]) -> str:
    """The escape sequence that tells the page ``event``: one line of ASCII JSON with no raw
    control character, between the OSC prefix and BEL."""
    text = json.dumps(event, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    # json escapes C0 controls, and ensure_ascii everything past 0x7f (C1 controls too), but
    # leaves DEL raw: escape it as well. It can only occur inside a string, where \u007f is
    # the same character.
    return PREFIX + text.replace("\x7f", "\\u007f") + END


class BrowserVoice:
    """Speaks through the page's speechSynthesis, by the rule of ``supple.system.speech.Speaker``: a
    new cue does not cut one still being said that matters more. The page cannot tell the app
    when it has finished, so "still being said" is the estimate of ``speech_seconds``."""

    def __init__(self, write: Write, now: Callable[[], float] = time.monotonic) -> None:
        self._write = write
        self._now = now
        self._until = 0.0  # when the last cue said is estimated to end
        self._priority = -1

    @property
    def available(self) -> bool:
        return True

    def speaking(self) -> bool:
        return self._now() < self._until

    def say(self, text: str, priority: int = 0) -> bool:
        """Tell the page to speak ``text`` unless something more important is still being
        said. True if told."""
        if not text:
            return False
        text = text[:SAY_LIMIT]
        busy = self.speaking()
        if busy and priority < self._priority:
            return False
        event: dict[str, Any] = {"say": text, "cut": busy}
        if priority >= ALERT_PRIORITY:
            event["alert"] = True
        self._write(marker(event))
        self._priority = priority
        self._until = self._now() + speech_seconds(text)
        return True

    def stop(self) -> None:
        self._until = 0.0
        self._priority = -1
        self._write(marker({"stop": True}))


class BrowserTones:
    """Plays supple's tones through the page's Web Audio: the page fetches each sound from
    the server (``/supple/sound``), the very WAV the terminal's player plays, and keeps one
    sound per channel (a new one stops the one before it there)."""

    def __init__(self, write: Write) -> None:
        self._write = write

    @property
    def available(self) -> bool:
        return True

    def play(self, name: str, seconds: float | None = None, channel: str = "cue") -> bool:
        """Tell the page to play ``name`` (a breath tone ``seconds`` long) on ``channel``.
        False, and nothing told, for an unknown sound, channel or length."""
        from supple.core import tones

        if name not in tones.NAMES or channel not in CHANNELS:
            return False
        event: dict[str, Any] = {"tone": name}
        if seconds is not None:
            if not math.isfinite(seconds) or seconds <= 0:
                return False
            event["seconds"] = round(seconds, 2)
        if channel != "cue":
            event["channel"] = channel
        self._write(marker(event))
        return True

    def stop(self) -> None:
        self._write(marker({"stop": True}))

    def prepare(self, sounds: Iterable[tuple[str, float | None]]) -> None:
        """Tell the page which sounds the session may play, to fetch and decode them ahead
        (at once if sound is on, else at the tap): the first breath tone is then not late."""
        from supple.core import tones

        wanted: list[list[Any]] = []
        for name, seconds in dict.fromkeys(sounds):
            if name not in tones.NAMES:
                continue
            if seconds is not None and not (math.isfinite(seconds) and seconds > 0):
                continue
            entry = [name, None if seconds is None else round(seconds, 2)]
            if entry not in wanted:
                wanted.append(entry)
        if wanted:
            self._write(marker({"prepare": wanted[:PREPARE_LIMIT]}))


def app_writer(app: App[Any]) -> Write:
    """Writes to the browser through the app's driver, as Textual's own ``App.bell`` and
    ``copy_to_clipboard`` do. textual's WebDriver.write sends each string as one packet with a
    single blocking ``os.write`` to the pipe textual-serve reads; the screen is written the
    same way from the app's event loop. So a marker is written there too: at once when called
    on the app's thread (a write never lands inside another), and handed to the loop from
    any other thread. Dropped when the app has no driver or loop (not running), or the pipe
    is gone (the page closed)."""

    def write(text: str) -> None:
        if threading.get_ident() != app._thread_id:
            loop = app._loop
            if loop is not None and not loop.is_closed():
                with contextlib.suppress(RuntimeError):  # closed meanwhile
                    loop.call_soon_threadsafe(write_here, text)
            return
        write_here(text)

    def write_here(text: str) -> None:
        driver = app._driver
        if driver is not None:
            with contextlib.suppress(OSError):
                driver.write(text)

    return write
