"""The terminal cursor follows the focus: it sits on the focused widget's current row (a
list's highlighted option, a table's cursor row, a field's caret) and is shown, so a screen
reader's review cursor, a braille display or a magnifier follows what the keys move. One
mechanism for every screen and dialog: the app calls ``FocusCursor.follow`` after the focus or
a highlight changes (``SuppleApp``'s handlers), and it places the cursor after the next layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ScreenStackError
from textual.geometry import Offset

from supple.tui.internals import option_line, set_terminal_cursor

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget
    from textual.widgets import DataTable


def cursor_offset(widget: Widget) -> Offset:
    """Where on the screen the cursor belongs for ``widget``, which holds the focus: the
    caret of a text field, the first cell of a list's highlighted option or a table's cursor
    row (scrolled as it is now), else the widget's first content cell."""
    from textual.widgets import DataTable, Input, OptionList  # the table: not at start-up

    if isinstance(widget, Input):
        return widget.cursor_screen_offset
    region = widget.content_region
    line: int | None = None
    if isinstance(widget, OptionList) and widget.highlighted is not None:
        line = option_line(widget, widget.highlighted)
    elif isinstance(widget, DataTable) and widget.row_count and _has_row_cursor(widget):
        row = max(0, min(widget.cursor_row, widget.row_count - 1))
        line = sum(r.height for r in widget.ordered_rows[:row])
        line += widget.header_height if widget.show_header else 0
    if line is None:
        return region.offset
    y = region.y + line - round(widget.scroll_offset.y)
    return Offset(region.x, max(region.y, min(y, region.bottom - 1)))


def _has_row_cursor(table: DataTable[Any]) -> bool:
    return table.show_cursor and table.cursor_type in ("row", "cell")


class FocusCursor:
    """The app's terminal cursor: shown while a widget holds the focus, on that widget's row."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.shown = False

    def follow(self) -> None:
        """Place the cursor once the layout that follows a change is done."""
        self.app.call_after_refresh(self.place)

    def watch_screen(self, screen: Screen[Any]) -> None:
        """Follow ``screen``'s layouts too: a scroll (a field brought into view) moves rows."""
        signal = screen.screen_layout_refresh_signal
        signal.unsubscribe(self.app)  # once per screen, however often it comes back
        signal.subscribe(self.app, lambda _: self.place())
        self.follow()

    def place(self) -> None:
        app = self.app
        try:
            focused = app.screen.focused
        except ScreenStackError:  # no screen (starting or leaving): nothing to follow
            return
        if focused is None or not focused.is_mounted:
            self._show(False)
            return
        where = app.screen.outer_size.clamp_offset(cursor_offset(focused))
        if where != app.cursor_position:
            app.cursor_position = where
            focused.refresh()  # its paint moves the terminal's cursor there
        self._show(True)

    def _show(self, shown: bool) -> None:
        if shown != self.shown:
            self.shown = shown
            set_terminal_cursor(self.app, shown)

    def resumed(self) -> None:
        """After a suspension (Ctrl+Z) Textual starts the terminal again, cursor hidden."""
        self.shown = False
        self.follow()
