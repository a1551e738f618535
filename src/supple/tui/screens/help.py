"""Every key of supple's in force on the screen below, read from its bindings (so a remapped key
shows as remapped and nothing is listed by hand); Textual's own keys (tab, shift+tab, super+c…)
are not supple's to explain, and are left out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.keymap import say_keys
from supple.tui.screens.base import spoken_space

KEY_WIDTH = 11  # the key column; a longer key list is cut short, never wrapped


def is_supples(binding: Binding) -> bool:
    """Whether this binding is supple's: each one supple declares carries an id (the keymap's
    name for it); Textual's own (focus, copy, a widget's cursor keys) carry none. The one of
    Textual's kept is the command palette's, supple's door to its commands (the footer shows it)."""
    return binding.id is not None or binding.action == "command_palette"


def key_rows(
    active: Mapping[str, ActiveBinding], app: App[Any]
) -> list[tuple[str, list[tuple[str, ActiveBinding]]]]:
    """Supple's bindings in force as titled groups of (keys, binding) rows: the screen's, then
    the app's. Keys bound to one action on one node share a row, in the order they were bound."""
    rows: dict[tuple[DOMNode, str], tuple[list[str], ActiveBinding]] = {}
    for key, active_binding in active.items():
        node, binding = active_binding.node, active_binding.binding
        if binding.system or not is_supples(binding):
            continue
        # Each key on its own, not the binding's key_display: that is a footer abbreviation
        # which may name several keys at once ("n/→") or only one of them.
        shown = spoken_space(key) or app.get_key_display(binding.with_key(key, key_display=None))
        keys, __ = rows.setdefault((node, binding.action), ([], active_binding))
        if shown not in keys:
            keys.append(shown)
    screen: list[tuple[str, ActiveBinding]] = []
    everywhere: list[tuple[str, ActiveBinding]] = []
    for (node, _action), (keys, active_binding) in rows.items():
        entry = (" / ".join(keys), active_binding)
        (everywhere if isinstance(node, App) else screen).append(entry)
    return [(_("On this screen"), screen), (_("Everywhere"), everywhere)]


def row(keys: str, active_binding: ActiveBinding, accent: str) -> Text:
    """One line: the keys in a fixed column, then the tooltip (or, lacking one, the description)."""
    key = Text(printable(keys), style=f"bold {accent}")  # keys can come from the keymap
    key.truncate(KEY_WIDTH, overflow="ellipsis", pad=True)
    binding = active_binding.binding
    line = Text.assemble(" ", key, " ", printable(active_binding.tooltip or binding.description))
    if not active_binding.enabled:
        line.stylize("dim")
    return line


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,question_mark,q,enter",
            "close",
            lazy("Close"),
            id="help.close",
            tooltip=lazy("Close the help"),
        ),
    ]

    def __init__(self, active: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.active = dict(active)

    def compose(self) -> ComposeResult:
        accent = self.app.theme_variables["accent"]
        lines: list[Text] = []
        for title, rows in key_rows(self.active, self.app):
            if not rows:
                continue
            lines.append(Text(title, style="bold"))
            lines += [row(keys, active_binding, accent) for keys, active_binding in rows]
            lines.append(Text())
        body = Text("\n").join(lines[:-1])
        with Vertical(id="dialog"):
            yield Static(_("Keys"), id="question")
            with VerticalScroll(id="help-body"):
                yield Static(body, id="detail")
            yield Static(
                Text(
                    _("{keys}: close").format(
                        keys=say_keys(self.app, HelpScreen, "help.close", " / ")
                    )
                ),
                id="keys",
            )

    def action_close(self) -> None:
        self.dismiss(None)
