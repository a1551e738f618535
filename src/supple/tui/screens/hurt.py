""" "This hurts" (the player's ``!``): a 0–10 pain rating in one key press, then what to do about
it — ease this exercise now, skip it, or carry on. The session waits, paused, behind it.

One key rates: 0 to 9 as typed, ``t`` for 10 (or the keys the keymap gives it). Esc leaves
without a mark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from supple.core.pain import EVERY_CHOICE, PAIN_MAX, SCALE, legend, mark_words
from supple.core.record import PainAction
from supple.i18n import _, lazy
from supple.tui.keymap import say_keys

if TYPE_CHECKING:
    from textual.screen import Screen

    from supple.coach.coach import Coach
    from supple.coach.live import LiveSession

Marked = tuple[int, PainAction]


class HurtKey:
    """The player's ``!`` action, as a mixin (the player's own class stays under 300 lines)."""

    live: LiveSession

    def pause_for_modal(self) -> Callable[[], None] | None:
        raise NotImplementedError

    def tick(self) -> None:
        raise NotImplementedError

    def action_hurts(self) -> None:
        from textual.screen import Screen

        assert isinstance(self, Screen)
        ask_hurt(self, self.live, self.pause_for_modal, self.tick)


def ask_hurt(
    screen: Screen[Any],
    live: LiveSession,
    pause: Callable[[], Callable[[], None] | None],
    redraw: Callable[[], None],
) -> None:
    """The player's ``!``: pause (``pause`` gives what resumes), ask how much it hurts, then
    ease, skip or carry on; the record keeps the mark (``LiveSession.mark_pain``)."""
    snap = live.session.snapshot()
    if snap.done:
        return
    resume = pause()

    def marked(answer: Marked | None) -> None:
        if answer is not None:
            rating, action = answer
            taken = live.mark_pain(rating, action)
            if action == "eased" and taken == "none":
                screen.notify(_("No work left to ease here: skip it instead"), timeout=3)
            redraw()
        if resume is not None:
            resume()

    name = live.routine.exercises[snap.exercise_index].name
    screen.app.push_screen(HurtScreen(name, live.mark_choices()), marked)


class HurtScreen(ModalScreen[Marked | None]):
    BINDINGS = [
        Binding(
            "t", "ten", lazy("10"), id="hurt.ten", tooltip=lazy("Rate it 10, the worst imaginable")
        ),
        Binding(
            "e",
            "choose('eased')",
            lazy("Ease"),
            id="hurt.ease",
            tooltip=lazy("Ease this exercise now"),
        ),
        Binding(
            "s",
            "choose('skipped')",
            lazy("Skip"),
            id="hurt.skip",
            tooltip=lazy("Skip this exercise"),
        ),
        Binding(
            "enter",
            "choose('none')",
            lazy("Carry on"),
            id="hurt.carry_on",
            tooltip=lazy("Carry on"),
        ),
        Binding(
            "escape", "cancel", lazy("Cancel"), id="hurt.cancel", tooltip=lazy("Back, with no mark")
        ),
    ]

    def __init__(self, exercise: str, choices: tuple[PainAction, ...] = EVERY_CHOICE) -> None:
        super().__init__()
        self.exercise = exercise  # its name, as the routine gives it (shown as text)
        # what a mark can do now (``LiveSession.mark_choices``): only these are offered
        self.choices = choices or ("none",)
        self.rating: int | None = None

    def compose(self) -> ComposeResult:
        from supple.coach.session_wording import hurts_title
        from supple.core.words import printable

        with Vertical(id="dialog"):
            yield Static(Text(hurts_title(printable(self.exercise))), id="question")
            how_much = _("How much, 0–10?")
            yield Static(Text(f"{how_much}  {_(SCALE)}\n{legend()}"), id="detail")
            yield Static(self._keys(), id="keys")

    def _say(self, binding_id: str) -> str:
        return say_keys(self.app, HurtScreen, binding_id, " / ")

    def _keys(self) -> Text:
        if self.rating is None:
            return Text(
                _("0–9: that number    {ten}: 10    {cancel}: back").format(
                    ten=self._say("hurt.ten"), cancel=self._say("hurt.cancel")
                )
            )
        offers = {
            "eased": _("{ease}: ease this exercise now").format(ease=self._say("hurt.ease")),
            "skipped": _("{skip}: skip it").format(skip=self._say("hurt.skip")),
            "none": _("{carry_on}: carry on").format(carry_on=self._say("hurt.carry_on")),
        }
        return Text("    ".join(offers[action] for action in self.choices if action in offers))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ten":
            return self.rating is None
        if action == "choose":  # only what can be taken now is offered, and shown in the footer
            return self.rating is not None and parameters[:1] in [(c,) for c in self.choices]
        return True

    def on_key(self, event: events.Key) -> None:
        if self.rating is None and event.character is not None and event.character in "0123456789":
            event.stop()
            self._rated(int(event.character))

    def action_ten(self) -> None:
        self._rated(PAIN_MAX)

    def _rated(self, rating: int) -> None:
        self.rating = rating
        self.query_one("#detail", Static).update(Text(mark_words(rating, self.choices)))
        self.query_one("#keys", Static).update(self._keys())
        self.refresh_bindings()

    def action_choose(self, action: PainAction) -> None:
        if self.rating is not None and action in self.choices:
            self.dismiss((self.rating, action))

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_morning(screen: Screen[Any], coach: Coach) -> None:
    """The next-morning question, once per session: answered or skipped (Esc), it is written
    into that session's record (``Journal.answer_morning``) and not asked again."""
    from supple.coach.session_wording import morning_about
    from supple.core.files import SaveError
    from supple.core.words import printable
    from supple.tui.screens.feeling import CheckIn, FeelingScreen

    record = coach.journal.morning_session(coach.now(), due=True)
    if record is None:
        return

    def answered(check_in: CheckIn | None) -> None:
        try:
            coach.journal.answer_morning(coach.now(), None if check_in is None else check_in.pain)
        except SaveError as error:
            screen.notify(
                _("Could not save: {error}").format(error=printable(str(error))),
                severity="error",
                markup=False,
            )

    about = morning_about(printable(record.title), record.started)
    screen.app.push_screen(FeelingScreen(before=False, morning=about), answered)
