"""Import from the palette: a file's path in, supple routines out, and what was left out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from supple.core.imports import ImportProblem, formats_in_words
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.keymap import say_keys
from supple.tui.widgets.field_input import FieldInput

if TYPE_CHECKING:
    from supple.coach.coach import Coach


class ImportScreen(ModalScreen[str | None]):
    """Returns the id of the first routine imported (to select it on home), or None."""

    BINDINGS = [
        Binding("escape", "close", lazy("Close"), id="import.close", tooltip=lazy("Close")),
    ]

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach
        self.first: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(_("Import routines")), id="question")
            words = formats_in_words(kinds=True)
            yield Static(f"{words[0].upper()}{words[1:]}.", id="detail")
            yield FieldInput(placeholder=_("path to the file, then Enter"), id="import-path")
            yield Static(id="import-result")
            close = say_keys(self.app, ImportScreen, "import.close", " / ")
            yield Static(Text(_("Enter: import · {close}: close").format(close=close)), id="keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from supple.core.files import SaveError

        raw = event.value.strip()
        result = self.query_one("#import-result", Static)
        if not raw:
            return
        from supple.system.paths import NoHome, expand_home

        try:
            path = expand_home(raw)
        except NoHome as error:
            result.update(Text.assemble(("Not imported: ", "bold"), printable(str(error))))
            return
        try:
            report = self.coach.import_routines(path)
        except ImportProblem as problem:
            said = printable(problem.message)
            result.update(Text.assemble((_("Not imported:") + " ", "bold"), said))
            return
        except (SaveError, OSError) as error:
            result.update(Text.assemble((_("Not saved:") + " ", "bold"), printable(str(error))))
            return
        text = Text.assemble((f"{report.format}: ", "bold"))
        for routine, target in report.written:
            text.append(f"\n✓ {printable(routine.title)} → {printable(target.name)}")
        for line in report.notes:
            text.append("\n" + _("note: {line}").format(line=printable(line)))
        for line in report.dropped[:8]:
            said = _("not carried over: {line}").format(line=printable(line))
            text.append("\n" + said, style="dim")
        if len(report.dropped) > 8:
            more = _("… and {count} more").format(count=len(report.dropped) - 8)
            text.append("\n" + more, style="dim")
        result.update(text)
        if report.written and self.first is None:
            self.first = report.written[0][0].id
        event.input.value = ""  # Enter again does not import the same file twice

    def action_close(self) -> None:
        self.dismiss(self.first)
