"""History: every session, newest first; filter by routine; open one; delete to the trash."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static

from supple.core.history import select
from supple.core.pain import CELL_TITLE, pain_cell
from supple.core.record import SessionRecord
from supple.core.words import dated, printable, said
from supple.i18n import _, lazy, n_, p_
from supple.tui.context import tell
from supple.tui.format import duration, level_short, level_word
from supple.tui.screens.base import COMPACT_BELOW, SuppleScreen
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.session_detail import SessionDetailScreen, trash

if TYPE_CHECKING:
    from supple.coach.coach import Coach

FIRST_PAGE = 60  # rows shown at once; the rest follow in chunks
CHUNK = 500


# The headings, translated where the table shows them.
COLUMNS = (
    lazy("Date"), lazy("Routine"), lazy("Level"), lazy("Time"), lazy("Status"), lazy("Done"),
    CELL_TITLE,
)  # fmt: skip


def compact_columns() -> tuple[str, ...]:
    """The short headings of the history on a narrow screen, in the language of the moment."""
    return (
        _("Date"),
        _("Routine"),
        # Translators: a level, in a narrow column ("Lvl")
        _("Lvl"),
        # Translators: a session's time ("6:06") in a narrow column: at most 4 characters
        p_("narrow", "Time"),
        "",
        # Translators: the exercises done ("3/3") in a narrow column: at most 5 characters
        p_("narrow", "Done"),
        _("Pain"),
    )


TITLE_WIDTH = 12  # a routine's title in the narrow table, cut with …


def short_title(title: str) -> str:
    """A title cut to ``TITLE_WIDTH`` with "…", after its last whole word that fits ("Back
    pain…", not "Back pain r…"); a first word longer than that is cut in it."""
    kept = title[: TITLE_WIDTH - 1]
    if title[TITLE_WIDTH - 1] != " " and " " in kept.strip():
        kept = kept.rstrip().rsplit(" ", 1)[0]
    return kept.rstrip() + "…"


def row_cells(r: SessionRecord, *, compact: bool = False) -> tuple[str, ...]:
    """One history row; ``compact`` fits every column in 60 columns (shorter date, title and
    level, the status as its symbol)."""
    title = printable(r.title)
    if compact:
        title = title if len(title) <= TITLE_WIDTH else short_title(title)
        cells = (
            dated(r.started, "%d %b %H:%M"),
            title,
            printable(level_short(r.level)),
            duration(r.active_seconds),
            said(r.outcome).mark,
            f"{r.exercises_done}/{len(r.exercises)}",
            pain_cell(r),
        )
    else:
        cells = (
            dated(r.started, "%a %d %b %Y %H:%M"),
            title,
            printable(level_word(r.level)),
            duration(r.active_seconds),
            f"{said(r.outcome).mark} {said(r.outcome).label}",
            f"{r.exercises_done}/{len(r.exercises)}",
            pain_cell(r),
        )
    return cells


def row_texts(r: SessionRecord, *, compact: bool = False) -> tuple[Text, ...]:
    """The row's cells as Text: a DataTable reads a str cell as markup."""
    return tuple(Text(cell) for cell in row_cells(r, compact=compact))


class HistoryScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "enter", "open", lazy("Open"), id="history.open", tooltip=lazy("This session's details")
        ),
        Binding(
            "f",
            "filter",
            lazy("Filter"),
            id="history.filter",
            tooltip=lazy("Show one routine / all"),
        ),
        Binding(
            "d,delete",
            "delete",
            lazy("Delete"),
            key_display="d",
            id="history.delete",
            tooltip=lazy("Move this session to the trash"),
        ),
        Binding(
            "u",
            "undo",
            lazy("Undo"),
            id="history.undo",
            tooltip=lazy("Put back the session just deleted"),
        ),
        Binding(
            "l",
            "log",
            lazy("Log"),
            id="history.log",
            tooltip=lazy("Log a session done without the app"),
        ),
        Binding(
            "s",
            "app.stats",
            lazy("Stats"),
            id="history.stats",
            tooltip=lazy("Streaks, weeks, pain"),
        ),
        Binding(
            "escape", "back", lazy("Back"), id="history.back", tooltip=lazy("Back to the routines")
        ),
    ]

    @dataclass
    class Loaded(Message):
        records: tuple[SessionRecord, ...]
        complete: bool  # False for the first page, read before everything else

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach
        self.records: tuple[SessionRecord, ...] = ()
        self.routine: str | None = None  # the filter; None shows all
        self.compact: bool | None = None  # the narrow table (set from the width)

    def body(self) -> Iterable[Widget]:
        yield Static(Text(_("History"), style="bold"), id="title")
        yield Static(_("Loading…"), id="history-status", markup=False)
        table: DataTable[Text] = DataTable(
            id="history-table", cursor_type="row", zebra_stripes=True
        )
        yield table

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        """Read the history off the UI thread: the newest page first, then everything."""
        if not self.records:
            first = self.coach.newest(FIRST_PAGE)
            if first:
                self.post_message(self.Loaded(first, complete=False))
        self.post_message(self.Loaded(self.coach.history().records, complete=True))

    @on(Loaded)
    def loaded(self, message: Loaded) -> None:
        if message.complete:
            tell(self, self.coach)
        self.records = message.records
        self.show()

    @property
    def shown(self) -> list[SessionRecord]:
        return select(self.records, routine=self.routine)

    def on_resize(self, event: events.Resize) -> None:
        if (event.size.width < COMPACT_BELOW) != self.compact:
            self.show()

    def show(self) -> None:
        table = self.query_one("#history-table", DataTable)
        cursor = table.cursor_row
        compact = self.size.width < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
            table.clear(columns=True)
            table.add_columns(
                *(compact_columns() if compact else (_(c) if c else c for c in COLUMNS))
            )
        table.clear()
        rows = self.shown
        table.add_rows(row_texts(r, compact=compact) for r in rows[:FIRST_PAGE])
        self.add_rest(rows[FIRST_PAGE:])
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))
        which = _("all routines") if self.routine is None else printable(self.routine)
        count = n_("{count} session", "{count} sessions", len(rows)).format(count=len(rows))
        self.query_one("#history-status", Static).update(
            Text(
                _("{count} · {which} (f to filter)").format(count=count, which=which)
                if rows or self.records
                else _("No sessions yet — finish one and it shows here.")
            )
        )

    @work(exclusive=True, group="history-rows")
    async def add_rest(self, rows: list[SessionRecord]) -> None:
        """The older rows, a chunk at a time, so keys are answered while they arrive."""
        table = self.query_one("#history-table", DataTable)
        for start in range(0, len(rows), CHUNK):
            table.add_rows(
                row_texts(r, compact=bool(self.compact)) for r in rows[start : start + CHUNK]
            )
            await asyncio.sleep(0)

    def current(self) -> SessionRecord | None:
        table = self.query_one("#history-table", DataTable)
        rows = self.shown
        if not rows or not 0 <= table.cursor_row < len(rows):
            return None
        return rows[table.cursor_row]

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        record = self.current()
        if record is not None:
            detail = SessionDetailScreen(self.coach, record)

            def closed(_: None) -> None:
                if detail.deleted:
                    trash(self, self.coach, record, self.key_for("history.undo"))
                self.load()

            self.app.push_screen(detail, closed)

    def _reload(self, _: object = None) -> None:
        self.load()

    def action_undo(self) -> None:
        from supple.coach import wording
        from supple.core.files import SaveError

        try:
            restored = self.coach.journal.undo_trash()
        except SaveError as error:
            self.notify(
                _("Could not put it back: {error}").format(error=error),
                severity="error",
                markup=False,
            )
            return
        if restored is None:
            self.notify(_("Nothing to undo: no session was deleted."))
            return
        self.notify(printable(wording.untrashed(restored)), markup=False)
        self.load()

    def action_log(self) -> None:
        from supple.tui.screens.log_session import LogScreen

        record = self.current()
        self.app.push_screen(LogScreen(self.coach, record), self._reload)

    def action_filter(self) -> None:
        routines = sorted({r.routine for r in self.records})
        choices: list[str | None] = [None, *routines]
        self.routine = choices[(choices.index(self.routine) + 1) % len(choices)]
        self.show()

    def action_delete(self) -> None:
        record = self.current()
        if record is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                trash(self, self.coach, record, self.key_for("history.undo"))
                self.load()

        self.app.push_screen(
            ConfirmScreen(
                _("Delete the session of {when}?").format(
                    when=dated(record.started, "%a %d %b %H:%M")
                ),
                f"{printable(record.title)}, {level_word(record.level)}. "
                + _("The file moves to the trash folder:\n{folder}").format(
                    folder=printable(str(self.coach.store.trash_dir))
                ),
            ),
            answered,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
