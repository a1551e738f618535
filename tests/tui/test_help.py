"""Pilot tests: the help lists the keys in force on the screen below, as they are bound now."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Static

from supple.tui.app import SuppleApp
from supple.tui.screens.help import HelpScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.player import PlayerScreen
from tests.tui.conftest import build_app


def help_rows(app: SuppleApp) -> list[str]:
    assert isinstance(app.screen, HelpScreen)
    return str(app.screen.query_one("#detail", Static).render()).splitlines()


def row(keys: str, what: str) -> str:
    return f" {keys:<11} {what}"


async def test_help_on_home_lists_its_keys_then_the_apps(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        rows = help_rows(app)
        home = [
            row("h", "Past sessions"),
            row("p", "The 6-week program and mobility tests"),
            row("s", "Streaks, weeks, pain"),
            row(",", "Level, voice, sound, rests, theme"),
            row("1", "Beginner"),  # no tooltip: the description
            row("?", "Every key"),  # home lists it itself, so the narrow footer shows it
        ]
        everywhere = [
            row("^p", "Open the command palette"),
            row("^c / ^q", "Quit; a running session is saved as stopped"),
        ]
        for line in home + everywhere:
            assert rows.count(line) == 1, line
        assert rows.index("On this screen") < min(rows.index(line) for line in home)
        assert max(rows.index(line) for line in home) < rows.index("Everywhere")
        assert rows.index("Everywhere") < min(rows.index(line) for line in everywhere)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_remapped_key_shows_under_its_new_key(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.update_keymap({"player.pause": "k"})
        await pilot.press("question_mark")
        await pilot.pause()
        rows = help_rows(app)
        assert row("k", "Pause the session") in rows
        assert not any(line.startswith(" space ") for line in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("k")
        assert app.screen.live.session.snapshot().paused


async def test_help_fits_the_smallest_terminal_and_scrolls(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        dialog = screen.query_one("#dialog")
        assert dialog.region.width <= 60 and dialog.region.height <= 20
        assert screen.query_one("#keys").region.bottom <= dialog.region.bottom
        detail = screen.query_one("#detail")
        assert detail.region.height == len(help_rows(app))  # one line a row: nothing wraps
        body = screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0
        body.scroll_end(animate=False)
        await pilot.pause()
        assert detail.region.bottom <= body.region.bottom


def _supples_words() -> set[str]:
    """Every tooltip and description of a binding supple declares (with its id), and the
    palette's."""
    from textual.binding import Binding

    from supple.tui.keymap import tui_nodes

    words = {"Open the command palette"}
    for node in tui_nodes():
        for binding in getattr(node, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.id is not None:
                words |= {binding.description, binding.tooltip}
    return words


# From home: each screen a person can reach, where the help is opened.
ROUTES = [[], ["h"], ["s"], ["p"], ["p", "t"], ["comma"], ["c"], ["enter", 6.5]]


async def test_help_lists_only_supples_keys_on_every_screen(data_dir: Path) -> None:
    from tests.tui.conftest import advance
    from tests.tui.scenes import settle

    words = _supples_words()
    for route in ROUTES:
        app = build_app(data_dir, history=not route or route[0] != "enter", program=1)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            for step in route:
                if isinstance(step, str):
                    await pilot.press(step)
                else:
                    advance(app, step)
                await settle(pilot)
            app.action_help()  # as ? does (a focused field may take the ? as text)
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen), route
            rows = [r for r in help_rows(app) if r.startswith(" ")]
            assert rows, route
            for line in rows:
                keys, what = line[1:12].strip(), line[13:]
                assert what in words, (route, line)  # supple's words, not Textual's
                assert keys not in {"tab", "shift+tab", "super+c"}, (route, line)
