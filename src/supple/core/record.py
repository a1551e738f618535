"""The session record: one typed value per history file, for writer, validator, readers, exports."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, cast

from supple.core.files import SCHEMA
from supple.core.routine import (
    LEVELS,
    MAX_PLAN_SECONDS,
    MAX_REPS,
    MAX_SESSION_PLAN_SECONDS,
    MAX_SETS,
    Level,
)

RecordStatus = Literal["completed", "stopped", "interrupted", "in_progress"]
ExerciseStatus = Literal["done", "partial", "skipped"]
STATUSES: tuple[RecordStatus, ...] = ("completed", "stopped", "interrupted", "in_progress")
EXERCISE_STATUSES: tuple[ExerciseStatus, ...] = ("done", "partial", "skipped")
# What a record may say is what supple can write: the limits of a valid routine (with the
# settings' longest rests), never a guess at how long a session may last. A session may be paused
# for any time, and active time (which going back to an exercise adds to) is bounded by the wall
# time between start and end.
MAX_COUNTS = {
    "sets_done": MAX_SETS,
    "sets_planned": MAX_SETS,
    "reps_done": 2 * MAX_SETS * MAX_REPS,  # each side
    "reps_planned": 2 * MAX_SETS * MAX_REPS,
}
# A session counts (for streaks, weeks, the program) when it reached its end with at least this
# share of its planned work done: most of it, yet someone who skips one painful hold of three
# still trained, while skipping through every exercise to the end is not a workout.
COUNTS_SHARE = 0.5
EXERCISE_NUMBERS = (
    "seconds",
    "planned_seconds",
    "sets_done",
    "sets_planned",
    "reps_done",
    "reps_planned",
)
CSV_FIELDS = (
    "started",
    "ended",
    "routine",
    "title",
    "level",
    "status",
    "active_seconds",
    "paused_seconds",
    "planned_seconds",
    "exercises_done",
    "exercises_total",
    "feeling_before",
    "feeling_after",
    "note",
    "path",
    "work_seconds",
    "counts",
)


class BadRecord(Exception):
    """A history file that cannot be trusted; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    """What was done of one exercise: ``seconds`` of work (reps and holds) against the plan."""

    id: str
    name: str
    status: ExerciseStatus
    seconds: float
    planned_seconds: float
    sets_done: int
    sets_planned: int
    reps_done: int
    reps_planned: int

    def to_toml(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "seconds": self.seconds,
            "planned_seconds": self.planned_seconds,
            "sets_done": self.sets_done,
            "sets_planned": self.sets_planned,
            "reps_done": self.reps_done,
            "reps_planned": self.reps_planned,
        }


