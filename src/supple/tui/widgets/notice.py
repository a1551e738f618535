"""The one-line notice that clears itself, where a toast would cover what must stay seen."""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from supple.core.words import printable


class Notice(Static):
    """A message on one line, styled by its severity, cleared after its timeout."""

    _clearing: Timer | None = None

    def say(self, message: str, severity: str, timeout: float | None) -> None:
        self.update(Text(printable(" ".join(message.split()))))
        self.set_classes(f"-{severity}")
        if self._clearing is not None:
            self._clearing.stop()
        self._clearing = self.set_timer(timeout or 5.0, self._clear)

    def _clear(self) -> None:
        self.update("")
        self._clearing = None
