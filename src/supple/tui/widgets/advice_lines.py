"""Advice on home and the summary: a line per suggestion (its sentence from
``coach.wording.advice``), or on a short screen one line that counts them; the key that opens the
chooser (``advice_binding``, declared here once for both screens) and what it does."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from supple.core.words import printable
from supple.i18n import _, lazy, n_

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from supple.coach.coach import Coach
    from supple.coach.wording import Hint
    from supple.core.advice import Suggestion

SHOWN = 3  # lines of advice at most; the rest are counted ("+2 more")
ADVICE_TIP = lazy("Apply a suggestion (a step easier or harder) or undo the last one")


def advice_binding(screen: str) -> Binding:
    """The advice key of ``screen`` (its id ``<screen>.advice``): one wording on every screen
    that shows advice, so the footer, help, palette and keymap read the same."""
    return Binding("v", "advice", lazy("Advice"), id=f"{screen}.advice", tooltip=ADVICE_TIP)


@dataclass
class AdviceLoaded(Message):
    """Today's suggestions, worked out off the UI thread."""

    suggestions: Sequence[Suggestion]


def count_words(count: int, key: str) -> str:
    return n_(
        "{count} suggestion · {key} to see", "{count} suggestions · {key} to see", count
    ).format(count=count, key=key)


class AdviceLines(Vertical):
    """Hidden while nothing is suggested; ``-short`` screens show ``#advice-compact``."""

    def compose(self) -> Iterable[Static]:
        yield Static(id="advice-full")
        yield Static(id="advice-compact")

    def show(self, suggestions: Sequence[Suggestion], key: str) -> None:
        from supple.coach.wording import advice

        how = advice_hint(self.app, key)
        self.display = bool(suggestions)
        lines = Text(no_wrap=True, overflow="ellipsis")
        for n, suggestion in enumerate(suggestions[:SHOWN]):
            lines.append("\n" if n else "")
            lines.append("→ ", style="bold")
            lines.append(printable(advice(suggestion, how)))
        more = len(suggestions) - SHOWN
        hint = _("{key}: apply or undo").format(key=key)
        if more > 0:
            hint += " · " + _("+{count} more").format(count=more)
        lines.append(f"\n{hint}", style="dim")
        self.query_one("#advice-full", Static).update(lines)
        compact = Text(count_words(len(suggestions), key), no_wrap=True, overflow="ellipsis")
        self.query_one("#advice-compact", Static).update(compact)


def advice_hint(app: App[Any], key: str, *, in_dialog: bool = False) -> Hint:
    """The keys in force, for advice shown where ``key`` opens the chooser (or in it)."""
    from supple.tui.keymap import say_keys
    from supple.tui.screens.program import ProgramScreen
    from supple.tui.screens.screening import in_app

    opener = _("Enter on it") if in_dialog else _("{key}, then Enter on it").format(key=key)
    tests = say_keys(app, ProgramScreen, "program.tests")
    return in_app(app, opener, advice_key=key, tests_key=tests)


def choose_advice(screen: Screen[Any], coach: Coach, changed: Callable[[], None]) -> None:
    """Open the chooser over ``screen``: Enter applies the suggestion chosen (or undoes the last
    applied), a notification says what changed, and ``changed`` redraws what it moved."""
    from supple.coach.advice import AdviceError
    from supple.coach.wording import advice, advice_applied, advice_undone
    from supple.tui.keymap import say_keys
    from supple.tui.screens.advice import UNDO, AdviceScreen, opens_screening

    advice_id = next(
        b.id for b in screen.BINDINGS if isinstance(b, Binding) and b.action == "advice"
    )
    key = say_keys(screen.app, type(screen), advice_id or "")
    service = coach.advice
    suggestions = service.suggested()
    last = next((a for a in reversed(service.log()) if a.undone_at is None), None)
    if not suggestions and last is None:
        screen.notify(advice_applied(None), timeout=3, markup=False)
        return

    def chosen(choice: str | None) -> None:
        if choice is None:
            return
        picked = next((s for s in suggestions if s.id == choice), None)
        if picked is not None and opens_screening(picked):
            from supple.tui.screens.screening import ScreeningScreen

            screen.app.push_screen(ScreeningScreen(coach), lambda _: changed())
            return
        try:
            if choice == UNDO:
                message = advice_undone(service.undo().reason)
            else:
                suggestion = next(s for s in suggestions if s.id == choice)
                reason = service.apply(suggestion, advice(suggestion)).reason
                message = advice_applied(reason, advice_hint(screen.app, key))
        except AdviceError as error:
            from supple.coach.session_wording import not_changed

            screen.notify(not_changed(str(error)), severity="error", markup=False)
            return
        screen.notify(printable(message), timeout=5, markup=False)
        changed()

    how = advice_hint(screen.app, key, in_dialog=True)
    screen.app.push_screen(AdviceScreen(suggestions, last, how), chosen)
