"""The build screen: a session made for today from the library (minutes, focus, level,
equipment), shown as it will play before anything; Enter plays it, s keeps it as yours."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import SelectionList, Static

from supple.core.builder import MAX_MINUTES, MIN_MINUTES, Built, Refusal
from supple.core.routine import LEVELS, Level, Routine
from supple.core.words import area_word, equipment_word, printable
from supple.i18n import _, lazy
from supple.tui.context import StartSession
from supple.tui.format import level_word, minutes
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.routine_preview import RoutinePreview
from supple.tui.widgets.tick_list import TickList

if TYPE_CHECKING:
    from supple.coach.coach import Coach

MINUTES_STEP = 5  # the tooltips of - and + say it
FIRST_MINUTES = 10


class BuildScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "enter",
            "play",
            lazy("Start"),
            id="build.start",
            tooltip=lazy("Start this session"),
            priority=True,
        ),
        Binding(
            "s",
            "save",
            lazy("Save"),
            id="build.save",
            tooltip=lazy("Keep it as one of your routines"),
        ),
        Binding(
            "minus",
            "minutes(-1)",
            lazy("Shorter"),
            key_display="-",
            id="build.shorter",
            tooltip=lazy("5 minutes shorter"),  # MINUTES_STEP
        ),
        Binding(
            "plus,equals_sign",
            "minutes(1)",
            lazy("Longer"),
            key_display="+",
            id="build.longer",
            tooltip=lazy("5 minutes longer"),
        ),
        Binding(
            "left",
            "level(-1)",
            lazy("Level"),
            key_display="←/→",
            id="build.level_down",
            tooltip=lazy("An easier level"),
        ),
        Binding(
            "right",
            "level(1)",
            lazy("Level"),
            show=False,
            id="build.level_up",
            tooltip=lazy("A harder level"),
        ),
        Binding(
            "escape", "back", lazy("Back"), id="build.back", tooltip=lazy("Back to the routines")
        ),
    ]

    def __init__(self, coach: Coach, level: Level) -> None:
        from supple.coach.builder import session_builder

        super().__init__()
        self.coach = coach
        self.level: Level = level
        self.minutes = FIRST_MINUTES
        self.builder = session_builder(coach)
        self.result: Built | Refusal | None = None
        self.saved: str | None = None  # the id it was last kept as (home lists it on return)

    def body(self) -> Iterable[Widget]:
        from supple.core.library import Area, Equipment

        focus = TickList(*((area_word(area), area.value, False) for area in Area), id="build-focus")
        focus.border_title = _("Focus")
        equipment = TickList(
            *((equipment_word(item), item.value, False) for item in Equipment),
            id="build-equipment",
        )
        equipment.border_title = _("I have")
        preview = RoutinePreview(id="build-preview")
        preview.border_title = _("Session")
        yield Static(id="build-title")
        yield Horizontal(
            Vertical(focus, equipment, id="build-choices"),
            Vertical(Static(id="build-refused"), preview, id="build-right"),
            id="build-main",
        )

    def on_mount(self) -> None:
        self.rebuild()

    @on(SelectionList.SelectedChanged)
    def _chosen(self) -> None:
        self.rebuild()

    def _selected(self, list_id: str) -> frozenset[str]:
        return frozenset(self.query_one(list_id, SelectionList).selected)

    def rebuild(self) -> None:
        """Build again from what is chosen, and show it (or why there is none)."""
        from supple.coach.library_wording import refusal

        self.result = self.builder.build(
            self.minutes,
            self._selected("#build-focus"),
            self.level,
            self._selected("#build-equipment"),
        )
        title = Text.assemble(  # the keys beside what they change: found at any width
            (_("A session for today"), "bold"),
            f"  ·  {minutes(self.minutes * 60)} ",
            ("(-/+)", "dim"),
            f"  ·  {level_word(self.level)} ",
            ("(←/→)", "dim"),
        )
        self.query_one("#build-title", Static).update(title)
        refused = self.query_one("#build-refused", Static)
        preview = self.query_one("#build-preview", RoutinePreview)
        if isinstance(self.result, Refusal):
            refused.update(
                Text(printable(_("No session: {reason}.").format(reason=refusal(self.result))))
            )
            refused.display, preview.display = True, False
            return
        refused.display, preview.display = False, True
        preview.show_routine(
            self.result.routine,
            self.level,
            self.result.seconds,
            lambda _: None,
            self.coach.catalog.timing_words(self.result.routine),
        )

    def action_minutes(self, change: int) -> None:
        minutes = self.minutes + change * MINUTES_STEP
        self.minutes = max(MIN_MINUTES, min(MAX_MINUTES, minutes))
        self.rebuild()

    def action_level(self, change: int) -> None:
        index = max(0, min(len(LEVELS) - 1, LEVELS.index(self.level) + change))
        self.level = LEVELS[index]
        self.rebuild()

    def action_play(self) -> None:
        if not isinstance(self.result, Built):
            self.notify(_("Nothing to start: change the minutes, focus or equipment."))
            return
        routine = self.result.routine
        self.app.post_message(StartSession(routine.id, self.level, routine=routine))
        self.dismiss(None)

    def action_save(self) -> None:
        from supple.coach.builder import free_id
        from supple.tui.screens.save_as import SaveAsScreen

        if not isinstance(self.result, Built):
            self.notify(_("Nothing to save: change the minutes, focus or equipment."))
            return
        routine = self.result.routine
        taken = self.coach.routine_ids()
        asked = SaveAsScreen(routine.title, free_id(routine, taken), taken)
        self.app.push_screen(asked, lambda chosen: self._save_as(routine, chosen))

    def _save_as(self, routine: Routine, routine_id: str | None) -> None:
        from supple.coach.builder import save_built
        from supple.core.files import SaveError

        if routine_id is None:
            return
        try:
            path = save_built(self.coach, routine, routine_id)
        except SaveError as error:
            self.notify(
                _("Could not save: {error}").format(error=error), severity="error", markup=False
            )
            return
        self.saved = routine_id
        saved = _("Saved as {id}, in {file}").format(id=routine_id, file=path)
        self.notify(printable(saved), markup=False)

    def action_back(self) -> None:
        self.dismiss(None)
