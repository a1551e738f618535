"""Every key, on one page."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    (
        "Home",
        [
            ("↑ / ↓", "choose a routine"),
            ("← / →  or  1 2 3", "choose the level"),
            ("Enter", "start the session"),
            ("q", "quit"),
        ],
    ),
    (
        "During a session",
        [
            ("space", "pause / resume (resuming counts in 3 s)"),
            ("n  or  →", "skip to the next exercise"),
            ("p  or  ←", "back to the start of this exercise (again: the one before)"),
            ("+", "add 10 s to the current hold"),
            ("m", "mute / unmute the sound cues"),
            ("q  or  Esc", "end the session early (asks first; what you did is kept)"),
        ],
    ),
    (
        "Everywhere",
        [
            ("?", "this help"),
            ("ctrl+q", "quit (a running session is saved as stopped)"),
        ],
    ),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,question_mark,q,enter",
            "close",
            "Close",
            id="help.close",
            tooltip="Close the help",
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Keys", id="question")
            lines = []
            for title, keys in KEYS:
                lines.append(f"\n[b]{title}[/b]")
                lines += [f"  [b $accent]{key:<18}[/] {what}" for key, what in keys]
            yield Static("\n".join(lines).strip(), id="detail")
            yield Static("Esc or ? to close", id="keys")

    def action_close(self) -> None:
        self.dismiss(None)
