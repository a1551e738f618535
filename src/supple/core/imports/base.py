"""What every import format shares: the ``Format`` each format module declares, what a
conversion returns (``Imported``), and how a file is refused (``ImportProblem``).

Apart from the package so that the format modules import this, not the registry that imports
them: no cycle between ``supple.core.imports`` and its formats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from supple.core.routine import Routine
from supple.core.value import field, value_class

MAX_IMPORT_BYTES = 4 * 1024 * 1024  # a workout backup is kilobytes; anything larger is not one

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
