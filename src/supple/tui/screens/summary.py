"""After a session: what was done, for how long, and where the record was saved."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from supple.core.recorder import Recorder
from supple.tui.format import minutes
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.record_table import RecordTable, feeling_line

if TYPE_CHECKING:
    from supple.tui.app import SuppleApp


class SummaryScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "enter,escape",
            "home",
            "Home",
            id="summary.home",
            tooltip="Back to the routines",
            priority=True,
        ),
        Binding(
            "r", "retry", "Retry save", id="summary.retry", tooltip="Try to save the record again"
        ),
        Binding("q", "app.quit", "Quit", id="summary.quit", tooltip="Leave supple"),
    ]

    app: SuppleApp

    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self.recorder = recorder
        self.record = recorder.session_record()
        self.path = recorder.path

    def body(self) -> Iterable[Widget]:
        record = self.record
        headline = "Session complete" if record.status == "completed" else "Session ended early"
        yield Static(f"[b]{headline}[/b] — {record.title} · {record.level}", id="title")
        yield Static(
            f"Active time [b]{minutes(record.active_seconds)}[/b] of "
            f"{minutes(record.planned_seconds)} planned · paused "
            f"{minutes(record.paused_seconds)} · "
            f"{record.exercises_done}/{len(record.exercises)} exercises done",
            id="totals",
        )
        feelings = feeling_line(record)
        if feelings:
            yield Static(feelings, id="feelings")
        yield RecordTable(record, id="summary-table")
        yield Static(id="saved")

    def on_mount(self) -> None:
        self.show_saved()

    def show_saved(self) -> None:
        saved = self.query_one("#saved", Static)
        if self.recorder.error is None:
            saved.update(f"Saved to {self.path}\nEnter: back to the routines")
            saved.set_classes("-ok")
        else:
            saved.update(
                f"[b]Not saved:[/b] {self.recorder.error}\n{self.path}\n"
                "Your session is kept in memory: press r to try again after fixing the folder."
            )
            saved.set_classes("-error")

    def action_retry(self) -> None:
        if self.recorder.error is None:
            return
        self.recorder.finish()
        self.show_saved()
        if self.recorder.error is None:
            self.notify("Saved.")

    def action_home(self) -> None:
        if self.recorder.error is not None:
            self.notify(
                "Not saved yet: press r to retry, or q to quit and lose it.", severity="warning"
            )
            return
        self.app.go_home()
