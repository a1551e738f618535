"""Home's one line about the history: the last session, the streak and this week's minutes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from supple.core.words import plural, printable, said

if TYPE_CHECKING:
    from supple.core.stats import Stats


class HistoryLine(Static):
    """The history in one line, or how to begin when there is none."""

    def show(self, stats: Stats) -> None:
        last = stats.last
        if last is None:
            self.update("No sessions yet — pick a routine and press Enter.")
            return
        days = stats.current_streak
        self.update(
            Text(
                f"Last: {last.started:%a %d %b}, {printable(last.title)} "
                f"({said(last.outcome).label}) · "
                f"streak {plural(days, 'day')} · "
                f"this week {stats.this_week.minutes:.0f} min"
            )
        )
