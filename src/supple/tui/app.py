"""SuppleApp: the screens, global keys, sound, signals, and the life of a session's record."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tomli_w
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from supple import paths
from supple.core.clock import Clock, MonotonicClock
from supple.core.history import HistoryStore, HistoryWriteError, Loaded, Now, Record, local_now
from supple.core.program import (
    MobilityTest,
    Point,
    Program,
    ProgramError,
    Progress,
    load_program,
    progress,
)
from supple.core.program_store import ProgramStore
from supple.core.recorder import Recorder
from supple.core.routine import Catalog, Routine, load_catalog
from supple.core.session import Session
from supple.core.stats import Stats, compute
from supple.tui.screens.base import MIN_HEIGHT, MIN_WIDTH
from supple.tui.screens.feeling import CheckIn, FeelingScreen
from supple.tui.screens.help import HelpScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.summary import SummaryScreen


class SuppleApp(App[int]):
    CSS_PATH = "supple.tcss"
    TITLE = "supple"
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (90, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall")]
    BINDINGS = [
        Binding(
            "question_mark", "help", "Help", key_display="?", id="app.help", tooltip="Every key"
        ),
        Binding(
            "ctrl+q,ctrl+c",
            "quit",
            "Quit",
            show=False,
            priority=True,
            id="app.quit",
            tooltip="Quit; a running session is saved as stopped",
        ),
    ]

    def __init__(
        self,
        catalog: Catalog,
        *,
        clock: Clock,
        now: Now,
        store: HistoryStore,
        start: tuple[str, str] | None = None,
        level: str = "beginner",
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.clock = clock
        self.now = now
        self.store = store
        self.muted = False
        self.ask_before = False  # the optional check-in before a session (off by default)
        self.cues = 0  # how many sound cues were given: the tests count them
        self.recorders: list[Recorder] = []  # every session of this run, for a safe exit
        self._start = start
        self._level = start[1] if start else level

    def on_mount(self) -> None:
        self._catch_signals()
        self.push_screen(HomeScreen(self._level, self._start[0] if self._start else None))
        if self._start is not None:
            routine_id, level = self._start
            self.start_session(self.catalog.find(routine_id), level)

    def _catch_signals(self) -> None:
        """SIGTERM, SIGHUP (terminal closed) and SIGINT end a session as stopped, saved."""
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
                loop.add_signal_handler(sig, self.save_and_exit)

    # -- sessions ---------------------------------------------------------------------------

    def start_session(self, routine: Routine, level: str) -> None:
        def begin(check_in: CheckIn | None = None) -> None:
            recorder = Recorder(self.store, Session(routine, level, self.clock), self.now())
            if check_in is not None and check_in.feeling is not None:
                recorder.extra["feeling_before"] = check_in.feeling
            self.recorders.append(recorder)
            self.push_screen(PlayerScreen(recorder))

        if self.ask_before:
            self.push_screen(FeelingScreen(before=True), begin)
        else:
            begin()

    def cue(self) -> None:
        """A sound cue: the terminal bell, unless muted."""
        if not self.muted:
            self.cues += 1
            self.bell()

    def finish_session(self, recorder: Recorder) -> None:
        """Save at once (nothing waits on the check-in), then ask, then show the summary."""
        recorder.finish()

        def answered(check_in: CheckIn | None) -> None:
            if check_in is not None:
                recorder.add(feeling_after=check_in.feeling, note=check_in.note)
            self.switch_screen(SummaryScreen(recorder))

        self.push_screen(FeelingScreen(before=False), answered)

    def read_history(self) -> tuple[Loaded, Stats]:
        """Every record and what they add up to. Slow with a big history: call from a worker."""
        loaded = self.store.load()
        return loaded, compute(loaded.records, self.now().date())

    def report_history_problems(self, loaded: Loaded) -> None:
        """One notification per bad or recovered file (a file is quarantined only once)."""
        for path in loaded.recovered:
            self.notify(f"Recovered an interrupted session:\n{path}", timeout=8)
        for bad in loaded.quarantined:
            self.notify(
                f"A history file was broken and moved aside:\n{bad}", severity="error", timeout=15
            )

    def trash_record(self, record: Record) -> None:
        try:
            moved = self.store.trash(record.path)
        except HistoryWriteError as error:
            self.notify(f"Could not delete: {error}", severity="error")
        else:
            self.notify(f"Moved to the trash: {moved}")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): supple's own commands, then Textual's."""
        if not isinstance(screen, PlayerScreen):  # nothing that would bury a running session
            yield SystemCommand("History", "Past sessions, newest first", self.action_history)
            yield SystemCommand(
                "Stats", "Streaks, weekly minutes, how your back felt", self.action_stats
            )
        yield SystemCommand("Keys", "Every key supple knows", self.action_help)
        yield from super().get_system_commands(screen)

    # -- the program ------------------------------------------------------------------------

    def read_program(self) -> Progress | None:
        """Where the program stands, from its files and the history. Call from a worker."""
        try:
            program = load_program(paths.bundled_program_path(), self.catalog)
        except ProgramError as error:
            self.call_from_thread(
                self.notify,
                f"The program file cannot be used:\n{error}",
                severity="error",
                timeout=15,
            )
            return None
        store = ProgramStore(self.store)
        state, bad_state = store.state()
        results = store.results(program)
        loaded = self.store.load()
        self.call_from_thread(self.report_history_problems, loaded)
        for bad in (bad_state, *results.quarantined):
            if bad is not None:
                self.call_from_thread(
                    self.notify,
                    f"A program file was broken and moved aside:\n{bad}",
                    severity="error",
                    timeout=15,
                )
        started = state.started if state is not None and state.program == program.id else None
        return progress(program, started, loaded.records, results.results, self.now().date())

    def start_program(self, program: Program) -> None:
        try:
            ProgramStore(self.store).start(program, self.now().date())
        except HistoryWriteError as error:
            self.notify(f"Could not start the program: {error}", severity="error")
        else:
            self.notify(f"{program.title} started today. Take the start tests (t).")

    def record_test(self, test: MobilityTest, value: float, point: Point) -> bool:
        try:
            ProgramStore(self.store).record(test.id, value, point, self.now())
        except HistoryWriteError as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10)
            return False
        self.notify(f"Saved {test.name}: {value:g} {test.unit} ({point})")
        return True

    def action_program(self) -> None:
        from supple.tui.screens.program import ProgramScreen

        self.push_screen(ProgramScreen())

    def action_history(self) -> None:
        from supple.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def action_stats(self) -> None:
        from supple.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def save_and_exit(self) -> None:
        """End every running session as stopped, write what can be written, and leave."""
        for recorder in self.recorders:
            if not recorder.session.snapshot().done:
                recorder.session.stop()
            if not recorder.saved_final:
                recorder.finish()
        self.exit(0)

    async def action_quit(self) -> None:
        self.save_and_exit()

    @property
    def unsaved(self) -> list[Recorder]:
        return [r for r in self.recorders if not r.saved_final]


def make_app(
    catalog: Catalog | None = None,
    *,
    clock: Clock | None = None,
    now: Now = local_now,
    data_dir: Path | None = None,
    start: tuple[str, str] | None = None,
) -> SuppleApp:
    """The one way to build the app: used by the CLI, the tests and the screenshot script."""
    return SuppleApp(
        catalog if catalog is not None else load_catalog(paths.routine_folders()),
        clock=clock if clock is not None else MonotonicClock(paths.time_scale()),
        now=now,
        store=HistoryStore(data_dir if data_dir is not None else paths.data_dir()),
        start=start,
    )


def run_app(catalog: Catalog, *, routine_id: str | None, level: str | None) -> int:
    start = (routine_id, level or "beginner") if routine_id else None
    app = make_app(catalog, start=start)
    code = app.run()
    for recorder in app.unsaved:
        # Nothing is lost silently: the record goes to stderr for the user to keep.
        print(
            f"supple: could not save {recorder.path} ({recorder.error}); here is the record:",
            file=sys.stderr,
        )
        print(tomli_w.dumps(recorder.record()), file=sys.stderr)
    return code if code is not None else 0
