"""SuppleApp: the screens, global keys, sound, and saving a finished session."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w
from textual.app import App
from textual.binding import Binding

from supple import paths
from supple.core.clock import Clock, MonotonicClock
from supple.core.history import HistoryStore, HistoryWriteError, Now, local_now, session_record
from supple.core.routine import Catalog, Routine, load_catalog
from supple.core.session import Session
from supple.tui.screens.base import MIN_HEIGHT, MIN_WIDTH
from supple.tui.screens.help import HelpScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.summary import SummaryScreen


class SuppleApp(App[int]):
    CSS_PATH = "supple.tcss"
    TITLE = "supple"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [
        (0, "-too-narrow"),
        (MIN_WIDTH, "-narrow"),
        (90, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [
        (0, "-too-short"),
        (MIN_HEIGHT, "-tall"),
    ]
    BINDINGS = [
        Binding(
            "question_mark", "help", "Help", key_display="?", id="app.help", tooltip="Every key"
        ),
        Binding(
            "ctrl+q",
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
        self.cues = 0  # how many sound cues were given: the tests count them
        self.unsaved: list[tuple[dict[str, Any], Path]] = []
        self._start = start
        self._level = start[1] if start else level

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self._level, self._start[0] if self._start else None))
        if self._start is not None:
            routine_id, level = self._start
            self.start_session(self.catalog.find(routine_id), level)

    # -- sessions ---------------------------------------------------------------------------

    def start_session(self, routine: Routine, level: str) -> None:
        self.push_screen(PlayerScreen(Session(routine, level, self.clock), self.now()))

    def cue(self) -> None:
        """A sound cue: the terminal bell, unless muted."""
        if not self.muted:
            self.cues += 1
            self.bell()

    def finish_session(self, session: Session, started: datetime) -> None:
        record = session_record(session, started)
        path = self.store.path_for(session.routine.id, started)
        error = self.save_record(record, path)
        self.switch_screen(SummaryScreen(record, path, error))

    def save_record(self, record: dict[str, Any], path: Path) -> str | None:
        """Write a record; on failure remember it (it is printed on exit) and say why."""
        try:
            self.store.save(record, path)
        except HistoryWriteError as error:
            if all(p != path for _, p in self.unsaved):
                self.unsaved.append((record, path))
            return error.reason
        self.unsaved = [(r, p) for r, p in self.unsaved if p != path]
        return None

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Quit; a session still running is ended as stopped and saved first."""
        for screen in self.screen_stack:
            if isinstance(screen, PlayerScreen) and not screen.session.snapshot().done:
                screen.session.stop()
                record = session_record(screen.session, screen.started)
                self.save_record(
                    record, self.store.path_for(screen.session.routine.id, screen.started)
                )
        self.exit(0)


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
    for record, path in app.unsaved:
        # Nothing is lost silently: the record goes to stderr for the user to keep.
        print(f"supple: could not save {path}; here is the record:", file=sys.stderr)
        print(tomli_w.dumps(record), file=sys.stderr)
    return code if code is not None else 0
