"""How a routine lays out in time, declared once: the segments of each exercise (get ready,
each rep or the hold, each side, each set, the rests), as ``make`` builds them.

``core.timeline`` builds the session's segments with it and totals a routine without building
one; ``core.routine`` totals a routine it is parsing to check its length. Neither restates the
layout: it is here, and this module imports nothing of the routine (the parser calls it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from itertools import repeat
from typing import Any, Literal, Protocol, TypeVar, assert_never, cast

from supple.core.breath import Phase


class SegmentKind(StrEnum):
    """What a stretch of the session asks: get ready, a rep, a hold, switch sides, rest."""

    GET_READY = "get_ready"
    REP = "rep"
    HOLD = "hold"
    SWITCH_SIDE = "switch_side"
    REST = "rest"


Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")

T = TypeVar("T")
L = TypeVar("L", contravariant=True)


class _Work(Protocol):
    @property
    def segment(self) -> SegmentKind: ...  # an exercise kind's work: a rep or a hold


class _Dose(Protocol):
    @property
    def sets(self) -> int: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def seconds(self) -> int | None: ...


class _Timing(Protocol):
    @property
    def get_ready(self) -> int: ...
    @property
    def rest_between_sets(self) -> int: ...
    @property
    def rest_between_exercises(self) -> int: ...
    @property
    def switch_side(self) -> int: ...


class _Breath(Protocol):
    @property
    def seconds(self) -> float: ...
    @property
    def phases(self) -> tuple[Phase, ...]: ...
    @property
    def follows_body(self) -> bool: ...


class Laid(Protocol[L]):
    """What the layout reads of an exercise (``core.routine.Exercise``)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> _Work: ...
    @property
    def per_side(self) -> bool: ...
    @property
    def timing(self) -> _Timing: ...
    @property
    def breath(self) -> _Breath: ...
    def dose(self, level: L) -> _Dose: ...


def seconds_of(kind: SegmentKind, index: int, exercise_id: str, seconds: float, **_: Any) -> float:
    """A ``make`` that keeps a segment's seconds alone: ``sum(laid_out(…, seconds_of))`` is a
    plan's length without a segment built."""
    return seconds


def laid_out(exercises: Sequence[Laid[L]], level: L, make: Callable[..., T]) -> list[T]:
    """The one declaration of how a routine lays out in time: ``make`` (``Segment``'s
    arguments) called for each segment, in order."""
    segments: list[T] = []
    last = len(exercises) - 1
    for index, exercise in enumerate(exercises):
        dose = exercise.dose(level)
        timing = exercise.timing
        name = exercise.id
        if timing.get_ready:
            segments.append(make(SegmentKind.GET_READY, index, name, timing.get_ready))
        sides: Sequence[Side | None] = SIDES if exercise.per_side else (None,)
        sets = dose.sets
        for set_number in range(1, sets + 1):
            for side_index, side in enumerate(sides):
                if side_index and timing.switch_side:
                    segments.append(
                        make(
                            SegmentKind.SWITCH_SIDE,
                            index,
                            name,
                            timing.switch_side,
                            set=set_number,
                            sets=sets,
                            side=side,
                        )
                    )
                breath = exercise.breath
                work = exercise.kind.segment
                match work:
                    case SegmentKind.REP:
                        assert dose.reps is not None
                        rep_seconds = breath.seconds
                        if make is seconds_of:  # a total: each rep's seconds, no call per rep
                            segments.extend(cast(Iterable[T], repeat(rep_seconds, dose.reps)))
                        else:
                            segments.extend(
                                make(
                                    SegmentKind.REP,
                                    index,
                                    name,
                                    rep_seconds,
                                    set=set_number,
                                    sets=sets,
                                    rep=rep,
                                    reps=dose.reps,
                                    side=side,
                                    breath=breath.phases,
                                    breath_follows_body=breath.follows_body,
                                )
                                for rep in range(1, dose.reps + 1)
                            )
                    case SegmentKind.HOLD:
                        assert dose.seconds is not None
                        segments.append(
                            make(
                                SegmentKind.HOLD,
                                index,
                                name,
                                dose.seconds,
                                set=set_number,
                                sets=sets,
                                side=side,
                                breath=breath.phases,
                                breath_cycle=True,
                                breath_follows_body=breath.follows_body,
                            )
                        )
                    case SegmentKind.GET_READY | SegmentKind.SWITCH_SIDE | SegmentKind.REST:
                        raise AssertionError(f"an exercise's work is a rep or a hold, not {work}")
                    case _:
                        assert_never(work)
            if set_number < sets and timing.rest_between_sets:
                segments.append(
                    make(
                        SegmentKind.REST,
                        index,
                        name,
                        timing.rest_between_sets,
                        set=set_number,
                        sets=sets,
                    )
                )
        if index < last and timing.rest_between_exercises:
            segments.append(make(SegmentKind.REST, index, name, timing.rest_between_exercises))
    return segments
