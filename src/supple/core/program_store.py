"""Where the program's start date and the test results live: TOML files in the data folder,
written atomically and privately, quarantined when broken, like sessions."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from supple.core.files import SCHEMA, random_suffix, unreadable_reason, write_toml
from supple.core.history import HistoryStore, Quarantined, Skipped, read_toml_file
from supple.core.program import POINTS, Point, Program, Progress, TestResult, progress, start_of
from supple.core.record import BadRecord, SessionRecord


@dataclass(frozen=True, slots=True)
class ProgramState:
    program: str
    started: datetime  # the moment it was started: a session before it is not a workout


@dataclass(frozen=True, slots=True)
class LoadedResults:
    results: tuple[TestResult, ...]
    quarantined: tuple[Quarantined, ...]
    skipped: tuple[Skipped, ...] = ()  # not regular files, or unreadable for now: said, left


class ProgramStore:
    def __init__(self, history: HistoryStore) -> None:
        self.history = history  # for quarantine and the data folder
        self.state_path = history.data_dir / "program.toml"
        self.results_dir = history.data_dir / "tests"

    def _read(self, path: Path) -> dict[str, Any]:
        data = read_toml_file(path)
        if data.get("schema") != SCHEMA:
            raise BadRecord(f"unknown schema {data.get('schema')!r}")
        return data

    # -- the program's start ----------------------------------------------------------------

    def start(self, program: Program, at: datetime) -> ProgramState:
        """Start (or restart) ``program`` at ``at`` (a time with its offset)."""
        at = at.replace(microsecond=0)
        write_toml(self.state_path, {"schema": SCHEMA, "program": program.id, "started": at})
        return ProgramState(program.id, at)

    def state(self) -> tuple[ProgramState | None, Quarantined | Skipped | None]:
        """The started program, if any; a broken state file is quarantined, one that cannot be
        read (not a regular file, or not for now) left where it is; either is reported."""
        if not self.state_path.exists() and not self.state_path.is_symlink():
            return None, None
        try:
            data = self._read(self.state_path)
            started = start_of(data.get("started"))
            if started is None:
                raise BadRecord("started: expected a time like 2026-11-24T07:30:00+01:00")
            if not isinstance(data.get("program"), str):
                raise BadRecord("program: expected the program's id")
        except OSError as error:
            return None, Skipped(self.state_path, unreadable_reason(error))
        except BadRecord as bad:
            return None, self.history.quarantine(self.state_path, bad.reason)
        return ProgramState(data["program"], started), None

    # -- test results -----------------------------------------------------------------------

    def record(self, test: str, value: float, point: Point, taken: datetime) -> TestResult:
        stamp = taken.strftime("%Y%m%dT%H%M%S")
        path = self.results_dir / taken.strftime("%Y") / f"{stamp}-{test}-{random_suffix()}.toml"
        data = {
            "schema": SCHEMA,
            "test": test,
            "value": value,
            "point": point,
            "taken": taken.isoformat(timespec="seconds"),
        }
        write_toml(path, data)
        return TestResult(test, value, point, taken, path)

    def results(self, program: Program) -> LoadedResults:
        results: list[TestResult] = []
        quarantined: list[Quarantined] = []
        skipped: list[Skipped] = []
        paths: list[Path] = []
        with contextlib.suppress(OSError):
            paths = sorted(self.results_dir.rglob("*.toml"))
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                results.append(self._result(path, program))
            except OSError as error:
                skipped.append(Skipped(path, unreadable_reason(error)))
            except BadRecord as bad:
                quarantined.append(self.history.quarantine(path, bad.reason))
        return LoadedResults(tuple(results), tuple(quarantined), tuple(skipped))

    def _result(self, path: Path, program: Program) -> TestResult:
        data = self._read(path)  # OSError: not a file, or unreadable for now
        test_id, value, point = data.get("test"), data.get("value"), data.get("point")
        if not isinstance(test_id, str):
            raise BadRecord("test: expected a test id")
        try:
            test = program.test(test_id)
        except KeyError:
            raise BadRecord(f"test: unknown test '{test_id}'") from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadRecord(f"value: expected a number, got {value!r}")
        problem = test.check(float(value))
        if problem:
            raise BadRecord(f"value: {problem}")
        if point not in POINTS:
            raise BadRecord(f"point: expected one of {', '.join(POINTS)}")
        try:
            taken = start_of(datetime.fromisoformat(str(data.get("taken"))))
        except ValueError:
            taken = None
        if taken is None:  # a bare date or a time without an offset is local time
            raise BadRecord("taken: expected an ISO 8601 time") from None
        return TestResult(test_id, float(value), cast(Point, point), taken, path)


@dataclass(frozen=True, slots=True)
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
    started = state.started if state is not None and state.program == program.id else None
    bad = (*([bad_state] if isinstance(bad_state, Quarantined) else []), *results.quarantined)
    left = (*([bad_state] if isinstance(bad_state, Skipped) else []), *results.skipped)
    return ProgramReading(progress(program, started, records, results.results, today), bad, left)
