"""One past session in full: each exercise against its plan, the check-ins, the file."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from supple.core.record import SessionRecord
from supple.tui.format import minutes
from supple.tui.screens.base import SuppleScreen
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.widgets.record_table import RecordTable, feeling_line

if TYPE_CHECKING:
    from supple.coach.coach import Coach


class SessionDetailScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "d,delete",
            "delete",
            "Delete",
            key_display="d",
            id="detail.delete",
            tooltip="Move this session to the trash",
        ),
        Binding("escape,enter", "back", "Back", id="detail.back", tooltip="Back to the history"),
    ]

    def __init__(self, coach: Coach, record: SessionRecord) -> None:
        super().__init__()
        self.coach = coach
        self.record = record

    def body(self) -> Iterable[Widget]:
        r = self.record
        yield Static(f"[b]{r.title}[/b] · {r.level} · {r.started:%A %d %B %Y, %H:%M}", id="title")
        yield Static(
            f"{r.status.replace('_', ' ').capitalize()} · active "
            f"[b]{minutes(r.active_seconds)}[/b] of {minutes(r.planned_seconds)} planned · "
            f"paused {minutes(r.paused_seconds)} · "
            f"{r.exercises_done}/{len(r.exercises)} exercises done",
            id="totals",
        )
        feelings = feeling_line(r)
        if feelings:
            yield Static(feelings, id="feelings")
        yield RecordTable(r, id="detail-table")
        yield Static(f"File: {r.path}", id="saved")

    def action_back(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                from supple.tui.screens.history import trash

                trash(self, self.coach, self.record)
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Delete this session?",
                f"The file moves to the trash folder:\n{self.coach.store.trash_dir}",
            ),
            answered,
        )
