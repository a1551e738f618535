"""A supple routine file (an export, or one shared by someone), checked as `validate` does."""

from __future__ import annotations

from pathlib import Path

from supple.core.imports.base import Format, Imported, ImportProblem

NAME = "supple"


def detect(text: str) -> bool:
    """TOML with a schema line and [[exercise]] tables: what a supple routine file has."""
    return "schema" in text and "[[exercise]]" in text


def convert(text: str, path: Path) -> Imported:
    from supple.core.library_tables import tables_in
    from supple.core.packaged import routines_dir
    from supple.core.routine import LIBRARY_FOLDER, RoutineError, parse_routine
    from supple.core.tomlcheck import BadToml, parse_document

    try:  # as `validate` reads it: too deep or too large said so, as there
        _, data = parse_document(text)
    except BadToml as error:
        raise ImportProblem(path, str(error)) from None
    try:
        # `use = "cat-cow"`: a routine written by hand may use the bundled library's exercises
        library = tables_in(routines_dir() / LIBRARY_FOLDER)
        routine = parse_routine(data, path=path, text=text, source="user", library=library)
    except RoutineError as error:
        shown = "; ".join(str(p) for p in error.problems[:5])
        raise ImportProblem(path, f"a supple routine with problems: {shown}") from None
    return Imported(NAME, (routine,))


FORMAT = Format(
    name=NAME,
    syntax="toml",
    detect=detect,
    convert=convert,
    kind="TOML",
    about="supple itself: a routine written by `supple export`, or by hand.",
    file="a routine file (an export)",
    becomes="itself, checked",
)