def counts(status: str, work: float, planned: float) -> bool:
    """The rule: the end was reached and at least ``COUNTS_SHARE`` of the planned work done."""
    return status == "completed" and planned > 0 and work >= COUNTS_SHARE * planned


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session as stored. Numbers keep the type they were read with (an ``int`` stays an
    ``int``), so a file read and written again, and its JSON, are unchanged."""

    routine: str
    title: str
    level: Level
    started: datetime  # with its UTC offset: the local day is where it was done
    ended: datetime
    status: RecordStatus
    active_seconds: float
    paused_seconds: float
    planned_seconds: float
    exercises: tuple[ExerciseEntry, ...]
    feeling_before: int | None = None
    feeling_after: int | None = None
    note: str = ""
    path: Path | None = None

    # -- what the record adds up to ----------------------------------------------------------

    @property
    def exercises_done(self) -> int:
        return sum(1 for e in self.exercises if e.status == "done")

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
        return counts(self.status, self.work_seconds, self.planned_work_seconds)

    # -- files and exports -------------------------------------------------------------------

    def to_toml(self) -> dict[str, Any]:
        """The file's content: keys in the order a parsed file has them; feelings and note only
        when set."""
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "routine": self.routine,
            "title": self.title,
            "level": self.level,
            "started": self.started.isoformat(timespec="seconds"),
            "ended": self.ended.isoformat(timespec="seconds"),
            "status": self.status,
            "active_seconds": self.active_seconds,
            "paused_seconds": self.paused_seconds,
            "planned_seconds": self.planned_seconds,
        }
        if self.feeling_before is not None:
            data["feeling_before"] = self.feeling_before
        if self.feeling_after is not None:
            data["feeling_after"] = self.feeling_after
        if self.note:
            data["note"] = self.note
        data["exercise"] = [e.to_toml() for e in self.exercises]
        return data

    def to_json(self) -> dict[str, Any]:
        """One entry of ``supple history --json``: the file's content, where it is, and what it
        adds up to."""
        data = self.to_toml()  # a fresh dict: add to it rather than copy it again
        work, planned = self.work_seconds, self.planned_work_seconds
        data["path"] = str(self.path)
        data["work_seconds"] = work
        data["planned_work_seconds"] = planned
        data["counts"] = (
            self.status == "completed" and planned > 0 and work >= COUNTS_SHARE * planned
        )
        return data

    def csv_row(self) -> list[Any]:
        """The values of ``CSV_FIELDS``, in order (an unset feeling or note is empty)."""
        values: dict[str, Any] = {
            "started": self.started.isoformat(timespec="seconds"),
            "ended": self.ended.isoformat(timespec="seconds"),
            "routine": self.routine,
            "title": self.title,
            "level": self.level,
            "status": self.status,
            "active_seconds": self.active_seconds,
            "paused_seconds": self.paused_seconds,
            "planned_seconds": self.planned_seconds,
            "exercises_done": self.exercises_done,
            "exercises_total": len(self.exercises),
            "feeling_before": "" if self.feeling_before is None else self.feeling_before,
            "feeling_after": "" if self.feeling_after is None else self.feeling_after,
            "note": self.note,
            "path": str(self.path),
            "work_seconds": self.work_seconds,
            "counts": "true" if self.counts else "false",
        }
        return [values[field] for field in CSV_FIELDS]

    # -- reading -----------------------------------------------------------------------------

    @classmethod
    def from_toml(
        cls,
        data: dict[str, Any],
        path: Path | None = None,
        *,
        exercises: tuple[ExerciseEntry, ...] | None = None,
    ) -> SessionRecord:
        """Validate a parsed file; BadRecord naming what is impossible. Unknown keys are let
        through (and dropped): files written by a newer supple stay readable. ``exercises``:
        the entries of ``data["exercise"]``, already checked (``trusted`` shares them)."""
        schema = data.get("schema")
        if schema != SCHEMA:
            raise BadRecord(f"unknown schema {schema!r} (this supple reads schema {SCHEMA})")
        for key in ("routine", "title", "level", "status"):
            if not isinstance(data.get(key), str) or not data[key]:
                raise BadRecord(f"{key}: missing or not text")
        if data["level"] not in LEVELS:
            raise BadRecord(f"level: unknown level {data['level']!r}")
        if data["status"] not in STATUSES:
            raise BadRecord(f"status: unknown status {data['status']!r}")
        started, ended = _time(data, "started"), _time(data, "ended")
        if ended < started:
            raise BadRecord("ended: before started")
        active = _number(data, "active_seconds", math.inf)
        paused = _number(data, "paused_seconds", math.inf)
        planned = _number(data, "planned_seconds", MAX_SESSION_PLAN_SECONDS)
        if active > (ended - started).total_seconds() + 1:
            raise BadRecord("active_seconds: longer than the session itself")
        if exercises is None:
            raw = data.get("exercise")
            if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
                raise BadRecord("exercise: expected [[exercise]] tables")
            exercises = tuple(_exercise(index, e) for index, e in enumerate(raw, 1))
        feelings: list[int | None] = []
        for key in ("feeling_before", "feeling_after"):
            value = data.get(key)
            if key in data and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
            ):
                raise BadRecord(f"{key}: expected a whole number from 0 to 10, got {value!r}")
            feelings.append(value)
        note = data.get("note", "")
        if not isinstance(note, str):
            raise BadRecord("note: expected text")
        return cls(
            data["routine"],
            data["title"],
            cast(Level, data["level"]),
            started,
            ended,
            cast(RecordStatus, data["status"]),
            active,
            paused,
            planned,
            exercises,
            feelings[0],
            feelings[1],
            note,
            path,
        )

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
        shared = {} if entries is None else entries
        raw = data["exercise"]
        if type(raw) is not list:
            raise TypeError("exercise: expected a list")
        exercises = []
        try:
            for index, exercise in enumerate(raw, 1):
                if type(exercise) is not dict:
                    raise TypeError("exercise: expected tables")
                values = tuple(exercise.values())  # TypeError if one is a list: not ours
                entry = shared.get(values)
                if entry is None:
                    entry = shared[values] = _exercise(index, exercise)
                exercises.append(entry)
            return cls.from_toml(data, path, exercises=tuple(exercises))
        except BadRecord as bad:
            raise ValueError(bad.reason) from None


def _number(data: dict[str, Any], key: str, high: float) -> Any:
    """The number at ``key``, as read (int or float); BadRecord unless 0..high (and finite)."""
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadRecord(f"{key}: expected a number, got {value!r}")
    if not 0 <= value <= high:
        limit = "0 or more" if high == math.inf else f"0 to {high:g}"
        raise BadRecord(f"{key}: {value} is impossible ({limit})")
    return value


def _time(data: dict[str, Any], key: str) -> datetime:
    value = data.get(key)
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise BadRecord(f"{key}: expected an ISO 8601 time with offset, got {value!r}")
    return parsed


def _exercise(index: int, data: dict[str, Any]) -> ExerciseEntry:
    if data.get("status") not in EXERCISE_STATUSES:
        raise BadRecord(f"exercise[{index}].status: unknown {data.get('status')!r}")
    if not isinstance(data.get("id"), str) or not isinstance(data.get("name"), str):
        raise BadRecord(f"exercise[{index}]: id and name must be text")
    # The work done has no bound but the session's own (going back repeats it); the work
    # planned is part of a valid plan.
    high = {"seconds": math.inf, "planned_seconds": MAX_PLAN_SECONDS, **MAX_COUNTS}
    numbers = [_number(data, key, high[key]) for key in EXERCISE_NUMBERS]
    return ExerciseEntry(data["id"], data["name"], data["status"], *numbers)
