"""One past session in full: each exercise against its plan, the check-ins, the file."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from supple.core.record import SessionRecord
from supple.core.words import printable, said, totals
from supple.i18n import _, lazy
from supple.tui.format import level_word
from supple.tui.screens.base import SuppleScreen
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.widgets.history_line import resume
from supple.tui.widgets.record_table import RecordTable, feeling_line

if TYPE_CHECKING:
    from supple.coach.coach import Coach


def trash(screen: SuppleScreen, coach: Coach, record: SessionRecord, undo_key: str) -> None:
    """Move a session to the trash and say so, with the key that undoes it (or say why not):
    here, the screen that opens from the history, so that the history imports this module and
    never the other way."""
    from supple.coach import wording
    from supple.core.files import SaveError

    try:
        moved = coach.trash(record)
    except SaveError as error:
        screen.notify(
            _("Could not delete: {error}").format(error=error), severity="error", markup=False
        )
    else:
        screen.notify(printable(wording.trashed(moved, undo_key)), markup=False, timeout=8)


class SessionDetailScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "d,delete",
            "delete",
            lazy("Delete"),
            key_display="d",
            id="detail.delete",
            tooltip=lazy("Move this session to the trash"),
        ),
        Binding(
            "r",
            "resume",
            lazy("Resume"),
            id="detail.resume",
            tooltip=lazy("Continue this session from the exercise it stopped in"),
        ),
        Binding(
            "escape,enter",
            "back",
            lazy("Back"),
            id="detail.back",
            tooltip=lazy("Back to the history"),
        ),
    ]

    def __init__(self, coach: Coach, record: SessionRecord) -> None:
        super().__init__()
        self.coach = coach
        self.record = record
        self.offer = coach.journal.resume_offer(coach.catalog, record)
        self.deleted = False  # confirmed: the history moves it to the trash and offers undo

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.offer is not None if action == "resume" else True

    def body(self) -> Iterable[Widget]:
        r = self.record
        # A record's text is shown as text: its title, note and path are never read as markup.
        yield Static(
            Text.assemble(
                (printable(r.title), "bold"),
                f" · {level_word(r.level)} · {r.started:%A %d %B %Y, %H:%M}",
            ),
            id="title",
        )
        yield Static(
            Text.assemble(
                f"{said(r.outcome).headline} · ",
                totals(r),
            ),
            id="totals",
        )
        feelings = feeling_line(r)
        if feelings:
            yield Static(Text(feelings), id="feelings")
        if r.advice:
            from supple.coach.wording import advice_noted

            yield Static(Text(printable(advice_noted(r))), id="advice-noted")
        yield RecordTable(r, id="detail-table")
        if self.offer is not None:
            yield Static(id="resume")
        yield Static(Text(_("File: {path}").format(path=printable(str(r.path)))), id="saved")

    def on_mount(self) -> None:
        if self.offer is not None:  # the key in force, once the bindings are the screen's
            from supple.coach import wording

            offer = _("{offer}: press {key}").format(
                offer=wording.resume_offer(self.offer), key=self.key_for("detail.resume")
            )
            self.query_one("#resume", Static).update(Text(printable(offer)))

    def action_resume(self) -> None:
        self.dismiss(None)
        resume(self, self.offer)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.deleted = True
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                _("Delete this session?"),
                _("The file moves to the trash folder:\n{folder}").format(
                    folder=printable(str(self.coach.store.trash_dir))
                ),
            ),
            answered,
        )
