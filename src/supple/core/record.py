"""The session record: one typed value per history file, for writer, validator, readers, exports.

Each field is declared once, with how it is read and written (its ``Spec``); the file's form, the
history index (which caches that form), ``--json`` and ``--csv`` are all derived from the fields.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

from supple.core.outcome import Outcome, outcome
from supple.core.routine import (
    LEVELS,
    MAX_EXERCISES,
    MAX_PLAN_SECONDS,
    MAX_REPS,
    MAX_SESSION_PLAN_SECONDS,
    MAX_SETS,
    Level,
)
from supple.core.schema import SCHEMA, newer, schema_of, unknown_keys
from supple.core.value import Field, field, fields, value_class

RecordStatus = Literal["completed", "stopped", "interrupted", "in_progress"]
ExerciseStatus = Literal["done", "partial", "skipped"]
# What a record may say is what supple can write: the limits of a valid routine (with the
# settings' longest rests), never a guess at how long a session may last. A session may be paused
# for any time, and active time (which going back to an exercise adds to) is bounded by the wall
# time between start and end.
MAX_SETS_DONE = MAX_SETS
MAX_REPS_DONE = 2 * MAX_SETS * MAX_REPS  # each side


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


def _same(value: Any) -> Any:
    return value


def _never(label: str, value: Any) -> Any:
    raise AssertionError(f"{label} is not read from a file")  # ``stored=False`` fields


@value_class(frozen=True, slots=True)
class Spec:
    """How one field lives in the file: read (checked) with ``read``, written with ``write``."""

    read: Reader
    write: Callable[[Any], Any] = _same
    key: str = ""  # its key in the file, when not the field's name
    optional: bool = False  # may be absent; written only when it differs from its default
    stored: bool = True  # False: known only once read (where the file is), never in the file
    tables: bool = False  # an array of tables: written after every plain value, as TOML wants
    csv: tuple[str, ...] = ()  # the CSV columns that stand for it, when not its own value


def spec(read: Reader, **options: Any) -> dict[str, Spec]:
    """A value field's metadata: how it is read and written."""
    return {"spec": Spec(read, **options)}


