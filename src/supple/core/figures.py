"""The built-in figures, by name: read from ``routines/figures/*.toml``
(``supple.core.figure_data``) the first time one is drawn, then kept.

Every side-view figure faces right (the head towards larger x) on a floor at y = 0.
"""

from __future__ import annotations

from supple.core.figure_data import LYING, ON_FLOOR, LazyFigures

FIGURES = LazyFigures()

__all__ = ["FIGURES", "LYING", "ON_FLOOR"]
