"""The built-in figures of one body area (one file of ``routines/figures``) at their start and end
keyframes, in one screen: a snapshot scene per area and screenshots/figures-AREA.svg
(scripts/screenshots.py)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import ItemGrid, Vertical
from textual.widgets import Static

from supple.core.figure_names import figures_dir, ids_in
from supple.core.figures import FIGURES
from supple.core.motion import FigureFrame
from supple.tui.widgets.figure import FigureStrip

AREAS = tuple(sorted(path.stem for path in figures_dir().glob("*.toml")))
ROWS_EACH = 11  # a title and a strip of two figures


def names_in(area: str) -> list[str]:
    return ids_in((figures_dir() / f"{area}.toml").read_text(encoding="utf-8"))


def size(area: str) -> tuple[int, int]:
    """Room for every figure of ``area``, two to a row."""
    return 160, ROWS_EACH * ((len(names_in(area)) + 1) // 2) + 2


class FigureGallery(App[None]):
    CSS = """
    ItemGrid { grid-gutter: 0 2; padding: 0 1; }
    .figure { height: auto; }
    .figure-title { text-style: bold; }
    """

    def __init__(self, area: str) -> None:
        super().__init__()
        self.area = area

    def compose(self) -> ComposeResult:
        with ItemGrid(min_column_width=70):
            for figure in (FIGURES[name] for name in names_in(self.area)):
                with Vertical(classes="figure"):
                    first, last = figure.labels
                    yield Static(f"{figure.title} · {first} → {last}", classes="figure-title")
                    strip = FigureStrip()
                    strip.show((FigureFrame(figure, 0.0), FigureFrame(figure, 1.0)))
                    yield strip
