"""Home's preview of a session: the chosen routine at a level, its exercises and figures, or
every problem of a routine file that cannot be used."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from supple.coach.views import Stepped
from supple.coach.wording import stepped
from supple.core.motion import ready_frame
from supple.core.routine import Exercise, Level, Routine, RoutineError
from supple.core.words import printable
from supple.i18n import _
from supple.tui.format import level_word, minutes
from supple.tui.widgets.figure import FigureStrip


def broken_preview(error: RoutineError) -> Text:
    """Every problem of a routine file that cannot be used, each with its line."""
    text = Text()
    text.append(
        "⚠ " + _("{file} cannot be used").format(file=printable(error.path.name)) + "\n",
        style="bold",
    )
    text.append(f"{printable(str(error.path))}\n\n", style="dim")
    for problem in error.problems:
        where = _("line {line}: ").format(line=problem.line) if problem.line else ""
        key = f"{printable(problem.key)}: " if problem.key else ""
        text.append(f"• {where}{key}", style="bold")
        text.append(f"{printable(problem.message, lines=True)}\n")
    text.append("\n" + _("e opens it in the editor with each problem at its field."), style="dim")
    return text


def routine_preview(
    routine: Routine,
    level: Level,
    seconds: float,
    changed: Callable[[str], Stepped | None],
    timing: str,
) -> Text:
    """The routine at a level: its length, which timing it plays, its summary and exercises;
    ``changed`` says what an easier/harder step changed in an exercise (by exercise id)."""
    text = Text()
    text.append(printable(routine.title), style="bold")
    text.append(f"  ·  {level_word(level)}  ·  {minutes(seconds)}\n", style="bold")
    text.append(f"{timing}\n", style="dim")  # a line of its own: never cut mid-phrase
    if routine.summary:
        text.append(printable(routine.summary) + "\n", style="italic")
    text.append("\n")
    for number, exercise in enumerate(routine.exercises, 1):
        text.append(f"{number}. {printable(exercise.name)}", style="bold")
        text.append(f" — {exercise.describe(level)}")
        facts = changed(exercise.id)
        if facts is not None:
            # set on a summary: what this exercise plays instead ("easier, was 8 reps")
            text.append(f" ({stepped(facts, short=True)})", style="italic")
        text.append("\n")
    text.append("\n" + _("Enter to start"), style="dim")
    return text


def compact_preview(
    routine: Routine,
    level: Level,
    seconds: float,
    changed: Callable[[str], Stepped | None],
    timing: str,
) -> Group:
    """The same on a short screen (20 rows): no summary, and each exercise's name and dose
    whole (``ExerciseRows``: a German name and its dose do not share 30 columns on one line).
    A step's label says only which way it went (the summary says what it changed)."""
    head = Text(f"{level_word(level)} · {minutes(seconds)} · {printable(routine.title)}")
    head.stylize("bold")
    rows = []
    for exercise in routine.exercises:
        facts = changed(exercise.id)
        dose = Text(exercise.describe(level))
        if facts is not None:  # set on a summary: which way (the summary says what changed)
            dose.append(" " + (_("(easier)") if facts.step < 0 else _("(harder)")), style="italic")
        rows.append((Text(printable(exercise.name), style="bold"), dose))
    exercises = ExerciseRows(rows)
    return Group(head, Text(timing, style="dim"), exercises, Text(_("Enter to start"), style="dim"))


class ExerciseRows:
    """Numbered exercises, name then dose: in two columns where every pair fits one line,
    else each name on its line and its dose under it, indented; words wrap at spaces, never
    cut (Rich's table grid cut a wrapped dose at its column's edge)."""

    def __init__(self, rows: Sequence[tuple[Text, Text]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        number = len(f"{len(self.rows)}. ")
        name_width = max((n.cell_len for n, _dose in self.rows), default=0)
        dose_width = max((d.cell_len for _name, d in self.rows), default=0)
        side_by_side = number + name_width + 1 + dose_width <= width
        for index, (name, dose) in enumerate(self.rows, 1):
            label = f"{index}.".ljust(number)
            if side_by_side:
                line = Text(label) + name + Text(" " * (name_width - name.cell_len + 1)) + dose
                yield line
                continue
            room = max(1, width - number)
            for at, part in enumerate(name.wrap(console, room)):
                yield Text(label if at == 0 else " " * number) + part
            for part in dose.wrap(console, room):
                yield Text(" " * number) + part


class RoutinePreview(VerticalScroll):
    """The words and the figures of what pressing Enter would start."""

    def compose(self) -> ComposeResult:
        yield Static(id="preview-text")
        yield Static(id="preview-compact")  # instead of the text on short screens (the CSS)
        yield FigureStrip(id="preview-figures")

    def show_routine(
        self,
        routine: Routine,
        level: Level,
        seconds: float,
        changed: Callable[[str], Stepped | None],
        timing: str,
    ) -> None:
        """The routine at a level, and each exercise's figure in its held position."""
        self._show(routine_preview(routine, level, seconds, changed, timing), routine.exercises)
        self.query_one("#preview-compact", Static).update(
            compact_preview(routine, level, seconds, changed, timing)
        )

    def show_broken(self, error: RoutineError | None) -> None:
        """A routine file that cannot be used, or that there is no routine at all."""
        text = broken_preview(error) if error else Text(_("No routines found."))
        self._show(text, ())
        self.query_one("#preview-compact", Static).update(text)

    def _show(self, text: Text, exercises: Sequence[Exercise]) -> None:
        self.query_one("#preview-text", Static).update(text)
        self.query_one("#preview-figures", FigureStrip).show(
            tuple(ready_frame(e, held=True) for e in exercises)
        )
