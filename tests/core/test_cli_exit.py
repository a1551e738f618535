"""Run as the program, a command ends its process as soon as everything is written (issue 22,
start-up): its output flushed and the exit handlers run, the interpreter's teardown skipped.
Where that cannot be done safely (output that cannot be flushed, a thread still running, a
caller that is not the program) the interpreter exits as ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return os.environ | {
        "SUPPLE_CONFIG_DIR": str(tmp_path / "config"),
        "SUPPLE_DATA_DIR": str(tmp_path / "data"),
        "SUPPLE_STATE_DIR": str(tmp_path / "state"),
        "SUPPLE_CACHE_DIR": str(tmp_path / "cache"),
    }


def _program(
    argv: list[str], env: dict[str, str], before: str = "", after: str = "", **run: object
) -> subprocess.CompletedProcess[str]:
    """``argv`` run as `supple` runs it (``main()`` with the arguments in ``sys.argv``), with an
    exit handler that says it ran; "returned" is printed only if ``main`` returned."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handlers ran', file=sys.stderr))\n"
        f"{before}"
        f"sys.argv = ['supple', *{argv!r}]\n"
        "from supple.cli import main\n"
        "code = main()\n"
        "print('returned', file=sys.stderr)\n"
        f"{after}"
        "sys.exit(code)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        text=True,
        env=env,
        check=False,
        **run,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize(("argv", "code"), [(["list"], 0), (["show", "no-such-routine"], 2)])
def test_a_command_leaves_once_written_with_its_exit_code(
    argv: list[str], code: int, env: dict[str, str]
) -> None:
    done = _program(argv, env, capture_output=True)
    assert done.returncode == code
    assert "handlers ran" in done.stderr and "returned" not in done.stderr
    if code == 0:  # everything it prints arrives, as from main() called in a process
        expected = subprocess.run(
            [sys.executable, "-c", f"from supple.cli import main; main({argv!r})"],
            text=True,
            env=env,
            capture_output=True,
            check=True,
        )
        assert done.stdout == expected.stdout and done.stdout


def test_the_cache_of_parsed_files_is_saved_before_leaving(
    env: dict[str, str], tmp_path: Path
) -> None:
    assert _program(["list"], env, capture_output=True).returncode == 0
    assert (tmp_path / "cache" / "parsed.marshal").stat().st_size > 0


def test_output_that_cannot_be_written_is_said_as_before(env: dict[str, str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = _program(["list"], env, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert "could not write to standard output" in done.stderr
    assert done.stderr.count("could not write to standard output") == 1  # said once
    assert "handlers ran" in done.stderr


def test_a_running_thread_is_waited_for(env: dict[str, str]) -> None:
    before = "import threading\ngo = threading.Event()\nthreading.Thread(target=go.wait).start()\n"
    done = _program(["list"], env, before, "go.set()\n", capture_output=True, timeout=60)
    assert done.returncode == 0
    assert "returned" in done.stderr  # main returned: the interpreter waits for the thread
