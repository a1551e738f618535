"""The session record: one typed value per history file, for writer, validator, readers, exports.

Each field is declared once, with how it is read and written (its ``Spec``); the file's form, the
history index (which caches that form), ``--json`` and ``--csv`` are all derived from the fields.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args

from supple.core.limits import (
    LEVELS,
    MAX_EXERCISES,
    MAX_PLAN_SECONDS,
    MAX_REPS,
    MAX_SESSION_PLAN_SECONDS,
    MAX_SETS,
    SLUG,
    Level,
)
from supple.core.outcome import Outcome, outcome, practice
from supple.core.record_fields import BadRecord as BadRecord
from supple.core.record_fields import (
    as_found_in,
    flag,
    iso,
    never,
    number,
    one_of,
    place,
    rating,
    read_fields,
    read_schema,
    read_string,
    read_text,
    read_time,
    spec,
    specs,
    whole,
    write_fields,
)
from supple.core.schema import SCHEMA
from supple.core.value import field, replace, value_class
from supple.i18n import _

RecordStatus = Literal["completed", "stopped", "interrupted", "in_progress"]
ExerciseStatus = Literal["done", "partial", "skipped"]
# What the person chose after marking "this hurts" (the ``!`` key): carry on, ease the rest of
# this exercise, or skip it.
PainAction = Literal["none", "eased", "skipped"]
# What a record may say is what supple can write: the limits of a valid routine (with the
# settings' longest rests), never a guess at how long a session may last. A session may be paused
# for any time, and active time (which going back to an exercise adds to) is bounded by the wall
# time between start and end.
MAX_SETS_DONE = MAX_SETS
MAX_REPS_DONE = 2 * MAX_SETS * MAX_REPS  # each side


def _entries(label: str, value: Any) -> tuple[ExerciseEntry, ...]:
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise BadRecord(
            _("{key}: expected {tables} tables").format(key=label, tables="[[exercise]]")
        )
    return tuple(ExerciseEntry.from_toml(e, f"{label}[{i}]") for i, e in enumerate(value, 1))


def _toml_list(entries: tuple[ExerciseEntry, ...]) -> list[dict[str, Any]]:
    return [e.to_toml() for e in entries]


@value_class(frozen=True, slots=True)
class PainMark:
    """A "this hurts" mark: ``rating`` (0–10 pain) on the exercise ``exercise`` (its id), the
    plan's ``step`` (counted from 0, as ``exercises``), ``at`` seconds into the session."""

    exercise: str = field(metadata=spec(read_string))
    step: int = field(metadata=spec(whole(MAX_EXERCISES - 1)))
    rating: int = field(metadata=spec(rating))
    at: float = field(metadata=spec(number(math.inf)))
    action: PainAction = field(metadata=spec(one_of(get_args(PainAction), "action ")))
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    @classmethod
    def from_toml(cls, data: dict[str, Any], where: str) -> PainMark:
        return cls(**read_fields(cls, data, f"{where}."))

    def to_toml(self) -> dict[str, Any]:
        return write_fields(self, {})


def _marks(label: str, value: Any) -> tuple[PainMark, ...]:
    if not isinstance(value, list) or not all(isinstance(m, dict) for m in value):
        said = _("{key}: expected {tables} tables")
        raise BadRecord(said.format(key=label, tables="[[pain_mark]]"))
    return tuple(PainMark.from_toml(m, f"{label}[{i}]") for i, m in enumerate(value, 1))


def _marks_list(marks: tuple[PainMark, ...]) -> list[dict[str, Any]]:
    return [m.to_toml() for m in marks]


def _marks_text(marks: tuple[PainMark, ...]) -> str:
    """The marks in one CSV cell: ``cat-cow 6 eased; bird-dog 3``."""
    return "; ".join(
        f"{m.exercise} {m.rating}" + ("" if m.action == "none" else f" {m.action}") for m in marks
    )


def read_program(label: str, value: Any) -> str:
    """A program's id, as a program file spells it."""
    if not isinstance(value, str) or not re.fullmatch(SLUG, value):
        raise BadRecord(_("{key}: expected a program's id").format(key=label))
    return value


