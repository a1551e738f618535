"""Pilot tests of issue 23's item 8 in the app: resume from home and the session's detail, log a
session by hand from the history, undo a delete there."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.core.history import read_record
from supple.system.speech import Speaker
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.history import HistoryScreen
from supple.tui.screens.log_session import LogScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.session_detail import SessionDetailScreen
from tests.tui.conftest import WALL, build_app
from tests.tui.scenes import settle

BPR = "back-pain-relief"


def stopped_session(data_dir: Path, seconds: float) -> Path:
    """A session of Back pain relief played for ``seconds`` an hour ago, then stopped."""
    clock = FakeClock()
    coach = Coach.from_environment(
        clock=clock,
        now=lambda: WALL - timedelta(hours=1),
        data_dir=data_dir,
        speaker=Speaker(None),
    )
    live = coach.start(BPR, "beginner")
    live.open()
    clock.advance(seconds)
    live.frame()
    live.end()
    return live.recorder.path


def text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


def notices(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(n.message for n in app._notifications)


async def test_home_offers_todays_stopped_session_and_r_resumes_it(data_dir: Path) -> None:
    path = stopped_session(data_dir, 50.0)  # into Sphinx, the second exercise
    earlier = read_record(path)
    assert earlier.stopped_in == 2
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert text(app, "#home-status") == "Resume Back pain relief from Sphinx: press r"
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        live = app.screen.live
        assert live.recorder.path == path
        assert live.frame().snap.exercise_index == 1  # Sphinx, from its start
        live.end()
    final = read_record(path)
    assert final.started == earlier.started
    assert final.exercises[0] == earlier.exercises[0]  # Cat-Cow, done before, stays as it was


async def test_the_detail_offers_resume_and_a_changed_routine_a_fresh_start(
    data_dir: Path,
) -> None:
    from tests.fakes import copy_routine

    mine = copy_routine(BPR, "Back pain relief")
    path = stopped_session(data_dir, 50.0)
    mine.write_text(mine.read_text().replace("reps = 5, sets = 1", "reps = 7, sets = 1"))
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "changed since: start it afresh" in text(app, "#home-status")
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        assert text(app, "#resume") == ("Back pain relief changed since: start it afresh: press r")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.live.recorder.path != path  # a new record, from the first exercise
        assert app.screen.live.frame().snap.exercise_index == 0
        app.screen.live.end()


async def test_delete_then_undo_puts_back_exactly_the_file(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#history-table", DataTable)
        before = table.row_count
        victim = app.screen.current()
        assert victim is not None and victim.path is not None
        content = victim.path.read_bytes()
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert not victim.path.exists() and table.row_count == before - 1
        assert f"Moved to the trash: {victim.path.name} (press u to undo)" in notices(app)
        await pilot.press("u")
        await settle(pilot)
        assert victim.path.read_bytes() == content
        assert table.row_count == before
        assert not list((data_dir / "trash").glob("*.toml"))


async def test_log_a_session_by_hand_from_the_history(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)
        app.screen.query_one("#log-routine", Input).value = BPR
        app.screen.query_one("#log-at", Input).value = "06:15"
        app.screen.query_one("#log-done", Input).value = "9"
        app.screen.query_one("#log-done", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogScreen)  # refused, saying why, nothing written
        assert "not an exercise number from 1 to 3" in text(app, "#log-result")
        app.screen.query_one("#log-done", Input).value = "1, 2"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "Logged by hand: Back pain relief, 2 of 3 exercises done" in notices(app)
        [record] = app.coach.history().records
        assert record.by_hand and record.started == WALL.replace(hour=6, minute=15)
        assert [e.status for e in record.exercises] == ["done", "done", "skipped"]


def test_play_resume_opens_the_app_on_the_record_it_continues(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from typing import Any

    from supple.cli import main

    opened: list[tuple[Any, Any]] = []

    def run_app(coach: Any, *, start: Any, resume: Any = None) -> int:
        opened.append((start, resume))
        return 0

    monkeypatch.setattr("supple.tui.app.run_app", run_app)
    monkeypatch.setattr("supple.cli.app.has_terminal", lambda: True)
    assert main(["play", "--resume"]) == 2  # nothing to resume
    assert "no stopped or interrupted session" in capsys.readouterr().err
    path = stopped_session(data_dir, 50.0)
    assert main(["play", "--resume"]) == 0
    [(start, resume)] = opened
    assert start == (BPR, "beginner") and resume.path == path and resume.stopped_in == 2
