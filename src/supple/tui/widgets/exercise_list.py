"""The session's exercises, the current one marked: shown beside the player on wide terminals."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from supple.core.routine import Level, Routine
from supple.core.session_plan import planned_dose
from supple.core.timeline import Segment
from supple.core.words import printable
from supple.tui.format import OUTCOME_SYMBOLS


class ExerciseList(Static):
    DEFAULT_CSS = """
    ExerciseList { width: 1fr; height: auto; padding: 0 1; }
    """

    def __init__(self, routine: Routine, level: Level, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.routine = routine
        self.level = level
        self._current: tuple[object, ...] | None = None

    def mark(
        self,
        current: int,
        outcomes: list[str | None],
        *,
        upcoming: bool = False,
        segments: tuple[Segment, ...] = (),
    ) -> None:
        """Mark each exercise by its real outcome so far (as the summary does), the one being
        done with ▶, or the one coming up after a rest with ▷; each with its dose as the plan
        (``segments``) holds it, eased or not."""
        key = (current, tuple(outcomes), upcoming, segments)
        if key == self._current:
            return
        self._current = key
        text = Text()
        for index, exercise in enumerate(self.routine.exercises):
            outcome = outcomes[index] if index < len(outcomes) else None
            if outcome is not None:
                marker, style = f"{OUTCOME_SYMBOLS[outcome]} ", "dim"
            elif index == current:
                marker, style = ("▷ ", "bold") if upcoming else ("▶ ", "bold reverse")
            else:
                marker, style = "  ", ""
            text.append(f"{marker}{printable(exercise.name)}\n", style=style)
            dose = planned_dose(segments, index, exercise.levels[self.level])
            text.append(f"   {exercise.describe(self.level, dose)}\n", style="dim")
        self.update(text)
