"""What every import format shares: the ``Format`` each format module declares, what a
conversion returns (``Imported``), and how a file is refused (``ImportProblem``).

Apart from the package so that the format modules import this, not the registry that imports
them: no cycle between ``supple.core.imports`` and its formats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

from supple.core.limits import MAX_USER_ROUTINES as MAX_USER_ROUTINES
from supple.core.routine import Routine
from supple.core.value import field, value_class

MAX_IMPORT_BYTES = 4 * 1024 * 1024  # a workout backup is kilobytes; anything larger is not one
# Caps on what an import writes (issue 24): routines from one file, and the person's own in all.
MAX_ROUTINES_PER_IMPORT = 100
MAX_VERSION = 9999  # a format's version number above this is no version at all

T = TypeVar("T")

# How a file's text is read before a format looks at it: by its first character.
Syntax = Literal["json", "xml", "toml"]


class ImportProblem(Exception):
    """A file that cannot be imported: the file, and what is wrong, in words."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@value_class(frozen=True)
class Imported:
    format: str  # the tool whose file this is
    routines: tuple[Routine, ...]
    dropped: tuple[str, ...] = field(default=())  # what did not map, one line each
    notes: tuple[str, ...] = field(default=())  # what else to know: a cap, a newer version


@value_class(frozen=True)
class Format:
    """One tool's files: who wrote them, how they are recognised and converted, and the words
    the CLI, the import screen, error messages and docs/importing.md use for them."""

    name: str  # the tool, as its users call it
    syntax: Syntax
    detect: Callable[[Any], bool]  # given the parsed JSON, or the text (XML, TOML)
    convert: Callable[[Any, Path], Imported]
    kind: str  # its file in a word or two: "JSON", ".feeel", "exercises.xml"
    about: str  # what the tool is and where its files come from (docs)
    file: str  # which of its files supple reads (docs)
    becomes: str  # what becomes what (docs)
    # A binary container of several files (Feeel's zip), tried on the raw bytes first.
    detect_bytes: Callable[[bytes], bool] | None = None
    convert_bytes: Callable[[bytes, Path], Imported] | None = None


def first_of(items: list[T], what: str) -> tuple[list[T], tuple[str, ...]]:
    """The first MAX_ROUTINES_PER_IMPORT of a file's ``items`` (its workouts, timers), taken
    before any is read, and the note saying what was left out."""
    if len(items) <= MAX_ROUTINES_PER_IMPORT:
        return items, ()
    left = len(items) - MAX_ROUTINES_PER_IMPORT
    return items[:MAX_ROUTINES_PER_IMPORT], (
        f"this file holds {len(items):,} {what}: the first {MAX_ROUTINES_PER_IMPORT} were "
        f"imported, {left:,} left out (supple imports at most {MAX_ROUTINES_PER_IMPORT} "
        "routines from one file)",
    )


def read_version(value: object, tool: str, key: str, known: int, path: Path) -> str | None:
    """A format's version number: None when it is one supple knows (or older), a note when it
    is newer (imported all the same, as that version is read), ImportProblem when it is no
    version number at all."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_VERSION:
        from supple.core.imports.text import clean_text

        shown = clean_text(str(value))[:20] if isinstance(value, int | float | str) else "not one"
        raise ImportProblem(
            path, f"{key} is {shown!r}: not a version number of {tool}'s files (1 to {MAX_VERSION})"
        )
    if value > known:
        return (
            f"{key} {value} is newer than supple knows ({known}): read as version {known}; "
            "check the imported routines"
        )
    return None
