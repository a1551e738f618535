"""SuppleApp: the screens, global keys, sound, signals, and the life of a session's record."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from supple import paths
from supple.core.clock import Clock, MonotonicClock
from supple.core.config import Config, load_config, save_config
from supple.core.files import SaveError
from supple.core.history import HistoryStore, Now, local_now
from supple.core.routine import Catalog, Routine, load_catalog
from supple.speech import INSTALL_HINT, Speaker, find_command
from supple.tui.screens.base import MIN_HEIGHT, MIN_WIDTH, SuppleScreen
from supple.tui.screens.home import HomeScreen

# Only what the first screen needs is imported up front (start-up time); the rest on first use.
if TYPE_CHECKING:
    from textual.command import Provider

    from supple.core.cues import Cue
    from supple.core.history import Loaded, Record
    from supple.core.program import MobilityTest, Point, Program, Progress
    from supple.core.recorder import Recorder
    from supple.core.stats import Stats
    from supple.core.tomlcheck import Problem
    from supple.tui.screens.feeling import CheckIn


def start_commands() -> type[Provider]:
    from supple.tui.commands import StartCommands

    return StartCommands


class SuppleApp(App[int]):
    CSS_PATH = "supple.tcss"
    TITLE = "supple"
    COMMANDS = App.COMMANDS | {start_commands}
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
        config: Config | None = None,
        config_path: Path | None = None,
        config_problems: Sequence[Problem] = (),
        speaker: Speaker | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.clock = clock
        self.now = now
        self.store = store
        self.config = config or Config()
        self.config_path = config_path
        self.config_problems = list(config_problems)
        self.speaker = speaker or Speaker(None)
        self.muted = False
        self.bells = 0  # how many times the bell rang: the tests count them
        self._told_no_voice = False
        self.recorders: list[Recorder] = []  # every session of this run, for a safe exit
        self._start = start
        self._level = start[1] if start else self.config.level

    def get_default_screen(self) -> Screen[Any]:
        # Home is the first screen itself (not pushed over a blank one): one screen to build
        # and lay out before the first paint, not two.
        if self._start is None:
            return HomeScreen(self._level)
        return super().get_default_screen()

    def on_mount(self) -> None:
        self._catch_signals()
        self._apply_config()
        if self._start is not None:  # `supple play`: straight in; home is built when you go back
            routine_id, level = self._start
            self.start_session(self.catalog.find(routine_id), level)

    def go_home(self) -> None:
        """Back from a finished session: to the screen below it, or home if there is none."""
        below = self.screen_stack[-2] if len(self.screen_stack) >= 2 else None
        if not isinstance(below, SuppleScreen):
            routine_id = self._start[0] if self._start else None
            self.switch_screen(HomeScreen(self._level, routine_id))
        else:
            self.pop_screen()

    def _apply_config(self) -> None:
        """Theme and keymap from the settings; anything unusable is reported, never fatal."""
        from supple.core.tomlcheck import Problem

        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        elif self.config_path is not None:
            allowed = ", ".join(sorted(self.available_themes))
            self.config_problems.append(
                Problem(
                    self.config_path,
                    None,
                    "theme",
                    f"unknown theme '{self.config.theme}' (one of: {allowed}); using the default",
                )
            )
        if self.config.keymap:
            self.update_keymap(self.config.keymap)
        for problem in self.config_problems:
            self.notify(str(problem), title="Settings", severity="warning", timeout=15)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.config.theme:
            self.save_settings(replace(self.config, theme=theme.name), quiet=True)

    def save_settings(self, config: Config, *, quiet: bool = False) -> bool:
        """Keep ``config`` for this run and write it; say so if it cannot be written."""
        self.config = config
        if self.config_path is None:
            return True
        try:
            save_config(config, self.config_path)
        except SaveError as error:
            self.notify(f"Settings not saved: {error}", severity="error", timeout=10)
            return False
        if not quiet:
            self.notify("Settings saved", timeout=2)
        return True

    def _catch_signals(self) -> None:
        """SIGTERM, SIGHUP (terminal closed) and SIGINT end a session as stopped, saved."""
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
                loop.add_signal_handler(sig, self.save_and_exit)

    # -- sessions ---------------------------------------------------------------------------

    def start_session(self, routine: Routine, level: str) -> None:
        from supple.core.recorder import Recorder
        from supple.core.session import Session
        from supple.tui.screens.feeling import FeelingScreen
        from supple.tui.screens.player import PlayerScreen

        if self.config.voice != "off" and not self.speaker.available and not self._told_no_voice:
            self._told_no_voice = True
            self.notify(INSTALL_HINT, title="Voice", timeout=12)

        def begin(check_in: CheckIn | None = None) -> None:
            session = Session(self.config.apply(routine), level, self.clock)
            recorder = Recorder(self.store, session, self.now())
            if check_in is not None and check_in.feeling is not None:
                recorder.extra["feeling_before"] = check_in.feeling
            self.recorders.append(recorder)
            self.push_screen(PlayerScreen(recorder))

        if self.config.check_in_before:
            self.push_screen(FeelingScreen(before=True), begin)
        else:
            begin()

    def cue(self, cue: Cue) -> None:
        """Carry out a cue: the bell and the voice, as the settings and the mute key allow."""
        if self.muted:
            return
        if cue.bell and self.config.sound == "bell":
            self.bells += 1
            self.bell()
        voice = self.config.voice
        if cue.text and (
            voice == "everything" or (voice == "transitions" and cue.kind != "breath")
        ):
            self.speaker.say(cue.text, cue.priority)

    def finish_session(self, recorder: Recorder) -> None:
        """Save at once (nothing waits on the check-in), then ask, then show the summary."""
        from supple.tui.screens.feeling import FeelingScreen
        from supple.tui.screens.summary import SummaryScreen

        recorder.finish()

        def answered(check_in: CheckIn | None) -> None:
            if check_in is not None:
                recorder.add(feeling_after=check_in.feeling, note=check_in.note)
            self.switch_screen(SummaryScreen(recorder))

        if self.config.check_in_after:
            self.push_screen(FeelingScreen(before=False), answered)
        else:
            answered(None)

    def read_history(self) -> tuple[Loaded, Stats]:
        """Every record and what they add up to. Slow with a big history: call from a worker."""
        from supple.core.stats import compute

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
        except SaveError as error:
            self.notify(f"Could not delete: {error}", severity="error")
        else:
            self.notify(f"Moved to the trash: {moved}")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): supple's own commands, then Textual's."""
        from supple.tui.screens.player import PlayerScreen

        if not isinstance(screen, PlayerScreen):  # nothing that would bury a running session
            yield SystemCommand("History", "Past sessions, newest first", self.action_history)
            yield SystemCommand(
                "Stats", "Streaks, weekly minutes, how your back felt", self.action_stats
            )
            yield SystemCommand(
                "Settings", "Level, voice, sound, rests, check-ins, theme", self.action_settings
            )
        yield SystemCommand(
            "Sound on/off", "Mute or unmute the bell and the voice", self.action_toggle_mute
        )
        yield SystemCommand("Keys", "Every key supple knows", self.action_help)
        yield from super().get_system_commands(screen)

    # -- the program ------------------------------------------------------------------------

    def read_program(self) -> Progress | None:
        """Where the program stands, from its files and the history. Call from a worker."""
        from supple.core.program import ProgramError, load_program
        from supple.core.program_store import read_progress

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
        reading = read_progress(program, self.store, self.now().date())
        self.call_from_thread(self.report_history_problems, reading.history)
        for bad in reading.quarantined:
            self.call_from_thread(
                self.notify,
                f"A program file was broken and moved aside:\n{bad}",
                severity="error",
                timeout=15,
            )
        return reading.progress

    def start_program(self, program: Program) -> None:
        from supple.core.program_store import ProgramStore

        try:
            ProgramStore(self.store).start(program, self.now().date())
        except SaveError as error:
            self.notify(f"Could not start the program: {error}", severity="error")
        else:
            self.notify(f"{program.title} started today. Take the start tests (t).")

    def record_test(self, test: MobilityTest, value: float, point: Point) -> bool:
        from supple.core.program_store import ProgramStore

        try:
            ProgramStore(self.store).record(test.id, value, point, self.now())
        except SaveError as error:
            self.notify(f"Not saved: {error}", severity="error", timeout=10)
            return False
        self.notify(f"Saved {test.name}: {value:g} {test.unit} ({point})")
        return True

    def action_program(self) -> None:
        from supple.tui.screens.program import ProgramScreen

        self.push_screen(ProgramScreen())

    def action_settings(self) -> None:
        from supple.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def start_from_palette(self, routine_id: str, level: str) -> None:
        from supple.tui.screens.player import PlayerScreen

        if any(isinstance(s, PlayerScreen) for s in self.screen_stack):
            self.notify("A session is running: end it first (q).", severity="warning")
            return
        self.start_session(self.catalog.find(routine_id), level)

    def reset_speaker(self) -> None:
        """After the voice setting changed: find a speech program again, or none."""
        self.speaker.stop()
        if self.config.voice == "off":
            self.speaker = Speaker(None)
        elif not self.speaker.available:
            self.speaker = Speaker(find_command())
            if not self.speaker.available:
                self.notify(INSTALL_HINT, title="Voice", timeout=12)

    def action_toggle_mute(self) -> None:
        self.muted = not self.muted
        if self.muted:
            self.speaker.stop()
        self.notify("Sound off" if self.muted else "Sound on", timeout=2)

    def action_history(self) -> None:
        from supple.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def action_stats(self) -> None:
        from supple.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_help(self) -> None:
        from supple.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen.active_bindings))

    def save_and_exit(self) -> None:
        """End every running session as stopped, write what can be written, and leave."""
        self.speaker.stop()
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
    config_path: Path | None = None,
    speaker: Speaker | None = None,
) -> SuppleApp:
    """The one way to build the app: used by the CLI, the tests and the screenshot script."""
    path = config_path if config_path is not None else paths.config_file()
    config, problems = load_config(path)
    return SuppleApp(
        catalog if catalog is not None else load_catalog(paths.routine_folders()),
        clock=clock if clock is not None else MonotonicClock(paths.time_scale()),
        now=now,
        store=HistoryStore(data_dir if data_dir is not None else paths.data_dir()),
        start=start,
        config=config,
        config_path=path,
        config_problems=problems,
        speaker=speaker
        if speaker is not None
        else Speaker(find_command() if config.voice != "off" else None),
    )


def run_app(catalog: Catalog, *, routine_id: str | None, level: str | None) -> int:
    start = (routine_id, level or "beginner") if routine_id else None
    app = make_app(catalog, start=start)
    for problem in app.config_problems:  # before the screen is taken over, and in the app
        print(f"supple: settings: {problem}", file=sys.stderr)
    code = app.run()
    for recorder in app.unsaved:
        # However the app ended (even by a crash), end the session and try once more...
        if not recorder.session.snapshot().done:
            recorder.session.stop()
        if recorder.finish() is None:
            continue
        # ...and if it still cannot be written, print it: nothing is lost silently.
        print(
            f"supple: could not save {recorder.path} ({recorder.error}); here is the record:",
            file=sys.stderr,
        )
        print(tomli_w.dumps(recorder.record()), file=sys.stderr)
    return code if code is not None else 0
