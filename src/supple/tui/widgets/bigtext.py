"""Big text in block fonts (a countdown, a cue word), as large as its box allows."""

from __future__ import annotations

from functools import lru_cache

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip

from supple.core.figure import BODY, cells
from supple.core.glyphs import fit, render
from supple.core.words import printable
from supple.tui.widgets.pixels import PixelView, Rows


@lru_cache(maxsize=256)
def _cells(text: str, font: str, wide: int, tall: int) -> Rows:
    """A setting's cells, once: a countdown shows each of its values every session."""
    return cells(render(text, font, wide, tall, BODY))


class BigText(PixelView):
    """``text`` in the largest block font and scale that fit; plain text when none does, or
    when a font does not draw one of its letters (another script, an emoji): the whole text,
    as it is, never markup.

    With a fixed height and ``width: auto`` it takes the width its text needs at that height.
    """

    DEFAULT_CSS = """
    BigText { width: 1fr; height: 1fr; }
    """

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._text = text
        self._fallback = False
        self._shown: tuple[str, int, int] | None = None

    @property
    def text(self) -> str:
        return self._text

    def update(self, text: str) -> None:
        if text == self._text:
            return
        auto = self.styles.width is not None and self.styles.width.is_auto
        resized = auto and len(text) != len(self._text)
        self._text = text
        if resized:  # its width follows the text: draw once the new width is laid out
            self.refresh(layout=True)
            self.call_after_refresh(self.redraw)
        else:
            self.redraw()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        height = self.styles.height
        rows = int(height.value) if height is not None and height.is_cells else container.height
        layout = fit(self._text, 10_000, rows)
        return layout.columns if layout else self._plain().cell_length

    def redraw(self) -> None:
        width, height = self.size
        key = (self._text, width, height)
        if key == self._shown:
            return
        self._shown = key
        layout = fit(self._text, width, height)
        self._fallback = layout is None
        if layout is None:
            self.clear_pixels()
            self.refresh()
            return
        self.show_cells(_cells(self._text, layout.font.name, layout.wide, layout.tall))

    def _plain(self) -> Content:
        return Content(printable(self._text))

    def render(self) -> RenderResult:  # only when no font fits: the words as they are
        return self._plain()

    def render_line(self, y: int) -> Strip:
        if self._fallback:
            return super(PixelView, self).render_line(y)
        return super().render_line(y)
