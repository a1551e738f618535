"""Log a session done without the app, from the history: which routine, at which level, when,
how long, which exercises were done. Written through the journal, marked as logged by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from supple.core.words import printable
from supple.i18n import _, lazy

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.core.record import SessionRecord
    from supple.core.routine import Level

# (input id, label): the form, in Tab order.
FIELDS = (
    ("log-routine", lazy("Routine (its id)")),
    ("log-level", lazy("Level")),
    ("log-at", lazy("When (HH:MM today, or YYYY-MM-DD HH:MM)")),
    ("log-minutes", lazy("Minutes")),
    ("log-done", lazy("Exercises done (their numbers, as 1,2,3)")),
)


class LogScreen(ModalScreen[bool | None]):
    """Returns True once a session was logged."""

    BINDINGS = [
        Binding("escape", "close", lazy("Cancel"), id="log.close", tooltip=lazy("Log nothing")),
    ]

    def __init__(self, coach: Coach, like: SessionRecord | None = None) -> None:
        super().__init__()
        self.coach = coach
        self.like = like  # the session highlighted in the history: its routine and level

    def _defaults(self) -> dict[str, str]:
        catalog = self.coach.catalog
        routine = next(
            (r for r in catalog.routines if self.like and r.id == self.like.routine),
            catalog.routines[0] if catalog.routines else None,
        )
        level = self.like.level if self.like is not None else self.coach.level_for()
        if routine is None:
            return {"log-level": level, "log-at": f"{self.coach.now():%H:%M}"}
        count = len(routine.exercises)
        return {
            "log-routine": routine.id,
            "log-level": level,
            "log-at": f"{self.coach.now():%H:%M}",
            "log-minutes": f"{catalog.seconds(routine, level) / 60:.0f}",
            "log-done": ",".join(str(n) for n in range(1, count + 1)),
        }

    def compose(self) -> ComposeResult:
        values = self._defaults()
        with Vertical(id="dialog"):
            yield Static(_("Log a session done without the app"), id="question")
            for field_id, label in FIELDS:
                yield Label(_(label), markup=False)
                yield Input(values.get(field_id, ""), id=field_id)
            yield Static(id="log-result")
            yield Static(Text(_("Enter: log it · Esc: cancel")), id="keys")

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from supple.coach import wording
        from supple.coach.journal import numbers, when
        from supple.core.files import SaveError
        from supple.core.routine import LEVELS

        result = self.query_one("#log-result", Static)
        try:
            routine = self.coach.catalog.find(self._value("log-routine"))
        except KeyError:
            routine_id = printable(self._value("log-routine"))
            result.update(Text(_("No routine '{id}'.").format(id=routine_id)))
            return
        level = cast("Level", self._value("log-level"))
        try:
            if level not in LEVELS:
                raise ValueError(f"the level is one of {', '.join(LEVELS)}")
            at = when(self._value("log-at"), self.coach.now())
            from supple.core.numbers import read_number

            minutes = read_number(self._value("log-minutes"), "min")  # "4,5", "45 min"
            if not 0 < minutes <= 24 * 60:
                raise ValueError(_("minutes: more than 0 and at most a day"))
            done = numbers(self._value("log-done"), len(routine.exercises))
        except ValueError as error:
            result.update(Text(_("Not logged: {error}").format(error=printable(str(error)))))
            return
        try:
            record = self.coach.journal.log_by_hand(
                self.coach.catalog, routine.id, level, at, minutes, done
            )
        except SaveError as error:
            result.update(Text(_("Not saved: {error}").format(error=printable(str(error)))))
            return
        done_count, total = record.exercises_done, record.exercises_total
        self.notify(
            printable(wording.logged(routine.title, done_count, total, record.counts)),
            markup=False,
        )
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(None)
