"""A yes/no question in a modal: y or Enter confirms, n or Escape cancels (or the keys the
keymap gives them: the dialog names those). ``CautiousConfirmScreen``, the question asked
while a warning sign stands, says no by default: Enter and Escape mean no, only y (or the
language's own yes, j in German, s in Spanish) means yes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from supple.core.light_words import yes_words
from supple.i18n import _, lazy
from supple.tui.keymap import key_word, keys_in_force, say_keys


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", lazy("Yes"), id="confirm.yes", tooltip=lazy("Confirm")),
        Binding("n,escape", "answer(False)", lazy("No"), id="confirm.no", tooltip=lazy("Cancel")),
    ]
    # The ids of this dialog's yes and no bindings (the keys its line names).
    ANSWERS: ClassVar[tuple[str, str]] = ("confirm.yes", "confirm.no")

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            # The question and detail quote titles and paths: shown as text, never as markup.
            yield Static(self.question, id="question", markup=False)
            yield Static(self.detail, id="detail", markup=False)
            yes, no = self.yes_keys(), say_keys(self.app, type(self), self.ANSWERS[1], " / ")
            yield Static(
                Text.assemble(
                    (yes, "bold"), ": " + _("yes") + "    ", (no, "bold"), ": " + _("no")
                ),
                id="keys",
            )

    def yes_keys(self) -> str:
        """The keys that answer yes, in words."""
        return say_keys(self.app, type(self), self.ANSWERS[0], " / ")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class CautiousConfirmScreen(ConfirmScreen, inherit_bindings=False):
    """A question whose safe answer is no (exercise while a warning sign stands): Enter and
    Escape say no; yes takes y, or the first letter of the language's yes (``yes_words``)."""

    BINDINGS = [
        Binding("y", "answer(True)", lazy("Yes"), id="cautious.yes", tooltip=lazy("Confirm")),
        Binding(
            "n,escape,enter",
            "answer(False)",
            lazy("No"),
            id="cautious.no",
            tooltip=lazy("Cancel (the default)"),
        ),
    ]
    ANSWERS = ("cautious.yes", "cautious.no")

    def own_yes(self) -> list[str]:
        """The language's one-letter yes words (j, s) that no binding of this dialog holds."""
        bound = {
            key
            for answer in self.ANSWERS
            for key in keys_in_force(self.app, CautiousConfirmScreen, answer)
        }
        return [w for w in dict.fromkeys(yes_words()) if len(w) == 1 and w not in bound]

    def yes_keys(self) -> str:
        keys = say_keys(self.app, CautiousConfirmScreen, self.ANSWERS[0], " / ")
        return " / ".join([keys, *(key_word(w) for w in self.own_yes())])

    def on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character.lower() in self.own_yes():
            event.stop()
            self.dismiss(True)
