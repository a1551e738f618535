"""One coach behind every screen and command: the same numbers everywhere, honest outcomes.

Each test drives the CLI and the app the way a person would and checks they agree.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from supple.cli import main
from supple.system import paths
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.program import ProgramScreen
from tests.tui.conftest import WALL, advance, build_app
from tests.tui.scenes import settle

BPR_BEGINNER_WITH_60S_GET_READY = 260.0  # 95 s as bundled, three get-readies of 5 s → 60 s


def write_settings(text: str) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text(text)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def text(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_a_get_ready_setting_changes_every_duration_alike(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings("get_ready = 60\n")
    listed = {r["id"]: r for r in cli(capsys, "list", "--json")}["back-pain-relief"]
    assert listed["seconds"]["beginner"] == BPR_BEGINNER_WITH_60S_GET_READY
    assert listed["minutes"]["beginner"] == 4.3
    shown = cli(capsys, "show", "back-pain-relief", "--json")
    assert shown["total_seconds"] == BPR_BEGINNER_WITH_60S_GET_READY
    assert [s["seconds"] for s in shown["segments"] if s["kind"] == "get_ready"] == [60] * 3

    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "4 min 20 s" in text(app, "#preview-text")  # home's preview
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"start back pain relief at beginner")
        await settle(pilot)
        from textual.command import CommandList

        palette = app.screen.query_one(CommandList)
        entries = [str(palette.get_option_at_index(i).prompt) for i in range(palette.option_count)]
        assert any("Back pain relief at beginner" in e and "4 min 20 s" in e for e in entries)
        await pilot.press("enter")
        await settle(pilot)
        player = app.screen
        assert isinstance(player, PlayerScreen)
        snap = player.live.session.snapshot()
        assert snap.total == BPR_BEGINNER_WITH_60S_GET_READY
        assert "4:20 left" in text(app, "#left")
        advance(app, BPR_BEGINNER_WITH_60S_GET_READY - 0.01)
        assert player.live.session.snapshot().state == "running"  # not a moment early
        advance(app, 0.02)
        await settle(pilot)
        assert player.live.session.snapshot().outcome == "completed"


def test_play_takes_the_level_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[str, str] | None] = []

    def run_app(coach: Any, *, start: tuple[str, str] | None, resume: object = None) -> int:
        started.append(start)
        return 0

    monkeypatch.setattr("supple.tui.app.run_app", run_app)
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    write_settings('level = "advanced"\n')
    assert main(["play", "back-pain-relief"]) == 0
    assert main(["play", "back-pain-relief", "--level", "intermediate"]) == 0
    paths.config_file().unlink()
    assert main(["play", "back-pain-relief"]) == 0
    assert started == [
        ("back-pain-relief", "advanced"),  # the settings' level
        ("back-pain-relief", "intermediate"),  # --level wins
        ("back-pain-relief", "beginner"),  # neither: beginner
    ]


def test_show_takes_the_level_from_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    write_settings('level = "advanced"\n')
    assert cli(capsys, "show", "back-pain-relief", "--json")["level"] == "advanced"


async def _play_workout(app: Any, pilot: Any, *, skip_through: bool) -> str:
    """From the program screen: start the next workout, play or skip it, back; the status."""
    await pilot.press("enter")
    await settle(pilot)
    player = app.screen
    assert isinstance(player, PlayerScreen)
    if skip_through:
        for _ in player.live.routine.exercises:
            await pilot.press("n")
    else:
        advance(app, 700.0)  # the whole workout
    await settle(pilot)
    assert player.live.session.snapshot().outcome == "completed"  # both reached the end
    await pilot.press("escape")  # skip the check-in
    await settle(pilot)
    await pilot.press("enter")  # summary → back to the program
    await settle(pilot)
    assert isinstance(app.screen, ProgramScreen)
    return text(app, "#program-status")


def _sessions_in_walls_week(stats: dict[str, Any]) -> int:
    monday = (WALL.date() - timedelta(days=WALL.weekday())).isoformat()
    return sum(w["sessions"] for w in stats["weeks"] if w["monday"] == monday)


async def test_a_skipped_through_session_does_not_count_one_played_does(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("s")  # start the program today
        await settle(pilot)
        status = await _play_workout(app, pilot, skip_through=True)
        assert "0/18 workouts done" in status
    stats = cli(capsys, "stats", "--json")
    # The CLI counts from today's date, the app's sessions are on WALL's day: read that week.
    assert stats["longest_streak"] == 0 and _sessions_in_walls_week(stats) == 0
    assert cli(capsys, "program", "--json")["done"] == 0
    history = cli(capsys, "history", "--json")
    assert [r["counts"] for r in history] == [False]
    assert {e["status"] for e in history[0]["exercise"]} == {"skipped"}

    app = build_app(data_dir)  # the control: the same workout played to its end
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        status = await _play_workout(app, pilot, skip_through=False)
        assert "1/18 workouts done" in status
    stats = cli(capsys, "stats", "--json")
    assert stats["longest_streak"] == 1 and _sessions_in_walls_week(stats) == 1
    assert cli(capsys, "program", "--json")["done"] == 1
