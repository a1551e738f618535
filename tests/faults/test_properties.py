"""Property-based: the loaders never raise anything but their own clear errors, and the session
engine keeps its invariants under any commands and clock steps."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.core.clock import FakeClock
from supple.core.history import BadRecord, read_record
from supple.core.routine import Routine, RoutineError, load_routine
from supple.core.session import Session
from supple.system import paths
from tests.fakes import make_record

SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
GOOD_ROUTINE = (paths.bundled_routines_dir() / "back-pain-relief.toml").read_bytes()
GOOD_RECORD = tomli_w.dumps(
    make_record(
        __import__("datetime").datetime(2026, 11, 24, tzinfo=__import__("datetime").timezone.utc)
    )
).encode()

toml_values = st.recursive(
    st.none().map(lambda _: "")
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
documents = st.dictionaries(
    st.sampled_from(
        [
            "schema",
            "id",
            "title",
            "summary",
            "timing",
            "exercise",
            "routine",
            "level",
            "status",
            "started",
            "ended",
            "active_seconds",
            "x",
        ]
    ),
    toml_values,
    max_size=8,
)


@contextmanager
def written(data: bytes) -> Iterator[Path]:
    """`data` in a file of its own for the length of the block."""
    handle = tempfile.NamedTemporaryFile(suffix=".toml", delete=False)  # noqa: SIM115
    handle.write(data)
    handle.close()
    try:
        yield Path(handle.name)
    finally:
        Path(handle.name).unlink()


def files_like(good: bytes) -> st.SearchStrategy[bytes]:
    """Random bytes, any TOML document, or the good file with a slice replaced by random bytes
    (close to valid, often not)."""
    mutated = st.tuples(st.integers(0, len(good)), st.integers(0, 40), st.binary(max_size=40)).map(
        lambda t: good[: t[0]] + t[2] + good[t[0] + t[1] :]
    )
    return st.one_of(
        st.binary(max_size=300), mutated, documents.map(lambda d: tomli_w.dumps(d).encode())
    )


@SETTINGS
@given(files_like(GOOD_ROUTINE))
def test_routine_loader_never_tracebacks(data: bytes) -> None:
    with written(data) as path:
        try:
            routine = load_routine(path)
        except RoutineError as error:
            assert error.problems and all(str(p).startswith(str(path)) for p in error.problems)
        else:
            assert isinstance(routine, Routine) and routine.exercises


@SETTINGS
@given(files_like(GOOD_RECORD))
def test_history_loader_never_tracebacks(data: bytes) -> None:
    with written(data) as path:
        try:
            record = read_record(path)
        except BadRecord as bad:
            assert bad.reason
        else:
            assert record.ended >= record.started and record.active_seconds >= 0


commands = st.lists(
    st.tuples(
        st.sampled_from(
            ["pause", "resume", "skip", "back", "next_segment", "extend", "stop", "wait"]
        ),
        st.floats(min_value=-5, max_value=120, allow_nan=False),
    ),
    max_size=60,
)


@SETTINGS
@given(commands)
def test_session_invariants_under_any_commands_and_clock_steps(
    steps: list[tuple[str, float]],
) -> None:
    clock = FakeClock(1000.0)
    session = Session(BPR, "beginner", clock)
    session.start()
    last = 0.0
    for command, step in steps:
        clock.advance(step)  # sometimes backwards
        if command == "extend":
            session.extend(10)
        elif command != "wait":
            getattr(session, command)()
        snap = session.snapshot()
        assert snap.elapsed >= last  # time never runs backwards
        last = snap.elapsed
        assert 0 <= snap.segment_left <= snap.segment_seconds
        assert 0 <= snap.left <= snap.total and 0 <= snap.progress <= 1
        assert session.paused_seconds() >= 0
    for record in session.records():
        assert 0 <= record.sets_done <= record.sets_planned
        assert 0 <= record.reps_done <= record.reps_planned and record.seconds >= 0
    if session.outcome == "completed" and not any(c in ("back", "extend") for c, _ in steps):
        assert session.active_seconds() <= session.planned_seconds + 1e-9
