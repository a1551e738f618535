"""Issue 13, class 5: any uncaught error, in a command or in the app, ends with a non-zero exit
code, the terminal restored, one short line on stderr naming the crash report (a file in the
state folder with the traceback): never a bare traceback, never exit 0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from supple import cli
from supple.cli import advice, journal, program, routines, settings
from supple.system import paths
from supple.system.crash import CRASH_EXIT
from tests.conftest import REPO

# Each handler, the module of its group that declares it, and a command line that reaches it.
COMMANDS = {
    "cmd_list": (routines, ["list"]),
    "cmd_show": (routines, ["show", "back-pain-relief"]),
    "cmd_validate": (routines, ["validate", "routines"]),
    "cmd_history": (journal, ["history"]),
    "cmd_stats": (journal, ["stats"]),
    "cmd_program": (program, ["program"]),
    "cmd_test_list": (program, ["test", "list"]),
    "cmd_config": (settings, ["config", "show"]),
    "cmd_advice": (advice, ["advice"]),
    "cmd_apply": (advice, ["advice", "apply", "harder-x"]),
    "cmd_undo": (advice, ["advice", "undo"]),
}
ERRORS = [
    ValueError("bad value"),
    KeyError("missing"),
    RuntimeError("a bug"),
    OSError(22, "Invalid argument"),  # a full disk or a read-only folder is no bug: see below
    RecursionError("maximum recursion depth exceeded"),
    AssertionError(),
    UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    TypeError("text with \x1b[2J an escape and a\nnewline"),
]


def crash_reports() -> list[Path]:
    return sorted(paths.state_dir().glob("crash-*.txt"))


def check_said(err: str, where: str, error: BaseException) -> Path:
    assert "Traceback" not in err and "\x1b" not in err
    (line,) = err.splitlines()
    assert line.startswith(f"supple: crashed in {where} ({type(error).__name__}")
    assert "This is a bug in supple; the crash report, with the traceback, is in " in line
    (report,) = crash_reports()
    assert line.endswith(str(report)) and report.parent == paths.state_dir()
    assert report.stat().st_mode & 0o777 == 0o600
    text = report.read_text()
    assert "Traceback (most recent call last)" in text and type(error).__name__ in text
    return report


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("function", list(COMMANDS))
def test_a_command_that_raises_exits_non_zero_with_a_crash_report(
    function: str,
    error: BaseException,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*args: object) -> int:
        raise error

    module, argv = COMMANDS[function]
    monkeypatch.setattr(module, function, broken)
    assert cli.main(argv) == CRASH_EXIT
    out, err = capsys.readouterr()
    assert out == ""
    report = check_said(err, f"`supple {argv[0]}`", error)
    assert "in broken" in report.read_text()  # the frame that raised


def test_a_real_process_exits_non_zero(tmp_path: Path) -> None:
    code = (
        "import supple.cli as cli, supple.cli.routines as routines\n"
        "def broken(*a): raise ValueError('boom')\n"
        "routines.cmd_list = broken\n"
        "raise SystemExit(cli.main(['list']))\n"
    )
    state = tmp_path / "state"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        # PYTHONPATH: this tree's code, even where the installed copy is another checkout's.
        env={
            "SUPPLE_STATE_DIR": str(state),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "PYTHONPATH": str(REPO / "src"),
        },
        timeout=60,
    )
    assert done.returncode == CRASH_EXIT and "Traceback" not in done.stderr
    (report,) = state.glob("crash-*.txt")
    assert str(report) in done.stderr and "ValueError: boom" in report.read_text()


def test_ctrl_c_in_a_command_is_no_crash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(journal, "cmd_history", interrupted)
    assert cli.main(["history"]) == 130
    assert capsys.readouterr().err == "" and crash_reports() == []


def test_when_no_report_can_be_written_the_traceback_is_said_to_be_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "blocked").write_text("a file where the state folder should be")
    monkeypatch.setenv("SUPPLE_STATE_DIR", str(tmp_path / "blocked" / "state"))

    def broken(*args: object) -> int:
        raise ValueError("boom")

    monkeypatch.setattr(routines, "cmd_list", broken)
    assert cli.main(["list"]) == CRASH_EXIT
    err = capsys.readouterr().err
    assert err.startswith("supple: crashed in `supple list` (ValueError: boom); the crash report")
    assert "could not be written" in err and "ValueError: boom" in err.splitlines()[-1]


# -- the app --------------------------------------------------------------------------------


def _home_mount(self: object) -> None:
    raise RuntimeError("a bug on mount")


def _home_compose(self: object) -> object:
    raise KeyError("a bug in compose")


def _apply_config(self: object) -> None:
    raise ValueError("a bug in the settings")


def _player_mount(self: object) -> None:
    raise ZeroDivisionError("a bug in the player")


APP_CRASHES = [
    ("supple.tui.screens.home", "HomeScreen", "on_mount", _home_mount, None),
    ("supple.tui.screens.home", "HomeScreen", "compose", _home_compose, None),
    ("supple.tui.app", "SuppleApp", "_apply_config", _apply_config, None),
    (
        "supple.tui.screens.player",
        "PlayerScreen",
        "on_mount",
        _player_mount,
        ("back-pain-relief", "beginner"),
    ),
]


@pytest.mark.parametrize(("module", "cls", "name", "broken", "start"), APP_CRASHES)
def test_the_app_crashing_exits_non_zero_with_a_crash_report(
    module: str,
    cls: str,
    name: str,
    broken: object,
    start: tuple[str, str] | None,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    import importlib

    import textual.constants

    from supple.coach.coach import Coach
    from supple.tui.app import run_app

    monkeypatch.setattr(getattr(importlib.import_module(module), cls), name, broken)
    monkeypatch.setattr(
        textual.constants, "DRIVER", "textual.drivers.headless_driver:HeadlessDriver"
    )
    assert run_app(Coach.from_environment(), start=start) == CRASH_EXIT  # type: ignore[arg-type]
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "─" not in err  # no Rich traceback panel
    line = next(x for x in err.splitlines() if x.startswith("supple: crashed"))
    assert line.startswith("supple: crashed in the app (")
    (report,) = crash_reports()
    assert line.endswith(str(report))
    assert f"in {broken.__name__}" in report.read_text()  # type: ignore[attr-defined]
