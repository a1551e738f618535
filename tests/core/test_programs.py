"""Several programs, one active: sessions and test results carry their program's id, switching
keeps the other program's progress, switching back resumes it, older files belong to the first
program. Two programs over the same routine, so that only the id can tell their sessions apart."""

from __future__ import annotations

import tempfile
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.core.history import HistoryStore
from supple.core.program import FIRST_PROGRAM
from supple.core.program_store import ProgramStore
from supple.system import paths
from supple.system.speech import Speaker
from tests.fakes import make_session_record

OTHER = "second-6-weeks"
START = date(2026, 11, 2)


def programs_folder(root: Path) -> Path:
    """The first program and a copy of it under another id (the same routine and levels)."""
    folder = root / "programs"
    folder.mkdir(parents=True)
    text = paths.bundled_program_path().read_text(encoding="utf-8")
    (folder / f"{FIRST_PROGRAM}.toml").write_text(text, encoding="utf-8")
    other = text.replace(f'id = "{FIRST_PROGRAM}"', f'id = "{OTHER}"')
    (folder / f"{OTHER}.toml").write_text(other, encoding="utf-8")
    return folder / f"{FIRST_PROGRAM}.toml"


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(hour=hour)


def make_coach(root: Path) -> Coach:
    first = programs_folder(root)
    coach = Coach(
        None,
        clock=FakeClock(0.0),
        now=lambda: at(START, 8),
        data_dir=root / "data",
        config_path=None,
        speaker=Speaker(None),
        program_path=first,
        state_path=root / "state" / "state.json",
    )
    return coach


def workout_by_hand(coach: Coach, day: date) -> None:
    """The active program's next workout, logged by hand on ``day`` at 18:00."""
    view = coach.program()
    assert view is not None and view.progress.next is not None
    nxt = view.progress.next
    coach.now = lambda: at(day, 19)
    coach.journal.log_by_hand(coach.catalog, nxt.routine, nxt.level, at(day, 18), 30)


