"""SuppleApp: the screens, global keys, the theme and keymap, signals, and navigation.

Everything it knows about routines, sessions and files it asks of the coach; screens reach the
coach through their constructors and ask for navigation with the messages in ``context``.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from supple.coach import wording
from supple.coach.coach import Coach
from supple.core.routine import Level, Routine
from supple.i18n import _, lazy
from supple.system.signals import ENDING_SIGNALS
from supple.tui.commands import PALETTE_BINDING
from supple.tui.context import LeaveSummary, SessionEnded, StartSession
from supple.tui.focus_cursor import FocusCursor
from supple.tui.internals import QuietCrash, app_exception
from supple.tui.screens.base import MIN_HEIGHT, MIN_WIDTH, SuppleScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.themes import THEMES

# Only what the first screen needs is imported up front (start-up time); the rest on first use.
if TYPE_CHECKING:
    from types import FrameType

    from textual.command import Provider

    from supple.coach.live import LiveSession, Tones, Voice
    from supple.core.clock import Clock
    from supple.core.history import HistoryStore, Now
    from supple.core.record import SessionRecord
    from supple.core.routine import Catalog
    from supple.tui.screens.feeling import CheckIn, FeelingScreen


# Textual's palette commands that supple has its own of (by their titles in Textual): "Keys"
# (supple's is Help), "Theme" (the settings choose and keep it), "Quit" (supple's saves a
# running session).
TEXTUAL_DUPLICATES = frozenset({"Keys", "Theme", "Quit"})


def start_commands() -> type[Provider]:
    from supple.tui.commands import StartCommands

    return StartCommands


APP_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    PALETTE_BINDING,
    Binding(
        "question_mark",
        "help",
        lazy("Help"),
        key_display="?",
        id="app.help",
        tooltip=lazy("Every key"),
    ),
    Binding(
        "ctrl+q,ctrl+c",
        "quit",
        lazy("Quit"),
        show=False,
        priority=True,
        id="app.quit",
        tooltip=lazy("Quit; a running session is saved as stopped"),
    ),
]


# QuietCrash: no Textual traceback on the terminal after a crash; run_app writes it to a
# crash report and says where, in one line (supple.system.crash).
def _check_in(coach: Coach, live: LiveSession, *, before: bool) -> FeelingScreen:
    """The check-in before or after ``live``, about its routine's body region."""
    from supple.coach.program import region
    from supple.tui.screens.feeling import FeelingScreen

    return FeelingScreen(before=before, region=region(coach.program_service, live.routine))


