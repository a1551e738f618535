"""The clock a session reads its time from: real, sped up for demos, or fake for tests."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """A monotonic source of seconds. Only differences between readings mean anything."""

    def now(self) -> float: ...

    def real_seconds(self, seconds: float) -> float:
        """How long ``seconds`` of this clock take in real time (a sped-up clock: less)."""
        ...


class MonotonicClock:
    """The real clock: ``time.monotonic``, optionally sped up by ``scale`` (demos, e2e tests)."""

    def __init__(self, scale: float = 1.0) -> None:
        if scale <= 0:
            raise ValueError("scale must be positive")
        self.scale = scale
        self._origin = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._origin) * self.scale

    def real_seconds(self, seconds: float) -> float:
        return seconds / self.scale


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def real_seconds(self, seconds: float) -> float:
        return seconds

    def advance(self, seconds: float) -> None:
        self._now += seconds

    def set(self, now: float) -> None:
        self._now = now


def local_now() -> datetime:
    """The wall clock, with the local offset (history timestamps are ISO 8601 with offset)."""
    return datetime.now().astimezone()


class Stopwatch:
    """Time from start to stop on a clock: for the timed mobility tests."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._started: float | None = None
        self._stopped_at: float = 0.0

    @property
    def running(self) -> bool:
        return self._started is not None

    def start(self) -> None:
        if self._started is None:
            self._started = self.clock.now() - self._stopped_at

    def stop(self) -> None:
        if self._started is not None:
            self._stopped_at = max(0.0, self.clock.now() - self._started)
            self._started = None

    def reset(self) -> None:
        self._started = None
        self._stopped_at = 0.0

    def elapsed(self) -> float:
        if self._started is None:
            return self._stopped_at
        return max(0.0, self.clock.now() - self._started)
