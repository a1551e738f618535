"""The effective catalog: the routines a person can play, with their settings applied once.

Every duration shown anywhere (home, palette, program, `list`, `show`, the session itself) is read
from here, so two places can never disagree about how long a routine takes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from supple.core.adjustments import Steps, adjusted
from supple.core.config import Config
from supple.core.routine import DEFAULT_LEVEL, LEVELS, Catalog, Level, Routine, RoutineError
from supple.core.timeline import Segment, expand, seconds, total_seconds
from supple.core.tomlcheck import Problem
from supple.core.value import value_class

if TYPE_CHECKING:
    from supple.coach.views import Stepped
from supple.i18n import _


@value_class(frozen=True, slots=True)
class Plan:
    """A routine at a level, laid out in time, with the settings applied."""

    routine: Routine
    level: Level
    segments: tuple[Segment, ...]

    @property
    def seconds(self) -> float:
        return total_seconds(self.segments)


class EffectiveCatalog:
    """Bundled routines, then the person's own (one of theirs with a bundled id replaces it),
    each with the settings' get-ready and rest seconds applied — except to a routine whose timing
    is its own (``timing.fixed``: imports, and routines that say so)."""

    def __init__(
        self,
        raw: Catalog,
        config: Config,
        steps: Steps | None = None,
        alone: Callable[[str], Routine] | None = None,
    ) -> None:
        self.raw = raw
        self.config = config
        self._alone = alone  # one library exercise as a routine, by an id no file has
        self._alone_made: dict[str, Routine] = {}
        self.steps: Steps = steps or {}  # easier / harder next time, per routine and exercise
        self._plans: dict[tuple[str, str], Plan] = {}
        self._seconds: dict[tuple[str, str], tuple[Routine, float]] = {}
        chosen: dict[str, Routine] = {}
        errors = list(raw.errors)
        for routine in raw.routines:
            before = chosen.get(routine.id)
            if before is None or (before.source == "bundled" and routine.source == "user"):
                chosen[routine.id] = routine  # a routine of yours replaces the bundled one
            elif routine.path is not None:
                # Two files of yours with one id: the first by name wins, the other is reported.
                where = before.path.name if before.path is not None else before.id
                errors.append(
                    RoutineError(
                        routine.path,
                        [
                            Problem(
                                routine.path,
                                None,
                                "id",
                                _("the id '{id}' is also in {where}, which is used").format(
                                    id=routine.id, where=where
                                ),
                            )
                        ],
                    )
                )
        self.unadjusted = chosen  # by id, as written: what an easier/harder step changes
        self.routines = tuple(
            self.with_settings(adjusted(r, self.steps.get(r.id, {}))) for r in chosen.values()
        )
        self.errors = tuple(errors)

    def settings_timing(self, routine: Routine) -> bool:
        """Whether the settings' get-ready and rests replace the routine's own: the one rule."""
        return not routine.own_timing and bool(self.config.timing_overrides())

    def with_settings(self, routine: Routine) -> Routine:
        """The routine with the settings' get-ready and rests, where the rule says they apply."""
        return self.config.apply(routine) if self.settings_timing(routine) else routine

    def level_for(self, explicit: str | None = None) -> Level:
        """The level to play: the one asked for, else the settings' level, else beginner."""
        if explicit in LEVELS:
            return explicit
        return self.config.level if self.config.level in LEVELS else DEFAULT_LEVEL

    def find(self, routine_id: str) -> Routine:
        """The routine with that id; KeyError if there is none."""
        for routine in self.routines:
            if routine.id == routine_id:
                return routine
        if self._alone is None:
            raise KeyError(routine_id)
        if routine_id not in self._alone_made:  # `supple play --exercise`; KeyError if none
            steps = self.steps.get(routine_id, {})  # easier/harder for it played alone
            self._alone_made[routine_id] = self.with_settings(
                adjusted(self._as_written(routine_id), steps)
            )
        return self._alone_made[routine_id]

    def _as_written(self, routine_id: str) -> Routine:
        """The routine before any easier/harder step: a file's, or one exercise alone (its
        steps are its own, keyed ``exercise-<id>``); KeyError if there is none."""
        found = self.unadjusted.get(routine_id)
        if found is not None:
            return found
        if self._alone is None:
            raise KeyError(routine_id)
        return self._alone(routine_id)

    def plan(self, routine: Routine | str, level: Level) -> Plan:
        """The routine's segments at ``level``: the plan the session will play, exactly."""
        found = self.find(routine) if isinstance(routine, str) else routine
        key = (found.id, level)
        plan = self._plans.get(key)
        if plan is None or plan.routine is not found:  # a routine made for today shares an id
            plan = self._plans[key] = Plan(found, level, expand(found, level))
        return plan

    def seconds(self, routine: Routine | str, level: Level) -> float:
        """How long the plan lasts; totalled without laying it out when no plan is kept."""
        found = self.find(routine) if isinstance(routine, str) else routine
        key = (found.id, level)
        plan = self._plans.get(key)
        if plan is not None and plan.routine is found:
            return plan.seconds
        kept = self._seconds.get(key)  # `program` totals each workout's routine many times
        if kept is None or kept[0] is not found:
            kept = self._seconds[key] = (found, seconds(found, level))
        return kept[1]

    def seconds_per_level(self, routine: Routine | str) -> dict[Level, float]:
        return {level: self.seconds(routine, level) for level in LEVELS}

    def step(self, routine_id: str, exercise_id: str) -> int:
        """Levels up (+) or down (−) this exercise plays at, by the person's choice."""
        return self.steps.get(routine_id, {}).get(exercise_id, 0)

    def timing_words(self, routine: Routine) -> str:
        """Which get-ready and rests it plays: "its own timing" or "your settings' timing"."""
        from supple.coach.wording import timing_words

        return timing_words(self.settings_timing(routine))

    def dose(self, routine_id: str, exercise_id: str, level: Level, step: int) -> str:
        """What the exercise asks at ``level`` with ``step`` levels up or down (0: as written),
        in words ("8 reps", "30 s hold"); KeyError for an unknown routine or exercise."""
        routine = adjusted(self._as_written(routine_id), {exercise_id: step} if step else {})
        for exercise in routine.exercises:
            if exercise.id == exercise_id:
                return exercise.describe(level)
        raise KeyError(exercise_id)

    def changes(self, routine_id: str, exercise_id: str, level: Level, change: int) -> bool:
        """Whether one more step of ``change`` changes what the exercise asks at ``level``."""
        step = self.step(routine_id, exercise_id)
        try:
            now = self.dose(routine_id, exercise_id, level, step)
            return now != self.dose(routine_id, exercise_id, level, step + change)
        except KeyError:
            return True  # an exercise the catalog does not know: saved, as ever

    def stepped(self, routine_id: str, exercise_id: str, level: Level) -> Stepped | None:
        """How the person's step changes this exercise at ``level``, as facts; None when it
        plays as written (no step, or one that changes nothing at this level)."""
        step = self.step(routine_id, exercise_id)
        if not step:
            return None
        try:
            was = self.dose(routine_id, exercise_id, level, 0)
            now = self.dose(routine_id, exercise_id, level, step)
        except KeyError:
            return None
        from supple.coach.views import Stepped  # only where a step changes something

        return None if now == was else Stepped(step, now, was)

    def error_for(self, path: Path) -> RoutineError | None:
        return next((e for e in self.errors if e.path == path), None)
