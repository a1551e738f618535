"""The store: atomic private writes, checkpoints under a lock, recovery, quarantine, the index."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from supple.core.clock import FakeClock
from supple.core.history import HistoryStore, read_record
from supple.core.recorder import Recorder
from supple.core.routine import load_routine
from supple.core.session import Session
from supple.system import paths
from tests.fakes import make_record, make_session_record

BPR = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
T0 = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))


def store_at(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "data")


def test_saved_files_are_private_and_in_year_month_folders(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    path = store.save(make_session_record(T0), store.path_for("back-pain-relief", T0))
    assert path.parent == store.sessions_dir / "2026" / "11"
    assert path.name.startswith("20261124T073000-back-pain-relief-")
    assert path.stat().st_mode & 0o777 == 0o600
    for folder in (store.data_dir, store.sessions_dir, path.parent.parent, path.parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_load_is_newest_first_and_round_trips(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    for days in (3, 1, 2):
        at = T0 - timedelta(days=days)
        store.save(make_session_record(at, after=days), store.path_for("back-pain-relief", at))
    loaded = store.load()
    assert [r.started.day for r in loaded.records] == [23, 22, 21]
    assert loaded.records[0].feeling_after == 1 and not loaded.quarantined


def session_with_recorder(store: HistoryStore) -> tuple[Recorder, FakeClock]:
    clock = FakeClock()
    session = Session(BPR, "beginner", clock)
    session.start()
    recorder = Recorder(store, session, T0)
    recorder.open()
    return recorder, clock


def test_a_dead_checkpoint_becomes_interrupted_a_live_one_is_left_alone(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    dead, clock = session_with_recorder(store)
    clock.advance(12.0)
    dead.update(dead.session.snapshot())
    live, _ = session_with_recorder(store)
    assert dead._live is not None and dead._live._lock is not None
    dead._live._lock.close()  # the process died: its lock is gone with it, the file stays
    assert store.recover() == [dead.path]
    assert read_record(dead.path).status == "interrupted"
    assert read_record(dead.path).active_seconds == 12.0
    assert read_record(live.path).status == "in_progress"  # its lock is held: alive
    assert store.recover() == []  # nothing twice
    live.session.stop()
    assert live.finish() is None
    assert read_record(live.path).status == "stopped"
    assert not list(store.locks_dir.glob("*.lock"))


HOLDER = textwrap.dedent("""
    import sys, time
    from datetime import datetime, timezone
    from pathlib import Path
    from supple.system import paths
    from supple.core.clock import FakeClock
    from supple.core.history import HistoryStore
    from supple.core.recorder import Recorder
    from supple.core.routine import load_routine
    from supple.core.session import Session
    clock = FakeClock()
    session = Session(load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml"),
                      "beginner", clock)
    session.start()
    recorder = Recorder(HistoryStore(Path(sys.argv[1])), session,
                        datetime(2026, 11, 24, tzinfo=timezone.utc))
    recorder.open()
    clock.advance(7.0)
    recorder.checkpoint()
    print(recorder.path, flush=True)
    sys.stdin.read()  # hold the lock until the test kills us
""")


def test_lock_across_real_processes_and_recovery_after_sigkill(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        path = Path(child.stdout.readline().strip())
        assert store.recover() == []  # the other copy is alive
        assert read_record(path).status == "in_progress"
    finally:
        child.kill()
        child.wait()
    assert store.recover() == [path]
    record = read_record(path)
    assert record.status == "interrupted" and record.active_seconds == 7.0


WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime, timezone
    from pathlib import Path
    from supple.system import paths
    from supple.core.clock import FakeClock
    from supple.core.history import HistoryStore
    from supple.core.recorder import Recorder
    from supple.core.routine import load_routine
    from supple.core.session import Session
    routine = load_routine(paths.bundled_routines_dir() / "back-pain-relief.toml")
    store = HistoryStore(Path(sys.argv[1]))
    for n in range(50):
        clock = FakeClock()
        session = Session(routine, "beginner", clock)
        session.start()
        # Same start second in both processes: only the random part keeps names apart.
        recorder = Recorder(store, session, datetime(2026, 11, 24, 8, 0, n, tzinfo=timezone.utc))
        recorder.open()
        clock.advance(100)
        recorder.update(session.snapshot())
        assert recorder.finish() is None
""")


def test_two_processes_writing_50_sessions_each_lose_nothing(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(store.data_dir)]) for _ in range(2)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    loaded = store.load()
    assert len(loaded.records) == 100 and not loaded.quarantined
    assert all(r.status == "completed" for r in loaded.records)
    assert not list(store.locks_dir.glob("*.lock"))


BAD = {
    "not-toml.toml": b"schema = 1\nroutine = \n",
    "not-utf8.toml": b'schema = 1\ntitle = "caf\xe9"\n',
    "unknown-schema.toml": None,
    "negative-time.toml": None,
    "ends-before-start.toml": None,
    "feeling-eleven.toml": None,
    "unknown-status.toml": None,
}


def bad_records() -> dict[str, dict[str, object]]:
    good = make_record(T0)
    return {
        "unknown-schema.toml": good | {"schema": 0},
        "negative-time.toml": good | {"active_seconds": -5.0},
        "ends-before-start.toml": good | {"ended": (T0 - timedelta(hours=1)).isoformat()},
        "feeling-eleven.toml": good | {"feeling_after": 11},
        "unknown-status.toml": good | {"status": "great"},
    }


REASONS = {
    "not-toml.toml": "not valid TOML",
    "not-utf8.toml": "not UTF-8 text",
    "unknown-schema.toml": "unknown schema 0",
    "negative-time.toml": "active_seconds: -5.0 is impossible",
    "ends-before-start.toml": "ended: before started",
    "feeling-eleven.toml": "feeling_after: expected a whole number from 0 to 10",
    "unknown-status.toml": "status: unknown status 'great'",
}


