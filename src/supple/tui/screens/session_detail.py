"""One past session in full: each exercise against its plan, the check-ins, the file."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from supple.core.record import SessionRecord
from supple.core.words import printable, said
from supple.tui.format import minutes
from supple.tui.screens.base import SuppleScreen
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.widgets.record_table import RecordTable, feeling_line

if TYPE_CHECKING:
    from supple.coach.coach import Coach


def trash(screen: SuppleScreen, coach: Coach, record: SessionRecord) -> None:
    """Move a session to the trash and say so (or say why not): here, the screen that opens
    from the history, so that the history imports this module and never the other way."""
    from supple.core.files import SaveError

    try:
        moved = coach.trash(record)
    except SaveError as error:
        screen.notify(f"Could not delete: {error}", severity="error", markup=False)
    else:
        screen.notify(f"Moved to the trash: {moved}", markup=False)


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
        # A record's text is shown as text: its title, note and path are never read as markup.
        yield Static(
            Text.assemble(
                (printable(r.title), "bold"),
                f" · {printable(r.level)} · {r.started:%A %d %B %Y, %H:%M}",
            ),
            id="title",
        )
        yield Static(
            Text.assemble(
                f"{said(r.outcome).headline} · active ",
                (minutes(r.active_seconds), "bold"),
                f" of {minutes(r.planned_seconds)} planned · "
                f"paused {minutes(r.paused_seconds)} · "
                f"{r.exercises_done}/{len(r.exercises)} exercises done",
            ),
            id="totals",
        )
        feelings = feeling_line(r)
        if feelings:
            yield Static(Text(feelings), id="feelings")
        yield RecordTable(r, id="detail-table")
        yield Static(Text(f"File: {printable(str(r.path))}"), id="saved")

    def action_back(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                trash(self, self.coach, self.record)
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Delete this session?",
                "The file moves to the trash folder:\n"
                f"{printable(str(self.coach.store.trash_dir))}",
            ),
            answered,
        )