def _text(label: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise BadRecord(f"{label}: missing or not text")
    return value


def _string(label: str, value: Any) -> str:
    if not isinstance(value, str):
        raise BadRecord(f"{label}: expected text")
    return value


def _one_of(allowed: tuple[str, ...], noun: str = "", *, text: bool = True) -> Reader:
    """One of ``allowed`` (a Literal's values); ``noun`` names it in the message."""

    def read(label: str, value: Any) -> Any:
        if text:
            _text(label, value)
        if value not in allowed:
            raise BadRecord(f"{label}: unknown {noun}{value!r}")
        return value

    return read


def _number(high: float) -> Reader:
    """A number as read (int or float, so a round trip keeps it); BadRecord unless 0..high."""

    def read(label: str, value: Any) -> Any:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise BadRecord(f"{label}: expected a number, got {value!r}")
        if not 0 <= value <= high:
            limit = "0 or more" if high == math.inf else f"0 to {high:g}"
            raise BadRecord(f"{label}: {value} is impossible ({limit})")
        return value

    return read


def _time(label: str, value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise BadRecord(f"{label}: expected an ISO 8601 time with offset, got {value!r}")
    return parsed


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _feeling(label: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise BadRecord(f"{label}: expected a whole number from 0 to 10, got {value!r}")
    return value


def _place(label: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_EXERCISES:
        raise BadRecord(
            f"{label}: expected a whole number from 1 to {MAX_EXERCISES}, got {value!r}"
        )
    return value


def _flag(label: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadRecord(f"{label}: expected true or false, got {value!r}")
    return value


def _entries(label: str, value: Any) -> tuple[ExerciseEntry, ...]:
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise BadRecord(f"{label}: expected [[exercise]] tables")
    return tuple(ExerciseEntry.from_toml(e, f"{label}[{i}]") for i, e in enumerate(value, 1))


def _toml_list(entries: tuple[ExerciseEntry, ...]) -> list[dict[str, Any]]:
    return [e.to_toml() for e in entries]


@cache
def _specs(cls: type) -> tuple[tuple[Field[Any], Spec], ...]:
    return tuple((f, f.metadata["spec"]) for f in fields(cls) if "spec" in f.metadata)


@cache
def _reading(cls: type) -> tuple[tuple[tuple[str, str, Reader, bool], ...], frozenset[str]]:
    """(field name, key, reader, optional) of each field read from a file, and every key
    ``cls`` knows: worked out once, as a large history reads thousands of records."""
    read = tuple((f.name, s.key or f.name, s.read, s.optional) for f, s in _specs(cls) if s.stored)
    return read, frozenset(["schema", *(key for _, key, _, _ in read)])


def _read(cls: type, data: dict[str, Any], prefix: str, skip: str = "") -> dict[str, Any]:
    """The declared fields of ``cls`` read from ``data`` (the field ``skip`` left out), and
    ``unknown``: the keys no field declares, kept so that a rewrite keeps them."""
    values: dict[str, Any] = {}
    read, known = _reading(cls)
    for name, key, reader, optional in read:
        if name == skip or (optional and key not in data):
            continue
        values[name] = reader(prefix + key if prefix else key, data.get(key))
    values["unknown"] = unknown_keys(data, known)
    return values


@cache
def _writing(cls: type) -> tuple[tuple[str, str, Callable[[Any], Any] | None, bool, Any], ...]:
    """(field name, key, writer or None to write it as it is, tables, the default it is left
    out at or ``_ALWAYS``) of each field written to a file, in the file's order."""
    return tuple(
        (
            f.name,
            s.key or f.name,
            None if s.write is _same else s.write,
            s.tables,
            f.default if s.optional else _ALWAYS,
        )
        for f, s in _specs(cls)
        if s.stored
    )


_ALWAYS = object()


def _write(value: ExerciseEntry | SessionRecord, data: dict[str, Any]) -> dict[str, Any]:
    """The stored fields of ``value`` into ``data`` in their order (optional ones only when
    set), then the keys it did not know, then its arrays of tables."""
    tables: dict[str, Any] | None = None
    cls: type = type(value)
    for name, key, writer, is_tables, default in _writing(cls):
        current = getattr(value, name)
        if default is not _ALWAYS and current == default:
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


# -- the record -------------------------------------------------------------------------------


@value_class(frozen=True, slots=True)
class ExerciseEntry:
    """What was done of one exercise: ``seconds`` of work (reps and holds) against the plan."""

    id: str = field(metadata=spec(_string))
    name: str = field(metadata=spec(_string))
    status: ExerciseStatus = field(metadata=spec(_one_of(get_args(ExerciseStatus), text=False)))
    # The work done has no bound but the session's own (going back repeats it); the work
    # planned is part of a valid plan.
    seconds: float = field(metadata=spec(_number(math.inf)))
    planned_seconds: float = field(metadata=spec(_number(MAX_PLAN_SECONDS)))
    sets_done: int = field(metadata=spec(_number(MAX_SETS_DONE)))
    sets_planned: int = field(metadata=spec(_number(MAX_SETS_DONE)))
    reps_done: int = field(metadata=spec(_number(MAX_REPS_DONE)))
    reps_planned: int = field(metadata=spec(_number(MAX_REPS_DONE)))
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    @classmethod
    def from_toml(cls, data: dict[str, Any], where: str) -> ExerciseEntry:
        """One ``[[exercise]]`` table checked; ``where`` (``exercise[2]``) names it."""
        return cls(**_read(cls, data, f"{where}."))

    def to_toml(self) -> dict[str, Any]:
        return _write(self, {})


def counts(status: str, work: float, planned: float) -> bool:
    """The rule (``core.outcome``): the end was reached and at least ``COUNTS_SHARE`` of the
    planned work done."""
    return outcome(status, work, planned) is Outcome.COUNTS


def outcome_of(status: str, entries: tuple[ExerciseEntry, ...]) -> Outcome:
    """The rule applied to a session's exercises, with the sums a record makes of them (the
    live session asks this at its end, so its last frame and its record agree)."""
    work = round(sum(e.seconds for e in entries), 1)
    planned = round(sum(e.planned_seconds for e in entries), 1)
    return outcome(status, work, planned)


@value_class(frozen=True, slots=True)
class SessionRecord:
    """One session as stored. Numbers keep the type they were read with (an ``int`` stays an
    ``int``), so a file read and written again, and its JSON, are unchanged."""

    routine: str = field(metadata=spec(_text))
    title: str = field(metadata=spec(_text))
    level: Level = field(metadata=spec(_one_of(LEVELS, "level ")))
    # With its UTC offset: the local day is where it was done.
    started: datetime = field(metadata=spec(_time, write=_iso))
    ended: datetime = field(metadata=spec(_time, write=_iso))
    status: RecordStatus = field(metadata=spec(_one_of(get_args(RecordStatus), "status ")))
    active_seconds: float = field(metadata=spec(_number(math.inf)))
    paused_seconds: float = field(metadata=spec(_number(math.inf)))
    planned_seconds: float = field(metadata=spec(_number(MAX_SESSION_PLAN_SECONDS)))
    exercises: tuple[ExerciseEntry, ...] = field(
        metadata=spec(
            _entries,
            write=_toml_list,
            key="exercise",
            tables=True,
            csv=("exercises_done", "exercises_total"),
        )
    )
    feeling_before: int | None = field(default=None, metadata=spec(_feeling, optional=True))
    feeling_after: int | None = field(default=None, metadata=spec(_feeling, optional=True))
    note: str = field(default="", metadata=spec(_string, optional=True))
    # Where a session that did not reach its end stood: the exercise (counted from 1) it was in,
    # from whose start ``supple play --resume`` continues it. Absent once completed.
    stopped_in: int | None = field(default=None, metadata=spec(_place, optional=True))
    # Logged by hand (``supple log``, the history's log key): done without the app, its work
    # entered by the person; counted by the same rule as any other.
    by_hand: bool = field(default=False, metadata=spec(_flag, optional=True))
    path: Path | None = field(default=None, metadata=spec(_never, write=str, stored=False))
    # Forward compatibility: the schema it was read with (a newer one is never rewritten) and
    # the keys this supple does not know, written back as they were.
    schema: int = SCHEMA
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    # -- what the record adds up to ----------------------------------------------------------

    @property
    def exercises_done(self) -> int:
        return sum(1 for e in self.exercises if e.status == "done")

    @property
    def exercises_total(self) -> int:
        return len(self.exercises)

    @property
    def work_seconds(self) -> float:
        """Seconds of reps and holds done (not get-ready, rest or switching sides)."""
        return round(sum(e.seconds for e in self.exercises), 1)

    @property
    def planned_work_seconds(self) -> float:
        return round(sum(e.planned_seconds for e in self.exercises), 1)

    @property
    def counts(self) -> bool:
        """Reached its end with at least ``COUNTS_SHARE`` of the planned work done. Derived on
        reading, so older files are judged by the same rule and no file is rewritten."""
        return self.outcome is Outcome.COUNTS

    @property
    def outcome(self) -> Outcome:
        """How the session stands by the rule: every word about how it went reads this."""
        return outcome_of(self.status, self.exercises)

    # -- files and exports -------------------------------------------------------------------

    def to_toml(self) -> dict[str, Any]:
        """The file's content: keys in the order a parsed file has them; feelings and note only
        when set."""
        return _write(self, {"schema": self.schema})

    def to_json(self) -> dict[str, Any]:
        """One entry of ``supple history --json``: the file's content, where it is, and what it
        adds up to."""
        data = self.to_toml()  # a fresh dict: add to it rather than copy it again
        for f, s in _specs(SessionRecord):
            if not s.stored:
                data[f.name] = s.write(getattr(self, f.name))
        for name, _ in ADDED:
            data[name] = getattr(self, name)
        return data

    def csv_row(self) -> list[Any]:
        """The values of ``CSV_FIELDS``, in order (an unset feeling or note is empty)."""
        row: list[Any] = []
        for name in CSV_FIELDS:
            value = getattr(self, name)
            s = _SPEC.get(name)
            if isinstance(value, bool):
                row.append("true" if value else "false")
            elif s is None:
                row.append(value)
            else:
                row.append("" if s.optional and value is None else s.write(value))
        return row

    # -- reading -----------------------------------------------------------------------------

    @classmethod
    def from_toml(
        cls,
        data: dict[str, Any],
        path: Path | None = None,
        *,
        exercises: tuple[ExerciseEntry, ...] | None = None,
    ) -> SessionRecord:
        """Validate a parsed file; BadRecord naming what is impossible. Unknown keys are kept
        (``unknown``) and a newer schema is read for what can be read: files written by a newer
        supple stay readable. ``exercises``: the entries of ``data["exercise"]``, already
        checked (``trusted`` shares them)."""
        schema = read_schema(data)
        try:
            skip = "" if exercises is None else _TABLES.name
            values = _read(cls, data, "", skip)
            if exercises is not None:
                values["exercises"] = exercises
            record = cls(**values, path=path, schema=schema)
            if record.ended < record.started:
                raise BadRecord("ended: before started")
            if record.active_seconds > (record.ended - record.started).total_seconds() + 1:
                raise BadRecord("active_seconds: longer than the session itself")
        except BadRecord as bad:
            raise as_found_in(bad, schema) from None
        return record

    @classmethod
    def trusted(
        cls,
        data: dict[str, Any],
        path: Path,
        entries: dict[tuple[Any, ...], ExerciseEntry] | None = None,
    ) -> SessionRecord:
        """A record from ``to_toml()`` output cached before (the history index). The cache is
        not trusted blindly: the record is checked as a file is (``from_toml``), except that
        equal exercise entries are checked once and shared between records (most sessions
        repeat the same ones), which keeps a large history quick to load. KeyError, TypeError
        or ValueError if ``data`` is not such output, whatever is wrong with it."""
        # Only this supple's own records are cached: a schema other than ours in the cache is
        # a lie (or a newer supple's file, which is read from the file each time, as it is).
        if type(data.get("schema")) is not int or data["schema"] != SCHEMA:
            raise ValueError("schema: not this supple's")
        shared = {} if entries is None else entries
        raw = data[_EXERCISES_KEY]
        if type(raw) is not list:
            raise TypeError("exercise: expected a list")
        exercises = []
        try:
            for index, exercise in enumerate(raw, 1):
                if type(exercise) is not dict:
                    raise TypeError("exercise: expected tables")
                # The keys too: an entry with a key more or less is another entry.
                values = (*exercise, *exercise.values())  # TypeError if one is a list
                entry = shared.get(values)
                if entry is None:
                    where = f"{_EXERCISES_KEY}[{index}]"
                    entry = shared[values] = ExerciseEntry.from_toml(exercise, where)
                exercises.append(entry)
            return cls.from_toml(data, path, exercises=tuple(exercises))
        except BadRecord as bad:
            raise ValueError(bad.reason) from None


_SPEC = {f.name: s for f, s in _specs(SessionRecord)}
(_TABLES,) = (f for f, s in _specs(SessionRecord) if s.tables)  # the exercises
_EXERCISES_KEY = _SPEC[_TABLES.name].key
# What the record adds up to, as ``--json`` adds it (after where the file is), and whether the
# CSV has it too (the planned work is in the file's entries: JSON readers add it up themselves).
ADDED = (("work_seconds", True), ("planned_work_seconds", False), ("counts", True))


def _csv_fields() -> tuple[str, ...]:
    """The CSV's columns: the times first (where a spreadsheet looks), then every field in its
    order (the exercises as two counts), then what the record adds up to."""
    ordered = sorted(_specs(SessionRecord), key=lambda fs: fs[1].read is not _time)
    columns = [name for f, s in ordered for name in (s.csv or (f.name,))]
    return (*columns, *(name for name, in_csv in ADDED if in_csv))


CSV_FIELDS = _csv_fields()
