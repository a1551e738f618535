"""The routine editor's form: the fields of the routine or of one exercise, each a widget
with the key of the routine file it edits, and the list of the routine and its exercises."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, assert_never

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, OptionList, Select, Static, Switch, TextArea

from supple.coach.routine_edit import phases_text
from supple.core.breath import PATTERNS
from supple.core.figure_names import figure_names
from supple.core.routine import (
    LEVELS,
    TIMING_FIXED,
    TIMING_KEYS,
    TIMING_LABELS,
    DoseKey,
    ExerciseKey,
    Kind,
    RoutineKey,
    Timing,
)
from supple.core.tomlcheck import KeyPart, Problem, dotted
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.widgets.field_input import FieldInput

if TYPE_CHECKING:
    from supple.coach.routine_edit import Draft

FieldKind = Literal["text", "number", "lines", "choice", "switch", "breath", "phases"]
CUSTOM = "custom"


def kind_of(value: Any) -> Kind:
    """An exercise's kind as its draft has it; one that is missing or misspelt edits as reps
    (the draft's problems name it)."""
    try:
        return Kind(value) if isinstance(value, str) else Kind.REPS
    except ValueError:
        return Kind.REPS


@dataclass(frozen=True, slots=True)
class Field:
    """One widget of the form, and the key of the routine file it edits."""

    parts: tuple[KeyPart, ...]
    kind: FieldKind
    under: bool = False  # it shows the problems of what is inside its key too

    @property
    def key(self) -> str:
        return dotted(self.parts)


def widget_id(parts: Sequence[KeyPart]) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]", "_", dotted(parts))


def problem_text(problems: Iterable[Problem], *, keys: bool = False) -> Text:
    text = Text()
    for problem in problems:
        key = f"{printable(problem.key)}: " if keys and problem.key else ""
        text.append(f"⚠ {key}{printable(problem.message, lines=True)}\n")
    text.rstrip()
    return text


class ExerciseList(OptionList, inherit_bindings=False):
    """The routine and its exercises; the keys that change the list work here."""

    BINDINGS = [
        *OptionList.BINDINGS,
        Binding(
            "a",
            "screen.add",
            lazy("Add"),
            id="editor.add",
            tooltip=lazy("A new exercise after this"),
        ),
        Binding(
            "d",
            "screen.duplicate",
            lazy("Duplicate"),
            id="editor.duplicate",
            tooltip=lazy("A copy"),
        ),
        Binding(
            "x,delete",
            "screen.remove",
            lazy("Remove"),
            id="editor.remove",
            tooltip=lazy("Remove this one"),
        ),
        Binding(
            "shift+up",
            "screen.move(-1)",
            lazy("Move"),
            key_display="⇧↑/↓",
            id="editor.move_up",
            tooltip=lazy("Move this exercise up"),
        ),
        Binding(
            "shift+down",
            "screen.move(1)",
            lazy("Move down"),
            show=False,
            id="editor.move_down",
            tooltip=lazy("Move this exercise down"),
        ),
    ]


