"""The library screen: every exercise by area, with its figure, doses, equipment and ladder;
Enter starts the chosen one alone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from supple.core.motion import ready_frame
from supple.core.routine import LEVELS, Level
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.context import StartSession
from supple.tui.format import level_word
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.figure import FigureStrip

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.core.library import Library, LibraryExercise


def exercise_text(library: Library, item: LibraryExercise, level: Level) -> Text:
    """One exercise in full: areas, equipment, the dose at each level, the ladder, the steps."""
    exercise = item.exercise
    text = Text()
    text.append(printable(exercise.name), style="bold")
    text.append(f"  ·  {', '.join(a.replace('-', ' ') for a in item.areas)}\n")
    needs = ", ".join(item.equipment) if item.equipment else _("nothing")
    text.append(_("Needs: {equipment}").format(equipment=needs) + "\n", style="dim")
    for name in LEVELS:
        style = "bold" if name == level else ""
        text.append(f"{level_word(name)}: {exercise.describe(name)}\n", style=style)
    ladder = library.ladder(item.id)
    if len(ladder) > 1:
        text.append(_("Ladder:") + " ")
        for index, rung in enumerate(ladder):
            if index:
                text.append(" → ")
            style = "bold underline" if rung.id == item.id else "dim"
            text.append(printable(rung.exercise.name), style=style)
        text.append("\n")
    text.append("\n")
    for step in exercise.how:
        text.append(f"• {printable(step)}\n")
    if exercise.safety:
        text.append(f"⚠ {printable(exercise.safety)}\n", style="italic")
    return text


class LibraryScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "enter",
            "play",
            lazy("Start"),
            id="library.start",
            tooltip=lazy("Start the chosen exercise alone"),
            priority=True,
        ),
        Binding(
            "escape", "back", lazy("Back"), id="library.back", tooltip=lazy("Back to the routines")
        ),
    ]

    def __init__(self, coach: Coach, level: Level) -> None:
        from supple.core.library import library_at
        from supple.core.routine import LIBRARY_FOLDER
        from supple.system import paths

        super().__init__()
        self.coach = coach
        self.level: Level = level
        self.library = library_at(paths.bundled_routines_dir() / LIBRARY_FOLDER)

    def body(self) -> Iterable[Widget]:
        options = OptionList(*self._options(), id="library-list")
        options.border_title = _("Exercises ({count})").format(count=len(self.library))
        detail = VerticalScroll(
            Static(id="library-text"), FigureStrip(id="library-figure"), id="library-detail"
        )
        detail.border_title = _("Exercise")
        yield Static(Text("The exercise library", style="bold"), id="title")
        yield Horizontal(options, detail, id="library-main")

    def _options(self) -> list[Option | None]:
        from supple.core.library import Area

        options: list[Option | None] = []
        for area in Area:
            here = [e for e in self.library.exercises if e.areas and e.areas[0] == area]
            if not here:
                continue
            options.append(Option(Text(area.replace("-", " ").upper(), "dim"), disabled=True))
            options += [Option(printable(e.exercise.name), id=e.id) for e in here]
        return options

    def on_mount(self) -> None:
        options = self.query_one("#library-list", OptionList)
        first = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        if first is not None:
            options.highlighted = first
        options.focus()

    @on(OptionList.OptionHighlighted, "#library-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show(event.option.id)

    def chosen(self) -> LibraryExercise | None:
        option = self.query_one("#library-list", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.library.find(option.id)

    def show(self, exercise_id: str) -> None:
        item = self.library.find(exercise_id)
        self.query_one("#library-text", Static).update(
            exercise_text(self.library, item, self.level)
        )
        exercise = item.exercise
        frames = (ready_frame(exercise, held=False), ready_frame(exercise, held=True))
        self.query_one("#library-figure", FigureStrip).show(
            frames if exercise.figure is not None else ()
        )

    def action_play(self) -> None:
        from supple.core.routine import Routine

        item = self.chosen()
        if item is None:
            return
        exercise = item.exercise
        routine = Routine(exercise.id, exercise.name, "", (exercise,), exercise.timing)
        self.app.post_message(StartSession(routine.id, self.level, routine=routine))

    def action_back(self) -> None:
        self.dismiss(None)
