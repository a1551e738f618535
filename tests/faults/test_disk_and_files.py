"""Full disks, read-only folders, bad files of every kind, and two copies of the app at once."""

from __future__ import annotations

import errno
import threading
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Static

import supple.core.files as files_module
from supple import paths
from supple.core.history import HistoryStore
from supple.tui.screens.summary import SummaryScreen
from tests.harness import SUPPLE, Term
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

pytestmark = pytest.mark.faults


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
async def test_a_full_or_read_only_disk_keeps_the_session_until_it_can_be_saved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    real_write = files_module.atomic_write

    def failing(path: Path, data: bytes) -> None:
        raise OSError(
            code,
            {
                errno.ENOSPC: "No space left on device",
                errno.EROFS: "Read-only file system",
                errno.EACCES: "Permission denied",
            }[code],
            str(path),
        )

    monkeypatch.setattr(files_module, "atomic_write", failing)
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Said at once, not only at the end: in the player's own line, which covers nothing.
        notice = str(app.screen.query_one("#notice", Static).render())
        assert "kept in memory" in notice
        for _ in range(50):
            advance(app, 2.0)  # the whole session, its checkpoints failing all along
        await settle(pilot)
        await pilot.press("escape")  # no check-in
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        saved = str(app.screen.query_one("#saved", Static).render())
        assert "Not saved" in saved and str(data_dir / "sessions") in saved
        monkeypatch.setattr(files_module, "atomic_write", real_write)  # space again
        await pilot.press("r")
        assert str(app.screen.query_one("#saved", Static).render()).startswith("Saved to")
    (path,) = (data_dir / "sessions").rglob("*.toml")
    record = tomllib.loads(path.read_text())
    assert record["status"] == "completed" and record["active_seconds"] == 95


def test_quitting_with_an_unsaved_session_prints_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sessions").write_text("a file where the folder should be")
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text("check_in_after = false\n")
    term = Term(
        [SUPPLE, "play", "back-pain-relief"],
        {
            "SUPPLE_DATA_DIR": str(data),
            "SUPPLE_CONFIG_DIR": str(config),
            "SUPPLE_TIME_SCALE": "100",
        },
    )
    try:
        term.wait_for("Not saved", timeout=60)
        term.send("q")
        term.wait()
    finally:
        term.close()
    out = term.text()
    assert "could not save" in out and 'routine = "back-pain-relief"' in out
    assert 'status = "completed"' in out


async def test_bad_files_everywhere_each_reported_once_the_rest_works(data_dir: Path) -> None:
    from tests.fakes import fake_program, fake_week
    from tests.tui.conftest import WALL

    fake_week(HistoryStore(data_dir), WALL)
    fake_program(data_dir, WALL, workouts=2, points=1)
    (data_dir / "sessions" / "2026" / "11" / "20261101T000000-bad-000000.toml").write_text("x=")
    (data_dir / "tests" / "2026" / "bad.toml").write_text('schema = 1\ntest = "nope"\n')
    routines = paths.user_routines_dir()
    routines.mkdir(parents=True)
    (routines / "broken.toml").write_text("schema = 1\n")
    paths.config_file().write_text('voice = "loud"\n')
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert sum("20261101T000000-bad-000000.toml" in m for m in messages) == 1
        assert sum("bad.toml" in m and "unknown test" in m for m in messages) == 1
        assert sum("voice: unknown value 'loud'" in m for m in messages) == 1
        assert app.screen.query_one("#history-table").row_count == 8  # 6 + 2 workouts
    assert any(e.path.name == "broken.toml" for e in app.coach.catalog.errors)
    assert len(app.coach.catalog.routines) == 2


def test_two_copies_finishing_50_sessions_each_at_once(tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text('check_in_after = false\nvoice = "off"\n')
    env = {
        "SUPPLE_DATA_DIR": str(data),
        "SUPPLE_CONFIG_DIR": str(config),
        "SUPPLE_TIME_SCALE": "1000",
    }
    failures: list[str] = []

    def copy(count: int) -> None:
        for _ in range(count):
            term = Term([SUPPLE, "play", "back-pain-relief"], env)
            try:
                term.wait_for("Session complete", timeout=60)
                term.send("q")
                if term.wait() != 0:
                    failures.append("exit")
            except AssertionError as error:
                failures.append(str(error)[:200])
            finally:
                term.close()

    threads = [threading.Thread(target=copy, args=(50,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    files = list((data / "sessions").rglob("*.toml"))
    assert len(files) == 100
    assert all(tomllib.loads(f.read_text())["status"] == "completed" for f in files)
