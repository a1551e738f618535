"""A session's exercises as a table: status, time against plan, sets and reps."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from supple.core.record import SessionRecord
from supple.core.words import printable
from supple.tui.format import OUTCOME_SYMBOLS, minutes

MARK = {status: f"{symbol} {status}" for status, symbol in OUTCOME_SYMBOLS.items()}


class RecordTable(DataTable[str | Text]):
    DEFAULT_CSS = """
    RecordTable { height: auto; max-height: 1fr; }
    """

    def __init__(
        self,
        record: SessionRecord,
        *,
        id: str | None = None,
        next_time: Sequence[str] | None = None,
    ) -> None:
        """``next_time``: a column of what each exercise will be next time (the summary's
        easier / harder), with a row cursor to choose one."""
        super().__init__(
            id=id, cursor_type="row" if next_time is not None else "none", zebra_stripes=True
        )
        self.add_columns("Exercise", "Status", "Time", "Planned", "Sets", "Reps")
        if next_time is not None:
            self.add_column("Next time", key="next-time")
        for index, e in enumerate(record.exercises):
            cells: list[str | Text] = [
                Text(printable(e.name)),  # a DataTable reads a str cell as markup
                MARK[e.status],
                minutes(e.seconds),
                minutes(e.planned_seconds),
                f"{e.sets_done}/{e.sets_planned}",
                f"{e.reps_done}/{e.reps_planned}" if e.reps_planned else "—",
            ]
            if next_time is not None:
                cells.append(Text(next_time[index]))
            self.add_row(*cells, key=str(index))

    def show_next_time(self, index: int, words: str) -> None:
        self.update_cell(str(index), "next-time", Text(words), update_width=True)


def feeling_line(record: SessionRecord) -> str:
    """'Back: 4 → 7 / 10 · “note”', from whatever the check-ins gave: plain text, to be shown
    as text (a note is the person's words, never markup)."""
    before, after = record.feeling_before, record.feeling_after
    parts = []
    if before is not None or after is not None:
        parts.append(
            f"Back: {'–' if before is None else before} → {'–' if after is None else after} / 10"
        )
    if record.note:
        parts.append(f"“{printable(record.note)}”")
    return " · ".join(parts)
