"""Progress: each test against its start with its measurement error, pain before, after and the
next morning by week, and the workouts done of those due, by week. Text and sparklines, so it
reads the same at 60 × 20 (scrolling) as at 100 × 30."""

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
from textual.widgets import Static

from supple.coach.program_wording import point_word
from supple.core.trends import BAND, BAND_MARKS, PainWeek, TestTrend, band_row, so_far, sparkline
from supple.core.words import dated, decimal, done_of_planned, judged_words, printable
from supple.i18n import _, lazy
from supple.tui.context import tell
from supple.tui.screens.base import SuppleScreen

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.coach.progress import ProgressFacts


def _value(value: float | None, unit: str) -> str:
    return "–" if value is None else f"{decimal(value)} {printable(unit)}".rstrip()


def band_key() -> Text:
    """What the band chart's marks mean (in the language of the moment: made when shown)."""
    return Text.assemble(
        # Translators: the band chart's key, "start ± measurement error"; {start} is the word
        # of the tests at the start of a program, as the marks after it name it
        (BAND + " " + _("{start} ± measurement error").format(start=point_word("start")), "dim"),
        *((f"  {mark} {point_word(point)}", "dim") for point, mark in BAND_MARKS.items()),
    )


def test_line(trend: TestTrend, width: int = 0) -> Text:
    """A test's values and judged change, then (given a width) its band chart."""
    test = trend.test
    values = " → ".join(f"{point_word(p)} {_value(v, test.unit)}" for p, v in trend.values)
    values = values or _("not taken yet")
    line = Text.assemble((printable(test.name.split(" (")[0]), "bold"), "\n  ", values)
    if trend.change is not None:
        words = judged_words(trend.change, test.error, printable(test.unit))
        style = {"better": "green", "worse": "yellow"}.get(trend.verdict, "dim")
        line.append(f"  {words}", style=style)
    if row := (band_row(trend, width - 2) if width >= 22 else []):
        line.append("\n  ")
        line.append_text(Text.assemble(*row))
    return line


def pain_lines(
    weeks: tuple[PainWeek, ...],
    latest: tuple[int | None, int | None, int | None],
) -> Text:
    """Each row's weekly means as a sparkline, then the latest rating itself (``latest``:
    before, after, the next morning; the number a person remembers giving)."""
    if not weeks:
        return Text(_("No pain ratings yet (0 = no pain, 10 = worst imaginable)."), style="dim")
    shown = weeks[-12:]
    out = Text(
        _("Weekly means from {day}, 0 = no pain … 10 = worst").format(
            day=dated(shown[0].monday, "%d %b")
        )
        + "\n",
        style="dim",
    )
    rows = (
        (_("before"), [w.before for w in shown]),
        (_("after"), [w.after for w in shown]),
        # Translators: the next-morning pain rating, a row label of the progress screen
        (_("morning"), [w.morning for w in shown]),
    )
    width = max(len(label) for label, _values in rows) + 1
    for (label, values), rating in zip(rows, latest, strict=True):
        out.append(label.ljust(width))
        out.append(sparkline(values), style="bold")
        shown_latest = "–" if rating is None else str(rating)
        # Translators: the latest single pain rating (0–10) after a row of weekly means
        out.append("  " + _("latest {value}").format(value=shown_latest))
        out.append("\n")
    out.rstrip()
    return out


def adherence_lines(facts: ProgressFacts) -> Text:
    if facts.started is None:
        return Text(_("The program has not started (p, then s)."), style="dim")
    done, due = so_far(facts.adherence)
    whole = _("{done} of {total} in the program").format(done=facts.done, total=facts.total)
    out = Text(f"{done_of_planned(done, due, so_far=True)} · {whole}\n")
    for week in facts.adherence:
        bar = "█" * min(week.done, week.due) + "░" * max(0, week.due - week.done)
        bar += "+" * max(0, week.done - week.due)
        out.append(
            _("week {number} {day}").format(
                number=f"{week.week:<2}", day=dated(week.monday, "%d %b")
            )
            + "  "
        )
        out.append(bar or "–", style="bold")
        out.append(f"  {done_of_planned(week.done, week.due)}\n")
    out.rstrip()
    return out


class ProgressScreen(SuppleScreen):
    BINDINGS = [
        Binding("escape", "back", lazy("Back"), id="progress.back", tooltip=lazy("Back")),
    ]

    @dataclass
    class Loaded(Message):
        facts: ProgressFacts

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach
        self.facts: ProgressFacts | None = None

    def body(self) -> Iterable[Widget]:
        yield Static(Text(_("Progress"), style="bold"), id="title")
        with VerticalScroll(id="progress-body"):
            yield Static(Text(_("Tests against the start")), classes="stats-label")
            yield Static(Text(_("Loading…")), id="progress-tests")
            yield Static(Text(_("Pain by week")), classes="stats-label")
            yield Static(id="progress-pain")
            yield Static(Text(_("Workouts done of those due")), classes="stats-label")
            yield Static(id="progress-adherence")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        from supple.coach.progress import progress_facts

        coach = self.coach
        self.post_message(
            self.Loaded(progress_facts(coach.journal, coach.program_service, coach.now))
        )

    @on(Loaded)
    def loaded(self, message: Loaded) -> None:
        tell(self, self.coach)
        facts = message.facts
        self.facts = facts
        self.show_tests()
        self.query_one("#progress-pain", Static).update(pain_lines(facts.pain, facts.latest_pain))
        self.query_one("#progress-adherence", Static).update(adherence_lines(facts))

    def show_tests(self) -> None:
        """The tests' lines and band charts, as wide as the screen allows (up to 80)."""
        if self.facts is None:
            return
        static = self.query_one("#progress-tests", Static)
        width = min(80, static.content_size.width or self.size.width - 4)
        tests = self.facts.tests
        lines = [band_key(), *(test_line(t, width) for t in tests)] if tests else [Text("–")]
        static.update(Text("\n").join(lines))

    def on_resize(self) -> None:
        self.show_tests()

    def action_back(self) -> None:
        self.app.pop_screen()
