"""Where the program's start date and the test results live: TOML files in the data folder,
written atomically and privately, quarantined when broken, like sessions."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from supple.core.files import (
    SCHEMA,
    file_lock,
    random_suffix,
    refuse_newer,
    unreadable_reason,
    write_toml,
)
from supple.core.history import HistoryStore, Quarantined, Skipped, read_toml_file
from supple.core.limits import SLUG
from supple.core.parsed_cache import RECENT_NS, Key, key_of
from supple.core.program import (
    FIRST_PROGRAM,
    POINTS,
    Point,
    Program,
    Progress,
    TestResult,
    progress,
    start_of,
)
from supple.core.record import BadRecord, SessionRecord
from supple.core.record_fields import as_found_in, read_schema
from supple.core.schema import unknown_keys
from supple.core.sync import one_per_name
from supple.core.value import field, value_class
from supple.i18n import _

STATE_KEYS = ("program", "started", "starts")


@value_class(frozen=True, slots=True)
class ProgramState:
    """The active program and when it was started; ``starts``: every program ever started
    (the active one too), so that switching back to one resumes it."""

    program: str
    started: datetime  # the moment it was started: a session before it is not a workout
    starts: dict[str, datetime] = field(default_factory=dict, hash=False)
    # Forward compatibility: the schema it was read with (a newer one is never rewritten) and
    # the keys this supple does not know, which a restart writes back as they were.
    schema: int = SCHEMA
    unknown: dict[str, Any] = field(default_factory=dict, hash=False, repr=False)


@value_class(frozen=True, slots=True)
class LoadedResults:
    results: tuple[TestResult, ...]
    quarantined: tuple[Quarantined, ...]
    skipped: tuple[Skipped, ...] = ()  # not regular files, or unreadable for now: said, left


# Each program file's content as last read, by path, with the key (size, time, inode) it had.
_READ: dict[Path, tuple[Key, tuple[dict[str, Any], int]]] = {}


class ProgramStore:
    def __init__(self, history: HistoryStore) -> None:
        self.history = history  # for quarantine and the data folder
        self.state_path = history.data_dir / "program.toml"
        self.results_dir = history.data_dir / "tests"  # the first program's

    def results_dir_for(self, program_id: str) -> Path:
        """Where a program's test results are: the first program's in ``tests/`` as ever, any
        other's in ``programs/<id>/tests/``, out of sight of an older supple (which would read
        them as the first program's tests and quarantine them as unknown)."""
        if program_id == FIRST_PROGRAM:
            return self.results_dir
        return self.history.data_dir / "programs" / program_id / "tests"

    def _read(self, path: Path) -> tuple[dict[str, Any], int]:
        """A program file's content and schema. OSError (cannot be read for now); BadRecord
        (broken, or of a schema this supple cannot read). Parsed once while the file stays as
        it is (`supple program` asks for the state five times), never mutated by a reader."""
        try:
            info = os.stat(path)
        except OSError:
            info = None
        key = key_of(info) if info is not None and stat.S_ISREG(info.st_mode) else None
        kept = _READ.get(path)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        data = read_toml_file(path)
        found = data, read_schema(data)
        # A file written in the last two seconds may be rewritten with the same key: not kept.
        if key is not None and time.time_ns() - key[1] >= RECENT_NS:
            _READ[path] = (key, found)
        return found

    def _left_or_quarantined(self, path: Path, bad: BadRecord) -> Quarantined | Skipped:
        """A file that cannot be used: moved aside, unless a newer supple wrote it."""
        if bad.newer:
            return Skipped(path, bad.reason)
        return self.history.quarantine(path, bad.reason)

    # -- the program's start ----------------------------------------------------------------

    def start(self, program: Program, at: datetime) -> ProgramState:
        """Make ``program`` the active one: a program left for another and started before
        resumes from its own start (switching back); else it starts (the active one: restarts)
        at ``at`` (a time with its offset). The other programs' starts are kept, and the keys
        this supple does not know; SaveError if a newer supple wrote the state (it is never
        rewritten) or it cannot be written."""
        state, _problem = self.state()
        resumed = state is not None and state.program != program.id
        earlier = state.starts.get(program.id) if state is not None and resumed else None
        return self._activate(program.id, earlier or at.replace(microsecond=0))

    def active(self) -> str | None:
        """The active program's id (None: none started, or the state cannot be read now)."""
        state, _problem = self.state()
        return None if state is None else state.program

    def _activate(self, program_id: str, at: datetime) -> ProgramState:
        unknown: dict[str, Any] = {}
        starts: dict[str, datetime] = {}
        with file_lock(self.state_path):
            with contextlib.suppress(OSError, BadRecord):  # a broken state is replaced, as ever
                data, schema = self._read(self.state_path)
                refuse_newer(self.state_path, schema)
                unknown = unknown_keys(data, STATE_KEYS)
                starts = _starts(data)  # with the active one's (an older one's has no table)
            starts[program_id] = at
            write_toml(
                self.state_path,
                {"schema": SCHEMA, "program": program_id, "started": at, "starts": starts}
                | unknown,
                own=True,
            )
        return ProgramState(program_id, at, starts, SCHEMA, unknown)

    def state(self) -> tuple[ProgramState | None, Quarantined | Skipped | None]:
        """The started program, if any; a broken state file is quarantined, one that cannot be
        read (not a regular file, or not for now) or written by a newer supple and not
        readable by this one left where it is; either is reported."""
        if not self.state_path.exists() and not self.state_path.is_symlink():
            return None, None
        schema = SCHEMA
        try:
            data, schema = self._read(self.state_path)
            started = start_of(data.get("started"))
            if started is None:
                said = _("{key}: expected a time like {example}")
                raise BadRecord(said.format(key="started", example="2026-11-24T07:30:00+01:00"))
            if not isinstance(data.get("program"), str):
                raise BadRecord(_("program: expected the program's id"))
        except OSError as error:
            return None, Skipped(self.state_path, unreadable_reason(error))
        except BadRecord as bad:
            return None, self._left_or_quarantined(self.state_path, as_found_in(bad, schema))
        unknown = unknown_keys(data, STATE_KEYS)
        starts = _starts(data)
        return ProgramState(data["program"], started, starts, schema, unknown), None

    def started(self, program: Program) -> datetime | None:
        """When ``program`` was started (None: never), active or not."""
        state, _problem = self.state()
        return None if state is None else state.starts.get(program.id)

    # -- test results -----------------------------------------------------------------------

    def record(
        self, test: str, value: float, point: Point, taken: datetime, program: str = FIRST_PROGRAM
    ) -> TestResult:
        stamp = taken.strftime("%Y%m%dT%H%M%S")
        folder = self.results_dir_for(program) / taken.strftime("%Y")
        path = folder / f"{stamp}-{test}-{random_suffix()}.toml"
        data = {
            "schema": SCHEMA,
            "test": test,
            "value": value,
            "point": point,
            "taken": taken.isoformat(timespec="seconds"),
            "program": program,
        }
        write_toml(path, data)
        return TestResult(test, value, point, taken, path, program)

    def results(self, program: Program) -> LoadedResults:
        results: list[TestResult] = []
        quarantined: list[Quarantined] = []
        skipped: list[Skipped] = []
        paths: list[Path] = []
        with contextlib.suppress(OSError):
            found = self.results_dir_for(program.id).rglob("*.toml")
            paths = one_per_name(sorted(found))  # sync's copies once
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                result = self._result(path, program)
            except OSError as error:
                skipped.append(Skipped(path, unreadable_reason(error)))
            except BadRecord as bad:
                left = self._left_or_quarantined(path, bad)
                if isinstance(left, Skipped):
                    skipped.append(left)
                else:
                    quarantined.append(left)
            else:
                if result is not None:
                    results.append(result)
        return LoadedResults(tuple(results), tuple(quarantined), tuple(skipped))

    def _result(self, path: Path, program: Program) -> TestResult | None:
        """One result file read (None: another program's); a result is written once and never
        rewritten, so a key this supple does not know is simply not read. BadRecord (marked
        ``newer`` in a newer supple's file)."""
        data, schema = self._read(path)  # OSError: not a file, or unreadable for now
        try:
            return self._checked(path, program, data)
        except BadRecord as bad:
            raise as_found_in(bad, schema) from None

    def _checked(self, path: Path, program: Program, data: dict[str, Any]) -> TestResult | None:
        owner = data.get("program", FIRST_PROGRAM)  # older results: the first program's
        if not isinstance(owner, str) or not re.fullmatch(SLUG, owner):
            raise BadRecord(_("{key}: expected a program's id").format(key="program"))
        if owner != program.id:
            return None
        test_id, value, point = data.get("test"), data.get("value"), data.get("point")
        if not isinstance(test_id, str):
            raise BadRecord(_("test: expected a test id"))
        try:
            test = program.test(test_id)
        except KeyError:
            raise BadRecord(_("test: unknown test '{id}'").format(id=test_id)) from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            said = _("{key}: expected a number, got {value}")
            raise BadRecord(said.format(key="value", value=repr(value)))
        problem = test.check(float(value))
        if problem:
            raise BadRecord(f"value: {problem}")
        if point not in POINTS:
            raise BadRecord(_("point: expected one of {points}").format(points=", ".join(POINTS)))
        try:
            taken = start_of(datetime.fromisoformat(str(data.get("taken"))))
        except ValueError:
            taken = None
        if taken is None:  # a bare date or a time without an offset is local time
            raise BadRecord(_("taken: expected an ISO 8601 time")) from None
        return TestResult(test_id, float(value), cast(Point, point), taken, path, owner)


