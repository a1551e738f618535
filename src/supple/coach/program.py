"""The program: its file, where it stands against the history, whether a session counted for
it, and its remaining workouts as a calendar (its writes are the journal's: they live in the
data folder)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from supple.coach.views import Judged, Verdict

# What `supple program` shows of the catalog, per program: each workout's length ("routine
# level" -> seconds, with the settings and steps applied) and its routine's title.
# Each workout's seconds ("routine level" -> seconds) and each routine's title in every language
# its file has (routine -> language -> title; "en" the English), so a run in another language
# reads the kept titles in its own.
Lengths = tuple[dict[str, float], dict[str, dict[str, str]]]
KEPT = "program {id}"  # the name the program's kept facts go by in the parsed-file cache

if TYPE_CHECKING:
    from supple.coach.journal import Journal
    from supple.coach.notices import Notices
    from supple.coach.routines import Routines
    from supple.coach.views import HistoryView, ProgramView
    from supple.core.calendar_ics import Planned, WorkoutInfo
    from supple.core.parsed_cache import FileKeys
    from supple.core.program import Program
    from supple.core.record import SessionRecord
    from supple.core.routine import Level, Routine
    from supple.core.screening import Checklist


class ProgramService:
    """Owns the program files (each read once): the bundled programs beside ``program_path``
    (the first program, active until another is started), which one is active (the journal's
    ``program.toml`` names it), and whether anything asked for the program in this run (the
    status line's program part is worked out only then).

    What a program needs of the routines (its check against them, its workouts' lengths and
    titles) is kept in the parsed-file cache against every file it was worked out from
    (``Routines.inputs``): while none changed, `supple program` reads the program file, its
    state and the history, and loads no routine."""

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
        self._programs: dict[str, Program] = {}
        self._ids: tuple[str, ...] | None = None
        # Kept lengths (see the class), with the routines' stamp they hold for in this run, and
        # the inputs a program was checked under, to keep its lengths once worked out.
        self._lengths: dict[str, tuple[tuple[object, ...], Lengths]] = {}
        self._checked: dict[str, tuple[tuple[object, ...], FileKeys, tuple[object, ...]]] = {}
        self.asked = False
        # While `view` reads the history, the status line is written and asks for the view
        # itself (``StatusKeeper.keep``): that inner answer, for the same history, is the
        # outer one too, so the progress is worked out once a read (never kept past it).
        self._reading = False
        self._inner: tuple[HistoryView, ProgramView] | None = None

    def ids(self) -> tuple[str, ...]:
        """Every bundled program's id (its file's name), the first program first: shipped
        files, listed once a run."""
        if self._ids is None:
            try:
                # By name, not a glob (which compiles a pattern each command).
                names = os.listdir(self.path.parent)
                found = sorted(os.path.splitext(n)[0] for n in names if n.endswith(".toml"))
            except OSError:
                found = []
            first = self.path.stem
            self._ids = (first, *(i for i in found if i != first))
        return self._ids

    def active_id(self) -> str:
        """The active program's id: the one started last, else the first program."""
        from supple.coach.journal import active_program

        active = active_program(self._journal.store)
        return active if active is not None and active in self.ids() else self.path.stem

    def load(self, program_id: str | None = None) -> Program:
        """A bundled program (the active one without ``program_id``), checked against the
        routines as they ship (so a bundled program always loads, whatever the settings say).
        Raises ProgramError; KeyError for an id no bundled program has."""
        from supple.core.program import load_program

        wanted = program_id if program_id is not None else self.active_id()
        if wanted not in self.ids():
            raise KeyError(wanted)
        if wanted not in self._programs:
            path = self.path if wanted == self.path.stem else self.path.parent / f"{wanted}.toml"
            inputs = self._inputs(path)  # taken before any file is read
            kept = self._recall(wanted, inputs)
            if kept is not None:  # read and checked under these very files, as they are
                self._programs[wanted], lengths = kept
                self._lengths[wanted] = (self._routines.stamp(), lengths)
            else:
                from supple.core.routine import Catalog

                raw = self._routines.raw
                bundled = Catalog(tuple(r for r in raw.routines if r.source == "bundled"), ())
                self._programs[wanted] = load_program(path, bundled)
                if inputs is not None:
                    self._checked[wanted] = (self._routines.stamp(), *inputs)
        return self._programs[wanted]

    def _inputs(self, path: Path) -> tuple[FileKeys, tuple[object, ...]] | None:
        """What a program's check and lengths are worked out from, as it is now: the program
        file and the catalog's inputs. None: nothing is kept (no cache in use, the routines
        given, the steps changed in this run)."""
        from supple.core import parsed_cache

        if not parsed_cache.active():
            return None
        inputs = self._routines.inputs()
        if inputs is None:
            return None
        files, facts = inputs
        return (*parsed_cache.file_keys(path), *files), facts

    @staticmethod
    def _recall(
        program_id: str, inputs: tuple[FileKeys, tuple[object, ...]] | None
    ) -> tuple[Program, Lengths] | None:
        """The program and its lengths as kept under ``inputs``; None: not kept, or not
        in the shape this supple keeps them."""
        if inputs is None:
            return None
        from supple.core.parsed_cache import recall
        from supple.core.program_kept import from_kept

        kept = recall(KEPT.format(id=program_id), *inputs)
        if not (isinstance(kept, tuple) and len(kept) == 3):
            return None
        seconds, titles, plain = kept
        program = from_kept(plain)
        if program is None or program.id != program_id:
            return None
        if not (isinstance(seconds, dict) and isinstance(titles, dict)):
            return None
        # Seconds as the catalog gave them (an int where they are whole: marshal keeps which).
        if not all(isinstance(k, str) and type(v) in (int, float) for k, v in seconds.items()):
            return None
        if not all(isinstance(k, str) and _titles(v) for k, v in titles.items()):
            return None
        return program, (seconds, titles)

    def lengths(self, program: Program) -> Lengths:
        """Each workout's length ("routine level" -> seconds, as the person will play it) and
        its routine's title: as kept while nothing they depend on changed, else from the
        effective catalog (and kept, once the program was checked under the same files)."""
        stamp = self._routines.stamp()
        found = self._lengths.get(program.id)
        if found is not None and found[0] == stamp:
            return found[1]
        before = self._notices.waiting()
        catalog = self._routines.catalog
        seconds: dict[str, float] = {}
        for workout in program.workouts:
            try:
                seconds[f"{workout.routine} {workout.level}"] = catalog.seconds(
                    workout.routine, workout.level
                )
            except KeyError:
                continue
        titles = {w.routine: self._routines.titles(w.routine) for w in program.workouts}
        checked = self._checked.pop(program.id, None)
        # Kept only as worked out under the inputs taken at the check, with nothing to say
        # (a broken steps file is said at every run, as without the cache).
        if checked is not None and checked[0] == stamp and self._notices.waiting() == before:
            from supple.core.parsed_cache import remember
            from supple.core.program_kept import as_kept

            kept = (seconds, titles, as_kept(program))
            remember(KEPT.format(id=program.id), checked[1], checked[2], kept)
        self._lengths[program.id] = (stamp, (seconds, titles))
        return seconds, titles

    def title(self, program: Program, routine_id: str) -> str:
        """A workout's routine's title (its id if there is no such routine)."""
        from supple.i18n import translated_field

        titles = self.lengths(program)[1].get(routine_id)
        if titles is None:
            return self._routines.title(routine_id)
        return translated_field(titles.get("en", routine_id), titles)

    def titles(self, program: Program, routine_id: str) -> dict[str, str]:
        """A workout's routine's title in every language its file has ("en": the English)."""
        found = self.lengths(program)[1].get(routine_id)
        return found if found is not None else self._routines.titles(routine_id)

    def view(self, program_id: str | None = None) -> ProgramView | None:
        """Where a program stands (the active one without ``program_id``); None, with a
        notice, if its file cannot be used. KeyError for an id no bundled program has."""
        from supple.core.program import ProgramError

        active = program_id is None or program_id == self.active_id()
        if active:
            self.asked = True  # the status line's program part may be worked out now
        try:
            program = self.load(program_id)
        except ProgramError as error:
            from supple.coach.wording import program_unusable  # only when there is this to say

            self._notices.say(program_unusable(error), "error")
            return None
        journal = self._journal
        if not active:
            return self._progress_view(program, journal.history())
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

    def views(self) -> tuple[ProgramView, ...]:
        """Every bundled program's view, the active one first (one that cannot be used is
        left out, with its notice)."""
        active = self.active_id()
        order = (active, *(i for i in self.ids() if i != active))
        return tuple(v for i in order if (v := self.view(i)) is not None)

    def _progress_view(self, program: Program, history: HistoryView) -> ProgramView:
        from supple.coach.views import ProgramView
        from supple.core.program_store import ProgramStore, read_progress

        journal = self._journal
        reading = read_progress(
            program, ProgramStore(journal.store), history.records, self._today()
        )
        journal.tell_files("program", reading.quarantined, reading.skipped)
        lengths = self.lengths(program)[0]
        seconds = {
            w.number: lengths[k]
            for w in program.workouts
            if (k := f"{w.routine} {w.level}") in lengths
        }
        return ProgramView(reading.progress, seconds)

    def judge(self, record: SessionRecord) -> Verdict:
        """Whether a finished session counts, and as which program workout."""
        from supple.core.outcome import Outcome

        match record.outcome:  # the one rule (core.outcome)
            case Outcome.COUNTS:
                pass
            case Outcome.TOO_LITTLE:
                return Verdict(Judged.TOO_LITTLE)
            case Outcome.PRACTICE:
                return Verdict(Judged.PRACTICE)
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


def _titles(value: object) -> bool:
    """A routine's kept titles: language -> title, all text."""
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def region(service: ProgramService, routine: Routine) -> Checklist:
    """The body region ``routine`` works, as its checklist (the check-in's question, the
    usual pain advice compares its mornings with): the screening of a program it is a
    workout of, else its library exercises' areas (``core.screening.for_areas``)."""
    from supple.core.library import library_at
    from supple.core.program import ProgramError
    from supple.core.screening import checklist, for_areas
    from supple.system import paths

    for program_id in service.ids():
        try:
            program = service.load(program_id)
        except (ProgramError, KeyError):
            continue
        if any(w.routine == routine.id for w in program.workouts):
            return checklist(program.screening)
    if not routine.uses:
        return for_areas(())
    library = library_at(paths.bundled_library_dir().resolve())
    areas: list[str] = []
    for used in routine.uses:
        try:
            areas += library.find(used).areas
        except KeyError:
            continue
    return for_areas(areas)
