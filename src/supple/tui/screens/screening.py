"""The safety screening: the warning signs that call for a clinician before exercise (the
checklist of the program being started), each answered yes or no (none answered until the
person answers it), the usual pain 0-10, and what the answers mean. Saving is refused, with the
questions still open named, until all are answered. The one place in the app that says supple is
not medical advice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Static

from supple.coach import wording
from supple.coach.wording import Ask, screening_result, screening_unanswered
from supple.core.screening import LOW_BACK, Checklist
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.context import tell
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.field_input import FieldInput
from supple.tui.widgets.yes_no import YesNo

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from textual.app import App

    from supple.coach.coach import Coach
    from supple.coach.wording import Hint


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


def despite_warning(app: App[Any], coach: Coach, go: Callable[[], object]) -> None:
    """Every way into a session in the app: ``go`` at once, or, while a warning sign stands,
    once the person says to exercise anyway (only y or the language's yes; n, Escape or Enter:
    nothing starts; docs/safety.md)."""
    from supple.coach.wording import session_despite_flag
    from supple.tui.screens.confirm import CautiousConfirmScreen

    screening = coach.journal.screening()
    if screening is None or not screening.flag_stands:
        go()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            go()

    app.push_screen(CautiousConfirmScreen(*session_despite_flag(screening)), answered)


class ScreeningScreen(SuppleScreen):
    """``saved`` once the answers are saved (False when left without: Escape); whoever pushed
    it reads the screening from the coach when it is dismissed."""

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

    def __init__(self, coach: Coach, asked: Checklist = LOW_BACK) -> None:
        super().__init__()
        self.coach = coach
        self.asked = asked
        self.saved = False

    def body(self) -> Iterable[Widget]:
        yield Static(Text(_("Safety first"), style="bold"), id="title")
        before = self.coach.journal.screening()
        asked = self.asked
        # Answers given to this very checklist before are shown again (answering again edits
        # them); a checklist never answered starts with every question open.
        shown = before if before is not None and before.answered_for(asked) else None
        with VerticalScroll(id="screening-body"):
            # read now, in the language of the moment (a name imported is the import's)
            intro = f"{asked.intro}\n{wording.NOT_MEDICAL_ADVICE}"
            yield Static(Text(intro), id="screening-intro")
            for number, sign in enumerate(asked.signs, 1):
                answer = shown.signs.get(sign.key) if shown is not None else None
                name = sign.key.replace("_", "-")
                with Horizontal(classes="sign-row"):
                    yield YesNo(answer, id=f"sign-{name}")
                    question = f"{number}. {sign.question}"
                    yield Static(Text(question), classes="sign-question", id=f"ask-{name}")
            yield Static(Text(asked.usual_question), classes="stats-label")
            pain = FieldInput(placeholder="0–10", id="usual-pain")
            usual = shown.usual_for(asked.id) if shown is not None else None
            if usual is not None:
                pain.value = str(usual)
            yield pain
            yield Static(Text(screening_result(before, in_app(self.app))), id="screening-result")

    def on_mount(self) -> None:
        tell(self, self.coach)
        self.query(YesNo).first().focus()  # the first question, the terminal cursor on it

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

    @on(Input.Changed, "#usual-pain")
    def _pain_changed(self) -> None:
        """An error under the field goes as soon as the value is valid again."""
        if not isinstance(self._usual(), str):
            self._show_open(saving=False)

    @on(YesNo.Answered)
    def _answered(self) -> None:
        self._show_open(saving=False)

    def _open(self) -> tuple[list[int], bool]:
        """The questions (numbered from 1) still unanswered, and whether the pain is missing."""
        numbers = [
            number
            for number, sign in enumerate(self.asked.signs, 1)
            if self.query_one(f"#sign-{sign.key.replace('_', '-')}", YesNo).answer is None
        ]
        return numbers, self._usual() is None

    def _show_open(self, *, saving: bool) -> bool:
        """Say what is still open (only once saving was tried, or to take a refusal back: an
        error line goes as soon as what it said is put right); True when all is answered."""
        if isinstance(self._usual(), str):
            return False  # the pain's own error stands until the value is valid
        numbers, no_pain = self._open()
        result = self.query_one("#screening-result", Static)
        if numbers or no_pain:
            if saving or self._refused:
                self._refused = True
                result.update(Text(screening_unanswered(numbers, no_pain)))
            if saving:
                sign = self.asked.signs[numbers[0] - 1] if numbers else None
                name = sign.key.replace("_", "-") if sign is not None else None
                self._refuse(screening_unanswered(numbers, no_pain), name)
            return False
        if self._refused:  # all answered now: the refusal goes
            self._refused = False
            result.update(Text(screening_result(self.coach.journal.screening(), in_app(self.app))))
        return True

    _refused = False

    def _refuse(self, line: str, sign: str | None) -> None:
        """A refused save, seen at any size: the first open question (``sign``'s name; None:
        the usual pain) focused and scrolled to, and the line said as a notification too (it
        may be below the fold)."""
        field = self.query_one(f"#sign-{sign}" if sign else "#usual-pain")
        field.focus()
        field.scroll_visible(animate=False)
        self.notify(line, severity="warning", markup=False)

    @on(Input.Submitted)
    def action_save(self) -> None:
        from supple.core.files import SaveError
        from supple.core.screening import BadScreening

        usual = self._usual()
        result = self.query_one("#screening-result", Static)
        if isinstance(usual, str):
            self._refused = True
            result.update(Text(usual))
            self._refuse(usual, None)
            return
        if not self._show_open(saving=True) or usual is None:
            return
        yes = frozenset(
            sign.key
            for sign in self.asked.signs
            if self.query_one(f"#sign-{sign.key.replace('_', '-')}", YesNo).answer
        )
        try:
            self.coach.journal.answer_screening(yes, usual, self.coach.now(), self.asked)
        except (SaveError, BadScreening) as error:
            self.notify(
                _("Could not save the answers: {error}").format(error=error),
                severity="error",
                markup=False,
            )
            return
        self.saved = True
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