def done(coach: Coach, program_id: str) -> int:
    view = coach.program_service.view(program_id)
    assert view is not None
    return len(view.progress.done)


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([FIRST_PROGRAM, OTHER]), st.integers(0, 4)),
        min_size=1,
        max_size=5,
    )
)
def test_switching_keeps_each_programs_progress_and_resumes_it(
    plan: list[tuple[str, int]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        coach = make_coach(Path(tmp))
        expected = {FIRST_PROGRAM: 0, OTHER: 0}
        starts: dict[str, datetime] = {}
        logged: list[str] = []  # the program of every session, in order
        day = START
        for program_id, workouts in plan:
            coach.now = lambda day=day: at(day, 8)
            program = coach.program_service.load(program_id)
            if coach.program_service.active_id() == program_id:  # already active: a restart
                starts[program_id] = at(day, 8)
                expected[program_id] = 0
            started = coach.start_program(program)
            assert started == starts.setdefault(program_id, at(day, 8))  # else resumed
            assert coach.program_service.active_id() == program_id
            for _ in range(workouts):
                workout_by_hand(coach, day)
                expected[program_id] += 1
                logged.append(program_id)
                day += timedelta(days=1)
            day += timedelta(days=1)  # the next switch on a fresh day
            # Each program counts its own sessions only, whichever is active.
            assert {p: done(coach, p) for p in expected} == expected
        history = sorted(coach.history().records, key=lambda r: r.started)
        assert [r.program for r in history] == logged


def test_sessions_and_results_without_an_id_belong_to_the_first_program(tmp_path: Path) -> None:
    # An older supple's session and test result (no program key), in a started first program.
    store = HistoryStore(tmp_path / "data")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "program.toml").write_text(
        f'schema = 1\nprogram = "{FIRST_PROGRAM}"\nstarted = 2026-11-02T08:00:00Z\n',
        encoding="utf-8",
    )
    record = make_session_record(
        at(START, 18), routine="lower-back-mobility", title="Lower back", active=270.0
    )
    store.save(record, store.path_for("lower-back-mobility", at(START, 18)))
    old = ProgramStore(store).record("toe-touch", 12, "start", at(START, 9))
    assert old.path is not None
    data = tomllib.loads(old.path.read_text(encoding="utf-8"))
    del data["program"]
    old.path.write_text(tomli_w.dumps(data), encoding="utf-8")
    coach = make_coach(tmp_path)
    other = coach.program_service.load(OTHER)
    assert done(coach, FIRST_PROGRAM) == 1
    coach.now = lambda: at(START + timedelta(days=1), 8)
    coach.start_program(other)
    # The other program's test result is its own, and reading either program moves nothing.
    taken = coach.record_test(other.test("toe-touch"), 30, "start")
    # Out of an older supple's sight: it reads every file under tests/ as the first program's.
    assert taken.path is not None and (tmp_path / "data" / "programs" / OTHER) in taken.path.parents
    assert list((tmp_path / "data" / "tests").rglob("*.toml")) == [old.path]
    first_view = coach.program_service.view(FIRST_PROGRAM)
    other_view = coach.program_service.view(OTHER)
    assert first_view is not None and other_view is not None
    assert first_view.progress.results["toe-touch"]["start"].value == 12
    assert other_view.progress.results["toe-touch"]["start"].value == 30
    assert len(other_view.progress.done) == 0 and len(first_view.progress.done) == 1
    assert not any((tmp_path / "data").rglob("*quarantine*"))


def test_a_live_session_carries_the_active_programs_id(tmp_path: Path) -> None:
    coach = make_coach(tmp_path)
    live = coach.start("lower-back-mobility", "beginner")
    assert live.recorder.record().program is None  # no program started
    coach.start_program(coach.program_service.load(OTHER))
    live = coach.start("lower-back-mobility", "beginner")
    record = live.recorder.record()
    assert record.program == OTHER and record.to_toml()["program"] == OTHER


def test_a_state_file_of_an_older_supple_is_read_and_kept(tmp_path: Path) -> None:
    coach = make_coach(tmp_path)
    state = tmp_path / "data" / "program.toml"
    state.parent.mkdir(parents=True)
    state.write_text(
        f'schema = 1\nprogram = "{FIRST_PROGRAM}"\nstarted = 2026-11-02T08:00:00Z\nmine = "kept"\n',
        encoding="utf-8",
    )
    assert coach.program_service.active_id() == FIRST_PROGRAM
    coach.start_program(coach.program_service.load(OTHER), at(START, 10))
    written = tomllib.loads(state.read_text(encoding="utf-8"))
    assert written["program"] == OTHER and written["mine"] == "kept"
    assert set(written["starts"]) == {FIRST_PROGRAM, OTHER}
    back = coach.start_program(coach.program_service.load(FIRST_PROGRAM))
    assert back == datetime(2026, 11, 2, 8, tzinfo=UTC)


def test_the_state_is_parsed_once_while_its_file_stays_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`supple program` asks for the state several times: the file is parsed once, and again
    whenever it changes (an older file's time, as sync may set it, included)."""
    import os

    from supple.core import program_store

    parsed: list[Path] = []
    real = program_store.read_toml_file
    monkeypatch.setattr(
        program_store, "read_toml_file", lambda path: parsed.append(path) or real(path)
    )
    store = ProgramStore(HistoryStore(tmp_path / "data"))
    state = store.state_path
    state.parent.mkdir(parents=True)
    old = 1_600_000_000 * 10**9
    for n, program in enumerate((FIRST_PROGRAM, OTHER, FIRST_PROGRAM)):
        state.write_text(
            f'schema = 1\nprogram = "{program}"\nstarted = 2026-11-02T08:00:00Z\n', encoding="utf-8"
        )
        os.utime(state, ns=(old + n, old + n))
        for _ in range(4):
            assert ProgramStore(HistoryStore(tmp_path / "data")).active() == program
        assert len(parsed) == n + 1
    other = make_coach(tmp_path).program_service.load(OTHER)
    parsed.clear()
    store.start(other, at(START, 10))  # read as kept, then written just now...
    assert store.active() == OTHER and store.active() == OTHER
    assert len(parsed) == 2  # ...so parsed each time it is read
