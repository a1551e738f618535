"""Resume a session from the exercise it stopped in, log one by hand, undo a delete (issue 23,
item 8): through the coach's journal, as the app and the CLI use it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.core.files import SaveError
from supple.core.history import read_record
from supple.core.record import counts
from supple.system.speech import Speaker
from tests.fakes import copy_routine

WALL = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
BPR = "back-pain-relief"
LBM = "lower-back-mobility"
BOUNDED = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def make_coach(data_dir: Path, clock: FakeClock, wall: datetime = WALL) -> Coach:
    return Coach.from_environment(
        clock=clock, now=lambda: wall, data_dir=data_dir, speaker=Speaker(None)
    )


def play_then_leave(data_dir: Path, routine: str, seconds: float, *, kill: bool) -> Path:
    """Play ``seconds`` of ``routine``, then die (kill -9: the last checkpoint stays, its lock
    goes with the process) or stop; the session's file."""
    clock = FakeClock(50.0)
    live = make_coach(data_dir, clock).start(routine, "beginner")
    live.open()
    clock.advance(seconds)
    live.frame()  # the checkpoint a kill leaves (the segments passed end at their moments)
    if kill:
        assert live.recorder._live is not None and live.recorder._live._lock is not None
        live.recorder._live._lock.close()  # the process died; its file stays as last written
    else:
        live.end()
    return live.recorder.path


