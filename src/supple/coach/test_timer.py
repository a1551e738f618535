"""A timed mobility test, heard as a session is: a get-ready whose last seconds tick 3-2-1,
the start tone when the hold (the stopwatch) begins, and a closing tone at the stop. It is a
one-hold session (``core.session``), cued by the session's own rules (``core.cues``) and
carried out by the coach's announcer: no copy of either."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supple.core.breath import BreathPattern
from supple.core.cues import Cuer, plan_voice
from supple.core.routine import Dose, Exercise, Kind, Routine, Timing
from supple.core.session import Session
from supple.core.snapshot import Snapshot

if TYPE_CHECKING:
    from supple.coach.live import Announcer
    from supple.core.clock import Clock
    from supple.core.program import MobilityTest

GET_READY = 5  # seconds to get into position, face down, after pressing start


def test_routine(test: MobilityTest, get_ready: int = GET_READY) -> Routine:
    """The test as a routine of one hold, as long as its longest plausible result."""
    exercise = Exercise(
        id=test.id,
        name=test.name,
        kind=Kind.HOLD,
        how=test.how,
        breath=BreathPattern("none", (), cycle=False),
        levels={"beginner": Dose(sets=1, seconds=max(1, int(test.high)))},
        timing=Timing(get_ready=get_ready),
    )
    return Routine(test.id, test.name, "", (exercise,), exercise.timing)


test_routine.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


class TestTimer:
    """Start (the get-ready begins), stop (the hold ends), reset; ``frame()`` carries out the
    cues due and gives the snapshot to draw and whether to ring the bell."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(
        self, test: MobilityTest, announcer: Announcer, clock: Clock, get_ready: int = GET_READY
    ) -> None:
        self.test = test
        self.announcer = announcer
        self.clock = clock
        self.routine = test_routine(test, get_ready)
        self.session = Session(self.routine, "beginner", clock)
        self._cuer = Cuer(plan_voice(self.session.segments, self.routine.exercises))

    @property
    def running(self) -> bool:
        return self.session.state == "running"

    def start(self) -> None:
        """A new try: the get-ready, then the hold."""
        self.reset()
        self.session.start()

    def stop(self) -> None:
        self.session.stop()

    def reset(self) -> None:
        self.session = Session(self.routine, "beginner", self.clock)
        self._cuer = Cuer(plan_voice(self.session.segments, self.routine.exercises))

    def held(self, snap: Snapshot | None = None) -> float:
        """Seconds of the hold so far (0 in the get-ready): what the stopwatch shows."""
        snap = snap or self.session.snapshot()
        ready = self.session.segments[0].seconds if self.session.segments[0].counts_down else 0
        return max(0.0, snap.elapsed - ready)

    def frame(self) -> tuple[Snapshot, bool]:
        snap = self.session.snapshot()
        bell = self.announcer.carry_out(self._cuer.update(snap), self.clock.real_seconds)
        return snap, bell
