"""A session's time: its start and end, lead-in, pauses and count-ins, and active seconds."""

from __future__ import annotations

from supple.core.clock import Clock


class ActiveTime:
    """Active time is ``clock.now()`` minus paused spans, never a sum of ticks, so a late frame or a
    stalled event loop shows the right value and the end comes exactly on time.

    It runs from ``mark`` (a clock reading; later than now during a count-in) on top of the
    seconds banked in ``base``; ``mark`` is None while it stands still (before the start, paused,
    ended).
    """

    __slots__ = (
        "_last_active",
        "_last_now",
        "as_of",
        "base",
        "clock",
        "ended_at",
        "lead_in",
        "mark",
        "started_at",
    )

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.started_at: float | None = None
        self.lead_in = 0.0  # seconds of count-in before the first segment (not a pause)
        self.ended_at: float | None = None
        self.base = 0.0  # active seconds banked before ``mark``
        self.mark: float | None = None  # clock time from which active time accrues
        self.as_of: float | None = None  # pause(at=…): the clock reads this instead of now
        self._last_active = 0.0
        self._last_now: float | None = None

    def now(self) -> float:
        """The clock, except that a step backwards is taken as time standing still."""
        now = self.clock.now() if self.as_of is None else max(self.as_of, self._last_now or 0.0)
        if self._last_now is not None and now < self._last_now:
            shift = self._last_now - now
            if self.mark is not None:
                self.mark -= shift
            if self.started_at is not None:
                self.started_at -= shift
        self._last_now = now
        return now

    def active(self) -> float:
        active = self.base
        if self.mark is not None:
            active += max(0.0, self.now() - self.mark)
        # A clock that steps back must never make time run backwards on screen.
        self._last_active = max(self._last_active, active)
        return self._last_active

    def start(self, count_in: float) -> None:
        """Start now; active time accrues after a count-in of ``count_in`` seconds."""
        now = self.now()
        self.started_at = now
        self.lead_in = max(0.0, count_in)
        self.mark = now + self.lead_in

    def pause(self) -> None:
        """Stand still: what has accrued is banked."""
        self.base = self.active()
        self.mark = None

    def resume(self, count_in: float) -> None:
        """Run again after a count-in of ``count_in`` seconds."""
        self.mark = self.now() + max(0.0, count_in)

    def moment(self, active: float) -> float:
        """The clock reading at which active time reaches ``active``, while it runs."""
        assert self.mark is not None
        return self.mark + (active - self.base)

    def freeze(self, active: float) -> None:
        """Stand still with ``active`` seconds banked (reached already: an end that was due)."""
        self.base = self._last_active = active
        self.mark = None

    def end(self, at: float | None = None) -> None:
        """Stand still for good, as of ``at`` (a clock reading) or now; the first end holds.
        Ended before it started (stopped while ready), it started then too."""
        if self.started_at is None:
            self.started_at = self.now()
        self.pause()
        if self.ended_at is None:
            self.ended_at = self.now() if at is None else at

    def end_lead_in(self) -> None:
        """A move during the lead-in (start now, skip, jump) starts the clock at once."""
        now = self.now()
        if self.mark is not None and self.mark > now and self.active() == 0:
            self.mark = now
            if self.started_at is not None:
                self.lead_in = now - self.started_at

    def count_in_left(self) -> float:
        """Seconds of count-in still ahead (0 while active time accrues, or stands still)."""
        if self.mark is None:
            return 0.0
        return max(0.0, self.mark - self.now())

    def paused_seconds(self) -> float:
        """Wall seconds since the start not spent active: pauses and count-ins after them."""
        if self.started_at is None:
            return 0.0
        end = self.ended_at if self.ended_at is not None else self.now()
        wall = end - self.started_at
        return max(0.0, wall - min(wall, self.lead_in) - self.active())
