"""The advice chooser: each suggestion that steps an exercise, to apply with Enter; "answer the
safety questions" and "see a clinician", to open the safety questions with Enter; the others to
read; and the last advice applied, to undo."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, assert_never

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

if TYPE_CHECKING:
    from supple.coach.wording import Hint
    from supple.core.advice import Suggestion
    from supple.core.advice_log import Applied

UNDO = "undo"  # the option that undoes the last advice applied (a suggestion id never is)


def opens_screening(suggestion: Suggestion) -> bool:
    """Enter on it opens the safety questions (to answer them, or to say you were cleared)."""
    from supple.core.advice import AdviceKind

    match suggestion.kind:
        case AdviceKind.SCREENING | AdviceKind.SEE_CLINICIAN | AdviceKind.USUAL_PAIN:
            return True  # the usual pain is asked there too
        case AdviceKind.HARDER | AdviceKind.EASIER | AdviceKind.REST:
            return False
        case AdviceKind.RETEST | AdviceKind.CELEBRATE:
            return False
        case _:
            assert_never(suggestion.kind)


class AdviceScreen(ModalScreen[str | None]):
    """Returns the id of the suggestion to apply, ``UNDO``, or None (Escape)."""

    BINDINGS = [
        Binding(
            "escape",
            "close",
            lazy("Back"),
            id="advice.close",
            tooltip=lazy("Back, nothing changed"),
        ),
    ]

    def __init__(self, suggestions: Sequence[Suggestion], last: Applied | None, how: Hint) -> None:
        super().__init__()
        self.suggestions = suggestions
        self.last = last
        self.how = how  # names the keys in force in the sentences

    def compose(self) -> ComposeResult:
        from supple.coach.wording import advice

        # Translators: before a suggestion in the advice dialog, "apply Cat-Cow 2 reps next time…"
        apply = _("apply") + " "
        options = [
            Option(
                Text.assemble((apply if s.change else "", "bold"), printable(advice(s, self.how))),
                id=s.id,
                disabled=not (s.change or opens_screening(s)),  # a rest day, a test: to read
            )
            for s in self.suggestions
        ]
        if self.last is not None:
            reason = printable(self.last.reason)
            # Translators: before the advice applied last, in the advice dialog, "undo Cat-Cow …"
            undo = _("undo") + " "
            options.append(Option(Text.assemble((undo, "bold"), reason), id=UNDO))
        with Vertical(id="dialog"):
            yield Static(Text(_("Advice")), id="question")
            yield OptionList(*options, id="advice-list")
            back = say_keys(self.app, AdviceScreen, "advice.close", " / ")
            said = _("Enter: apply, undo or open · {back}: back").format(back=back)
            yield Static(Text(said), id="keys")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
