"""The data folder: every session's record, the program's start and the test results, read
behind one cache and written only through here, with the notices the reading leaves."""

from __future__ import annotations

import _thread  # RLock without importing threading: `supple list` does not need it
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supple.i18n import _

if TYPE_CHECKING:
    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.notices import Notices
    from supple.coach.views import HistoryView, ResumeOffer
    from supple.core.history import Change, HistoryStore, Loaded, Quarantined, Skipped
    from supple.core.program import MobilityTest, Point, Program, TestResult
    from supple.core.record import SessionRecord
    from supple.core.routine import Level
    from supple.core.screening import Checklist, Screening
    from supple.core.sync import Conflict


class Journal:
    """Owns the history store, the cache of what was read and the second place for records
    the data folder could not take. Each write here drops the cache; ``on_change`` hears it."""

    def __init__(
        self,
        data_dir: Path,
        store: HistoryStore | None,
        unsaved_dir: Path,
        today: Callable[[], date],
        notices: Notices,
    ) -> None:
        self.data_dir = data_dir
        self.unsaved_dir = unsaved_dir  # beside the app's state: merged at the next start
        self._store = store  # None: the store over data_dir, made on first use
        self._today = today
        self._notices = notices
        self._lock = _thread.RLock()
        self._history: HistoryView | None = None
        self._conflicts_said: set[Conflict] = set()  # said once a run
        # Hears every fresh read (the view) and every write (None): the status line follows.
        self.on_change: Callable[[HistoryView | None], object] = lambda view: None
        # The last session moved to the trash, and where it was: what undo puts back.
        self.trashed: tuple[Path, Path] | None = None

    @property
    def store(self) -> HistoryStore:
        if self._store is None:
            from supple.core.history import HistoryStore

            # Locks and the index beside the unsaved sessions: this machine's own state.
            self._store = HistoryStore(self.data_dir, local_dir=self.unsaved_dir.parent)
        return self._store

    def _written(self) -> None:
        with self._lock:
            self._history = None
        self.on_change(None)

    # -- reading ----------------------------------------------------------------------------

    def history(self) -> HistoryView:
        """Every record (crashed sessions recovered, broken files quarantined) and the stats.
        Read once and kept until something is written; slow with a big history, so the app
        calls it from a worker."""
        from supple.coach.views import HistoryView

        with self._lock:
            if self._history is None:
                self._merge_unsaved()
                loaded = self.store.load()
                self._report(loaded)
                self.report_conflicts()
                self._history = HistoryView(loaded, self._today())
                self.on_change(self._history)
            return self._history

    def newest(self, count: int) -> tuple[SessionRecord, ...]:
        """The newest records straight from their files: a first page before the full read."""
        with self._lock:
            if self._history is not None:
                return self._history.records[:count]
        return tuple(self.store.newest(count))

    def _report(self, loaded: Loaded) -> None:
        problem, self.store.write_problem = self.store.write_problem, None
        if problem is None and not (loaded.recovered or loaded.quarantined or loaded.skipped):
            return  # nothing to say: the wording (~0.4 ms to import) is not needed
        from supple.coach import wording

        if problem is not None:
            self._notices.say(wording.read_only(problem, self.unsaved_dir), "error")
        for path in loaded.recovered:
            self._notices.say(wording.recovered(path))
        self.tell_files("history", loaded.quarantined, loaded.skipped)

    def report_conflicts(self) -> None:
        """Files a sync tool left in two versions, each said once a run (``new_conflicts``)."""
        local, trash = self.unsaved_dir.parent, self.store.trash_dir
        for conflict in new_conflicts(self.data_dir, local, trash, self._conflicts_said):
            from supple.coach import wording  # only when there is one to say

            self._notices.say(wording.sync_conflict(conflict), "warning")

    def tell_files(
        self, kind: str, quarantined: Iterable[Quarantined], skipped: Iterable[Skipped]
    ) -> None:
        """One notice for each file moved aside, or that could not be, or was left unread."""
        if not (quarantined or skipped):
            return
        from supple.coach import wording

        for bad in quarantined:
            self._notices.say(wording.quarantined(kind, bad), "error")
        for left in skipped:
            self._notices.say(wording.skipped(kind, left), "warning")

    # -- writing ----------------------------------------------------------------------------

    def session_ended(self) -> None:
        """A live session wrote its final record through this store."""
        self._written()

    def keep_unsaved(self, name: str, record: SessionRecord) -> Path | None:
        """Write a session the history could not take to the second place (None: failed too)."""
        from supple.core.files import SaveError, write_toml

        try:
            return write_toml(self.unsaved_dir / name, record.to_toml())
        except SaveError:
            return None

    def _merge_unsaved(self) -> None:
        """Sessions kept in the second place join the history (replacing their older
        checkpoint) once the data folder can be written again."""
        try:  # listed by name: a glob compiles a pattern (~0.2 ms of every history read)
            kept = sorted(p for p in self.unsaved_dir.iterdir() if p.name.endswith(".toml"))
        except OSError:  # none kept (no folder), or none to be read
            return
        from supple.coach import wording
        from supple.core.files import SaveError, write_toml
        from supple.core.history import read_toml_file
        from supple.core.record import BadRecord, SessionRecord

        for path in kept:
            try:
                data = read_toml_file(path)
                record = SessionRecord.from_toml(data, path)
            except BadRecord:
                continue  # not ours to judge: it stays where it is, untouched
            folder = self.store.sessions_dir / f"{record.started:%Y}" / f"{record.started:%m}"
            try:
                write_toml(folder / path.name, data)
            except SaveError:
                return  # still cannot write: try again at the next start
            path.unlink(missing_ok=True)
            self._notices.say(wording.merged(folder / path.name))

    def trash(self, record: SessionRecord) -> Path:
        """Move a session to the trash folder. Raises SaveError."""
        from supple.core.files import SaveError

        if record.path is None:
            raise SaveError(self.store.sessions_dir, _("this session has no file"))
        moved = self.store.trash(record.path)
        self.trashed = (moved, record.path)
        self._written()
        return moved

    def undo_trash(self) -> Path | None:
        """Put the last trashed session's very file back; its path (None: no undo). SaveError."""
        if self.trashed is None:
            return None
        moved, original = self.trashed
        restored = self.store.untrash(moved, original)
        self.trashed = None
        self._written()
        return restored

    # -- resuming, logging by hand ----------------------------------------------------------

    def resume_offer(self, catalog: EffectiveCatalog, record: SessionRecord) -> ResumeOffer | None:
        """How ``record`` can be resumed (None: it cannot, or its routine is gone)."""
        from supple.coach.views import ResumeOffer
        from supple.core.resume import can_resume, unchanged
        from supple.core.session import Session

        if not can_resume(record) or record.stopped_in is None:
            return None
        try:
            plan = catalog.plan(record.routine, record.level)
        except KeyError:
            return None
        fresh = Session(plan.routine, plan.level, _Still(), segments=plan.segments).records()
        index = record.stopped_in - 1
        same = unchanged(record, fresh) and index < len(fresh)
        name = record.exercises[index].name if same else plan.routine.exercises[0].name
        return ResumeOffer(record, plan.routine.title, name, not same)

    def offer_today(self, catalog: EffectiveCatalog) -> ResumeOffer | None:
        """The newest session, if it was today and can be resumed."""
        newest = self.newest(1)
        if not newest or newest[0].started.date() != self._today():
            return None
        return self.resume_offer(catalog, newest[0])

    def log_by_hand(
        self,
        catalog: EffectiveCatalog,
        routine: str,
        level: Level,
        at: datetime,
        minutes: float,
        done: frozenset[int] | None = None,
        pain: tuple[int | None, int | None] = (None, None),
    ) -> SessionRecord:
        """Write a session done without the app: ``done`` the exercises done (their indexes;
        None: all), ``pain`` before and after (0–10). Raises KeyError (no such routine),
        SaveError."""
        from supple.core.recorder import session_record
        from supple.core.resume import by_hand
        from supple.core.session import Session
        from supple.core.value import replace

        plan = catalog.plan(routine, level)
        session = Session(plan.routine, plan.level, _Still(), segments=plan.segments)
        chosen = frozenset(range(len(plan.routine.exercises))) if done is None else done
        fresh = replace(session_record(session, at), program=active_program(self.store))
        record = by_hand(fresh, chosen, at, minutes)
        record = replace(record, pain_before=pain[0], pain_after=pain[1])
        path = self.store.path_for(plan.routine.id, at)
        self.store.save(record, path)
        self._written()
        return replace(record, path=path)

    def morning_session(self, now: datetime, *, due: bool) -> SessionRecord | None:
        """The session a next-morning answer at ``now`` belongs to (``core.pain``'s rule), from
        the newest files alone (quick); ``due``: only while its question is still to ask."""
        from supple.core import pain
        from supple.core.morning import LOOK

        records = self.newest(LOOK)
        return (pain.morning_due if due else pain.morning_session)(records, now)

    def answer_morning(self, now: datetime, rating: int | None) -> SessionRecord | None:
        """This morning's pain (None: skipped) into its session's record, or None. SaveError."""
        from supple.core.value import replace

        record = self.morning_session(now, due=False)
        if record is None or record.path is None:
            return None
        return self.update(record.path, lambda r: replace(r, morning_pain=rating, morning_at=now))

    def update(self, path: Path, change: Change) -> SessionRecord | None:
        """``HistoryStore.update``; None also when the file is gone or unreadable. SaveError."""
        from supple.core.history import BadRecord

        try:
            written = self.store.update(path, change)
        except (BadRecord, OSError):  # gone or unreadable since it was read
            return None
        self._written()
        return written

    def start_program(self, program: Program, at: datetime) -> datetime:
        """Start the program at ``at``: SaveError; WarningSignStands (docs/safety.md)."""
        from supple.core.program_store import ProgramStore
        from supple.core.screening import refuse_if_standing

        refuse_if_standing(self.screening())
        state = ProgramStore(self.store).start(program, at)
        self._written()
        return state.started

    def record_test(
        self, test: MobilityTest, value: float, point: Point, at: datetime
    ) -> TestResult:
        """Save a test result (of the test's program) taken at ``at``. Raises SaveError."""
        from supple.core.program_store import ProgramStore

        result = ProgramStore(self.store).record(test.id, value, point, at, test.program)
        self._written()
        return result

    # -- the safety screening ---------------------------------------------------------------

    def screening(self) -> Screening | None:
        """The screening (None: never answered, or a file that cannot be used: said once)."""
        from supple.core import screening

        found, problem = screening.load(self.data_dir)
        self.report_conflicts()
        if problem is not None:
            said = _("The screening file was left unread: {problem}").format(problem=problem)
            self._notices.say(said, "warning")
        return found

    def answer_screening(
        self, yes: frozenset[str], usual: int | None, at: datetime, asked: Checklist
    ) -> Screening:
        """Save the answers to ``asked`` given at ``at``. BadScreening, SaveError."""
        from supple.core import screening

        answers = screening.answered(yes, usual, at, self.screening(), asked)
        screening.save(self.data_dir, answers)
        self.on_change(None)  # the status line follows a warning sign
        return answers

    def clear_screening(self, at: datetime) -> Screening | None:
        """A clinician cleared the person at ``at`` (None: nothing to clear). SaveError."""
        from supple.core import screening

        found = self.screening()
        if found is None:
            return None
        screening.save(self.data_dir, done := screening.cleared(found, at))
        self.on_change(None)
        return done


