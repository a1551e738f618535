"""What is saved is what was shown, for every kind of field (settings, the editor, the check-in).

Generated values, valid and invalid, typed key by key, typed as one burst (every key queued
before the first is handled, as keys 1 ms apart arrive) or pasted, then confirmed by Enter, by
Tab, by leaving the screen, or put back by Escape: the file holds exactly the value shown, or
nothing; a refused value's error is on screen, beside its field, at 60 × 20.
"""

from __future__ import annotations

import asyncio
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual import events
from textual.widget import Widget
from textual.widgets import Input, Static

from supple.coach.routine_edit import number_or_text
from supple.core.config import parse_setting
from supple.core.routine import load_routine
from supple.system import paths
from supple.tui.screens.editor import EditorScreen
from supple.tui.screens.feeling import CheckIn, FeelingScreen
from supple.tui.screens.settings import SettingsScreen
from supple.tui.widgets.routine_form import widget_id
from tests.tui.conftest import build_app
from tests.tui.scenes import settle
from tests.tui.test_editor import OWN, own_file

SIZE = (60, 20)
BOUND = settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # a failing case is reported as found
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
KEY_NAMES = {" ": "space", "-": "minus", ".": "full_stop", ",": "comma"}

numbers = st.one_of(
    st.integers(-20, 400).map(str),
    st.text(alphabet="0123456789-. x", min_size=1, max_size=4),
)
ways_in = st.sampled_from(["press", "burst", "paste"])


def burst(pilot: Any, keys: list[str]) -> None:
    """Queue every key before the first is handled (keys 1 ms apart, or faster)."""
    for key in keys:
        name = KEY_NAMES.get(key, key)
        char = key if len(key) == 1 else {"tab": "\t", "enter": "\r"}.get(key)
        pilot.app.post_message(events.Key(name, char))


async def enter_text(pilot: Any, field: Input, text: str, how: str, then: list[str]) -> None:
    """``text`` into the focused ``field`` as ``how`` says, then the keys ``then``."""
    match how:
        case "press":
            await pilot.press(*text, *then)
        case "burst":
            burst(pilot, [*text, *then])
        case "paste":
            field.post_message(events.Paste(text))
            await settle(pilot)
            await pilot.press(*then)
        case _:
            raise AssertionError(how)
    await settle(pilot)


def on_screen(pilot: Any, widget: Widget) -> bool:
    """The widget is shown and not hidden under anything, inside the terminal."""
    region = widget.region
    if not widget.display or region.height == 0 or region.right > SIZE[0] or region.y < 0:
        return False
    if region.bottom > SIZE[1]:
        return False
    found, _ = pilot.app.screen.get_widget_at(region.x, region.y)
    return bool(found is widget)


# -- settings ------------------------------------------------------------------------------


async def _settings(text: str, how: str, confirm: str) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("get_ready = 5\n")
    before = config.read_bytes()
    app = build_app(paths.data_dir())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        field = screen.query_one("#get_ready", Input)
        field.focus()
        await settle(pilot)
        keys = {"enter": ["enter"], "tab": ["tab"], "escape": ["escape"], "leave": []}[confirm]
        await enter_text(pilot, field, text, how, keys)
        shown = field.value
        if how != "paste" and confirm != "escape":
            assert shown == text  # every key landed, in order, where it was typed
        if confirm == "leave":  # the footer's Back: the field still has the focus
            await screen.run_action("back")
            await settle(pilot)
        value, problem = parse_setting("get_ready", shown)
        if confirm == "escape":
            assert field.value == "5" and config.read_bytes() == before
        elif problem is None:
            saved = tomllib.loads(config.read_text()).get("get_ready")
            assert saved == value  # exactly what was shown
        else:
            assert config.read_bytes() == before  # nothing of it, nor of a keystroke before
            assert app.screen is screen and field.value == shown
            error = screen.query_one("#get_ready-error", Static)
            assert str(error.render()) == problem
            assert on_screen(pilot, error)


