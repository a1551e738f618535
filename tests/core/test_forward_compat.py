"""Issue 22's rule for every file supple rewrites: keys it does not know are kept on a rewrite; a
file of a newer schema is read for what can be read, never rewritten nor quarantined; a file of
an older or invalid schema is handled as before."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tomli_w

from supple.core.adjustments import load_adjustments, save_adjustments
from supple.core.files import SaveError
from supple.core.history import HistoryStore, Quarantined, Skipped
from supple.core.program import load_program
from supple.core.program_store import ProgramStore
from supple.core.remembered import Remembered, load_remembered, save_remembered
from supple.core.routine import load_catalog
from supple.core.schema import newer, schema_of, unknown_keys
from supple.core.summary import read_summary
from supple.system import paths
from supple.system.reminders import load_settings, save_settings

PROGRAM = load_program(paths.bundled_program_path(), load_catalog(paths.routine_folders()))
AT = datetime(2026, 11, 2, 8, tzinfo=UTC)


def write(path: Path, data: dict[str, object]) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tomli_w.dumps(data).encode())
    return path.read_bytes()


def test_the_helper() -> None:
    assert [schema_of({"schema": s}) for s in (1, 2, 0, "1", True, None)] == [1, 2, *[None] * 4]
    assert schema_of({}) is None and schema_of({}, 1) == 1
    assert newer(2) and not newer(1)
    assert unknown_keys({"schema": 1, "a": 1, "b": 2}, ("a",)) == {"b": 2}
    assert unknown_keys({"schema": 1, "a": 1}, ("a",)) == {}


# -- program.toml and test results --------------------------------------------------------------


def program_store(tmp_path: Path) -> ProgramStore:
    return ProgramStore(HistoryStore(tmp_path / "data"))


def test_program_state_restart_keeps_unknown_keys(tmp_path: Path) -> None:
    store = program_store(tmp_path)
    write(store.state_path, {"schema": 1, "program": PROGRAM.id, "started": AT, "paused": True})
    state, bad = store.state()
    assert bad is None and state is not None and state.unknown == {"paused": True}
    store.start(PROGRAM, AT.replace(day=9))
    after = tomllib.loads(store.state_path.read_text())
    assert after["paused"] is True and after["started"] == AT.replace(day=9)


def test_program_state_of_a_newer_schema_is_read_never_rewritten(tmp_path: Path) -> None:
    store = program_store(tmp_path)
    raw = write(store.state_path, {"schema": 2, "program": PROGRAM.id, "started": AT, "x": 1})
    state, bad = store.state()
    assert bad is None and state is not None and state.schema == 2 and state.started == AT
    with pytest.raises(SaveError, match="newer supple"):
        store.start(PROGRAM, AT.replace(day=9))
    assert store.state_path.read_bytes() == raw


def test_program_state_of_a_newer_schema_that_cannot_be_read_is_left(tmp_path: Path) -> None:
    store = program_store(tmp_path)
    raw = write(store.state_path, {"schema": 2, "program": PROGRAM.id, "started": "soon"})
    state, bad = store.state()
    assert state is None and isinstance(bad, Skipped) and "(schema 2, newer)" in bad.reason
    assert store.state_path.read_bytes() == raw
    assert not store.history.quarantine_dir.exists()


@pytest.mark.parametrize("schema", [0, "1"])
def test_program_state_of_an_older_or_invalid_schema_is_quarantined(
    tmp_path: Path, schema: object
) -> None:
    store = program_store(tmp_path)
    write(store.state_path, {"schema": schema, "program": PROGRAM.id, "started": AT})
    state, bad = store.state()
    assert state is None and isinstance(bad, Quarantined) and "unknown schema" in bad.reason
    assert not store.state_path.exists()


def test_test_results_of_a_newer_schema_read_or_left_never_quarantined(tmp_path: Path) -> None:
    store = program_store(tmp_path)
    test = PROGRAM.tests[0]
    folder = store.results_dir / "2026"
    good = {"test": test.id, "value": test.low, "point": "start", "taken": AT.isoformat()}
    write(folder / "a.toml", {"schema": 2, **good, "felt": "easy"})
    raw = write(folder / "b.toml", {"schema": 2, **good, "point": "later"})
    write(folder / "c.toml", {"schema": 0, **good})
    loaded = store.results(PROGRAM)
    assert [r.test for r in loaded.results] == [test.id]
    (left,) = loaded.skipped
    assert left.path == folder / "b.toml" and "(schema 2, newer)" in left.reason
    assert (folder / "b.toml").read_bytes() == raw
    assert [q.reason for q in loaded.quarantined] == [
        "unknown schema 0 (this supple reads schema 1)"
    ]


# -- remind.toml ----------------------------------------------------------------------------------


def test_reminder_settings_keep_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "remind.toml"
    write(path, {"schema": 1, "on": True, "at": ["07:30"], "quiet": ["sun"]})
    settings, problem = load_settings(path)
    assert problem is None and settings.at == (450,)
    save_settings(path, settings)
    assert tomllib.loads(path.read_text())["quiet"] == ["sun"]


def test_reminder_settings_of_a_newer_schema_are_read_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "remind.toml"
    raw = write(path, {"schema": 2, "on": True, "at": ["07:30"]})
    settings, problem = load_settings(path)
    assert problem is None and settings.on and settings.schema == 2
    with pytest.raises(SaveError, match="newer supple"):
        save_settings(path, settings)
    raw_bad = write(path, {"schema": 2, "on": "sometimes"})
    settings, problem = load_settings(path)
    assert problem is not None and not settings.on and settings.schema == 2
    with pytest.raises(SaveError):
        save_settings(path, settings)
    assert path.read_bytes() == raw_bad != raw


def test_reminder_settings_of_an_older_schema_are_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "remind.toml"
    write(path, {"schema": 0, "on": True})
    settings, problem = load_settings(path)
    assert problem is None and settings.on and settings.schema == 1
    save_settings(path, settings)
    assert tomllib.loads(path.read_text())["schema"] == 1


# -- adjustments.toml -----------------------------------------------------------------------------


def test_adjustments_keep_what_they_do_not_know(tmp_path: Path) -> None:
    path = tmp_path / "adjustments.toml"
    write(path, {"schema": 1, "note": "x", "back": {"cat-cow": -1, "sphinx": {"step": 1}}})
    steps, problems = load_adjustments(path)
    # Reported as before (a schema 1 file), and kept all the same, as config.toml does.
    assert steps == {"back": {"cat-cow": -1}}
    assert [p.key for p in problems] == ["note", "back.sphinx"]
    steps["back"]["cat-cow"] = 1
    steps["hips"] = {"lunge": 1}
    save_adjustments(steps, path)
    after = tomllib.loads(path.read_text())
    assert after == {
        "schema": 1,
        "note": "x",
        "back": {"cat-cow": 1, "sphinx": {"step": 1}},
        "hips": {"lunge": 1},
    }


def test_adjustments_of_a_newer_schema_are_read_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "adjustments.toml"
    raw = write(path, {"schema": 2, "back": {"cat-cow": -1, "sphinx": {"step": 1}}})
    steps, problems = load_adjustments(path)
    assert steps == {"back": {"cat-cow": -1}} and problems == []
    with pytest.raises(SaveError, match="newer supple"):
        save_adjustments({}, path)
    assert path.read_bytes() == raw


def test_adjustments_of_an_older_schema_are_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "adjustments.toml"
    write(path, {"schema": 0, "back": {"cat-cow": -1}})
    steps, _ = load_adjustments(path)
    assert steps == {"back": {"cat-cow": -1}}
    save_adjustments({}, path)
    assert tomllib.loads(path.read_text()) == {"schema": 1}


# -- state.toml -----------------------------------------------------------------------------------


def test_remembered_state_keeps_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    write(path, {"schema": 1, "muted": True, "volume": 3})
    remembered = load_remembered(path)
    assert remembered.muted and remembered.unknown == {"volume": 3}
    assert save_remembered(path, Remembered(focus=True, unknown=remembered.unknown)) is None
    assert tomllib.loads(path.read_text()) == {
        "schema": 1,
        "muted": False,
        "focus": True,
        "volume": 3,
    }


def test_remembered_state_of_a_newer_schema_is_read_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    raw = write(path, {"schema": 2, "level": "advanced", "muted": "maybe"})
    remembered = load_remembered(path)
    assert remembered.level == "advanced" and not remembered.muted and remembered.schema == 2
    reason = save_remembered(path, remembered)
    assert reason is not None and "newer supple" in reason
    assert path.read_bytes() == raw


def test_remembered_state_of_an_older_schema_is_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    write(path, {"schema": "old", "level": "advanced"})
    remembered = load_remembered(path)
    assert remembered.level == "advanced" and remembered.schema == 1
    assert save_remembered(path, remembered) is None


# -- status.json ----------------------------------------------------------------------------------


def test_a_summary_of_a_newer_schema_is_read_for_what_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    path.write_text(json.dumps({"schema": 2, "streak": 4, "mood": "ok", "day": 7}))
    summary = read_summary(path)
    assert summary is not None and summary.schema == 2 and summary.streak == 4
    assert summary.day is None
    for schema in (0, "1", None):
        path.write_text(json.dumps({"schema": schema, "streak": 4}))
        assert read_summary(path) is None


def test_the_command_line_says_a_newer_file_is_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from supple.cli import main

    state = paths.data_dir() / "program.toml"
    raw = write(state, {"schema": 2, "program": PROGRAM.id, "started": AT})
    assert main(["program", "start", "--yes"]) == 1
    assert "written by a newer supple" in capsys.readouterr().err
    assert state.read_bytes() == raw
    remind = paths.config_dir() / "remind.toml"
    raw = write(remind, {"schema": 2, "on": True, "at": ["07:30"]})
    assert main(["remind", "off"]) == 1
    assert "written by a newer supple" in capsys.readouterr().err
    assert remind.read_bytes() == raw
