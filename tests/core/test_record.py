"""The session record: round trips through its file, older files, and which sessions count."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.core.clock import FakeClock
from supple.core.history import HistoryStore, read_record
from supple.core.outcome import COUNTS_SHARE
from supple.core.program import count_workouts, load_program, progress
from supple.core.record import (
    CSV_FIELDS,
    BadRecord,
    ExerciseEntry,
    SessionRecord,
)
from supple.core.recorder import Recorder, session_record
from supple.core.routine import load_catalog, load_routine
from supple.core.session import Session
from supple.core.stats import compute
from supple.core.value import replace
from supple.system import paths
from tests.fakes import make_record, make_session_record

BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
LBM = load_routine(paths.bundled_routines_dir() / "lower-back-mobility.toml")
T0 = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def hold(done: float, planned: float = 60.0) -> ExerciseEntry:
    status = "done" if done >= planned else "partial" if done else "skipped"
    return ExerciseEntry("sphinx", "Sphinx", status, done, planned, 1 if done else 0, 1, 0, 0)


def judged(status: str, *exercises: ExerciseEntry) -> SessionRecord:
    return make_session_record(T0, status=status, exercises=exercises)


# -- round trips --------------------------------------------------------------------------------

commands = st.lists(
    st.one_of(
        st.floats(min_value=0.0, max_value=40.0).map(lambda s: ("advance", s)),
        st.sampled_from(
            [("skip",), ("back",), ("pause",), ("resume",), ("extend",), ("next_segment",)]
        ),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(
    routine=st.sampled_from([BPR, LBM]),
    level=st.sampled_from(["beginner", "intermediate", "advanced"]),
    steps=commands,
    stop=st.booleans(),
    offset=st.integers(min_value=-12 * 60, max_value=14 * 60),
    before=st.none() | st.integers(0, 10),
    after=st.none() | st.integers(0, 10),
    note=st.text(max_size=30),
)
def test_every_record_a_session_can_make_survives_its_file(
    routine, level, steps, stop, offset, before, after, note
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(1000.0)
    session = Session(routine, level, clock)
    session.start()
    for step in steps:
        if step[0] == "advance":
            clock.advance(step[1])
        else:
            getattr(session, step[0])()
    if stop:
        session.stop()
    started = datetime(2026, 3, 29, 1, 59, 58, 123456, tzinfo=timezone(timedelta(minutes=offset)))
    record = replace(
        session_record(session, started), feeling_before=before, feeling_after=after, note=note
    )
    assert SessionRecord.from_toml(record.to_toml()) == record
    text = tomli_w.dumps(record.to_toml())
    assert SessionRecord.from_toml(tomllib.loads(text)) == record
    assert tomllib.loads(text) == record.to_toml()  # the same keys, in the same order
    if record.status == "completed" and record.exercises_done == len(record.exercises):
        assert record.counts


def test_to_toml_is_the_file_format() -> None:
    record = make_session_record(T0, after=7, note="easy")
    data = record.to_toml()
    assert list(data) == [
        "schema",
        "routine",
        "title",
        "level",
        "started",
        "ended",
        "status",
        "active_seconds",
        "paused_seconds",
        "planned_seconds",
        "feeling_after",
        "note",
        "exercise",
    ]
    assert data["schema"] == 1 and data["started"] == "2026-11-24T07:30:00+01:00"
    assert list(data["exercise"][0]) == [
        "id",
        "name",
        "status",
        "seconds",
        "planned_seconds",
        "sets_done",
        "sets_planned",
        "reps_done",
        "reps_planned",
    ]
    assert "feeling_before" not in make_session_record(T0).to_toml()
    assert "note" not in make_session_record(T0).to_toml()


def test_json_is_the_file_with_path_and_what_it_adds_up_to() -> None:
    record = make_session_record(T0, path=Path("/h/a.toml"))
    data = record.to_json()
    assert data == record.to_toml() | {
        "path": "/h/a.toml",
        "work_seconds": 60.0,
        "planned_work_seconds": 60,
        "counts": True,
    }
    json.dumps(data)  # plain JSON values only


def test_csv_row_follows_csv_fields() -> None:
    record = make_session_record(T0, status="stopped", before=4, path=Path("/h/a.toml"))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    writer.writerow(record.csv_row())
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert CSV_FIELDS[-2:] == ("work_seconds", "counts")
    assert row["started"] == "2026-11-24T07:30:00+01:00" and row["status"] == "stopped"
    assert row["feeling_before"] == "4" and row["feeling_after"] == "" and row["note"] == ""
    assert row["exercises_done"] == "1" and row["exercises_total"] == "3"
    assert row["work_seconds"] == "30.0" and row["counts"] == "false"
    assert row["path"] == "/h/a.toml"


def test_the_validator_names_what_is_wrong() -> None:
    good = make_record(T0)
    with pytest.raises(BadRecord, match="level: unknown level 'expert'"):
        SessionRecord.from_toml(good | {"level": "expert"})
    bad_exercise = dict(good["exercise"][0], seconds="long")
    with pytest.raises(BadRecord, match="seconds: expected a number"):
        SessionRecord.from_toml(good | {"exercise": [bad_exercise]})
    with pytest.raises(BadRecord, match="exercise\\[1\\].status: unknown 'meh'"):
        SessionRecord.from_toml(good | {"exercise": [dict(bad_exercise, status="meh")]})
    with pytest.raises(BadRecord, match="note: expected text"):
        SessionRecord.from_toml(good | {"note": 3})


def test_numbers_keep_the_type_they_were_read_with() -> None:
    data = make_record(T0) | {"active_seconds": 95, "planned_seconds": 95.0}
    record = SessionRecord.from_toml(data)
    assert record.to_toml() == data
    assert tomli_w.dumps(record.to_toml()) == tomli_w.dumps(data)


# -- files written before work was judged --------------------------------------------------------

OLD_FILE = """\
schema = 1
routine = "back-pain-relief"
title = "Back pain relief"
level = "beginner"
started = "2026-11-20T07:05:00+01:00"
ended = "2026-11-20T07:05:31+01:00"
status = "completed"
active_seconds = 20.0
paused_seconds = 11.0
planned_seconds = 95
feeling_after = 6

