"""The environment variables supple reads, declared once: each one's name, what it means and how
its value is read. A value is input like any other: one that cannot be read (an unbalanced
quote in a command, a relative or non-UTF-8 folder, a control character, a number that is not
one) is reported once and ignored, as if the variable were not set; it never stops supple.

``value(name)`` is the one reader. What was refused waits in ``take_problems()``: the command
line prints it on stderr, the app shows it as a notification (each once per process).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, assert_never

from supple.core.value import value_class

# How a value is read: a command as a shell splits it, an absolute folder, a number, a word (one
# word of plain text, as it is), or a flag whose mere presence counts (its text is never read).
Parser = Literal["command", "folder", "scale", "word", "flag"]
MAX_VALUE = 4096  # characters: no path nor command a person sets is longer


@value_class(frozen=True)
class Variable:
    name: str
    meaning: str
    parser: Parser


VARIABLES: tuple[Variable, ...] = (
    Variable("SUPPLE_CONFIG_DIR", "the config folder (your routines, settings)", "folder"),
    Variable("SUPPLE_DATA_DIR", "the data folder (history, program, test results)", "folder"),
    Variable("SUPPLE_STATE_DIR", "the state folder (what the app remembers)", "folder"),
    Variable("SUPPLE_CACHE_DIR", "the cache folder (the synthesised sounds)", "folder"),
    Variable("SUPPLE_PLAYER", "the command that plays a WAV file (the file is added)", "command"),
    Variable(
        "SUPPLE_SPEECH",
        "the command that speaks the cues (the text is added; `{lang}`: de, es, en)",
        "command",
    ),
    Variable("SUPPLE_TIME_SCALE", "speeds the clock up, for demos and tests (1 to 1000)", "scale"),
    Variable(
        "HOME",
        "your home folder: the platform's folders are in it unless set apart, and the reminders",
        "folder",
    ),
    Variable("XDG_CONFIG_HOME", "the platform's config folders (Linux)", "folder"),
    Variable("XDG_DATA_HOME", "the platform's data folders (Linux)", "folder"),
    Variable("XDG_STATE_HOME", "the platform's state folders (Linux)", "folder"),
    Variable("XDG_CACHE_HOME", "the platform's cache folders (Linux)", "folder"),
    Variable("XDG_RUNTIME_DIR", "the runtime folder, for the reminders (Linux)", "folder"),
    Variable("SUPPLE_PLAIN", "set (to anything): sessions in plain mode, as lines of text", "flag"),
    Variable("TERM", "the terminal's type: `dumb` chooses plain mode", "word"),
    Variable("NO_COLOR", "set (to anything): no colour in `supple list`", "flag"),
    Variable("TEXTUAL_DRIVER", "set: the app runs without a terminal (tests)", "flag"),
    # Handed as they are to the desktop notification's program; supple reads only whether set.
    Variable("DISPLAY", "the X display, for the desktop notification", "flag"),
    Variable("WAYLAND_DISPLAY", "the Wayland display, for the desktop notification", "flag"),
    Variable("DBUS_SESSION_BUS_ADDRESS", "the session bus, for the desktop notification", "flag"),
)
BY_NAME = {v.name: v for v in VARIABLES}

_problems: dict[str, str] = {}  # name -> why it was ignored, found and not yet shown
_shown: set[str] = set()


class BadValue(ValueError):
    """Why a variable's value cannot be used, in words."""


def _control(text: str) -> str | None:
    for char in text:
        if ord(char) < 32 or 127 <= ord(char) < 160 or char in "\u2028\u2029":
            return char
    return None


def _text(raw: str) -> str:
    if len(raw) > MAX_VALUE:
        raise BadValue(f"longer than {MAX_VALUE} characters")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue("not UTF-8 text") from None
    char = _control(raw)
    if char is not None:
        raise BadValue(f"holds a control character (U+{ord(char):04X})")
    return raw


def parse(variable: Variable, raw: str) -> object:
    """``raw`` read as ``variable`` says; BadValue. Empty is never passed here (it is unset)."""
    match variable.parser:
        case "flag":
            return True
        case "command":
            import shlex

            try:
                words = shlex.split(_text(raw))
            except ValueError as error:  # "No closing quotation", "No escaped character"
                raise BadValue(f"not a command a shell could read ({str(error).lower()})") from None
            if not words:
                raise BadValue("no command in it")
            return words
        case "word":
            word = _text(raw)
            if len(word.split()) != 1:
                raise BadValue("not one word")
            return word
        case "folder":
            from pathlib import Path

            path = Path(_text(raw))
            if not path.is_absolute():
                raise BadValue("not an absolute path (it must start with /)")
            return path
        case "scale":
            from supple.core.numbers import NumberError, read_number

            try:
                scale = read_number(_text(raw))
            except NumberError as error:
                raise BadValue(str(error)) from None
            if not 0 < scale <= 1000:
                raise BadValue(f"{scale:g} is not from above 0 to 1000")
            return scale
        case _ as unreachable:
            assert_never(unreachable)


def value(name: str, environ: Mapping[str, str] | None = None) -> object | None:
    """The variable ``name`` (declared in VARIABLES) as its parser reads it; None when it is
    unset, empty, or cannot be read (then reported once, see ``take_problems``)."""
    try:
        return _read(name, environ)
    except BadValue as error:
        if name not in _shown:
            _problems[name] = f"${name} ignored: {error}"
        return None


def refused(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """Why the variable ``name`` is set but cannot be read, in words; None when it can be or is
    not set. Nothing reported (``value`` reports)."""
    try:
        _read(name, environ)
    except BadValue as error:
        return str(error)
    return None


def _read(name: str, environ: Mapping[str, str] | None) -> object | None:
    variable = BY_NAME[name]
    raw = (os.environ if environ is None else environ).get(name, "")
    if not raw.strip():
        return None
    return parse(variable, raw.strip() if variable.parser == "command" else raw)


def take_problems() -> list[str]:
    """The variables found unreadable since the last call, one line each; each only once."""
    lines = list(_problems.values())
    _shown.update(_problems)
    _problems.clear()
    return lines


def print_problems() -> None:
    """The command line's report of them: one line each on stderr, prefixed like its errors."""
    import sys

    for line in take_problems():
        print(f"supple: {line}", file=sys.stderr)