def _ids(label: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise BadRecord(_("{key}: expected a list of exercise ids").format(key=label))
    return tuple(value)


@value_class(frozen=True, slots=True)
class AdviceNote:
    """Advice applied on the strength of this session (``advice.toml`` keeps its reason and
    what it changed): its ``id``, its ``kind`` (``easier``, ``harder``), the exercises it
    stepped, when it was applied and, once undone, when."""

    id: str = field(metadata=spec(read_text))
    kind: str = field(metadata=spec(read_text))
    exercises: tuple[str, ...] = field(metadata=spec(_ids, write=list))
    applied_at: datetime = field(metadata=spec(read_time, write=iso))
    undone_at: datetime | None = field(
        default=None, metadata=spec(read_time, write=iso, optional=True)
    )
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    @classmethod
    def from_toml(cls, data: dict[str, Any], where: str) -> AdviceNote:
        return cls(**read_fields(cls, data, f"{where}."))

    def to_toml(self) -> dict[str, Any]:
        return write_fields(self, {})


def _notes(label: str, value: Any) -> tuple[AdviceNote, ...]:
    if not isinstance(value, list) or not all(isinstance(n, dict) for n in value):
        raise BadRecord(_("{key}: expected {tables} tables").format(key=label, tables="[[advice]]"))
    return tuple(AdviceNote.from_toml(n, f"{label}[{i}]") for i, n in enumerate(value, 1))


def _notes_list(notes: tuple[AdviceNote, ...]) -> list[dict[str, Any]]:
    return [n.to_toml() for n in notes]


def _notes_text(notes: tuple[AdviceNote, ...]) -> str:
    """The advice in one CSV cell: ``easier cat-cow,sphinx (undone); harder bridge``."""
    return "; ".join(
        f"{n.kind} {','.join(n.exercises)}" + ("" if n.undone_at is None else " (undone)")
        for n in notes
    )


# -- the record -------------------------------------------------------------------------------


@value_class(frozen=True, slots=True)
class ExerciseEntry:
    """What was done of one exercise: ``seconds`` of work (reps and holds) against the plan."""

    id: str = field(metadata=spec(read_string))
    name: str = field(metadata=spec(read_string))
    status: ExerciseStatus = field(metadata=spec(one_of(get_args(ExerciseStatus), text=False)))
    # The work done has no bound but the session's own (going back repeats it); the work
    # planned is part of a valid plan.
    seconds: float = field(metadata=spec(number(math.inf)))
    planned_seconds: float = field(metadata=spec(number(MAX_PLAN_SECONDS)))
    sets_done: int = field(metadata=spec(number(MAX_SETS_DONE)))
    sets_planned: int = field(metadata=spec(number(MAX_SETS_DONE)))
    reps_done: int = field(metadata=spec(number(MAX_REPS_DONE)))
    reps_planned: int = field(metadata=spec(number(MAX_REPS_DONE)))
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)

    @classmethod
    def from_toml(cls, data: dict[str, Any], where: str) -> ExerciseEntry:
        """One ``[[exercise]]`` table checked; ``where`` (``exercise[2]``) names it."""
        return cls(**read_fields(cls, data, f"{where}."))

    def to_toml(self) -> dict[str, Any]:
        return write_fields(self, {})


def counts(status: str, work: float, planned: float) -> bool:
    """The rule (``core.outcome``): the end was reached and at least ``COUNTS_SHARE`` of the
    planned work done."""
    return outcome(status, work, planned) is Outcome.COUNTS


def outcome_of(status: str, entries: tuple[ExerciseEntry, ...], routine: str = "") -> Outcome:
    """The rule applied to a session's exercises, with the sums a record makes of them (the
    live session asks this at its end, so its last frame and its record agree); ``routine``
    its id (one exercise played alone is practice)."""
    work = round(sum(e.seconds for e in entries), 1)
    planned = round(sum(e.planned_seconds for e in entries), 1)
    return outcome(status, work, planned, alone=practice(routine, len(entries)))


