"""Sync conflict copies of every single file supple keeps (issue 24, R2 item 6): the files are
listed once (``sync.DATA_FILES``, ``SETTINGS_FILES``, ``STATE_FILES``); every file supple writes
in those folders is on the list, and a differing copy of any of them, in every sync tool's
naming, is said (both kept), an equal one put in the trash."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supple.coach.coach import Coach
from supple.core.advice_log import Applied, save_log
from supple.core.config import Config
from supple.core.files import write_toml
from supple.core.program_store import ProgramStore
from supple.core.remembered import Remembered, save_remembered
from supple.core.screening import CHECKLISTS
from supple.core.sync import DATA_FILES, SETTINGS_FILES, STATE_FILES
from supple.core.value import replace
from supple.system import paths, reminders
from tests.core.test_sync import conflicted

AT = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _coach(data: Path) -> Coach:
    return Coach.from_environment(data_dir=data, now=lambda: AT)


def _single_files(folder: Path) -> set[str]:
    try:
        return {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}
    except FileNotFoundError:
        return set()


def write_every_own_file(data: Path) -> None:
    """Each of supple's own single files written, each as supple writes it."""
    found = _coach(data)
    exercise = found.library.library.ids()[0]
    found.library.mark(exercise)
    assert found.preferences.adjust("back-pain-relief", "cat-cow", 1)[1] is None
    found.journal.answer_screening(frozenset(), 2, AT, CHECKLISTS[0])
    ProgramStore(found.journal.store)._activate("overhead-6-weeks", AT)
    entry = Applied("a1", "harder", "back-pain-relief", ("cat-cow",), "why", AT, None)
    save_log(found.advice.path, [entry])
    assert found.save_settings(replace(Config(), level="advanced")) is None
    reminders.save_settings(found.remind_path, reminders.RemindSettings())
    assert save_remembered(paths.state_file(), Remembered(muted=True)) is None


def test_every_single_file_supple_writes_is_on_the_list(
    isolated_dirs: dict[str, Path],
) -> None:
    write_every_own_file(isolated_dirs["data"])
    wrote = {
        "data": _single_files(isolated_dirs["data"]) - {"status.json"},  # a cache of the status
        "config": _single_files(isolated_dirs["config"]),
        "state": {n for n in _single_files(isolated_dirs["state"]) if n.endswith(".toml")},
    }
    assert wrote["data"] <= set(DATA_FILES), wrote["data"] - set(DATA_FILES)
    assert wrote["config"] <= set(SETTINGS_FILES)
    assert wrote["state"] <= set(STATE_FILES)
    assert wrote["data"] == set(DATA_FILES)  # the scenario wrote each of them
    assert wrote["config"] == set(SETTINGS_FILES)


FOLDERS = [("data", n) for n in DATA_FILES] + [("config", n) for n in SETTINGS_FILES]
FOLDERS += [("state", n) for n in STATE_FILES]


@pytest.mark.parametrize(("folder", "name"), FOLDERS)
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), equal=st.booleans())
def test_a_copy_of_any_file_in_any_naming_is_said_or_trashed(
    isolated_dirs: dict[str, Path], folder: str, name: str, data: st.DataObject, equal: bool
) -> None:
    where = isolated_dirs[folder]
    for old in where.glob("*conflict*") if where.exists() else ():
        old.unlink()
    main = write_toml(where / name, {"schema": 1, "note": "main"})
    copy = where / data.draw(conflicted(name))
    write_toml(copy, {"schema": 1, "note": "main" if equal else "the other machine's"})
    found = _coach(isolated_dirs["data"])
    found.journal.report_conflicts()
    said = [n.text for n in found.take_notices()]
    if equal:
        assert not copy.exists() and main.exists()
        assert not any(str(copy) in text for text in said)
    else:
        assert copy.exists() and main.exists()  # both kept
        assert any(str(copy) in text and name in text for text in said), said
        found.journal.report_conflicts()
        assert not found.take_notices()  # said once a run


def test_the_commands_that_read_a_file_say_its_copies(
    isolated_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from supple.cli import main

    data = isolated_dirs["data"]
    for name in ("screening.toml", "not-for-me.toml"):
        write_toml(data / name, {"schema": 1})
        write_toml(data / f"{name[:-5]}.sync-conflict-20261206-120000-ABCDEFG.toml", {"x": 1})
    for command in (["exercises"], ["screening", "--show"]):
        main(command)
        err = capsys.readouterr().err
        assert "not-for-me.sync-conflict" in err and "screening.sync-conflict" in err, command
