"""The routine editor's pane of fields: the form of the routine or of one exercise, each
confirmed change passed on to the draft (a typed value when confirmed: Enter, leaving the field,
saving or leaving the screen; see ``widgets.field_input``), and the draft's problems shown next
to their fields."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, assert_never

from textual import on
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Select, Static, Switch, TextArea

from supple.coach.routine_edit import number_or_text, parse_phases, phases_text
from supple.core.breath import PATTERNS
from supple.core.routine import ExerciseKey, Kind, PhaseKey
from supple.core.words import printable
from supple.i18n import _
from supple.tui.widgets.field_input import FieldInput
from supple.tui.widgets.routine_form import (
    CUSTOM,
    Field,
    Form,
    kind_of,
    problem_text,
    shown_value,
    widget_id,
)

if TYPE_CHECKING:
    from textual.widget import Widget

    from supple.coach.routine_edit import Draft
    from supple.core.tomlcheck import Problem


def pane_problems(draft: Draft, item: int) -> list[Problem]:
    """The problems of one item: the routine's own (0) or exercise ``item`` (1-based)."""
    if item == 0:
        return [p for p in draft.problems if not p.key.startswith("exercise[")]
    return draft.problems_at(["exercise", item], under=True)


class FieldsPane(VerticalScroll):
    """The fields of one item of a draft; it edits the draft and says so with ``Edited``."""

    can_focus = False  # no invisible stop in the Tab order: the fields themselves scroll it

    class Edited(Message):
        """The draft changed: what shows it outside the pane (marks, title, timeline) is stale."""

    def __init__(self, draft: Draft, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.item = 0  # 0: the routine; n: exercise n (1-based)
        self._fields: dict[str, Field] = {}
        self._building = asyncio.Lock()

    async def show(self, item: int) -> None:
        """Build the fields of ``item``, with their problems."""
        async with self._building:  # one pane at a time: a key and a highlight may both ask
            self.commit()  # what is typed and not yet confirmed counts before the fields go
            self.item = item
            form = Form(self.draft)
            rows = list(form.routine_rows() if item == 0 else form.exercise_rows(item))
            self._fields = form.fields
            with self.app.batch_update():
                await self.remove_children()
                title = _("Exercise {number}").format(number=item)
                self.border_title = _("Routine") if item == 0 else title
                await self.mount_all([Static(id="pane-problems"), *rows])
            self.show_problems()

    def show_problems(self) -> None:
        """Problems next to their fields; the rest of this item's at the top."""
        shown: set[str] = set()
        for wid, field in self._fields.items():
            problems = self.draft.problems_at(field.parts, under=field.under)
            shown.update(p.key for p in problems)
            for error in self.query(f"#e-{wid}"):
                assert isinstance(error, Static)
                error.update(problem_text(problems))
                error.display = bool(problems)
        rest = [p for p in pane_problems(self.draft, self.item) if p.key not in shown]
        for other in self.query("#pane-problems"):
            assert isinstance(other, Static)
            other.update(problem_text(rest, keys=True))
            other.display = bool(rest)

    def focus_first(self) -> None:
        fields = self.query("Input, Select, TextArea")
        if fields:
            fields.first().focus()

    def focus_problem(self, problem: Problem) -> None:
        """Focus the field that shows ``problem``, if this item has one."""
        for wid, field in self._fields.items():
            if problem in self.draft.problems_at(field.parts, under=field.under):
                self.query_one(f"#{wid}").focus()
                return

    # -- changes ---------------------------------------------------------------------------

    def _field_of(self, widget: Widget) -> Field | None:
        return self._fields.get(widget.id or "")

    def commit(self) -> None:
        """Confirm every typed value not confirmed yet (before saving, leaving, or another
        item's fields)."""
        for typed in self.query(FieldInput):
            if typed.pending:
                self._typed(typed)

    @on(FieldInput.Confirmed)
    def _confirmed(self, event: FieldInput.Confirmed) -> None:
        event.stop()
        if event.field.is_attached and event.field.parent is not None:
            self._typed(event.field)

    def _typed(self, typed: FieldInput) -> None:
        """The draft takes the value shown; its problems (if any) show beside the field."""
        field = self._field_of(typed)
        if field is None:
            return
        value = typed.value
        typed.accept()
        current = self.draft.get(field.parts)
        match field.kind:
            case "phases":
                if value == printable(phases_text(current)):
                    return
                self._change(field, parse_phases(value) if value.strip() else None)
                return
            case "text" | "number" | "lines" | "choice" | "switch" | "breath":
                pass
            case _:
                assert_never(field.kind)
        shown = (
            ""
            if current is None
            else printable(shown_value(current) if not isinstance(current, str) else current)
        )
        if value == shown:
            return  # what was shown (a value with control characters shows escaped)
        match field.kind:
            case "number":
                self._change(field, number_or_text(value))
            case "text" | "lines" | "choice" | "switch" | "breath" | "phases":
                self._change(field, value if value else None)
            case _:
                assert_never(field.kind)

    @on(TextArea.Changed)
    def _lines(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field is None:
            return
        current = self.draft.get(field.parts)
        shown = (
            "\n".join(printable(s) for s in current if isinstance(s, str))
            if isinstance(current, list)
            else ""
        )
        if event.text_area.text == shown:
            return
        steps = [line.strip() for line in event.text_area.text.splitlines() if line.strip()]
        self._change(field, steps)

    @on(Switch.Changed)
    def _switch(self, event: Switch.Changed) -> None:
        field = self._field_of(event.switch)
        if field is not None and event.value != (self.draft.get(field.parts) is True):
            self._change(field, True if event.value else None)

    @on(Select.Changed)
    async def _select(self, event: Select.Changed) -> None:
        field = self._field_of(event.select)
        if field is None:
            return
        value = None if event.value is Select.NULL else str(event.value)
        current = self.draft.get(field.parts)
        match field.kind:
            case "breath":
                await self._breath(field, value, current)
                return
            case "text" | "number" | "lines" | "choice" | "switch" | "phases":
                pass
            case _:
                assert_never(field.kind)
        if value == current:
            return
        if field.parts[-1] == ExerciseKey.KIND and value in tuple(Kind):
            index = int(field.parts[1]) - 1
            self.draft.set_kind(index, Kind(value))
            await self._rebuild(focus=event.select.id)
            return
        self._change(field, value)

    async def _breath(self, field: Field, value: str | None, current: Any) -> None:
        if value == CUSTOM:
            if isinstance(current, list):
                return
            kind = kind_of(self.draft.get([*field.parts[:-1], ExerciseKey.KIND]))
            name = (
                current if isinstance(current, str) and current in PATTERNS else kind.default_breath
            )
            phases = [
                {PhaseKey.PHASE.value: p.phase, PhaseKey.SECONDS.value: p.seconds}
                for p in PATTERNS[name].phases
            ]
            self.draft.set(field.parts, phases)
        else:
            default = kind_of(self.draft.get([*field.parts[:-1], ExerciseKey.KIND])).default_breath
            if value == current or (current is None and value == default):
                return
            self.draft.set(field.parts, value)
        await self._rebuild(focus=widget_id(field.parts))

    def _change(self, field: Field, value: Any) -> None:
        self.draft.set(field.parts, value)
        self.show_problems()
        self.post_message(self.Edited())

    async def _rebuild(self, focus: str | None = None) -> None:
        await self.show(self.item)
        self.post_message(self.Edited())
        if focus:
            found = self.query(f"#{focus}")
            if found:
                found.first().focus()
