"""The build screen (b on home) and the library screen (l on home): what is chosen rebuilds the
session shown; Enter plays what was shown; s keeps it as yours and home lists it; the library
shows the chosen exercise and Enter starts it alone."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, SelectionList, Static

from supple.core.builder import Built, Refusal
from supple.system import paths
from supple.tui.screens.build import FIRST_MINUTES, MINUTES_STEP, BuildScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.library import LibraryScreen
from supple.tui.screens.player import PlayerScreen
from tests.tui.conftest import build_app
from tests.tui.scenes import settle


async def test_build_then_play_what_was_shown(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BuildScreen)
        assert isinstance(screen.result, Built)
        assert screen.result.seconds <= FIRST_MINUTES * 60 * 1.1
        await pilot.press("minus")
        await settle(pilot)
        assert screen.minutes == FIRST_MINUTES - MINUTES_STEP
        title = str(screen.query_one("#build-title", Static).render())
        assert f"{FIRST_MINUTES - MINUTES_STEP} min" in title
        shown = screen.result
        assert isinstance(shown, Built)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        live = app.coach.running()
        assert live is not None
        ids = [e.id for e in live.session.routine.exercises]
        assert ids == [e.id for e in shown.routine.exercises]


async def test_a_choice_that_cannot_be_filled_says_why(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BuildScreen)
        screen.query_one("#build-focus", SelectionList).select("ankles")
        for _ in range(8):  # 45 minutes of ankles, with nothing at hand: more than there is
            await pilot.press("plus")
        await settle(pilot)
        assert screen.minutes == 45
        assert isinstance(screen.result, Refusal)
        refused = screen.query_one("#build-refused", Static)
        assert refused.display and "No session:" in str(refused.render())
        await pilot.press("enter")  # nothing starts
        await settle(pilot)
        assert app.screen is screen


async def test_save_keeps_it_and_home_lists_it(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        focus = app.screen.query_one("#build-focus", SelectionList)
        focus.select("lower-back")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        saved = app.screen.saved
        assert saved == "10-minutes-lower-back"
        assert (paths.user_routines_dir() / f"{saved}.toml").is_file()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        routines = app.screen.query_one("#routines", OptionList)
        assert routines.highlighted_option is not None
        assert routines.highlighted_option.id == saved


async def test_library_shows_an_exercise_and_starts_it_alone(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        chosen = screen.chosen()
        assert chosen is not None
        text = str(screen.query_one("#library-text", Static).render())
        assert chosen.exercise.name in text and "Needs:" in text
        await pilot.press("down")
        await settle(pilot)
        after = screen.chosen()
        assert after is not None and after.id != chosen.id
        assert after.exercise.name in str(screen.query_one("#library-text", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        live = app.coach.running()
        assert live is not None
        assert [e.id for e in live.session.routine.exercises] == [after.id]
