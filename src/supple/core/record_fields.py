"""How a field of the session record is read and written: its ``Spec``, the readers that check
a raw value from a file, and the generic read and write of a value class's declared fields.

``core/record.py`` declares the fields; this module is what each declaration is made of.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

from supple.core.limits import MAX_EXERCISES
from supple.core.schema import SCHEMA, newer, schema_of, unknown_keys
from supple.core.value import Field, fields, value_class
from supple.i18n import _


class BadRecord(Exception):
    """A history file that cannot be trusted; ``reason`` says why in a few words. ``newer``: the
    file has a newer schema than this supple reads, so it is left alone (never quarantined)."""

    def __init__(self, reason: str, *, newer: bool = False) -> None:
        self.reason = reason
        self.newer = newer
        super().__init__(reason)


def read_schema(data: dict[str, Any]) -> int:
    """The schema of a parsed file this supple can read (its own or a newer one); BadRecord
    for any other (missing, not a whole number, older)."""
    schema = schema_of(data)
    if schema is None:
        raise BadRecord(
            f"unknown schema {data.get('schema')!r} (this supple reads schema {SCHEMA})"
        )
    return schema


def as_found_in(bad: BadRecord, schema: int) -> BadRecord:
    """``bad`` as found in a file of ``schema``: in a newer supple's file it is marked ``newer``
    (what could not be read is left where it is, never quarantined)."""
    if newer(schema) and not bad.newer:
        return BadRecord(f"{bad.reason} (schema {schema}, newer)", newer=True)
    return bad


# -- how a field is read and written ------------------------------------------------------------

Reader = Callable[[str, Any], Any]  # (the key's label in messages, the raw value) -> the value


def same(value: Any) -> Any:
    return value


def never(label: str, value: Any) -> Any:
    raise AssertionError(f"{label} is not read from a file")  # ``stored=False`` fields


@value_class(frozen=True, slots=True)
class Spec:
    """How one field lives in the file: read (checked) with ``read``, written with ``write``."""

    read: Reader
    write: Callable[[Any], Any] = same
    key: str = ""  # its key in the file, when not the field's name
    optional: bool = False  # may be absent; written only when it differs from its default
    stored: bool = True  # False: known only once read (where the file is), never in the file
    tables: bool = False  # an array of tables: written after every plain value, as TOML wants
    csv: tuple[str, ...] = ()  # the CSV columns that stand for it, when not its own value
    # Its own CSV column's text, when not what ``write`` gives (a list in one cell).
    csv_text: Callable[[Any], str] | None = None


def spec(read: Reader, **options: Any) -> dict[str, Spec]:
    """A value field's metadata: how it is read and written."""
    return {"spec": Spec(read, **options)}


def read_text(label: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise BadRecord(_("{key}: missing or not text").format(key=label))
    return value


def read_string(label: str, value: Any) -> str:
    if not isinstance(value, str):
        raise BadRecord(_("{key}: expected text").format(key=label))
    return value


def one_of(allowed: tuple[str, ...], noun: str = "", *, text: bool = True) -> Reader:
    """One of ``allowed`` (a Literal's values); ``noun`` names it in the message."""

    def read(label: str, value: Any) -> Any:
        if text:
            read_text(label, value)
        if value not in allowed:
            # Translators: {noun} is the field's English name and a space ("level "), or nothing
            said = _("{key}: unknown {noun}{value}")
            raise BadRecord(said.format(key=label, noun=noun, value=repr(value)))
        return value

    return read


def number(high: float) -> Reader:
    """A number as read (int or float, so a round trip keeps it); BadRecord unless 0..high."""

    def read(label: str, value: Any) -> Any:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            said = _("{key}: expected a number, got {value}")
            raise BadRecord(said.format(key=label, value=repr(value)))
        if not 0 <= value <= high:
            from supple.core.words import decimal

            limit = (
                _("0 or more") if high == math.inf else _("0 to {high}").format(high=decimal(high))
            )
            said = _("{key}: {value} is impossible ({limit})")
            raise BadRecord(said.format(key=label, value=value, limit=limit))
        return value

    return read


def read_time(label: str, value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        said = _("{key}: expected an ISO 8601 time with offset, got {value}")
        raise BadRecord(said.format(key=label, value=repr(value)))
    return parsed


def iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def whole(high: int) -> Reader:
    """A whole number from 0 to ``high``; BadRecord otherwise."""

    def read(label: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            said = _("{key}: expected a whole number from {low} to {high}, got {value}")
            raise BadRecord(said.format(key=label, low=0, high=high, value=repr(value)))
        return value

    return read


rating = whole(10)  # a 0–10 rating: the old feelings, the pain scale


def place(label: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_EXERCISES:
        said = _("{key}: expected a whole number from {low} to {high}, got {value}")
        raise BadRecord(said.format(key=label, low=1, high=MAX_EXERCISES, value=repr(value)))
    return value


def flag(label: str, value: Any) -> bool:
    if not isinstance(value, bool):
        said = _("{key}: expected true or false, got {value}")
        raise BadRecord(said.format(key=label, value=repr(value)))
    return value


@cache
def specs(cls: type) -> tuple[tuple[Field[Any], Spec], ...]:
    return tuple((f, f.metadata["spec"]) for f in fields(cls) if "spec" in f.metadata)


@cache
def reading(cls: type) -> tuple[tuple[tuple[str, str, Reader, bool], ...], frozenset[str]]:
    """(field name, key, reader, optional) of each field read from a file, and every key
    ``cls`` knows: worked out once, as a large history reads thousands of records."""
    read = tuple((f.name, s.key or f.name, s.read, s.optional) for f, s in specs(cls) if s.stored)
    return read, frozenset(["schema", *(key for _, key, _, _ in read)])


def read_fields(cls: type, data: dict[str, Any], prefix: str, skip: str = "") -> dict[str, Any]:
    """The declared fields of ``cls`` read from ``data`` (the field ``skip`` left out), and
    ``unknown``: the keys no field declares, kept so that a rewrite keeps them."""
    values: dict[str, Any] = {}
    read, known = reading(cls)
    for name, key, reader, optional in read:
        if name == skip or (optional and key not in data):
            continue
        values[name] = reader(prefix + key if prefix else key, data.get(key))
    values["unknown"] = unknown_keys(data, known)
    return values


@cache
def writing(cls: type) -> tuple[tuple[str, str, Callable[[Any], Any] | None, bool, Any], ...]:
    """(field name, key, writer or None to write it as it is, tables, the default it is left
    out at or ``ALWAYS``) of each field written to a file, in the file's order."""
    return tuple(
        (
            f.name,
            s.key or f.name,
            None if s.write is same else s.write,
            s.tables,
            f.default if s.optional else ALWAYS,
        )
        for f, s in specs(cls)
        if s.stored
    )


ALWAYS = object()


def write_fields(value: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The stored fields of ``value`` into ``data`` in their order (optional ones only when
    set), then the keys it did not know, then its arrays of tables."""
    tables: dict[str, Any] | None = None
    cls: type = type(value)
    for name, key, writer, is_tables, default in writing(cls):
        current = getattr(value, name)
        if default is not ALWAYS and current == default:
            continue
        if writer is not None:
            current = writer(current)
        if is_tables:
            tables = {} if tables is None else tables
            tables[key] = current
        else:
            data[key] = current
    if value.unknown:
        data.update(value.unknown)
    if tables:
        data.update(tables)
    return data
