"""The build screen (b on home) and the library screen (l on home): what is chosen rebuilds the
session shown; Enter plays what was shown; s keeps it as yours and home lists it; the library
shows the chosen exercise and Enter starts it alone; n marks an exercise "not for me" there and on
the summary, and the build never chooses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, SelectionList, Static

from supple.coach.library_wording import NOT_FOR_ME
from supple.core.builder import Built, Refusal
from supple.core.library import ALONE
from supple.core.not_for_me import FILE_NAME, load_not_for_me
from supple.system import paths
from supple.tui.screens.build import FIRST_MINUTES, MINUTES_STEP, BuildScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.library import LibraryScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.save_as import SaveAsScreen
from supple.tui.screens.summary import SummaryScreen
from supple.tui.widgets.record_table import RecordTable
from supple.tui.widgets.tick_list import TICKED, UNTICKED, TickList
from tests.tui.conftest import advance, build_app
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
        build = app.screen
        assert isinstance(build, BuildScreen)
        await pilot.press("s")  # asks for the id, prefilled with a free one
        await settle(pilot)
        asked = app.screen
        assert isinstance(asked, SaveAsScreen)
        field = asked.query_one(Input)
        assert field.value == "10-minutes-lower-back"
        field.value = "Not An Id"
        await pilot.press("enter")  # not an id: said, nothing saved, the dialog stays
        await settle(pilot)
        assert app.screen is asked and "not an id" in str(
            asked.query_one("#saveas-problem").render()
        )
        field.value = "my-hips"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is build
        saved = build.saved
        assert saved == "my-hips"
        path = paths.user_routines_dir() / f"{saved}.toml"
        assert path.is_file()
        said = [n.message for n in app._notifications]
        assert any(saved in m and str(path) in m for m in said), said  # where it was saved
        await pilot.press("s")  # again: the id just kept is taken now
        await settle(pilot)
        again = app.screen
        assert isinstance(again, SaveAsScreen)
        again.query_one(Input).value = saved
        await pilot.press("enter")
        await settle(pilot)
        assert "taken" in str(again.query_one("#saveas-problem").render())
        await pilot.press("escape")  # cancels: nothing more saved
        await settle(pilot)
        assert app.screen is build
        assert sorted(p.name for p in paths.user_routines_dir().iterdir()) == [path.name]
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
        assert live.session.routine.id == f"{ALONE}{after.id}"  # L's routine, as --exercise plays


async def _open(pilot: Pilot[None], key: str) -> Screen[object]:
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


async def test_not_for_me_in_the_library_leaves_it_out_of_the_build(data_dir: Path) -> None:
    """n on the library marks the chosen exercise (its row and its detail say so, the file keeps
    it) and the build screen never chooses it; n again undoes it."""
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        build = await _open(pilot, "b")
        assert isinstance(build, BuildScreen)
        build.query_one("#build-focus", SelectionList).select("lower-back")
        await settle(pilot)
        assert isinstance(build.result, Built)
        first = build.result.routine.exercises[0]
        await pilot.press("escape")
        library = await _open(pilot, "l")
        assert isinstance(library, LibraryScreen)
        options = library.query_one("#library-list", OptionList)
        options.highlighted = options.get_option_index(first.id)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.coach.library.not_for_me().ids == {first.id}
        assert load_not_for_me(data_dir / FILE_NAME).ids == {first.id}
        assert NOT_FOR_ME in str(options.get_option(first.id).prompt)
        assert f"Marked {NOT_FOR_ME}" in str(library.query_one("#library-text", Static).render())
        await pilot.press("escape")
        build = await _open(pilot, "b")
        assert isinstance(build, BuildScreen)
        build.query_one("#build-focus", SelectionList).select("lower-back")
        await settle(pilot)
        assert isinstance(build.result, Built)
        assert first.id not in [e.id for e in build.result.routine.exercises]
        await pilot.press("escape")
        library = await _open(pilot, "l")
        assert isinstance(library, LibraryScreen)
        options = library.query_one("#library-list", OptionList)
        assert NOT_FOR_ME in str(options.get_option(first.id).prompt)  # shown when it opens
        options.highlighted = options.get_option_index(first.id)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert load_not_for_me(data_dir / FILE_NAME).ids == frozenset()
        assert NOT_FOR_ME not in str(options.get_option(first.id).prompt)
        assert "Marked" not in str(library.query_one("#library-text", Static).render())


async def test_not_for_me_on_the_summary_marks_the_chosen_row(data_dir: Path) -> None:
    """n on the summary marks the exercise the cursor is on (its Next time says so); n again
    undoes it."""
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text("check_in_after = false\n")
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for _ in range(300):
            advance(app, 1.0)
        await settle(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        table = summary.query_one(RecordTable)
        await pilot.press("down")
        await settle(pilot)
        chosen = summary.record.exercises[table.cursor_row]
        assert table.cursor_row == 1
        await pilot.press("n")
        await settle(pilot)
        assert load_not_for_me(data_dir / FILE_NAME).ids == {chosen.id}
        assert NOT_FOR_ME in str(table.get_cell(str(table.cursor_row), "next-time"))
        assert NOT_FOR_ME not in str(table.get_cell("0", "next-time"))
        await pilot.press("n")
        await settle(pilot)
        assert load_not_for_me(data_dir / FILE_NAME).ids == frozenset()
        assert NOT_FOR_ME not in str(table.get_cell(str(table.cursor_row), "next-time"))


@pytest.mark.parametrize("theme", [None, "high-contrast", "no-color"])
async def test_ticks_are_written_not_only_coloured(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, theme: str | None
) -> None:
    """Each box of the build screen says [x] or [ ] in every theme and under NO_COLOR, as it is
    ticked; space ticks and ←/→ change the level, both named in the footer and in help."""
    if theme == "no-color":
        monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        if theme == "high-contrast":
            app.theme = theme
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BuildScreen)
        await pilot.press("down", "space", "down", "down", "space", "up")  # shoulders, lower back
        await settle(pilot)
        for list_id in ("#build-focus", "#build-equipment"):
            ticks = screen.query_one(list_id, TickList)
            for y in range(ticks.option_count):
                text = ticks.render_line(y).text
                value = ticks.get_option_at_index(y).value
                mark = TICKED if value in ticks.selected else UNTICKED
                assert text.startswith(f"{mark} {value.replace('-', ' ')}"), text
        assert set(screen.query_one("#build-focus", TickList).selected) == {
            "shoulders",
            "lower-back",
        }
        shown = {k.description for k in screen.query("FooterKey") if k.display}
        assert {"Tick", "Level"} <= shown, shown
        title = str(screen.query_one("#build-title", Static).render())
        assert "min (-/+)" in title and f"{screen.level} (←/→)" in title  # found at any width
        level = screen.level
        await pilot.press("right")
        await settle(pilot)
        assert screen.level != level
        await pilot.press("question_mark")
        await settle(pilot)
        helped = str(app.screen.query_one("#detail", Static).render())
        assert "Tick or untick" in helped and "A harder level" in helped


@pytest.mark.parametrize("size", [(60, 20), (100, 30), (200, 60)])
async def test_the_library_figure_grows_with_its_pane(
    data_dir: Path, size: tuple[int, int]
) -> None:
    """The start and end positions head the exercise's pane at every size: drawn (never nothing
    at 60 × 20), and at least a third of the pane's height where it is tall; the words below."""
    app = build_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        for _ in range(3):  # a few exercises, each drawn as it is chosen
            await pilot.press("down")
            await settle(pilot)
            await pilot.pause()
            chosen = screen.chosen()
            assert chosen is not None and chosen.exercise.figure is not None
            figure = screen.query_one("#library-figure")
            pane = screen.query_one("#library-detail")
            drawn = [figure.render_line(y).text for y in range(figure.size.height)]
            assert sum(1 for line in drawn if line.strip()) >= 3, (size, chosen.id)
            assert figure.region.y < screen.query_one("#library-words").region.y
            if size[1] >= 60:
                assert figure.size.height * 3 >= pane.size.height, (figure.size, pane.size)
