"""Settings: the screen saves each confirmed change; bad files fall back per key; theme and
voice apply."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Select, Static, Switch

from supple.core.config import SETTINGS, parse_setting
from supple.core.cues import Cue, CueKind
from supple.system import paths
from supple.tui import internals
from supple.tui.screens.settings import SettingsScreen
from tests.tui.conftest import RecordingSpeaker, advance, build_app
from tests.tui.scenes import settle


async def open_settings(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("comma")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SettingsScreen)


async def test_confirmed_changes_are_saved(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_settings(pilot)
        screen = app.screen
        screen.query_one("#get_ready", Input).focus()
        await pilot.press("1", "0")
        await settle(pilot)
        screen.query_one("#rest_between_sets", Input).focus()
        await pilot.press("9", "9", "9")
        await settle(pilot)
        await pilot.press("tab")  # leaving the field confirms it: refused, the error beside it
        await settle(pilot)
        assert "999 is out of range (expected 0 to 300 s)" in str(
            screen.query_one("#rest_between_sets-error", Static).render()
        )
        screen.query_one("#voice", Select).value = "everything"
        screen.query_one("#check_in_after", Switch).value = False
        screen.query_one("#theme", Select).value = "nord"
        await settle(pilot)
        assert app.theme == "nord"
    saved = tomllib.loads(paths.config_file().read_text())
    # 999 was refused and nothing typed on the way (9, 99) was kept.
    assert saved == {
        "get_ready": 10,
        "voice": "everything",
        "check_in_after": False,
        "theme": "nord",
    }
    assert paths.config_file().stat().st_mode & 0o777 == 0o600


async def test_settings_take_effect_in_a_session(data_dir: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text(
        'level = "advanced"\nget_ready = 8\nvoice = "everything"\ncheck_in_after = false\n'
        'theme = "gruvbox"\n'
    )
    app = build_app(data_dir, speaker=RecordingSpeaker())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"
        await pilot.press("enter")  # the default level is now advanced
        await settle(pilot)
        session = app.screen.live.session  # type: ignore[attr-defined]
        assert session.level == "advanced"
        assert session.segments[0].seconds == 8
        speaker = app.coach.announcer.speaker
        assert isinstance(speaker, RecordingSpeaker)
        # The first instruction is too long for the 5 s before the 3-2-1: a lead-in says it.
        assert app.screen.live.session.lead_in == 7  # type: ignore[attr-defined]
        for _ in range(13):
            advance(app, 0.5)
        assert str(app.screen.query_one("#stage", Static).render()) == "STARTING IN 1"
        advance(app, 0.5)
        for _ in range(23):  # frame by frame into the first Cat-Cow rep
            advance(app, 0.5)
        said = [text for text, _ in speaker.said]
        assert said[0].startswith("Cat-Cow. Kneel on all fours")
        assert said[1] == "Get ready: Cat-Cow"
        assert (
            said[2:6] == ["3", "2", "1", "Begin. One"] and "out" in said
        )  # everything: counts too
        advance(app, 2000.0)
        await settle(pilot)
        assert "Session complete" in speaker.said[-1][0]
        assert app.screen.__class__.__name__ == "SummaryScreen"  # no check-in: switched off


async def test_a_bad_config_names_file_key_and_keeps_defaults(data_dir: Path) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text(
        'voice = "loud"\nget_ready = -3\ncolour = "red"\ntheme = "no-such-theme"\nsound = "off"\n'
    )
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = "\n".join(n.message for n in app._notifications)
        assert f"{paths.config_file()}:1: voice: unknown value 'loud'" in messages
        assert "get_ready: -3 is out of range (expected 0 to 60 s); using the default" in messages
        assert "colour: unknown key" in messages
        assert "unknown theme 'no-such-theme'" in messages
        assert app.coach.config.sound == "off"  # the good key still counts
        assert app.coach.config.voice == "transitions" and app.theme == "textual-dark"


async def test_mute_silences_bell_and_voice(data_dir: Path) -> None:
    app = build_app(data_dir, start=("back-pain-relief", "beginner"), speaker=RecordingSpeaker())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        speaker = app.coach.announcer.speaker
        assert isinstance(speaker, RecordingSpeaker)
        await pilot.press("m")
        before = len(speaker.said)
        ring = app.coach.announcer.carry_out([Cue(CueKind.TRANSITION, "Switch sides", bell=True)])
        assert len(speaker.said) == before and not ring
        await pilot.press("m")  # the control: unmuted, the same cue rings and speaks
        ring = app.coach.announcer.carry_out([Cue(CueKind.TRANSITION, "Switch sides", bell=True)])
        assert ring and speaker.said[-1] == ("Switch sides", 2)


async def test_palette_starts_a_routine_at_a_level(data_dir: Path) -> None:
    from supple.tui.screens.player import PlayerScreen

    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"start lower back mobility at advanced")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        assert app.screen.live.session.routine.id == "lower-back-mobility"
        assert app.screen.live.session.level == "advanced"


async def test_a_theme_chosen_anywhere_is_remembered(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = "dracula"  # what the palette's theme picker does
        await settle(pilot)
    assert tomllib.loads(paths.config_file().read_text())["theme"] == "dracula"
    again = build_app(data_dir)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.theme == "dracula"


def marks(strip: Strip) -> frozenset[str]:
    """What a painted line shows besides colour: its text styles (NO_COLOR drops the rest)."""
    found = set()
    for segment in strip:
        if segment.style is not None and segment.text.strip():
            found |= {a for a in ("bold", "underline", "reverse") if getattr(segment.style, a)}
    return frozenset(found)


def marked_apart(widget: Widget, lines: range, chosen: set[int]) -> bool:
    """The ``chosen`` lines of ``widget`` carry a text style that none of its other lines do."""
    rendered = {y: marks(widget.render_line(y)) for y in lines}
    others = frozenset().union(*(m for y, m in rendered.items() if y not in chosen))
    return all(rendered[y] - others for y in chosen)


async def test_no_color_is_respected(data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Under NO_COLOR what colour marks is marked otherwise (issue 27): home's highlighted
    routine, history's cursor row, the focused field of settings and of the editor."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(data_dir, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.no_color
        routines = app.screen.focused
        assert isinstance(routines, OptionList)
        for _ in range(routines.option_count):
            first = internals.option_line(routines, routines.highlighted or 0) or 0
            nxt = internals.option_line(routines, (routines.highlighted or 0) + 1)
            last = nxt if nxt is not None else first + 2
            if last > routines.size.height:  # the rest of the list is below the fold
                break
            shown = range(routines.size.height)
            assert marked_apart(routines, shown, set(range(first, last))), routines.highlighted
            await pilot.press("down")
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.focused
        assert isinstance(table, DataTable)
        for row in range(3):
            assert marked_apart(table, range(1, 6), {table.cursor_row + 1}), row
            await pilot.press("down")
        await pilot.press("escape", "comma")
        await settle(pilot)
        fields = list(app.screen.query("Input, Switch, SelectCurrent"))
        for _ in range(8):
            focused = app.screen.focused
            if focused is not None and not isinstance(focused, VerticalScroll):
                select = isinstance(focused, Select)
                shown = focused.query_one("SelectCurrent") if select else focused
                border = shown.styles.border_top[0]
                assert all(f.styles.border_top[0] != border for f in fields if f is not shown)
            await pilot.press("tab")
            await settle(pilot)


def test_every_offered_choice_is_taken_blank_too() -> None:
    """A choice a setting offers is never an error, the blank one included (language: blank is
    the system's), checked as the file is."""
    offered = [(s.key, c) for s in SETTINGS for c in s.choices]
    assert ("language", "") in offered
    for key, choice in offered:
        assert parse_setting(key, choice) == (choice, None)


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_settings_open_at_the_top_with_no_error(
    data_dir: Path, size: tuple[int, int]
) -> None:
    """A fresh profile's settings: no field in error, the form at its top, the first setting
    focused (so the first thing a person and a screen reader meet is the first setting)."""
    app = build_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        errors = [e for e in app.screen.query(".setting-error") if e.display]
        assert errors == []
        assert app.screen.query_one("#settings-form", VerticalScroll).scroll_y == 0
        focused = app.screen.focused
        assert focused is not None and focused.id == SETTINGS[0].key