def when(text: str, now: datetime) -> datetime:
    """``--at``: HH:MM today, or YYYY-MM-DD HH:MM, in the local time zone; ValueError."""
    from datetime import time

    from supple.core.numbers import check_digits

    text = text.strip()
    check_digits(text)  # a NumberError (a ValueError) naming a `²` or a `０`
    try:
        if len(text) <= 5:
            return datetime.combine(now.date(), time.fromisoformat(text.zfill(5)), now.tzinfo)
        at = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a time like 07:30 or 2026-11-24 07:30") from None
    return at if at.tzinfo is not None else at.astimezone()


def numbers(text: str, count: int) -> frozenset[int]:
    """``--done``: exercise numbers from 1 to ``count``, as indexes; ValueError naming one."""
    from supple.core.numbers import is_digits

    chosen: set[int] = set()
    if not text.strip():
        return frozenset()  # none of them
    for part in text.replace(" ", "").split(","):
        if not is_digits(part) or not 1 <= int(part) <= count:
            raise ValueError(f"'{part}' is not an exercise number from 1 to {count}")
        chosen.add(int(part) - 1)
    return frozenset(chosen)


def active_program(store: HistoryStore) -> str | None:
    """The program started last (its id; None: none), which new records carry."""
    from supple.core.program_store import ProgramStore

    return ProgramStore(store).active()


class _Still:
    """A clock that never moves: a session laid out, never played (its plan, its entries)."""

    def now(self) -> float:
        return 0.0

    def real_seconds(self, seconds: float) -> float:
        return seconds


def new_conflicts(data: Path, local: Path, trash: Path, said: set[Conflict]) -> list[Conflict]:
    """The conflict copies of the person's single files (``sync.synced_files``) not in ``said``
    yet, now added to it: both versions are kept; a copy that says what its main file says is
    put in ``trash``."""
    from supple.core.sync import conflicts, drop_equal_copies, synced_files
    from supple.system import paths

    found = []
    for folder, names in synced_files(data, paths.config_dir(), local):
        for conflict in drop_equal_copies(conflicts(folder, names), trash):
            if conflict not in said:
                said.add(conflict)
                found.append(conflict)
    return found
