"""The program: the 6×3 grid of workouts, the next one a key away, tests due, and progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, assert_never

from rich.text import Text
from textual import events, on, work
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static

from supple.coach.program_wording import better_words
from supple.coach.wording import screening_line
from supple.core.program import POINTS, MobilityTest, Program
from supple.core.words import dated, decimal, judge, judged_words, point_word, printable
from supple.i18n import _, lazy
from supple.tui.context import StartSession, tell
from supple.tui.format import level_short, level_word
from supple.tui.screens.base import COMPACT_BELOW, SuppleScreen
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.program_next import next_text
from supple.tui.widgets.chart import BarChart, Chart, Column

if TYPE_CHECKING:
    from typing import Any

    from textual.app import App

    from supple.coach.coach import Coach
    from supple.coach.views import ProgramView
    from supple.coach.wording import Hint
    from supple.core.screening import Checklist

# A test's chart needs this many cells (its axis and three bars with "12.5 cm" over them).
TEST_CHART_WIDTH = 28
TEST_CHART = Chart(rows=4, bar=(5, 7), gap=3, marks=False, empty=lazy("not taken yet"))


def results_chart(test: MobilityTest, values: Sequence[float | None]) -> Chart:
    """Start, middle and end on a real scale through 0, in the test's unit, with which way is
    better said in words: a bar that shrinks is progress when lower is better."""
    unit = printable(test.unit)
    return replace(
        TEST_CHART,
        columns=tuple(
            Column(
                value,
                label=point_word(point),
                text=None if value is None else f"{decimal(value)} {unit}".rstrip(),
            )
            for point, value in zip(POINTS, values, strict=True)
        ),
        unit=unit,
        title=printable(test.name.split(" (")[0]),
        note=("↑ " if test.better == "higher" else "↓ ") + better_words(test.better),
    )


class ResultCharts(Grid):
    """One chart a test, as many side by side as the width allows."""

    def on_resize(self, event: events.Resize) -> None:
        count = max(1, min(5, (event.size.width + 1) // (TEST_CHART_WIDTH + 1)))
        if self.styles.grid_size_columns != count:
            self.styles.grid_size_columns = count


def change_text(
    test: MobilityTest, change: float | None, theme: Mapping[str, str], *, compact: bool = False
) -> Text:
    """In the theme's colours (`App.theme_variables`): a DataTable cell is Rich text, which
    cannot say $success; the tables are refilled on every resume, so a new theme shows."""
    if change is None:
        return Text("")
    unit = printable(test.unit)
    words = judged_words(change, test.error, unit, compact=compact)
    match judge(change, test.error):
        case "better":
            return Text(words if compact else f"{words} ★", style=f"bold {theme['success']}")
        case "worse":
            return Text(words, style=theme["warning"])
        case "within error" | "not yet":  # "≈ 5 cm", dim: the progress screen says the error
            return Text(judged_words(change, test.error, unit, compact=True), style="dim")
        case _ as unreachable:
            assert_never(unreachable)


def fill_grid(grid: DataTable[Any], view: ProgramView, compact: bool, success: str) -> None:
    """The weeks × workouts grid: done (with the day), next and to do."""
    progress = view.progress
    program = progress.program
    grid.clear(columns=True)
    grid.add_columns(
        # Translators: "Wk", the short "Week" of a narrow table
        _("Wk") if compact else _("Week"),
        _("Level"),
        *(f"#{n}" for n in range(1, program.workouts_per_week + 1)),
    )
    done = {w.number: r for w, r in progress.done}
    for week in range(1, program.weeks + 1):
        workouts = [w for w in program.workouts if w.week == week]
        level = workouts[0].level if workouts else ""
        cells: list[str | Text] = (
            [str(week), level_short(level)]
            if compact
            else [_("Week {number}").format(number=week), level_word(level)]
        )
        for workout in workouts:
            if workout.number in done:
                day = done[workout.number].started
                cells.append(
                    Text(
                        f"✓ {dated(day, '%d')}" if compact else f"✓ {dated(day, '%a %d')}",
                        style=success,
                    )
                )
            elif progress.next is not None and workout.number == progress.next.number:
                # Translators: the program's table, the next workout's cell ("▶ next")
                shown = "▶" if compact else "▶ " + _("next")
                cells.append(Text(shown, style="bold reverse"))
            else:
                cells.append(Text("·", style="dim"))
        grid.add_row(*cells)


async def show_charts(box: ResultCharts, view: ProgramView) -> None:
    """A chart a test, once any result is in (until then the table says it all)."""
    progress = view.progress
    box.display = bool(progress.results)
    charts = [
        results_chart(test, [by[p].value if p in by else None for p in POINTS])
        for test in progress.program.tests
        for by in [progress.results.get(test.id, {})]
    ]
    shown = list(box.query_children(BarChart))
    if len(shown) != len(charts):
        await box.remove_children()
        await box.mount_all(BarChart(chart) for chart in charts)
    else:
        for widget, chart in zip(shown, charts, strict=True):
            widget.show(chart)


def programs_line(views: Sequence[ProgramView], active: str, shown: str) -> Text:
    """Every program on one line: the active one marked ●, the one on screen in bold, how far
    along each is (a program left for another keeps its progress)."""
    # Translators: the program screen's line of every program, "Programs (o: the other): ● …"
    parts: list[str | tuple[str, str]] = [_("Programs")]
    if len(views) > 1:  # the key first: the line is cut at the right where it is narrow
        parts.append((" " + _("(o: the other)"), "dim"))
    parts.append(": ")
    for view in views:
        program, progress = view.program, view.progress
        where = (
            _("not started")
            if progress.started is None
            else f"{len(progress.done)}/{len(program.workouts)}"
        )
        mark = "● " if program.id == active else "○ "
        style = "bold" if program.id == shown else ""
        parts += [mark, (f"{printable(program.title)} · {where}", style), "  "]
    return Text.assemble(*parts)


class ProgramScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "enter",
            "next_workout",
            lazy("Start next"),
            id="program.next",
            tooltip=lazy("Start the next workout"),
            priority=True,
        ),
        Binding(
            "t", "tests", lazy("Tests"), id="program.tests", tooltip=lazy("Take the mobility tests")
        ),
        Binding(
            "o",
            "other_program",
            lazy("Other program"),
            id="program.other",
            tooltip=lazy("Show the other program (s then makes it yours; its progress is kept)"),
        ),
        Binding(
            "g",
            "progress",
            lazy("Progress"),
            id="program.progress",
            tooltip=lazy("Tests against the start, pain and workouts by week"),
        ),
        Binding(
            "s",
            "start_program",
            lazy("Start program"),
            id="program.start",
            tooltip=lazy("Start (or restart) the program today"),
        ),
        Binding(
            "k",
            "screening",
            lazy("Safety screening"),
            id="program.screening",
            tooltip=lazy("The safety questions: warning signs to see a clinician for"),
        ),
        Binding(
            "escape", "back", lazy("Back"), id="program.back", tooltip=lazy("Back to the routines")
        ),
    ]

    @dataclass
    class Loaded(Message):
        view: ProgramView | None
        listing: Text | None = None  # every program on a line
        active: bool = True  # the program shown is the active one

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach
        self.view: ProgramView | None = None
        self.compact = False  # the narrow tables (set from the width)
        self._loaded = False
        self.shown: str | None = None  # the program on screen (None: the active one)
        self.active = True
        self.listing: Text | None = None  # every program on a line, as last loaded

    def body(self) -> Iterable[Widget]:
        yield Static(Text(_("Program"), style="bold"), id="title")
        yield Static(Text(_("Loading…")), id="program-status")
        yield Static(id="program-list")
        yield Static(id="program-screening")  # a warning sign not yet cleared
        with VerticalScroll(id="program-body"):  # scrolls (↑/↓) where 20 rows are too few
            with Horizontal(id="program-top"):
                grid: DataTable[str] = DataTable(id="program-grid", cursor_type="none")
                grid.border_title = _("Workouts")
                yield grid
                with Vertical(id="program-next") as panel:
                    panel.border_title = _("Next")
                    yield Static(id="next-text")
            table: DataTable[str] = DataTable(id="progress-table", cursor_type="none")
            table.border_title = _("Mobility tests")
            yield table
            charts = ResultCharts(id="test-charts")
            charts.border_title = _("Tests: start, middle, end")
            yield charts

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        if self._loaded:  # back from a session or the tests: count again
            self.load()

    @work(thread=True, exclusive=True, group="program")
    def load(self) -> None:
        service = self.coach.program_service
        active = service.active_id()
        shown = self.shown if self.shown is not None else active
        view = self.coach.program() if shown == active else service.view(shown)
        views = service.views()
        listing = programs_line(views, active, shown) if len(views) > 1 else None
        self.post_message(self.Loaded(view, listing, shown == active))

    @on(Loaded)
    async def show(self, message: Loaded) -> None:
        tell(self, self.coach)
        self._loaded = True
        self.view = view = message.view
        self.active = message.active
        self.listing = message.listing
        self.refresh_bindings()  # Enter and t act on the active program only
        listing = self.query_one("#program-list", Static)
        listing.display = message.listing is not None
        listing.update(message.listing or "")
        status = self.query_one("#program-status", Static)
        if view is None:
            status.update(_("The program file cannot be used: see the notification."))
            return
        progress = view.progress
        program = progress.program
        title = (printable(program.title), "bold")
        if not message.active:
            if progress.started is not None:
                said = _("not your program now — s resumes it")
            else:
                said = _("not your program now — s starts it today")
            status.update(Text.assemble(title, " · " + said))
        elif progress.started is None:
            status.update(Text.assemble(title, " · " + _("not started — press s to start today")))
        else:
            status.update(
                Text.assemble(
                    title,
                    " · "
                    + _("started {day} · {done}/{total} workouts done").format(
                        day=dated(progress.started, "%a %d %b"),
                        done=len(progress.done),
                        total=len(program.workouts),
                    ),
                )
            )
        self._screening_line()
        self.compact = self.size.width < COMPACT_BELOW
        success = self.app.theme_variables["success"]
        fill_grid(self.query_one("#program-grid", DataTable), view, self.compact, success)
        self._next(view)
        self._tests(view)
        await show_charts(self.query_one("#test-charts", ResultCharts), view)

    def _screening_line(self) -> None:
        line = screening_line(self.coach.journal.screening(), _said_here(self.app))
        widget = self.query_one("#program-screening", Static)
        widget.display = line is not None
        widget.update(Text(line or ""))

    def on_resize(self, event: events.Resize) -> None:
        if self.view is not None and (event.size.width < COMPACT_BELOW) != self.compact:
            self.post_message(self.Loaded(self.view, self.listing, self.active))

    def _next(self, view: ProgramView) -> None:
        self.query_one("#next-text", Static).update(next_text(self.coach, view, active=self.active))

    def _tests(self, view: ProgramView) -> None:
        from supple.core.words import point_heading

        progress = view.progress
        table = self.query_one("#progress-table", DataTable)
        table.clear(columns=True)
        points = (point_heading(p) for p in POINTS)
        if self.compact:  # the essentials: each point's value and the change
            table.add_columns(_("Test"), *points, _("Change"))
        else:
            # Translators: the program's tests table: which way is better (↑ higher, ↓ lower)
            table.add_columns(_("Test"), _("Better"), *points, _("Change"))
        for test in progress.program.tests:
            by_point = progress.results.get(test.id, {})
            values = [by_point[p].value if p in by_point else None for p in POINTS]
            if self.compact:
                change = progress.change(test)
                table.add_row(
                    Text(printable(test.name.split(" (")[0])),  # a str cell would be markup
                    *(decimal(v) if v is not None else "–" for v in values),
                    change_text(test, change, self.app.theme_variables, compact=True),
                )
                continue
            table.add_row(
                Text(printable(test.name)),
                Text(f"{'↑' if test.better == 'higher' else '↓'} {printable(test.unit)}"),
                *(decimal(v) if v is not None else "–" for v in values),
                change_text(test, progress.change(test), self.app.theme_variables),
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter (the next workout) and t (the tests) are the active program's: on the other
        one, shown with o, they are neither shown nor named (s makes it yours)."""
        return self.active or action not in ("next_workout", "tests")

    def action_other_program(self) -> None:
        ids = self.coach.program_service.ids()
        if self.view is not None and len(ids) > 1:
            at = ids.index(self.view.program.id) if self.view.program.id in ids else 0
            self.shown = ids[(at + 1) % len(ids)]
            self.load()

    def action_next_workout(self) -> None:
        if self.view is None or self.view.progress.next is None or not self.active:
            return
        nxt = self.view.progress.next
        self.post_message(StartSession(nxt.routine, nxt.level))

    def action_tests(self) -> None:
        if self.view is None or not self.active:
            return
        from supple.tui.screens.mobility_tests import TestsScreen

        progress = self.view.progress
        point = progress.program.point_for(len(progress.done))
        saved = {t: by[point].value for t, by in progress.results.items() if point in by}
        self.app.push_screen(TestsScreen(self.coach, progress.program, point, saved))

    def _start(self, program: Program, *, resume: bool = False) -> None:
        """Start ``program`` today, or (one left for another: ``resume``) go back to it; never
        while a warning sign stands (the coach refuses: docs/safety.md)."""
        from supple.core.files import SaveError
        from supple.core.screening import WarningSignStands

        try:
            self.coach.start_program(program)
        except SaveError as error:
            said = _("Could not start the program: {error}").format(error=error)
            self.notify(said, severity="error", markup=False)
        except WarningSignStands as stands:
            from supple.coach.wording import program_refused

            said = program_refused(stands.screening, _said_here(self.app))
            self.notify(said, severity="warning", timeout=20, markup=False)
        else:
            started = _("{title} started today. Take the start tests (t).")
            said = (_("{title} resumed") if resume else started).format(title=program.title)
            self.notify(said, markup=False)
        # The program whose start (or screening) it was stays on screen, started or refused.
        self.shown = program.id
        self.load()

    def action_progress(self) -> None:
        from supple.tui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.coach))

    def action_screening(self, then: Program | None = None) -> None:
        """The safety questions of the program shown; ``then``: the program to start once they
        are answered (left with Escape: not started)."""

        def after() -> None:
            self._screening_line()
            self._refresh_next()
            if then is not None:
                self._start(then)

        ask_screening(self.app, self.coach, after, self._checklist(), quiet=then is not None)

    def _checklist(self) -> Checklist:
        from supple.core.screening import LOW_BACK, checklist

        return checklist(self.view.program.screening) if self.view is not None else LOW_BACK

    def _refresh_next(self) -> None:
        if self.view is not None:
            self._next(self.view)

    def action_start_program(self) -> None:
        """Start the program shown: its own screening first, once; the restart dialog at once
        (nothing slow before it: the view is already loaded)."""
        if self.view is None:
            return
        progress = self.view.progress
        screening = self.coach.journal.screening()
        if screening is None or not screening.answered_for(self._checklist()):
            self.action_screening(then=progress.program)  # asked once, before the program
            return
        if progress.started is None or not self.active:  # a program left earlier: resumed
            self._start(progress.program, resume=progress.started is not None)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(progress.program)

        from supple.coach.wording import restart_program

        self.app.push_screen(ConfirmScreen(*restart_program(progress.started)), answered)

    def action_back(self) -> None:
        self.app.pop_screen()


def ask_screening(
    app: App[Any],
    coach: Coach,
    then: Callable[[], object] | None = None,
    asked: Checklist | None = None,
    *,
    quiet: bool = False,
) -> None:
    """The safety questions of ``asked`` (the low-back ones; from the program screen's key or
    the palette), a warning once answered with a sign not cleared (``quiet``: the caller says
    it); ``then``: what to do once they are saved (Escape: nothing)."""
    from supple.coach.wording import screening_result
    from supple.tui.screens.screening import ScreeningScreen

    screen = ScreeningScreen(coach) if asked is None else ScreeningScreen(coach, asked)

    def answered(_: None) -> None:
        if not screen.saved:
            return
        screening = coach.journal.screening()
        if not quiet and screening is not None and screening.flag_stands:
            said = screening_result(screening, _said_here(app))
            app.notify(said, severity="warning", timeout=20, markup=False)
        if then is not None:
            then()

    app.push_screen(screen, answered)


def _said_here(app: App[Any]) -> Hint:
    """The safety sentences on the program screen name its key for the safety questions."""
    from supple.tui.keymap import say_keys
    from supple.tui.screens.screening import in_app

    return in_app(app, say_keys(app, ProgramScreen, "program.screening"))
