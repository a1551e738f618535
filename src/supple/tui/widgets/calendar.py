"""A calendar heatmap: one column per week, Monday at the top, brighter for more minutes."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from supple.core.stats import Stats
from supple.core.words import dated, weekday_words
from supple.i18n import _

SHADES = ("$success 25%", "$success 50%", "$success 75%", "$success")


def shade(minutes: float | None) -> str:
    if minutes is None:
        return " "
    if minutes <= 0:
        return "[$text-muted]·[/]"
    level = 0 if minutes < 5 else 1 if minutes < 10 else 2 if minutes < 20 else 3
    return f"[{SHADES[level]}]■[/]"


def initial(word: str) -> str:
    """A word's first letter, a capital ("mié" -> "M"; the pseudo-locale's bracket skipped)."""
    return next((c.upper() for c in word if c.isalpha()), "?")


def words(text: str) -> str:
    """Text shown as it is in a line of markup: every bracket escaped."""
    return text.replace("[", "\\[")


class CalendarHeatmap(Static):
    DEFAULT_CSS = """
    CalendarHeatmap { height: auto; width: auto; }
    """

    def show(self, stats: Stats) -> None:
        # Month names over the week they begin in; each week column is two characters wide.
        months = [" "] * (2 * len(stats.calendar) + 2)
        previous, last = None, slice(0, 0)
        for week in range(len(stats.calendar)):
            monday = stats.calendar_start + timedelta(weeks=week)
            name = dated(monday, "%b")  # "Nov", "März", "sept": each language's own
            at = slice(2 * week, 2 * week + len(name))
            if monday.month != previous and at.stop <= len(months):
                if at.start < last.stop:  # the month before shows a week or so: the new one wins
                    months[last] = " " * (last.stop - last.start)
                months[at] = name
                last = at
            previous = monday.month
        lines = ["  " + words("".join(months).rstrip())]
        # Each row's weekday by its initial in the person's language ("MDMDFSS" in German).
        monday = stats.calendar_start
        days = [initial(weekday_words(monday + timedelta(days=day))) for day in range(7)]
        for day in range(7):
            cells = " ".join(shade(column[day]) for column in stats.calendar)
            lines.append(f"{words(days[day])} {cells}")
        legend = " ".join(f"[{s}]■[/]" for s in SHADES)
        # The words escaped (this widget's lines are markup), the legend's squares between them.
        before, _legend, after = _(
            "none   {legend}   minutes a day: under 5, 10, 20, more"
        ).partition("{legend}")
        lines.append("  · " + words(before) + legend + words(after))
        self.update("\n".join(lines))
