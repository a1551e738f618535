"""A widget that shows half-block pixels (a figure, big text) and repaints only the lines that
changed: the one place pixel values become theme colours and strips."""

from __future__ import annotations

from itertools import groupby

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from supple.core.figure import BODY, EMPTY, FAR, GROUND, Cell, Raster, cells

Rows = tuple[tuple[Cell, ...], ...]


def _colours(cell: Cell) -> tuple[int, int]:
    return cell[1], cell[2]


class PixelView(Widget):
    """Pixels in theme colours: ink (`color`), the far limbs in `$foreground-muted` and the
    ground in `$panel-lighten-2` (theme variables, not component classes: a component class is
    one more node to restyle whenever the player's stage changes, which pauses and resumes
    wait for). Subclasses work out a raster for their size and call ``show_raster``; the raster
    is centred in the widget, and only lines whose cells changed are repainted."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Rows = ()
        self._top = 0
        self._left = 0
        self._styles: dict[int, Style] | None = None
        self._strips: dict[int, Strip] = {}  # by screen line, what is on screen now
        # By a row's cells: a moving figure's rows recur every rep, each is built once.
        self._by_cells: dict[tuple[Cell, ...], tuple[Style, Strip]] = {}
        self._pair_styles: dict[tuple[Style, int, int], Style] = {}

    def show_raster(self, raster: Raster, *, top: int | None = None) -> None:
        """Show ``raster`` (centred unless ``top`` is given); repaint only changed lines."""
        self.show_cells(cells(raster), top=top)

    def show_cells(self, rows: Rows, *, top: int | None = None) -> None:
        """Show half-block ``rows``, as ``show_raster`` (for rows worked out once, cached)."""
        width, height = self.size
        columns = len(rows[0]) if rows else 0
        new_top = (height - len(rows)) // 2 if top is None else top
        new_left = max(0, (width - columns) // 2)
        if rows is self._rows and (new_top, new_left) == (self._top, self._left):
            return  # the same cached rows in the same place: nothing changed
        same_shape = len(rows) == len(self._rows) and (
            not rows or len(rows[0]) == len(self._rows[0])
        )
        if (new_top, new_left) != (self._top, self._left) or not same_shape:
            self._rows, self._top, self._left = rows, new_top, new_left
            self._strips.clear()
            self._by_cells.clear()
            self.refresh()
            return
        regions = []
        for y, (new, old) in enumerate(zip(rows, self._rows, strict=True)):
            if new is old or new == old:
                continue
            self._strips.pop(y + self._top, None)
            # Only the cells that changed: a countdown's 0:59 → 0:58 repaints one digit.
            first = next(x for x, (a, b) in enumerate(zip(new, old, strict=True)) if a != b)
            last = len(new) - next(
                x
                for x, (a, b) in enumerate(zip(reversed(new), reversed(old), strict=True))
                if a != b
            )
            regions.append(Region(self._left + first, y + self._top, last - first, 1))
        self._rows = rows
        if regions:
            self.refresh(*regions)

    def clear_pixels(self) -> None:
        if self._rows:
            self._rows = ()
            self._strips.clear()
            self.refresh()

    def notify_style_update(self) -> None:
        self._styles = None
        self._pair_styles.clear()
        self._strips.clear()
        self._by_cells.clear()
        super().notify_style_update()

    def _palette(self) -> dict[int, Style]:
        if self._styles is None:
            theme = self.app.theme_variables
            behind = self.background_colors[1]
            far = behind + Color.parse(theme.get("foreground-muted", "#888888"))
            ground = Color.parse(theme.get("panel-lighten-2", "#444444"))
            self._styles = {
                BODY: Style(color=self.rich_style.color, bold=False),
                FAR: Style(color=far.rich_color),
                GROUND: Style(color=ground.rich_color),
            }
        return self._styles

    def _style(self, base: Style, fg: int, bg: int) -> Style:
        """The style of a cell showing ``fg`` over ``bg`` on ``base`` (the widget's style now,
        which follows its ancestors too), worked out once for each."""
        style = self._pair_styles.get((base, fg, bg))
        if style is None:
            palette, style = self._palette(), base
            if fg != EMPTY:
                style = style + palette[fg]
                if bg != EMPTY:
                    style = style + Style(bgcolor=palette[bg].color)
            if len(self._pair_styles) > 64:
                self._pair_styles.clear()
            self._pair_styles[(base, fg, bg)] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        strip = self._strips.get(y)
        if strip is not None:
            return strip
        row_index = y - self._top
        base = self.rich_style
        if not 0 <= row_index < len(self._rows):
            strip = Strip.blank(width, base)
        elif (known := self._by_cells.get(self._rows[row_index])) and known[0] == base:
            strip = known[1]
        else:
            segments = [Segment(" " * self._left, base)] if self._left else []
            row = self._rows[row_index][: max(0, width - self._left)]
            for (fg, bg), run in groupby(row, key=_colours):
                segments.append(Segment("".join(c[0] for c in run), self._style(base, fg, bg)))
            strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
            if len(self._by_cells) > 2048:
                self._by_cells.clear()
            self._by_cells[self._rows[row_index]] = (base, strip)
        self._strips[y] = strip
        return strip

    def on_resize(self) -> None:
        self._strips.clear()
        self._by_cells.clear()
        self.redraw()

    def redraw(self) -> None:
        """Work out the raster again for the current size (subclasses)."""
