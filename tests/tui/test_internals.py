"""Each private Textual API supple uses (supple.tui.internals), held to what supple needs of it:
a Textual upgrade that removes or changes one fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

import supple.tui
from supple.tui import internals


def test_binding_keys_merges_bases_by_key() -> None:
    class Base(Widget):
        BINDINGS = [Binding("a", "one", "One", id="t.one")]

    class Child(Base):
        BINDINGS = [Binding("b,c", "two", "Two", id="t.two")]

    found = internals.binding_keys(Child)
    assert {k: [b.id for b in v] for k, v in found.items()} == {
        "a": ["t.one"],
        "b": ["t.two"],
        "c": ["t.two"],
    }


def test_character_to_key() -> None:
    assert internals.character_to_key("?") == "question_mark"
    assert internals.character_to_key(",") == "comma"
    assert internals.character_to_key("a") == "a"


def test_unicode_name_of_key() -> None:
    # Names Textual spells its own way map to Unicode's; any other comes back as it was.
    assert internals.unicode_name_of_key("question_mark") == "QUESTION MARK"
    assert internals.unicode_name_of_key("eacute") == "eacute"


class _Crashes(internals.QuietCrash):
    def compose(self) -> ComposeResult:
        yield Static("x")

    def on_mount(self) -> None:
        raise RuntimeError("boom")


async def test_crash_is_kept_and_its_traceback_not_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = _Crashes()
    with pytest.raises(RuntimeError):  # run_test raises what ended the app
        async with app.run_test() as pilot:
            await pilot.pause()
    error = internals.app_exception(app)
    assert isinstance(error, RuntimeError) and str(error) == "boom"
    app._print_error_renderables()  # what Textual calls on exit: prints nothing now
    assert "Traceback" not in capsys.readouterr().err


def test_an_app_has_the_private_attributes_used() -> None:
    app = App[None]()
    assert internals.app_exception(app) is None
    assert isinstance(app._exit_renderables, list)
    assert callable(App._print_error_renderables)
    assert internals.keymap_of(app) == {}
    app.update_keymap({"x.y": "?,k"})
    assert internals.keymap_of(app) == {"x.y": "question_mark,k"}


def test_no_private_textual_name_outside_internals() -> None:
    """Textual's private names are used only in supple.tui.internals."""
    root = Path(supple.tui.__file__).parent
    for path in root.rglob("*.py"):
        if path.name == "internals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                assert not any(a.name.startswith("_") for a in node.names), path
            if isinstance(node, ast.Attribute) and node.attr in {
                "_merge_bindings",
                "_exception",
                "_exit_renderables",
                "_print_error_renderables",
            }:
                raise AssertionError(f"{path}: {node.attr}")


async def test_option_line_counts_lines_of_taller_options() -> None:
    from textual.widgets import OptionList

    class Lists(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList("one", "two\nlines", "three")

    async with Lists().run_test() as pilot:
        options = pilot.app.query_one(OptionList)
        assert [internals.option_line(options, i) for i in range(3)] == [0, 1, 3]
        assert internals.option_line(options, 9) is None


async def test_set_terminal_cursor_writes_show_and_hide() -> None:
    class Bare(App[None]):
        pass

    async with Bare().run_test() as pilot:
        written: list[str] = []
        driver = pilot.app._driver
        assert driver is not None
        driver.write = written.append  # type: ignore[method-assign]
        internals.set_terminal_cursor(pilot.app, True)
        internals.set_terminal_cursor(pilot.app, False)
        assert written == ["\x1b[?25h", "\x1b[?25l"]
