"""The routine editor: the exercises on the left, the fields of the one chosen on the right, the
problems next to their fields once each value is confirmed, and the session's length and
timeline below.

Everything is checked by ``coach.routine_edit.Draft`` (the same check as `supple validate`):
the pane of fields (``widgets.fields_pane``) passes each confirmed change on to the draft and
shows its problems; this screen keeps the list, the title and the timeline in step with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from supple.coach.routine_edit import Draft, Opened
from supple.core.routine import LEVELS, Level
from supple.core.words import printable
from supple.i18n import _, lazy, n_
from supple.tui.format import level_word, minutes
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.fields_pane import FieldsPane, pane_problems
from supple.tui.widgets.routine_form import ExerciseList

if TYPE_CHECKING:
    from supple.coach.coach import Coach

ROUTINE = "routine"  # the first item of the list: the routine's own fields


class EditorScreen(SuppleScreen):
    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            lazy("Save"),
            id="editor.save",
            tooltip=lazy("Save the routine"),
            priority=True,
        ),
        Binding(
            "escape", "back", lazy("Back"), id="editor.back", tooltip=lazy("Back (asks if unsaved)")
        ),
        Binding(
            "ctrl+l",
            "level",
            lazy("Level"),
            id="editor.level",
            tooltip=lazy("The level the timeline shows"),
            priority=True,
        ),
    ]

    def __init__(self, coach: Coach, draft: Draft, level: Level) -> None:
        super().__init__()
        self.coach = coach
        self.draft = draft
        self.level: Level = level
        self.saved_id: str | None = None  # the id of the routine saved, for home to select

    # -- layout ----------------------------------------------------------------------------

    def body(self) -> Iterable[Widget]:
        yield Static(id="editor-title")
        items = ExerciseList(id="editor-items")
        items.border_title = _("Exercises")
        pane = FieldsPane(self.draft, id="editor-fields")
        yield Horizontal(items, pane, id="editor-main")
        yield Static(id="editor-preview")

    @property
    def _item(self) -> int:
        """The item shown: 0 the routine, n exercise n (1-based)."""
        return self._pane.item

    async def on_mount(self) -> None:
        self._pane = self.query_one("#editor-fields", FieldsPane)
        self._fill_items()
        self.query_one(ExerciseList).highlighted = 0
        await self._show_item(0)
        self.query_one(ExerciseList).focus()

    def _title(self) -> None:
        title = self.draft.data.get("title")
        name = printable(title) if isinstance(title, str) and title.strip() else _("(no title)")
        where = self.draft.target.name
        state = _("new, not saved yet") if self.draft.path is None else printable(where)
        star = " ●" if self.draft.dirty else ""
        self.query_one("#editor-title", Static).update(
            Text.assemble((_("Editing") + " ", "bold"), (name, "bold"), f" · {state}{star}")
        )

    def _fill_items(self) -> None:
        items = self.query_one(ExerciseList)
        highlighted = items.highlighted
        items.clear_options()
        options = [Option(self._label(0), id=ROUTINE)]
        options += [Option(self._label(n), id=f"x{n}") for n in range(1, self._count() + 1)]
        items.add_options(options)
        if highlighted is not None:
            items.highlighted = min(highlighted, len(options) - 1)

    def _count(self) -> int:
        return len(self.draft.exercises)

    def _label(self, item: int) -> Content:
        # Content, not Rich Text: Textual resolves $error when it paints, in this theme.
        bad = bool(pane_problems(self.draft, item))
        mark = ("⚠ ", "bold $error") if bad else ("", "")
        if item == 0:
            return Content.assemble(mark, (_("Routine"), "bold"))
        exercise = self.draft.exercises[item - 1]
        name = exercise.get("name")
        shown = printable(name) if isinstance(name, str) and name.strip() else _("(no name)")
        return Content.assemble(mark, f"{item}. {shown}")

    def _refresh_labels(self) -> None:
        items = self.query_one(ExerciseList)
        for item in range(items.option_count):
            items.replace_option_prompt_at_index(item, self._label(item))

    async def _show_item(self, item: int) -> None:
        await self._pane.show(item)
        self._refresh()

    @on(FieldsPane.Edited)
    def _edited(self) -> None:
        self._refresh_labels()
        self._title()
        self._preview()

    # -- problems and preview --------------------------------------------------------------

    def _refresh(self) -> None:
        """Problems next to their fields, the list's marks, the title and the preview."""
        self._pane.show_problems()
        self._edited()

    def _preview(self) -> None:
        catalog = self.coach.catalog
        levels, line = self.draft.preview(self.level, catalog.with_settings)
        text = Text()
        if levels and self.draft.routine is not None:
            for level, mins in levels.items():
                style = "bold reverse" if level == self.level else ""
                text.append(f" {level_word(level)} {minutes(mins * 60)} ", style=style)
                text.append(" ")
            text.append("(ctrl+l)", style="dim")
            text.append(f" · {catalog.timing_words(self.draft.routine)}\n", style="dim")
            text.append(line)
        else:
            count = len(self.draft.problems)
            text.append(
                "⚠ "
                + n_(
                    "{count} problem (ctrl+s lists them); the timeline shows once it is valid",
                    "{count} problems (ctrl+s lists them); the timeline shows once it is valid",
                    count,
                ).format(count=count),
                style="bold",
            )
        self.query_one("#editor-preview", Static).update(text)

    # -- the list's keys -------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#editor-items")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self._item:
            await self._show_item(event.option_index)

    @on(OptionList.OptionSelected, "#editor-items")
    def _selected(self) -> None:
        self._pane.focus_first()

    async def _go(self, item: int) -> None:
        self._fill_items()
        items = self.query_one(ExerciseList)
        items.highlighted = item
        await self._show_item(item)

    def _exercise_index(self) -> int | None:
        if self._item == 0:
            self.notify(_("Pick an exercise first (↓)."), severity="warning", timeout=3)
            return None
        return self._item - 1

    async def action_add(self) -> None:
        after = self._item - 1 if self._item else None
        await self._go(self.draft.add_exercise(after) + 1)

    async def action_duplicate(self) -> None:
        index = self._exercise_index()
        if index is not None:
            await self._go(self.draft.duplicate_exercise(index) + 1)

    async def action_remove(self) -> None:
        index = self._exercise_index()
        if index is None:
            return
        if self._count() <= 1:
            said = _("A routine needs at least one exercise.")
            self.notify(said, severity="warning", timeout=3)
            return
        await self._go(self.draft.remove_exercise(index) + 1)

    async def action_move(self, step: int) -> None:
        index = self._exercise_index()
        if index is not None:
            await self._go(self.draft.move_exercise(index, step) + 1)

    def action_level(self) -> None:
        self.level = LEVELS[(LEVELS.index(self.level) + 1) % len(LEVELS)]
        self._preview()

    # -- saving and leaving ----------------------------------------------------------------

    def action_save(self) -> None:
        # ctrl+s is a priority key: it overtakes keys typed just before it that the focused
        # field has not handled yet. Saving from that field's own queue runs after them, so
        # a burst ending in ctrl+s saves every key of it.
        focused = self.app.focused
        if focused is not None:
            focused.call_later(self._save_now)
        else:
            self.call_later(self._save_now)

    async def _save_now(self) -> None:
        from supple.core.files import SaveError

        self._pane.commit()  # the value in the field being typed counts
        draft = self.draft
        if not draft.valid:
            count = len(draft.problems)
            listed = "\n".join(
                printable(f"{p.key}: {p.message}" if p.key else p.message)
                for p in draft.problems[:6]
            )
            more = "\n… " + _("and {count} more").format(count=count - 6) if count > 6 else ""
            said = n_(
                "Not saved: {count} problem to fix first",
                "Not saved: {count} problems to fix first",
                count,
            ).format(count=count)
            self.notify(
                f"{said}\n{listed}{more}",
                severity="error",
                timeout=10,
                markup=False,
            )
            await self._show_first_problem()
            return
        try:
            path = self.coach.save_routine(draft)  # the coach reads the routines again
        except SaveError as error:
            said = _("Not saved: {error}").format(error=error)
            self.notify(said, severity="error", timeout=10, markup=False)
            return
        self.saved_id = str(draft.data.get("id"))
        self.notify(_("Saved: {file}").format(file=path), timeout=4, markup=False)
        self._refresh()

    async def _show_first_problem(self) -> None:
        first = self.draft.problems[0]
        match = re.match(r"exercise\[([0-9]+)\]", first.key)
        item = int(match.group(1)) if match else 0
        if item > self._count():
            item = 0
        if item != self._item:
            await self._go(item)
        self._pane.focus_problem(first)

    def action_back(self) -> None:
        self._pane.commit()  # leaving confirms what is typed: then it asks, if unsaved
        if not self.draft.dirty:
            self.dismiss()
            return
        from supple.tui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                _("Discard your changes?"),
                _("They are not saved. (n, then ctrl+s saves them.)"),
            ),
            answered,
        )


