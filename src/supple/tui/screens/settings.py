"""Settings: every confirmed change is checked, kept and saved (atomically) to config.toml.

A choice or a switch counts when it is made; a typed value when it is confirmed (Enter, leaving
the field, leaving the screen: ``widgets.field_input``), never a keystroke's intermediate value.
A refused value is not saved and its error shows under its field. The rows come from
``core.config.SETTINGS`` and each value is checked by the same code that reads the file, so the
screen and the file can never disagree about what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Select, Static, Switch

from supple.core.config import SETTING, SETTINGS, Setting, parse_setting
from supple.core.words import printable
from supple.i18n import _, lazy
from supple.tui.screens.base import SuppleScreen
from supple.tui.widgets.field_input import FieldInput

if TYPE_CHECKING:
    from supple.coach.coach import Coach


def on_off(value: bool) -> str:
    # Translators: a switch of the settings screen, set
    return _("on") if value else _("off")


class SettingsScreen(SuppleScreen):
    BINDINGS = [
        Binding("escape", "back", lazy("Back"), id="settings.back", tooltip=lazy("Back")),
    ]

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach

    def body(self) -> Iterable[Widget]:
        yield Static(
            Text.assemble(
                (_("Settings"), "bold"),
                " · "
                + _("saved when confirmed (Enter, Tab) to {file}").format(
                    file=printable(str(self.coach.config_path))
                ),
            ),
            id="title",
        )
        with VerticalScroll(id="settings-form"):
            for setting in SETTINGS:
                yield self._row(setting, self._field(setting))
            yield Static(id="voice-hint")
            yield Static(Text(self.coach.reminder_line()), id="reminders")  # `supple remind`

    def _field(self, setting: Setting) -> Widget:
        value = getattr(self.coach.config, setting.key)
        if setting.switch:
            return Switch(value, id=setting.key)
        if setting.seconds is not None:
            return FieldInput(
                "" if value is None else str(value),
                placeholder=_("routine's own"),
                id=setting.key,
            )
        if setting.offered:  # the themes this app knows, not only the file's pattern
            themes = sorted(self.app.available_themes)
            return Select(
                [(t, t) for t in themes], value=self.app.theme, allow_blank=False, id=setting.key
            )
        return Select(
            [(c or _("system"), c) for c in setting.choices],  # blank: the system's (language)
            value=value,
            allow_blank=False,
            id=setting.key,
        )

    def _row(self, setting: Setting, field: Widget) -> Vertical:
        hint = _(setting.hint) if setting.hint else ""
        if setting.switch:  # a switch says in words what it is set to
            hint = on_off(getattr(self.coach.config, setting.key))
        error = Static(id=f"{setting.key}-error", classes="setting-error")
        error.display = False
        return Vertical(
            Horizontal(
                Label(_(setting.label), classes="setting-label", markup=False),
                field,
                Label(hint, classes="setting-hint", markup=False, id=f"{setting.key}-hint"),
                classes="setting-row",
            ),
            error,
            classes="setting",
        )

    def on_mount(self) -> None:
        self._voice_hint()
        self.query_one(f"#{SETTINGS[0].key}").focus()  # the top: the first setting, in view

    def _voice_hint(self) -> None:
        """How to get sound, when a voice or tones are chosen and nothing here can make them."""
        from supple.system import sound, speech

        hints = [speech.INSTALL_HINT] if self.coach.voice_missing else []
        self.query_one("#voice-hint", Static).update(Text("\n".join(hints)))
        # On the sound row itself, in place of its hint: one line, where the person looks.
        missing = self.coach.player_missing
        for setting in SETTINGS:
            if setting.needs_player:
                label = self.query_one(f"#{setting.key}-hint", Label)
                label.update(_(sound.INSTALL_HINT) if missing else _(setting.hint))
                label.set_class(missing, "-warning")

    def _change(self, key: str, raw: Any) -> bool:
        """Check a value as the file's loader would, keep it and save it; or say under its
        field what is wrong. True when it was taken."""
        error = self.query_one(f"#{key}-error", Static)
        value, problem = parse_setting(key, raw)
        error.display = problem is not None
        if problem is not None:
            error.update(Text(printable(problem)))
            error.scroll_visible(animate=False)
            return False
        if getattr(self.coach.config, key) == value:
            return True
        failed = self.coach.change_settings(**{key: value})
        if failed:
            self.notify(
                _("Settings not saved: {error}").format(error=failed),
                severity="error",
                timeout=10,
                markup=False,
            )
        else:
            self.notify(_("Settings saved"), timeout=2)
        if SETTING[key].audio:
            self.coach.reset_voice()
            self._voice_hint()
        return True

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        key = event.select.id or ""
        if SETTING[key].offered:
            self.app.theme = str(event.value)  # saved by the app when the theme changes
            return
        self._change(key, event.value)

    @on(Switch.Changed)
    def _switch(self, event: Switch.Changed) -> None:
        key = event.switch.id or ""
        self.query_one(f"#{key}-hint", Label).update(on_off(event.value))
        self._change(key, event.value)

    @on(FieldInput.Changed)
    def _typed(self, event: FieldInput.Changed) -> None:
        """A shown error goes as soon as the value typed is valid again, not only on Enter."""
        key = event.input.id or ""
        errors = self.query(f"#{key}-error")
        if key and errors and errors.first().display and parse_setting(key, event.value)[1] is None:
            errors.first().display = False

    @on(FieldInput.Confirmed)
    def _input(self, event: FieldInput.Confirmed) -> None:
        self._confirm(event.field)

    def _confirm(self, field: FieldInput) -> bool:
        if field.value == field.confirmed and field.id is not None:
            self.query_one(f"#{field.id}-error", Static).display = False
            return True
        taken = self._change(field.id or "", field.value)
        if taken:
            field.accept()
        return taken

    def action_back(self) -> None:
        """Leaving confirms every typed value; one refused keeps the screen, at its field (its
        error beside it; Escape there puts back the saved value, and Escape again leaves)."""
        for field in self.query(FieldInput):
            if not self._confirm(field):
                field.focus()
                return
        self.app.pop_screen()
