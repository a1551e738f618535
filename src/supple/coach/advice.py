"""Advice: the facts gathered from the history, the tests, the steps and the screening, the
suggestions of ``core.advice`` worded, applied only when asked (one step along the dose
ladder, logged in ``advice.toml``) and undone exactly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supple.core.advice import (
    AdviceInput,
    AdviceKind,
    AppliedFact,
    Doses,
    ExerciseFact,
    ScreeningLike,
    SessionFact,
    Suggestion,
    TestFact,
    advise,
)
from supple.core.advice_log import Applied, load_log, save_log, undone
from supple.core.files import file_lock
from supple.core.program import POINTS
from supple.core.value import replace
from supple.i18n import _

if TYPE_CHECKING:
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.journal import Journal
    from supple.coach.preferences import Preferences
    from supple.coach.program import ProgramService
    from supple.coach.views import HistoryView, ProgramView
    from supple.core.program import Program, Progress
    from supple.core.record import AdviceNote, ExerciseEntry, SessionRecord


class AdviceError(Exception):
    """An id that is not suggested (or not applied), or a file that could not be written."""


def dose_of(entry: ExerciseEntry) -> str:
    """The dose an exercise was played at, in the words of ``Kind.dose_words``."""
    from supple.core.dose import Dose, Kind

    sets = max(1, int(entry.sets_planned))
    if entry.reps_planned:
        return Kind.REPS.dose_words(Dose(1, reps=int(entry.reps_planned) // sets))
    return Kind.HOLD.dose_words(Dose(1, seconds=round(entry.planned_seconds / sets)))


def session_fact(record: SessionRecord) -> SessionFact:
    """The one adapter from a session record to advice's facts (an older record has no pain
    and earns no step harder)."""
    marks: dict[str, int] = {}
    for mark in record.pain_marks:
        marks[mark.exercise] = max(mark.rating, marks.get(mark.exercise, 0))
    exercises = tuple(
        ExerciseFact(e.id, e.name, dose_of(e), e.status == "done", marks.get(e.id))
        for e in record.exercises
    )
    return SessionFact(
        record.started.date(),
        record.routine,
        record.counts,
        exercises,
        record.pain_before,
        record.pain_after,
        record.morning_pain,
        record.by_hand,
        record.morning_at.date() if record.morning_at is not None else None,
    )


def test_facts(program: Program, progress: Progress) -> tuple[TestFact, ...]:
    out = []
    for test in program.tests:
        for point, result in progress.results.get(test.id, {}).items():
            out.append(
                TestFact(
                    test.id,
                    test.name,
                    test.unit,
                    test.better,
                    point,
                    result.value,
                    result.taken.date(),
                    test.error,
                )
            )
    return tuple(out)


def load_screening(data_dir: Path) -> ScreeningLike | None:
    """The safety screening (``core.screening``); None when unanswered or unreadable (then
    advice never suggests harder)."""
    from supple.core.screening import load

    return load(data_dir)[0]


def advice_note(entry: Applied) -> AdviceNote:
    """What the session's record keeps of advice applied (``advice.toml`` keeps the rest)."""
    from supple.core.record import AdviceNote

    return AdviceNote(entry.id, entry.kind, entry.exercises, entry.applied_at, entry.undone_at)


