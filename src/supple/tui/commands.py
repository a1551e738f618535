"""Command palette: "Start <routine> at <level>" for every routine and level, and supple's
commands in the words of the bindings that do the same (``palette_command``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.screen import Screen

from supple.core.routine import LEVELS
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.context import StartSession, coach_of
from supple.tui.format import level_word, minutes


def binding_words(node: type[Any], binding_id: str) -> tuple[str, str]:
    """The description and tooltip of the binding ``binding_id`` that ``node`` (an app, screen
    or widget class) declares: the one wording of that action."""
    for binding in node.BINDINGS:
        if isinstance(binding, Binding) and binding.id == binding_id:
            return _(binding.description), _(binding.tooltip) if binding.tooltip else ""
    raise LookupError(f"{node.__name__} has no binding {binding_id!r}")


def palette_command(
    node: type[Any], binding_id: str, callback: Callable[[], object]
) -> SystemCommand:
    """A palette command worded as the key that does the same: its description the title, its
    tooltip the help, so the two never drift apart."""
    title, help_text = binding_words(node, binding_id)
    return SystemCommand(title, help_text, callback)


def advice_commands(screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Advice's palette entry on a screen with the advice key (home, the summary), worded as
    that key."""
    action = getattr(screen, "action_advice", None)
    if action is None:
        return
    for binding in type(screen).BINDINGS:
        if isinstance(binding, Binding) and (binding.id or "").endswith(".advice"):
            yield palette_command(type(screen), binding.id or "", action)


def progress_commands(app: App[Any]) -> Iterator[SystemCommand]:
    """The progress screen and the safety screening from anywhere, worded as the program
    screen's keys that open them."""
    from supple.tui.screens.program import ProgramScreen, ask_screening
    from supple.tui.screens.progress import ProgressScreen

    coach = coach_of(app)
    yield palette_command(
        ProgramScreen, "program.progress", lambda: app.push_screen(ProgressScreen(coach))
    )
    yield palette_command(ProgramScreen, "program.screening", partial(ask_screening, app, coach))


def entry(text: str, help_text: str, matcher: Matcher | None = None) -> Content:
    """One palette entry from plain text, its matched letters highlighted, the help below it.

    Content, not str: Textual reads a str prompt (and ``Matcher.highlight``'s candidate, and a
    hit's ``help``) as markup, and a routine titled ``[/]`` is a title, not a closing tag.
    """
    prompt = Content(text)
    if matcher is not None:
        __, offsets = matcher.fuzzy_search.match(matcher.query, text)
        for offset in offsets:
            if not text[offset].isspace():
                prompt = prompt.stylize(matcher.match_style, offset, offset + 1)
    return Content.assemble(prompt, "\n", (help_text, "dim"))


class StartCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        catalog = coach_of(self.app).catalog
        for routine in catalog.routines:
            for level in LEVELS:
                length = minutes(catalog.seconds(routine, level))
                yield (
                    _("Start {routine} at {level}").format(
                        routine=printable(routine.title), level=level_word(level)
                    ),
                    f"{length} · {printable(routine.summary)}",
                    partial(self.app.post_message, StartSession(routine.id, level)),
                )

    async def discover(self) -> Hits:
        for text, help_text, callback in self._commands():
            yield DiscoveryHit(entry(text, help_text), callback, text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, entry(text, help_text, matcher), callback, text=text)


# Textual's command-palette key, declared by the app so that its footer word is translated.
PALETTE_BINDING = Binding(
    "ctrl+p",
    "command_palette",
    # Translators: the command palette's key in the footer ("^p palette"): one short word
    lazy("palette"),
    show=False,
    priority=True,
    id="app.palette",
    tooltip=lazy("Open the command palette"),
)
