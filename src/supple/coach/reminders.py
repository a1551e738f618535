"""Reminders as the coach sees them (issue 17): their settings file, today and what is due for
`supple nudge`, `supple remind status` and the settings and program screens. The decision
itself is supple.core.nudge, the system side supple.system.reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supple.system import paths

if TYPE_CHECKING:
    from supple.coach.journal import Journal
    from supple.coach.program import ProgramService
    from supple.coach.routines import Routines
    from supple.core.nudge import Decision, Due, RemindSettings, Today
    from supple.core.program import Progress


class Reminders:
    def __init__(
        self,
        config_path: Path | None,
        routines: Routines,
        journal: Journal,
        program: ProgramService,
        now: Callable[[], datetime],
    ) -> None:
        self._config_path = config_path
        self._routines = routines
        self._journal = journal
        self._program = program
        self._now = now

    @property
    def path(self) -> Path:
        from supple.system.reminders import settings_path

        base = self._config_path.parent if self._config_path is not None else paths.config_dir()
        return settings_path(base)

    def settings(self) -> tuple[RemindSettings, str | None]:
        """The reminder settings (off without a file), and what is wrong with the file."""
        from supple.system.reminders import load_settings

        return load_settings(self.path)

    def today(self, progress: Progress | None = None) -> Today:
        """Today as a reminder sees it: a session that counts (issue 8's rule), the program's
        workout done, the program's next suggested day (from ``progress`` when the caller
        has it, so that the program screen reads nothing more)."""
        from supple.core.nudge import Today

        day = self._now().date()
        counts = any(r.counts and r.started.date() == day for r in self._journal.history().records)
        if progress is None:
            view = self._program.view()
            progress = view.progress if view is not None else None
        if progress is None or progress.started is None or progress.next is None:
            return Today(counts=counts)
        return Today(counts, progress.workout_today, progress.suggested)

    def due(self) -> Due | None:
        """What a reminder would ask for: the program's next workout while it runs, else the
        routine and level of the last session that counted, else the program's first."""
        from supple.core.nudge import Due

        routines = self._routines
        view = self._program.view()
        if view is not None and view.progress.started is not None and view.progress.next:
            workout = view.progress.next
            return Due(
                workout.routine,
                routines.title(workout.routine),
                workout.level,
                view.seconds.get(workout.number),
                workout.number,
                len(view.program.workouts),
                view.progress.due,
            )
        last = next((r for r in self._journal.history().records if r.counts), None)
        if last is not None:
            routine, level = last.routine, last.level
        elif view is not None and view.program.workouts:
            routine, level = view.program.workouts[0].routine, routines.level_for()
        else:
            return None
        try:
            seconds: float | None = routines.catalog.seconds(routine, level)
        except KeyError:
            seconds = None
        return Due(routine, routines.title(routine), level, seconds)

    def nudge(self, *, desktop: bool) -> Decision:
        """Whether a reminder firing now shows a notification, and what it says."""
        from supple.core.nudge import Today, decide

        settings, _ = self.settings()
        if not settings.on:  # a timer left behind: say nothing, read nothing
            return decide(self._now(), settings, Today(), None, desktop=desktop)
        now = self._now()
        morning = self._journal.morning_session(now, due=True) is not None
        from supple.core.screening import see_first

        clinician = see_first(self._journal.screening())
        return decide(
            now,
            settings,
            self.today(),
            self.due(),
            desktop=desktop,
            morning=morning,
            clinician=clinician,
        )

    def line(self, today: Today | None = None, *, short: bool = False) -> str:
        """One line for the settings and program screens: on or off, and when the next one is
        (skipping today once it counts, and rest days, when ``today`` is given)."""
        from supple.coach.wording import reminder_line
        from supple.core.nudge import next_reminder

        settings, problem = self.settings()
        now = self._now()
        at = next_reminder(now, settings, today) if problem is None and settings.on else None
        return reminder_line(settings, problem, at, now, short=short)
