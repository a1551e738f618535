"""The "still figure" setting (issue 27): the figure never moves; each phase shows the pose it
leads to. Played whole on the fake clock, ten frames a second, against the moving figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from supple.coach.coach import Coach
from supple.coach.live import LiveSession
from supple.core.clock import FakeClock
from supple.core.config import Config
from supple.core.layout import SegmentKind
from supple.core.motion import FigureFrame
from tests.core.test_coach import make_coach


def play_whole(live: LiveSession, clock: FakeClock) -> list[tuple[tuple[object, ...], FigureFrame]]:
    """Each frame's moment (segment, breath phase) and figure, every fifth of a second."""
    live.open()
    seen = []
    for _ in range(20_000):
        frame = live.frame()
        if frame.snap.done:
            return seen
        snap, segment = frame.snap, frame.snap.segment
        if frame.figure is not None and segment is not None:
            phase = snap.breath.phase if snap.breath is not None else None
            seen.append(((snap.segment_index, segment.kind, segment.side, phase), frame.figure))
        clock.advance(0.2)
    raise AssertionError("the session did not end")


def still_coach(data_dir: Path, clock: FakeClock, still: bool) -> Coach:
    coach = make_coach(data_dir, clock)
    coach.config = Config(still_figure=still)
    return coach


@pytest.mark.parametrize("routine", ["back-pain-relief", "lower-back-mobility"])
def test_a_still_figure_changes_only_when_the_phase_does(data_dir: Path, routine: str) -> None:
    clock = FakeClock(100.0)
    still = play_whole(still_coach(data_dir, clock, True).start(routine, "beginner"), clock)
    assert still
    for (moment, figure), (next_moment, next_figure) in zip(still, still[1:], strict=False):
        if moment == next_moment:
            assert next_figure == figure, moment  # within one phase: not a step of motion
    for moment, figure in still:
        kind = moment[1]
        assert figure.turn == 1.0  # a switch of sides shows the side ahead, never turning
        if kind == SegmentKind.HOLD:
            assert figure.fraction == 1.0  # the held position, no sway with the breath
        if kind == SegmentKind.REP:
            assert figure.fraction in (0.0, 1.0) or figure.fraction == figure.figure.ready
    # The same session, moving: the figure does change within a phase (so the test can fail).
    clock = FakeClock(100.0)
    moving = play_whole(make_coach(data_dir / "b", clock).start(routine, "beginner"), clock)
    assert any(m == n and f != g for (m, f), (n, g) in zip(moving, moving[1:], strict=False))


def test_a_still_figure_shows_the_poses_a_moving_one_passes_through(data_dir: Path) -> None:
    """Still, a rep shows both its ends: the poses the moving figure reaches, no others."""
    clock = FakeClock(100.0)
    still = play_whole(
        still_coach(data_dir, clock, True).start("back-pain-relief", "beginner"), clock
    )
    clock = FakeClock(100.0)
    moving = play_whole(
        make_coach(data_dir / "b", clock).start("back-pain-relief", "beginner"), clock
    )
    assert {f.key for _, f in still} <= {f.key for _, f in moving} | {
        FigureFrame(f.figure, 1.0, f.mirrored).key for _, f in moving
    }
    reps = {f.fraction for m, f in still if m[1] == SegmentKind.REP}
    assert reps >= {0.0, 1.0}
