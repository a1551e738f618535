"""The session engine under a fake clock: exact time, pause, skip, back, extend, stop, records."""

from __future__ import annotations

import random

import pytest

from supple.core.clock import FakeClock
from supple.core.routine import load_routine
from supple.core.session import Session
from supple.system import paths

LBM = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")


def started(routine=BPR, level: str = "beginner", at: float = 100.0) -> tuple[Session, FakeClock]:
    clock = FakeClock(at)
    session = Session(routine, level, clock)
    session.start()
    return session, clock


def test_ready_before_start() -> None:
    session = Session(BPR, "beginner", FakeClock())
    snap = session.snapshot()
    assert snap.state == "ready" and snap.segment is not None and snap.segment.kind == "get_ready"
    assert snap.left == 95 and snap.elapsed == 0


def test_get_ready_counts_down_3_2_1_then_first_rep_inhales() -> None:
    session, clock = started()
    clock.advance(1.0)
    snap = session.snapshot()
    assert snap.segment is not None and snap.segment.kind == "get_ready"
    assert snap.segment_left == 4.0 and snap.countdown is None
    clock.advance(1.5)
    assert session.snapshot().countdown == 3
    clock.advance(1.0)
    assert session.snapshot().countdown == 2
    clock.advance(1.0)
    assert session.snapshot().countdown == 1
    clock.advance(0.5)  # 5.0 s: the first rep begins
    snap = session.snapshot()
    assert snap.segment is not None and snap.segment.kind == "rep" and snap.segment.rep == 1
    assert snap.breath is not None and snap.breath.phase == "inhale" and snap.countdown is None
    clock.advance(2.9)
    assert session.snapshot().breath.phase == "inhale"  # type: ignore[union-attr]
    clock.advance(0.2)
    snap = session.snapshot()
    assert snap.breath is not None and snap.breath.phase == "exhale"
    assert snap.next_segment is not None and snap.next_segment.rep == 2


def test_irregular_frames_end_exactly_on_time() -> None:
    """A simulated 19-minute advanced session, sampled at random irregular moments."""
    session, clock = started(LBM, "advanced", at=5000.0)
    rng = random.Random(7)
    total = session.planned_seconds
    assert total == 1140
    while not session.snapshot().done:
        clock.advance(rng.choice([0.016, 0.033, 0.1, 0.25, 0.7, 1.3]))
    assert session.ended_at == pytest.approx(5000.0 + total, abs=1e-9)
    assert session.active_seconds() == pytest.approx(total, abs=1e-9)
    assert session.outcome == "completed"
    assert all(r.status == "done" for r in session.records())


def test_a_long_stall_lands_in_the_right_segment() -> None:
    session, clock = started()
    clock.advance(41.0)  # 5 get-ready + 30 reps + 6 s into the 10 s rest
    snap = session.snapshot()
    assert snap.segment is not None and snap.segment.kind == "rest"
    assert snap.segment_left == pytest.approx(4.0)
    assert snap.next_exercise is not None and snap.next_exercise.id == "sphinx"


def test_pause_freezes_and_resume_counts_in() -> None:
    session, clock = started()
    clock.advance(7.0)
    session.pause()
    before = session.snapshot()
    clock.advance(120.0)
    after = session.snapshot()
    assert after.paused and after.segment_left == before.segment_left and after.elapsed == 7.0
    session.resume()  # 3 s count-in before time moves again
    clock.advance(2.0)
    snap = session.snapshot()
    assert snap.state == "running" and snap.count_in_left == pytest.approx(1.0)
    assert snap.elapsed == 7.0
    clock.advance(2.0)
    assert session.snapshot().elapsed == pytest.approx(8.0)
    assert session.paused_seconds() == pytest.approx(123.0)


def test_skip_goes_to_the_next_exercise_get_ready() -> None:
    session, clock = started()
    clock.advance(8.0)
    session.skip()
    snap = session.snapshot()
    assert snap.segment is not None and snap.segment.kind == "get_ready"
    assert snap.exercise is not None and snap.exercise.id == "sphinx"
    records = {r.id: r for r in session.records()}
    assert records["cat-cow"].status == "partial" and records["cat-cow"].seconds == 3.0
    assert records["sphinx"].status == "skipped"


