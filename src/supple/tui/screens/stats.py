"""Stats: streaks, this week, the last 12 weeks, a 26-week calendar and how your back felt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from supple.core.words import plural
from supple.tui.context import tell
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.calendar import CalendarHeatmap

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.coach.views import HistoryView


class StatsScreen(SuppleScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="stats.back", tooltip="Back"),
    ]

    @dataclass
    class Loaded(Message):
        view: HistoryView

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach

    def body(self) -> Iterable[Widget]:
        yield Static("[b]Stats[/b]", id="title")
        with VerticalScroll(id="stats-body"):
            yield Static("Loading…", id="stats-numbers")
            yield Static(
                "Minutes of work (reps and holds) per week, last 12 weeks", classes="stats-label"
            )
            yield Sparkline([], id="weeks")
            yield Static(id="weeks-range", classes="stats-caption")
            yield Static("Last 26 weeks", classes="stats-label")
            yield CalendarHeatmap(id="calendar")
            yield Static("How your back felt after each session (0–10)", classes="stats-label")
            yield Sparkline([], id="feelings-trend")
            yield Static(id="feelings-caption", classes="stats-caption")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        self.post_message(self.Loaded(self.coach.history()))

    @on(Loaded)
    def loaded(self, message: Loaded) -> None:
        tell(self, self.coach)
        stats = message.view.stats
        week = stats.this_week
        self.query_one("#stats-numbers", Static).update(
            Text.assemble(
                "Streak ",
                (plural(stats.current_streak, "day"), "bold"),
                f" · longest {plural(stats.longest_streak, 'day')}\n",
                "This week ",
                (plural(week.sessions, "session"), "bold"),
                ", ",
                (f"{week.minutes:.0f} min", "bold"),
                " of work\n",
                f"In all {plural(stats.sessions, 'session')}, {stats.minutes:.0f} min of work",
            )
        )
        self.query_one("#weeks", Sparkline).data = [w.minutes for w in stats.weeks]
        first = stats.weeks[0]
        peak = max(w.minutes for w in stats.weeks)
        self.query_one("#weeks-range", Static).update(
            f"{first.monday:%d %b} … this week · peak {peak:.0f} min"
        )
        self.query_one("#calendar", CalendarHeatmap).show(stats)
        after = [f.after for f in stats.feelings if f.after is not None]
        self.query_one("#feelings-trend", Sparkline).data = [float(a) for a in after] or [0.0]
        caption = (
            "No check-ins yet."
            if not after
            else (
                f"first {after[0]}, latest {after[-1]}, best {max(after)} "
                f"over {len(after)} check-in{'s' if len(after) != 1 else ''}"
            )
        )
        self.query_one("#feelings-caption", Static).update(caption)

    def action_back(self) -> None:
        self.app.pop_screen()