class AdviceService:
    """Owns ``advice.toml``; reads the rest through the services that own it."""

    def __init__(
        self,
        data_dir: Path,
        preferences: Preferences,
        catalog: Callable[[], EffectiveCatalog],
        now: Callable[[], datetime],
        journal: Callable[[], Journal] | None = None,
        program: Callable[[], ProgramView | None] = lambda: None,
        programs: Callable[[], ProgramService] | None = None,
    ) -> None:
        self.path = data_dir / "advice.toml"
        self.data_dir = data_dir
        self.preferences = preferences
        self.catalog = catalog
        self.now = now
        self._journal = journal  # the history; the session advice is drawn from says so
        self._program = program
        self._programs = programs  # whose files say a routine's body region
        # The history read it was worked out from, what else it depends on, the suggestions.
        self._cache: tuple[HistoryView, tuple[object, ...], list[Suggestion]] | None = None

    def _key(self) -> tuple[object, ...]:
        """What the suggestions depend on: the history read (a new object after any write of
        the journal: sessions, tests, the program's start), the steps, the catalog, the day,
        this log and the screening file."""

        def stamp(path: Path) -> tuple[int, int] | None:
            try:
                found = path.stat()
            except OSError:
                return None
            return found.st_mtime_ns, found.st_size

        return (
            self.preferences.revision,
            self.catalog(),  # compared by identity: a new object when routines change
            self.now().date(),
            stamp(self.path),
            stamp(self.data_dir / "screening.toml"),
        )

    def suggested(self) -> list[Suggestion]:
        """Today's suggestions over the history, the program's tests, the steps and the
        screening: worked out once and kept until one of them changes (home asks on every
        refresh)."""
        assert self._journal is not None, "made without the journal: use suggestions(facts)"
        view = self._journal().history()
        key = self._key()
        cached = self._cache
        if cached is not None and cached[0] is view and cached[1] == key:
            return cached[2]
        found = self.suggestions(self.facts_for(self._program(), view.records))
        self._cache = (view, key, found)
        return found

    def log(self) -> list[Applied]:
        return load_log(self.path)[0]

    def facts(
        self,
        records: Sequence[SessionRecord],
        tests: tuple[TestFact, ...] = (),
        tests_due: tuple[str, ...] = (),
        screening: ScreeningLike | None = None,
    ) -> AdviceInput:
        sessions = tuple(session_fact(r) for r in records)
        applied = tuple(
            AppliedFact(a.routine, exercise, a.applied_at.date())
            for a in self.log()
            if a.undone_at is None
            for exercise in a.exercises
        )
        return AdviceInput(
            self.now().date(),
            sessions,
            tests,
            self.preferences.steps,
            applied,
            screening if screening is not None else self._screening(),
            self._doses(records),
            tuple(p for p in POINTS if p in tests_due),
            self._regions({r.routine for r in records}),
        )

    def _regions(self, routines: set[str]) -> dict[str, str]:
        """Each routine's body region (its checklist's id), as the program service says; a
        routine no longer among the files is left out (advice takes it for the back's)."""
        from supple.coach.program import region

        if self._programs is None:
            return {}
        found: dict[str, str] = {}
        for routine_id in routines:
            try:
                routine = self.catalog().find(routine_id)
            except KeyError:
                continue
            found[routine_id] = region(self._programs(), routine).id
        return found

    def _screening(self) -> ScreeningLike | None:
        """The screening as the journal, which owns ``screening.toml``, reads it (and says once
        if it cannot be used); straight from the file when made without the journal."""
        if self._journal is not None:
            return self._journal().screening()
        return load_screening(self.data_dir)

    def _doses(self, records: Sequence[SessionRecord]) -> dict[tuple[str, str], Doses]:
        from supple.core.adjustments import ladder

        catalog = self.catalog()
        out: dict[tuple[str, str], Doses] = {}
        seen: set[str] = set()
        for record in sorted(records, key=lambda r: r.started, reverse=True):
            routine = catalog.unadjusted.get(record.routine)
            if routine is None or routine.id in seen:
                continue  # each routine at the level it was last played
            seen.add(routine.id)
            for exercise in routine.exercises:
                rungs = ladder(exercise)
                step = catalog.step(routine.id, exercise.id)
                now = rungs.step(exercise.levels[record.level], step)
                easier = rungs.step(now, -1)
                harder = rungs.step(now, 1)
                words = exercise.kind.dose_words
                out[(routine.id, exercise.id)] = Doses(
                    words(easier) if easier != now else None,
                    words(harder) if harder != now else None,
                    words(now),
                )
        return out

    def facts_for(self, view: ProgramView | None, records: Sequence[SessionRecord]) -> AdviceInput:
        """The facts with the program's tests, when the program can be read."""
        if view is None:
            return self.facts(records)
        return self.facts(records, test_facts(view.program, view.progress), view.progress.due)

    def suggestions(self, facts: AdviceInput) -> list[Suggestion]:
        return advise(facts)

    def apply(self, suggestion: Suggestion, reason: str) -> Applied:
        """Move each exercise of ``suggestion`` one step along its ladder, and log it with what
        the steps file held before. AdviceError if it moves nothing or cannot be written."""
        from supple.core.files import SaveError

        if not suggestion.change or not suggestion.exercises:
            raise AdviceError(f"{suggestion.id} is not a step: nothing to apply")
        path = self.preferences.adjustments_path
        before = path.read_bytes().decode("utf-8") if path.exists() else None
        entry = Applied(
            suggestion.id,
            suggestion.kind.value,
            suggestion.routine,
            suggestion.exercises,
            reason,
            self.now().replace(microsecond=0),
            before,
            names=suggestion.names,
            was=suggestion.was,
            dose=suggestion.dose,
        )
        for exercise in suggestion.exercises:
            _steps, problem = self.preferences.adjust(
                suggestion.routine, exercise, suggestion.change
            )
            if problem is not None:
                self._restore(before)
                raise AdviceError(problem)
        after = path.read_bytes().decode("utf-8") if path.exists() else None
        entry = replace(entry, after=after)
        try:
            with file_lock(self.path):  # the log as it is now: another copy may have added one
                save_log(self.path, [*self.log(), entry])
        except (OSError, SaveError) as error:
            self._restore(before)  # not logged: not applied, so undo never misses it
            raise AdviceError(str(error)) from None
        self._noted(entry, suggestion.day)
        return entry

    def _restore(self, text: str | None) -> None:
        """Put the steps file back to ``text`` (None: no file). OSError, SaveError."""
        from supple.core.files import write_own

        path = self.preferences.adjustments_path
        try:
            if text is None:
                path.unlink(missing_ok=True)
            else:
                write_own(path, text.encode("utf-8"))
        finally:
            self.preferences.forget_steps()

    def undo(self, advice_id: str | None = None) -> Applied:
        """Put the steps file back as it was before the newest advice applied (or ``advice_id``,
        which must be that newest one: an older one is undone after the later ones)."""
        from supple.core.files import SaveError

        log = self.log()
        live = [i for i, a in enumerate(log) if a.undone_at is None]
        if not live:
            raise AdviceError(_("no advice applied to undo"))
        index = live[-1]
        if advice_id is not None and log[index].id != advice_id:
            known = [log[i].id for i in live]
            if advice_id not in known:
                raise AdviceError(_("no applied advice '{id}'").format(id=advice_id))
            raise AdviceError(_("undo the later advice first ({id})").format(id=log[index].id))
        entry = log[index]
        path = self.preferences.adjustments_path
        now = path.read_bytes().decode("utf-8") if path.exists() else None
        try:
            if entry.after is not None and now == entry.after:
                self._restore(entry.before)  # untouched since: exactly as it was
            else:
                self._step_back(entry)  # changed by hand since: keep those changes
            log[index] = undone(entry, self.now().replace(microsecond=0))
            save_log(self.path, log)
        except (OSError, SaveError) as error:
            raise AdviceError(str(error)) from None
        self._noted(log[index])
        return entry

    def _noted(self, entry: Applied, day: date | None = None) -> None:
        """Say ``entry`` in the record of the session it was drawn from (``day``: the
        suggestion's, when applying: the newest of its routine on or before it; else the record
        that carries it), an atomic rewrite of that one file. No record to carry it, or one that
        cannot be written, leaves it in ``advice.toml`` alone (which undo reads)."""
        from supple.core.files import SaveError

        if self._journal is None:
            return
        journal = self._journal()
        note = advice_note(entry)

        def live(n: AdviceNote) -> bool:  # applied again after an undo: a note each time
            return n.id == entry.id and n.undone_at is None

        def source(r: SessionRecord) -> bool:
            if day is None:
                return any(live(n) for n in r.advice)
            return r.routine == entry.routine and r.started.date() <= day

        found = next((r for r in journal.history().records if source(r)), None)  # newest first
        if found is None or found.path is None:
            return

        def noted(record: SessionRecord) -> SessionRecord:  # the file as it is now: its notes
            if day is None:  # undone: that note, in its place
                return replace(record, advice=tuple(note if live(n) else n for n in record.advice))
            return replace(record, advice=(*record.advice, note))

        with suppress(SaveError):  # the log holds it (what undo reads): only the note is lost
            journal.update(found.path, noted)

    def _step_back(self, entry: Applied) -> None:
        """Move back by one step only the exercises ``entry`` moved, leaving every other
        change to the steps file (the person's own since) as it is."""
        try:
            change = AdviceKind(entry.kind).change
        except ValueError:
            said = _("cannot undo advice of kind '{kind}'").format(kind=entry.kind)
            raise AdviceError(said) from None
        for exercise in entry.exercises:
            _steps, problem = self.preferences.adjust(entry.routine, exercise, -change)
            if problem is not None:
                raise AdviceError(problem)
