"""Which figure a moment of a session shows, and how far between its keyframes, facing which way.

The same fraction the pacer shows drives the figure: Cat-Cow bends from cat to cow as the lungs
fill and back as they empty; Superman and Bridge rise with the lift; a hold shows its held
position, swaying a little with the breath. Per-side exercises face the other way for the left
side, and a switch of sides turns the figure round.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, assert_never

from supple.core.figures import FIGURES
from supple.core.timeline import SIDES, SegmentKind
from supple.core.value import value_class

if TYPE_CHECKING:
    from supple.core.figure import Figure, Pose
    from supple.core.routine import Exercise
    from supple.core.snapshot import Snapshot

BREATH_SWAY = 0.08  # how far a held pose eases back towards its start on each out-breath
# Fractions are kept to this many steps from start to end: a pose repeats exactly (each is drawn
# once), and a moving figure changes about five times a second. Each change repaints the lines it
# touches, which is what a moving figure costs: at 96 steps Cat-Cow cost 1.3x the CPU of the
# same reps without a figure, at 16 it costs 1.15x and still moves smoothly at a breath's pace.
STEPS = 16
TURN_STEPS = 24  # and a turn's squeeze to this many steps from facing to edge-on


@value_class(frozen=True, slots=True)
class FigureFrame:
    """A figure at one moment: its fraction (0 start .. 1 end), mirrored for the left side, and
    how far through turning round (1 as it faces, -1 turned; only a switch of sides turns)."""

    figure: Figure
    fraction: float
    mirrored: bool = False
    turn: float = 1.0

    def pose(self) -> Pose:
        return self.figure.pose(self.fraction, mirrored=self.mirrored, turn=self.turn)

    @property
    def key(self) -> tuple[str, int, bool, int]:
        """What the drawing depends on, in steps: equal keys draw the same pixels."""
        return (
            self.figure.name,
            round(self.fraction * STEPS),
            self.mirrored,
            round(self.turn * TURN_STEPS),
        )


def figure_of(exercise: Exercise | None) -> Figure | None:
    if exercise is None or exercise.figure is None:
        return None
    return FIGURES.get(exercise.figure)


def ready_frame(exercise: Exercise | None, *, held: bool = False) -> FigureFrame | None:
    """How an exercise is shown before it starts: its ready position, on its first side; or
    with ``held`` its end position as drawn (a portrait of the exercise, as in a preview)."""
    figure = figure_of(exercise)
    if figure is None or exercise is None:
        return None
    if held:
        return FigureFrame(figure, 1.0)
    return FigureFrame(figure, figure.ready, mirrored=exercise.per_side and SIDES[0] == "left")


def figure_frame(snap: Snapshot, *, still: bool = False) -> FigureFrame | None:
    """The figure this snapshot shows, or None (no figure for this exercise, or the end).
    ``still`` (the "still figure" setting): no motion; each phase shows the pose it leads to (a
    rep's in-breath its end, its out-breath its start), a hold its end, a switch the side ahead."""
    segment = snap.segment
    if segment is None:
        return None
    if segment.between_exercises:  # the exercise up next
        return ready_frame(snap.next_exercise)
    figure = figure_of(snap.exercise)
    if figure is None:
        return None
    # Work on a side shows that side; before a set (get-ready, a rest) the side it starts on.
    side = segment.side or (SIDES[0] if snap.exercise and snap.exercise.per_side else None)
    mirrored = side == "left"
    breath = snap.breath
    match segment.kind:
        case SegmentKind.SWITCH_SIDE:
            done = 1.0 - (snap.segment_left / segment.seconds if segment.seconds else 0.0)
            # From the side before (mirrored) through edge-on to the side ahead, at the ready pose.
            turn = 1.0 if still else -math.cos(math.pi * min(1.0, max(0.0, done)))
            return FigureFrame(figure, figure.ready, mirrored=segment.side == "left", turn=turn)
        case SegmentKind.REP:
            fraction = figure.ready if breath is None else breath.goal if still else breath.fill
        case SegmentKind.HOLD:
            fill = breath.fill if breath is not None and not still else 1.0
            fraction = 1.0 - BREATH_SWAY * (1.0 - fill)
        case SegmentKind.GET_READY | SegmentKind.REST:  # a rest here is between sets
            fraction = figure.ready
        case _:
            assert_never(segment.kind)
    return FigureFrame(figure, round(fraction * STEPS) / STEPS, mirrored=mirrored)
