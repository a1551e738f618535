"""Home: pick a routine and a level, see what the session holds, press Enter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from supple.core.routine import LEVELS, Level, Routine, RoutineError
from supple.core.words import printable, source_word
from supple.i18n import _, lazy, n_
from supple.tui.context import StartSession, tell
from supple.tui.format import level_word
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.advice_lines import AdviceLines, AdviceLoaded, advice_binding
from supple.tui.widgets.history_line import RESUME_TIP, HistoryLine, resume
from supple.tui.widgets.routine_preview import RoutinePreview

if TYPE_CHECKING:
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.coach import Coach
    from supple.coach.routine_edit import Draft, Opened
    from supple.coach.views import HistoryView, Stepped


class RoutineList(OptionList, inherit_bindings=False):
    """The routine picker: OptionList's keys, without sideways scrolling (←/→ pick the level)."""

    BINDINGS = OptionList.BINDINGS


HOME_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding(
        "enter",
        "start",
        lazy("Start"),
        id="home.start",
        tooltip=lazy("Start the chosen routine"),
        priority=True,
    ),
    Binding(
        "b",
        "app.build",
        lazy("Build"),
        id="home.build",
        tooltip=lazy("A session made for today"),
    ),
    Binding("l", "app.library", lazy("Library"), id="home.library", tooltip=lazy("Every exercise")),
    Binding(
        "p",
        "app.program",
        lazy("Program"),
        id="home.program",
        tooltip=lazy("The 6-week program and mobility tests"),
    ),
    Binding(
        "comma",
        "app.settings",
        lazy("Settings"),
        key_display=",",
        id="home.settings",
        tooltip=lazy("Level, voice, sound, rests, theme"),
    ),
    Binding(
        "question_mark",
        "app.help",
        lazy("Help"),
        key_display="?",
        id="home.help",
        tooltip=lazy("Every key"),
    ),
    Binding("h", "app.history", lazy("History"), id="home.history", tooltip=lazy("Past sessions")),
    Binding("s", "app.stats", lazy("Stats"), id="home.stats", tooltip=lazy("Streaks, weeks, pain")),
    Binding(
        "left",
        "level(-1)",
        lazy("Level"),
        key_display="←/→",
        id="home.level_down",
        tooltip=lazy("An easier level"),
    ),
    Binding(
        "right",
        "level(1)",
        lazy("Level"),
        show=False,
        id="home.level_up",
        tooltip=lazy("A harder level"),
    ),
    Binding("1", "set_level(0)", lazy("Beginner"), show=False, id="home.beginner"),
    Binding("2", "set_level(1)", lazy("Intermediate"), show=False, id="home.intermediate"),
    Binding("3", "set_level(2)", lazy("Advanced"), show=False, id="home.advanced"),
    Binding("q", "app.quit", lazy("Quit"), id="home.quit", tooltip=lazy("Leave supple")),
    Binding("r", "resume", lazy("Resume"), show=False, id="home.resume", tooltip=RESUME_TIP),
    # Your routines: after Quit, so the footer keeps what it showed; all in help.
    Binding("e", "edit", lazy("Edit"), id="home.edit", tooltip=lazy("Edit this routine of yours")),
    Binding(
        "c", "copy", lazy("Copy"), id="home.copy", tooltip=lazy("Copy this routine to edit it")
    ),
    Binding("a", "new", lazy("New"), id="home.new", tooltip=lazy("A new routine of yours")),
    Binding(
        "d,delete",
        "delete",
        lazy("Delete"),
        show=False,
        id="home.delete",
        tooltip=lazy("Delete this routine of yours (to the trash)"),
    ),
    advice_binding("home"),
]


