"""No lost update (issue 25, review R1 item 2): every read-modify-write of a session record (advice
applied and undone, the morning answer in the app and with ``supple checkin``, a live session's
marks, check-ins and checkpoints, a dead checkpoint marked interrupted) reads the file again under
the data lock and changes only its own fields. Each writing path is tested against each other
writer changing the record between the app's read and its write."""

from __future__ import annotations

import fcntl
import os
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import tomli_w

from supple.cli import main
from supple.coach.coach import Coach
from supple.core.advice import AdviceKind, Suggestion
from supple.core.clock import FakeClock
from supple.core.files import DATA_LOCK
from supple.core.history import HistoryStore, read_record
from supple.core.record import SessionRecord
from supple.core.value import replace
from supple.system.speech import Speaker
from tests.fakes import make_session_record

R = "back-pain-relief"
NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
YESTERDAY = datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
SUGGESTION = Suggestion(AdviceKind.EASIER, R, ("cat-cow",), ("Cat-Cow",), day=date(2026, 12, 5))
OTHER = Suggestion(AdviceKind.EASIER, R, ("sphinx",), ("Sphinx",), day=date(2026, 12, 5))


def a_coach(data_dir: Path) -> Coach:
    return Coach.from_environment(
        clock=FakeClock(), now=lambda: NOW, data_dir=data_dir, speaker=Speaker(None)
    )


def only(coach: Coach) -> Path:
    (path,) = coach.journal.store.session_files()
    return path


# -- the other writers: another copy of supple changes the record ------------------------------


def other_morning(data_dir: Path) -> Callable[[SessionRecord], bool]:
    """``supple checkin --morning 5`` in another shell."""
    assert main(["checkin", "--morning", "5"]) == 0
    return lambda r: r.morning_pain == 5 and r.morning_at is not None


def other_advice(data_dir: Path) -> Callable[[SessionRecord], bool]:
    """``supple advice apply`` of another suggestion, from another copy."""
    a_coach(data_dir).advice.apply(OTHER, "why")
    return lambda r: any(n.id == OTHER.id for n in r.advice)


def other_newer_key(data_dir: Path) -> Callable[[SessionRecord], bool]:
    """A newer supple on a synced machine adds a key this one does not know."""
    (path,) = HistoryStore(data_dir).session_files()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["from_a_newer_supple"] = "kept"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return lambda r: r.unknown.get("from_a_newer_supple") == "kept"


OTHERS = {"morning": other_morning, "advice": other_advice, "newer key": other_newer_key}


# -- the app's writing paths: read first (as home does), then written -------------------------


def app_apply(coach: Coach) -> Callable[[SessionRecord], bool]:
    coach.advice.apply(SUGGESTION, "why")
    return lambda r: any(n.id == SUGGESTION.id and n.undone_at is None for n in r.advice)


def app_undo(coach: Coach) -> Callable[[SessionRecord], bool]:
    coach.advice.undo(SUGGESTION.id)
    return lambda r: any(n.id == SUGGESTION.id and n.undone_at == NOW for n in r.advice)


def app_morning(coach: Coach) -> Callable[[SessionRecord], bool]:
    coach.journal.answer_morning(NOW, 8)
    return lambda r: r.morning_pain == 8


def cli_checkin(coach: Coach) -> Callable[[SessionRecord], bool]:
    assert main(["checkin", "--morning", "3"]) == 0
    return lambda r: r.morning_pain == 3


PATHS: dict[str, tuple[Callable[[Coach], Callable[[SessionRecord], bool]], tuple[str, ...]]] = {
    # each path, and the other writers whose fields it does not own
    "advice apply": (app_apply, ("morning", "advice", "newer key")),
    "advice undo": (app_undo, ("morning", "newer key")),  # one applied since: undone first
    "app morning": (app_morning, ("advice", "newer key")),
    "cli checkin": (cli_checkin, ("advice", "newer key")),
}
CASES = [(p, o) for p, (_, others) in PATHS.items() for o in others]


@pytest.mark.parametrize(("path_name", "other_name"), CASES)
def test_a_change_made_between_the_apps_read_and_its_write_is_kept(
    data_dir: Path, path_name: str, other_name: str
) -> None:
    coach = a_coach(data_dir)
    store = coach.journal.store
    store.save(make_session_record(YESTERDAY, pain_before=2), store.path_for(R, YESTERDAY))
    write, _others = PATHS[path_name]
    if path_name == "advice undo":
        coach.advice.apply(SUGGESTION, "why")
    coach.journal.history()  # the app's copy, read before the other writer
    theirs = OTHERS[other_name](data_dir)
    mine = write(coach)
    record = read_record(only(coach))
    assert theirs(record), f"{other_name} lost when {path_name} wrote"
    assert mine(record)
    assert record.pain_before == 2  # nobody's field: as it was