class UnreadableScreen(SuppleScreen):
    """A routine file that is no TOML at all: its text and what is wrong, never overwritten."""

    BINDINGS = [Binding("escape", "back", lazy("Back"), id="unreadable.back", tooltip=lazy("Back"))]

    def __init__(self, opened: Opened) -> None:
        super().__init__()
        self.opened = opened

    def body(self) -> Iterable[Widget]:
        yield Static(
            Text.assemble(
                (
                    "⚠ "
                    + _("{file} cannot be edited here").format(
                        file=printable(self.opened.path.name)
                    ),
                    "bold",
                ),
                f": {printable(self.opened.reason)}",
            ),
            id="editor-title",
        )
        lines = Text()
        for number, line in enumerate(self.opened.text.splitlines(), 1):
            lines.append(f"{number:4} ", style="dim")
            lines.append(printable(line) + "\n")
        lines.append(
            "\n"
            + _(
                "It is not TOML, so the editor cannot read its fields; it is left as it is. "
                "Fix it in a text editor:\n{file}"
            ).format(file=printable(str(self.opened.path))),
            style="dim",
        )
        yield VerticalScroll(Static(lines, id="unreadable-text"), id="unreadable")

    def action_back(self) -> None:
        self.dismiss()


def open_editor(coach: Coach, draft: Draft | Opened, level: Level) -> SuppleScreen:
    """The screen for a draft, or for a file that cannot be read as TOML."""
    if isinstance(draft, Opened):
        return UnreadableScreen(draft)
    return EditorScreen(coach, draft, level)
