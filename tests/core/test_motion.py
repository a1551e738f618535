"""Which figure a moment of a session shows, driven by the real engine under a fake clock: the
pacer's fill moves Cat-Cow and Superman, holds sway, get-ready and rests show the ready pose,
the rest between exercises the next one, sides mirror, a switch of sides turns the figure."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from supple.core.clock import FakeClock
from supple.core.figure import Pose
from supple.core.figures import FIGURES
from supple.core.motion import BREATH_SWAY, STEPS, FigureFrame, figure_frame, ready_frame
from supple.core.routine import Level, Routine, load_routine
from supple.core.session import Session
from supple.core.snapshot import Snapshot
from supple.system import paths

LBM = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
NO_FIGURE = load_routine(Path(__file__).parents[1] / "data" / "routines" / "valid.toml")
START = 100.0
QUANTUM = 0.5 / STEPS + 1e-12  # a frame's fraction is the fill rounded to 1/STEPS

# Lower back mobility, beginner, in seconds from the start (timeline.expand lays it out):
# 0 get-ready Cat-Cow; 5-35 five reps of 6 s (inhale 3, exhale 3); 35 rest; 45 get-ready
# Knee-to-Chest; 50 hold left; 65 switch to right (5 s); 70 hold right; 85 rest; 95 get-ready
# Child's Pose; 100 hold; 115 rest; 125 get-ready Superman; 130-155 five reps of 5 s (exhale 2
# lifting, hold 1, inhale 2 lowering); ... 270 the end.


class Run:
    """A session started at START; ``at(t)`` moves the clock to t seconds in (forward only)."""

    def __init__(self, routine: Routine = LBM, level: Level = "beginner") -> None:
        self.clock = FakeClock(START)
        self.session = Session(routine, level, self.clock)
        self.session.start()

    def at(self, t: float) -> tuple[Snapshot, FigureFrame | None]:
        assert START + t >= self.clock.now()
        self.clock.set(START + t)
        snap = self.session.snapshot()
        return snap, figure_frame(snap)


def frame_at(run: Run, t: float) -> FigureFrame:
    _, frame = run.at(t)
    assert frame is not None
    return frame


def close(a: Pose, b: Pose, tolerance: float = 1e-9) -> bool:
    """The same joints, each within ``tolerance`` of the other pose's."""
    return a.keys() == b.keys() and all(math.dist(a[j], b[j]) <= tolerance for j in a)


def times(start: float, end: float, step: float = 0.1) -> list[float]:
    return [start + i * step for i in range(round((end - start) / step))]


def test_cat_cow_reps_follow_the_pacers_fill() -> None:
    run = Run()
    for t in times(5.0, 35.0, 0.07):
        snap, frame = run.at(t)
        assert snap.segment is not None and snap.segment.kind == "rep"
        assert frame is not None and snap.breath is not None
        assert frame.figure.name == "cat-cow" and not frame.mirrored and frame.turn == 1.0
        assert abs(frame.fraction - snap.breath.fill) <= QUANTUM, t
        assert frame.fraction * STEPS == round(frame.fraction * STEPS)


def test_cow_at_the_top_of_the_inhale_cat_at_the_end_of_the_exhale() -> None:
    cat, _, cow = FIGURES["cat-cow"].keyframes
    run = Run()
    for rep in range(5):
        snap, frame = run.at(5.0 + 6 * rep + 2.999)  # the in-breath ends: lungs full
        assert snap.breath is not None and snap.breath.phase == "inhale"
        assert frame is not None and frame.fraction == 1.0
        assert close(frame.pose(), cow)
        snap, frame = run.at(5.0 + 6 * rep + 5.999)  # the out-breath ends: lungs empty
        assert snap.breath is not None and snap.breath.phase == "exhale"
        assert frame is not None and frame.fraction == 0.0
        assert close(frame.pose(), cat)
    # Half way through the in-breath: the table, the figure's middle keyframe.
    run = Run()
    assert frame_at(run, 6.5).fraction == 0.5


def test_superman_rises_as_it_lifts_on_the_out_breath_and_lowers_on_the_in_breath() -> None:
    run = Run()
    lift = []
    for t in times(130.0, 132.0, 0.05):
        snap, frame = run.at(t)
        assert snap.breath is not None and snap.breath.phase == "exhale"
        assert frame is not None and frame.figure.name == "superman"
        lift.append(frame.fraction)
    assert lift == sorted(lift) and lift[0] <= 0.05 and lift[-1] >= 0.95
    assert frame_at(run, 132.5).fraction == 1.0  # held at the top
    lower = [frame_at(run, t).fraction for t in times(133.0, 135.0, 0.05)]
    assert lower == sorted(lower, reverse=True) and lower[0] >= 0.95 and lower[-1] <= 0.05


def test_a_hold_sways_with_the_breath_near_its_end_pose() -> None:
    run = Run()
    fractions = []
    for t in times(50.0, 65.0, 0.1):
        snap, frame = run.at(t)
        assert snap.segment is not None and snap.segment.kind == "hold"
        assert frame is not None and frame.figure.name == "knee-to-chest"
        assert snap.breath is not None
        assert 1 - BREATH_SWAY - QUANTUM <= frame.fraction <= 1.0
        assert abs(frame.fraction - (1 - BREATH_SWAY * (1 - snap.breath.fill))) <= QUANTUM
        fractions.append(frame.fraction)
    assert min(fractions) == pytest.approx(1 - BREATH_SWAY, abs=QUANTUM)  # lungs empty
    assert max(fractions) == 1.0  # lungs full: the end pose itself
    # Child's Pose too, from its own hold.
    assert 1 - BREATH_SWAY - QUANTUM <= frame_at(run, 104.0).fraction <= 1.0


