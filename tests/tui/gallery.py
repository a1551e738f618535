"""Every built-in figure at its start and end keyframe, in one screen: a snapshot scene of its
own and screenshots/figures.svg (scripts/screenshots.py)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import ItemGrid, Vertical
from textual.widgets import Static

from supple.core.figures import FIGURES
from supple.core.motion import FigureFrame
from supple.tui.widgets.figure import FigureStrip

SIZE = (160, 66)


class FigureGallery(App[None]):
    CSS = """
    ItemGrid { grid-gutter: 0 2; padding: 0 1; }
    .figure { height: auto; }
    .figure-title { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        with ItemGrid(min_column_width=70):
            for figure in FIGURES.values():
                with Vertical(classes="figure"):
                    first, last = figure.labels
                    yield Static(f"{figure.title} · {first} → {last}", classes="figure-title")
                    strip = FigureStrip()
                    strip.show((FigureFrame(figure, 0.0), FigureFrame(figure, 1.0)))
                    yield strip
