"""Taking the mobility tests: how to do each, a stopwatch for the timed ones, a checked input for
the measured ones. A result is saved when confirmed: Enter, or leaving its field (Tab, a click,
another test); Esc leaves without saving what was typed."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Input, Static

from supple.core.figures import FIGURES
from supple.core.motion import FigureFrame
from supple.core.program import MobilityTest, Point, Program
from supple.core.words import decimal, point_word, printable
from supple.i18n import _, lazy
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.figure import FigureStrip

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.coach.test_timer import TestTimer


def tenths(seconds: float) -> int:
    """Whole tenths elapsed, as a stopwatch counts them: what it shows is what is saved."""
    return int(seconds * 10 + 1e-6)


def stopwatch_text(seconds: float) -> str:
    t = tenths(seconds)
    return f"{t // 600}:{t // 10 % 60:02d}.{t % 10}"


class TestsScreen(SuppleScreen):
    __test__ = False  # not a pytest test class, despite the name

    BINDINGS = [
        Binding(
            "up",
            "move(-1)",
            lazy("Test"),
            key_display="↑/↓",
            priority=True,
            id="tests.up",
            tooltip=lazy("The previous test"),
        ),
        Binding(
            "down",
            "move(1)",
            lazy("Test"),
            show=False,
            priority=True,
            id="tests.down",
            tooltip=lazy("The next test"),
        ),
        Binding(
            "space",
            "stopwatch",
            lazy("Start/stop"),
            id="tests.stopwatch",
            tooltip=lazy("Start or stop the stopwatch"),
        ),
        Binding("r", "reset", lazy("Reset"), id="tests.reset", tooltip=lazy("Reset the stopwatch")),
        Binding("enter", "save", lazy("Save"), id="tests.save", tooltip=lazy("Save this result")),
        Binding(
            "escape", "back", lazy("Back"), id="tests.back", tooltip=lazy("Back to the program")
        ),
    ]

    def __init__(
        self, coach: Coach, program: Program, point: Point, saved: dict[str, float] | None = None
    ) -> None:
        super().__init__()
        self.coach = coach
        self.program = program
        self.point = point
        self.index = 0
        self.saved: dict[str, float] = dict(saved or {})  # this point's results, on disk
        self.stopwatch: TestTimer | None = None  # the timed test: heard, as a session is
        self._timer: Timer | None = None

    @property
    def test(self) -> MobilityTest:
        return self.program.tests[self.index]

    def body(self) -> Iterable[Widget]:
        # Translators: the mobility tests screen's title, "Mobility tests · start of the program"
        said = _("Mobility tests · {point} of the program").format(point=point_word(self.point))
        yield Static(Text(said, style="bold"), id="title")
        with Horizontal(id="tests-main"):
            tests = Static(id="tests-list")
            tests.border_title = _("Tests")
            yield tests
            # The result is asked first and the steps follow (they scroll): at 60 × 20 the
            # field to type into is always on screen.
            with VerticalScroll(id="test-detail") as detail:
                detail.border_title = _("How")
                yield Static(id="test-name")
                yield Digits("0:00.0", id="stopwatch")
                # Any text: the number reader takes 2,5 and 12 cm and says what it refuses.
                yield Input(max_length=40, id="test-value")
                yield Static(id="test-error")  # beside the field, so visible at 60 × 20
                yield Static(id="test-hint")
                yield Static(id="test-how")
                yield FigureStrip(shape=0.45, id="test-figure")  # the start and end positions

    def on_mount(self) -> None:
        self._timer = self.set_interval(0.1, self.tick, pause=True)
        self.show()

    def show(self) -> None:
        test = self.test
        listing: list[tuple[str, str]] = []  # Content resolves $success when painted
        for n, t in enumerate(self.program.tests):
            mark = "✓" if t.id in self.saved else "▶" if n == self.index else " "
            name, unit = printable(t.name), printable(t.unit)
            listing.append((f"{mark} {name}\n", "bold reverse" if n == self.index else ""))
            if t.id in self.saved:
                listing.append((f"   {decimal(self.saved[t.id])} {unit}\n", "$success"))
        self.query_one("#tests-list", Static).update(Content.assemble(*listing))
        better = _("more is better") if test.better == "higher" else _("less is better")
        unit = printable(test.unit)
        how = "\n".join(f"{n}. {printable(step)}" for n, step in enumerate(test.how, 1))
        self.query_one("#test-name", Static).update(
            Text.assemble(
                (printable(test.name), "bold"),
                " — " + _("in {unit}, {better}").format(unit=unit, better=better),
            )
        )
        self.query_one("#test-how", Static).update(
            Text.assemble((printable(test.why), "italic"), f"\n\n{how}")
        )
        figure = FIGURES.get(test.figure or "")
        self.query_one("#test-figure", FigureStrip).show(
            (FigureFrame(figure, 0.0), FigureFrame(figure, 1.0)) if figure else ()
        )
        timed = test.kind.stopwatch
        self.query_one("#stopwatch").display = timed
        value = self.query_one("#test-value", Input)
        value.display = not timed
        value.value = ""
        value.placeholder = f"{decimal(test.low)}–{decimal(test.high)} {unit}"
        self.query_one("#test-error", Static).update("")
        if timed:
            from supple.coach.test_timer import TestTimer

            self.stopwatch = TestTimer(test, self.coach.announcer, self.coach.clock)
            self.tick()
            self.set_focus(None)
            hint = _("space: start / stop · r: reset · Enter: save")
        else:
            self.stopwatch = None
            value.focus(scroll_visible=False)  # the detail stays at its top: the test's name
            hint = _("Type the result in {unit} (2,5 or 2.5) · Enter or Tab: save").format(
                unit=unit
            )
        hint += " · " + _("↑/↓: other tests · Esc: back")
        self.query_one("#test-hint", Static).update(Text(hint))
        self.query_one("#test-detail", VerticalScroll).scroll_home(animate=False)

    def tick(self) -> None:
        """Draw the stopwatch (the get-ready's seconds left, then the hold's time), and carry
        out the cues due: the 3-2-1, the start tone, the closing tone at the stop."""
        if self.stopwatch is None:
            return
        snap, bell = self.stopwatch.frame()
        if bell:
            self.app.bell()
        segment = snap.segment
        ready = segment is not None and segment.counts_down and not snap.done
        shown = (
            f"{math.ceil(snap.segment_left)}"
            if ready
            else stopwatch_text(self.stopwatch.held(snap))
        )
        self.query_one("#stopwatch", Digits).update(shown)
        if snap.done and self._timer is not None:
            self._timer.pause()

    def action_move(self, step: int) -> None:
        if self.stopwatch is not None and self.stopwatch.running:
            return  # a running stopwatch keeps its test
        start = self.index
        if self.typed() and not self.commit():
            return  # what was typed is saved before leaving it, or refused beside the field
        self.index = (start + step) % len(self.program.tests)
        self.show()

    def action_stopwatch(self) -> None:
        if not self.test.kind.stopwatch or self.stopwatch is None or self._timer is None:
            return
        if self.stopwatch.running:
            self.stopwatch.stop()  # heard: the closing tone
        else:
            self.stopwatch.start()  # a new try: the get-ready's 3-2-1, then the start tone
            self._timer.resume()
        self.tick()

    def action_reset(self) -> None:
        if self.test.kind.stopwatch and self.stopwatch is not None:
            self.stopwatch.reset()
            if self._timer is not None:
                self._timer.pause()
            self.tick()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Input.Blurred, "#test-value")
    def _left(self) -> None:
        """Leaving the field (Tab, a click) confirms what it shows, as Enter does."""
        if self.typed():
            self.commit()

    def typed(self) -> str:
        """The result typed and not yet saved ("" for a timed test)."""
        if self.test.kind.stopwatch:
            return ""
        return self.query_one("#test-value", Input).value.strip()

    def commit(self) -> bool:
        """Save what the field shows; False (the error beside it) if it cannot be."""
        self.action_save()
        return not self.typed()

    @on(Input.Changed, "#test-value")
    def _value_changed(self, event: Input.Changed) -> None:
        """The error beside the field goes as soon as the value is valid again."""
        from supple.core.numbers import NumberError, read_number

        if not event.value.strip():
            return
        try:
            problem = self.test.check(read_number(event.value, self.test.unit))
        except NumberError:
            return
        if not problem:
            self.query_one("#test-error", Static).update("")

    def action_save(self) -> None:
        test = self.test
        error = self.query_one("#test-error", Static)
        if test.kind.stopwatch:
            assert self.stopwatch is not None
            if self.stopwatch.running:
                self.action_stopwatch()
            value = tenths(self.stopwatch.held()) / 10
        else:
            from supple.core.numbers import NumberError, read_number

            try:
                value = read_number(self.query_one("#test-value", Input).value, test.unit)
            except NumberError as refused:
                error.update(Text(printable(str(refused))))
                return
        problem = test.check(value)
        if problem:
            error.update(Text(printable(problem)))
            return
        from supple.core.files import SaveError

        try:
            self.coach.record_test(test, value, self.point)
        except SaveError as error:
            said = _("Not saved: {error}").format(error=error)
            self.notify(said, severity="error", timeout=10, markup=False)
            return
        said = _("Saved {test}: {value} ({point})").format(
            test=test.name, value=f"{decimal(value)} {test.unit}", point=point_word(self.point)
        )
        self.notify(said, markup=False)
        self.saved[test.id] = value
        if len(self.saved) < len(self.program.tests):
            unsaved = [n for n, t in enumerate(self.program.tests) if t.id not in self.saved]
            self.index = next((n for n in unsaved if n > self.index), unsaved[0])
        self.show()

    def action_back(self) -> None:
        if self.stopwatch is not None and self.stopwatch.running:
            self.action_stopwatch()
        self.query_one("#test-value", Input).value = ""  # Esc restores: what was typed is dropped
        self.app.pop_screen()
