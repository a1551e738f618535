"""Issue 24, class 5 (R2's item 9): HOME is input too, read like the XDG_* folders (absolute, no
control character). A bad one is said once and ignored: supple's folders go in the home the
system names for you, and `supple remind on` refuses, naming HOME, with nothing written or
removed. The hostile values are those every other variable gets."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from supple.cli import main
from supple.system import environment, paths, reminders
from supple.system.reminders import Places
from tests.faults.test_environment import HOSTILE
from tests.test_reminders import FakeRunner

BAD = [*HOSTILE, "relhome", "/x/h\nx", "~", "/home/\x1b]0;PWNED\x07"]


@pytest.fixture
def system_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The home the user database names, in a temporary folder: nothing real is touched."""
    named = tmp_path / "named-home"
    named.mkdir()
    import pwd

    monkeypatch.setattr(pwd, "getpwuid", lambda uid: SimpleNamespace(pw_dir=str(named)))
    monkeypatch.setattr(environment, "_problems", {})
    monkeypatch.setattr(environment, "_shown", set())
    return named


def files_under(*roots: Path) -> set[Path]:
    return {p for root in roots if root.exists() for p in root.rglob("*")}


@pytest.mark.parametrize("raw", BAD, ids=range(len(BAD)))
def test_the_folders_never_follow_a_bad_home(
    monkeypatch: pytest.MonkeyPatch, system_home: Path, raw: str
) -> None:
    for name in ("SUPPLE_CONFIG_DIR", "SUPPLE_DATA_DIR", "SUPPLE_STATE_DIR", "SUPPLE_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, _default in paths.XDG.values():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", raw)
    for name in ("config", "data", "state", "cache"):
        folder = paths.folder(name)
        assert folder.is_absolute() and str(folder).isprintable(), folder
        assert folder.is_relative_to(system_home), (name, folder)
    problems = environment.take_problems()
    if raw.strip():
        assert problems == [problems[0]] and problems[0].startswith("$HOME ignored: ")
    assert all(p.isprintable() and len(p) < 200 for p in problems)


def test_a_good_home_is_used_as_given(
    monkeypatch: pytest.MonkeyPatch, system_home: Path, tmp_path: Path
) -> None:
    monkeypatch.delenv("SUPPLE_DATA_DIR")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "given"))
    assert paths.folder("data") == tmp_path / "given" / ".local" / "share" / "supple"
    assert paths.home() == tmp_path / "given"
    assert paths.expand_home("~/x.toml") == tmp_path / "given" / "x.toml"
    assert environment.take_problems() == []


@pytest.mark.parametrize("raw", [b for b in BAD if b.strip()], ids=range(len(BAD) - 1))
def test_remind_on_refuses_a_bad_home_naming_it_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    system_home: Path,
    tmp_path: Path,
    raw: str,
) -> None:
    """R2's instance: `cd somewhere; HOME=relhome supple remind on --at 08:00` once wrote the
    units under ./relhome and said so."""
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    runner = FakeRunner()
    env = {"HOME": raw, "XDG_RUNTIME_DIR": str(tmp_path / "run")}
    monkeypatch.setattr(reminders, "default_runner", lambda: runner)
    monkeypatch.setattr(reminders, "places", lambda: Places(env, platform="linux", uid=1000))
    config = Path(os.environ["SUPPLE_CONFIG_DIR"])
    before = files_under(here, system_home, config)
    assert main(["remind", "on", "--at", "08:00"]) == 1
    err = capsys.readouterr().err
    assert "reminders not turned on: $HOME cannot be used: " in err
    assert err.count("\n") == 1 and err[:-1].isprintable()
    assert files_under(here, system_home, config) == before  # nothing written, nothing removed
    assert runner.calls == []
    # Looking and removing read the home the system names: both still answer, exit 0.
    assert main(["remind", "status"]) == 0
    assert main(["remind", "off"]) == 0
    assert files_under(here) == set()
