"""Issue 13, class 4: deleting a session another copy of supple is running is refused, and says
it is running (its lock in ``<state>/locks/<machine>/`` is held). Through the coach's
``trash()``, so the history screen and the detail screen both get it."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from supple.coach.coach import Coach
from supple.core.history import HistoryStore, LiveFile, SessionRunning
from supple.system import paths as folders
from supple.tui.screens.history import HistoryScreen
from supple.tui.screens.session_detail import SessionDetailScreen
from tests.conftest import REPO
from tests.fakes import make_session_record
from tests.tui.conftest import WALL, build_app
from tests.tui.scenes import settle

HOLDER = """
import sys
from pathlib import Path
from supple.core.history import HistoryStore
store = HistoryStore(Path(sys.argv[1]), local_dir=Path(sys.argv[2]))
lives = [store.live(Path(line)) for line in sys.argv[3:]]
print("ready", flush=True)
sys.stdin.read()  # until the test lets go
"""


def checkpoint(store: HistoryStore, n: int, rng: random.Random) -> Path:
    started = WALL - timedelta(days=rng.randint(0, 400), minutes=n)
    record = make_session_record(started, status="in_progress", active=rng.uniform(1, 500))
    return store.save(record, store.path_for("back-pain-relief", started))


def refused(coach: Coach, path: Path) -> None:
    record = next(r for r in coach.store.load(recover=False).records if r.path == path)
    with pytest.raises(SessionRunning) as caught:
        coach.trash(record)
    assert f"{path} is running in supple (its lock is held)" in str(caught.value)
    assert path.exists() and not (coach.store.trash_dir / path.name).exists()


def test_sessions_held_by_another_process_are_not_deleted(data_dir: Path) -> None:
    """Three real second processes, each playing a few sessions."""
    rng = random.Random(13)
    store = HistoryStore(data_dir, local_dir=folders.state_dir())  # the coach's state folder
    coach = Coach.from_environment(data_dir=data_dir)
    local = coach.store.locks_dir.parent.parent  # the coach's own state folder
    for _ in range(3):
        paths = [checkpoint(store, n, rng) for n in range(rng.randint(1, 4))]
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(data_dir), str(local), *map(str, paths)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
            for path in paths:
                refused(coach, path)
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(10)
        # The process is gone (its locks with it): now the sessions may go to the trash.
        for record in coach.store.load(recover=False).records:
            if record.path in paths:
                assert coach.trash(record).parent == store.trash_dir


def test_sessions_held_in_this_process_are_not_deleted(data_dir: Path) -> None:
    """Forty held locks (the live file of this very copy, too), each refused; let go, each goes."""
    rng = random.Random(31)
    store = HistoryStore(data_dir, local_dir=folders.state_dir())  # the coach's state folder
    coach = Coach.from_environment(data_dir=data_dir)
    held: list[tuple[Path, LiveFile]] = []
    for n in range(40):
        path = checkpoint(store, n, rng)
        held.append((path, store.live(path)))
    for path, _ in held:
        refused(coach, path)
    for path, live in held:
        live.close()
        record = next(r for r in coach.store.load(recover=False).records if r.path == path)
        coach.trash(record)
        assert not path.exists()


async def test_both_screens_say_the_session_is_running(data_dir: Path, notified: list[str]) -> None:
    store = HistoryStore(data_dir, local_dir=folders.state_dir())  # the coach's state folder
    path = store.save(make_session_record(WALL), store.path_for("back-pain-relief", WALL))
    live = store.live(path)  # another copy plays it
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key, screen in (("h", HistoryScreen), ("enter", SessionDetailScreen)):
            notified.clear()
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen)
            for answer in ("d", "y"):  # delete, and yes
                await pilot.press(answer)
                await settle(pilot)
            assert path.exists() and any("is running in supple" in m for m in notified)
    live.close()