[[exercise]]
id = "cat-cow"
name = "Cat-Cow"
status = "{first}"
seconds = {seconds}
planned_seconds = 30
sets_done = 0
sets_planned = 1
reps_done = 0
reps_planned = 5

[[exercise]]
id = "sphinx"
name = "Sphinx"
status = "skipped"
seconds = 0.0
planned_seconds = 15
sets_done = 0
sets_planned = 1
reps_done = 0
reps_planned = 0

[[exercise]]
id = "childs-pose"
name = "Child's Pose"
status = "skipped"
seconds = 0.0
planned_seconds = 15
sets_done = 0
sets_planned = 1
reps_done = 0
reps_planned = 0
"""


@pytest.mark.parametrize(
    ("first", "seconds", "counts"),
    [("skipped", "0.0", False), ("partial", "20.0", False), ("done", "30.0", True)],
)
def test_an_old_file_is_read_judged_and_left_as_it_was(
    tmp_path: Path, first: str, seconds: str, counts: bool
) -> None:
    store = HistoryStore(tmp_path / "data")
    folder = store.sessions_dir / "2026" / "11"
    folder.mkdir(parents=True)
    path = folder / "20261120T070500-back-pain-relief-abc123.toml"
    text = OLD_FILE.replace("{first}", first).replace("{seconds}", seconds)
    path.write_text(text)
    record = read_record(path)
    assert record.status == "completed" and record.planned_work_seconds == 60
    assert record.work_seconds == float(seconds) and record.counts is counts
    assert tomli_w.dumps(record.to_toml()) == text  # written back, it would be the same file
    for _ in range(2):  # from the file, then from the index
        (loaded,) = store.load().records
        assert loaded == record and loaded.counts is counts
    assert path.read_text() == text  # judged on reading: never rewritten


def test_the_index_gives_the_records_the_files_give(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "data")
    for days, status in ((1, "completed"), (2, "stopped"), (3, "in_progress")):
        at = T0 - timedelta(days=days)
        store.save(make_session_record(at, status=status, after=days), store.path_for("x", at))
    (store.locks_dir).mkdir(parents=True)
    first = store.load(recover=False).records
    assert store.index_path.exists()
    again = store.load(recover=False).records
    assert again == first == tuple(read_record(r.path) for r in first if r.path is not None)
    assert again[0].exercises[0] is again[1].exercises[0]  # equal entries are shared


# -- which sessions count ------------------------------------------------------------------------


def test_completed_with_all_work_done_counts() -> None:
    assert judged("completed", hold(60.0), hold(30.0, 30.0)).counts


def test_completed_with_everything_skipped_does_not_count() -> None:
    assert not judged("completed", hold(0.0), hold(0.0, 30.0)).counts


@pytest.mark.parametrize("status", ["stopped", "interrupted", "in_progress"])
def test_a_session_that_did_not_reach_its_end_does_not_count(status: str) -> None:
    assert not judged(status, hold(60.0)).counts


def test_exactly_half_the_work_counts_just_under_does_not() -> None:
    assert COUNTS_SHARE == 0.5
    assert judged("completed", hold(30.0)).counts  # 30 of 60: half
    assert not judged("completed", hold(29.9)).counts
    assert judged("completed", hold(60.0), hold(0.0)).counts  # one of two holds skipped: half
    assert not judged("completed", hold(59.9), hold(0.0)).counts
    assert judged("completed", hold(10.0, 20.0), hold(10.0, 20.0), hold(10.0, 20.0)).counts


def test_a_session_with_no_planned_work_never_counts() -> None:
    assert not judged("completed").counts
    assert not judged("completed", hold(0.0, 0.0)).counts


# -- sessions played under a fake clock -----------------------------------------------------------


def played(*steps: float | str) -> SessionRecord:
    clock = FakeClock(500.0)
    session = Session(BPR, "beginner", clock)
    session.start()
    for step in steps:
        if isinstance(step, str):
            getattr(session, step)()
        else:
            clock.advance(step)
    return session_record(session, T0)


def test_skipping_through_every_exercise_reaches_the_end_but_does_not_count() -> None:
    record = played(2.0, "skip", 1.0, "skip", 1.0, "skip")
    assert record.status == "completed"
    assert [e.status for e in record.exercises] == ["skipped", "skipped", "skipped"]
    assert record.work_seconds == 0.0 and record.planned_work_seconds == 60
    assert not record.counts


def test_a_session_played_to_the_end_counts() -> None:
    record = played(1000.0)
    assert record.status == "completed" and record.active_seconds == 95.0
    assert record.ended == T0 + timedelta(seconds=95)  # when the plan ended, not when looked at
    assert [e.status for e in record.exercises] == ["done", "done", "done"]
    assert record.work_seconds == record.planned_work_seconds == 60
    assert record.counts


def test_skipping_one_hold_of_three_still_counts_and_says_which() -> None:
    # get ready 5, cat-cow 30, rest 10, get ready 5, sphinx 15: skip it from its get-ready
    record = played(45.0, "skip", 1000.0)
    assert [e.status for e in record.exercises] == ["done", "skipped", "done"]
    assert record.work_seconds == 45.0 and record.counts


def test_skipping_within_a_hold_leaves_it_partial() -> None:
    # into the sphinx hold for 5 of its 15 s, then on; the rest played to the end
    record = played(55.0, "skip", 1000.0)
    sphinx = record.exercises[1]
    assert (sphinx.status, sphinx.seconds, sphinx.planned_seconds) == ("partial", 5.0, 15)
    assert record.work_seconds == 50.0 and record.counts


def test_skipping_most_of_the_work_does_not_count() -> None:
    record = played(2.0, "skip", 2.0, "skip", 1000.0)  # only child's pose: 15 of 60
    assert [e.status for e in record.exercises] == ["skipped", "skipped", "done"]
    assert record.status == "completed" and not record.counts


def test_the_recorder_writes_the_record_with_its_check_ins(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "data")
    clock = FakeClock()
    session = Session(BPR, "beginner", clock)
    session.start()
    recorder = Recorder(store, session, T0)
    recorder.pain_before = 4
    recorder.open()
    clock.advance(1000.0)
    assert recorder.add(pain_after=7, note="") is None
    record = recorder.record()
    assert (record.pain_before, record.pain_after, record.note) == (4, 7, "")
    assert read_record(recorder.path) == replace(record, path=recorder.path)


# -- streaks, weeks and the program count only what counts ---------------------------------------


def day_at(day: int, status: str = "completed", skipped: bool = False) -> SessionRecord:
    at = datetime(2026, 11, day, 9, 0, tzinfo=UTC)
    exercises = (hold(0.0),) if skipped else (hold(60.0),)
    return make_session_record(at, status=status, exercises=exercises)


def test_streaks_and_weeks_count_only_sessions_that_count() -> None:
    today = date(2026, 11, 26)  # a Thursday
    records = [
        day_at(23),  # Monday: counts
        day_at(24, skipped=True),  # Tuesday: skipped through, does not
        day_at(25),  # Wednesday: counts
        day_at(26),  # today: counts
    ]
    stats = compute(records, today)
    assert (stats.current_streak, stats.longest_streak) == (2, 2)
    assert stats.this_week.sessions == 3
    assert stats.this_week.minutes == 3.0  # work minutes: the skipped-through one adds nothing
    assert stats.sessions == 4 and stats.minutes == 3.0
    assert stats.calendar[-1][:4] == (1.0, 0.0, 1.0, 1.0)
    assert stats.to_json()["last"] == {
        "started": "2026-11-26T09:00:00+00:00",
        "routine": "back-pain-relief",
        "status": "completed",
        "counts": True,
    }
    control = compute([*records[:1], day_at(24), *records[2:]], today)
    assert (control.current_streak, control.this_week.sessions) == (4, 4)


def test_a_stopped_session_adds_its_work_minutes_but_no_streak_day() -> None:
    stats = compute([day_at(26, status="stopped")], date(2026, 11, 26))
    assert stats.current_streak == 0 and stats.this_week.sessions == 0
    assert stats.this_week.minutes == 1.0


CATALOG = load_catalog(paths.routine_folders())
PROGRAM = load_program(paths.bundled_program_path(), CATALOG)


def workout(day: int, *, skipped: bool = False, hour: int = 8) -> SessionRecord:
    first = PROGRAM.workouts[0]
    at = datetime(2026, 11, day, hour, tzinfo=UTC)
    exercises = (hold(0.0),) if skipped else (hold(60.0),)
    return make_session_record(
        at, routine=first.routine, level=first.level, exercises=exercises, path=Path(f"{day}")
    )


def test_the_program_counts_only_workouts_that_count() -> None:
    start = date(2026, 11, 2)
    skipped = workout(3, skipped=True)
    assert count_workouts(PROGRAM, start, [skipped]) == []
    done = count_workouts(PROGRAM, start, [skipped, workout(3, hour=18), workout(5)])
    assert [(w.number, r.started.day) for w, r in done] == [(1, 3), (2, 5)]
    # Trained today? Not by skipping through: the next workout is still for today.
    today = progress(PROGRAM, start, [workout(6, skipped=True)], [], date(2026, 11, 6))
    assert today.suggested == date(2026, 11, 6) and len(today.done) == 0
    control = progress(PROGRAM, start, [workout(6)], [], date(2026, 11, 6))
    assert len(control.done) == 1 and control.suggested == date(2026, 11, 8)
