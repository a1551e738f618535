"""Progress to see and to show: the facts of the progress screen and of `supple report`, read
once from the journal (history, screening, advice applied), the program and the preferences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from supple.core.value import value_class

if TYPE_CHECKING:
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.journal import Journal
    from supple.coach.preferences import Preferences
    from supple.coach.program import ProgramService
    from supple.core.report import ReportFacts
    from supple.core.screening import Screening
    from supple.core.stats import Week
    from supple.core.trends import AdherenceWeek, PainWeek, TestTrend


@value_class(frozen=True, slots=True)
class ProgressFacts:
    program: str  # the program's title ("" when its file cannot be used)
    started: datetime | None
    done: int
    total: int
    adherence: tuple[AdherenceWeek, ...]
    weeks: tuple[Week, ...]
    pain: tuple[PainWeek, ...]
    old_feelings: int
    tests: tuple[TestTrend, ...]
    screening: Screening | None
    latest_pain: tuple[int | None, int | None, int | None] = (None, None, None)  # ``latest_pain``


def progress_facts(
    journal: Journal, program: ProgramService, today: Callable[[], datetime]
) -> ProgressFacts:
    from supple.core.trends import (
        active_weeks,
        adherence,
        latest_pain,
        pain_of,
        pain_weeks,
        test_trends,
    )

    history = journal.history()
    view = program.view()
    records = history.records
    old = sum(
        1
        for r in records
        if all(p is None for p in pain_of(r))
        and (r.feeling_before is not None or r.feeling_after is not None)
    )
    progress = view.progress if view is not None else None
    now = today()
    return ProgressFacts(
        program=progress.program.title if progress is not None else "",
        started=progress.started if progress is not None else None,
        done=len(progress.done) if progress is not None else 0,
        total=len(progress.program.workouts) if progress is not None else 0,
        adherence=adherence(progress, now.date()) if progress is not None else (),
        weeks=active_weeks(
            history.stats.weeks, progress.started.date() if progress and progress.started else None
        ),
        pain=pain_weeks(records),
        old_feelings=old,
        tests=test_trends(progress) if progress is not None else (),
        screening=journal.screening(),
        latest_pain=latest_pain(records),
    )


def report_page(
    journal: Journal,
    program: ProgramService,
    prefs: Preferences,
    now: Callable[[], datetime],
    catalog: EffectiveCatalog,
) -> str:
    """`supple report`'s page (HTML, every text escaped)."""
    from supple.core.report import render

    facts = progress_facts(journal, program, now)
    return render(report_facts(facts, journal, prefs, now(), catalog))


def report_facts(
    facts: ProgressFacts,
    journal: Journal,
    prefs: Preferences,
    now: datetime,
    catalog: EffectiveCatalog,
) -> ReportFacts:
    """The report's facts; each step in force by its routine's title and its exercise's name
    as the catalog has them (the ids only where nothing names them)."""
    from supple.core.report import ReportFacts, Step, marks_of, read_applied

    steps = []
    for routine_id, by_exercise in sorted(prefs.steps.items()):
        routine = catalog.unadjusted.get(routine_id)
        names = {e.id: e.name for e in routine.exercises} if routine is not None else {}
        title = routine.title if routine is not None and routine.title else routine_id
        for exercise, rungs in sorted(by_exercise.items()):
            if rungs:
                steps.append(Step(title, names.get(exercise) or exercise, rungs))
    return ReportFacts(
        generated=now,
        program=facts.program,
        started=facts.started,
        done=facts.done,
        total=facts.total,
        adherence=facts.adherence,
        weeks=facts.weeks,
        pain=facts.pain,
        old_feelings=facts.old_feelings,
        tests=facts.tests,
        applied=read_applied(journal.data_dir),
        steps=tuple(steps),
        screening=facts.screening,
        marks=marks_of(journal.history().records),
    )
