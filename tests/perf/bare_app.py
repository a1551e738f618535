"""The reference: a bare Textual app, started the same way as supple. Not a test.

bare_app.py            a Label, painted once
bare_app.py digits     a Digits widget
bare_app.py tick       a 10 Hz timer that redraws only when the shown text changes
bare_app.py redraw     a 10 Hz timer that redraws a label every tick
"""

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, Label

MODE = sys.argv[1] if len(sys.argv) > 1 else "label"


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Digits("0:00") if MODE == "digits" else Label("ready")

    def on_mount(self) -> None:
        if MODE in ("tick", "redraw"):
            self.shown = ""
            self.set_interval(0.1, self.tick)

    def tick(self) -> None:
        now = time.monotonic()
        text = f"ready {now:.1f}" if MODE == "redraw" else f"ready {int(now)}"
        if text != self.shown:
            self.shown = text
            self.query_one(Label).update(text)


if __name__ == "__main__":
    Bare().run()
