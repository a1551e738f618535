"""Issue 13, class 1: a record supple wrote is never quarantined for being long. Routines have
limits (exercises, hours per level) that the validator enforces; the history accepts every session
the engine can produce from any routine the validator accepts, with any settings."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from supple.core import routine as routine_module
from supple.core.clock import FakeClock
from supple.core.config import Config
from supple.core.history import HistoryStore, read_record
from supple.core.recorder import session_record
from supple.core.routine import (
    LEVELS,
    MAX_EXERCISES,
    MAX_HOLD_SECONDS,
    MAX_PLAN_SECONDS,
    MAX_REPS,
    MAX_SETS,
    MAX_TIMING,
    Routine,
    RoutineError,
    parse_routine,
    plan_seconds,
)
from supple.core.session import Session
from supple.core.timeline import expand, total_seconds
from supple.core.value import fields

EXAMPLES = 300
STARTED = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
DAY = 24 * 3600.0


def exercise(index: int, kind: str, amount: int, sets: int, **extra: Any) -> dict[str, Any]:
    key = "reps" if kind == "reps" else "seconds"
    dose = {key: amount, "sets": sets}
    return {
        "id": f"e{index}",
        "name": f"Exercise {index}",
        "kind": kind,
        "how": ["Move."],
        "levels": {"beginner": dose, "intermediate": dose, "advanced": dose},
        **extra,
    }


def routine_data(exercises: list[dict[str, Any]], **timing: int) -> dict[str, Any]:
    data: dict[str, Any] = {"schema": 1, "id": "long", "title": "Long", "exercise": exercises}
    if timing:
        data["timing"] = timing
    return data


def parse(data: dict[str, Any]) -> Routine:
    return parse_routine(data, path=Path("long.toml"))


exercises_st = st.lists(
    st.builds(
        lambda kind, reps, seconds, sets, per_side: (kind, reps, seconds, sets, per_side),
        st.sampled_from(["reps", "hold"]),
        st.integers(1, MAX_REPS),
        st.integers(1, MAX_HOLD_SECONDS),
        st.integers(1, MAX_SETS),
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
)
timing_st = st.fixed_dictionaries({k: st.integers(0, high) for k, high in MAX_TIMING.items()})
settings_st = st.fixed_dictionaries(
    {
        "get_ready": st.none() | st.integers(0, MAX_TIMING["get_ready"]),
        "rest_between_sets": st.none() | st.integers(0, MAX_TIMING["rest_between_sets"]),
        "rest_between_exercises": st.none() | st.integers(0, MAX_TIMING["rest_between_exercises"]),
    }
)
commands_st = st.lists(
    st.tuples(
        st.sampled_from(["pause", "resume", "skip", "back", "next_segment", "extend", "wait"]),
        # seconds, minutes, and pauses of days
        st.one_of(st.floats(0, 120), st.floats(0, 5 * DAY), st.just(3 * DAY)),
    ),
    max_size=40,
)


def valid_routine(raw: list[tuple[str, int, int, int, bool]], timing: dict[str, int]) -> Routine:
    exercises = [
        exercise(i, kind, reps if kind == "reps" else seconds, sets, per_side=per_side)
        for i, (kind, reps, seconds, sets, per_side) in enumerate(raw, 1)
    ]
    try:
        return parse(routine_data(exercises, **timing))
    except RoutineError:
        assume(False)  # over the limits: the validator says so (tested below)
        raise


def play(routine: Routine, commands: list[tuple[str, float]], stop: bool) -> None:
    """Save after every command, read back each time, and load the whole history at the end:
    nothing is quarantined and the record comes back as written."""
    clock = FakeClock(1000.0)
    session = Session(routine, "advanced", clock)
    with tempfile.TemporaryDirectory() as folder:
        store = HistoryStore(Path(folder))
        path = store.path_for(routine.id, STARTED)
        session.start()
        for command, step in commands:
            clock.advance(step)
            if command == "extend":
                session.extend(60)
            elif command != "wait":
                getattr(session, command)()
            record = session_record(session, STARTED)
            store.save(record, path)
            assert read_record(path) == record.__class__(**{**_fields(record), "path": path})
        if stop:
            session.stop()
        else:
            clock.advance(routine_seconds(session) + 10)
        record = session_record(session, STARTED)
        store.save(record, path)
        loaded = store.load(recover=False)
        assert loaded.quarantined == ()
        assert [_fields(r) | {"path": None} for r in loaded.records] == [_fields(record)]


def routine_seconds(session: Session) -> float:
    return session.planned_seconds + 300.0 * len(session.segments)


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in (f.name for f in fields(record))}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(exercises_st, timing_st, settings_st, commands_st, st.booleans())
def test_any_session_of_any_valid_routine_round_trips_through_the_history(
    raw: list[tuple[str, int, int, int, bool]],
    timing: dict[str, int],
    overrides: dict[str, int | None],
    commands: list[tuple[str, float]],
    stop: bool,
) -> None:
    routine = Config(**overrides).apply(valid_routine(raw, timing))  # type: ignore[arg-type]
    play(routine, commands, stop)


@settings(max_examples=EXAMPLES, deadline=None)
@given(exercises_st, timing_st)
def test_the_plan_limit_is_the_timeline_s_length(
    raw: list[tuple[str, int, int, int, bool]], timing: dict[str, int]
) -> None:
    error: RoutineError | None = None
    exercises = [
        exercise(i, kind, reps if kind == "reps" else seconds, sets, per_side=per_side)
        for i, (kind, reps, seconds, sets, per_side) in enumerate(raw, 1)
    ]
    data = routine_data(exercises, **timing)
    try:
        parse(data)
    except RoutineError as refused:
        error = refused
        # Rejected only for its length, and the message says the limit.
        assert all("at most 4 h at every level" in p.message for p in refused.problems)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(routine_module, "MAX_PLAN_SECONDS", float("inf"))
        routine = parse(data)
    for level in LEVELS:
        laid_out = total_seconds(expand(routine, level))
        assert plan_seconds(routine.exercises, level) == pytest.approx(laid_out)
        assert (laid_out > MAX_PLAN_SECONDS) == any(
            f"the {level} level" in p.message for p in (error.problems if error else [])
        )


# -- the quoted cases ---------------------------------------------------------------------------


def test_a_session_paused_for_more_than_a_day_is_kept() -> None:
    """`ended: more than a day after started` quarantined it: now it round-trips, while it runs
    (the live checkpoint) and once stopped."""
    routine = parse(routine_data([exercise(1, "hold", 30, 1)]))
    for days in (1.01, 2, 30, 400):
        play(routine, [("pause", 5.0), ("wait", days * DAY), ("resume", 1.0)], stop=True)


def test_a_routine_planned_over_24_hours_is_refused_with_the_limit() -> None:
    """`planned_seconds … impossible`: such a routine no longer passes validation."""
    data = routine_data([exercise(i, "hold", 600, 10, per_side=True) for i in range(1, 9)])
    with pytest.raises(RoutineError) as caught:
        parse(data)
    problems = caught.value.problems
    assert [p.key for p in problems] == ["exercise"] * 3  # one per level
    assert problems[0].message.startswith(
        "the beginner level lasts 27 h 07 min; a routine lasts at most 4 h at every level"
    )


def test_too_many_exercises_is_refused_with_the_limit() -> None:
    data = routine_data([exercise(i, "reps", 1, 1) for i in range(1, MAX_EXERCISES + 2)])
    with pytest.raises(RoutineError) as caught:
        parse(data)
    assert [p.message for p in caught.value.problems] == [
        f"{MAX_EXERCISES + 1} exercises; a routine has at most {MAX_EXERCISES}"
    ]
    parse(routine_data([exercise(i, "reps", 1, 1) for i in range(1, MAX_EXERCISES + 1)]))


def test_a_routine_at_the_limits_with_the_longest_settings_round_trips() -> None:
    """60 exercises, just under 4 h, then the longest get-ready and rests: a session of some
    50 hours planned, paused for a week, is kept."""
    per_exercise = MAX_PLAN_SECONDS // MAX_EXERCISES - 5 - 10  # get-ready and rest included
    routine = parse(
        routine_data([exercise(i, "hold", per_exercise, 1) for i in range(1, MAX_EXERCISES + 1)])
    )
    assert plan_seconds(routine.exercises, "advanced") <= MAX_PLAN_SECONDS
    longest = Config(get_ready=60, rest_between_sets=300, rest_between_exercises=300)
    play(longest.apply(routine), [("wait", 3 * 3600.0), ("pause", 1.0), ("wait", 7 * DAY)], True)
    play(longest.apply(routine), [("extend", 1.0)] * 40, stop=False)
