"""Stats: streaks, this week, the last 12 weeks, a 26-week calendar and pain after each session
(with the old feelings, on their own scale, where an older record has them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from supple.coach import wording
from supple.core.pain import OLD_SCALE, SCALE
from supple.core.stats import Stats
from supple.core.words import counted, dated, plural
from supple.i18n import _, lazy
from supple.tui.context import tell
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.calendar import CalendarHeatmap
from supple.tui.widgets.chart import BarChart, Chart, Column

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.coach.views import HistoryView

TALL = 26  # rows: from here the charts take their full height

WEEKS = Chart(unit="min", bar=(1, 5), empty=lazy("No sessions in the last 12 weeks."))
FEELINGS = Chart(
    scale=(0.0, 10.0),
    ticks=(0.0, 5.0, 10.0),
    bar=(2, 3),
    keep="last",  # the latest check-ins that fit
    labels="ends",
    empty=lazy("No check-ins yet."),
)
PAIN = replace(FEELINGS, empty=lazy("No pain ratings yet."))
PAIN_LABEL = lazy("Pain after each session ({scale}: lower is better)")
FEELINGS_LABEL = lazy("How your back felt after each session ({scale})")


def minutes_text(minutes: float) -> str:
    """A week's minutes over its bar, rounded as the numbers above the chart are."""
    if minutes <= 0:
        return ""  # no bar, no number: the axis says 0
    return "<1" if minutes < 1 else f"{minutes:.0f}"


def weeks_chart(stats: Stats, *, tall: bool = True) -> Chart:
    """Minutes of work per week, oldest first; the last column is this week."""
    last = len(stats.weeks) - 1
    columns = tuple(
        Column(
            week.minutes,
            label=_("this wk") if n == last else dated(week.monday, "%d %b"),
            text=minutes_text(week.minutes),
            highlight=n == last,
        )
        for n, week in enumerate(stats.weeks)
    )
    if not any(week.minutes > 0 for week in stats.weeks):
        columns = ()
    return replace(WEEKS, columns=columns, rows=8 if tall else 5)


def pain_chart(stats: Stats, *, tall: bool = True) -> Chart:
    """Pain after each session that has one, 0–10 (lower is better), oldest first."""
    columns = tuple(
        Column(float(p.after), label=dated(p.day, "%d %b"), text=str(p.after))
        for p in stats.pain
        if p.after is not None
    )
    return replace(PAIN, columns=columns, rows=5 if tall else 4)


def feelings_chart(stats: Stats, *, tall: bool = True) -> Chart:
    """How the back felt after each session that has an old check-in, 0–10 where 10 is great,
    oldest first."""
    columns = tuple(
        Column(float(f.after), label=dated(f.day, "%d %b"), text=str(f.after))
        for f in stats.feelings
        if f.after is not None
    )
    return replace(FEELINGS, columns=columns, rows=5 if tall else 4)


class StatsScreen(SuppleScreen):
    BINDINGS = [
        Binding("escape", "back", lazy("Back"), id="stats.back", tooltip=lazy("Back")),
    ]

    @dataclass
    class Loaded(Message):
        view: HistoryView

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach
        self.stats: Stats | None = None
        self.tall = True  # charts at full height (set from the screen's height)

    def body(self) -> Iterable[Widget]:
        yield Static(Text(_("Stats"), style="bold"), id="title")
        with VerticalScroll(id="stats-body"):
            yield Static(Text(_("Loading…")), id="stats-numbers")
            words = _("Minutes of work (reps and holds) per week, last 12 weeks")
            yield Static(Text(words), classes="stats-label")
            yield BarChart(id="weeks")
            yield Static(Text(_("Last 26 weeks")), classes="stats-label")
            yield CalendarHeatmap(id="calendar")
            yield Static(Text(_(PAIN_LABEL).format(scale=_(SCALE))), classes="stats-label")
            yield BarChart(id="pain-trend")
            yield Static(id="pain-caption", classes="stats-caption")
            # The old feelings (another scale), shown only where older records have them.
            yield Static(
                Text(_(FEELINGS_LABEL).format(scale=_(OLD_SCALE))),
                classes="stats-label old-feelings",
            )
            yield BarChart(id="feelings-trend", classes="old-feelings")
            yield Static(id="feelings-caption", classes="stats-caption old-feelings")

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
                _("Streak") + " ",
                (plural(stats.current_streak, "day"), "bold"),
                " · " + _("longest {days}").format(days=plural(stats.longest_streak, "day")) + "\n",
                _("This week") + " ",
                (counted(week.sessions), "bold"),
                ", ",
                (f"{week.minutes:.0f} min", "bold"),
                " " + _("of work") + "\n",
                _("In all {count} ({ended} ended), {minutes} min of work").format(
                    count=counted(stats.counted),
                    ended=stats.sessions,
                    minutes=f"{stats.minutes:.0f}",
                ),
            )
        )
        self.stats = stats
        self.tall = self.size.height >= TALL
        self._charts(stats)
        self.query_one("#calendar", CalendarHeatmap).show(stats)
        self.query_one("#pain-caption", Static).update(wording.pain_trend(stats))
        self.query_one("#feelings-caption", Static).update(wording.feelings_trend(stats))
        self.query(".old-feelings").set(display=bool(stats.feelings))

    def _charts(self, stats: Stats) -> None:
        self.query_one("#weeks", BarChart).show(weeks_chart(stats, tall=self.tall))
        self.query_one("#pain-trend", BarChart).show(pain_chart(stats, tall=self.tall))
        self.query_one("#feelings-trend", BarChart).show(feelings_chart(stats, tall=self.tall))

    def on_resize(self, event: events.Resize) -> None:
        if self.stats is not None and (event.size.height >= TALL) != self.tall:
            self.tall = not self.tall
            self._charts(self.stats)

    def action_back(self) -> None:
        self.app.pop_screen()