@BOUND
@given(text=numbers, how=ways_in, confirm=st.sampled_from(["enter", "tab", "leave", "escape"]))
def test_a_setting_saves_what_was_shown_or_nothing(text: str, how: str, confirm: str) -> None:
    shutil.rmtree(paths.config_dir(), ignore_errors=True)
    asyncio.run(_settings(text, how, confirm))


async def test_75_saves_75_and_never_7(data_dir: Path) -> None:
    """The issue's example: each keystroke's value was saved, and 75's error was off screen."""
    await _settings("75", "press", "enter")  # refused, beside the field, nothing saved
    await _settings("45", "burst", "tab")
    assert tomllib.loads(paths.config_file().read_text())["get_ready"] == 45


# -- the editor ----------------------------------------------------------------------------

SECONDS: list[str | int] = ["exercise", 1, "levels", "beginner", "seconds"]
TITLE: list[str | int] = ["title"]


async def _editor(parts: list[str | int], text: str, how: str, confirm: str) -> None:
    path = own_file()
    app = build_app(paths.data_dir())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.select("mine")  # type: ignore[attr-defined]
        await pilot.press("e", *(["down"] if parts[0] == "exercise" else []))
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        field = editor.query_one(f"#{widget_id(parts)}", Input)
        original = field.value
        field.focus()  # all selected: typing replaces it
        await settle(pilot)
        # Saved in the burst itself: ctrl+s is a priority key, queued behind the typed keys.
        in_burst = confirm == "save" and how == "burst"
        save = ["ctrl+s"] if in_burst else []
        keys = {"enter": ["enter"], "tab": ["tab"], "save": save, "escape": ["escape"]}[confirm]
        await enter_text(pilot, field, text, how, keys)
        shown = field.value
        if how != "paste" and confirm != "escape":
            assert shown == text
        if not in_burst:
            await pilot.press("ctrl+s")
        await settle(pilot)
        saved = load_routine(path)
        if confirm == "escape":
            assert field.value == original and path.read_text() == OWN
            return
        if path.read_text() == OWN:  # refused: the draft says why, beside the field
            assert not editor.draft.valid
            error = editor.query_one(f"#e-{widget_id(parts)}", Static)
            assert error.display and str(error.render()).startswith("⚠")
            assert on_screen(pilot, error)
            return
        if parts == TITLE:
            assert saved.title == shown
        else:
            expected = number_or_text(shown)
            assert saved.exercises[0].levels["beginner"].seconds == expected


async def test_a_burst_ending_in_ctrl_s_saves_every_key_of_it(data_dir: Path) -> None:
    """ctrl+s is a priority key: typed 1 ms after the text, it once saved before the field had
    the last keys. Both fields, a number and a text."""
    await _editor(SECONDS, "45", "burst", "save")
    await _editor(TITLE, "Hips at noon", "burst", "save")


@BOUND
@given(
    text=numbers,
    how=ways_in,
    confirm=st.sampled_from(["enter", "tab", "save", "escape"]),
)
def test_an_editor_number_saves_what_was_shown_or_nothing(
    text: str, how: str, confirm: str
) -> None:
    shutil.rmtree(paths.user_routines_dir(), ignore_errors=True)
    asyncio.run(_editor(SECONDS, text, how, confirm))


@BOUND
@given(
    text=st.text(alphabet="abc XYZ-.,", min_size=1, max_size=12).filter(lambda t: t.strip()),
    how=ways_in,
    confirm=st.sampled_from(["enter", "tab", "save", "escape"]),
)
def test_an_editor_text_saves_what_was_shown(text: str, how: str, confirm: str) -> None:
    shutil.rmtree(paths.user_routines_dir(), ignore_errors=True)
    asyncio.run(_editor(TITLE, text, how, confirm))


