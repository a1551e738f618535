"""Pilot tests of the program screen, the mobility tests and starting the next workout."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widgets import DataTable, Static

from supple.core.history import HistoryStore
from supple.core.program_store import ProgramStore
from supple.tui.screens.mobility_tests import TestsScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.program import ProgramScreen
from tests.tui.conftest import WALL, advance, build_app
from tests.tui.scenes import settle


def text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_start_the_program_take_tests_and_see_them(data_dir: Path) -> None:
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgramScreen)
        assert "not started" in text(app, "#program-status")
        await pilot.press("s")
        await settle(pilot)
        assert "started Tue 24 Nov · 0/18 workouts done" in text(app, "#program-status")
        assert "Tests due:" in text(app, "#next-text") and "start" in text(app, "#next-text")

        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TestsScreen)
        await pilot.press(*"250", "enter")  # implausible: refused with the reason
        assert "250 cm is outside -40–100 cm" in text(app, "#test-error")
        await pilot.press("backspace", "backspace", "backspace", *"12.5", "enter")
        assert app.screen.index == 1  # on to the next test
        await pilot.press(*"6", "enter", *"20", "enter")
        assert app.screen.test.id == "superman-hold"
        await pilot.press("space")
        advance(app, 5.0)  # the get-ready (heard: 3-2-1, then the start tone)
        assert str(app.screen.query_one("#stopwatch").value) == "0:00.0"
        advance(app, 41.26)
        await pilot.press("space")  # stop
        advance(app, 10.0)  # stopped: the time stays
        assert str(app.screen.query_one("#stopwatch").value) == "0:41.2"
        await pilot.press("enter")
        await pilot.press("space")
        advance(app, 5.0)
        advance(app, 55.0)
        await pilot.press("enter")  # saving stops a running stopwatch
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProgramScreen)
        table = app.screen.query_one("#progress-table", DataTable)
        # What the stopwatch showed (0:41.2) is what was saved (it once saved 41.3).
        assert [table.get_row_at(n)[2] for n in range(5)] == ["12.5", "6", "20", "41.2", "55"]
        assert "Tests due" not in text(app, "#next-text")

    results = ProgramStore(HistoryStore(data_dir)).results_dir
    assert len(list(results.rglob("*.toml"))) == 5


async def test_enter_starts_the_next_workout_and_it_counts(data_dir: Path) -> None:
    app = build_app(data_dir, program=1, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "10/18 workouts done" in text(app, "#program-status")
        assert "Workout 11 · week 4" in text(app, "#next-text")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.live.session.level == "intermediate"
        advance(app, 700.0)  # the whole workout
        await settle(pilot)
        await pilot.press("escape")  # skip the check-in
        await settle(pilot)
        await pilot.press("enter")  # summary → back to the program
        await settle(pilot)
        assert isinstance(app.screen, ProgramScreen)
        assert "11/18 workouts done" in text(app, "#program-status")
        assert "Workout 12" in text(app, "#next-text")
        assert "Suggested on Thu 26 Nov" in text(app, "#next-text")


async def test_restart_asks_first(data_dir: Path) -> None:
    app = build_app(data_dir, program=1, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("s", "n")
        await settle(pilot)
        assert "10/18" in text(app, "#program-status")
        await pilot.press("s", "y")
        await settle(pilot)
        assert f"started {WALL:%a %d %b} · 0/18" in text(app, "#program-status")


async def test_done_marks_and_changes_take_the_themes_colours(data_dir: Path) -> None:
    app = build_app(data_dir, program=3, screened=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for theme in ("nord", "gruvbox"):
            app.theme = theme
            await pilot.press("p")
            await settle(pilot)
            assert isinstance(app.screen, ProgramScreen)
            success = Color.parse(app.theme_variables["success"]).rich_color
            grid = app.screen.query_one("#program-grid", DataTable)
            done = grid.get_row_at(0)[2]
            assert isinstance(done, Text) and done.plain.startswith("✓")
            assert Style.parse(str(done.style)).color == success
            change = app.screen.query_one("#progress-table", DataTable).get_row_at(0)[-1]
            assert isinstance(change, Text) and "better" in change.plain
            assert Style.parse(str(change.style)).color == success
            await pilot.press("escape")
            await settle(pilot)


async def test_a_result_is_saved_as_typed_when_confirmed_by_enter_tab_or_moving(
    data_dir: Path,
) -> None:
    """Issue 23, items 2 and 3: `2,5` is 2.5 (once 25), `8,5 cm` is 8.5 (once refused as 85);
    Enter, Tab and moving to another test confirm what the field shows; a refusal stays beside
    the field, on screen at 60 × 20; Esc drops what was typed."""
    app = build_app(data_dir, screened=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("s", "t")
        await settle(pilot)
        assert isinstance(app.screen, TestsScreen)
        await pilot.press(*"2,5", "enter")  # toe touch
        await settle(pilot)
        assert app.screen.saved == {"toe-touch": 2.5} and app.screen.index == 1
        await pilot.press(*"8,5 cm", "tab")  # thomas gap: leaving the field confirms it
        await settle(pilot)
        assert app.screen.saved["thomas-gap"] == 8.5
        assert app.screen.test.id == "press-up"
        field = app.screen.query_one("#test-value")
        field.focus()
        await pilot.press(*"8,5 kg", "enter")
        await settle(pilot)
        error = app.screen.query_one("#test-error", Static)
        assert "expected a number in centimetres" in text(app, "#test-error")
        assert error.region.height and error.region.bottom <= 19  # beside the field, on screen
        assert "press-up" not in app.screen.saved
        await pilot.press("down")  # leaving for another test: refused, the error stays
        await settle(pilot)
        assert app.screen.test.id == "press-up" and "centimetres" in text(app, "#test-error")
        await pilot.press(*["backspace"] * 3, "down")  # `8,5 ` confirmed by moving on
        await settle(pilot)
        assert app.screen.saved["press-up"] == 8.5 and app.screen.test.id == "superman-hold"
        await pilot.press("up")
        await settle(pilot)
        app.screen.query_one("#test-value").focus()
        await pilot.press(*"30", "escape")  # Esc: back, what was typed is not saved
        await settle(pilot)
        assert not isinstance(app.screen, TestsScreen)
    results = ProgramStore(HistoryStore(data_dir)).results_dir
    assert len(list(results.rglob("*.toml"))) == 3


async def test_the_other_program_is_shown_switched_to_and_resumed(data_dir: Path) -> None:
    app = build_app(data_dir, program=1, screened=True)  # lower back: 10 of 18 done
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        listing = text(app, "#program-list")
        assert "● Lower back: 6 weeks · 10/18" in listing
        assert "○ Overhead: 6 weeks · not started" in listing
        await pilot.press("o")  # the other one: shown, not yet chosen
        await settle(pilot)
        assert "Overhead: 6 weeks · not your program now — s starts it today" in text(
            app, "#program-status"
        )
        shown = text(app, "#next-text")
        assert "s: start it today" in shown
        assert "Enter" not in shown and "press t" not in shown  # no key named that does nothing
        footer = {k.description for k in app.screen.query("FooterKey") if k.display}
        assert "Other program" in footer and not {"Start next", "Tests"} & footer, footer
        await pilot.press("enter", "t")  # not the active program: nothing starts
        await settle(pilot)
        assert isinstance(app.screen, ProgramScreen) and app.coach.running() is None
        await pilot.press("s")
        await settle(pilot)
        assert "Overhead: 6 weeks · started Tue 24 Nov · 0/18" in text(app, "#program-status")
        assert "○ Lower back: 6 weeks · 10/18" in text(app, "#program-list")
        await pilot.press("o", "s")  # back to the lower back: resumed, no question asked
        await settle(pilot)
        assert "10/18 workouts done" in text(app, "#program-status")
        assert "Workout 11 · week 4" in text(app, "#next-text")
        assert "Enter: start it now" in text(app, "#next-text")  # the active one's keys again
        assert "● Lower back: 6 weeks · 10/18" in text(app, "#program-list")
        assert {"Start next", "Tests"} <= {
            k.description for k in app.screen.query("FooterKey") if k.display
        }


async def test_each_mobility_test_opens_with_its_name_in_view(data_dir: Path) -> None:
    """At 60 × 20 the test's own name heads its pane when it opens and at each test after
    (the field focused below it no longer scrolls the name away)."""
    app = build_app(data_dir, program=1, screened=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("p", "t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TestsScreen)
        for n, test in enumerate(screen.program.tests):
            if n:
                await pilot.press("down")
                await settle(pilot)
            await pilot.pause()
            assert screen.test is test
            name = screen.query_one("#test-name", Static)
            detail = screen.query_one("#test-detail")
            assert detail.scroll_y == 0, test.id
            lines = [s.text for s in screen._compositor.render_strips()]
            top = lines[name.region.y][name.region.x : name.region.right]
            assert top.strip() and top.split()[0] == test.name.split()[0], (test.id, top)
