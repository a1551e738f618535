"""Full disks, read-only folders, bad files of every kind, and two copies of the app at once."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import threading
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Static

import supple.core.files as files_module
from supple.core.history import HistoryStore
from supple.system import paths
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


def _play_to_an_unsaved_end(tmp_path: Path, env: dict[str, str]) -> str:
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
        }
        | env,
    )
    try:
        term.wait_for("Not saved", timeout=60)
        term.send("q")
        assert term.wait() == 0
    finally:
        term.close()
    return term.text()


def test_an_unsaved_session_is_kept_aside_and_joins_the_history_later(tmp_path: Path) -> None:
    state = tmp_path / "state"
    out = _play_to_an_unsaved_end(tmp_path, {"SUPPLE_STATE_DIR": str(state)})
    assert "could not save" in out and f"kept it in {state / 'unsaved'}" in out
    (kept,) = (state / "unsaved").glob("*.toml")
    assert tomllib.loads(kept.read_text())["status"] == "completed"
    (tmp_path / "data" / "sessions").unlink()  # the disk can be written again
    env = os.environ | {
        "SUPPLE_DATA_DIR": str(tmp_path / "data"),
        "SUPPLE_STATE_DIR": str(state),
        "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
    }
    listed = subprocess.run(
        [SUPPLE, "history", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    assert listed.returncode == 0, listed.stderr
    (record,) = json.loads(listed.stdout)
    assert record["status"] == "completed" and record["active_seconds"] == 95  # the whole one
    assert "is in your history now" in listed.stderr
    assert not list((state / "unsaved").glob("*.toml"))


def test_when_nothing_can_be_written_the_record_is_printed(tmp_path: Path) -> None:
    blocked = tmp_path / "state-is-a-file"
    blocked.write_text("")
    out = _play_to_an_unsaved_end(tmp_path, {"SUPPLE_STATE_DIR": str(blocked / "state")})
    assert "could not save" in out and 'routine = "back-pain-relief"' in out
    assert 'status = "completed"' in out and f"nor in {blocked / 'state' / 'unsaved'}" in out


def test_a_read_only_data_folder_never_stops_history_or_the_app_starting(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dead session's checkpoint to mark, and no write possible: read as it is, said once."""
    from supple.cli import main
    from tests.fakes import make_session_record
    from tests.tui.conftest import WALL

    store = HistoryStore(data_dir)
    checkpoint = store.save(
        make_session_record(WALL, status="in_progress"), store.path_for("back-pain-relief", WALL)
    )
    (data_dir / "locks").mkdir()
    (data_dir / "locks" / f"{checkpoint.stem}.lock").write_text(f"1\n{checkpoint}\n")

    def failing(path: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(files_module, "atomic_write", failing)
    assert main(["history"]) == 0
    out, err = capsys.readouterr()
    assert "Back pain relief" in out and "cannot be written (Read-only file system)" in err
    assert main(["history"]) == 0  # every start works, read-only


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
    bundled = {path.stem for path in paths.bundled_routines_dir().glob("*.toml")}
    assert {r.id for r in app.coach.catalog.routines} == bundled  # the broken one left out


def test_two_copies_finishing_20_sessions_each_at_once(tmp_path: Path) -> None:
    """Two copies of supple playing and finishing sessions side by side: every session saved,
    none lost or mixed. 20 each, 40 overlapping ends (was 50 each: 100 real app starts were
    80 s, a tenth, of the suite's CPU)."""
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

    threads = [threading.Thread(target=copy, args=(20,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    files = list((data / "sessions").rglob("*.toml"))
    assert len(files) == 40
    assert all(tomllib.loads(f.read_text())["status"] == "completed" for f in files)