async def test_tab_order_is_the_visual_order_with_no_invisible_stop(data_dir: Path) -> None:
    own_file()
    app = build_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.select("mine")  # type: ignore[attr-defined]
        await pilot.press("e")
        await settle(pilot)
        seen: list[Widget] = []
        for _ in range(8):
            await pilot.press("tab")
            await settle(pilot)
            focused = app.focused
            assert focused is not None
            seen.append(focused)
            assert on_screen(pilot, focused)  # each stop is visible: digits go where seen
        fields = [w for w in seen if isinstance(w, Input)]
        assert fields == seen[: len(fields)]  # from the list straight into the fields
        rows = [(w.region.y, w.region.x) for w in fields]
        assert rows == sorted(rows)  # top to bottom


# -- the check-in ----------------------------------------------------------------------------


@BOUND
@given(
    rating=st.one_of(st.integers(0, 10).map(str), st.sampled_from(["11", "-1", "x", "5.5"])),
    note=st.text(alphabet="abcxyz ,.-", max_size=20),
    how=st.sampled_from(["press", "burst"]),
)
def test_a_check_in_typed_in_one_burst_keeps_rating_and_note(
    rating: str, note: str, how: str
) -> None:
    asyncio.run(_check_in(rating, note, how))


async def _check_in(rating: str, note: str, how: str) -> None:
    from textual.app import App

    answers: list[CheckIn | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(FeelingScreen(before=False), answers.append)

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [*rating, "tab", *note, "enter"]
        if how == "burst":
            burst(pilot, keys)
            await pilot.pause()
            await pilot.pause()
        else:
            await pilot.press(*keys)
        screen = app.screen
        if rating in {str(n) for n in range(11)}:
            assert answers == [CheckIn(int(rating), note.strip())]
        else:  # refused, and said so on screen; nothing typed is lost
            assert answers == [] and isinstance(screen, FeelingScreen)
            assert screen.query_one("#feeling", Input).value == rating
            assert screen.query_one("#note", Input).value == note
            error = screen.query_one("#feeling-error", Static)
            assert "not a whole number from 0 to 10" in str(error.render())
            assert on_screen(pilot, error)


async def test_a_pasted_note_keeps_every_line(data_dir: Path) -> None:
    from textual.app import App

    answers: list[CheckIn | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(FeelingScreen(before=False), answers.append)

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("6", "tab")
        note = app.screen.query_one("#note", Input)
        note.post_message(events.Paste("stiff in the morning\nbetter after\n" + "x" * 250))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert answers == [CheckIn(6, "stiff in the morning better after " + "x" * 250)]


@pytest.mark.parametrize("bad", ["11", "x", "-1", "4.5"])
@pytest.mark.parametrize("good", ["0", "4", "10", ""])
async def test_a_number_error_goes_as_soon_as_the_value_is_valid_again(bad: str, good: str) -> None:
    """The check-in's 0-10 field: after a refused value, editing it to a valid one (or
    emptying it) takes the error away at once, before any Enter."""
    from textual.app import App

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(FeelingScreen(before=True))

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*bad, "enter")
        await pilot.pause()
        error = app.screen.query_one("#feeling-error", Static)
        assert f"'{bad}'" in str(error.render())
        field = app.screen.query_one("#feeling", Input)
        field.value = good  # as typing or deleting would leave it
        await pilot.pause()
        assert str(error.render()).strip() == ""


@pytest.mark.parametrize(
    ("screen", "fields"),
    [
        (lambda: FeelingScreen(before=False), 2),
        (lambda: FeelingScreen(before=True), 1),
        (lambda: FeelingScreen(before=False, morning="Back pain relief"), 1),
    ],
)
async def test_tab_is_offered_only_where_there_is_a_next_field(
    screen: Callable[[], FeelingScreen], fields: int
) -> None:
    """The keys line says "Tab: next field" only with the note field below the rating (R3
    item 10e: the one-field morning question offered it)."""
    from textual.app import App

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen())

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen.query(Input)) == fields
        keys = str(app.screen.query_one("#keys", Static).render())
        assert ("Tab" in keys) == (fields > 1)
        assert "Enter: save" in keys
