"""A session's exercises as a table: status, time against plan, sets and reps."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from supple.core.record import SessionRecord
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.format import OUTCOME_SYMBOLS, minutes

# The headings, in English (the cells' keys), translated where the table shows them.
COLUMNS = (
    lazy("Exercise"),
    lazy("Status"),
    lazy("Time"),
    lazy("Planned"),
    lazy("Sets"),
    lazy("Reps"),
)
COLUMN_KEYS = {lazy("Next time"): "next-time"}
STATUS_WORDS = {"done": lazy("done"), "partial": lazy("partial"), "skipped": lazy("skipped")}
PADDING = 2  # a column's cell padding, both sides
NAME_LEAST = 12  # the fewest cells an exercise's name gets before other columns step aside
NEXT_WIDTH = 25  # the room Next time keeps where there is room (its words may grow)
NEXT_NARROW = 16  # Next time's least width when it wraps
NAME_WANT = 24  # the cells a name keeps, when it can, beside wrapped Next time words


def mark(status: str) -> str:
    """An exercise's outcome, its symbol and word ("✓ done")."""
    return f"{OUTCOME_SYMBOLS[status]} {_(STATUS_WORDS[status])}"


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
        easier / harder), with a row cursor to choose one; that table fits its width (see
        ``fit``)."""
        super().__init__(
            id=id, cursor_type="row" if next_time is not None else "none", zebra_stripes=True
        )
        self._record = record
        self._next = list(next_time) if next_time is not None else None
        self._room: int | None = None  # the cells the summary's table was laid out for
        self._build(None)

    def _cells(self, index: int, columns: Sequence[str]) -> list[str | Text]:
        e = self._record.exercises[index]
        cells: dict[str, str | Text] = {
            "Exercise": Text(printable(e.name), no_wrap=True, overflow="ellipsis"),
            "Status": mark(e.status),
            "Time": minutes(e.seconds),
            "Planned": minutes(e.planned_seconds),
            "Sets": f"{e.sets_done}/{e.sets_planned}",
            "Reps": f"{e.reps_done}/{e.reps_planned}" if e.reps_planned else "—",
            "Next time": Text(self._next[index] if self._next is not None else ""),
        }
        return [cells[column] for column in columns]

    def _build(self, room: int | None) -> None:
        """The columns and rows; with ``room`` (the summary), every column but the exercise
        name whole within it: the name wraps; when that leaves it fewer than NAME_LEAST
        cells, Time and Planned step aside (the totals above say them), then Next time wraps
        and yields to the name's longest word."""
        columns = list(COLUMNS) + (["Next time"] if self._next is not None else [])
        widths: dict[str, int | None] = dict.fromkeys(columns)
        height: int | None = 1
        if room is not None:
            rows = [self._cells(i, columns) for i in range(len(self._record.exercises))]
            natural = {
                column: max([len(_(column)), *(len(str(row[n])) for row in rows)])
                for n, column in enumerate(columns)
            }
            said = max(NEXT_WIDTH, natural["Next time"])
            short = ("Exercise", "Status", "Sets", "Reps", "Next time")
            spare = room - sum(natural[c] for c in short[1:-1]) - PADDING * len(short)
            wrapped = max(NEXT_NARROW, min(said, spare - min(natural["Exercise"], NAME_WANT)))
            for drop, next_width in (
                ((), said),
                (("Time", "Planned"), said),
                (("Time", "Planned"), wrapped),
            ):
                kept = [c for c in columns if c not in drop]
                others = sum(natural[c] for c in kept if c not in ("Exercise", "Next time"))
                name = room - others - next_width - PADDING * len(kept)
                if name >= NAME_LEAST:
                    break
            columns = kept
            # A name wraps at its spaces, never cut inside a word: Next time yields for its
            # longest word, down to its heading's width.
            names = [printable(e.name) for e in self._record.exercises]
            least = max([len(_("Exercise")), *(len(w) for n in names for w in n.split())])
            if name < least:  # Next time keeps its heading and its longest word whole
                said_words = [w for words in self._next or [] for w in words.split()]
                floor = max([len(_("Next time")), *map(len, said_words)])
                next_width = max(min(floor, next_width), next_width - (least - name))
                name = room - others - next_width - PADDING * len(kept)
            widths = {c: natural[c] for c in columns}
            widths["Exercise"] = max(least, min(natural["Exercise"], name))
            widths["Next time"] = next_width
            height = None  # as tall as its name and Next time words wrap
        for column in columns:
            heading = Text(_(column), no_wrap=True, overflow="ellipsis")  # a cut shows: …
            self.add_column(heading, key=COLUMN_KEYS.get(column), width=widths[column])
        for index in range(len(self._record.exercises)):
            cells = self._cells(index, columns)
            if height is None:  # the summary's: the name wraps rather than being cut
                title = self._record.exercises[index].name
                cells[columns.index("Exercise")] = Text(printable(title))
            self.add_row(*cells, key=str(index), height=height)

    def fit(self, room: int, *, again: bool = False) -> None:
        """Lay the summary's table out for ``room`` cells (kept while the same, unless
        ``again``: its words changed)."""
        if self._next is None or (self._room == room and not again):
            return
        self._room = room
        row = self.cursor_row
        self.clear(columns=True)
        self._build(room)
        self.move_cursor(row=row)

    def on_resize(self) -> None:
        if self._next is not None:
            self.call_after_refresh(self.fit, self.scrollable_content_region.width - 2)

    def show_next_time(self, index: int, words: str) -> None:
        if self._next is not None and self._room is not None:  # laid out again for the words
            self._next[index] = words
            self.fit(self._room, again=True)
        else:
            self.update_cell(str(index), "next-time", Text(words), update_width=True)


def feeling_line(record: SessionRecord) -> str:
    """'Pain 4 → 2 / 10 · next morning 1/10 · “note”', from whatever the check-ins gave (an
    old record's feelings as they were, on their old scale): plain text, to be shown as text (a
    note is the person's words, never markup)."""
    from supple.core.pain import old_feeling_words, pain_line

    parts = [
        p
        for p in (pain_line(record), old_feeling_words(record.feeling_before, record.feeling_after))
        if p
    ]
    if record.note:
        parts.append(f"“{printable(record.note)}”")
    return " · ".join(parts)
