"""A list of boxes to tick whose state is written, not only coloured: ``[x]`` ticked, ``[ ]``
not (Textual's SelectionList draws ``▐X▌`` for both and tells them apart by colour alone, which
NO_COLOR, the high-contrast theme, a screen reader and a braille display all lose). ASCII, so
every terminal font and every braille table shows it. ←/→ are left to the screen (the list does
not scroll sideways); space ticks, a binding with an id so the footer, help and keymap name it."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList

from supple.i18n import lazy

TICKED = "[x]"
UNTICKED = "[ ]"


class TickList(SelectionList[str], inherit_bindings=False):
    """A SelectionList of strings drawn with ``[x]`` / ``[ ]`` (the build screen's focus and
    equipment: its binding's id is the build screen's)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *OptionList.BINDINGS,
        Binding(
            "space",
            "select",
            lazy("Tick"),
            id="build.tick",
            tooltip=lazy("Tick or untick this one"),
        ),
    ]

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        index = self.scroll_offset.y + y
        if not 0 <= index < self.option_count:
            return line
        value = self.get_option_at_index(index).value
        mark = TICKED if value in self.selected else UNTICKED
        gutter = len(TICKED) + 1  # as wide as Textual's box and its space, which it replaces
        rest = line.crop(gutter, line.cell_length)
        style = next(iter(rest), Segment("")).style
        return Strip([Segment(f"{mark:<{gutter}}", style), *rest])
