"""Two copies of supple changing one file at once (issue 24, R2 item 7): every read-modify-write
of a data or settings file holds the folder's data lock (``files.file_lock``) from the read to
the replace, so N copies each adding one mark at once keep all N, for each such file. Threads
with their own services stand for copies (each has its own cache, as a process does); one test
runs real processes."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supple.coach.library import LibraryService
from supple.coach.notices import Notices
from supple.coach.preferences import Preferences
from supple.core.adjustments import load_adjustments
from supple.core.config import Config, load_config, save_config
from supple.core.files import file_lock
from supple.core.history import HistoryStore
from supple.core.not_for_me import FILE_NAME, load_not_for_me
from supple.core.program_store import ProgramStore
from supple.core.value import replace

N = 8


def _at_once(count: int, work: Callable[[int], None]) -> None:
    """``work(i)`` for each i, in ``count`` threads let go together; the first error raised."""
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        start.wait()
        try:
            work(index)
        except BaseException as error:  # noqa: BLE001 - said below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def _exercise_ids(count: int) -> list[str]:
    return LibraryService(Path("/nonexistent")).library.ids()[:count]


def test_not_for_me_marks_at_once_are_all_kept(tmp_path: Path) -> None:
    ids = _exercise_ids(N)
    _at_once(N, lambda i: LibraryService(tmp_path).mark(ids[i]))
    assert load_not_for_me(tmp_path / FILE_NAME).ids == frozenset(ids)


def _preferences(data: Path) -> Preferences:
    return Preferences(Config(), [], data / "config.toml", data / "state.toml", data, Notices())


def test_steps_set_at_once_are_all_kept(tmp_path: Path) -> None:
    ids = _exercise_ids(N)
    _at_once(N, lambda i: _preferences(tmp_path).adjust("r", ids[i], 1)[1] is None or None)
    steps, problems = load_adjustments(tmp_path / "adjustments.toml")
    assert not problems
    assert steps == {"r": dict.fromkeys(ids, 1)}


def test_settings_changed_at_once_are_all_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    changes: list[dict[str, object]] = [
        {"level": "advanced"},
        {"get_ready": 7},
        {"rest_between_sets": 11},
        {"rest_between_exercises": 13},
        {"breath_sound": False},
        {"check_in_before": False},
    ]

    def change(index: int) -> None:
        values = changes[index]
        save_config(replace(Config(), **values), path, list(values))

    _at_once(len(changes), change)
    config, problems = load_config(path)
    assert not problems
    for values in changes:
        for key, value in values.items():
            assert getattr(config, key) == value


def test_programs_started_at_once_are_all_remembered(tmp_path: Path) -> None:
    at = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    programs = [f"program-{i}" for i in range(N)]
    _at_once(N, lambda i: ProgramStore(HistoryStore(tmp_path))._activate(programs[i], at))
    state, problem = ProgramStore(HistoryStore(tmp_path)).state()
    assert problem is None and state is not None
    assert set(state.starts) == set(programs)


def test_the_advice_logs_pattern_keeps_every_entry(tmp_path: Path) -> None:
    """The advice log is appended as the coach does (re-read and written under the lock)."""
    from supple.core.advice_log import Applied, load_log, save_log

    path = tmp_path / "advice.toml"
    at = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)

    def apply(index: int) -> None:
        entry = Applied(f"a{index}", "harder", "r", ("x",), "why", at, None)
        with file_lock(path):
            save_log(path, [*load_log(path)[0], entry])

    _at_once(N, apply)
    assert sorted(e.id for e in load_log(path)[0]) == sorted(f"a{i}" for i in range(N))


def test_the_lock_is_taken_again_by_the_thread_that_holds_it(tmp_path: Path) -> None:
    with file_lock(tmp_path / "x.toml"), file_lock(tmp_path / "y.toml"):
        LibraryService(tmp_path).mark(_exercise_ids(1)[0])  # the same folder, inside: no wait
    assert load_not_for_me(tmp_path / FILE_NAME).ids


def _mark_in_a_process(folder: str, exercise_id: str, start: threading.Barrier) -> None:
    start.wait()
    LibraryService(Path(folder)).mark(exercise_id)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_processes_marking_at_once_keep_every_mark(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    ids = _exercise_ids(6)
    start = context.Barrier(len(ids))
    workers = [
        context.Process(target=_mark_in_a_process, args=(str(tmp_path), i, start)) for i in ids
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert load_not_for_me(tmp_path / FILE_NAME).ids == frozenset(ids)