@BOUNDED
@given(
    routine=st.sampled_from([BPR, LBM]),
    share=st.floats(0.05, 0.95),
    kill=st.booleans(),
    played=st.floats(0.0, 1.0),
)
def test_resume_continues_the_same_record_and_keeps_what_was_done(
    routine: str, share: float, kill: bool, played: float
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        total = make_coach(data_dir, FakeClock()).catalog.seconds(routine, "beginner")
        path = play_then_leave(data_dir, routine, share * total, kill=kill)

        later = WALL + timedelta(hours=2)
        clock = FakeClock(9000.0)
        coach = make_coach(data_dir, clock, later)
        [earlier] = coach.history().records  # a killed one is recovered as interrupted
        assert earlier.status == ("interrupted" if kill else "stopped")
        if earlier.stopped_in is None:  # stopped at the very end of the plan: nothing to resume
            return
        offer = coach.journal.resume_offer(coach.catalog, earlier)
        assert offer is not None and not offer.fresh
        index = earlier.stopped_in - 1
        assert offer.exercise == earlier.exercises[index].name

        live = coach.start(earlier.routine, earlier.level, earlier)
        live.open()
        assert live.frame().snap.exercise_index == index  # from the start of that exercise
        assert live.recorder.path == path
        clock.advance(played * total)
        live.frame()
        live.end()

        final = read_record(path)
        assert [p.name for p in data_dir.rglob("*.toml") if p.parent.name != "trash"] == [path.name]
        assert final.started == earlier.started and final.ended >= later.replace(microsecond=0)
        assert final.paused_seconds >= (later - earlier.ended).total_seconds()
        for before, after in zip(earlier.exercises, final.exercises, strict=True):
            assert after.seconds >= before.seconds  # nothing done is lost
            if before.status == "done":
                assert after.status == "done"
        for i in range(index):  # before the exercise it stopped in: exactly as it was
            assert final.exercises[i].seconds == earlier.exercises[i].seconds
        assert final.active_seconds >= earlier.active_seconds


@pytest.mark.parametrize(
    ("change", "fresh"),
    [
        (lambda text: text.replace("reps = 5, sets = 1", "reps = 6, sets = 1"), True),
        (lambda text: text.replace("seconds = 15 }", "seconds = 20 }", 1), True),
        (lambda text: text[: text.rindex("[[exercise]]")], True),  # one exercise fewer
        (lambda text: text.replace('use = "sphinx"', 'use = "double-knee-to-chest"'), True),
        # Not the work: a renamed exercise or a longer get-ready is the same session to resume.
        (
            lambda text: text.replace('use = "sphinx"', 'use = "sphinx"\nname = "Sphinx pose"'),
            False,
        ),
        (lambda text: text.replace("get_ready = 5", "get_ready = 8"), False),
    ],
)
def test_a_changed_routine_offers_a_fresh_start(
    data_dir: Path, change: Callable[[str], str], fresh: bool
) -> None:
    mine = copy_routine(BPR, "Mine")
    path = play_then_leave(data_dir, BPR, 30.0, kill=False)
    before = mine.read_text()
    assert change(before) != before
    mine.write_text(change(before))
    coach = make_coach(data_dir, FakeClock())
    offer = coach.journal.resume_offer(coach.catalog, read_record(path))
    assert offer is not None and offer.fresh == fresh


def test_only_a_session_that_stopped_before_its_end_is_offered(data_dir: Path) -> None:
    clock = FakeClock()
    coach = make_coach(data_dir, clock)
    live = coach.start(BPR, "beginner")
    live.open()
    clock.advance(coach.catalog.seconds(BPR, "beginner") + 1)
    assert live.frame().finished
    done = read_record(live.recorder.path)
    assert done.stopped_in is None and coach.journal.resume_offer(coach.catalog, done) is None
    logged = coach.journal.log_by_hand(coach.catalog, BPR, "beginner", WALL, 5, frozenset())
    assert coach.journal.resume_offer(coach.catalog, logged) is None


@BOUNDED
@given(routine=st.sampled_from([BPR, LBM]), data=st.data(), minutes=st.floats(0.5, 90))
def test_a_session_logged_by_hand_counts_by_the_rule_of_every_session(
    routine: str, data: st.DataObject, minutes: float
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        coach = make_coach(Path(folder) / "data", FakeClock())
        count = len(coach.catalog.find(routine).exercises)
        done = data.draw(st.frozensets(st.integers(0, count - 1)))
        at = WALL - timedelta(days=data.draw(st.integers(0, 3)), hours=1)
        record = coach.journal.log_by_hand(coach.catalog, routine, "beginner", at, minutes, done)
        assert record.path is not None
        stored = read_record(record.path)
        assert stored.by_hand and stored.status == "completed" and stored.started == at
        assert {i for i, e in enumerate(stored.exercises) if e.status == "done"} == done
        work = sum(e.planned_seconds for i, e in enumerate(stored.exercises) if i in done)
        planned = sum(e.planned_seconds for e in stored.exercises)
        assert stored.counts == counts("completed", work, planned)
        stats = coach.history().stats  # the journal dropped its cache: the new file is read
        assert (stats.longest_streak == 1) == stored.counts


def test_undo_puts_back_exactly_the_file_deleted(data_dir: Path) -> None:
    coach = make_coach(data_dir, FakeClock())
    for hours in (1, 2, 3):
        coach.journal.log_by_hand(
            coach.catalog, BPR, "beginner", WALL - timedelta(hours=hours), 3, None
        )
    records = coach.history().records
    victim = records[1]
    assert victim.path is not None
    content, mode = victim.path.read_bytes(), victim.path.stat().st_mode
    moved = coach.trash(victim)
    assert not victim.path.exists() and len(coach.history().records) == 2
    assert coach.journal.undo_trash() == victim.path
    assert victim.path.read_bytes() == content and victim.path.stat().st_mode == mode
    assert not moved.exists()
    assert coach.history().records == records
    assert coach.journal.undo_trash() is None  # nothing more to undo


def test_undo_never_writes_over_a_file_of_that_name(data_dir: Path) -> None:
    coach = make_coach(data_dir, FakeClock())
    record = coach.journal.log_by_hand(coach.catalog, BPR, "beginner", WALL, 3, None)
    assert record.path is not None
    moved = coach.trash(coach.history().records[0])
    record.path.write_text("another")
    with pytest.raises(SaveError):
        coach.journal.undo_trash()
    assert record.path.read_text() == "another" and moved.exists()


def test_supple_log_writes_a_record_by_hand_and_refuses_what_it_cannot_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    from supple.cli import main

    assert main(["log", BPR, "--at", "2026-11-20 06:15", "--done", "1,4"]) == 2
    assert "'4' is not an exercise number from 1 to 3" in capsys.readouterr().err
    assert main(["log", BPR, "--at", "25:00"]) == 2
    assert "is not a time like 07:30" in capsys.readouterr().err
    assert main(["log", BPR, "--at", "2026-11-20 06:15", "--done", "1,2", "--minutes", "4"]) == 0
    assert capsys.readouterr().out.startswith("Logged by hand: Back pain relief, 2 of 3")
    assert main(["history", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["by_hand"] is True and entry["started"].startswith("2026-11-20T06:15:00")
    assert entry["ended"].startswith("2026-11-20T06:19:00")


@pytest.mark.parametrize(
    ("typed", "minutes"), [("4,5", 4.5), ("4.5 min", 4.5), ("1 h", 60.0), (" 12 ", 12.0)]
)
def test_supple_log_reads_minutes_as_people_type_them(typed: str, minutes: float) -> None:
    from supple.cli.journal import _minutes

    assert _minutes(typed) == minutes


@pytest.mark.parametrize("typed", ["４", "1²", "4,5 kg", "abc"])
def test_supple_log_refuses_other_minutes_with_what_was_read(typed: str) -> None:
    import argparse

    from supple.cli.journal import _minutes

    with pytest.raises(argparse.ArgumentTypeError):
        _minutes(typed)
