"""The session's exercises, the current one marked: shown beside the player on wide terminals."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from supple.core.routine import Level, Routine
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
        self._current: tuple[int, tuple[str | None, ...], bool] | None = None

    def mark(self, current: int, outcomes: list[str | None], *, upcoming: bool = False) -> None:
        """Mark each exercise by its real outcome so far (as the summary does), the one being
        done with ▶, or the one coming up after a rest with ▷."""
        key = (current, tuple(outcomes), upcoming)
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
            text.append(f"   {exercise.describe(self.level)}\n", style="dim")
        self.update(text)
