"""Hostile and unlucky files (issue 13): files that are not files, tomllib's own limits, an index
that lies, lock files that point elsewhere, files that cannot be read for now, and files built to
make validation slow. Each class is fixed by one mechanism; each test here generates many
instances of its class (loops or hypothesis) and includes the cases quoted in the issue."""

from __future__ import annotations

import contextlib
import copy
import errno
import json
import os
import signal
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import supple.core.history as history_module
from supple.cli import main
from supple.coach.coach import Coach
from supple.core.config import load_config
from supple.core.files import (
    MAX_INDEX_BYTES,
    MAX_LOCK_BYTES,
    MAX_ROUTINE_BYTES,
    MAX_SESSION_BYTES,
    MAX_SETTINGS_BYTES,
)
from supple.core.history import HistoryStore, read_record
from supple.core.program import load_program
from supple.core.program_store import ProgramStore
from supple.core.routine import RoutineError, load_catalog, load_routine
from supple.core.tomlcheck import MAX_PROBLEMS
from supple.system import paths
from tests.fakes import make_session_record

pytestmark = pytest.mark.faults

T0 = datetime(2026, 11, 24, 7, 30, tzinfo=timezone(timedelta(hours=1)))
VALID = (Path(__file__).parents[1] / "data" / "routines" / "valid.toml").read_text()
HYPO = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@contextlib.contextmanager
def deadline(seconds: float = 10.0) -> Iterator[None]:
    """Fail, rather than hang the suite, if the body blocks (a FIFO read, an endless device)."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"blocked for more than {seconds} s")

    before = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


# -- 1. files that are not files ---------------------------------------------------------------


def _fifo(path: Path, cap: int) -> str:
    os.mkfifo(path)
    return "not a regular file (a FIFO)"


def _device(target: str) -> Callable[[Path, int], str]:
    def make(path: Path, cap: int) -> str:
        path.symlink_to(target)
        return "not a regular file (a device)"

    return make


def _folder(path: Path, cap: int) -> str:
    path.mkdir()
    return "not a regular file (a folder)"


def _self_loop(path: Path, cap: int) -> str:
    path.symlink_to(path.name)
    return "not a regular file (a symbolic link loop)"


def _two_link_loop(path: Path, cap: int) -> str:
    other = path.with_name(path.stem + "-other.link")
    other.symlink_to(path.name)
    path.symlink_to(other.name)
    return "not a regular file (a symbolic link loop)"


def _huge(extra: int) -> Callable[[Path, int], str]:
    def make(path: Path, cap: int) -> str:
        with open(path, "wb") as handle:
            handle.truncate(cap + extra)  # sparse: no disk, no time
        return f"too large: more than {cap:,} bytes"

    return make


NOT_FILES: dict[str, Callable[[Path, int], str]] = {
    "fifo": _fifo,
    "/dev/zero": _device("/dev/zero"),
    "/dev/null": _device("/dev/null"),
    "/dev/urandom": _device("/dev/urandom"),
    "folder": _folder,
    "self-loop": _self_loop,
    "two-link-loop": _two_link_loop,
    "one-byte-over": _huge(1),
    "huge": _huge(4 * 1024**3),
}


@pytest.mark.parametrize("kind", sorted(NOT_FILES))
@pytest.mark.parametrize("position", ["a-first", "m-middle", "z-last"])
def test_a_routine_that_is_not_a_file_is_a_broken_routine_everywhere(
    kind: str, position: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True)
    for name in ("b-good", "y-good"):
        (folder / f"{name}.toml").write_text(VALID.replace('id = "test"', f'id = "{name}"', 1))
    bad = folder / f"{position}.toml"
    reason = NOT_FILES[kind](bad, MAX_ROUTINE_BYTES)
    with deadline():
        # the catalog (the app's and `list`'s): listed as a broken routine, with the reason
        catalog = load_catalog([(folder, "user")])
        assert sorted(r.id for r in catalog.routines) == ["b-good", "y-good"]
        (error,) = catalog.errors
        assert error.path == bad and reason in str(error)
        assert main(["list", "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert [e for e in listed if "error" in e] == [{"path": str(bad), "error": str(error)}]
        # validate: the folder goes on past it, and the file itself is a problem, not a hang
        assert main(["validate", str(folder)]) == 1
        out = capsys.readouterr().out
        assert out.count(f"{bad}: {reason}") == 1 and out.count(": ok") == 2
        if kind != "folder":  # a folder named on the command line is validated as a folder
            assert main(["validate", str(bad)]) == 1
            assert capsys.readouterr().out == f"{bad}: {reason}\n"


@pytest.mark.parametrize("kind", sorted(NOT_FILES))
def test_a_session_file_that_is_not_a_file_is_reported_never_quarantined(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = HistoryStore(paths.data_dir())
    good = store.save(make_session_record(T0), store.path_for("back-pain-relief", T0))
    bad = good.parent / f"20261124T080000-x-{kind.strip('/').replace('/', '-')}.toml"
    reason = NOT_FILES[kind](bad, MAX_SESSION_BYTES)
    with deadline():
        assert [r.path for r in store.newest(10)] == [good]
        loaded = store.load()
        assert [r.path for r in loaded.records] == [good]
        assert not loaded.quarantined
        assert [(s.path, reason in s.reason) for s in loaded.skipped] == [(bad, True)]
        assert os.path.lexists(bad)
        assert main(["history"]) == 0
        out, err = capsys.readouterr()
        assert "Back pain relief" in out and str(bad) in err and reason in err


@pytest.mark.parametrize("kind", sorted(NOT_FILES))
def test_settings_program_state_and_test_results_that_are_not_files(kind: str) -> None:
    data = paths.data_dir()
    config = paths.config_file()
    config.parent.mkdir(parents=True)
    data.mkdir(parents=True)
    state = data / "program.toml"
    result = data / "tests" / "2026" / "20261124T073000-x-abc.toml"
    result.parent.mkdir(parents=True)
    reasons = [
        NOT_FILES[kind](config, MAX_SETTINGS_BYTES),
        NOT_FILES[kind](state, MAX_SESSION_BYTES),
        NOT_FILES[kind](result, MAX_SESSION_BYTES),
    ]
    with deadline():
        settings_, problems = load_config(config)
        assert reasons[0] in str(problems[0]) and settings_.level == "beginner"
        store = ProgramStore(HistoryStore(data))
        started, left = store.state()
        assert started is None and left is not None and reasons[1] in str(left)
        program = load_program(paths.bundled_program_path(), load_catalog(paths.routine_folders()))
        loaded = store.results(program)
        assert not loaded.quarantined and [str(s.path) for s in loaded.skipped] == [str(result)]
    assert os.path.lexists(state) and os.path.lexists(result)


# -- 2. tomllib's own limits -------------------------------------------------------------------

too_big = st.integers(min_value=20, max_value=6000).map(lambda n: "9" * n) | st.sampled_from(
    ["9223372036854775808", "-9223372036854775809", "0x" + "f" * 17]
)
depths = st.integers(min_value=33, max_value=4000)
shapes = st.sampled_from(["array", "inline", "mixed"])


def nested(depth: int, shape: str) -> str:
    if shape == "array":
        return "[" * depth + "1" + "]" * depth
    if shape == "inline":
        return "{a = " * depth + "1" + "}" * depth
    return "[{a = " * (depth // 2) + "1" + "}]" * (depth // 2)


def _routine(value: str) -> str:
    return VALID.replace("reps = 5,", f"reps = {value},", 1)


def _session(value: str) -> str:
    text = tomli_w.dumps(make_session_record(T0).to_toml())
    return text.replace("active_seconds = 95.0", f"active_seconds = {value}", 1)


FILE_KINDS = ["routine", "settings", "session", "program-state", "test-result"]


def problem_for(kind: str, text: str) -> tuple[Path, str]:
    """The file of ``kind`` holding ``text``, and what supple says of it: never a traceback.
    (Each call starts from empty folders: hypothesis calls it many times in one test.)"""
    for folder in (paths.data_dir(), paths.user_routines_dir(), paths.config_dir()):
        _clear(folder)
    data = paths.data_dir()
    store = HistoryStore(data)
    if kind == "routine":
        path = paths.user_routines_dir() / "r.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_routine(text))
        with pytest.raises(RoutineError) as caught:
            load_routine(path)
        return path, str(caught.value)
    if kind == "settings":
        path = paths.config_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"get_ready = {text}\n")
        return path, "\n".join(map(str, load_config(path)[1]))
    if kind == "session":
        path = store.sessions_dir / "2026" / "11" / "20261124T073000-x-abc.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_session(text))
        (bad,) = store.load().quarantined
        return path, str(bad)
    if kind == "program-state":
        path = data / "program.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'schema = 1\nprogram = "x"\nstarted = {text}\n')
        return path, str(ProgramStore(store).state()[1])
    path = data / "tests" / "2026" / "20261124T073000-x-abc.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'schema = 1\ntest = "x"\nvalue = {text}\npoint = "start"\n')
    program = load_program(paths.bundled_program_path(), load_catalog(paths.routine_folders()))
    (bad,) = ProgramStore(store).results(program).quarantined
    return path, str(bad)


@pytest.mark.parametrize("kind", FILE_KINDS)
@HYPO
@given(digits=too_big)
@example(digits="9" * 400)
@example(digits="9" * 5000)
def test_a_number_too_large_is_a_problem_naming_the_file(kind: str, digits: str) -> None:
    path, said = problem_for(kind, digits)
    assert "a number too large" in said and str(path) in said


@pytest.mark.parametrize("kind", FILE_KINDS)
@HYPO
@given(depth=depths, shape=shapes)
@example(depth=5000, shape="array")
@example(depth=1000, shape="inline")
def test_deep_nesting_is_a_problem_naming_the_file(kind: str, depth: int, shape: str) -> None:
    path, said = problem_for(kind, nested(depth, shape))
    assert "too deeply nested" in said and str(path) in said


def _clear(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def test_validate_of_a_folder_goes_on_past_every_such_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    bad = {
        "400-digits": _routine("9" * 400),
        "5000-digits": _routine("9" * 5000),
        "deep-arrays": f"x = {nested(5000, 'array')}\n",
        "deep-tables": "[" + ".".join(["a"] * 200) + "]\n",
        "bom": "\ufeff" + VALID,
    }
    for name, text in bad.items():
        (folder / f"{name}.toml").write_text(text)
        (folder / f"{name}-ok.toml").write_text(VALID)
    assert main(["validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert not err and out.count(": ok") == len(bad)
    for name in bad:
        assert f"{folder / name}.toml" in out
    assert "remove the byte-order mark" in out and "Traceback" not in out


# -- 3. index.json is a cache ------------------------------------------------------------------

REQUIRED = [
    "schema",
    "routine",
    "title",
    "level",
    "started",
    "ended",
    "status",
    "active_seconds",
    "paused_seconds",
    "planned_seconds",
    "exercise",
]
WRONG = [None, True, 1, 2.5, "text", [], {}, [1, [2]], {"a": {}}, 10**30, "2026-11-24T07:30:00"]


def detectable(key: str, old: Any, value: Any) -> bool:
    """Whether ``value`` in place of ``old`` is wrong, not merely different: a lie that a
    file's checks catch (a title changed to other text is not; a time without offset is)."""
    if key in ("started", "ended", "level", "status"):
        return True  # no value of WRONG is a valid time, level or status
    number = isinstance(value, int | float) and not isinstance(value, bool) and value < 10**6
    if key in ("active_seconds", "paused_seconds", "planned_seconds", "schema"):
        return not number and value is not True
    if key in ("feeling_before", "feeling_after"):
        return value is not None and not (number and value in range(11))
    return type(old) is not type(value)


