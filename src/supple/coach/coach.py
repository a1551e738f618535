"""The Coach: the one object the command line and the app talk to.

It owns the settings, the effective catalog, the live sessions, and every read and write of the
history, the program and the test results (behind one cache), so each fact is worked out once.
"""

from __future__ import annotations

import _thread  # RLock without importing threading: `supple list` does not need it
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supple.system import paths
from supple.core.config import Config, load_config, save_config
from supple.core.routine import Catalog, Level, Routine, load_catalog
from supple.core.tomlcheck import Problem

if TYPE_CHECKING:
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.live import Announcer, LiveSession, Tones, Voice
    from supple.coach.sharing import ImportReport
    from supple.coach.views import HistoryView, Notice, ProgramView, Severity
    from supple.core.calendar_ics import Planned, WorkoutInfo
    from supple.core.clock import Clock
    from supple.core.history import HistoryStore, Loaded, Quarantined, Skipped
    from supple.core.nudge import Decision, Due, RemindSettings
    from supple.core.nudge import Today as RemindToday
    from supple.core.program import MobilityTest, Point, Program, Progress, TestResult
    from supple.core.record import SessionRecord
    from supple.core.remembered import Remembered


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
        self._raw_catalog = catalog  # None: read from the routine folders on first use
        self.clock = clock
        self.now = now
        self.data_dir = data_dir
        self.config_path = config_path
        self.config = config if config is not None else Config()
        self.config_problems = list(config_problems or ())
        self.program_path = program_path or paths.bundled_program_path()
        self.state_path = state_path or paths.state_file()
        self._remembered: Remembered | None = None
        self._speaker = speaker
        self._player = player
        self._steps: dict[str, dict[str, int]] | None = None
        self._program_asked = False
        self._announcer: Announcer | None = None
        self._catalog: EffectiveCatalog | None = None
        self._store = store  # None: the store over data_dir, made on first use
        self._lock = _thread.RLock()
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
        speaker: Voice | None = None,
        player: Tones | None = None,
        store: HistoryStore | None = None,
    ) -> Coach:
        """The coach over the person's own folders (or the ones given, for tests)."""
        from supple.core.clock import MonotonicClock, local_now

        path = config_path if config_path is not None else paths.config_file()
        config, problems = load_config(path)
        return cls(
            catalog,
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
            player=player,
            store=store,
        )

    # -- settings and catalog ---------------------------------------------------------------

    @property
    def raw_catalog(self) -> Catalog:
        """Every routine file as it is (bundled and the person's), read once."""
        if self._raw_catalog is None:
            self._raw_catalog = load_catalog(paths.routine_folders())
        return self._raw_catalog

    @property
    def steps(self) -> dict[str, dict[str, int]]:
        """Easier / harder next time, per routine and exercise (the person's own data)."""
        if self._steps is None:
            from supple.core.adjustments import load_adjustments

            self._steps, problems = load_adjustments(self.adjustments_path)
            for problem in problems:
                self._say(f"Easier/harder steps: {problem}", "warning")
        return self._steps

    @property
    def adjustments_path(self) -> Path:
        return self.data_dir / "adjustments.toml"

    def adjust(self, routine_id: str, exercise_id: str, change: int) -> tuple[int, str | None]:
        """One level easier (−1) or harder (+1) next time for one exercise, saved; undone the
        same way. The new step (bounded at beginner and advanced), and the error if it could
        not be saved (it holds for this run)."""
        from supple.core.adjustments import MAX_STEP, save_adjustments
        from supple.core.files import SaveError

        steps = self.steps
        now = max(-MAX_STEP, min(MAX_STEP, steps.get(routine_id, {}).get(exercise_id, 0) + change))
        steps.setdefault(routine_id, {})[exercise_id] = now
        if not now:
            del steps[routine_id][exercise_id]
        self._catalog = None  # every duration shown follows
        try:
            save_adjustments(steps, self.adjustments_path)
        except (OSError, SaveError) as error:
            return now, str(error)
        return now, None

    def reload_routines(self) -> None:
        """The routine folders changed (an import, the editor): read them again when asked."""
        self._raw_catalog = None
        self._catalog = None

    def import_routines(self, path: Path) -> ImportReport:
        """Bring the routines of another tool's file (or a supple file) among the person's."""
        from supple.coach.sharing import import_file

        try:
            return import_file(path, self.raw_catalog, self.now().date())
        finally:
            self.reload_routines()

    def export_routine(self, routine_id: str) -> str:
        """One routine (bundled or the person's, as its file has it) as a file to share.
        KeyError if there is none of that id."""
        from supple.coach.sharing import export_text

        return export_text(self.raw_catalog.find(routine_id), self.now().date())

    @property
    def catalog(self) -> EffectiveCatalog:
        if self._catalog is None:
            from supple.coach.catalog import EffectiveCatalog

            self._catalog = EffectiveCatalog(self.raw_catalog, self.config, self.steps)
        return self._catalog

    @property
    def remembered(self) -> Remembered:
        if self._remembered is None:
            from supple.core.remembered import load_remembered

            self._remembered = load_remembered(self.state_path)
        return self._remembered

    def level_for(self, explicit: str | None = None) -> Level:
        """The level to play: the one asked for, else the one last chosen on home, else the
        settings' level (a first run), else beginner."""
        return self.catalog.level_for(explicit or self.remembered.level)

    def remember(self, **values: object) -> None:
        """Keep the level chosen or mute for the next run (a state file, not the settings)."""
        updated = replace(self.remembered, **values)  # type: ignore[arg-type]
        if updated != self._remembered:
            self._remembered = updated
            from supple.core.remembered import save_remembered

            save_remembered(self.state_path, updated)  # a failure costs only a key press

    def save_settings(self, config: Config) -> str | None:
        """Keep ``config`` for this run and write it; the reason if it could not be written."""
        from supple.core.files import SaveError

        before = self.config
        changed = [
            f.name for f in fields(Config) if getattr(config, f.name) != getattr(before, f.name)
        ]
        timing_changed = config.timing_overrides() != before.timing_overrides()
        self.config = config
        if timing_changed:
            self._catalog = None
        if self._announcer is not None:
            self._announcer.config = config
        if self.config_path is None:
            return None
        try:
            save_config(config, self.config_path, changed)
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

            speaker = self._speaker if self._speaker is not None else self._find_speaker()
            player = self._player if self._player is not None else self._find_player()
            self._announcer = Announcer(
                self.config,
                speaker,
                player,
                muted=self.remembered.muted,
                remember=lambda muted: self.remember(muted=muted),
            )
        return self._announcer

    def _find_speaker(self) -> Voice:
        from supple.system.speech import Speaker, find_command

        return Speaker(find_command() if self.config.voice != "off" else None)

    def _find_player(self) -> Tones:
        from supple.system.sound import Player, SoundBank, find_player

        if self.config.sound != "tones" and not self.config.breath_sound:
            from supple.coach.live import Silent

            return Silent()
        return Player(find_player(), SoundBank(paths.cache_dir() / "sounds"))

    def use_outputs(self, speaker: Voice, player: Tones) -> None:
        """Say and play through these from now on (the browser's, in `supple serve`)."""
        self._speaker, self._player = speaker, player
        if self._announcer is not None:
            self._announcer.silence()
            self._announcer.speaker, self._announcer.player = speaker, player

    @property
    def voice_missing(self) -> bool:
        """The voice is on in the settings but no speech program was found."""
        return self.config.voice != "off" and not self.announcer.speaker.available

    @property
    def player_missing(self) -> bool:
        """Tones (or breath tones) are on in the settings but no audio player was found."""
        wanted = self.config.sound == "tones" or self.config.breath_sound
        return wanted and not self.announcer.player.available

    def toggle_breath_tones(self) -> tuple[bool, str | None]:
        """Breath tones on or off (saved); the new state, and what stands in the way if
        anything (the settings file cannot be written, no audio player)."""
        on = not self.config.breath_sound
        error = self.change_settings(breath_sound=on)
        self.reset_voice()
        for live in self.sessions:
            live.announcer.prepare(live.session.segments, live.clock.real_seconds)
        if error:
            return on, error
        if on and self.player_missing:
            from supple.system.sound import BREATH_HINT

            return on, BREATH_HINT
        return on, None

    def reset_voice(self) -> bool:
        """After the voice or sound settings changed: look for a speech program and an audio
        player again. False if one is wanted but none was found."""
        announcer = self.announcer
        if self._speaker is None:
            speaker = self._find_speaker()
            if speaker.available != announcer.speaker.available:
                announcer.speaker.stop()
                announcer.speaker = speaker
        if self._player is None:
            player = self._find_player()
            if player.available != announcer.player.available:
                announcer.player.stop()
                announcer.player = player
        return not (self.voice_missing or self.player_missing)

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
        self.announcer.silence()
        unsaved = [live for live in self.sessions if live.end() is not None]
        self.invalidate()
        return unsaved

    @property
    def unsaved_dir(self) -> Path:
        """The second place for a record the data folder could not take (a full or read-only
        disk): beside the app's state, merged into the history at the next start that can."""
        return self.state_path.parent / "unsaved"

    def keep_unsaved(self, live: LiveSession) -> Path | None:
        """Write a session the history could not take to the second place; None if that
        cannot be written either."""
        from supple.core.files import SaveError, write_toml

        target = self.unsaved_dir / live.recorder.path.name
        try:
            return write_toml(target, live.recorder.record().to_toml())
        except SaveError:
            return None

    def _merge_unsaved(self) -> None:
        """Sessions kept in the second place join the history (replacing their older
        checkpoint) once the data folder can be written again."""
        from supple.core.files import SaveError, write_toml
        from supple.core.history import read_toml_file
        from supple.core.record import BadRecord, SessionRecord

        try:
            kept = sorted(self.unsaved_dir.glob("*.toml"))
        except OSError:
            return
        for path in kept:
            try:
                data = read_toml_file(path)
                record = SessionRecord.from_toml(data, path)
            except BadRecord:
                continue  # not ours to judge: it stays where it is, untouched
            folder = self.store.sessions_dir / f"{record.started:%Y}" / f"{record.started:%m}"
            try:
                write_toml(folder / path.name, data)
            except SaveError:
                return  # still cannot write: try again at the next start
            path.unlink(missing_ok=True)
            self._say(
                f"A session kept aside while the disk could not be written is in your "
                f"history now:\n{folder / path.name}"
            )

    # -- reading, behind one cache ---------------------------------------------------------

    def invalidate(self) -> None:
        with self._lock:
            self._history = None

    def history(self) -> HistoryView:
        """Every record (crashed sessions recovered, broken files quarantined) and the stats.
        Read once and kept until something is written; slow with a big history, so the app
        calls it from a worker."""
        from supple.coach.views import HistoryView

        with self._lock:
            if self._history is None:
                self._merge_unsaved()
                loaded = self.store.load()
                self._report(loaded)
                self._history = HistoryView(loaded, self.today())
                self.keep_status(self._history)
            return self._history

    def newest(self, count: int) -> tuple[SessionRecord, ...]:
        """The newest records straight from their files: a first page before the full read."""
        with self._lock:
            if self._history is not None:
                return self._history.records[:count]
        return tuple(self.store.newest(count))

    def _say(self, text: str, severity: Severity = "information") -> None:
        from supple.coach.views import Notice

        self._notices.append(Notice(text, severity=severity))

    def _report(self, loaded: Loaded) -> None:
        from supple.coach.views import Notice

        problem, self.store.write_problem = self.store.write_problem, None
        if problem is not None:
            self._notices.append(
                Notice(
                    f"The data folder cannot be written ({problem}): supple goes on read-only. "
                    f"A session you finish is kept in {self.unsaved_dir} until it can be.",
                    severity="error",
                )
            )
        for path in loaded.recovered:
            self._notices.append(Notice(f"Recovered an interrupted session:\n{path}"))
        self._tell_files("history", loaded.quarantined, loaded.skipped)

    def _tell_files(
        self, kind: str, quarantined: Iterable[Quarantined], skipped: Iterable[Skipped]
    ) -> None:
        """One notice for each file moved aside, or that could not be, or was left unread."""
        from supple.coach.views import Notice

        for bad in quarantined:
            text = (
                f"A {kind} file was broken and moved aside (quarantined):\n{bad}"
                if bad.moved_to is not None
                else f"A {kind} file is broken and could not be moved aside:\n{bad}"
            )
            self._notices.append(Notice(text, severity="error"))
        for left in skipped:
            self._notices.append(
                Notice(f"A {kind} file was left unread:\n{left}", severity="warning")
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
        from supple.coach.views import Notice, ProgramView
        from supple.core.program import ProgramError
        from supple.core.program_store import ProgramStore, read_progress

        self._program_asked = True  # the status line's program part may be worked out now
        try:
            program = self.load_program()
        except ProgramError as error:
            self._notices.append(
                Notice(f"The program file cannot be used:\n{error}", severity="error")
            )
            return None
        history = self.history()
        reading = read_progress(program, ProgramStore(self.store), history.records, self.today())
        self._tell_files("program", reading.quarantined, reading.skipped)
        seconds = {}
        for workout in program.workouts:
            try:
                seconds[workout.number] = self.catalog.seconds(workout.routine, workout.level)
            except KeyError:
                continue
        return ProgramView(reading.progress, seconds)

    def verdict(self, record: SessionRecord) -> str:
        """Whether a finished session counts, and as which program workout, in a sentence."""
        from supple.core.record import COUNTS_SHARE

        if not record.counts:
            if record.status != "completed":
                return "Ended early: this session does not count toward streaks or the program."
            share = f"{COUNTS_SHARE:.0%}"
            return (
                f"Less than {share} of the planned reps and holds were done: this session does "
                "not count toward streaks or the program."
            )
        view = self.program()
        if view is None or view.progress.started is None:
            return "This session counts toward your streak."
        progress = view.progress
        started = progress.started
        assert started is not None  # checked above
        for workout, counted in progress.done:
            if counted.path == record.path:
                total = len(progress.program.workouts)
                return f"Counted as workout {workout.number} of {total} of the program."
        nxt = progress.next
        if nxt is not None and (record.routine, record.level) == (nxt.routine, nxt.level):
            if record.started < started:
                return f"Done before the program started: not counted as workout {nxt.number}."
            return (
                f"Not counted as workout {nxt.number}: the program counts one workout a day. "
                "It counts if you do it tomorrow."
            )
        return "This session counts toward your streak."

    def today(self) -> date:
        return self.now().date()

    # -- writing ----------------------------------------------------------------------------

    def start_program(self, program: Program) -> None:
        """Start (or restart) the program today. Raises SaveError."""
        from supple.core.program_store import ProgramStore

        ProgramStore(self.store).start(program, self.now())
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

    # -- your routines (the editor) ---------------------------------------------------------

    def routine_ids(self) -> set[str]:
        """Every id in use (bundled, the person's, and the names of their files), so a new
        routine never takes one."""
        import contextlib

        ids = {r.id for r in self.raw_catalog.routines}
        with contextlib.suppress(OSError):  # no folder yet: no files of the person's
            ids |= {p.stem for p in paths.user_routines_dir().iterdir() if p.suffix == ".toml"}
        return ids

    def is_own(self, path: Path | None) -> bool:
        """True for a file in the person's routines folder (theirs to edit or delete)."""
        if path is None:
            return False
        return path.resolve().parent == paths.user_routines_dir().resolve()

    def trash_routine(self, path: Path) -> Path:
        """Move a routine file of the person's to the trash folder; where it went. SaveError."""
        from supple.core.files import SaveError, move_into

        if not self.is_own(path):
            raise SaveError(path, "only your own routines can be deleted")
        try:
            moved = move_into(path, self.store.trash_dir / "routines")
        except OSError as error:
            raise SaveError(path, error.strerror or str(error)) from None
        self.reload_routines()
        return moved

    # -- reminders --------------------------------------------------------------------------
    # What `supple nudge`, `supple remind status` and the settings and program screens ask
    # (issue 17); the decision itself is supple.core.nudge, the system side supple.system.reminders.

    @property
    def remind_path(self) -> Path:
        from supple.system.reminders import settings_path

        base = self.config_path.parent if self.config_path is not None else paths.config_dir()
        return settings_path(base)

    def remind_settings(self) -> tuple[RemindSettings, str | None]:
        """The reminder settings (off without a file), and what is wrong with the file."""
        from supple.system.reminders import load_settings

        return load_settings(self.remind_path)

    def remind_today(self, progress: Progress | None = None) -> RemindToday:
        """Today as a reminder sees it: a session that counts (issue 8's rule), the program's
        workout done, the program's next suggested day (from ``progress`` when the caller
        has it, so that the program screen reads nothing more)."""
        from supple.core.nudge import Today

        day = self.today()
        counts = any(r.counts and r.started.date() == day for r in self.history().records)
        if progress is None:
            view = self.program()
            progress = view.progress if view is not None else None
        if progress is None or progress.started is None or progress.next is None:
            return Today(counts=counts)
        return Today(counts, progress.workout_today, progress.suggested)

    def remind_due(self) -> Due | None:
        """What a reminder would ask for: the program's next workout while it runs, else the
        routine and level of the last session that counted, else the program's first."""
        from supple.core.nudge import Due

        view = self.program()
        if view is not None and view.progress.started is not None and view.progress.next:
            workout = view.progress.next
            return Due(
                workout.routine,
                self._title(workout.routine),
                workout.level,
                view.seconds.get(workout.number),
                workout.number,
                len(view.program.workouts),
                view.progress.due,
            )
        last = next((r for r in self.history().records if r.counts), None)
        if last is not None:
            routine, level = last.routine, last.level
        elif view is not None and view.program.workouts:
            routine, level = view.program.workouts[0].routine, self.level_for()
        else:
            return None
        try:
            seconds: float | None = self.catalog.seconds(routine, level)
        except KeyError:
            seconds = None
        return Due(routine, self._title(routine), level, seconds)

    def _title(self, routine_id: str) -> str:
        try:
            return self.catalog.find(routine_id).title
        except KeyError:
            return routine_id

    def nudge(self, *, desktop: bool) -> Decision:
        """Whether a reminder firing now shows a notification, and what it says."""
        from supple.core.nudge import Today, decide

        settings, _ = self.remind_settings()
        if not settings.on:  # a timer left behind: say nothing, read nothing
            return decide(self.now(), settings, Today(), None, desktop=desktop)
        return decide(self.now(), settings, self.remind_today(), self.remind_due(), desktop=desktop)

    def reminder_line(self, today: RemindToday | None = None, *, short: bool = False) -> str:
        """One line for the settings and program screens: on or off, and when the next one is
        (skipping today once it counts, and rest days, when ``today`` is given); ``short``
        leaves out the times, days and hours."""
        from supple.core.nudge import next_reminder, when_text

        settings, problem = self.remind_settings()
        if problem is not None:
            return f"Reminders: off — {problem}"
        if not settings.on:
            return "Reminders: off" + ("" if short else " · `supple remind on` sets them")
        now = self.now()
        at = next_reminder(now, settings, today)
        if short:
            return f"Next reminder: {when_text(at, now)}" if at else "Reminders: on, none due"
        when = f"next {when_text(at, now)}" if at is not None else "none within the hours"
        return f"Reminders: on · {when} ({settings.describe()})"

    # -- status line and calendar -----------------------------------------------------------
    # The summary `supple status` reads (supple.cli.status) and the program's remaining workouts
    # as a calendar (supple.core.calendar_ics), issue 17.

    @property
    def status_path(self) -> Path:
        """The status line's summary, beside the app's other state."""
        from supple.cli.status import FILE_NAME

        return self.state_path.parent / FILE_NAME

    def keep_status(self, view: HistoryView) -> bool:
        """Write the summary `supple status` reads, from ``view`` (just read) and, while the
        program runs, where it stands. Called whenever the history is read again (after every
        session, test result and program start the app and CLI read it); nothing is written
        if nothing changed, and a failure only leaves the line stale. True if written."""
        from supple.cli.status import read_summary, summarize, write_summary

        progress = None
        seconds: dict[int, float] = {}
        titles: dict[str, str] = {}
        try:
            started = (self.data_dir / "program.toml").exists()  # not started: nothing to load
        except OSError:
            started = False
        previous = read_summary(self.status_path) if started else None
        carried = previous.get("program") if previous else None
        if started and carried is not None and not self._program_asked:
            # Nothing asked for the program in this run (`supple history`, `stats`): it is
            # where the last summary left it (only a session, which asks, can move it), so
            # the program and catalog are not loaded just for the line.
            summary = summarize(view.records, view.stats, None, seconds, titles)
            summary["program"] = carried
            return write_summary(self.status_path, summary)
        if started:
            program = self.program()
            if program is not None and program.progress.started is not None:
                progress, seconds = program.progress, program.seconds
                if program.progress.next is not None:
                    routine = program.progress.next.routine
                    titles[routine] = self._routine_title(routine)
        summary = summarize(view.records, view.stats, progress, seconds, titles)
        return write_summary(self.status_path, summary)

    def _routine_title(self, routine_id: str) -> str:
        try:
            return self.catalog.find(routine_id).title
        except KeyError:
            return routine_id

    def workout_info(self, routine_id: str, level: Level) -> WorkoutInfo:
        """A workout as the calendar tells it: title, minutes and each exercise's dose, from
        the effective catalog (the person's settings and easier/harder steps applied)."""
        from supple.core.calendar_ics import WorkoutInfo
        from supple.core.words import whole_minutes

        try:
            plan = self.catalog.plan(routine_id, level)
        except KeyError:
            return WorkoutInfo(routine_id, None, ())
        routine = plan.routine
        return WorkoutInfo(
            routine.title,
            whole_minutes(plan.seconds),
            tuple(f"{e.name} — {e.describe(level)}" for e in routine.exercises),
        )

    def program_calendar(self) -> tuple[ProgramView, tuple[Planned, ...]] | None:
        """The program's remaining workouts and test days on the days its rule suggests from
        today (as if it started today when it has not); None if its file cannot be used."""
        from supple.core.calendar_ics import project

        view = self.program()
        if view is None:
            return None
        return view, project(view.progress, self.today(), self.workout_info)
