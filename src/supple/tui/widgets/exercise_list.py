"""The session's exercises, the current one marked: shown beside the player on wide terminals."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from supple.core.routine import Level, Routine


class ExerciseList(Static):
    DEFAULT_CSS = """
    ExerciseList { width: 1fr; height: auto; padding: 0 1; }
    """

    def __init__(self, routine: Routine, level: Level, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.routine = routine
        self.level = level
        self._current: int | None = None

    def mark(self, current: int) -> None:
        if current == self._current:
            return
        self._current = current
        text = Text()
        for index, exercise in enumerate(self.routine.exercises):
            if index < current:
                marker, style = "✓ ", "dim"
            elif index == current:
                marker, style = "▶ ", "bold reverse"
            else:
                marker, style = "  ", ""
            text.append(f"{marker}{exercise.name}\n", style=style)
            text.append(f"   {exercise.describe(self.level)}\n", style="dim")
        self.update(text)