def _history(count: int) -> tuple[HistoryStore, list[Path]]:
    store = HistoryStore(paths.data_dir())
    written = []
    for n in range(count):
        at = T0 - timedelta(days=n)
        record = make_session_record(at, before=3, after=5, note=f"note {n}")
        written.append(store.save(record, store.path_for("back-pain-relief", at)))
    return store, written


def _expected(written: list[Path]) -> list[Any]:
    return sorted((read_record(p) for p in written), key=lambda r: str(r.path))


mutations = st.lists(
    st.tuples(
        st.integers(0, 4),  # which entry
        st.sampled_from(["drop", "wrong", "exercise-drop", "exercise-wrong", "shape"]),
        st.sampled_from(REQUIRED + ["feeling_before", "feeling_after", "note"]),
        st.sampled_from(WRONG),
    ),
    min_size=1,
    max_size=6,
)


@HYPO
@given(changes=mutations)
@example(changes=[(0, "drop", "routine", None)])  # the KeyError of the issue
@example(changes=[(0, "drop", "exercise", None)])
@example(changes=[(1, "wrong", "started", 1)])
@example(changes=[(0, "wrong", "schema", 10**30)])  # a newer schema only the index claims
@example(changes=[(0, "drop", "routine", None), (0, "wrong", "routine", "2026-11-24T07:30:00")])
@example(changes=[(1, "wrong", "routine", None), (1, "wrong", "routine", "text")])
def test_index_entries_that_match_the_file_but_lie_mean_reading_the_file(
    changes: list[tuple[int, str, str, Any]],
) -> None:
    _clear(paths.data_dir())
    store, written = _history(5)
    store.load()  # writes the index
    raw = json.loads(store.index_path.read_text())
    held = copy.deepcopy(raw["files"])  # what each file holds, as the index first said it
    keys = sorted(raw["files"])
    for which, how, key, shared in changes:
        # A copy: the same drawn list or table put in two places (or into itself) would make
        # the index unwritable, a test's mistake rather than a lie of the index.
        value = copy.deepcopy(shared)
        entry = raw["files"][keys[which]]
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], dict)):
            continue  # reshaped already
        data = entry[2]
        if how == "drop":
            if key not in data or key not in REQUIRED:
                continue
            del data[key]
        elif how == "wrong":
            # Judged against the value the file holds (not one an earlier change put in the
            # index): after `routine = None`, another routine id is a lie no check can see.
            first = held[keys[which]][2] if isinstance(held[keys[which]], list) else {}
            if key not in data or key not in first or not detectable(key, first[key], value):
                continue
            data[key] = value
        elif how == "exercise-drop":
            exercises = data.get("exercise")
            if isinstance(exercises, list) and exercises and isinstance(exercises[0], dict):
                exercises[0].pop("seconds", None)
        elif how == "exercise-wrong":
            exercises = data.get("exercise")
            if isinstance(exercises, list) and exercises:
                exercises[0] = value
        else:
            raw["files"][keys[which]] = [entry[0], entry[1], value] if value != {} else entry[:2]
    store.index_path.write_text(json.dumps(raw))
    changed = {keys[which] for which, *_ in changes}
    loaded = store.load()
    assert sorted(loaded.records, key=lambda r: str(r.path)) == _expected(written), changed
    assert not loaded.quarantined and not loaded.skipped