def test_get_ready_and_a_rest_between_sets_show_the_ready_pose() -> None:
    run = Run()
    frame = frame_at(run, 1.0)
    assert frame.figure.name == "cat-cow" and frame.fraction == FIGURES["cat-cow"].ready == 0.5
    assert frame_at(run, 46.0).fraction == FIGURES["knee-to-chest"].ready
    assert frame_at(run, 96.0).fraction == FIGURES["childs-pose"].ready == 1.0
    assert frame_at(run, 126.0).fraction == FIGURES["superman"].ready == 0.0
    # Intermediate Cat-Cow has two sets of 8 reps, and a 15 s rest between them from 53 s.
    run = Run(level="intermediate")
    snap, between = run.at(60.0)
    assert snap.segment is not None and snap.segment.kind == "rest" and snap.segment.set == 1
    assert between is not None and between.figure.name == "cat-cow" and between.fraction == 0.5


def test_the_rest_between_exercises_shows_the_next_exercise_ready() -> None:
    run = Run()
    snap, frame = run.at(40.0)
    assert snap.segment is not None and snap.segment.kind == "rest"
    assert snap.exercise is not None and snap.exercise.id == "cat-cow"
    assert frame is not None and frame.figure.name == "knee-to-chest"
    assert frame.fraction == FIGURES["knee-to-chest"].ready
    assert frame.mirrored  # Knee-to-Chest starts on the left side
    assert frame == ready_frame(snap.next_exercise)
    _, frame = run.at(90.0)
    assert frame is not None and frame.figure.name == "childs-pose"
    assert frame.fraction == 1.0 and not frame.mirrored


def test_the_left_side_is_mirrored_and_the_right_is_not() -> None:
    run = Run()
    assert frame_at(run, 47.0).mirrored  # getting ready for the left side
    snap, frame = run.at(55.0)
    assert snap.segment is not None and snap.segment.side == "left"
    assert frame is not None and frame.mirrored
    figure = frame.figure
    assert close(frame.pose(), figure.pose(frame.fraction, mirrored=True))
    snap, frame = run.at(75.0)
    assert snap.segment is not None and snap.segment.side == "right"
    assert frame is not None and not frame.mirrored
    assert close(frame.pose(), figure.pose(frame.fraction))
    assert not frame_at(run, 101.0).mirrored  # Child's Pose has no sides
    assert frame_at(run, 210.0).mirrored and not frame_at(run, 230.0).mirrored  # hip flexor


def test_a_switch_of_sides_turns_the_figure_round_through_edge_on() -> None:
    run = Run()
    figure = FIGURES["knee-to-chest"]
    middle = (figure.box[0] + figure.box[2]) / 2
    turns = []
    for t in times(65.0, 70.0, 0.05):
        snap, frame = run.at(t)
        assert snap.segment is not None and snap.segment.kind == "switch_side"
        assert frame is not None and frame.figure is figure and frame.fraction == figure.ready
        turns.append(frame.turn)
    assert turns == sorted(turns)
    assert turns[0] == pytest.approx(-1.0) and turns[-1] == pytest.approx(1.0, abs=1e-3)
    # It turns at the ready pose ('let go and change legs at the cue'): from the left side's,
    # facing left, through edge-on, to the right side's, facing right.
    run = Run()
    left, right = figure.pose(figure.ready, mirrored=True), figure.pose(figure.ready)
    assert close(frame_at(run, 65.0).pose(), left)
    half = frame_at(run, 67.5)
    assert half.turn == pytest.approx(0.0, abs=1e-9)
    assert all(x == pytest.approx(middle) for x, _ in half.pose().values())
    assert close(frame_at(run, 69.999).pose(), right, 0.01)
    assert not close(left, right, 0.5)
    assert not frame_at(run, 70.01).mirrored


def test_an_exercise_without_a_figure_and_the_end_show_none() -> None:
    run = Run(NO_FIGURE)
    for t in (1.0, 5.5, 8.5, 20.0):
        snap, frame = run.at(t)
        assert snap.segment is not None and frame is None
    assert ready_frame(NO_FIGURE.exercises[0]) is None and ready_frame(None) is None
    run = Run()
    snap, frame = run.at(269.9)
    assert not snap.done and frame is not None and frame.figure.name == "sphinx"
    snap, frame = run.at(271.0)
    assert snap.done and frame is None


def test_ready_frame_is_the_ready_pose_on_the_first_side() -> None:
    knee = ready_frame(LBM.exercise("knee-to-chest"))
    assert knee is not None and knee.mirrored and knee.fraction == 0.0 and knee.turn == 1.0
    child = ready_frame(LBM.exercise("childs-pose"))
    assert child is not None and not child.mirrored and child.fraction == 1.0
    held = ready_frame(LBM.exercise("knee-to-chest"), held=True)
    assert held is not None and held.fraction == 1.0 and not held.mirrored
