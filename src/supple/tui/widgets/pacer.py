"""The breath pacer: the cue in words, and a bar that fills on the in-breath, empties on the out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from supple.core.breath import BreathState

STEPS = 1000


class BreathPacer(Vertical):
    DEFAULT_CSS = """
    BreathPacer { height: auto; }
    BreathPacer > #cue { text-style: bold; width: 1fr; }
    BreathPacer > ProgressBar { width: 1fr; }
    BreathPacer > ProgressBar > Bar { width: 1fr; }
    BreathPacer.-inhale > #cue { color: $accent; }
    BreathPacer.-exhale > #cue { color: $success; }
    BreathPacer.-hold > #cue { color: $warning; }
    BreathPacer.-inhale Bar > .bar--bar { color: $accent; }
    BreathPacer.-exhale Bar > .bar--bar { color: $success; }
    BreathPacer.-hold Bar > .bar--bar { color: $warning; }
    BreathPacer.-none { visibility: hidden; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-none")
        self._shown: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="cue")
        yield ProgressBar(total=STEPS, show_eta=False, show_percentage=False)

    def show(self, breath: BreathState | None) -> None:
        """Render ``breath``; cheap when nothing visible changed."""
        key = ("none", "") if breath is None else (breath.phase, breath.cue)
        if key != self._shown:
            self._shown = key
            self.set_classes(f"-{key[0]}")
            self.query_one("#cue", Static).update(key[1])
        if breath is not None:
            self.query_one(ProgressBar).update(progress=round(breath.fill * STEPS))
