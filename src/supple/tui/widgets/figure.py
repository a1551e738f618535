"""A figure of the exercise, drawn to fit its box and redrawn only when its pixels change."""

from __future__ import annotations

from functools import lru_cache

from supple.core.figure import Raster, draw
from supple.core.figures import FIGURES
from supple.core.motion import STEPS, FigureFrame
from supple.tui.widgets.pixels import PixelView

MIN_COLUMNS, MIN_ROWS = 12, 4  # smaller than this a figure is a smudge: nothing is drawn


@lru_cache(maxsize=1024)
def _raster(key: tuple[str, int, bool, int], width: int, height: int) -> Raster:
    """The pixels of one quantised pose at one size: a rep's poses repeat, so each is drawn
    once (a Cat-Cow set of 96 poses ≈ 1 MB at 200 × 60)."""
    name, step, mirrored, turn = key
    figure = FIGURES[name]
    return draw(figure, figure.pose(step / STEPS, mirrored=mirrored, turn=turn / 24), width, height)


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
        self.show_raster(_raster(frame.key, width, height * 2))

    def redraw(self) -> None:
        self._key = None
        self.show(self._frame)
