"""The session builder: a routine for today from the library, the minutes, the focus, the level
and the equipment at hand — or a refusal with its reason (docs/library.md#builder).

Pure and deterministic: the only randomness is a ``random.Random`` seeded from the day, so the
same request gives the same session all day and another one tomorrow. The length is the one the
player lays out (``routine.plan_seconds``), with the timing the session will play.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Protocol, assert_never

from supple.core.library import Position
from supple.core.routine import LEVELS, Dose, Exercise, Kind, Level, Routine, Timing, plan_seconds
from supple.core.value import field, replace, value_class

TOLERANCE = 0.10  # the session lasts the minutes asked, ± 10 %
MIN_MINUTES = 5
MAX_MINUTES = 45
HOLD_STEP = 5  # a hold lengthens by this many seconds at a time
FILL = 0.5  # the share of the time filled with exercises at their doses before any grows
BUILT_ID = "built"  # the id of a session made for today (until it is saved under another)


class Candidate(Protocol):
    """What the builder reads of a library exercise (``core.library`` declares the real one)."""

    @property
    def exercise(self) -> Exercise: ...

    @property
    def areas(self) -> tuple[str, ...]: ...

    @property
    def equipment(self) -> tuple[str, ...]: ...

    @property
    def warmup(self) -> bool: ...

    @property
    def easier(self) -> str | None: ...  # its easier neighbour on its ladder

    @property
    def position(self) -> Position: ...  # where the body is as it starts


@value_class(frozen=True, slots=True)
class Request:
    """What a person asks for. An empty ``focus`` means every area; ``equipment`` is what they
    have (empty: nothing); ``excluded`` the exercises they marked "not for me"."""

    minutes: int
    day: date
    focus: frozenset[str] = frozenset()
    level: Level = "beginner"
    equipment: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    timing: Timing = field(default_factory=Timing)
    rising: bool = False  # from the floor up to standing (a morning), not down to lying

    @property
    def seconds(self) -> int:
        return self.minutes * 60

    @property
    def low(self) -> float:
        return self.seconds * (1 - TOLERANCE)

    @property
    def high(self) -> float:
        return self.seconds * (1 + TOLERANCE)


class Refused(StrEnum):
    """Why no session was made (the sentences are the coach's, in ``coach/wording.py``)."""

    MINUTES = "minutes"  # outside 5-45 minutes
    EMPTY = "empty"  # no exercise meets the focus with the equipment at hand
    TOO_FEW = "too-few"  # every exercise that fits, at its longest, does not fill the time
    TOO_LONG = "too-long"  # even the shortest session that fits is longer than asked
    NO_WARMUP = "no-warmup"  # only holds fit, and no warm-up is at hand to come before them
    UNEVEN = "uneven"  # enough exercises, but their steps jump over the ± 10 % (``longest``: the
    # nearest short of it)


@value_class(frozen=True, slots=True)
class Refusal:
    reason: Refused
    request: Request
    pool: int = 0  # how many exercises fitted
    longest: float = 0.0  # the longest session they make, in seconds


@value_class(frozen=True, slots=True)
class Built:
    routine: Routine
    seconds: float  # as the player lays it out


def is_hold(exercise: Exercise) -> bool:
    """Whether the exercise is a hold (a deeper position, after the warm-up)."""
    match exercise.kind:
        case Kind.REPS:
            return False
        case Kind.HOLD:
            return True
        case _:
            assert_never(exercise.kind)


def seed(day: date) -> int:
    """The day's seed: the same all day, another tomorrow."""
    return day.toordinal()


def fits(candidate: Candidate, request: Request) -> bool:
    """Whether an exercise may be chosen: not excluded, its equipment at hand, and (for the main
    part) one of its areas in the focus."""
    return (
        candidate.exercise.id not in request.excluded
        and set(candidate.equipment) <= request.equipment
        and (not request.focus or bool(set(candidate.areas) & request.focus))
    )


def build(library: Sequence[Candidate], request: Request) -> Built | Refusal:
    """Today's session for ``request`` from ``library``, or why there is none."""
    if not MIN_MINUTES <= request.minutes <= MAX_MINUTES:
        return Refusal(Refused.MINUTES, request)
    rng = random.Random(seed(request.day))
    pool = sorted((c for c in library if fits(c, request)), key=lambda c: c.exercise.id)
    if not pool:
        return Refusal(Refused.EMPTY, request)
    rng.shuffle(pool)
    ladders = ladder_of(library)
    warmups = _warmups(library, pool, request, rng, ladders)
    chosen = [_timed(c.exercise, request) for c in warmups]
    rest = [c for c in pool if c not in warmups]
    if not warmups:  # nothing to warm up with: no hold, only movements
        rest = [c for c in rest if not is_hold(c.exercise)]
    picker = _Picker(rest, request, rng, ladders)
    for warmup in warmups:
        picker.take(warmup)
    order = _Order(library, request, len(warmups))
    # Fewer exercises done fully rather than many in passing: half the time at their doses,
    # then longer holds and more sets, then one more exercise at a time while still short.
    _add(chosen, picker, request, FILL * request.seconds)
    if not chosen:
        return Refusal(Refused.NO_WARMUP, request, len(pool))
    if _length(chosen, request) > request.high:
        return Refusal(Refused.TOO_LONG, request, len(pool), _length(chosen, request))
    chosen = _grown(order(chosen), request, request.seconds)
    while _length(chosen, request) < request.low and picker.left():
        _add(chosen, picker, request, _length(chosen, request) + 1)
        chosen = _grown(order(chosen), request, request.seconds)
    total = _length(chosen, request)
    if total < request.low:
        longest = _length([_longest(e, request.level) for e in chosen], request)
        if longest >= request.low:  # it could be long enough, but no step lands inside
            return Refusal(Refused.UNEVEN, request, len(pool), total)
        return Refusal(Refused.TOO_FEW, request, len(pool), longest)
    routine = Routine(
        id=BUILT_ID,
        title="",  # named by the coach (coach/wording.py), which knows the words
        summary="",
        exercises=tuple(_one_session(e, request.level) for e in chosen),
        timing=request.timing,
    )
    return Built(routine, total)


def ladder_of(library: Sequence[Candidate]) -> dict[str, str]:
    """Each exercise's ladder, named by its easiest rung: a session takes one rung of a ladder
    (two rungs of one stretch are the same stretch twice)."""
    by_id = {c.exercise.id: c for c in library}
    ladders: dict[str, str] = {}
    for candidate in library:
        here, seen = candidate, {candidate.exercise.id}
        while here.easier in by_id and here.easier not in seen:
            seen.add(here.easier)
            here = by_id[here.easier]
        ladders[candidate.exercise.id] = here.exercise.id
    return ladders


def home(candidate: Candidate, request: Request) -> str:
    """The area an exercise counts for in a session: its first area in the focus (its primary
    area when the focus is every area)."""
    if not request.focus:
        return candidate.areas[0]
    return next((a for a in candidate.areas if a in request.focus), candidate.areas[0])


def rank(position: Position, request: Request) -> int:
    """A position's place in the session's one way: standing first, lying last (the reverse
    when the session rises)."""
    index = list(Position).index(position)
    return -index if request.rising else index


def _warmups(
    library: Sequence[Candidate],
    pool: list[Candidate],
    request: Request,
    rng: random.Random,
    ladders: dict[str, str],
) -> list[Candidate]:
    """One warm-up (two for a session over ten minutes), from where the session starts (the
    highest position, or the lowest when it rises) so the body need not turn back, each of
    its own ladder: from the focus if it has them, else any warm-up at hand — a gentle repeated
    movement warms the whole body, and a session of holds without one is what the rule
    forbids."""
    want = 1 if request.minutes <= 10 else 2
    ours = sorted(
        (c for c in pool if c.warmup and not is_hold(c.exercise)),
        key=lambda c: rank(c.position, request),
    )
    taken: list[Candidate] = []
    for candidate in ours:
        if len(taken) < want and ladders[candidate.exercise.id] not in {
            ladders[t.exercise.id] for t in taken
        }:
            taken.append(candidate)
    if taken:
        return taken
    anywhere = sorted(
        (
            c
            for c in library
            if c.warmup
            and not is_hold(c.exercise)
            and c.exercise.id not in request.excluded
            and set(c.equipment) <= request.equipment
        ),
        key=lambda c: c.exercise.id,
    )
    return [rng.choice(anywhere)] if anywhere else []


class _Picker:
    """The exercises left to choose from (already shuffled), taken one at a time from the area
    of the focus with the fewest so far (areas in the day's order on a tie), never a second
    rung of a ladder in the session: a short session over many areas spreads over them."""

    def __init__(
        self,
        queue: list[Candidate],
        request: Request,
        rng: random.Random,
        ladders: dict[str, str],
    ) -> None:
        self._queue = queue
        self._request = request
        self._ladders = ladders
        areas = sorted({home(c, request) for c in queue})
        rng.shuffle(areas)
        self._areas = {area: n for n, area in enumerate(areas)}
        self._counts: dict[str, int] = dict.fromkeys(areas, 0)
        self._used: set[str] = set()

    def left(self) -> bool:
        return any(self._free(c) for c in self._queue)

    def next(self) -> Candidate | None:
        """The next exercise to try, out of the queue; None when none is left."""
        free = [(n, c) for n, c in enumerate(self._queue) if self._free(c)]
        if not free:
            return None
        n, candidate = min(free, key=lambda nc: (*self._weight(nc[1]), nc[0]))
        del self._queue[n]
        return candidate

    def take(self, candidate: Candidate) -> None:
        """The exercise is in the session: its area counts one more, its ladder is used."""
        self._used.add(self._ladders[candidate.exercise.id])
        area = home(candidate, self._request)
        if area in self._counts:
            self._counts[area] += 1

    def _free(self, candidate: Candidate) -> bool:
        return self._ladders[candidate.exercise.id] not in self._used

    def _weight(self, candidate: Candidate) -> tuple[int, int]:
        area = home(candidate, self._request)
        return self._counts[area], self._areas[area]


def _add(chosen: list[Exercise], picker: _Picker, request: Request, until: float) -> None:
    """Take exercises from the picker, at their doses, until the session lasts ``until``; one
    that would pass the upper bound is left out."""
    while _length(chosen, request) < until and (candidate := picker.next()) is not None:
        exercise = _timed(candidate.exercise, request)
        if _length([*chosen, exercise], request) <= request.high:
            chosen.append(exercise)
            picker.take(candidate)


class _Order:
    """The session's order: the warm-ups first, as chosen; then by position, one way (the body
    gets down once: standing, a chair, kneeling, all fours, seated, lying — or up, the reverse),
    and within a position the movements before the holds."""

    def __init__(self, library: Sequence[Candidate], request: Request, warmups: int) -> None:
        self._by_id = {c.exercise.id: c for c in library}
        self._request = request
        self._warmups = warmups

    def __call__(self, chosen: list[Exercise]) -> list[Exercise]:
        head = chosen[: self._warmups]
        rest = sorted(chosen[self._warmups :], key=lambda e: (self._rank(e), is_hold(e)))
        return head + rest

    def _rank(self, exercise: Exercise) -> int:
        return rank(self._by_id[exercise.id].position, self._request)


def _one_session(exercise: Exercise, level: Level) -> Exercise:
    """The built dose at every level: a built session is one session, the minutes its title
    names whatever level it is played at."""
    dose = exercise.levels[level]
    return replace(exercise, levels=dict.fromkeys(LEVELS, dose))


def _timed(exercise: Exercise, request: Request) -> Exercise:
    """The exercise with the timing the session plays, and only the request's level's dose
    (its other levels too: the routine must stay valid at every level)."""
    return replace(exercise, timing=request.timing)


def _length(exercises: Sequence[Exercise], request: Request) -> float:
    return plan_seconds(exercises, request.level)


def _grown(exercises: list[Exercise], request: Request, target: float) -> list[Exercise]:
    """Longer holds and more sets, within what each exercise declares (never beyond its
    advanced dose), one small step at a time and spread over the session: each time the
    exercise grown least so far whose step brings the length nearer ``target`` without
    passing the upper bound, until no step does."""
    grown = list(exercises)
    steps = [0] * len(grown)
    total = _length(grown, request)
    while total < target:
        for index in sorted(range(len(grown)), key=lambda i: (steps[i], i)):
            bigger = _step(grown[index], request.level)
            if bigger is None:
                continue
            length = _length([*grown[:index], bigger, *grown[index + 1 :]], request)
            if length <= request.high and abs(target - length) < abs(target - total):
                grown[index], total = bigger, length
                steps[index] += 1
                break
        else:
            break
    return grown


def _longest(exercise: Exercise, level: Level) -> Exercise:
    """The exercise with every step taken (how long the pool could make a session)."""
    while (bigger := _step(exercise, level)) is not None:
        exercise = bigger
    return exercise


def _step(exercise: Exercise, level: Level) -> Exercise | None:
    """The exercise one step longer at ``level``: a hold 5 s longer, else one more set; None at
    its advanced dose."""
    dose, top = exercise.levels[level], exercise.levels["advanced"]
    new: Dose | None = None
    if is_hold(exercise) and (dose.seconds or 0) < (top.seconds or 0):
        new = replace(dose, seconds=min((dose.seconds or 0) + HOLD_STEP, top.seconds or 0))
    elif dose.sets < top.sets:
        new = replace(dose, sets=dose.sets + 1)
    if new is None:
        return None
    return replace(exercise, levels={**exercise.levels, level: new})
