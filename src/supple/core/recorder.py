"""Keeps a running session's file current: checkpoints while it runs, the final record at the end.

A kill at any moment loses at most ``interval`` seconds of session time: the file is rewritten
(atomically) on every change of segment or of state, and at least that often while running.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from supple.core.files import SaveError
from supple.core.history import BadRecord, HistoryStore, LiveFile
from supple.core.record import PainMark, SessionRecord, keep_later
from supple.core.resume import continued
from supple.core.session import Session
from supple.core.snapshot import Snapshot
from supple.core.value import replace

CHECKPOINT_SECONDS = 2.0


class Recorder:
    def __init__(
        self,
        store: HistoryStore,
        session: Session,
        started: datetime,
        *,
        interval: float = CHECKPOINT_SECONDS,
        earlier: SessionRecord | None = None,
        program: str | None = None,
    ) -> None:
        self.store = store
        self.program = program  # the active program's id, which the record carries
        self.session = session
        self.started = started
        self.interval = interval
        # ``earlier``: the record a resumed session continues (its file, its start, its work).
        self.earlier = earlier
        if earlier is not None and earlier.path is not None:
            self.path = earlier.path
        else:
            self.path = store.path_for(session.routine.id, started)
        # The check-ins (0–10 pain) and "this hurts" marks given so far, added to every write.
        self.pain_before: int | None = None
        self.pain_after: int | None = None
        self.pain_marks: tuple[PainMark, ...] = ()
        self.note = ""
        self.error: str | None = None  # the last write's failure, None once a write succeeds
        self.saved_final = False
        self._live: LiveFile | None = None
        self._last_key: tuple[int, str] | None = None
        self._last_at: float | None = None

    def record(self) -> SessionRecord:
        """The session as it stands, with the check-ins, marks and note given so far."""
        record = replace(
            session_record(self.session, self.started),
            path=self.path,
            pain_before=self.pain_before,
            pain_after=self.pain_after,
            pain_marks=self.pain_marks,
            note=self.note,
            program=self.program,
        )
        return record if self.earlier is None else continued(self.earlier, record)

    def open(self) -> None:
        """Take the lock that marks this session alive, and write the first checkpoint."""
        try:
            self._live = self.store.live(self.path)
        except SaveError as error:
            self.error = f"{error.reason} ({error.path})"
            return
        self.checkpoint()

    def update(self, snap: Snapshot) -> None:
        """Called every frame: writes only when something changed or the interval is up."""
        key = (snap.segment_index, snap.state)
        now = self.session.clock.now()
        due = self._last_at is None or now - self._last_at >= self.interval
        if key != self._last_key or (due and snap.state == "running"):
            self.checkpoint()

    def checkpoint(self) -> None:
        snap = self.session.snapshot()
        self._last_key = (snap.segment_index, snap.state)
        self._last_at = self.session.clock.now()
        self._write()

    def finish(self) -> str | None:
        """Write the final record and let the lock go; the error text if it could not be saved."""
        self._write()
        if self.error is None:
            self.saved_final = True
            if self._live is not None:
                self._live.close()
        return self.error

    def add(
        self,
        *,
        pain_before: int | None = None,
        pain_after: int | None = None,
        note: str = "",
    ) -> str | None:
        """Add pain ratings or a note to the record (what is not given stays) and save it
        again."""
        if pain_before is not None:
            self.pain_before = pain_before
        if pain_after is not None:
            self.pain_after = pain_after
        self.note = note or self.note
        return self.finish()

    def _write(self) -> None:
        """The record as it stands over its file, keeping what others wrote there since (the
        next-morning answer, the advice applied: ``record.LATER``), under the data lock."""
        mine = self.record()
        try:
            try:
                self.store.update(self.path, lambda on_disk: keep_later(mine, on_disk))
            except (BadRecord, OSError):  # not there yet (the first checkpoint), or unreadable
                self.store.save(mine, self.path)
        except SaveError as error:
            self.error = error.reason
        else:
            self.error = None


def session_record(session: Session, started: datetime) -> SessionRecord:
    """The record of ``session``: wall times from ``started`` plus clock differences."""
    # First, as it lets a plan that has run out end: its status and end are then the true ones.
    active = round(session.active_seconds(), 1)
    start = session.started_at if session.started_at is not None else session.clock.now()
    end = session.ended_at if session.ended_at is not None else session.clock.now()
    ended = started + timedelta(seconds=max(0.0, end - start))
    at = session.exercise_at
    return SessionRecord(
        routine=session.routine.id,
        title=session.routine.title,
        level=session.level,
        # Whole seconds, as stored: the record is the same before and after a round trip.
        started=started.replace(microsecond=0),
        ended=ended.replace(microsecond=0),
        status=session.outcome,
        active_seconds=active,
        paused_seconds=round(session.paused_seconds(), 1),
        planned_seconds=session.planned_seconds,
        exercises=session.records(),
        stopped_in=None if at is None else at + 1,
    )