class SuppleApp(QuietCrash):
    CSS_PATH = "supple.tcss"
    TITLE = "supple"
    COMMANDS = App.COMMANDS | {start_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (90, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-short"), (26, "-tall"), (40, "-huge")]
    # A screen under a dialog hides its footer (SuppleScreen.cover_footer), not by a class on
    # the screen: a class restyles every widget under it, on every dialog, both ways.
    BINDINGS = APP_BINDINGS

    def __init__(
        self,
        coach: Coach,
        *,
        start: tuple[str | Routine, Level] | None = None,
        resume: SessionRecord | None = None,
    ) -> None:
        super().__init__()
        self.coach = coach
        self._start = start
        self._resume = resume  # `supple play --resume`: the record the start continues
        self._home_level: Level = start[1] if start else coach.level_for()
        self.focus_cursor = FocusCursor(self)  # the terminal cursor on the focused row
        for theme in THEMES:  # supple's own, beside Textual's
            self.register_theme(theme)

    def get_default_screen(self) -> Screen[Any]:
        # Home is the first screen itself (not pushed over a blank one): one screen to build
        # and lay out before the first paint, not two.
        if self._start is None:
            return HomeScreen(self.coach, self._home_level)
        return super().get_default_screen()

    def on_mount(self) -> None:
        catch_signals(self)
        self.screen_change_signal.subscribe(self, self.focus_cursor.watch_screen)
        self.focus_cursor.watch_screen(self.screen)
        self.app_resume_signal.subscribe(self, lambda _: self.focus_cursor.resumed())
        if self.is_web:  # `supple serve`: the page plays the tones and speaks (browser_cues)
            from supple.system.browser_cues import BrowserTones, BrowserVoice, app_writer

            write = app_writer(self)
            self.coach.use_outputs(BrowserVoice(write), BrowserTones(write))
        self._apply_config()
        if self._start is not None:  # `supple play`: straight in; home is built when you go back
            self.start_session(*self._start, earlier=self._resume)

    def _apply_config(self) -> None:
        """Theme and keymap from the settings; anything unusable is reported, never fatal."""
        coach = self.coach
        config = coach.config
        theme_ok = config.theme in self.available_themes
        if theme_ok:
            self.theme = config.theme
        if config.keymap or (not theme_ok and coach.config_path is not None):
            from supple.tui.keymap import check_ui_settings, in_force

            path = coach.config_path or Path("config.toml")
            try:
                text = path.read_text(encoding="utf-8")  # for the line of each problem
            except (OSError, UnicodeDecodeError):
                text = ""
            __, keymap, problems = check_ui_settings(
                config.theme, config.keymap, path, text, self.available_themes
            )
            coach.config_problems.extend(problems)
            if config.keymap:
                self.update_keymap(in_force(keymap))
        for problem in coach.config_problems:
            self.notify(
                str(problem), title=_("Settings"), severity="warning", timeout=15, markup=False
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.coach.config.theme:
            error = self.coach.change_settings(theme=theme.name)
            if error:
                said = _("Settings not saved: {error}").format(error=error)
                self.notify(said, severity="error", markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A screen may show notifications itself (the player: in a line that covers nothing);
        otherwise, and from other threads, a toast as usual. Every notification passes here, so
        here its control characters are escaped (messages quote paths, titles, file content)."""
        from supple.core.words import printable

        message, title = printable(message, lines=True), printable(title)
        try:
            asyncio.get_running_loop()
            screen = self.screen
        except (RuntimeError, ScreenStackError):
            screen = None
        if isinstance(screen, SuppleScreen) and screen.show_notice(message, severity, timeout):
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # The focus or a highlight moved, or the room did: the terminal cursor follows.
    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    @on(events.Resize)
    def _follow_focus(self) -> None:
        self.focus_cursor.follow()

    def on_option_list_option_highlighted(self) -> None:
        self.focus_cursor.follow()

    def on_data_table_row_highlighted(self) -> None:
        self.focus_cursor.follow()

    # -- sessions ---------------------------------------------------------------------------

    @on(StartSession)
    def _start_session(self, message: StartSession) -> None:
        from supple.tui.screens.player import PlayerScreen

        if any(isinstance(s, PlayerScreen) for s in self.screen_stack):
            from supple.tui.keymap import say_keys

            end = say_keys(self, PlayerScreen, "player.stop")
            self.notify(
                _("A session is running: end it first ({key}).").format(key=end),
                severity="warning",
            )
            return
        routine = message.routine if message.routine is not None else message.routine_id
        from supple.tui.screens.screening import despite_warning as asked  # a warning sign

        asked(self, self.coach, lambda: self.start_session(routine, message.level, message.earlier))

    def start_session(
        self, routine_id: str | Routine, level: Level, earlier: SessionRecord | None = None
    ) -> None:
        """Play ``routine_id`` (or one made for today) at ``level``; ``earlier``: it resumes."""
        from supple.tui.screens.player import PlayerScreen

        live = self.coach.start(routine_id, level, earlier)

        def begin(check_in: CheckIn | None = None) -> None:
            if check_in is not None:
                live.add_check_in(check_in.pain, before=True)
            self.push_screen(
                PlayerScreen(
                    live,
                    focus=self.coach.remembered.focus,
                    remember_focus=lambda focus: self.coach.remember(focus=focus),
                    toggle_breath=self.coach.toggle_breath_tones,
                )
            )

        if self.coach.config.check_in_before and earlier is None:
            self.push_screen(_check_in(self.coach, live, before=True), begin)
        else:
            begin()

    @on(SessionEnded)
    def _session_ended(self, message: SessionEnded) -> None:
        """Saved already (nothing waits on the check-in); ask, then show the summary."""
        from supple.tui.screens.summary import SummaryScreen

        live = message.live
        self.coach.session_ended(live)

        def answered(check_in: CheckIn | None) -> None:
            if check_in is not None:
                live.add_check_in(check_in.pain, check_in.note)
                self.coach.session_ended(live)  # its record rewritten: the history is read again
            self.switch_screen(SummaryScreen(self.coach, live))

        if self.coach.config.check_in_after:
            self.push_screen(_check_in(self.coach, live, before=False), answered)
        else:
            answered(None)

    @on(LeaveSummary)
    def go_home(self) -> None:
        """Back from a finished session: to the screen below it, or home if there is none."""
        below = self.screen_stack[-2] if len(self.screen_stack) >= 2 else None
        if not isinstance(below, SuppleScreen):
            start = self._start[0] if self._start else None
            routine_id = start if isinstance(start, str) else None
            self.switch_screen(HomeScreen(self.coach, self._home_level, routine_id))
        else:
            self.pop_screen()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): supple's own commands, then Textual's."""
        from supple.core.imports import FORMATS
        from supple.tui.commands import advice_commands, palette_command, progress_commands
        from supple.tui.screens.player import PlayerScreen

        if not isinstance(screen, PlayerScreen):  # nothing that would bury a running session
            yield palette_command(HomeScreen, "home.history", self.action_history)
            yield palette_command(HomeScreen, "home.stats", self.action_stats)
            yield palette_command(HomeScreen, "home.settings", self.action_settings)
            yield from progress_commands(self)
            # No key imports; the palette is its only door, and these its only words.
            names = ", ".join(f.name for f in FORMATS)
            yield SystemCommand(
                _("Import"),
                _("Routines from a file: {formats}").format(formats=names),
                self.action_import,
            )
        yield from advice_commands(screen)
        yield palette_command(PlayerScreen, "player.mute", self.action_toggle_mute)
        yield palette_command(SuppleApp, "app.help", self.action_help)
        yield palette_command(SuppleApp, "app.quit", self.action_quit)
        # Textual's own, less those supple has its own of (TEXTUAL_DUPLICATES says why).
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_DUPLICATES:
                yield command

    # -- screens ----------------------------------------------------------------------------

    def action_toggle_mute(self) -> None:
        muted = self.coach.announcer.toggle_mute()
        self.notify(wording.sound_words(muted), timeout=2)

    def action_program(self) -> None:
        from supple.tui.screens.program import ProgramScreen

        self.push_screen(ProgramScreen(self.coach))

    def action_import(self) -> None:
        from supple.tui.screens.home import HomeScreen
        from supple.tui.screens.import_file import ImportScreen

        async def imported(routine_id: str | None) -> None:
            if routine_id is not None and isinstance(self.screen, HomeScreen):
                await self.screen.reload(routine_id)

        self.push_screen(ImportScreen(self.coach), imported)

    def action_settings(self) -> None:
        from supple.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(self.coach))

    def action_history(self) -> None:
        from supple.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.coach))

    def action_build(self) -> None:
        from supple.tui.screens.build import BuildScreen

        level = self.screen.level if isinstance(self.screen, HomeScreen) else self._home_level
        screen = BuildScreen(self.coach, level)

        def closed(_: None) -> None:  # a session kept as yours joins home's list
            if screen.saved is not None and isinstance(self.screen, HomeScreen):
                self.screen.reload_routines(screen.saved)

        self.push_screen(screen, closed)

    def action_library(self) -> None:
        from supple.tui.screens.library import LibraryScreen

        level = self.screen.level if isinstance(self.screen, HomeScreen) else self._home_level
        self.push_screen(LibraryScreen(self.coach, level))

    def action_stats(self) -> None:
        from supple.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(self.coach))

    def action_help(self) -> None:
        from supple.tui.screens.help import HelpScreen

        screen = self.screen
        active = screen.active_bindings  # the keys as they are now, before any pause
        resume = screen.pause_for_modal() if isinstance(screen, SuppleScreen) else None
        self.push_screen(HelpScreen(active), lambda _: resume() if resume is not None else None)

    def continued(self) -> None:
        """Going on after a stop: running sessions show paused, as of their last frame."""
        from supple.tui.screens.player import PlayerScreen

        if any([live.continued() for live in self.coach.sessions]):
            for screen in self.screen_stack:
                if isinstance(screen, PlayerScreen):
                    screen.tick()

    def save_and_exit(self) -> None:
        """End every running session as stopped, write what can be written, and leave."""
        self.coach.end_all()
        self.exit(0)

    async def action_quit(self) -> None:
        self.save_and_exit()


