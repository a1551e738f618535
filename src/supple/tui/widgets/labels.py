"""Labels redrawn every frame: each updated only when its text changes, and without a layout
of the whole screen when its box cannot change."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.css.scalar import Scalar
from textual.widgets import Static


def _fixed(scalar: Scalar | None) -> bool:
    return scalar is not None and scalar.is_cells


def _auto(scalar: Scalar | None) -> bool:
    return scalar is not None and scalar.is_auto


class Labels:
    """Some mounted labels by id, with the text each shows now."""

    def __init__(self, labels: Iterable[Static]) -> None:
        # Looked up once, after mount: a query per frame costs CPU.
        self._labels = {w.id: w for w in labels if w.id}
        # Which labels can change their text without changing their box (from the stylesheet):
        # a fixed height and a width that does not follow the text, or follows it (auto) but
        # the text keeps its length. Those repaint without a layout of the whole screen.
        self._fixed_height = {i for i, w in self._labels.items() if _fixed(w.styles.height)}
        self._auto_width = {i for i, w in self._labels.items() if _auto(w.styles.width)}
        self._shown: dict[str, str] = {}

    def __getitem__(self, widget_id: str) -> Static:
        return self._labels[widget_id]

    def set(self, widget_id: str, content: str | Text) -> None:
        """Update a label only when its text changed: an unchanged frame costs nothing. A label
        whose box cannot change (one line, or the same length in an auto-width box) is repainted
        without a layout of the whole screen. Text is shown as it is, never read as markup."""
        text = content if isinstance(content, str) else content.markup
        old = self._shown.get(widget_id)
        if old != text:
            self._shown[widget_id] = text
            layout = widget_id not in self._fixed_height or (
                widget_id in self._auto_width and (old is None or len(old) != len(text))
            )
            shown = Text(content) if isinstance(content, str) else content
            self._labels[widget_id].update(shown, layout=layout)
