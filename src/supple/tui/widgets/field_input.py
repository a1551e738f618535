"""A field whose value counts when the person confirms it, and keys that go where they were meant.

A value is confirmed by Enter, by leaving the field (Tab, a click) or by leaving the screen (the
screen asks each field with ``pending``); Escape in a field with an unconfirmed value puts back
the value last confirmed (with nothing to put back, Escape goes on to the screen). Nothing reads
a keystroke's intermediate value.

Keys typed in one burst reach the field focused when each *arrived*, not when it is handled:
after a Tab or an Enter that moves the focus, the rest of the burst is still queued here. Such
keys go on to the field focused now, in order, so a rating, Tab and a note typed in one go land
where they were meant. A Tab here moves the focus at once, for the same reason. Pasted text keeps
all its lines (joined by spaces: the field holds one line).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import Input


class FieldInput(Input):
    class Confirmed(Message):
        """The person confirmed the value shown (Enter, or leaving the field)."""

        def __init__(self, field: FieldInput, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> FieldInput:
            return self.field

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.confirmed = value  # the value last confirmed: what Escape puts back

    @property
    def pending(self) -> bool:
        """The value shown is not the value last confirmed."""
        return self.value != self.confirmed

    def accept(self) -> None:
        """The value shown is now the confirmed one (its owner took it)."""
        self.confirmed = self.value

    def restore(self) -> None:
        """Put back the value last confirmed."""
        self.value = self.confirmed
        self.cursor_position = len(self.value)

    def confirm(self) -> None:
        self.post_message(self.Confirmed(self, self.value))

    async def _on_key(self, event: events.Key) -> None:
        focused = self.app.focused
        if focused is not self:  # queued here before a key moved the focus: it goes on there
            event.stop()
            event.prevent_default()
            target = focused if focused is not None else self.app.screen
            target.post_message(events.Key(event.key, event.character))
            return
        match event.key:
            case "tab" | "shift+tab":  # now, so the next key of a burst finds the next field
                event.stop()
                event.prevent_default()
                if event.key == "tab":
                    self.screen.focus_next()
                else:
                    self.screen.focus_previous()
                return
            case "escape" if self.pending:
                event.stop()
                event.prevent_default()
                self.restore()
                return
            case _:
                pass  # Textual goes on to Input's own handler (each class's, in turn)

    def _on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines()]
        joined = " ".join(line for line in lines if line)
        event.stop()
        event.prevent_default()  # not Input's own handler too: it keeps the first line only
        if self.selection.is_empty:
            self.insert_text_at_cursor(joined)
        else:
            self.replace(joined, *self.selection)

    def _on_blur(self, event: events.Blur) -> None:
        self.confirm()  # and Input's own handler after this one

    async def action_submit(self) -> None:
        self.confirm()
        await super().action_submit()
