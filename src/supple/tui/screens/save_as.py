"""Ask for the id a routine is kept under: a field prefilled with a free id; Enter keeps it (when
it is an id and not taken: else the dialog says why and stays), Escape cancels."""

from __future__ import annotations

import re
from collections.abc import Collection

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from supple.core.routine import SLUG
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.keymap import say_keys


class SaveAsScreen(ModalScreen[str | None]):
    """Returns the id chosen, or None when cancelled."""

    BINDINGS = [
        Binding(
            "escape", "cancel", lazy("Cancel"), id="saveas.cancel", tooltip=lazy("Do not save")
        ),
    ]

    def __init__(self, title: str, suggested: str, taken: Collection[str]) -> None:
        super().__init__()
        self.title_text = title
        self.suggested = suggested
        self.taken = taken

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(printable(self.title_text)), id="question")
            yield Static(Text(_("Keep it as one of your routines, under this id:")), id="detail")
            yield Input(self.suggested, id="saveas-id")
            yield Static(id="saveas-problem")
            cancel = say_keys(self.app, SaveAsScreen, "saveas.cancel", " / ")
            yield Static(Text(_("Enter: save · {cancel}: cancel").format(cancel=cancel)), id="keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        routine_id = event.value.strip()
        problem = self.query_one("#saveas-problem", Static)
        if not re.fullmatch(SLUG, routine_id):
            shown = printable(routine_id)
            said = _("'{id}' is not an id: lower-case letters, digits and dashes.")
            problem.update(Text(said.format(id=shown)))
        elif routine_id in self.taken:
            said = _("The id '{id}' is taken: choose another.")
            problem.update(Text(said.format(id=printable(routine_id))))
        else:
            self.dismiss(routine_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
