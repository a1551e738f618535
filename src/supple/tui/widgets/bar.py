"""A thin horizontal bar that repaints only when what it shows changes (half-cell steps).

It draws with Textual's line API (one ``Strip`` of at most three segments), the cheapest way
to put a line on screen: the pacer's bar is the one thing redrawn ten times a second.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget


class Bar(Widget):
    DEFAULT_CSS = """
    Bar { height: 1; width: 1fr; color: $primary; }
    Bar > .bar--empty { color: $panel-lighten-2; }
    """
    COMPONENT_CLASSES = {"bar--empty"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._halves = 0  # how many half cells are filled
        self._fraction = 0.0
        self._styles: tuple[Style, Style] | None = None  # (filled, empty), until styles change
        self._width = 0  # cells, kept from the last resize: asking Textual each frame costs

    def show(self, fraction: float) -> None:
        """Fill ``fraction`` (0..1) of the bar; a repaint only if a half cell changed."""
        self._fraction = min(1.0, max(0.0, fraction))
        halves = round(self._fraction * self._width * 2)
        if halves != self._halves:
            self._halves = halves
            self.refresh()

    def on_resize(self) -> None:
        self._width = self.size.width
        self._halves = -1
        self.show(self._fraction)

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y or width <= 0:
            return Strip.blank(width, self.rich_style)
        if self._styles is None:
            self._styles = (self.rich_style, self.get_component_rich_style("bar--empty"))
        filled, empty = self._styles
        full, half = divmod(max(0, self._halves), 2)
        full = min(full, width)
        half = half if full < width else 0
        segments = [Segment("━" * full + "╸" * half, filled)]
        if width - full - half:
            segments.append(Segment("━" * (width - full - half), empty))
        return Strip(segments, width)
