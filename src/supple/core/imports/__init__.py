"""Routines from other open workout tools: each format in a module of its own, found by content.

``read_import(path)`` reads a file (size capped, never executed or trusted), finds which
format it is, and returns supple routines made from it, with what could not be carried over
said in words. Anything that is none of the formats is refused with a message naming the file
and what it looked for. Each module has ``NAME`` (the tool's name), ``detect(data) -> bool``
and ``convert(data, path) -> Imported``; JSON modules get the parsed JSON, XML ones the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supple.core.routine import Routine

MAX_IMPORT_BYTES = 4 * 1024 * 1024  # a workout backup is kilobytes; anything larger is not one


class ImportProblem(Exception):
    """A file that cannot be imported: the file, and what is wrong, in words."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class Imported:
    format: str  # the tool whose file this is
    routines: tuple[Routine, ...]
    dropped: tuple[str, ...] = field(default=())  # what did not map, one line each


def read_import(path: Path) -> Imported:
    """The routines in ``path``; ImportProblem if it is unreadable or no known format."""
    from supple.core.files import read_capped, unreadable_reason

    try:
        raw = read_capped(path, MAX_IMPORT_BYTES)
    except OSError as error:
        raise ImportProblem(path, unreadable_reason(error)) from None
    from supple.core.imports import feeel

    if feeel.is_zip(raw):  # Feeel's "export all": a zip of .feeel files
        return feeel.convert_zip(raw, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem(path, "not text (expected JSON, XML or TOML)") from None
    return convert_text(text, path)


def convert_text(text: str, path: Path) -> Imported:
    from supple.core.imports import feeel, jawt, openhiit, supple_file, workrave

    stripped = text.lstrip()
    if stripped.startswith("<"):
        if workrave.detect(text):
            return workrave.convert(text, path)
        raise ImportProblem(path, "an XML file, but not Workrave's exercises.xml")
    if stripped.startswith(("{", "[")):
        import json

        try:
            data: Any = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise ImportProblem(path, f"not valid JSON ({error})") from None
        if jawt.detect(data):
            return jawt.convert(data, path)
        if openhiit.detect(data):
            return openhiit.convert(data, path)
        if feeel.detect(data):
            return feeel.convert(data, path)
        raise ImportProblem(
            path,
            "a JSON file, but not one of Just Another Workout Timer's, OpenHIIT's or Feeel's",
        )
    if supple_file.detect(text):
        return supple_file.convert(text, path)
    raise ImportProblem(
        path,
        "not a file supple can import (a supple routine, Just Another Workout Timer, OpenHIIT, "
        "Feeel or Workrave)",
    )
