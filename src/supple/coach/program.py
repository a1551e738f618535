"""The program: its file, where it stands against the history, whether a session counted for
it, and its remaining workouts as a calendar (its writes are the journal's: they live in the
data folder)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from supple.coach.views import Judged, Verdict

if TYPE_CHECKING:
    from supple.coach.journal import Journal
    from supple.coach.routines import Routines
    from supple.coach.views import HistoryView, Notices, ProgramView
    from supple.core.calendar_ics import Planned, WorkoutInfo
    from supple.core.program import Program
    from supple.core.record import SessionRecord
    from supple.core.routine import Level


class ProgramService:
    """Owns the program file (read once) and knows whether anything asked for the program in
    this run (the status line's program part is worked out only then)."""

    def __init__(
        self,
        program_path: Path,
        routines: Routines,
        journal: Journal,
        notices: Notices,
        today: Callable[[], date],
    ) -> None:
        self.path = program_path
        self._routines = routines
        self._journal = journal
        self._notices = notices
        self._today = today
        self._program: Program | None = None
        self.asked = False
        # While `view` reads the history, the status line is written and asks for the view
        # itself (``StatusKeeper.keep``): that inner answer, for the same history, is the
        # outer one too, so the progress is worked out once a read (never kept past it).
        self._reading = False
        self._inner: tuple[HistoryView, ProgramView] | None = None

    def load(self) -> Program:
        """The bundled program, checked against the routines as they ship (so the bundled
        program always loads, whatever the settings say). Raises ProgramError."""
        from supple.core.program import load_program
        from supple.core.routine import Catalog

        if self._program is None:
            raw = self._routines.raw
            bundled = Catalog(tuple(r for r in raw.routines if r.source == "bundled"), ())
            self._program = load_program(self.path, bundled)
        return self._program

    def view(self) -> ProgramView | None:
        """Where the program stands (None, with a notice, if its file cannot be used)."""
        from supple.coach.wording import program_unusable
        from supple.core.program import ProgramError

        self.asked = True  # the status line's program part may be worked out now
        try:
            program = self.load()
        except ProgramError as error:
            self._notices.say(program_unusable(error), "error")
            return None
        journal = self._journal
        if self._reading:
            history = journal.history()
        else:
            self._reading, self._inner = True, None
            try:
                history = journal.history()
            finally:
                self._reading, inner = False, self._inner
                self._inner = None
            if inner is not None and inner[0] is history:
                return inner[1]
        view = self._progress_view(program, history)
        if self._reading:
            self._inner = (history, view)
        return view

    def _progress_view(self, program: Program, history: HistoryView) -> ProgramView:
        from supple.coach.views import ProgramView
        from supple.core.program_store import ProgramStore, read_progress

        journal = self._journal
        reading = read_progress(
            program, ProgramStore(journal.store), history.records, self._today()
        )
        journal.tell_files("program", reading.quarantined, reading.skipped)
        catalog = self._routines.catalog
        seconds = {}
        for workout in program.workouts:
            try:
                seconds[workout.number] = catalog.seconds(workout.routine, workout.level)
            except KeyError:
                continue
        return ProgramView(reading.progress, seconds)

    def judge(self, record: SessionRecord) -> Verdict:
        """Whether a finished session counts, and as which program workout."""
        from supple.core.outcome import Outcome

        match record.outcome:  # the one rule (core.outcome)
            case Outcome.COUNTS:
                pass
            case Outcome.TOO_LITTLE:
                return Verdict(Judged.TOO_LITTLE)
            case Outcome.ENDED_EARLY | Outcome.INTERRUPTED | Outcome.RUNNING:
                return Verdict(Judged.ENDED_EARLY)
            case _:
                assert_never(record.outcome)
        view = self.view()
        if view is None or view.progress.started is None:
            return Verdict(Judged.STREAK)
        progress = view.progress
        started = progress.started
        assert started is not None  # checked above
        for workout, counted in progress.done:
            if counted.path == record.path:
                return Verdict(Judged.WORKOUT, workout.number, len(progress.program.workouts))
        nxt = progress.next
        if nxt is not None and (record.routine, record.level) == (nxt.routine, nxt.level):
            if record.started < started:
                return Verdict(Judged.BEFORE_START, nxt.number)
            return Verdict(Judged.ONE_A_DAY, nxt.number)
        return Verdict(Judged.STREAK)

    def workout_info(self, routine_id: str, level: Level) -> WorkoutInfo:
        """A workout as the calendar tells it: title, minutes and each exercise's dose, from
        the effective catalog (the person's settings and easier/harder steps applied)."""
        from supple.core.calendar_ics import WorkoutInfo
        from supple.core.words import whole_minutes

        try:
            plan = self._routines.catalog.plan(routine_id, level)
        except KeyError:
            return WorkoutInfo(routine_id, None, ())
        routine = plan.routine
        return WorkoutInfo(
            routine.title,
            whole_minutes(plan.seconds),
            tuple(f"{e.name} — {e.describe(level)}" for e in routine.exercises),
        )

    def calendar(self) -> tuple[ProgramView, tuple[Planned, ...]] | None:
        """The program's remaining workouts and test days on the days its rule suggests from
        today (as if it started today when it has not); None if its file cannot be used."""
        from supple.core.calendar_ics import project

        view = self.view()
        if view is None:
            return None
        return view, project(view.progress, self._today(), self.workout_info)
