"""The jump list: the session's exercises, each with how it went so far; Enter jumps to one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.keymap import say_keys

MARKS = {"done": "✓", "partial": "◐", "skipped": "–", None: " "}


class JumpScreen(ModalScreen[int | None]):
    """Returns the index of the exercise to jump to, or None (Escape)."""

    BINDINGS = [
        Binding(
            "escape,j", "close", lazy("Back"), id="jump.close", tooltip=lazy("Back to the session")
        ),
    ]

    def __init__(
        self, rows: Sequence[tuple[str, str]], outcomes: Sequence[str | None], current: int
    ) -> None:
        super().__init__()
        self.rows = rows  # (name, what it is at this level) per exercise
        self.outcomes = outcomes
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for index, ((name, what), outcome) in enumerate(
            zip(self.rows, self.outcomes, strict=False)
        ):
            # How it went once it is over (during the rest after it too), else ▶ for now.
            mark = MARKS[outcome] if outcome else "▶" if index == self.current else " "
            label = Text.assemble(f"{mark} {index + 1}. ", (printable(name), "bold"), " · ", what)
            options.append(Option(label, id=str(index)))
        with Vertical(id="dialog"):
            yield Static(_("Jump to an exercise"), id="question")
            yield OptionList(*options, id="jump-list")
            back = say_keys(self.app, JumpScreen, "jump.close", " / ")
            said = _("Enter: jump there (what you did is kept) · {back}: back").format(back=back)
            yield Static(Text(said), id="keys")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = min(self.current, len(self.rows) - 1)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)
