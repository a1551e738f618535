"""The quick check-in: how much does your back hurt, on the 0–10 pain scale (0 = no pain, 10 =
worst imaginable; ``core.pain``'s words), and a note. Esc (or its key in the keymap) skips it.
The same screen asks the next-morning question (``morning=True``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.keymap import say_keys
from supple.tui.widgets.field_input import FieldInput

if TYPE_CHECKING:
    from supple.core.screening import Checklist


@dataclass(frozen=True)
class CheckIn:
    pain: int | None
    note: str


class FeelingScreen(ModalScreen[CheckIn | None]):
    BINDINGS = [
        Binding(
            "escape", "skip", lazy("Skip"), id="feeling.skip", tooltip=lazy("Skip the check-in")
        ),
    ]

    def __init__(self, *, before: bool, morning: str = "", region: Checklist | None = None) -> None:
        super().__init__()
        self.before = before
        self.morning = morning  # the next-morning question: the session it is about
        self.body_region = region  # the body region asked about (the routine's; None: the back)

    def compose(self) -> ComposeResult:
        from supple.coach.session_wording import morning_question
        from supple.core.pain import SCALE, legend

        if self.morning:
            question = morning_question(self.morning)
        else:
            from supple.coach.wording import pain_question

            question = pain_question(before=self.before, region=self.body_region)
        with Vertical(id="dialog"):
            yield Static(Text(question), id="question")
            yield Static(Text(f"{_(SCALE)}\n{legend()}"), id="detail")
            # What is typed shows as typed (a refused rating says why, below); a burst of keys
            # or a paste lands whole, in the field it was meant for (``FieldInput``).
            yield FieldInput(placeholder="0–10", id="feeling")
            noted = not self.before and not self.morning  # a note field too: Tab goes there
            if noted:
                yield FieldInput(placeholder=_("a note (optional)"), id="note")
            yield Static("", id="feeling-error")
            skip = say_keys(self.app, FeelingScreen, "feeling.skip", " / ")
            keys = (
                _("Enter: save    Tab: next field    {key}: skip")
                if noted
                else _("Enter: save    {key}: skip")
            )
            yield Static(Text(keys.format(key=skip)), id="keys")

    def on_mount(self) -> None:
        # Torn down mid-mount (the terminal closed as it opened): nothing to focus, no crash.
        fields = self.query("#feeling")
        if fields:
            fields.first(Input).focus()

    @on(Input.Changed, "#feeling")
    def _changed(self, event: Input.Changed) -> None:
        """The error line goes as soon as the value is valid again, not only on Enter."""
        from supple.core.pain import read_pain

        raw = event.value.strip()
        try:
            if raw:
                read_pain(raw)
        except ValueError:
            return
        self.query_one("#feeling-error", Static).update("")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        raw = self.query_one("#feeling", Input).value.strip()
        notes = self.query("#note")
        note = notes.first(Input).value.strip() if notes else ""
        if not raw and not note:
            self.dismiss(None)
            return
        pain: int | None = None
        if raw:
            from supple.core.pain import read_pain

            try:  # the one number reader: ASCII digits only, a full-width 7 is refused
                pain = read_pain(raw)
            except ValueError:
                self.query_one("#feeling-error", Static).update(
                    Text(
                        _("'{text}' is not a whole number from 0 to 10").format(text=printable(raw))
                    )
                )
                return
        self.dismiss(CheckIn(pain, note))

    def action_skip(self) -> None:
        self.dismiss(None)