def written_into(path: Path, field: str) -> Callable[[SessionRecord], bool]:
    """Another copy writes one of the fields written after a session (``record.LATER``) into
    the record of a session still running here."""
    from supple.core.record import AdviceNote

    note = AdviceNote(OTHER.id, "easier", ("sphinx",), NOW)
    changes: dict[str, Callable[[SessionRecord], SessionRecord]] = {
        "morning": lambda r: replace(r, morning_pain=5, morning_at=NOW),
        "advice": lambda r: replace(r, advice=(*r.advice, note)),
        "newer key": lambda r: replace(r, unknown={**r.unknown, "from_a_newer_supple": "kept"}),
    }
    HistoryStore(path.parents[3]).update(path, changes[field])
    checks: dict[str, Callable[[SessionRecord], bool]] = {
        "morning": lambda r: r.morning_pain == 5 and r.morning_at == NOW,
        "advice": lambda r: r.advice == (note,),
        "newer key": lambda r: r.unknown.get("from_a_newer_supple") == "kept",
    }
    return checks[field]


@pytest.mark.parametrize("other_name", list(OTHERS))
@pytest.mark.parametrize("step", ["checkpoint", "mark", "after"])
def test_a_live_sessions_writes_keep_what_others_wrote_into_its_record(
    data_dir: Path, other_name: str, step: str
) -> None:
    """A session's own record, written at every checkpoint, a mark and the after check-in,
    keeps the morning answer, advice and newer keys another copy wrote into it meanwhile."""
    coach = a_coach(data_dir)
    live = coach.start(R, "beginner")
    assert live.open() is None
    theirs = written_into(only(coach), other_name)
    match step:
        case "checkpoint":
            live.recorder.checkpoint()
            mine: Callable[[SessionRecord], bool] = lambda r: r.status == "in_progress"  # noqa: E731
        case "mark":
            live.mark_pain(4, "none")
            mine = lambda r: [m.rating for m in r.pain_marks] == [4]  # noqa: E731
        case _:
            live.end()
            live.add_check_in(6, "stiff")
            mine = lambda r: (r.pain_after, r.note) == (6, "stiff")  # noqa: E731
    record = read_record(only(coach))
    assert theirs(record) and mine(record)
    live.end()


def test_a_dead_checkpoint_marked_interrupted_keeps_the_rest_of_the_file(data_dir: Path) -> None:
    store = HistoryStore(data_dir)
    path = store.path_for(R, YESTERDAY)
    record = replace(make_session_record(YESTERDAY, status="in_progress"), morning_pain=4)
    store.save(record, path)
    dead = store.live(path)
    assert dead._lock is not None
    dead._lock.close()  # the process died: its lock file stays, no longer held
    assert store.recover() == [path]
    again = read_record(path)
    assert again.status == "interrupted" and again.morning_pain == 4


def test_the_change_is_made_under_the_data_lock_from_the_file_as_it_is(data_dir: Path) -> None:
    """While one copy changes a record, no other can take the lock: the change is computed
    from the file read under it, so no copy writes over a change it has not seen."""
    store = HistoryStore(data_dir)
    path = store.path_for(R, YESTERDAY)
    store.save(make_session_record(YESTERDAY), path)
    lock = store.locks_dir.parent / DATA_LOCK
    seen: list[int | None] = []

    def change(record: SessionRecord) -> SessionRecord:
        fd = os.open(lock, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: the other copy waits
        finally:
            os.close(fd)
        seen.append(record.morning_pain)
        return replace(record, note="mine")

    # another copy wrote a morning after this one last read the history
    store.save(replace(read_record(path), morning_pain=5), path)
    written = store.update(path, change)
    assert seen == [5] and written is not None
    assert (read_record(path).morning_pain, read_record(path).note) == (5, "mine")
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # let go afterwards
    finally:
        os.close(fd)


def test_a_newer_supples_record_is_never_rewritten(data_dir: Path) -> None:
    store = HistoryStore(data_dir)
    path = store.path_for(R, YESTERDAY)
    data = make_session_record(YESTERDAY).to_toml()
    data["schema"] = 99
    path.parent.mkdir(parents=True)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    assert store.update(path, lambda r: replace(r, morning_pain=3)) is None
    assert path.read_bytes() == before


def test_a_record_gone_since_is_left_gone(data_dir: Path) -> None:
    coach = a_coach(data_dir)
    store = coach.journal.store
    path = store.path_for(R, YESTERDAY)
    store.save(make_session_record(YESTERDAY), path)
    coach.journal.history()
    path.unlink()  # trashed from another copy
    coach.advice.apply(SUGGESTION, "why")  # applied all the same; no note, no file made again
    assert not path.exists() and coach.advice.log()[-1].id == SUGGESTION.id
