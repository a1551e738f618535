"""The safety screening: the warning signs that call for a clinician before exercise, answered
with a tick each, the usual pain 0-10, and what the answers mean. The one place in the app that
says supple is not medical advice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Static

from supple.coach.wording import (
    NOT_MEDICAL_ADVICE,
    SCREENING_INTRO,
    USUAL_PAIN_QUESTION,
    Ask,
    screening_result,
)
from supple.core.screening import SIGNS
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.context import tell
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.field_input import FieldInput

if TYPE_CHECKING:
    from typing import Any

    from textual.app import App

    from supple.coach.coach import Coach
    from supple.coach.wording import Hint

# The answer in words beside the tick: not by colour alone (NO_COLOR).
YES, NO = lazy("yes"), lazy("no")


def answer_word(ticked: bool) -> str:
    return _(YES if ticked else NO)


def in_app(
    app: App[Any], to_screening: str = "", advice_key: str = "", tests_key: str = ""
) -> Hint:
    """How to do each ``Ask`` in the app, naming the keys in force: ``to_screening`` the keys
    that open the safety questions from where the sentence is shown ("" when on them),
    ``advice_key`` the advice key there, ``tests_key`` the program screen's tests key."""
    from typing import assert_never

    from supple.tui.keymap import say_keys

    def how(ask: Ask) -> str:
        match ask:
            case Ask.SCREENING:
                if to_screening:
                    return to_screening
                return _("answer above, then {key}").format(
                    key=say_keys(app, ScreeningScreen, "screening.save")
                )
            case Ask.CLEARED:
                cleared = say_keys(app, ScreeningScreen, "screening.cleared")
                if to_screening:
                    return _("{first}, then {second}").format(first=to_screening, second=cleared)
                return cleared
            case Ask.TESTS:
                if tests_key:
                    return _("{key} on the program screen").format(key=tests_key)
                return _("the program screen")
            case Ask.UNDO_ADVICE:
                return _("{key}, then Enter on “undo”").format(key=advice_key)
            case _:
                assert_never(ask)

    return how


class ScreeningScreen(SuppleScreen):
    """Whoever pushed it reads the screening from the coach when it is dismissed."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            lazy("Save"),
            id="screening.save",
            tooltip=lazy("Save the answers"),
            priority=True,
        ),
        Binding(
            "ctrl+k",
            "cleared",
            lazy("Cleared"),
            id="screening.cleared",
            tooltip=lazy("A doctor or physiotherapist has cleared you to exercise"),
        ),
        Binding(
            "escape",
            "back",
            lazy("Back"),
            id="screening.back",
            tooltip=lazy("Leave without saving"),
        ),
    ]

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach

    def body(self) -> Iterable[Widget]:
        yield Static(Text(_("Safety first"), style="bold"), id="title")
        before = self.coach.journal.screening()
        with VerticalScroll(id="screening-body"):
            yield Static(Text(f"{SCREENING_INTRO}\n{NOT_MEDICAL_ADVICE}"), id="screening-intro")
            for sign in SIGNS:  # the answer beside the question, which wraps (a label cannot)
                ticked = before is not None and before.signs.get(sign.key, False)
                name = sign.key.replace("_", "-")
                with Horizontal(classes="sign-row"):
                    yield Checkbox(answer_word(ticked), ticked, id=f"sign-{name}")
                    yield Static(Text(sign.question), classes="sign-question", id=f"ask-{name}")
            yield Static(USUAL_PAIN_QUESTION, classes="stats-label")
            pain = FieldInput(placeholder="0–10", id="usual-pain")
            if before is not None and before.usual_pain is not None:
                pain.value = str(before.usual_pain)
            yield pain
            yield Static(Text(screening_result(before, in_app(self.app))), id="screening-result")

    def on_mount(self) -> None:
        tell(self, self.coach)

    @on(Checkbox.Changed)
    def answer_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = answer_word(event.value)

    def _usual(self) -> int | None | str:
        raw = self.query_one("#usual-pain", Input).value.strip()
        if not raw:
            return None
        from supple.core.numbers import NumberError, read_whole

        try:
            value = read_whole(raw)
        except NumberError:
            value = -1
        if not 0 <= value <= 10:
            return _("'{text}' is not a whole number from 0 to 10").format(text=printable(raw))
        return value

    @on(Input.Submitted)
    def action_save(self) -> None:
        from supple.core.files import SaveError

        usual = self._usual()
        result = self.query_one("#screening-result", Static)
        if isinstance(usual, str):
            result.update(Text(usual))
            return
        yes = frozenset(
            sign.key
            for sign in SIGNS
            if self.query_one(f"#sign-{sign.key.replace('_', '-')}", Checkbox).value
        )
        try:
            self.coach.journal.answer_screening(yes, usual, self.coach.now())
        except SaveError as error:
            self.notify(
                _("Could not save the answers: {error}").format(error=error),
                severity="error",
                markup=False,
            )
            return
        self.dismiss()

    def action_cleared(self) -> None:
        from supple.core.files import SaveError

        try:
            done = self.coach.journal.clear_screening(self.coach.now())
        except SaveError as error:
            self.notify(
                _("Could not save: {error}").format(error=error), severity="error", markup=False
            )
            return
        said = screening_result(done, in_app(self.app))
        self.query_one("#screening-result", Static).update(Text(said))

    def action_back(self) -> None:
        self.dismiss()