@value_class(frozen=True, slots=True)
class ProgramReading:
    """Where the program stands, the program files that reading it moved aside, and those it
    left where they are (not regular files, or unreadable for now)."""

    progress: Progress
    quarantined: tuple[Quarantined, ...]
    skipped: tuple[Skipped, ...] = ()


def read_progress(
    program: Program, store: ProgramStore, records: Sequence[SessionRecord], today: date
) -> ProgramReading:
    """The one way the app and the command line learn how far along the program is, from its
    files and the history's records (read once, by the caller)."""
    state, bad_state = store.state()
    results = store.results(program)
    started = state.starts.get(program.id) if state is not None else None
    bad = (*([bad_state] if isinstance(bad_state, Quarantined) else []), *results.quarantined)
    left = (*([bad_state] if isinstance(bad_state, Skipped) else []), *results.skipped)
    return ProgramReading(progress(program, started, records, results.results, today), bad, left)


def _starts(data: dict[str, Any]) -> dict[str, datetime]:
    """Every program's start: the state file's ``starts`` table and the active program's own
    ``started`` (an older supple writes only that); an entry that is not a program's id with
    a time is left out (the next start writes the table again)."""
    raw = data.get("starts")
    pairs = list(raw.items()) if isinstance(raw, dict) else []
    pairs.append((data.get("program"), data.get("started")))  # the active one's, which wins
    starts = {}
    for key, value in pairs:
        at = start_of(value)
        if isinstance(key, str) and re.fullmatch(SLUG, key) and at is not None:
            starts[key] = at
    return starts