def test_back_restarts_the_exercise_then_goes_to_the_previous() -> None:
    session, clock = started()
    clock.advance(55.0)  # sphinx get-ready 50-55, hold begins at 55
    clock.advance(6.0)
    assert session.snapshot().exercise.id == "sphinx"  # type: ignore[union-attr]
    session.back()  # 11 s into sphinx: back to its start
    snap = session.snapshot()
    assert snap.exercise is not None and snap.exercise.id == "sphinx"
    assert snap.segment is not None and snap.segment.kind == "get_ready"
    assert snap.segment_left == 5.0
    clock.advance(1.0)
    session.back()  # within the first seconds: to the previous exercise
    snap = session.snapshot()
    assert snap.exercise is not None and snap.exercise.id == "cat-cow"
    assert snap.segment is not None and snap.segment.kind == "get_ready"


def test_back_on_the_first_exercise_restarts_it() -> None:
    session, clock = started()
    clock.advance(1.0)
    session.back()
    snap = session.snapshot()
    assert snap.segment_index == 0 and snap.segment_left == 5.0


def test_next_segment_and_extend_a_hold() -> None:
    session, clock = started()
    clock.advance(55.5)  # in the sphinx hold
    assert not Session(BPR, "beginner", FakeClock()).extend()
    assert session.extend(10)
    snap = session.snapshot()
    assert snap.segment_seconds == 25 and snap.total == 105
    session.next_segment()
    snap = session.snapshot()
    assert snap.segment is not None and snap.segment.kind == "rest"
    assert not session.extend(10)  # only holds can be extended


def test_stop_keeps_what_was_done() -> None:
    session, clock = started()
    clock.advance(5.0 + 6 * 5 + 10 + 5 + 15 + 4)  # all cat-cow and sphinx, 4 s of rest
    session.stop()
    assert session.outcome == "stopped" and session.snapshot().done
    records = {r.id: r for r in session.records()}
    assert records["cat-cow"].status == "done" and records["cat-cow"].reps_done == 5
    assert records["cat-cow"].sets_done == 1
    assert records["sphinx"].status == "done" and records["sphinx"].seconds == 15
    assert records["childs-pose"].status == "skipped" and records["childs-pose"].seconds == 0
    clock.advance(60)
    assert session.active_seconds() == 69.0  # nothing moves after the end


def test_clock_stepping_back_never_makes_time_negative() -> None:
    session, clock = started()
    clock.advance(10.0)
    assert session.snapshot().elapsed == 10.0
    clock.set(0.0)  # a clock far behind the start
    snap = session.snapshot()
    assert snap.elapsed == 10.0 and snap.segment_left >= 0 and snap.count_in_left == 0
    clock.advance(1.0)
    assert session.snapshot().elapsed == 11.0
    assert session.paused_seconds() == 0


@pytest.mark.parametrize("seed", range(20))
def test_random_commands_keep_invariants(seed: int) -> None:
    rng = random.Random(seed)
    session, clock = started(LBM, rng.choice(["beginner", "intermediate", "advanced"]))
    last_elapsed = 0.0
    for _ in range(300):
        clock.advance(rng.random() * rng.choice([0.1, 2, 20]))
        rng.choice(
            [
                session.pause,
                session.resume,
                session.skip,
                session.back,
                session.next_segment,
                lambda: session.extend(10),
                lambda: None,
                lambda: None,
            ]
        )()
        snap = session.snapshot()
        assert snap.elapsed >= last_elapsed
        last_elapsed = snap.elapsed
        assert 0 <= snap.segment_left <= snap.segment_seconds
        assert 0 <= snap.left <= snap.total and 0 <= snap.progress <= 1
        if snap.done:
            break
    for record in session.records():
        assert 0 <= record.sets_done <= record.sets_planned
        assert 0 <= record.reps_done <= record.reps_planned
        assert record.seconds >= 0
