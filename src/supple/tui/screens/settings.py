"""Settings: every change is checked, kept and saved at once (atomically) to config.toml."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Switch

from supple.core.config import SOUNDS, TIMING_OVERRIDES, VOICES
from supple.core.routine import LEVELS, MAX_TIMING
from supple.tui.screens.base import SuppleScreen

if TYPE_CHECKING:
    from supple.tui.app import SuppleApp

LABELS = {
    "level": "Default level",
    "voice": "Voice",
    "sound": "Bell",
    "theme": "Theme",
    "get_ready": "Get-ready seconds",
    "rest_between_sets": "Rest between sets (s)",
    "rest_between_exercises": "Rest between exercises (s)",
    "check_in_before": "Check-in before a session",
    "check_in_after": "Check-in after a session",
}
HELP = {
    "voice": "off · transitions (names, sides, rests, 3-2-1) · everything (and in/out breaths)",
    "get_ready": "blank: each routine's own",
}


class SettingsScreen(SuppleScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="settings.back", tooltip="Back"),
    ]

    app: SuppleApp

    def body(self) -> Iterable[Widget]:
        config = self.app.config
        path = self.app.config_path
        yield Static(f"[b]Settings[/b] · saved as you change them to {path}", id="title")
        with VerticalScroll(id="settings-form"):
            yield self._row(
                "level",
                Select(
                    [(lv, lv) for lv in LEVELS], value=config.level, allow_blank=False, id="level"
                ),
            )
            yield self._row(
                "voice",
                Select([(v, v) for v in VOICES], value=config.voice, allow_blank=False, id="voice"),
            )
            yield self._row(
                "sound",
                Select([(v, v) for v in SOUNDS], value=config.sound, allow_blank=False, id="sound"),
            )
            themes = sorted(self.app.available_themes)
            yield self._row(
                "theme",
                Select(
                    [(t, t) for t in themes], value=self.app.theme, allow_blank=False, id="theme"
                ),
            )
            for key in TIMING_OVERRIDES:
                value = getattr(config, key)
                yield self._row(
                    key,
                    Input(
                        "" if value is None else str(value),
                        type="integer",
                        placeholder="routine's own",
                        id=key,
                    ),
                )
            for key in ("check_in_before", "check_in_after"):
                yield self._row(key, Switch(getattr(config, key), id=key))
            yield Static(id="settings-error")

    def _row(self, key: str, field: Widget) -> Horizontal:
        hint = HELP.get(key) or HELP.get("get_ready" if key in TIMING_OVERRIDES else "", "")
        return Horizontal(
            Label(LABELS[key], classes="setting-label"),
            field,
            Label(hint, classes="setting-hint"),
            classes="setting",
        )

    def _save(self, **values: Any) -> None:
        self.app.save_settings(replace(self.app.config, **values))

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        key = event.select.id or ""
        if getattr(self.app.config, key, None) == event.value and key != "theme":
            return
        if key == "theme":
            self.app.theme = str(event.value)  # saved by the app when the theme changes
            return
        self._save(**{key: event.value})
        if key == "voice":
            self.app.reset_speaker()

    @on(Switch.Changed)
    def _switch(self, event: Switch.Changed) -> None:
        key = event.switch.id or ""
        if getattr(self.app.config, key) != event.value:
            self._save(**{key: event.value})

    @on(Input.Changed)
    def _input(self, event: Input.Changed) -> None:
        key = event.input.id or ""
        error = self.query_one("#settings-error", Static)
        raw = event.value.strip()
        value = None
        if raw:
            if not raw.isdigit() or not 0 <= int(raw) <= MAX_TIMING[key]:
                error.update(
                    f"{LABELS[key]}: a whole number from 0 to {MAX_TIMING[key]}, "
                    "or blank for each routine's own"
                )
                return
            value = int(raw)
        error.update("")
        if getattr(self.app.config, key) != value:
            self._save(**{key: value})

    def action_back(self) -> None:
        self.app.pop_screen()