@pytest.mark.parametrize("name", sorted(REASONS))
def test_each_kind_of_bad_file_is_quarantined_once_never_deleted(tmp_path: Path, name: str) -> None:
    import tomli_w

    store = store_at(tmp_path)
    good = store.save(make_session_record(T0), store.path_for("back-pain-relief", T0))
    folder = store.sessions_dir / "2026" / "11"
    raw = BAD.get(name) or tomli_w.dumps(bad_records()[name]).encode()
    (folder / name).write_bytes(raw)
    loaded = store.load()
    assert [r.path for r in loaded.records] == [good]  # the good one still shows
    (bad,) = loaded.quarantined
    assert bad.original == folder / name and REASONS[name] in bad.reason
    assert bad.moved_to.parent == store.quarantine_dir
    assert bad.moved_to.read_bytes() == raw  # kept as it was
    why = bad.moved_to.with_name(bad.moved_to.name + ".why.txt").read_text()
    assert REASONS[name] in why
    assert store.load().quarantined == ()  # reported once


def test_the_index_is_used_and_the_files_stay_the_truth(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    path = store.save(make_session_record(T0, after=3), store.path_for("back-pain-relief", T0))
    assert store.load().records[0].feeling_after == 3
    assert store.index_path.exists()
    store.save(make_session_record(T0, after=9), path)  # the file changes: the index must not win
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert store.load().records[0].feeling_after == 9
    store.index_path.write_text("{ broken")
    assert store.load().records[0].feeling_after == 9  # rebuilt
    assert tomllib.loads(path.read_text())["feeling_after"] == 9


def test_trash_moves_the_file(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    path = store.save(make_session_record(T0), store.path_for("back-pain-relief", T0))
    moved = store.trash(path)
    assert not path.exists() and moved.parent == store.trash_dir and moved.exists()
    assert store.load().records == ()


def test_a_checkpoint_without_a_lock_file_is_recovered_on_load(tmp_path: Path) -> None:
    # A lock file lost (or never made by an older supple): no process can be behind it.
    store = store_at(tmp_path)
    recorder, clock = session_with_recorder(store)
    clock.advance(9.0)
    recorder.checkpoint()
    assert recorder._live is not None
    recorder._live.lock_path.unlink()
    recorder._live._lock.close()  # type: ignore[union-attr]
    loaded = store.load()
    assert loaded.recovered == (recorder.path,)
    assert loaded.records[0].status == "interrupted" and loaded.records[0].active_seconds == 9.0


def test_the_lock_file_appears_locked_and_complete(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    recorder, _ = session_with_recorder(store)
    assert recorder._live is not None
    lines = recorder._live.lock_path.read_text().splitlines()
    assert lines == [str(os.getpid()), str(recorder.path)]
    assert store.recover() == []  # held: never taken for a dead one
    assert recorder._live.lock_path.exists()
    assert not [p for p in store.locks_dir.iterdir() if p.suffix != ".lock"]


def test_newest_reads_only_the_newest_across_months_and_years(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    for at in (
        T0.replace(year=2025, month=12, day=30),
        T0.replace(month=1, day=2),
        T0.replace(month=1, day=5),
        T0.replace(month=2, day=1),
    ):
        store.save(make_session_record(at), store.path_for("back-pain-relief", at))
    assert [r.started.strftime("%Y-%m-%d") for r in store.newest(3)] == [
        "2026-02-01",
        "2026-01-05",
        "2026-01-02",
    ]
    assert len(store.newest(10)) == 4


# -- forward compatibility: files written by a newer supple ----------------------------------------


def write_raw(store: HistoryStore, name: str, data: dict[str, object]) -> Path:
    import tomli_w

    folder = store.sessions_dir / "2026" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(tomli_w.dumps(data).encode())
    return path


def test_a_rewrite_keeps_the_keys_it_does_not_know(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    data = make_record(T0, status="in_progress")
    data["exercise"] = [dict(e, rpe=7) for e in data["exercise"]]  # type: ignore[union-attr]
    path = write_raw(store, "20261124T073000-back-pain-relief-abcd.toml", data | {"mood": "ok"})
    loaded = store.load()  # no lock: a dead checkpoint, rewritten as interrupted
    assert loaded.recovered == (path,)
    after = tomllib.loads(path.read_text())
    assert after["status"] == "interrupted" and after["mood"] == "ok"
    assert all(e["rpe"] == 7 for e in after["exercise"])
    assert loaded.records[0].to_json()["mood"] == "ok"


def test_a_newer_schema_is_read_never_rewritten_nor_quarantined(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    data = make_record(T0, status="in_progress") | {"schema": 2, "mood": "ok"}
    path = write_raw(store, "20261124T073000-back-pain-relief-abcd.toml", data)
    raw = path.read_bytes()
    loaded = store.load()
    (record,) = loaded.records
    assert record.schema == 2 and record.status == "in_progress" and record.routine
    assert loaded.recovered == () and loaded.quarantined == ()
    assert path.read_bytes() == raw  # never rewritten (not even marked interrupted)
    assert store.load().records == loaded.records  # the index gives it back as it was


def test_a_newer_schema_that_cannot_be_read_is_left_where_it_is(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    data = make_record(T0) | {"schema": 2, "status": "abandoned"}
    path = write_raw(store, "20261124T073000-back-pain-relief-abcd.toml", data)
    loaded = store.load()
    assert loaded.records == () and loaded.quarantined == ()
    (skipped,) = loaded.skipped
    assert skipped.path == path and "status: unknown status 'abandoned'" in skipped.reason
    assert path.exists() and not store.quarantine_dir.exists()
