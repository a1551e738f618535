"""The breath pacer: the cue in words, and a bar that fills on the in-breath, empties on the out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from supple.core.breath import BreathState
from supple.tui.widgets.bar import Bar


class BreathPacer(Vertical):
    DEFAULT_CSS = """
    BreathPacer { height: auto; }
    BreathPacer > #cue { text-style: bold; width: 1fr; }
    BreathPacer.-inhale > #cue, BreathPacer.-inhale > Bar { color: $accent; }
    BreathPacer.-exhale > #cue, BreathPacer.-exhale > Bar { color: $success; }
    BreathPacer.-hold > #cue, BreathPacer.-hold > Bar { color: $warning; }
    BreathPacer.-none { visibility: hidden; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-none")
        self._shown: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="cue")
        yield Bar()

    def show(self, breath: BreathState | None) -> None:
        """Render ``breath``; cheap when nothing visible changed."""
        key = ("none", "") if breath is None else (breath.phase, breath.cue)
        if key != self._shown:
            self._shown = key
            self.set_classes(f"-{key[0]}")
            self._cue.update(key[1])
        if breath is not None:
            self._bar.show(breath.fill)

    def on_mount(self) -> None:
        self._cue = self.query_one("#cue", Static)
        self._bar = self.query_one(Bar)
