"""A thin horizontal bar that repaints only when what it shows changes (half-cell steps)."""

from __future__ import annotations

from rich.text import Text
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

    def show(self, fraction: float) -> None:
        """Fill ``fraction`` (0..1) of the bar; a repaint only if a half cell changed."""
        self._fraction = min(1.0, max(0.0, fraction))
        halves = round(self._fraction * self.size.width * 2)
        if halves != self._halves:
            self._halves = halves
            self.refresh()

    def on_resize(self) -> None:
        self._halves = -1
        self.show(self._fraction)

    def render(self) -> Text:
        width = self.size.width
        halves = max(0, self._halves)
        full, half = divmod(halves, 2)
        empty_style = self.get_component_rich_style("bar--empty")
        text = Text("━" * full, style=self.rich_style)
        if half:
            text.append("╸", style=self.rich_style)
        text.append("━" * max(0, width - full - half), style=empty_style)
        return text
