"""Pilot tests of history, session detail, stats and the home status line, on a faked week."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, Static

from supple.cli import main
from supple.core.history import HistoryStore
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.history import TITLE_WIDTH, HistoryScreen, row_cells, short_title
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.session_detail import SessionDetailScreen
from supple.tui.screens.stats import StatsScreen
from tests.fakes import make_session_record
from tests.tui.conftest import WALL, build_app
from tests.tui.scenes import settle


def text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_home_status_line(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Work minutes: this week's two sessions did 60 s of reps and holds each.
        assert text(app, "#home-status") == (
            "Last: Tue 24 Nov, Back pain relief (counts) · streak 3 days · this week 2 min"
        )


async def test_history_rows_filter_detail_and_delete(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    other = make_session_record(
        WALL.replace(day=10), routine="lower-back-mobility", title="Lower back mobility"
    )
    store = HistoryStore(data_dir)
    store.save(other, store.path_for("lower-back-mobility", WALL.replace(day=10)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one("#history-table", DataTable)
        assert table.row_count == 7
        row = [str(cell) for cell in table.get_row_at(0)]  # Text cells, never markup
        assert row[:3] == ["Tue 24 Nov 2026 06:05", "Back pain relief", "advanced"]
        assert row[6] == "6→8 feel"  # the old scale, marked as such, never read as pain
        await pilot.press("f")  # one routine
        assert table.row_count == 6 and "back-pain-relief" in text(app, "#history-status")
        await pilot.press("f")
        assert table.row_count == 1 and str(table.get_row_at(0)[1]) == "Lower back mobility"
        await pilot.press("f")  # all again
        assert table.row_count == 7

        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        # The day as every screen dates it (core.words.dated), with the time.
        assert "Mon 23 Nov 2026, 21:05" in text(app, "#title")
        assert "feeling 6→7/10 (old scale, 10 = great)" in text(app, "#feelings")
        detail_path = app.screen.record.path
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert table.row_count == 6
        assert not detail_path.exists()
        assert (data_dir / "trash" / detail_path.name).exists()

        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")  # cancelled: nothing moves
        await settle(pilot)
        assert table.row_count == 6
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_stats_screen(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        numbers = text(app, "#stats-numbers")
        assert "Streak 3 days · longest 3" in numbers
        # Work minutes (60 s of reps and holds a session, 30 s in the one stopped early).
        # Each total says what it counts: sessions that count, and of those ended in all.
        assert "This week 2 sessions that count, 2 min" in numbers
        assert "In all 5 sessions that count (6 ended), 6 min" in numbers
        assert "first 5, latest 8, best 8 over 6 check-ins" in text(app, "#feelings-caption")
        calendar = text(app, "#calendar")
        assert calendar.splitlines()[2].startswith("T ")  # Monday row first, then Tuesday
        assert "Nov" in calendar.splitlines()[0]


async def test_a_broken_history_file_is_notified_once_and_the_rest_shows(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    broken = data_dir / "sessions" / "2026" / "11" / "20261101T000000-x-000000.toml"
    broken.write_text("schema = 1\nstatus = ")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert sum("broken and moved aside" in m for m in messages) == 1
        assert any(str(broken) in m for m in messages)
        await pilot.press("h")
        await settle(pilot)
        assert app.screen.query_one("#history-table", DataTable).row_count == 6
        messages = [n.message for n in app._notifications]
        assert sum("broken and moved aside" in m for m in messages) == 1
    assert (data_dir / "quarantine" / broken.name).exists()


async def test_command_palette_opens_history(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"history")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#history-table", DataTable).row_count == 6


def test_the_cli_and_the_app_show_one_time_for_one_session(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 85.1 s once read 1:25 in `supple history` and 1:26 (a countdown's rounding) in the app.
    store = HistoryStore(data_dir)
    store.save(make_session_record(WALL, active=85.1), store.path_for("a", WALL))
    record = store.load().records[0]
    assert main(["history"]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    shown = row_cells(record)[3]
    assert shown == "1:25"
    assert f"  {shown}  counts " in line


@given(st.text(st.sampled_from("ab ÄÑ-"), min_size=TITLE_WIDTH + 1, max_size=40))
@settings(max_examples=200, deadline=None)
def test_a_long_title_is_cut_after_a_whole_word(title: str) -> None:
    """The narrow history's title: at most ``TITLE_WIDTH`` cells, ending in "…" after whole
    words where the first words fit ("Back pain…", not "Back pain r…")."""
    shown = short_title(title)
    kept = shown.removesuffix("…")
    assert shown.endswith("…") and len(shown) <= TITLE_WIDTH
    assert title.startswith(kept) and kept == kept.rstrip()
    if " " in title[: TITLE_WIDTH - 1].strip():
        assert title[len(kept)] == " "  # a whole word before the cut
    assert short_title("Back pain relief") == "Back pain…"
