"""The references: bare Textual apps, started the same way as supple. Not a test.

bare_app.py            a Label, painted once
bare_app.py digits     a Digits widget
bare_app.py home       the widgets supple's home screen shows (three labels, an option list of
                       two routines beside a scrolling preview, a footer of nine keys), no supple
                       code: what Textual itself costs to paint that screen
bare_app.py tick       a 10 Hz timer that redraws only when the shown text changes
bare_app.py redraw     a 10 Hz timer that redraws a label every tick
bare_app.py bar        a 10 Hz timer that moves a one-line bar drawn with the line API: the
                       least a moving pacer can cost in Textual
"""

import sys
import time

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Digits, Footer, Label, OptionList, Static

MODE = sys.argv[1] if len(sys.argv) > 1 else "label"


class LineBar(Widget):
    DEFAULT_CSS = "LineBar { height: 1; }"
    filled = 0

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        full = self.filled % (width + 1)
        return Strip(
            [Segment("━" * full, Style(color="yellow")), Segment("━" * (width - full))], width
        )


class Bare(App[None]):
    BINDINGS = [
        Binding(key, key, key.upper())
        for key in ("enter", "left", "h", "p", "s", "comma", "q", "question_mark")
    ]

    def compose(self) -> ComposeResult:
        if MODE == "digits":
            yield Digits("0:00")
        elif MODE == "home":
            yield Static("[b]bare[/b] — a title")
            yield Static("No sessions yet")
            yield Static("Level: beginner")
            routines = OptionList("Back pain relief\nback-pain-relief", "Lower back\nlower-back")
            routines.border_title = "Routines"
            yield Horizontal(routines, VerticalScroll(Static("A preview\n" * 12)))
            yield Footer()
        else:
            yield Label("ready")
            if MODE == "bar":
                yield LineBar()

    def on_mount(self) -> None:
        if MODE in ("tick", "redraw", "bar"):
            self.shown = ""
            self.label = self.query_one(Label)
            self.bar = self.query_one(LineBar) if MODE == "bar" else None
            self.set_interval(0.1, self.tick)

    def tick(self) -> None:
        if self.bar is not None:
            self.bar.filled += 1
            self.bar.refresh()
            return
        now = time.monotonic()
        text = f"ready {now:.1f}" if MODE == "redraw" else f"ready {int(now)}"
        if text != self.shown:
            self.shown = text
            self.label.update(text)


if __name__ == "__main__":
    Bare().run()
