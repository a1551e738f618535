"""Every use of Textual's private API, each behind a named function (tests/tui/test_internals.py).

Textual does not promise these names; a Textual upgrade that renames or changes one fails its
test here, in one place, instead of somewhere in a screen at run time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual import keys as _keys
from textual.app import App
from textual.dom import DOMNode

if TYPE_CHECKING:
    from textual.widgets import OptionList


def binding_keys(node: type[DOMNode]) -> dict[str, list[Any]]:
    """The bindings a node class declares, its bases' merged in, by key (``key_to_bindings`` of
    ``DOMNode._merge_bindings``): what the keymap checks remapped ids against."""
    merged = node._merge_bindings()  # a private classmethod
    return dict(merged.key_to_bindings)


def character_to_key(character: str) -> str:
    """The key name Textual matches for one character: ``?`` is ``question_mark``."""
    return _keys._character_to_key(character)


def unicode_name_of_key(key: str) -> str:
    """The Unicode character name Textual derives from a key name (``question_mark`` ->
    ``QUESTION MARK``; a name it has no entry for comes back as is), to tell a key Textual
    knows by its character."""
    return _keys._get_unicode_name_from_key(key)


def keymap_of(app: App[Any]) -> Mapping[str, str]:
    """The keymap the app applies now (binding id -> keys, as ``update_keymap`` normalised them):
    what the words that name a key read."""
    keymap: Mapping[str, str] = app._keymap
    return keymap


def app_exception(app: App[Any]) -> BaseException | None:
    """The uncaught error that ended the app, if one did."""
    error: BaseException | None = app._exception
    return error


class QuietCrash(App[int]):
    """An app that, after a crash, leaves the terminal without Textual's traceback (the caller
    writes it to a crash report), unless Textual's ``debug`` feature is on."""

    def _print_error_renderables(self) -> None:
        if self._exception is not None and "debug" not in self.features:
            self._exit_renderables.clear()
        super()._print_error_renderables()


def option_line(option_list: OptionList, index: int) -> int | None:
    """The first line (in the list's virtual space) of option ``index`` of ``option_list``
    (``_index_to_line``, kept by ``_update_lines``); None if it has no line (yet)."""
    option_list._update_lines()
    line: int | None = option_list._index_to_line.get(index)
    return line


def set_terminal_cursor(app: App[Any], shown: bool) -> None:
    """Show or hide the terminal's own cursor (Textual hides it when it starts and moves it to
    ``App.cursor_position`` at every paint): written through the app's driver, if it has one."""
    driver = app._driver
    if driver is not None:
        driver.write("\x1b[?25h" if shown else "\x1b[?25l")
        driver.flush()
