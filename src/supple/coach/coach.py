"""The Coach: the one object the command line and the app talk to.

It owns the settings, the effective catalog, the live sessions, and every read and write of the
history, the program and the test results (behind one cache), so each fact is worked out once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from supple import paths
from supple.coach.catalog import EffectiveCatalog
from supple.core.config import Config, load_config, save_config
from supple.core.routine import Catalog, Level, Routine, load_catalog
from supple.core.tomlcheck import Problem

if TYPE_CHECKING:
    from supple.coach.live import Announcer, LiveSession
    from supple.core.clock import Clock
    from supple.core.history import HistoryStore, Loaded
    from supple.core.program import MobilityTest, Point, Program, Progress, TestResult
    from supple.core.record import SessionRecord
    from supple.core.stats import Stats
    from supple.speech import Speaker

Severity = Literal["information", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a person should be told once: a recovered session, a broken file, …"""

    text: str
    title: str = ""
    severity: Severity = "information"


@dataclass(frozen=True, slots=True)
class HistoryView:
    """Every record and what they add up to, as of one read."""

    loaded: Loaded
    stats: Stats

    @property
    def records(self) -> tuple[SessionRecord, ...]:
        return self.loaded.records


@dataclass(frozen=True, slots=True)
class ProgramView:
    """Where the program stands, with each workout's length as the person will play it."""

    progress: Progress
    seconds: dict[int, float]  # workout number -> seconds, with the settings applied

    @property
    def program(self) -> Program:
        return self.progress.program

    def too_long(self) -> list[int]:
        """Workouts the person's settings push past the program's 30 minutes."""
        from supple.core.program import MAX_WORKOUT_SECONDS

        return [n for n, s in self.seconds.items() if s > MAX_WORKOUT_SECONDS]


