"""Issue 23, item 12: supple's folders are declared once, `supple paths` prints them, and with the
folders moved nothing is written to the home folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supple.cli import main
from supple.coach.coach import Coach
from supple.core.clock import FakeClock
from supple.system import paths, reminders
from supple.system.speech import Speaker
from tests.conftest import REPO
from tests.test_reminders import FakeRunner

XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR")


@pytest.fixture(params=["all four", "config and data only"])
def moved(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """(the home folder, empty; where supple's folders were moved)."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    for folder in paths.FOLDERS:
        monkeypatch.setenv(folder.variable, str(elsewhere / folder.name))
    if request.param == "config and data only":  # the new user
        monkeypatch.delenv("SUPPLE_STATE_DIR")
        monkeypatch.delenv("SUPPLE_CACHE_DIR")
    monkeypatch.setattr(reminders, "default_runner", FakeRunner)  # no systemctl, no crontab
    return home, elsewhere


def test_with_the_folders_moved_nothing_is_written_in_home(
    moved: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    home, elsewhere = moved
    for folder in paths.FOLDERS:
        assert paths.folder(folder.name).is_relative_to(elsewhere), folder
    clock = FakeClock(0.0)
    coach = Coach.from_environment(clock=clock, speaker=Speaker(None))
    live = coach.start("back-pain-relief", "beginner")
    live.open()
    clock.advance(95.0)
    assert live.frame().finished and live.saved
    for command in (["history"], ["status"], ["remind", "status"], ["nudge", "--dry-run"]):
        assert main(command) == 0, command
    capsys.readouterr()
    assert sorted(home.rglob("*")) == []
    assert list((elsewhere / "data").rglob("*.toml"))  # the session went where it was sent
    assert (paths.state_dir() / "status.json").is_file()


def test_supple_paths_prints_each_folder_and_what_moves_it(
    moved: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["paths", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert list(table) == [f.name for f in paths.FOLDERS]
    for folder in paths.FOLDERS:
        row = table[folder.name]
        assert row["path"] == str(paths.folder(folder.name)) and row["variable"] == folder.variable
    assert main(["paths"]) == 0
    out = capsys.readouterr().out
    for folder in paths.FOLDERS:
        assert str(paths.folder(folder.name)) in out and folder.variable in out
    assert main(["config", "path"]) == 0  # still one path, for scripts
    assert capsys.readouterr().out.splitlines() == [str(paths.config_file())]


def test_the_readme_says_which_variable_moves_each_folder() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| folder | moved by |") :].split("\n\n")[0]
    for folder in paths.FOLDERS:
        row = next(line for line in table.splitlines() if f"<{folder.name} dir>" in line)
        assert folder.variable in row and (not folder.follows or folder.follows in row)
