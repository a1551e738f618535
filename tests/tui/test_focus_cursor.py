"""The terminal cursor follows the focus (issue 27): on home's list, the history table and the
settings form it sits on the focused row or field, and it is shown, so a screen reader's review
cursor, a braille display or a magnifier follows what the keys move."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from supple.tui.app import SuppleApp
from tests.tui.conftest import build_app
from tests.tui.scenes import settle


def line_at_cursor(app: SuppleApp) -> tuple[Any, str]:
    """The widget under the terminal cursor and the text of its line there, as painted."""
    x, y = app.cursor_position
    widget, _ = app.screen.get_widget_at(x, y)
    top = widget.content_region.y
    return widget, widget.render_line(y - top).text


async def moved(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_cursor_on_home_list_follows_the_highlight(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        routines = app.screen.focused
        assert isinstance(routines, OptionList)
        count = routines.option_count
        # Down past the bottom of the visible list (it scrolls), and back up.
        for key in ["down"] * (count + 1) + ["up"] * 3 + ["end", "home"]:
            await moved(pilot, key)
            assert app.focus_cursor.shown
            widget, text = line_at_cursor(app)
            assert widget is routines
            assert routines.highlighted is not None
            prompt = str(routines.get_option_at_index(routines.highlighted).prompt)
            assert prompt.splitlines()[0].strip()[:20] in text


async def test_cursor_on_history_row(data_dir: Path) -> None:
    app = build_app(data_dir, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await moved(pilot, "h")
        table = app.screen.query_one("#history-table", DataTable)
        assert app.screen.focused is table
        for key in ["down"] * (table.row_count + 1) + ["up", "up"]:
            await moved(pilot, key)
            widget, text = line_at_cursor(app)
            assert widget is table and app.focus_cursor.shown
            cells = [
                c.plain if hasattr(c, "plain") else str(c)
                for c in table.get_row_at(table.cursor_row)
            ]
            assert cells[0].strip() in text


async def test_cursor_on_each_settings_field(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await moved(pilot, "comma")
        seen = []
        for _ in range(8):
            focused = app.screen.focused
            assert focused is not None and app.focus_cursor.shown
            widget, _ = line_at_cursor(app)
            assert focused in widget.ancestors_with_self  # a select's current value is its child
            if isinstance(focused, Input):
                assert app.cursor_position == focused.cursor_screen_offset
            seen.append(focused.id)
            await moved(pilot, "tab")
        assert len(set(seen)) >= 5  # it went through the form's fields, each in its turn


async def test_no_focus_hides_the_cursor(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.focused is None
        assert not app.focus_cursor.shown