@value_class(frozen=True, slots=True)
class SessionRecord:
    """One session as stored. Numbers keep the type they were read with (an ``int`` stays an
    ``int``), so a file read and written again, and its JSON, are unchanged."""

    routine: str = field(metadata=spec(read_text))
    title: str = field(metadata=spec(read_text))
    level: Level = field(metadata=spec(one_of(LEVELS, "level ")))
    # With its UTC offset: the local day is where it was done.
    started: datetime = field(metadata=spec(read_time, write=iso))
    ended: datetime = field(metadata=spec(read_time, write=iso))
    status: RecordStatus = field(metadata=spec(one_of(get_args(RecordStatus), "status ")))
    active_seconds: float = field(metadata=spec(number(math.inf)))
    paused_seconds: float = field(metadata=spec(number(math.inf)))
    planned_seconds: float = field(metadata=spec(number(MAX_SESSION_PLAN_SECONDS)))
    exercises: tuple[ExerciseEntry, ...] = field(
        metadata=spec(
            _entries,
            write=_toml_list,
            key="exercise",
            tables=True,
            csv=("exercises_done", "exercises_total"),
        )
    )
    # The old check-in ("0 = very bad · 10 = great"): read and shown as it was, never converted.
    feeling_before: int | None = field(default=None, metadata=spec(rating, optional=True))
    feeling_after: int | None = field(default=None, metadata=spec(rating, optional=True))
    # Pain on the 0–10 numeric rating scale (0 = no pain, 10 = worst imaginable), before and
    # after, the next morning (``morning_at`` when answered; set alone, the question was skipped)
    # and the "this hurts" marks during the session.
    pain_before: int | None = field(default=None, metadata=spec(rating, optional=True))
    pain_after: int | None = field(default=None, metadata=spec(rating, optional=True))
    morning_pain: int | None = field(default=None, metadata=spec(rating, optional=True))
    morning_at: datetime | None = field(
        default=None, metadata=spec(read_time, write=iso, optional=True)
    )
    pain_marks: tuple[PainMark, ...] = field(
        default=(),
        metadata=spec(
            _marks,
            write=_marks_list,
            key="pain_mark",
            optional=True,
            tables=True,
            csv=("pain_max", "pain_marks"),
            csv_text=_marks_text,
        ),
    )
    # The advice applied on the strength of this session (``coach.advice``), and if undone.
    advice: tuple[AdviceNote, ...] = field(
        default=(),
        metadata=spec(
            _notes,
            write=_notes_list,
            key="advice",
            optional=True,
            tables=True,
            csv_text=_notes_text,
        ),
    )
    note: str = field(default="", metadata=spec(read_string, optional=True))
    # Where a session that did not reach its end stood: the exercise (counted from 1) it was in,
    # from whose start ``supple play --resume`` continues it. Absent once completed.
    stopped_in: int | None = field(default=None, metadata=spec(place, optional=True))
    # Logged by hand (``supple log``, the history's log key): done without the app, its work
    # entered by the person; counted by the same rule as any other.
    by_hand: bool = field(default=False, metadata=spec(flag, optional=True))
    # The program active when it was done (its id); absent in older files, which belong to the
    # first program (``core.program.program_of``). Counted only for that program.
    program: str | None = field(default=None, metadata=spec(read_program, optional=True))
    path: Path | None = field(default=None, metadata=spec(never, write=str, stored=False))
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
    def pain_max(self) -> int | None:
        """The highest "this hurts" mark, None without one."""
        return max((m.rating for m in self.pain_marks), default=None)

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
        return outcome_of(self.status, self.exercises, self.routine)

    # -- files and exports -------------------------------------------------------------------

    def to_toml(self) -> dict[str, Any]:
        """The file's content: keys in the order a parsed file has them; feelings and note only
        when set."""
        return write_fields(self, {"schema": self.schema})

    def to_json(self) -> dict[str, Any]:
        """One entry of ``supple history --json``: the file's content, where it is, and what it
        adds up to."""
        data = self.to_toml()  # a fresh dict: add to it rather than copy it again
        for f, s in specs(SessionRecord):
            if not s.stored:
                data[f.name] = s.write(getattr(self, f.name))
        for name, _reader in ADDED:
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
                row.append("" if value is None else value)
            elif s.csv_text is not None:
                row.append(s.csv_text(value))
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
            values = read_fields(cls, data, "", skip)
            if exercises is not None:
                values["exercises"] = exercises
            record = cls(**values, path=path, schema=schema)
            if record.ended < record.started:
                raise BadRecord(_("ended: before started"))
            wall = (record.ended - record.started).total_seconds() + 1  # whole seconds stored
            if record.active_seconds > wall:
                raise BadRecord(_("active_seconds: longer than the session itself"))
            if record.paused_seconds > wall:  # a pause lies within the session's own time
                raise BadRecord(_("paused_seconds: longer than the session itself"))
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


_SPEC = {f.name: s for f, s in specs(SessionRecord)}
(_TABLES,) = (f for f, s in specs(SessionRecord) if s.tables and not s.optional)  # exercises
_EXERCISES_KEY = _SPEC[_TABLES.name].key
# What the record adds up to, as ``--json`` adds it (after where the file is), and whether the
# CSV has it too (the planned work is in the file's entries: JSON readers add it up themselves).
ADDED = (("work_seconds", True), ("planned_work_seconds", False), ("counts", True))


def _csv_fields() -> tuple[str, ...]:
    """The CSV's columns: the times first (where a spreadsheet looks), then every field in its
    order (the exercises as two counts), then what the record adds up to."""
    ordered = sorted(
        specs(SessionRecord), key=lambda fs: fs[1].read is not read_time or fs[1].optional
    )
    columns = [name for f, s in ordered for name in (s.csv or (f.name,))]
    return (*columns, *(name for name, in_csv in ADDED if in_csv))


CSV_FIELDS = _csv_fields()


# The fields written after the session by others than its recorder (the next-morning answer, the
# advice applied on its strength): a checkpoint or a late check-in keeps them as the file holds
# them, so the app's record never writes a stale copy over a command's answer.
LATER = ("morning_pain", "morning_at", "advice")


def keep_later(mine: SessionRecord, on_disk: SessionRecord) -> SessionRecord:
    """``mine`` (the recorder's fields) with the LATER fields, and the keys this supple does not
    know, as ``on_disk`` holds them."""
    kept = {name: getattr(on_disk, name) for name in LATER}
    return replace(mine, unknown={**on_disk.unknown, **mine.unknown}, **kept)