def make_app(
    catalog: Catalog | None = None,
    *,
    clock: Clock | None = None,
    now: Now | None = None,
    data_dir: Path | None = None,
    start: tuple[str | Routine, Level] | None = None,
    config_path: Path | None = None,
    speaker: Voice | None = None,
    player: Tones | None = None,
    store: HistoryStore | None = None,
) -> SuppleApp:
    """The one way to build the app: used by the tests and the screenshot script."""
    coach = Coach.from_environment(
        clock=clock,
        now=now,
        catalog=catalog,
        data_dir=data_dir,
        config_path=config_path,
        speaker=speaker,
        player=player,
        store=store,
    )
    return SuppleApp(coach, start=start)


def run_app(
    coach: Coach, *, start: tuple[str | Routine, Level] | None, resume: SessionRecord | None = None
) -> int:
    for problem in coach.config_problems:  # before the screen is taken over, and in the app
        print(f"supple: settings: {problem}", file=sys.stderr)
    app = SuppleApp(coach, start=start, resume=resume)
    code = app.run()
    crashed = app.return_code not in (None, 0)  # Textual's code for an uncaught error
    # However the app ended (even by a crash), end the sessions and try once more to save...
    for live in coach.end_all():
        # ...and if one still cannot be written, keep it in a second place; print it only if
        # that fails too: nothing is lost silently.
        kept = coach.keep_unsaved(live)
        if kept is not None:
            from supple.core.words import printable

            said = _(
                "supple: could not save {file} ({error}); kept it in {folder}: it joins your "
                "history at the next start that can write."
            ).format(file=live.recorder.path, error=live.error, folder=kept)
            print(printable(said), file=sys.stderr)
        else:
            print_unsaved(live, coach.unsaved_dir)
    if crashed:  # never 0 after an uncaught error, and never a bare traceback
        from supple.system.crash import report

        error = app_exception(app) or RuntimeError(f"the app ended with code {app.return_code}")
        return report(error, "the app")
    return code if code is not None else 0


