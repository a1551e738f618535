"""One yes-or-no answer that starts unanswered: ``[ ? ]`` until the person says ``y`` or ``n``
(never a default: a screening answered by nobody must not read "no"). The answer is written in
words, not shown by colour alone; the keys are bindings with ids, so the footer, help and the
keymap name them. Answering moves the focus on, so seven questions take seven keys."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from supple.i18n import _, lazy


def answer_words(answer: bool | None) -> str:
    """The answer as shown: unanswered, yes or no (translated)."""
    if answer is None:
        return "[ ? ]"
    return _("yes") if answer else _("no")


class YesNo(Widget, can_focus=True):
    DEFAULT_CSS = """
    YesNo { width: 7; height: 1; }
    YesNo:focus { text-style: bold reverse; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", lazy("Yes"), id="answer.yes", tooltip=lazy("Answer yes")),
        Binding("n", "answer(False)", lazy("No"), id="answer.no", tooltip=lazy("Answer no")),
    ]

    answer: reactive[bool | None] = reactive(None)

    class Answered(Message):
        def __init__(self, widget: YesNo) -> None:
            super().__init__()
            self.widget = widget

        @property
        def control(self) -> YesNo:
            return self.widget

    def __init__(self, answer: bool | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(YesNo.answer, answer)

    def render(self) -> Text:
        return Text(answer_words(self.answer))

    def action_answer(self, yes: bool) -> None:
        self.answer = yes
        self.post_message(self.Answered(self))
        self.screen.focus_next()

    def on_click(self, event: events.Click) -> None:
        self.focus()  # a click focuses; y or n answers (a click must not guess which)