class Form:
    """The widgets of one pane of the editor, and the field each edits (by widget id)."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.fields: dict[str, Field] = {}

    def row(self, label: str, field: Field, widget: Widget, hint: str = "") -> Widget:
        # The breath's select and its phases edit one key: each widget has an id of its own.
        match field.kind:
            case "phases":
                suffix = "-phases"
            case "text" | "number" | "lines" | "choice" | "switch" | "breath":
                suffix = ""
            case _:
                assert_never(field.kind)
        wid = widget.id = widget_id(field.parts) + suffix
        self.fields[wid] = field
        # The words are declared with lazy() (or are a setting's or a level's), translated here.
        children: list[Widget] = [Label(_(label), classes="editor-label", markup=False), widget]
        if hint:
            children.append(Label(_(hint), classes="editor-hint", markup=False))
        return Vertical(
            Horizontal(*children, classes="editor-row"),
            Static(id=f"e-{widget.id}", classes="editor-error"),
            classes="editor-field",
        )

    def _text(self, label: str, parts: Sequence[KeyPart], placeholder: str = "") -> Widget:
        value = self.draft.get(parts)
        shown = (
            "" if value is None else printable(str(value) if not isinstance(value, str) else value)
        )
        field = Field(tuple(parts), "text")
        said = _(placeholder) if placeholder else ""
        return self.row(label, field, FieldInput(shown, placeholder=said))

    def _number(
        self, label: str, parts: Sequence[KeyPart], placeholder: str = "", hint: str = ""
    ) -> Widget:
        value = self.draft.get(parts)
        shown = "" if value is None else printable(shown_value(value))
        field = Field(tuple(parts), "number")
        return self.row(
            label, field, FieldInput(shown, placeholder=placeholder, classes="number"), hint
        )

    def _choice(
        self, label: str, parts: Sequence[KeyPart], choices: Sequence[str], *, blank: str = ""
    ) -> Widget:
        value = self.draft.get(parts)
        options = [(c, c) for c in choices]
        if isinstance(value, str) and value not in choices:  # a misspelt value, shown as it is
            options.insert(0, (f"⚠ {printable(value)}", value))
        select: Select[str] = Select(
            options,
            value=value if isinstance(value, str) else Select.NULL,
            allow_blank=bool(blank),
            prompt=blank or "Select",
        )
        return self.row(label, Field(tuple(parts), "choice"), select)

    def routine_rows(self) -> Iterable[Widget]:
        yield self._text(lazy("Title"), [RoutineKey.TITLE])
        yield self._text(lazy("Id"), [RoutineKey.ID], lazy("lowercase-with-dashes"))
        yield self._text(lazy("Summary"), [RoutineKey.SUMMARY], lazy("optional"))
        defaults = Timing()
        for key in TIMING_KEYS:
            yield self._number(
                TIMING_LABELS[key], [RoutineKey.TIMING, key], f"{getattr(defaults, key)}", "s"
            )
        fixed = [RoutineKey.TIMING, TIMING_FIXED]
        yield self.row(
            lazy("Own timing"),
            Field(tuple(fixed), "switch"),
            Switch(self.draft.get(fixed) is True),
            lazy("on: its own timing; off: your settings' get-ready and rests replace it"),
        )

    def exercise_rows(self, n: int) -> Iterable[Widget]:
        K = ExerciseKey
        at: list[KeyPart] = [RoutineKey.EXERCISE, n]
        exercise = self.draft.exercises[n - 1]
        kind = kind_of(exercise.get(K.KIND))
        yield self._text(lazy("Name"), [*at, K.NAME])
        yield self._text(lazy("Id"), [*at, K.ID], lazy("lowercase-with-dashes"))
        yield self._choice(lazy("Kind"), [*at, K.KIND], [k.value for k in Kind])
        per_side = exercise.get(K.PER_SIDE, False)
        yield self.row(
            lazy("Per side"),
            Field((*at, K.PER_SIDE), "switch"),
            Switch(per_side is True),
            lazy("left, then right"),
        )
        how = exercise.get(K.HOW)
        lines = (
            "\n".join(printable(s) for s in how if isinstance(s, str))
            if isinstance(how, list)
            else ""
        )
        area = TextArea(lines, soft_wrap=True, show_line_numbers=False, compact=True)
        yield self.row(lazy("Steps"), Field((*at, K.HOW), "lines", under=True), area)
        yield self._text(lazy("Safety"), [*at, K.SAFETY], lazy("optional"))
        yield from self._breath_rows(at, kind)
        yield self._choice(lazy("Figure"), [*at, K.FIGURE], figure_names(), blank="none")
        amount = kind.amount
        for level in LEVELS:
            dose = [*at, K.LEVELS, level]
            yield self._number(f"{level.title()} {amount}", [*dose, amount])
            yield self._number(f"{level.title()} sets", [*dose, DoseKey.SETS], "1")
        routine_timing = self.draft.data.get(RoutineKey.TIMING)
        for key in TIMING_KEYS:
            inherited = (
                routine_timing.get(key) if isinstance(routine_timing, dict) else None
            ) or getattr(Timing(), key)
            yield self._number(
                TIMING_LABELS[key], [*at, K.TIMING, key], f"routine's {shown_value(inherited)}", "s"
            )

    def _breath_rows(self, at: list[KeyPart], kind: Kind) -> Iterable[Widget]:
        names = [name for name, p in PATTERNS.items() if p.cycle == kind.breath_cycles]
        key = [*at, ExerciseKey.BREATH]
        value = self.draft.get(key)
        default = kind.default_breath
        options = [(f"{n} ({_phases_words(n)})", n) for n in names]
        options.append((_("custom phases"), CUSTOM))
        if isinstance(value, list) or (value is not None and not isinstance(value, str)):
            chosen = CUSTOM
        elif isinstance(value, str) and value not in names:
            options.insert(0, (f"⚠ {printable(value)}", value))
            chosen = value
        else:
            chosen = value if isinstance(value, str) else default
        select: Select[str] = Select(options, value=chosen, allow_blank=False)
        yield self.row(lazy("Breath"), Field(tuple(key), "breath"), select)
        if chosen == CUSTOM:
            text = phases_text(value) if isinstance(value, list) else ""
            yield self.row(
                lazy("Phases"),
                Field(tuple(key), "phases", under=True),
                FieldInput(printable(text), placeholder=_("inhale 3 Up, exhale 3 Down")),
            )


def shown_value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _phases_words(name: str) -> str:
    return " · ".join(f"{p.phase} {shown_value(p.seconds)}" for p in PATTERNS[name].phases)