def print_unsaved(live: LiveSession, second_place: Path) -> None:
    import tomli_w

    from supple.core.words import printable

    recorder = live.recorder
    where = printable(f"{recorder.path} ({recorder.error}), nor in {second_place}")
    print(f"supple: could not save {where}; here is the record:", file=sys.stderr)
    print(tomli_w.dumps(recorder.record().to_toml()), file=sys.stderr)


def catch_signals(app: SuppleApp) -> None:
    """Each signal of ``ENDING_SIGNALS`` ends ``app``'s session as stopped, saved, and leaves
    the app the one way it leaves (the terminal restored)."""
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        loop = asyncio.get_running_loop()
        for sig in ENDING_SIGNALS:
            with contextlib.suppress(RuntimeError, ValueError):  # one refused: the others still
                loop.add_signal_handler(sig, app.save_and_exit)
        # After a stop (Ctrl+Z, SIGSTOP) the time stood still is a pause. Textual's own
        # handlers suspend the terminal on Ctrl+Z (SIGTSTP) and restore it on SIGCONT; but
        # they restore it after a bare SIGSTOP too, starting a second set of its input and
        # output threads, and the app then hangs on exit. So its SIGCONT handler runs only
        # after its SIGTSTP one did; ours (the pause) always.
        previous_stop = signal.getsignal(signal.SIGTSTP)
        previous_continue = signal.getsignal(signal.SIGCONT)
        suspended = [False]

        def on_stop(signum: int, frame: FrameType | None) -> None:
            suspended[0] = True
            if callable(previous_stop):
                previous_stop(signum, frame)

        def on_continue(signum: int, frame: FrameType | None) -> None:
            if suspended[0] and callable(previous_continue):
                previous_continue(signum, frame)
            suspended[0] = False
            for live in app.coach.sessions:  # before any frame the loop has due now
                live.stopped = True
            loop.call_soon_threadsafe(app.continued)

        signal.signal(signal.SIGTSTP, on_stop)
        signal.signal(signal.SIGCONT, on_continue)
