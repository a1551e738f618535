"""Routines from other open workout tools: the registry of import formats, found by content.

Each format module declares one ``FORMAT`` (``supple.core.imports.base.Format``): the tool's
name, how to recognise its file and how to convert it, and its words for people. ``FORMATS``
collects them in the order they are tried; nothing else names a format. ``read_import(path)``
reads a file (size capped, never executed or trusted), finds which format it is, and returns
supple routines made from it, with what could not be carried over said in words. Anything that
is none of the formats is refused with a message naming the file and what it looked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, assert_never

from supple.core.imports import feeel, jawt, openhiit, supple_file, workrave
from supple.core.imports.base import (
    MAX_IMPORT_BYTES,
    MAX_ROUTINES_PER_IMPORT,
    MAX_USER_ROUTINES,
    Format,
    Imported,
    ImportProblem,
    Syntax,
)

__all__ = [
    "FORMATS",
    "MAX_IMPORT_BYTES",
    "MAX_ROUTINES_PER_IMPORT",
    "MAX_USER_ROUTINES",
    "Format",
    "ImportProblem",
    "Imported",
    "convert_text",
    "formats_in_words",
    "read_import",
]

# Tried in this order within a syntax; supple's own first, as the words name it first.
FORMATS: tuple[Format, ...] = (
    supple_file.FORMAT,
    jawt.FORMAT,
    openhiit.FORMAT,
    feeel.FORMAT,
    workrave.FORMAT,
)
OWN = supple_file.FORMAT
_BY_SYNTAX: dict[Syntax, tuple[Format, ...]] = {}
for _format in FORMATS:
    _BY_SYNTAX[_format.syntax] = (*_BY_SYNTAX.get(_format.syntax, ()), _format)


def _or(words: Iterable[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    items = list(words)
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)


def formats_in_words(*, kinds: bool = False) -> str:
    """ "a supple routine file, or a workout from X, Y or Z"; with ``kinds``, each tool's file
    in brackets: "X (JSON)"."""
    others = [f"{f.name} ({f.kind})" if kinds else f.name for f in FORMATS if f is not OWN]
    return f"a {OWN.name} routine file, or a workout from {_or(others)}"


def _syntax_words(syntax: Syntax) -> str:
    match syntax:
        case "json":
            return "JSON"
        case "xml":
            return "XML"
        case "toml":
            return "TOML"
        case _ as unreachable:
            assert_never(unreachable)


def _a_file(syntax: Syntax) -> str:
    match syntax:
        case "xml":
            return "an XML file"
        case "json" | "toml":
            return f"a {_syntax_words(syntax)} file"
        case _ as unreachable:
            assert_never(unreachable)


def read_import(path: Path) -> Imported:
    """The routines in ``path``; ImportProblem if it is unreadable or no known format."""
    from supple.core.files import read_capped, unreadable_reason

    try:
        raw = read_capped(path, MAX_IMPORT_BYTES)
    except OSError as error:
        raise ImportProblem(path, unreadable_reason(error)) from None
    for found in FORMATS:  # a container of several files (Feeel's zip) is not text
        detect, convert = found.detect_bytes, found.convert_bytes
        if detect is not None and convert is not None and detect(raw):
            return _own_timing(found, convert(raw, path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        expected = _or(_syntax_words(s) for s in dict.fromkeys(f.syntax for f in FORMATS))
        raise ImportProblem(path, f"not text (expected {expected})") from None
    return convert_text(text, path)


def _own_timing(found: Format, imported: Imported) -> Imported:
    """Another tool's routines keep that tool's timing (an imported Tabata's 10 s rests are its
    point): each is marked ``timing.fixed``, so the settings' get-ready and rests do not
    replace it. A supple file says for itself."""
    from supple.core.value import replace

    if len(imported.routines) > MAX_ROUTINES_PER_IMPORT:  # a format that did not cap them itself
        left = len(imported.routines) - MAX_ROUTINES_PER_IMPORT
        imported = replace(
            imported,
            routines=imported.routines[:MAX_ROUTINES_PER_IMPORT],
            notes=(
                *imported.notes,
                f"the first {MAX_ROUTINES_PER_IMPORT} routines were imported, {left:,} left out "
                f"(supple imports at most {MAX_ROUTINES_PER_IMPORT} routines from one file)",
            ),
        )
    if found is OWN:
        return imported
    return replace(imported, routines=tuple(replace(r, own_timing=True) for r in imported.routines))


def _syntax(text: str) -> Syntax:
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return "xml"
    if stripped.startswith(("{", "[")):
        return "json"
    return "toml"


def convert_text(text: str, path: Path) -> Imported:
    syntax = _syntax(text)
    candidates = _BY_SYNTAX.get(syntax, ())
    data: Any = text
    match syntax:
        case "json":
            import json

            try:
                data = json.loads(text)
            except (ValueError, RecursionError) as error:
                raise ImportProblem(path, f"not valid JSON ({error})") from None
        case "xml" | "toml":
            pass
        case _ as unreachable:
            assert_never(unreachable)
    for found in candidates:
        if found.detect(data):
            return _own_timing(found, found.convert(data, path))
    match syntax:
        case "json" | "xml":
            what = (
                f"{candidates[0].name}'s {candidates[0].kind}"
                if len(candidates) == 1
                else "one of " + _or(f"{f.name}'s" for f in candidates)
            )
            raise ImportProblem(path, f"{_a_file(syntax)}, but not {what}")
        case "toml":
            from supple.core.tomlcheck import BadToml, parse_document

            try:  # too deep or too large is said as `validate` says it
                parse_document(text)
            except BadToml as error:
                if not error.syntax:  # text that is no TOML at all: not a file supple imports
                    raise ImportProblem(path, str(error)) from None
            others = _or(f.name for f in FORMATS if f is not OWN)
            raise ImportProblem(
                path, f"not a file supple can import (a {OWN.name} routine, {others})"
            )
        case _ as unreachable:
            assert_never(unreachable)
