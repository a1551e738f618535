"""A widget that shows half-block pixels (a figure, big text) and repaints only the lines that
changed: the one place pixel values become theme colours and strips."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from supple.core.figure import BODY, EMPTY, FAR, GROUND, Cell, Raster, cells

Rows = tuple[tuple[Cell, ...], ...]


class PixelView(Widget):
    """Pixels in theme colours: ink (`color`), the far limbs and the ground from component
    classes. Subclasses work out a raster for their size and call ``show_raster``; the raster
    is centred in the widget, and only lines whose cells changed are repainted."""

    DEFAULT_CSS = """
    PixelView > .pixels--far { color: $text-muted; }
    PixelView > .pixels--ground { color: $panel-lighten-2; }
    """
    COMPONENT_CLASSES = {"pixels--far", "pixels--ground"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Rows = ()
        self._top = 0
        self._left = 0
        self._styles: dict[int, Style] | None = None
        self._strips: dict[int, Strip] = {}  # by screen line, what is on screen now
        # By a row's cells: a moving figure's rows recur every rep, each is built once.
        self._by_cells: dict[tuple[Cell, ...], Strip] = {}

    def show_raster(self, raster: Raster, *, top: int | None = None) -> None:
        """Show ``raster`` (centred unless ``top`` is given); repaint only changed lines."""
        self.show_cells(cells(raster), top=top)

    def show_cells(self, rows: Rows, *, top: int | None = None) -> None:
        """Show half-block ``rows``, as ``show_raster`` (for rows worked out once, cached)."""
        if rows is self._rows:
            return  # the same cached rows: nothing changed
        width, height = self.size
        columns = len(rows[0]) if rows else 0
        new_top = (height - len(rows)) // 2 if top is None else top
        new_left = max(0, (width - columns) // 2)
        if (new_top, new_left) != (self._top, self._left) or len(rows) != len(self._rows):
            self._rows, self._top, self._left = rows, new_top, new_left
            self._strips.clear()
            self._by_cells.clear()
            self.refresh()
            return
        changed = [y for y, (a, b) in enumerate(zip(rows, self._rows, strict=True)) if a != b]
        self._rows = rows
        for y in changed:
            self._strips.pop(y + self._top, None)
        if changed:
            self.refresh(*(Region(0, y + self._top, width, 1) for y in changed))

    def clear_pixels(self) -> None:
        if self._rows:
            self._rows = ()
            self._strips.clear()
            self.refresh()

    def notify_style_update(self) -> None:
        self._styles = None
        self._strips.clear()
        self._by_cells.clear()
        super().notify_style_update()

    def _palette(self) -> dict[int, Style]:
        if self._styles is None:
            base = self.rich_style
            ink = Style(color=base.color, bold=False)
            self._styles = {
                BODY: ink,
                FAR: Style(color=self.get_component_rich_style("pixels--far").color),
                GROUND: Style(color=self.get_component_rich_style("pixels--ground").color),
            }
        return self._styles

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        strip = self._strips.get(y)
        if strip is not None:
            return strip
        row_index = y - self._top
        base = self.rich_style
        if not 0 <= row_index < len(self._rows):
            strip = Strip.blank(width, base)
        elif (known := self._by_cells.get(self._rows[row_index])) is not None:
            strip = known
        else:
            palette = self._palette()
            segments = [Segment(" " * self._left, base)] if self._left else []
            run, run_style = "", None
            styles: dict[tuple[int, int], Style] = {}
            for char, fg, bg in self._rows[row_index][: max(0, width - self._left)]:
                style = styles.get((fg, bg))
                if style is None:
                    style = base
                    if fg != EMPTY:
                        style = base + palette[fg]
                        if bg != EMPTY:
                            style = style + Style(bgcolor=palette[bg].color)
                    styles[(fg, bg)] = style
                if style is not run_style and run:
                    segments.append(Segment(run, run_style))
                    run = ""
                run_style = style
                run += char
            if run:
                segments.append(Segment(run, run_style))
            strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
            if len(self._by_cells) > 2048:
                self._by_cells.clear()
            self._by_cells[self._rows[row_index]] = strip
        self._strips[y] = strip
        return strip

    def on_resize(self) -> None:
        self._strips.clear()
        self._by_cells.clear()
        self.redraw()

    def redraw(self) -> None:
        """Work out the raster again for the current size (subclasses)."""
