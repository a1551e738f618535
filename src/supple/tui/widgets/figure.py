"""A figure of the exercise, drawn to fit its box and redrawn only when its pixels change."""

from __future__ import annotations

from functools import lru_cache

from textual.geometry import Size

from supple.core.figure import EMPTY, Raster, cells, draw
from supple.core.figures import FIGURES
from supple.core.motion import STEPS, TURN_STEPS, FigureFrame
from supple.tui.widgets.pixels import PixelView, Rows

MIN_COLUMNS, MIN_ROWS = 12, 4  # smaller than this a figure is a smudge: nothing is drawn


def _raster(key: tuple[str, int, bool, int], width: int, height: int) -> Raster:
    """The pixels of one quantised pose at one size."""
    name, step, mirrored, turn = key
    figure = FIGURES[name]
    return draw(
        figure, figure.pose(step / STEPS, mirrored=mirrored, turn=turn / TURN_STEPS), width, height
    )


@lru_cache(maxsize=512)
def _cells(key: tuple[str, int, bool, int], width: int, height: int) -> Rows:
    """A pose's cells, kept: a rep's poses repeat, so each is drawn once (rows of shared cells,
    some 60 KB a pose at 200 × 60)."""
    return cells(_raster(key, width, height))


class FigureView(PixelView):
    """Shows a ``FigureFrame``; ``None`` shows nothing."""

    DEFAULT_CSS = """
    FigureView { width: 1fr; height: 1fr; color: $foreground; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._frame: FigureFrame | None = None
        self._key: tuple[object, ...] | None = None

    @property
    def frame(self) -> FigureFrame | None:
        return self._frame

    def show(self, frame: FigureFrame | None) -> None:
        """Draw ``frame``; costs nothing while its pose (in steps) and the size stay the same."""
        self._frame = frame
        width, height = self.size
        key = (frame.key if frame else None, width, height)
        if key == self._key:
            return
        self._key = key
        if frame is None or width < MIN_COLUMNS or height < MIN_ROWS:
            self.clear_pixels()
            return
        self.show_cells(_cells(frame.key, width, height * 2))

    def redraw(self) -> None:
        self._key = None
        self.show(self._frame)


TILE_MIN, TILE_MAX = 14, 40  # columns of one figure in the strip (a column between two)
TALL = 40  # rows of the terminal from which the strip may take two lines of larger figures


class FigureStrip(PixelView):
    """A routine at a glance: each exercise's figure, small, in order (left to right, then the
    next line); an exercise without a figure keeps its place with an empty tile."""

    DEFAULT_CSS = """
    FigureStrip { width: 1fr; height: auto; color: $foreground; }
    """

    def __init__(
        self,
        *,
        shape: float = 0.25,
        fill: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``shape``: a tile's rows for each of its columns (a standing figure wants more);
        ``fill``: one line of tiles as large as the box the stylesheet gives it (its height
        set there), as the player's figure grows with its pane; else as large as the width
        allows, up to ``TILE_MAX`` columns, the height following."""
        super().__init__(id=id, classes=classes)
        self._shape = shape
        self._fill = fill
        self._frames: tuple[FigureFrame | None, ...] = ()
        self._drawn: tuple[object, ...] | None = None

    def show(self, frames: tuple[FigureFrame | None, ...]) -> None:
        if frames != self._frames:
            self._frames = frames
            self.refresh(layout=True)
            self.redraw()

    def _tiles(self, width: int) -> tuple[int, int, int]:
        """Figures a line, and each tile's columns and rows: one line of tiles, or two on a
        tall terminal, as large as the width allows; more lines when even the smallest won't."""
        count = max(1, len(self._frames))
        height = self.size.height
        if self._fill and height > 0:  # the largest tiles the box holds, on one line
            by_width = (width + 1) // count - 1
            columns = max(1, min(by_width, int(height / self._shape)))
            return count, columns, max(1, min(height, round(columns * self._shape)))
        lines = 2 if self.app.size.height >= TALL and count > 2 else 1
        per_line = -(-count // lines)
        columns = min(TILE_MAX, (width + 1) // per_line - 1)
        if columns < TILE_MIN:
            columns = TILE_MIN
            per_line = max(1, (width + 1) // (columns + 1))
        return per_line, columns, max(3, round(columns * self._shape))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not any(self._frames):
            return 0
        per_line, _, rows = self._tiles(width)
        lines = -(-len(self._frames) // per_line)
        return lines * (rows + 1) - 1

    def redraw(self) -> None:
        width = self.size.width
        key = (tuple(f.key if f else None for f in self._frames), self._tiles(width))
        if key == self._drawn or width <= 0:
            return
        self._drawn = key
        if not any(self._frames):
            self.clear_pixels()
            return
        per_line, tile_w, rows = self._tiles(width)
        tile_h = rows * 2
        pixels: list[list[int]] = []
        for start in range(0, len(self._frames), per_line):
            band = [[EMPTY] * width for _ in range(tile_h)]
            for column, frame in enumerate(self._frames[start : start + per_line]):
                if frame is None:
                    continue
                left = column * (tile_w + 1)
                for y, row in enumerate(_raster(frame.key, tile_w, tile_h)):
                    band[y][left : left + tile_w] = row
            if pixels:
                pixels += [[EMPTY] * width, [EMPTY] * width]
            pixels += band
        self.show_raster(tuple(tuple(r) for r in pixels), top=0)
