"""The palette's commands say what the keys that do the same say: one wording per action."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding

from supple.tui.app import SuppleApp
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.program import ProgramScreen
from tests.tui.conftest import build_app
from tests.tui.scenes import settle


def _words(node: type, binding_id: str) -> tuple[str, str]:
    (found,) = [b for b in node.BINDINGS if isinstance(b, Binding) and b.id == binding_id]
    return found.description, found.tooltip or ""


async def test_palette_commands_are_worded_as_their_bindings(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = {c.title: c.help for c in app.get_system_commands(app.screen)}
    for node, binding_id in [
        (HomeScreen, "home.history"),
        (HomeScreen, "home.stats"),
        (HomeScreen, "home.settings"),
        (PlayerScreen, "player.mute"),
        (SuppleApp, "app.help"),
        (ProgramScreen, "program.progress"),
        (ProgramScreen, "program.screening"),
    ]:
        title, tooltip = _words(node, binding_id)
        assert shown[title] == tooltip
    assert "Feeel" in shown["Import"]


async def test_the_palette_has_each_command_once_and_none_of_textuals_duplicates(
    data_dir: Path,
) -> None:
    from supple.tui.app import TEXTUAL_DUPLICATES

    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for screen_keys in ([], ["enter"]):  # home, then a running session
            await pilot.press(*screen_keys)
            await settle(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert len(titles) == len(set(titles)), titles
            assert not TEXTUAL_DUPLICATES & set(titles) - {"Quit"}, titles  # no "Keys", "Theme"
            quits = [c for c in app.get_system_commands(app.screen) if c.title == "Quit"]
            assert [c.help for c in quits] == [_words(SuppleApp, "app.quit")[1]]  # supple's
            assert _words(SuppleApp, "app.help")[0] in titles


async def test_the_palette_opens_progress_and_the_screening(data_dir: Path) -> None:
    """Every door: the screens the program's keys open are in the palette, by those words."""
    from supple.tui.screens.progress import ProgressScreen
    from supple.tui.screens.screening import ScreeningScreen

    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for binding_id, screen in (
            ("program.progress", ProgressScreen),
            ("program.screening", ScreeningScreen),
        ):
            title = _words(ProgramScreen, binding_id)[0]
            (command,) = [c for c in app.get_system_commands(app.screen) if c.title == title]
            command.callback()
            await settle(pilot)
            assert isinstance(app.screen, screen), (title, app.screen)
            app.pop_screen()
            await settle(pilot)
