"""A voice and a player that only write down what they were asked, and when, on a fake clock.

The voice follows the real Speaker's rule (a cue does not cut one still being said that matters
more; anything else cuts it) and takes ``speech_seconds(text)`` to say a thing, so a test can
see every cue that would have been cut, late or talked over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from supple.core.cues import speech_seconds


@dataclass
class Said:
    at: float
    text: str
    priority: int
    until: float  # when it would end if not cut
    cut_at: float | None = None


class FakeVoice:
    def __init__(self, now: Callable[[], float], *, available: bool = True) -> None:
        self.now = now
        self.available = available
        self.said: list[Said] = []
        self.refused: list[tuple[float, str, int]] = []

    def speaking(self) -> Said | None:
        last = self.said[-1] if self.said else None
        if last is None or last.cut_at is not None or self.now() >= last.until:
            return None
        return last

    def say(self, text: str, priority: int = 0) -> bool:
        if not self.available or not text:
            return False
        current = self.speaking()
        if current is not None:
            if priority < current.priority:
                self.refused.append((self.now(), text, priority))
                return False
            current.cut_at = self.now()
        now = self.now()
        self.said.append(Said(now, text, priority, now + speech_seconds(text)))
        return True

    def stop(self) -> None:
        current = self.speaking()
        if current is not None:
            current.cut_at = self.now()

    def texts(self) -> list[str]:
        return [s.text for s in self.said]

    def cut(self) -> list[Said]:
        return [s for s in self.said if s.cut_at is not None]


class FakePlayer:
    def __init__(self, now: Callable[[], float], *, available: bool = True) -> None:
        self.now = now
        self.available = available
        self.played: list[tuple[float, str, float | None, str]] = []  # at, name, seconds, channel
        self.prepared: list[tuple[str, float | None]] = []
        self.stops = 0

    def play(self, name: str, seconds: float | None = None, channel: str = "cue") -> bool:
        if not self.available:
            return False
        self.played.append((self.now(), name, seconds, channel))
        return True

    def stop(self) -> None:
        self.stops += 1

    def prepare(self, sounds: Iterable[tuple[str, float | None]]) -> None:
        self.prepared.extend(sounds)

    def names(self, channel: str = "cue") -> list[str]:
        return [name for _, name, _, c in self.played if c == channel]