def _index_folder(path: Path) -> None:
    path.mkdir()


def _index_fifo(path: Path) -> None:
    os.mkfifo(path)


def _index_huge(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(MAX_INDEX_BYTES + 1)


BAD_INDEXES: dict[str, Callable[[Path], None]] = {
    "folder": _index_folder,
    "fifo": _index_fifo,
    "huge": _index_huge,
    "/dev/zero": lambda p: p.symlink_to("/dev/zero"),
    "self-loop": lambda p: p.symlink_to(p.name),
    "not-utf8": lambda p: p.write_bytes(b'{"version": 2, "files": {"\xff": 1}}'),
    "deep": lambda p: p.write_text("[" * 100_000 + "]" * 100_000),
    "truncated": lambda p: p.write_text('{"version": 2, "files": {'),
    "a list": lambda p: p.write_text("[1, 2]"),
    "wrong version": lambda p: p.write_text('{"version": "2", "files": {}}'),
    "files a list": lambda p: p.write_text('{"version": 2, "files": []}'),
    "huge numbers": lambda p: p.write_text('{"version": 2, "files": {"a": [1e999, 1, {}]}}'),
    "nul": lambda p: p.write_bytes(b'{"version": 2,\x00 "files": {}}'),
}


@pytest.mark.parametrize("kind", sorted(BAD_INDEXES))
def test_an_index_that_is_huge_a_folder_a_fifo_or_not_json_is_rebuilt_silently(
    kind: str,
) -> None:
    store, written = _history(3)
    store.index_path.parent.mkdir(parents=True, exist_ok=True)
    BAD_INDEXES[kind](store.index_path)
    with deadline():
        loaded = store.load()
    assert sorted(loaded.records, key=lambda r: str(r.path)) == _expected(written)
    assert not loaded.quarantined and not loaded.skipped


# -- 4. lock files -----------------------------------------------------------------------------


def _outside_target(tmp_path: Path) -> tuple[Path, bytes]:
    """A checkpoint outside the data folder, as a lock would want to rewrite it."""
    outside = tmp_path / "elsewhere" / "20261124T073000-back-pain-relief-abc123.toml"
    outside.parent.mkdir()
    record = make_session_record(T0, status="in_progress").to_toml()
    outside.write_text(tomli_w.dumps(record))
    outside.chmod(0o644)
    return outside, outside.read_bytes()


def lock_contents(tmp_path: Path, store: HistoryStore, outside: Path) -> dict[str, bytes]:
    month = store.sessions_dir / "2026" / "11"
    month.mkdir(parents=True, exist_ok=True)
    link = month / outside.name
    if not link.is_symlink():
        link.symlink_to(outside)
    traversal = f"{month}/../../../elsewhere/{outside.name}"
    return {
        "absolute elsewhere": f"1\n{outside}\n".encode(),
        "dot-dot traversal": f"1\n{traversal}\n".encode(),
        "symlink out": f"1\n{link}\n".encode(),
        "relative": f"1\n../elsewhere/{outside.name}\n".encode(),
        "not utf-8": b"1\n\xff\xfe" + str(outside).encode() + b"\n",
        "nul": f"1\n{outside}\x00\n".encode(),
        "nul inside": f"1\n{month}/\x00{outside.name}\n".encode(),
        "empty": b"",
        "one line": b"12345",
        "data folder itself": f"1\n{store.data_dir}/{outside.name}\n".encode(),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "absolute elsewhere",
        "dot-dot traversal",
        "symlink out",
        "relative",
        "not utf-8",
        "nul",
        "nul inside",
        "empty",
        "one line",
        "data folder itself",
    ],
)
def test_a_lock_naming_anything_but_its_session_in_sessions_is_ignored(
    kind: str, tmp_path: Path
) -> None:
    store = HistoryStore(paths.data_dir())
    outside, before = _outside_target(tmp_path)
    content = lock_contents(tmp_path, store, outside)[kind]
    store.locks_dir.mkdir(parents=True)
    lock = store.locks_dir / (outside.stem + ".lock")
    lock.write_bytes(content)
    with deadline():
        loaded = store.load()
    assert outside.read_bytes() == before and outside.stat().st_mode & 0o777 == 0o644
    assert not any(p == outside or p.resolve() == outside for p in loaded.recovered)
    assert not lock.exists()  # nobody held it: a stale lock, removed
    assert any(s.path == lock for s in loaded.skipped)


