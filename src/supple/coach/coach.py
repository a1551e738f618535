"""The Coach: the one door the command line and the app talk to, over the services that own
each concern (routines, preferences, sound, journal, program, reminders, the status summary,
advice).

Each service owns its files and its cache and drops the cache when it writes; the coach only
builds them, wires them together and hands callers to them (``coach.journal.history()``), with a
thin method where callers are many.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from supple.coach.notices import Notices
from supple.coach.preferences import Preferences
from supple.coach.routines import Routines
from supple.core.config import Config, load_config
from supple.core.limits import Level
from supple.core.tomlcheck import Problem
from supple.i18n import use_setting
from supple.system import paths

if TYPE_CHECKING:
    from supple.coach.advice import AdviceService
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.journal import Journal
    from supple.coach.library import LibraryService
    from supple.coach.live import Announcer, LiveSession, Tones, Voice
    from supple.coach.notices import Notice
    from supple.coach.program import ProgramService
    from supple.coach.reminders import Reminders
    from supple.coach.routine_edit import Draft
    from supple.coach.sharing import ImportReport
    from supple.coach.sound import Sound
    from supple.coach.summary import StatusKeeper
    from supple.coach.views import HistoryView, ProgramView
    from supple.core.clock import Clock
    from supple.core.history import HistoryStore
    from supple.core.nudge import Decision
    from supple.core.nudge import Today as RemindToday
    from supple.core.program import MobilityTest, Point, Program, Progress, TestResult
    from supple.core.record import SessionRecord
    from supple.core.remembered import Remembered
    from supple.core.routine import Catalog, Routine


class Coach:
    def __init__(
        self,
        catalog: Catalog | None,
        *,
        clock: Clock,
        now: Callable[[], datetime],
        data_dir: Path,
        config_path: Path | None,
        config: Config | None = None,
        config_problems: list[Problem] | None = None,
        speaker: Voice | None = None,
        player: Tones | None = None,
        program_path: Path | None = None,
        state_path: Path | None = None,
        store: HistoryStore | None = None,
    ) -> None:
        self.clock = clock
        self.now = now  # tests may set another: the services ask through self.now()
        self.data_dir = data_dir
        state_path = state_path or paths.state_file()
        self.notices = Notices()
        self.preferences = Preferences(
            config if config is not None else Config(),
            list(config_problems or ()),
            config_path,
            state_path,
            data_dir,
            self.notices,
        )
        self._store = store  # None: the store over data_dir, made on first use
        self._speaker, self._player = speaker, player
        self._program_path = program_path or paths.bundled_program_path()
        self._state_dir = state_path.parent
        self.routines = Routines(
            catalog, self.preferences, self.today, lambda: self.store.trash_dir
        )
        self.sessions: list[LiveSession] = []  # every session of this run, for a safe exit

    # The other services are made on first use: `supple list` needs none of them.

    @cached_property
    def journal(self) -> Journal:
        from supple.coach.journal import Journal

        journal = Journal(
            self.data_dir, self._store, self._state_dir / "unsaved", self.today, self.notices
        )
        journal.on_change = lambda view: self.status.follow(view, journal)
        return journal

    @cached_property
    def library(self) -> LibraryService:  # the exercises, "not for me", one exercise alone
        from supple.coach.library import LibraryService

        return LibraryService(self.data_dir)

    @cached_property
    def sound(self) -> Sound:
        from supple.coach.sound import Sound

        return Sound(self.preferences, self._speaker, self._player)

    @cached_property
    def program_service(self) -> ProgramService:
        from supple.coach.program import ProgramService

        return ProgramService(
            self._program_path, self.routines, self.journal, self.notices, self.today
        )

    @cached_property
    def reminders(self) -> Reminders:
        from supple.coach.reminders import Reminders

        return Reminders(
            self.config_path, self.routines, self.journal, self.program_service, lambda: self.now()
        )

    @cached_property
    def status(self) -> StatusKeeper:
        from supple.coach.summary import StatusKeeper

        return StatusKeeper(self._state_dir, self.data_dir, self.program_service, self.preferences)

    @cached_property
    def advice(self) -> AdviceService:
        from supple.coach.advice import AdviceService

        return AdviceService(
            self.data_dir,
            self.preferences,
            lambda: self.catalog,
            lambda: self.now(),
            lambda: self.journal,
            self.program,
            lambda: self.program_service,
        )

    @classmethod
    def from_environment(
        cls,
        *,
        clock: Clock | None = None,
        now: Callable[[], datetime] | None = None,
        catalog: Catalog | None = None,
        data_dir: Path | None = None,
        config_path: Path | None = None,
        speaker: Voice | None = None,
        player: Tones | None = None,
        store: HistoryStore | None = None,
    ) -> Coach:
        """The coach over the person's own folders (or the ones given, for tests)."""
        from supple.core.clock import MonotonicClock, local_now

        path = config_path if config_path is not None else paths.config_file()
        config, problems = load_config(path)
        use_setting(config.language)  # a nudge under cron (no LANG) speaks the chosen language
        return cls(
            catalog,
            clock=clock if clock is not None else MonotonicClock(paths.time_scale()),
            now=now or local_now,
            data_dir=store.data_dir if store is not None else data_dir or paths.data_dir(),
            config_path=path,
            config=config,
            config_problems=problems,
            speaker=speaker,
            player=player,
            store=store,
        )

    def today(self) -> date:
        return self.now().date()

    # -- settings and catalog (Preferences, Routines) ---------------------------------------

    @property
    def config(self) -> Config:
        return self.preferences.config

    @config.setter
    def config(self, config: Config) -> None:
        """For this run only, unsaved (tests); `save_settings` is the way that keeps it."""
        self.preferences.config = config

    @property
    def config_path(self) -> Path | None:
        return self.preferences.config_path

    @property
    def config_problems(self) -> list[Problem]:
        return self.preferences.config_problems

    @property
    def catalog(self) -> EffectiveCatalog:
        return self.routines.catalog

    @property
    def remembered(self) -> Remembered:
        return self.preferences.remembered

    def level_for(self, explicit: str | None = None) -> Level:
        return self.routines.level_for(explicit)

    def remember(self, **values: object) -> None:
        self.preferences.remember(**values)

    def save_settings(self, config: Config) -> str | None:
        return self.preferences.save_settings(config)

    def change_settings(self, **values: object) -> str | None:
        return self.preferences.change_settings(**values)

    def adjust(self, routine_id: str, exercise_id: str, change: int) -> tuple[int, str | None]:
        return self.preferences.adjust(routine_id, exercise_id, change)

    def import_routines(self, path: Path) -> ImportReport:
        return self.routines.import_file(path)

    def routine_ids(self) -> set[str]:
        return self.routines.ids()

    def is_own(self, path: Path | None) -> bool:
        return self.routines.is_own(path)

    def save_routine(self, draft: Draft) -> Path:
        return self.routines.save(draft)

    def trash_routine(self, path: Path) -> Path:
        return self.routines.trash(path)

    # -- sound ------------------------------------------------------------------------------

    @property
    def announcer(self) -> Announcer:
        return self.sound.announcer

    def use_outputs(self, speaker: Voice, player: Tones) -> None:
        self.sound.use_outputs(speaker, player)

    @property
    def voice_missing(self) -> bool:
        return self.sound.voice_missing

    @property
    def player_missing(self) -> bool:
        return self.sound.player_missing

    def reset_voice(self) -> bool:
        return self.sound.reset_voice()

    def toggle_breath_tones(self) -> tuple[bool, str | None]:
        return self.sound.toggle_breath_tones(self.sessions)

    # -- live sessions ----------------------------------------------------------------------
    @property
    def store(self) -> HistoryStore:
        return self.journal.store

    def start(
        self, routine: Routine | str, level: Level, earlier: SessionRecord | None = None
    ) -> LiveSession:
        """A live session of ``routine`` at ``level`` as planned (``earlier``: one it resumes)."""
        from supple.coach.live import LiveSession

        # ``earlier``: a session ``journal.resume_offer`` said can be resumed
        plan, now = self.catalog.plan(routine, level), self.now()
        live = LiveSession(plan, self.store, self.announcer, now, clock=self.clock, earlier=earlier)
        live.still_figure = self.config.still_figure  # the figure keeps still (a setting)
        self.sessions.append(live)
        return live

    def session_ended(self, live: LiveSession) -> None:
        """A session's final record was written (into the journal's store)."""
        self.journal.session_ended()

    def running(self) -> LiveSession | None:
        return next((s for s in self.sessions if not s.session.snapshot().done), None)

    def end_all(self) -> list[LiveSession]:
        """End every session still running as stopped and write them; those not saved."""
        self.announcer.silence()
        unsaved = [live for live in self.sessions if live.end() is not None]
        self.journal.session_ended()
        return unsaved

    @property
    def unsaved_dir(self) -> Path:
        return self.journal.unsaved_dir

    def keep_unsaved(self, live: LiveSession) -> Path | None:
        """Write a session the history could not take to the second place (None: failed too)."""
        return self.journal.keep_unsaved(live.recorder.path.name, live.recorder.record())

    # -- history, program and tests (Journal, ProgramService) -------------------------------

    def history(self) -> HistoryView:
        return self.journal.history()

    def newest(self, count: int) -> tuple[SessionRecord, ...]:
        return self.journal.newest(count)

    def trash(self, record: SessionRecord) -> Path:
        return self.journal.trash(record)

    def take_notices(self) -> list[Notice]:
        return self.notices.take()

    def program(self) -> ProgramView | None:
        return self.program_service.view()

    def verdict(self, record: SessionRecord) -> str:
        """Whether a finished session counts, and as which program workout, in a sentence."""
        from supple.coach.wording import verdict

        return verdict(self.program_service.judge(record))

    def start_program(self, program: Program, at: datetime | None = None) -> datetime:
        """Start (or restart, or resume) the program at ``at`` (now); the start as written.
        SaveError; WarningSignStands while a warning sign stands (no program starts then)."""
        return self.journal.start_program(program, at if at is not None else self.now())

    def record_test(self, test: MobilityTest, value: float, point: Point) -> TestResult:
        """Save a test result now. Raises SaveError."""
        return self.journal.record_test(test, value, point, self.now())

    # -- reminders and the status line ------------------------------------------------------

    @property
    def remind_path(self) -> Path:
        return self.reminders.path

    def remind_today(self, progress: Progress | None = None) -> RemindToday:
        return self.reminders.today(progress)

    def nudge(self, *, desktop: bool) -> Decision:
        return self.reminders.nudge(desktop=desktop)

    def reminder_line(self, today: RemindToday | None = None, *, short: bool = False) -> str:
        return self.reminders.line(today, short=short)
