"""The library screen: every exercise by area, with its figure, doses, equipment and ladder;
Enter starts the chosen one alone, n marks it "not for me" (again: for you again)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from supple.coach.library_wording import NOT_FOR_ME
from supple.core.motion import ready_frame
from supple.core.routine import LEVELS, Level
from supple.core.words import area_word, equipment_word, printable
from supple.i18n import _, lazy
from supple.tui.context import StartSession
from supple.tui.format import level_word
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.figure import FigureStrip

if TYPE_CHECKING:
    from supple.coach.coach import Coach
    from supple.core.library import Library, LibraryExercise


def exercise_text(
    library: Library, item: LibraryExercise, level: Level, not_for_me: bool = False
) -> Text:
    """One exercise in full: areas, equipment, the dose at each level, the ladder, the steps;
    whether it is marked "not for me"."""
    exercise = item.exercise
    text = Text()
    text.append(printable(exercise.name), style="bold")
    text.append(f"  ·  {', '.join(area_word(a) for a in item.areas)}\n")
    if not_for_me:
        text.append(_("Marked not for me: a session made for today leaves it out") + "\n", "italic")
    needs = ", ".join(equipment_word(e) for e in item.equipment) or _("nothing")
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
            "n",
            "not_for_me",
            lazy("Not for me"),
            id="library.not_for_me",
            tooltip=lazy("Not for me: never in a session made for today (again: undo)"),
        ),
        Binding(
            "escape", "back", lazy("Back"), id="library.back", tooltip=lazy("Back to the routines")
        ),
    ]

    def __init__(self, coach: Coach, level: Level) -> None:
        super().__init__()
        self.coach = coach
        self.level: Level = level
        self.library = coach.library.library

    def body(self) -> Iterable[Widget]:
        options = OptionList(*self._options(), id="library-list")
        options.border_title = _("Exercises ({count})").format(count=len(self.library))
        # The start and end positions above the words, as large as their share of the pane
        # (the stylesheet's); the words scroll below them.
        words = VerticalScroll(Static(id="library-text"), id="library-words")
        detail = Vertical(FigureStrip(fill=True, id="library-figure"), words, id="library-detail")
        detail.border_title = _("Exercise")
        yield Static(Text(_("The exercise library"), style="bold"), id="title")
        yield Horizontal(options, detail, id="library-main")

    def _options(self) -> list[Option | None]:
        from supple.core.library import Area

        options: list[Option | None] = []
        for area in Area:
            here = [e for e in self.library.exercises if e.areas and e.areas[0] == area]
            if not here:
                continue
            options.append(Option(Text(area_word(area).upper(), "dim"), disabled=True))
            options += [Option(self._prompt(e), id=e.id) for e in here]
        return options

    def _marked(self) -> frozenset[str]:
        return self.coach.library.not_for_me().ids

    def _prompt(self, item: LibraryExercise) -> Text:
        """An exercise's row: its name, and "not for me" after it when marked."""
        prompt = Text(printable(item.exercise.name))
        if item.id in self._marked():
            prompt.append(f"  {_(NOT_FOR_ME)}", style="dim italic")
        return prompt

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
            exercise_text(self.library, item, self.level, item.id in self._marked())
        )
        exercise = item.exercise
        frames = (ready_frame(exercise, held=False), ready_frame(exercise, held=True))
        strip = self.query_one("#library-figure", FigureStrip)
        strip.show(frames if exercise.figure is not None else ())
        strip.set_class(exercise.figure is None, "-none")  # the words take its room

    def action_play(self) -> None:
        from supple.core.library import ALONE

        item = self.chosen()
        if item is None:
            return
        self.app.post_message(StartSession(f"{ALONE}{item.id}", self.level))

    def action_not_for_me(self) -> None:
        """Mark the chosen exercise "not for me", or, marked, for me again."""
        from supple.coach.library_wording import marked
        from supple.core.files import SaveError

        item = self.chosen()
        if item is None:
            return
        on = item.id not in self._marked()
        try:
            self.coach.library.mark(item.id, on)
        except SaveError as error:
            from supple.coach.session_wording import not_saved

            self.notify(not_saved(str(error)), severity="error", markup=False)
            return
        self.query_one("#library-list", OptionList).replace_option_prompt(
            item.id, self._prompt(item)
        )
        self.show(item.id)
        self.notify(printable(marked(item.exercise.name, on)), timeout=3, markup=False)

    def action_back(self) -> None:
        self.dismiss(None)
