"""The session builder (core/builder.py): for any minutes 5-45, focus, level, equipment and
exclusions, a session within ± 10 % of the time laid out as the player lays it out, or a
refusal with its reason; never an exercise twice, a warm-up before any hold, never an excluded
exercise, the same session all day. Over a generated library (every area, every equipment, a
mix of holds and reps, per side or not) so the class of libraries is tested, not one file."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta
from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.breath import PATTERNS
from supple.core.builder import (
    MAX_MINUTES,
    MIN_MINUTES,
    TOLERANCE,
    Built,
    Refusal,
    Refused,
    Request,
    build,
    fits,
    home,
    is_hold,
    ladder_of,
    rank,
)
from supple.core.library import Position
from supple.core.routine import LEVELS, Dose, Exercise, Kind, Timing, plan_seconds
from supple.core.timeline import seconds as laid_out_seconds

AREAS = ("neck", "shoulders", "upper-back", "lower-back", "hips", "hamstrings", "wrists", "ankles")
EQUIPMENT = ("wall", "chair", "band", "stick")


class Entry(NamedTuple):
    exercise: Exercise
    areas: tuple[str, ...]
    equipment: tuple[str, ...]
    warmup: bool
    easier: str | None = None
    position: Position = Position.STANDING


def _exercise(ident: str, kind: Kind, per_side: bool, small: int) -> Exercise:
    if kind is Kind.REPS:
        levels = {
            "beginner": Dose(sets=1, reps=small),
            "intermediate": Dose(sets=2, reps=small + 2),
            "advanced": Dose(sets=3, reps=small + 4),
        }
    else:
        levels = {
            "beginner": Dose(sets=1, seconds=15 + small),
            "intermediate": Dose(sets=2, seconds=30),
            "advanced": Dose(sets=3, seconds=60),
        }
    breath = PATTERNS[kind.default_breath]
    return Exercise(ident, ident, kind, ("do it",), breath, levels, Timing(), per_side)


@st.composite
def libraries(draw: st.DrawFn) -> list[Entry]:
    """A library of 1-30 exercises over the eight areas (some areas empty)."""
    count = draw(st.integers(1, 30))
    entries = []
    for index in range(count):
        kind = draw(st.sampled_from(tuple(Kind)))
        areas = draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=3, unique=True))
        equipment = draw(st.lists(st.sampled_from(EQUIPMENT), max_size=2, unique=True))
        warmup = kind is Kind.REPS and draw(st.booleans())
        per_side = draw(st.booleans())
        small = draw(st.integers(5, 10))
        exercise = _exercise(f"ex-{index}", kind, per_side, small)
        easier = f"ex-{index - 1}" if index and draw(st.booleans()) else None
        position = draw(st.sampled_from(tuple(Position)))
        entries.append(Entry(exercise, tuple(areas), tuple(equipment), warmup, easier, position))
    return entries


def requests(library: list[Entry]) -> st.SearchStrategy[Request]:
    ids = [e.exercise.id for e in library]
    return st.builds(
        Request,
        minutes=st.integers(MIN_MINUTES, MAX_MINUTES),
        day=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
        focus=st.frozensets(st.sampled_from(AREAS), max_size=3),
        level=st.sampled_from(LEVELS),
        equipment=st.frozensets(st.sampled_from(EQUIPMENT)),
        excluded=st.frozensets(st.sampled_from(ids), max_size=5),
        timing=st.sampled_from((Timing(), Timing(get_ready=10, rest_between_exercises=20))),
        rising=st.booleans(),
    )


def _library_and_request() -> st.SearchStrategy[tuple[list[Entry], Request]]:
    return libraries().flatmap(lambda lib: st.tuples(st.just(lib), requests(lib)))


@settings(max_examples=150, deadline=None)
@given(_library_and_request())
def test_a_session_within_the_time_or_a_reason(case: tuple[list[Entry], Request]) -> None:
    library, request = case
    result = build(library, request)
    if isinstance(result, Refusal):
        assert result.reason in tuple(Refused)
        if result.reason is Refused.TOO_FEW:  # even at their longest, too short
            assert result.longest < request.seconds * (1 - TOLERANCE)
        if result.reason is Refused.UNEVEN:  # the nearest it came, short of the time
            assert 0 < result.longest < request.seconds * (1 - TOLERANCE)
        return
    routine = result.routine
    exercises = routine.exercises
    # within ± 10 %, as the player lays it out (the segments themselves)
    played = laid_out_seconds(routine, request.level)
    assert abs(played - result.seconds) < 1e-6
    assert request.seconds * (1 - TOLERANCE) <= played <= request.seconds * (1 + TOLERANCE)
    # no exercise twice
    ids = [e.id for e in exercises]
    assert len(ids) == len(set(ids))
    # never excluded; equipment at hand; focus met (warm-ups may come from anywhere)
    by_id = {e.exercise.id: e for e in library}
    assert not set(ids) & request.excluded
    for exercise in exercises:
        entry = by_id[exercise.id]
        assert set(entry.equipment) <= request.equipment
        if not entry.warmup and request.focus:
            assert set(entry.areas) & request.focus
    # a warm-up (a gentle repeated movement) before any hold
    holds = [i for i, e in enumerate(exercises) if is_hold(e)]
    if holds:
        first = exercises[0]
        assert by_id[first.id].warmup and not is_hold(first)
    # balanced sides: each one-sided exercise is played on both sides, as declared
    for exercise in exercises:
        assert exercise.per_side == by_id[exercise.id].exercise.per_side
    # doses only within the exercise's own range (never beyond its advanced dose)
    for exercise in exercises:
        dose = exercise.levels[request.level]
        top = by_id[exercise.id].exercise.levels["advanced"]
        base = by_id[exercise.id].exercise.levels[request.level]
        assert base.sets <= dose.sets <= max(top.sets, base.sets)
        assert dose.reps == base.reps
        if dose.seconds is not None:
            assert base.seconds is not None and top.seconds is not None
            assert base.seconds <= dose.seconds <= max(top.seconds, base.seconds)
    # one session: the built dose at every level (the minutes its title names at any level)
    for exercise in exercises:
        assert len({exercise.levels[level] for level in LEVELS}) == 1
    _one_rung_of_a_ladder(library, ids)
    _down_once(library, request, ids)
    _areas_spread(library, request, ids)


def _one_rung_of_a_ladder(library: list[Entry], ids: list[str]) -> None:
    """Never two exercises of one ladder (two depths of one stretch) in a session."""
    ladders = ladder_of(library)
    assert len({ladders[i] for i in ids}) == len(ids)


def _down_once(library: list[Entry], request: Request, ids: list[str]) -> None:
    """The warm-ups first, then one way by position: after the warm-ups the body never goes
    back up (or down, rising), so there are at most as many changes as positions, plus one
    turn where the warm-ups end."""
    by_id = {e.exercise.id: e for e in library}
    warmups = 0
    while warmups < len(ids) and by_id[ids[warmups]].warmup and warmups < 2:
        warmups += 1
    ranks = [rank(by_id[i].position, request) for i in ids]
    for part in (ranks[:warmups], ranks[warmups:]):
        assert part == sorted(part), (ranks, warmups)
    positions = [by_id[i].position for i in ids]
    changes = sum(a != b for a, b in zip(positions, positions[1:], strict=False))
    assert changes <= len(set(positions)) + 1, positions


def _areas_spread(library: list[Entry], request: Request, ids: list[str]) -> None:
    """Spread over the areas asked (every area when none is named): no area gets more than
    ⌈n / areas⌉ + 1 while another that had exercises at hand gets none (at hand: fit, of a
    ladder the session has not used, and a hold only after a warm-up)."""
    by_id = {e.exercise.id: e for e in library}
    ladders = ladder_of(library)
    used = {ladders[i] for i in ids}
    warmed = bool(ids) and by_id[ids[0]].warmup
    at_hand = {
        home(e, request)
        for e in library
        if fits(e, request)
        and (e.exercise.id in ids or ladders[e.exercise.id] not in used)
        and (warmed or not is_hold(e.exercise))
    }
    counted = [home(by_id[i], request) for i in ids if fits(by_id[i], request)]
    counts = Counter(counted)
    if at_hand - set(counts):
        bound = math.ceil(len(counted) / len(at_hand)) + 1
        assert max(counts.values(), default=0) <= bound, (counts, at_hand)


@settings(max_examples=60, deadline=None)
@given(_library_and_request())
def test_the_same_request_the_same_session_all_day(case: tuple[list[Entry], Request]) -> None:
    library, request = case
    assert build(library, request) == build(list(reversed(library)), request)


def _full_library() -> list[Entry]:
    """Every area with two warm-ups, three movements and four holds, nothing needed."""
    entries = []
    for area in AREAS:
        for n in range(9):
            kind = Kind.REPS if n < 5 else Kind.HOLD
            ex = _exercise(f"{area}-{n}", kind, per_side=n % 2 == 1, small=8)
            position = tuple(Position)[(n + len(area)) % len(Position)]
            entries.append(Entry(ex, (area,), (), n < 2, position=position))
    return entries


def test_a_full_library_fills_every_minute_for_two_areas() -> None:
    library = _full_library()
    for minutes in range(MIN_MINUTES, 31):
        request = Request(minutes, date(2026, 12, 6), focus=frozenset({"hips", "upper-back"}))
        result = build(library, request)
        assert isinstance(result, Built), (minutes, result)
        areas = {e.id.rsplit("-", 1)[0] for e in result.routine.exercises}
        assert areas == {"hips", "upper-back"}


def test_another_day_another_session() -> None:
    library = _full_library()
    request = Request(15, date(2026, 12, 6), focus=frozenset({"hips", "neck"}))
    sessions = set()
    for n in range(7):
        result = build(library, Request(15, request.day + timedelta(days=n), focus=request.focus))
        assert isinstance(result, Built)
        sessions.add(tuple(e.id for e in result.routine.exercises))
    assert len(sessions) > 1


def test_wrists_only_for_45_minutes_is_refused_with_its_reason() -> None:
    library = [e for e in _full_library() if e.areas == ("wrists",)]
    result = build(library, Request(45, date(2026, 12, 6), focus=frozenset({"wrists"})))
    assert isinstance(result, Refusal)
    assert result.reason is Refused.TOO_FEW
    assert result.pool == 9
    assert 0 < result.longest < 45 * 60 * (1 - TOLERANCE)


def test_nothing_at_hand_is_refused() -> None:
    library = [e._replace(equipment=("band",)) for e in _full_library()]
    result = build(library, Request(10, date(2026, 12, 6), equipment=frozenset({"wall"})))
    assert isinstance(result, Refusal) and result.reason is Refused.EMPTY


def test_minutes_outside_the_range_are_refused() -> None:
    for minutes in (MIN_MINUTES - 1, MAX_MINUTES + 1):
        result = build(_full_library(), Request(minutes, date(2026, 12, 6)))
        assert isinstance(result, Refusal) and result.reason is Refused.MINUTES


def test_the_length_is_the_plans() -> None:
    library = _full_library()
    result = build(library, Request(20, date(2026, 12, 6), level="advanced"))
    assert isinstance(result, Built)
    assert result.seconds == plan_seconds(result.routine.exercises, "advanced")


def test_the_bundled_library_fills_five_minutes_of_each_area_with_everything_at_hand() -> None:
    from supple.core.library import Area, Equipment, library_at
    from supple.core.routine import LIBRARY_FOLDER
    from supple.system import paths

    library = library_at(paths.bundled_routines_dir() / LIBRARY_FOLDER)
    # the areas with a file of their own (five exercises or more): an area that only some
    # exercises of another touch may be too few to fill five minutes
    # the areas whose exercises sit on four ladders or more (a session takes one rung of a
    # ladder): fewer may be too few to fill five minutes, and are refused with the reason
    ladders = ladder_of(library.exercises)
    rungs = {a: {ladders[e.id] for e in library.in_area(a)} for a in Area}
    areas = [a for a in Area if len(rungs[a]) >= 4]
    assert areas  # the seven seed exercises at least
    everything = frozenset(Equipment)
    for area in areas:
        for minutes in (5, 8) if len(rungs[area]) >= 10 else (5,):
            request = Request(minutes, date(2026, 12, 6), frozenset({area}), equipment=everything)
            result = build(library.exercises, request)
            assert isinstance(result, Built), (area, minutes, result)
            for exercise in result.routine.exercises:
                item = library.find(exercise.id)
                assert area in item.areas or item.warmup


def test_every_base_posture_of_the_figures_is_a_position() -> None:
    from supple.core.figure_data import BASES
    from supple.core.library import BASE_POSITIONS

    assert {base for view in BASES.values() for base in view} == set(BASE_POSITIONS)


@settings(max_examples=25, deadline=None)
@given(
    minutes=st.integers(MIN_MINUTES, MAX_MINUTES),
    focus=st.frozensets(st.sampled_from(AREAS), max_size=4),
    equipment=st.frozensets(st.sampled_from(EQUIPMENT)),
    rising=st.booleans(),
    day=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
)
def test_the_bundled_library_builds_down_once_one_rung_spread(
    minutes: int, focus: frozenset[str], equipment: frozenset[str], rising: bool, day: date
) -> None:
    """The reviewer's sessions, as a class: over the bundled library, any request gives one
    rung of a ladder, the positions one way after the warm-ups, and the areas spread."""
    from supple.core.library import library_at
    from supple.core.routine import LIBRARY_FOLDER
    from supple.system import paths

    library = list(library_at(paths.bundled_routines_dir() / LIBRARY_FOLDER).exercises)
    request = Request(minutes, day, focus, equipment=equipment, rising=rising)
    result = build(library, request)
    if isinstance(result, Refusal):
        return
    ids = [e.id for e in result.routine.exercises]
    entries: list[Entry] = library  # type: ignore[assignment]  # the same attributes
    _one_rung_of_a_ladder(entries, ids)
    _down_once(entries, request, ids)
    _areas_spread(entries, request, ids)