class Coach:
    def __init__(
        self,
        catalog: Catalog,
        *,
        clock: Clock,
        now: Callable[[], datetime],
        data_dir: Path,
        config_path: Path | None,
        config: Config | None = None,
        config_problems: list[Problem] | None = None,
        speaker: Speaker | None = None,
        program_path: Path | None = None,
    ) -> None:
        self.raw_catalog = catalog
        self.clock = clock
        self.now = now
        self.data_dir = data_dir
        self.config_path = config_path
        self.config = config if config is not None else Config()
        self.config_problems = list(config_problems or ())
        self.program_path = program_path or paths.bundled_program_path()
        self._speaker = speaker
        self._announcer: Announcer | None = None
        self._catalog: EffectiveCatalog | None = None
        self._store: HistoryStore | None = None
        self._lock = threading.RLock()
        self._history: HistoryView | None = None
        self._program: Program | None = None
        self._notices: list[Notice] = []
        self.sessions: list[LiveSession] = []  # every session of this run, for a safe exit

    @classmethod
    def from_environment(
        cls,
        *,
        clock: Clock | None = None,
        now: Callable[[], datetime] | None = None,
        catalog: Catalog | None = None,
        data_dir: Path | None = None,
        config_path: Path | None = None,
        speaker: Speaker | None = None,
        store: HistoryStore | None = None,
    ) -> Coach:
        """The coach over the person's own folders (or the ones given, for tests)."""
        from supple.core.clock import MonotonicClock, local_now

        path = config_path if config_path is not None else paths.config_file()
        config, problems = load_config(path)
        coach = cls(
            catalog if catalog is not None else load_catalog(paths.routine_folders()),
            clock=clock if clock is not None else MonotonicClock(paths.time_scale()),
            now=now or local_now,
            data_dir=store.data_dir
            if store is not None
            else data_dir
            if data_dir is not None
            else paths.data_dir(),
            config_path=path,
            config=config,
            config_problems=problems,
            speaker=speaker,
        )
        coach._store = store
        return coach

    # -- settings and catalog ---------------------------------------------------------------

    @property
    def catalog(self) -> EffectiveCatalog:
        if self._catalog is None:
            self._catalog = EffectiveCatalog(self.raw_catalog, self.config)
        return self._catalog

    def level_for(self, explicit: str | None = None) -> Level:
        """The level to play: the one asked for, else the settings' level, else beginner."""
        return self.catalog.level_for(explicit)

    def save_settings(self, config: Config) -> str | None:
        """Keep ``config`` for this run and write it; the reason if it could not be written."""
        from supple.core.files import SaveError

        timing_changed = config.timing_overrides() != self.config.timing_overrides()
        self.config = config
        if timing_changed:
            self._catalog = None
        if self._announcer is not None:
            self._announcer.config = config
        if self.config_path is None:
            return None
        try:
            save_config(config, self.config_path)
        except SaveError as error:
            return str(error)
        return None

    def change_settings(self, **values: object) -> str | None:
        return self.save_settings(replace(self.config, **values))  # type: ignore[arg-type]

    # -- sound ------------------------------------------------------------------------------

    @property
    def announcer(self) -> Announcer:
        if self._announcer is None:
            from supple.coach.live import Announcer
            from supple.speech import Speaker, find_command

            speaker = self._speaker
            if speaker is None:
                speaker = Speaker(find_command() if self.config.voice != "off" else None)
            self._announcer = Announcer(self.config, speaker)
        return self._announcer

    @property
    def voice_missing(self) -> bool:
        """The voice is on in the settings but no speech program was found."""
        return self.config.voice != "off" and not self.announcer.speaker.available

    def reset_voice(self) -> bool:
        """After the voice setting changed: look for a speech program again. False if the
        voice is on but none was found."""
        from supple.speech import Speaker, find_command

        announcer = self.announcer
        announcer.speaker.stop()
        if self.config.voice == "off":
            announcer.speaker = Speaker(None)
        elif not announcer.speaker.available:
            announcer.speaker = Speaker(find_command())
        return not self.voice_missing

    # -- sessions ---------------------------------------------------------------------------

    @property
    def store(self) -> HistoryStore:
        if self._store is None:
            from supple.core.history import HistoryStore

            self._store = HistoryStore(self.data_dir)
        return self._store

    def start(self, routine: Routine | str, level: Level) -> LiveSession:
        """A new live session of ``routine`` at ``level``, exactly as the catalog plans it."""
        from supple.coach.live import LiveSession

        live = LiveSession(
            self.catalog.plan(routine, level),
            self.store,
            self.announcer,
            self.now(),
            clock=self.clock,
        )
        self.sessions.append(live)
        return live

    def session_ended(self, live: LiveSession) -> None:
        """A session's final record was written: the history read before is out of date."""
        self.invalidate()

    def running(self) -> LiveSession | None:
        return next((s for s in self.sessions if not s.session.snapshot().done), None)

    def end_all(self) -> list[LiveSession]:
        """End every session still running as stopped and write them; those not saved."""
        self.announcer.speaker.stop()
        unsaved = [live for live in self.sessions if live.end() is not None]
        self.invalidate()
        return unsaved

    # -- reading, behind one cache ---------------------------------------------------------

    def invalidate(self) -> None:
        with self._lock:
            self._history = None

    def history(self) -> HistoryView:
        """Every record (crashed sessions recovered, broken files quarantined) and the stats.
        Read once and kept until something is written; slow with a big history, so the app
        calls it from a worker."""
        from supple.core.stats import compute

        with self._lock:
            if self._history is None:
                loaded = self.store.load()
                self._report(loaded)
                self._history = HistoryView(loaded, compute(loaded.records, self.now().date()))
            return self._history

    def newest(self, count: int) -> tuple[SessionRecord, ...]:
        """The newest records straight from their files: a first page before the full read."""
        with self._lock:
            if self._history is not None:
                return self._history.records[:count]
        return tuple(self.store.newest(count))

    def _report(self, loaded: Loaded) -> None:
        for path in loaded.recovered:
            self._notices.append(Notice(f"Recovered an interrupted session:\n{path}"))
        for bad in loaded.quarantined:
            self._notices.append(
                Notice(
                    f"A history file was broken and moved aside (quarantined):\n{bad}",
                    severity="error",
                )
            )

    def take_notices(self) -> list[Notice]:
        """What should be said once, since the last call."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    def load_program(self) -> Program:
        """The bundled program, checked against the routines as they ship (so the bundled
        program always loads, whatever the settings say). Raises ProgramError."""
        from supple.core.program import load_program

        if self._program is None:
            bundled = Catalog(
                tuple(r for r in self.raw_catalog.routines if r.source == "bundled"), ()
            )
            self._program = load_program(self.program_path, bundled)
        return self._program

    def program(self) -> ProgramView | None:
        """Where the program stands (None, with a notice, if its file cannot be used)."""
        from supple.core.program import ProgramError
        from supple.core.program_store import ProgramStore, read_progress

        try:
            program = self.load_program()
        except ProgramError as error:
            self._notices.append(
                Notice(f"The program file cannot be used:\n{error}", severity="error")
            )
            return None
        history = self.history()
        reading = read_progress(program, ProgramStore(self.store), history.records, self.today())
        for bad in reading.quarantined:
            self._notices.append(
                Notice(
                    f"A program file was broken and moved aside (quarantined):\n{bad}",
                    severity="error",
                )
            )
        seconds = {}
        for workout in program.workouts:
            try:
                seconds[workout.number] = self.catalog.seconds(workout.routine, workout.level)
            except KeyError:
                continue
        return ProgramView(reading.progress, seconds)

    def today(self) -> date:
        return self.now().date()

    # -- writing ----------------------------------------------------------------------------

    def start_program(self, program: Program) -> None:
        """Start (or restart) the program today. Raises SaveError."""
        from supple.core.program_store import ProgramStore

        ProgramStore(self.store).start(program, self.today())
        self.invalidate()

    def record_test(self, test: MobilityTest, value: float, point: Point) -> TestResult:
        """Save a test result now. Raises SaveError."""
        from supple.core.program_store import ProgramStore

        result = ProgramStore(self.store).record(test.id, value, point, self.now())
        self.invalidate()
        return result

    def trash(self, record: SessionRecord) -> Path:
        """Move a session to the trash folder. Raises SaveError."""
        from supple.core.files import SaveError

        if record.path is None:
            raise SaveError(self.store.sessions_dir, "this session has no file")
        moved = self.store.trash(record.path)
        self.invalidate()
        return moved
