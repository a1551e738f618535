"""The library's exercise tables as written, by id: what a routine's `use =` reads. Read once
per folder, and only when a routine first uses one (``supple list`` of routines that use none
reads no library file). Checking them is core/library.py's; a table that does not read here is
left out, and a routine using it is told there is no such exercise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from supple.core.tomlcheck import FileProblems, read_toml

EXERCISE = "exercise"  # the library file's list of tables: a routine's own key


def library_files(folder: Path) -> list[Path]:
    """The library's files, by name: one per area (`<area>.toml`)."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".toml")
    except OSError:
        return []


@cache
def read_tables(folder: Path) -> Mapping[str, dict[str, Any]]:
    """Every exercise table of the library, by its id (the first of an id wins)."""
    tables: dict[str, dict[str, Any]] = {}
    for path in library_files(folder):
        try:
            data = read_toml(path)[1]
        except FileProblems:
            continue
        raw = data.get(EXERCISE)
        for table in raw if isinstance(raw, list) else ():
            if isinstance(table, dict) and isinstance(table.get("id"), str):
                tables.setdefault(table["id"], table)
    return tables


def tables_in(folder: Path) -> Callable[[], Mapping[str, dict[str, Any]]]:
    """The library in ``folder``, read when first asked for (its path resolved once)."""
    resolved: list[Path] = []

    def tables() -> Mapping[str, dict[str, Any]]:
        if not resolved:
            resolved.append(folder.resolve())
        return read_tables(resolved[0])

    return tables
