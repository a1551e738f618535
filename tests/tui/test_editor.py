"""The routine editor, driven by keys: create, copy, fix a field, reorder, save, play, delete."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from supple.core.routine import load_routine
from supple.system import paths
from supple.tui.screens.confirm import ConfirmScreen
from supple.tui.screens.editor import EditorScreen, UnreadableScreen
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.widgets.routine_form import widget_id
from tests.tui.conftest import build_app
from tests.tui.scenes import settle

OWN = """\
# mine, by hand
schema = 1
id = "mine"
title = "Mine"

[[exercise]]
id = "sphinx"
name = "Sphinx"
kind = "hold"
how = ["Lie face down on your forearms."]
levels.beginner = { seconds = 15 }     # start here
levels.intermediate = { seconds = 30 }
levels.advanced = { seconds = 60 }
"""


def own_file(text: str = OWN, name: str = "mine.toml") -> Path:
    path = paths.user_routines_dir() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def messages(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(n.message for n in app._notifications)


def error_at(screen: EditorScreen, parts: list[str | int]) -> str:
    return str(screen.query_one(f"#e-{widget_id(parts)}", Static).render())


async def type_into(
    pilot, screen: EditorScreen, parts: list[str | int], text: str, confirm: bool = True
) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into a field, then (by default) confirm it with Enter."""
    field = screen.query_one(f"#{widget_id(parts)}", Input)
    field.focus()
    await settle(pilot)
    field.value = ""
    await pilot.press(*text, *(["enter"] if confirm else []))
    await settle(pilot)


async def test_copy_fix_reorder_save_and_play(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.select("back-pain-relief")
        bundled = [e.id for e in app.coach.catalog.find("back-pain-relief").exercises]
        await pilot.press("c")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await pilot.press("down", "shift+down")  # the first exercise goes second
        await settle(pilot)
        assert editor._item == 2
        reps: list[str | int] = ["exercise", 2, "levels", "beginner", "reps"]
        await type_into(pilot, editor, reps, "999")
        assert "999 is out of range (expected 1 to 100)" in error_at(editor, reps)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Not saved: 1 problem" in messages(app)
        target = paths.user_routines_dir() / "back-pain-relief-copy.toml"
        assert not target.exists()
        await type_into(pilot, editor, reps, "7")
        assert error_at(editor, reps) == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = load_routine(target)
        assert [e.id for e in saved.exercises] == [bundled[1], bundled[0], *bundled[2:]]
        assert saved.exercises[1].levels["beginner"].reps == 7
        assert saved.title.endswith("(copy)")
        await pilot.press("escape")  # saved: no question
        await settle(pilot)
        assert app.screen is home
        assert home.routine is not None and home.routine.id == "back-pain-relief-copy"
        await pilot.press("enter")
        await settle(pilot)
        player = app.screen
        assert isinstance(player, PlayerScreen)
        assert player.live.session.segments[0].exercise_id == bundled[1]


async def test_a_new_routine_is_saved_and_listed(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen) and editor.draft.valid
        await type_into(pilot, editor, ["title"], "Desk break")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.routine is not None and home.routine.title == "Desk break"
    assert load_routine(paths.user_routines_dir() / "my-routine.toml").title == "Desk break"


async def test_escape_asks_before_discarding(data_dir: Path) -> None:
    path = own_file()
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.select("mine")  # type: ignore[attr-defined]
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await type_into(pilot, editor, ["title"], "Changed", confirm=False)
        await pilot.press("escape")  # in a field: it puts back the value last confirmed
        await settle(pilot)
        assert app.screen is editor and not editor.draft.dirty
        assert editor.query_one(f"#{widget_id(['title'])}", Input).value == "Mine"
        await type_into(pilot, editor, ["title"], "Changed")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is editor
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert path.read_text() == OWN


async def test_editing_a_hand_written_file_keeps_its_comments(data_dir: Path) -> None:
    path = own_file()
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.select("mine")  # type: ignore[attr-defined]
        await pilot.press("e", "down")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        await type_into(pilot, editor, ["exercise", 1, "levels", "beginner", "seconds"], "20")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert path.read_text() == OWN.replace("seconds = 15 }", "seconds = 20 }")


async def test_delete_asks_and_moves_to_the_trash(data_dir: Path) -> None:
    path = own_file()
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.select("mine")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is home
        assert "mine" not in [r.id for r in app.coach.catalog.routines]
    assert not path.exists()
    assert (data_dir / "trash" / "routines" / "mine.toml").read_text() == OWN


async def test_a_bundled_routine_is_read_only(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e", "d")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "bundled routines are read-only: c copies it" in messages(app).lower()


async def test_a_broken_file_opens_with_its_errors_at_their_fields(data_dir: Path) -> None:
    path = own_file(OWN.replace("seconds = 30", "seconds = 999"), "broken.toml")
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.select(f"error:{path}")
        await pilot.press("e")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen) and not editor.draft.valid
        await pilot.press("down")
        await settle(pilot)
        seconds: list[str | int] = ["exercise", 1, "levels", "intermediate", "seconds"]
        assert "999 is out of range (expected 1 to 600 s)" in error_at(editor, seconds)
        await type_into(pilot, editor, seconds, "30")
        await pilot.press("ctrl+s", "escape")
        await settle(pilot)
        assert home.routine is not None and home.routine.id == "mine"
    assert path.read_text() == OWN


async def test_a_file_that_is_no_toml_is_shown_and_left_alone(data_dir: Path) -> None:
    text = 'schema = 1\nid = "mine\n'
    path = own_file(text)
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.select(f"error:{path}")  # type: ignore[attr-defined]
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, UnreadableScreen)
        assert "line 2" in str(app.screen.query_one("#editor-title", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert path.read_text() == text


async def test_the_editor_fits_the_smallest_terminal(data_dir: Path) -> None:
    app = build_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("c", "down", "a")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert len(editor.draft.exercises) == 4 and editor._item == 2
        assert editor.query_one("#editor-preview").region.bottom <= 19


async def test_custom_breath_phases_are_kept_shown_and_edited(data_dir: Path) -> None:
    """Showing an exercise with its own phases changes nothing; choosing custom phases gives
    the named pattern's phases to edit; typing new ones saves them."""
    phases = OWN.replace(
        'how = ["Lie face down on your forearms."]',
        'how = ["Lie face down on your forearms."]\n'
        'breath = [{ phase = "inhale", seconds = 3 }, { phase = "exhale", seconds = 5 }]',
    )
    path = own_file(phases)
    app = build_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.select("mine")  # type: ignore[attr-defined]
        await pilot.press("e", "down")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert not editor.draft.dirty and editor.draft.valid  # shown, not changed
        field = editor.query_one(f"#{widget_id(['exercise', 1, 'breath'])}-phases", Input)
        assert field.value == "inhale 3, exhale 5"
        field.focus()
        field.value = "inhale 4, exhale 6"
        await settle(pilot)
        assert editor.draft.valid
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_routine(path)
    assert [(p.phase, p.seconds) for p in saved.exercises[0].breath.phases] == [
        ("inhale", 4),
        ("exhale", 6),
    ]