class HomeScreen(SuppleScreen):
    # In footer order, most needed first (at 60 columns: Start to Settings, and Help, always).
    BINDINGS = HOME_BINDINGS

    @dataclass
    class StatusLoaded(Message):
        view: HistoryView

    def __init__(self, coach: Coach, level: Level, routine_id: str | None = None) -> None:
        super().__init__()
        self.coach = coach
        self.level: Level = level
        self._initial = routine_id
        self._resumed = False  # the first resume is the first paint: nothing to redo

    def body(self) -> Iterable[Widget]:
        routines = RoutineList(*routine_options(self.coach.catalog), id="routines")
        routines.border_title = _("Routines")
        preview = RoutinePreview(id="preview")
        preview.border_title = _("Session")
        yield Static(Text.assemble(("supple", "bold"), " — ", _("your mobility coach")), id="title")
        yield HistoryLine("", id="home-status")
        yield AdviceLines(id="home-advice")
        yield Static(id="levels")
        yield Horizontal(routines, preview, id="home-main")

    def reload_routines(self, select: str | None = None) -> None:
        """The routine files changed (the editor saved or deleted one): list them again."""
        routines = self.query_one("#routines", OptionList)
        current = routines.highlighted_option
        keep = select or (current.id if current is not None else None)
        routines.clear_options()
        routines.add_options(routine_options(self.coach.catalog))
        if keep is not None:
            try:
                routines.highlighted = routines.get_option_index(keep)
            except OptionDoesNotExist:  # deleted: the first one
                routines.highlighted = 0 if routines.option_count else None
        self.refresh_view()

    # -- your routines: edit, copy, new, delete --------------------------------------------

    def _edit(self, draft: Draft | Opened) -> None:
        from supple.tui.screens.editor import EditorScreen, open_editor

        screen = open_editor(self.coach, draft, self.level)

        def closed(_: object) -> None:
            saved = screen.saved_id if isinstance(screen, EditorScreen) else None
            self.reload_routines(saved)

        self.app.push_screen(screen, closed)

    def _own_path(self) -> Path | None:
        """The file of the chosen routine (or broken file) if it is the person's own."""
        routine = self.routine
        if routine is not None:
            return (
                routine.path
                if routine.source == "user" and self.coach.is_own(routine.path)
                else None
            )
        broken = self._broken()
        return broken.path if broken is not None and self.coach.is_own(broken.path) else None

    def action_edit(self) -> None:
        from supple.coach.routine_edit import Draft
        from supple.system import paths

        path = self._own_path()
        if path is None:
            if self.routine is not None or self._broken() is not None:
                self.notify(_("Bundled routines are read-only: c copies it."), timeout=4)
            return
        self._edit(Draft.open(path, paths.user_routines_dir(), self.coach.routine_ids()))

    def action_copy(self) -> None:
        from supple.coach.routine_edit import Draft
        from supple.system import paths

        routine = self.routine
        if routine is None:
            self.notify(_("Pick a routine to copy (a broken file: e edits it)."), timeout=4)
            return
        source = self.coach.routines.raw.find(routine.id)  # as its file says, not the settings
        self._edit(Draft.copy_of(source, paths.user_routines_dir(), self.coach.routine_ids()))

    def action_new(self) -> None:
        from supple.coach.routine_edit import Draft
        from supple.system import paths

        self._edit(Draft.new(paths.user_routines_dir(), self.coach.routine_ids()))

    def action_delete(self) -> None:
        from supple.tui.screens.confirm import ConfirmScreen

        path = self._own_path()
        if path is None:
            if self.routine is not None:
                self.notify(_("Bundled routines cannot be deleted."), timeout=4)
            return
        name = self.routine.title if self.routine is not None else path.name

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from supple.core.files import SaveError

            try:
                moved = self.coach.trash_routine(path)
            except SaveError as error:
                self.notify(
                    _("Not deleted: {error}").format(error=error), severity="error", markup=False
                )
                return
            self.notify(_("Moved to the trash: {file}").format(file=moved), markup=False)
            self.reload_routines()

        self.app.push_screen(
            ConfirmScreen(
                _("Delete {name}?").format(name=printable(name)),
                _("{file} moves to the trash folder:\n{folder}").format(
                    file=printable(path.name),
                    folder=printable(str(self.coach.store.trash_dir / "routines")),
                ),
            ),
            answered,
        )

    @on(events.Mount)
    def _ask_morning(self) -> None:  # once: a reload calls on_mount, never posts Mount again
        from supple.tui.screens.hurt import ask_morning

        ask_morning(self, self.coach)

    def on_mount(self) -> None:
        if self._initial is not None:
            self.select(self._initial)
        self.refresh_view()

    async def reload(self, select: str | None = None) -> None:
        """The routine folders changed (an import, the editor): list them again, with
        ``select`` chosen if given."""
        if select is not None:
            self._initial = select
        await self.recompose()
        self.on_mount()

    def on_screen_resume(self) -> None:
        if self._resumed:  # back from a summary or the editor: durations may have changed
            self.refresh_view()
        self._resumed = True
        # After the first paint: reading the history must not delay the screen.
        self.set_timer(0.05, self.load_status)

    @work(thread=True, exclusive=True, group="home-status")
    def load_status(self) -> None:
        """The one-line summary of the history, read off the UI thread after the first paint."""
        self.post_message(self.StatusLoaded(self.coach.history()))
        self.post_message(AdviceLoaded(self.coach.advice.suggested()))  # cached by the service

    # -- advice -----------------------------------------------------------------------------

    @on(AdviceLoaded)
    def show_advice(self, message: AdviceLoaded) -> None:
        self.query_one(AdviceLines).show(message.suggestions, self.key_for("home.advice"))

    def action_advice(self) -> None:
        from supple.tui.widgets.advice_lines import choose_advice

        choose_advice(self, self.coach, self._advice_changed)

    def _advice_changed(self) -> None:
        self.refresh_view()  # the steps moved: the preview's doses and length follow
        self.show_advice(AdviceLoaded(self.coach.advice.suggested()))

    @on(StatusLoaded)
    def show_status(self, message: StatusLoaded) -> None:
        tell(self, self.coach)
        offer = self.coach.journal.offer_today(self.coach.catalog)
        self.query_one("#home-status", HistoryLine).show(message.view.stats, offer)

    def action_resume(self) -> None:
        resume(self, self.coach.journal.offer_today(self.coach.catalog))

    def _broken(self) -> RoutineError | None:
        option = self.query_one("#routines", OptionList).highlighted_option
        if option is None or option.id is None or not option.id.startswith("error:"):
            return None
        return self.coach.catalog.error_for(Path(option.id.removeprefix("error:")))

    @property
    def routine(self) -> Routine | None:
        option = self.query_one("#routines", OptionList).highlighted_option
        if option is None or option.id is None or option.id.startswith("error:"):
            return None
        return self.coach.catalog.find(option.id)

    def select(self, routine_id: str) -> None:
        routines = self.query_one("#routines", OptionList)
        routines.highlighted = routines.get_option_index(routine_id)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.refresh_view()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_start()

    def action_level(self, step: int) -> None:
        self.action_set_level(max(0, min(len(LEVELS) - 1, LEVELS.index(self.level) + step)))

    def action_set_level(self, index: int) -> None:
        self.level = LEVELS[index]
        self.coach.remember(level=self.level)
        self.refresh_view()

    def action_start(self) -> None:
        routine = self.routine
        if routine is not None:
            self.post_message(StartSession(routine.id, self.level))

    def refresh_view(self) -> None:
        self.query_one("#levels", Static).update(levels_line(self.level))
        preview = self.query_one("#preview", RoutinePreview)
        routine = self.routine
        if routine is None:
            preview.show_broken(self._broken())
        else:
            catalog = self.coach.catalog
            seconds = catalog.seconds(routine, self.level)
            level = self.level

            def changed(exercise_id: str) -> Stepped | None:  # None: plays as written
                return catalog.stepped(routine.id, exercise_id, level)

            timing = catalog.timing_words(routine)
            preview.show_routine(routine, level, seconds, changed, timing)


def routine_options(catalog: EffectiveCatalog) -> list[Option]:
    """Home's list: every routine, then every routine file that cannot be used."""
    options: list[Option] = [
        Option(
            Text.assemble(
                (printable(r.title), "bold"), f"\n{printable(r.id)} · {source_word(r.source)}"
            ),
            id=r.id,
        )
        for r in catalog.routines
    ]
    options += [
        Option(
            # Content, not Rich Text: Textual resolves $error when it paints, in this theme.
            Content.assemble(
                ("⚠ " + printable(e.path.name), "bold $error"),
                "\n"
                + n_(
                    "{count} problem: not usable", "{count} problems: not usable", len(e.problems)
                ).format(count=len(e.problems)),
            ),
            id=f"error:{e.path}",
        )
        for e in catalog.errors
    ]
    return options


def levels_line(chosen: Level) -> Text:
    """The three levels, the chosen one marked, and the keys that change it."""
    levels = Text(_("Level") + "  ")
    for level in LEVELS:
        levels.append(f" {level_word(level)} ", style="bold reverse" if level == chosen else "dim")
        levels.append("  ")
    levels.append("(←/→)", style="dim")
    return levels
