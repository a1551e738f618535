"""A program as plain data (what ``marshal`` keeps), so that `supple program` can keep the
program it checked in the parsed-file cache (``coach.program``) and make it again without
reading and checking its file: the same values, field by field."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from supple.core.program import MobilityTest, Program, TestKind, Workout
from supple.core.value import fields, replace


def as_kept(program: Program) -> tuple[Any, ...]:
    """The program as plain data (what ``marshal`` keeps): its fields in order, each workout's
    and test's too, a kind and the path as strings; ``from_kept`` makes it again."""
    return tuple(_kept(getattr(program, f.name)) for f in fields(Program))


def _kept(value: Any) -> Any:
    if isinstance(value, Program | Workout | MobilityTest):
        return tuple(_kept(getattr(value, f.name)) for f in fields(value))
    if isinstance(value, tuple):
        return tuple(_kept(v) for v in value)
    if isinstance(value, Path | StrEnum):
        return str(value)
    return value


def from_kept(data: object) -> Program | None:
    """The program ``as_kept`` gave, or None for anything else (a cache written otherwise)."""
    if not isinstance(data, tuple) or not _plain(data):
        return None
    try:
        values = dict(zip((f.name for f in fields(Program)), data, strict=True))
        values["workouts"] = tuple(Workout(*w) for w in values["workouts"])
        tests = (MobilityTest(*t) for t in values["tests"])
        values["tests"] = tuple(replace(t, kind=TestKind(t.kind)) for t in tests)
        values["path"] = None if values["path"] is None else Path(values["path"])
        program = Program(**values)
    except (TypeError, ValueError):
        return None
    return program if as_kept(program) == data else None


def _plain(data: object) -> bool:
    if isinstance(data, tuple):
        return all(_plain(item) for item in data)
    return data is None or isinstance(data, str | int | float)
