"""A yes/no question in a modal: y or Enter confirms, n or Escape cancels (or the keys the
keymap gives them: the dialog names those)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from supple.i18n import _, lazy
from supple.tui.keymap import say_keys


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", lazy("Yes"), id="confirm.yes", tooltip=lazy("Confirm")),
        Binding("n,escape", "answer(False)", lazy("No"), id="confirm.no", tooltip=lazy("Cancel")),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            # The question and detail quote titles and paths: shown as text, never as markup.
            yield Static(self.question, id="question", markup=False)
            yield Static(self.detail, id="detail", markup=False)
            yes, no = (
                say_keys(self.app, ConfirmScreen, i, " / ") for i in ("confirm.yes", "confirm.no")
            )
            yield Static(
                Text.assemble(
                    (yes, "bold"), ": " + _("yes") + "    ", (no, "bold"), ": " + _("no")
                ),
                id="keys",
            )

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
