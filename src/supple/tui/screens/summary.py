"""After a session: what was done, for how long, and where the record was saved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from supple.coach.live import LiveSession
from supple.core.words import printable, said, totals
from supple.i18n import _, lazy

if TYPE_CHECKING:
    from supple.coach.coach import Coach
from supple.tui.context import LeaveSummary
from supple.tui.format import level_word
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.advice_lines import AdviceLines, AdviceLoaded, advice_binding
from supple.tui.widgets.record_table import RecordTable, feeling_line


class SummaryScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "enter,escape",
            "home",
            lazy("Home"),
            id="summary.home",
            tooltip=lazy("Back to the routines"),
            priority=True,
        ),
        Binding(
            "r",
            "retry",
            lazy("Retry save"),
            id="summary.retry",
            tooltip=lazy("Try to save the record again"),
        ),
        Binding(
            "minus",
            "adjust(-1)",
            lazy("Easier"),
            key_display="-",
            id="summary.easier",
            tooltip=lazy(
                "The chosen exercise a level easier next time (again: one more; + undoes)"
            ),
        ),
        Binding(
            "plus,equals_sign",
            "adjust(1)",
            lazy("Harder"),
            key_display="+",
            id="summary.harder",
            tooltip=lazy("The chosen exercise one level harder next time (- undoes)"),
        ),
        Binding(
            "n",
            "not_for_me",
            lazy("Not for me"),
            id="summary.not_for_me",
            tooltip=lazy("Not for me: never in a session made for today (again: undo)"),
        ),
        Binding("q", "app.quit", lazy("Quit"), id="summary.quit", tooltip=lazy("Leave supple")),
        advice_binding("summary"),
    ]

    def __init__(self, coach: Coach, live: LiveSession) -> None:
        super().__init__()
        self.coach = coach
        self.live = live
        self.record = live.recorder.record()
        self.path = live.recorder.path

    def body(self) -> Iterable[Widget]:
        record = self.record
        headline = said(record.outcome).headline
        yield Static(
            Text.assemble(
                (headline, "bold"), f" — {printable(record.title)} · {level_word(record.level)}"
            ),
            id="title",
        )
        yield Static(Text(totals(record)), id="totals")  # as the table adds up
        feelings = feeling_line(record)
        if feelings:
            yield Static(Text(feelings), id="feelings")
        yield Static(id="verdict")
        yield AdviceLines(id="summary-advice")
        yield RecordTable(
            record,
            id="summary-table",
            next_time=[self._next_time(e.id) for e in record.exercises],
        )
        yield Static(id="saved")

    def _next_time(self, exercise_id: str) -> str:
        """What a step changed ("easier: 5 reps (was 8 reps)"), or "" when it plays as written;
        "not for me" after it when the exercise is marked so."""
        from supple.coach.library_wording import NOT_FOR_ME
        from supple.coach.wording import stepped

        facts = self.coach.catalog.stepped(self.record.routine, exercise_id, self.record.level)
        words = [] if facts is None else [stepped(facts)]
        if exercise_id in self.coach.library.not_for_me().ids:
            words.append(_(NOT_FOR_ME))
        return " · ".join(words)

    def action_adjust(self, change: int) -> None:
        table = self.query_one(RecordTable)
        index = table.cursor_row
        exercises = self.record.exercises
        if not 0 <= index < len(exercises):
            return
        exercise = exercises[index]
        routine, level = self.record.routine, self.record.level
        if not self.coach.catalog.changes(routine, exercise.id, level, change):
            from supple.coach.wording import unchanged  # nothing to save, nor to label

            self.notify(f"{printable(exercise.name)}: {unchanged(change)}", timeout=3, markup=False)
            return
        from supple.coach.session_wording import as_it_was, next_time, not_saved

        error = self.coach.adjust(routine, exercise.id, change)[1]
        words = self._next_time(exercise.id)
        table.show_next_time(index, words)
        if error:
            self.notify(not_saved(error), severity="error", markup=False)
        else:
            said = next_time(printable(exercise.name), words or as_it_was())
            self.notify(said, timeout=3, markup=False)

    def action_not_for_me(self) -> None:
        """Mark the exercise the cursor is on "not for me"; pressed again, for me again."""
        from supple.coach.library_wording import marked, not_in_library
        from supple.core.files import SaveError

        table = self.query_one(RecordTable)
        index = table.cursor_row
        exercises = self.record.exercises
        if not 0 <= index < len(exercises):
            return
        exercise = exercises[index]
        library = self.coach.library
        on = exercise.id not in library.not_for_me().ids
        try:
            library.mark(exercise.id, on)
        except KeyError:
            self.notify(printable(not_in_library(exercise.name)), timeout=3, markup=False)
            return
        except SaveError as error:
            from supple.coach.session_wording import not_saved

            self.notify(not_saved(str(error)), severity="error", markup=False)
            return
        table.show_next_time(index, self._next_time(exercise.id))
        self.notify(printable(marked(exercise.name, on)), timeout=3, markup=False)

    @dataclass
    class Judged(Message):
        verdict: str

    def on_mount(self) -> None:
        self.show_saved()
        self.judge()

    @work(thread=True, exclusive=True, group="verdict")
    def judge(self) -> None:
        """Whether the session counts, and as which workout: it reads the history, so off the
        UI thread."""
        self.post_message(self.Judged(self.coach.verdict(self.record)))
        self.post_message(AdviceLoaded(self.coach.advice.suggested()))

    @on(AdviceLoaded)
    def _advice(self, message: AdviceLoaded) -> None:
        self.query_one(AdviceLines).show(message.suggestions, self.key_for("summary.advice"))

    def action_advice(self) -> None:
        from supple.tui.widgets.advice_lines import choose_advice

        def changed() -> None:  # the steps moved: the Next time column and the advice follow
            table = self.query_one(RecordTable)
            for index, exercise in enumerate(self.record.exercises):
                table.show_next_time(index, self._next_time(exercise.id))
            self._advice(AdviceLoaded(self.coach.advice.suggested()))

        choose_advice(self, self.coach, changed)

    @on(Judged)
    def _judged(self, message: Judged) -> None:
        self.query_one("#verdict", Static).update(Text(printable(message.verdict, lines=True)))

    def show_saved(self) -> None:
        saved = self.query_one("#saved", Static)
        error = self.live.error
        if error is None:
            saved.update(
                Text(
                    _("Saved to {file}\nEnter: back to the routines").format(
                        file=printable(str(self.path))
                    )
                )
            )
            saved.set_classes("-ok")
        else:
            saved.update(
                Text.assemble(
                    (_("Not saved:") + " ", "bold"),
                    f"{printable(str(error))}\n{printable(str(self.path))}\n"
                    + _(
                        "Your session is kept in memory: "
                        "press r to try again after fixing the folder."
                    ),
                )
            )
            saved.set_classes("-error")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.live.error is not None  # nothing to retry once it is saved
        return True

    def action_retry(self) -> None:
        if self.live.error is None:
            return
        self.live.retry_save()
        self.show_saved()
        if self.live.error is None:
            self.notify(_("Saved."))

    def action_home(self) -> None:
        if self.live.error is not None:
            self.notify(
                _("Not saved yet: press r to retry, or q to quit and lose it."), severity="warning"
            )
            return
        self.post_message(LeaveSummary())
