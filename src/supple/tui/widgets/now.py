"""The player's panel of the moment: the digits, the figure, the cue word, the breath pacer
and the words of the current exercise, drawn from a session's snapshot."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from supple.core.words import printable
from supple.i18n import _
from supple.tui import format
from supple.tui.widgets.bigtext import BigText
from supple.tui.widgets.figure import FigureView
from supple.tui.widgets.labels import Labels
from supple.tui.widgets.pacer import BreathPacer

if TYPE_CHECKING:
    from supple.core.motion import FigureFrame
    from supple.core.routine import Level
    from supple.core.snapshot import Snapshot


class NowPanel(Vertical):
    """What to do now; it only draws the snapshots it is shown (the screen keeps the clock)."""

    def __init__(self, level: Level, keys: Callable[[str], str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.level: Level = level
        self.keys = keys  # a binding id's keys in force, in words (the screen's)
        self._shown: dict[str, str] = {}  # the classes and digits shown now

    def compose(self) -> ComposeResult:
        # The pacer's line is redrawn ten times a second; Textual repaints every widget whose
        # container overlaps a changed line, so what sits above and below the pacer is boxed
        # in containers of its own.
        # Short terminals: the digits beside the words, 3 rows. Tall ones: the figure and
        # digits as large as the space allows, the words under them.
        with Horizontal(id="now-head"):
            yield FigureView(id="figure")
            yield BigText("0:00", id="timer")
            with Vertical(id="now-words"):
                yield Static(id="stage")
                yield Static(id="exercise-name")
                yield Static(id="counters")
        yield BigText("", id="cue-word")  # the focus view's one word
        yield BreathPacer(id="pacer")
        with Vertical(id="now-foot"):
            yield Static(id="how")
            yield Static(id="next")

    def on_mount(self) -> None:
        # The widgets drawn every frame, looked up once (before the screen's first frame).
        self._labels = Labels(self.query(Static))
        self._timer_digits = self.query_one("#timer", BigText)
        self._figure = self.query_one("#figure", FigureView)
        self._cue_word = self.query_one("#cue-word", BigText)
        self._head = self.query_one("#now-head")
        self._pacer = self.query_one("#pacer", BreathPacer)

    def _mark(self, key: str, value: str) -> bool:
        """Whether ``value`` is new for ``key``: a class change restyles, so only on change."""
        if self._shown.get(key) == value:
            return False
        self._shown[key] = value
        return True

    def show(self, snap: Snapshot, figure: FigureFrame | None) -> None:
        """What changes within a segment: the stage line (count-in), the digits, the figure,
        the cue word and the pacer."""
        segment = snap.segment
        self._labels.set("stage", format.stage(snap))
        digits = format.countdown(snap.segment_left)
        if self._mark("timer", digits):
            self._timer_digits.update(digits)
        closing = "-closing" if snap.closing else ""
        if self._mark("timer-class", closing):  # the last 3 s of a hold or a rest
            self._timer_digits.set_classes(closing)
        self._figure.show(figure)
        self._cue_word.update(format.cue_word(snap))
        self._pacer.show(snap.breath if segment and segment.active else None)

    def show_segment(self, snap: Snapshot) -> None:
        """The parts that stay the same for a whole segment (after ``show`` of its frame)."""
        segment = snap.segment
        exercise = snap.exercise
        stage_class = "-paused" if snap.paused else f"-{segment.kind}" if segment else "-done"
        if self._mark("stage-class", stage_class):
            self.set_classes(stage_class)
        # No figure for this exercise: the digits take its room.
        no_figure = "-no-figure" if self._figure.frame is None else ""
        if self._mark("head-class", no_figure):
            self._head.set_classes(no_figure)
        # Resting before a new exercise: show that exercise, so the person can get in place.
        between = segment is not None and segment.between_exercises
        shown = snap.next_exercise if between else exercise
        name = printable(shown.name) if shown else ""
        if between and shown:
            name = _("Up next: {name} — {dose}").format(name=name, dose=shown.describe(self.level))
        self._labels.set("exercise-name", name)
        self._labels.set("counters", format.counters(snap))
        how = Text()
        if shown is not None and segment is not None:  # in every rest too: the next set's steps
            # Each step is one line: a newline inside one shows as \n, never as a step of its own.
            steps = (f"{n}. {printable(step)}" for n, step in enumerate(shown.how, 1))
            how.append("\n".join(steps))
            if shown.safety:
                how.append(f"\n⚠ {printable(shown.safety)}", style="italic")
        self._labels.set("how", how)
        next_text = format.next_up(snap, self.level)
        if between:
            next_text = _("Breathe easy and get into position.")
        if segment is not None and not segment.active:
            next_text += "  ·  " + _("{key} starts now").format(key=self.keys("player.start_now"))
        if snap.paused:
            next_text = _("Paused — press {key} to resume").format(key=self.keys("player.resume"))
        self._labels.set("next", next_text)