@HYPO
@given(data=st.data())
def test_generated_lock_contents_never_touch_a_file_outside_sessions(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp("lock")
    store = HistoryStore(tmp_path / "data")
    outside, before = _outside_target(tmp_path)
    quoted = list(lock_contents(tmp_path, store, outside).values())
    pieces = [
        b"1",
        str(outside).encode(),
        str(store.sessions_dir).encode(),
        b"/..",
        b"/",
        outside.name.encode(),
        b"\x00",
        b"\xff",
        b"\n",
        b"",
    ]
    made = data.draw(
        st.lists(st.sampled_from(pieces) | st.binary(max_size=8), max_size=8).map(b"".join)
        | st.sampled_from(quoted)
        | st.binary(max_size=300)
    )
    store.locks_dir.mkdir(parents=True)
    (store.locks_dir / (outside.stem + ".lock")).write_bytes(made)
    store.load()
    assert outside.read_bytes() == before and outside.stat().st_mode & 0o777 == 0o644


def _lock_fifo(path: Path) -> None:
    os.mkfifo(path)


def _lock_huge(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(MAX_LOCK_BYTES + 1)


@pytest.mark.parametrize(
    "make",
    [
        _lock_fifo,
        _lock_huge,
        lambda p: p.mkdir(),
        lambda p: p.symlink_to("/dev/zero"),
        lambda p: p.symlink_to(p.name),
    ],
    ids=["fifo", "huge", "folder", "/dev/zero", "self-loop"],
)
def test_a_lock_that_is_not_a_small_file_is_left_alone_and_said(
    make: Callable[[Path], None], tmp_path: Path
) -> None:
    store, written = _history(2)
    store.locks_dir.mkdir(parents=True)
    lock = store.locks_dir / (written[0].stem + ".lock")
    make(lock)
    with deadline():
        loaded = store.load()
    assert len(loaded.records) == 2 and os.path.lexists(lock)
    assert [s.path for s in loaded.skipped] == [lock]


def test_a_real_lock_of_a_dead_session_still_recovers_it() -> None:
    store = HistoryStore(paths.data_dir())
    path = store.save(
        make_session_record(T0, status="in_progress"), store.path_for("back-pain-relief", T0)
    )
    store.locks_dir.mkdir(parents=True)
    (store.locks_dir / (path.stem + ".lock")).write_text(f"999\n{path}\n")
    assert store.recover() == [path]
    assert read_record(path).status == "interrupted"


# -- 5. quarantine -----------------------------------------------------------------------------

FAILURES = [
    PermissionError(errno.EACCES, "Permission denied"),
    OSError(errno.EIO, "Input/output error"),
    OSError(errno.EAGAIN, "Resource temporarily unavailable"),
]


@HYPO
@given(
    unreadable=st.sets(st.integers(0, 5), min_size=1),
    failure=st.sampled_from(FAILURES),
)
def test_a_file_that_cannot_be_read_for_now_is_reported_not_quarantined(
    unreadable: set[int], failure: OSError, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clear(paths.data_dir())
    store, written = _history(6)
    store.index_path.unlink(missing_ok=True)
    blocked = {written[i] for i in unreadable}
    real = history_module.read_capped

    def reader(path: Path, limit: int, **kw: Any) -> bytes:
        if path in blocked:
            raise failure
        return real(path, limit, **kw)

    with monkeypatch.context() as patch:
        patch.setattr(history_module, "read_capped", reader)
        loaded = store.load()
    assert not loaded.quarantined
    assert {s.path for s in loaded.skipped} == blocked
    assert all(failure.strerror in s.reason for s in loaded.skipped)
    assert all(p.exists() for p in written)
    assert len(store.load().records) == 6  # readable again: all there


@pytest.mark.parametrize("mode", [0o644, 0o666, 0o755, 0o400, 0o777])
def test_quarantined_files_are_private(mode: int) -> None:
    store, written = _history(1)
    bad = written[0].with_name("20261124T090000-x-bad.toml")
    bad.write_text("not = [toml")
    bad.chmod(mode)
    (moved,) = store.load().quarantined
    assert moved.moved_to is not None and moved.moved_to.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("how", ["file", "fifo", "/dev/null", "self-loop"])
def test_a_quarantine_that_is_not_a_folder_leaves_the_file_and_says_so(
    how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store, written = _history(1)
    bad = written[0].with_name("20261124T090000-x-bad.toml")
    bad.write_text("not = [toml")
    quarantine = store.quarantine_dir
    {
        "file": lambda: quarantine.write_text("x"),
        "fifo": lambda: os.mkfifo(quarantine),
        "/dev/null": lambda: quarantine.symlink_to("/dev/null"),
        "self-loop": lambda: quarantine.symlink_to(quarantine.name),
    }[how]()
    with deadline():
        (left,) = store.load().quarantined
        assert left.moved_to is None and bad.exists() and str(bad) in str(left)
        coach = Coach.from_environment(data_dir=store.data_dir)
        coach.history()
        (notice,) = coach.take_notices()
        assert "could not be moved aside" in notice.text and str(bad) in notice.text
        assert main(["history"]) == 0
        assert "could not be moved aside" in capsys.readouterr().err


# -- 6. validation speed, lines, the byte-order mark --------------------------------------------


def _exercise(n: int, exercise_id: str = "a") -> str:
    return (
        f'[[exercise]]\nid="{exercise_id}"\nname="A"\nkind="reps"\nhow=["x"]\n'
        "levels={beginner={reps=1},intermediate={reps=1},advanced={reps=1}}\n"
    )


HEAD = 'schema = 1\nid = "t"\ntitle = "T"\n'


def _fill(unit: Callable[[int], str], head: str = HEAD) -> tuple[str, int]:
    parts, size, n = [head], len(head), 0
    while True:
        piece = unit(n)
        if size + len(piece) > MAX_ROUTINE_BYTES:
            return "".join(parts), n
        parts.append(piece)
        size += len(piece)
        n += 1


SLOW_FILES: dict[str, Callable[[], tuple[str, int]]] = {
    # the issue's: 2,000 duplicate exercise ids (15.7 s), 20,000 unknown keys (224 s)
    "duplicate ids": lambda: (HEAD + _exercise(0) * 2000, 1999),
    "unknown keys": lambda: _fill(lambda n: f"k{n:05d} = 1\n"),
    "unknown keys in one table": lambda: _fill(lambda n: f"k{n:05d} = 1\n", HEAD + "[timing]\n"),
    "bad values": lambda: _fill(lambda n: f"[[exercise]]\nid = {n}\n"),
    "dotted unknown keys": lambda: _fill(lambda n: f"x{n}.y.z = 1\n"),
    "many tables": lambda: _fill(lambda n: f"[t{n}]\n"),
}


@pytest.mark.parametrize("kind", sorted(SLOW_FILES))
def test_validating_a_file_of_the_capped_size_is_quick_and_stops_at_50(
    kind: str, tmp_path: Path
) -> None:
    text, _ = SLOW_FILES[kind]()
    assert len(text.encode()) <= MAX_ROUTINE_BYTES
    path = tmp_path / "slow.toml"
    path.write_text(text)
    # CPU time, not wall time: the work is all in this process, and parallel test workers
    # (or anything else on the machine) must not make a quick parse look slow.
    started = time.process_time()
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    assert time.process_time() - started < 2.0  # ≤ 1 s on a laptop; margin for CI
    problems = caught.value.problems
    assert len(problems) <= MAX_PROBLEMS + 1
    if len(problems) == MAX_PROBLEMS + 1:
        assert problems[-1].message.startswith("… and ") and "more problems" in problems[-1].message


@HYPO
@given(count=st.integers(51, 2000))
@example(count=51)
def test_past_50_problems_the_rest_are_counted(count: int, tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(VALID + "".join(f"k{n} = 1\n" for n in range(count)))
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message == f"… and {count - MAX_PROBLEMS:,} more problems"
    assert [p.line for p in problems[:MAX_PROBLEMS]] == list(range(14, 14 + MAX_PROBLEMS))
