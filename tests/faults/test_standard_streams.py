"""A standard stream that refuses writes, for every command: closed (`>&-`, `2>&-`) or full
(`> /dev/full`, `2> /dev/full`). Real processes (the streams are the process's own), run in
parallel so the whole grid takes a few seconds.

What holds for each: never a crash report, a traceback or "Exception ignored"; a command that
prints on standard output and cannot says it in one line on stderr and exits 1; one that has
something for stderr and cannot exits 1 too (there is nowhere to say why); `nudge` and `status`
exit 0 whatever the streams do; `--help`, `--version` and `<command> --help` alike.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest

from supple.cli import COMMANDS
from supple.cli.streams import ALWAYS_ZERO

# Every command, run as it reads the files without changing them (the ones that write are
# asked for their help, and once each where the write goes to standard output).
HELP: list[list[str]] = [["--help"], ["--version"], *([name, "--help"] for name in COMMANDS)]
RUNS: list[list[str]] = [
    ["list"],
    ["list", "--json"],
    ["show", "back-pain-relief"],
    ["show", "back-pain-relief", "--figures"],
    ["export", "back-pain-relief"],
    ["validate", "{routine}"],
    ["exercises"],
    ["history"],
    ["history", "--csv"],
    ["history", "--json"],
    ["stats"],
    ["program"],
    ["program", "list"],
    ["program", "--ics", "-"],
    ["status"],
    ["status", "--format", "{streak:>3}"],
    ["advice"],
    ["screening", "--show"],
    ["config", "show"],
    ["paths"],
    ["remind", "status"],
    ["nudge"],
    ["completion", "bash"],
    ["build", "--minutes", "5"],
    ["checkin", "--morning", "3"],
    ["list", "--bogus"],
]

WAYS = {  # how each stream refuses, for the child: (fd, None to close it, else a path)
    "stdout closed": (1, None),
    "stdout full": (1, "/dev/full"),
    "stderr closed": (2, None),
    "stderr full": (2, "/dev/full"),
}


class Done(NamedTuple):
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    base = tmp_path_factory.mktemp("streams")
    (base / "config").mkdir()
    folders = {
        "SUPPLE_CONFIG_DIR": str(base / "config"),
        "SUPPLE_DATA_DIR": str(base / "data"),
        "SUPPLE_STATE_DIR": str(base / "state"),
        "SUPPLE_CACHE_DIR": str(base / "cache"),
        "HOME": str(base),
        "LANGUAGE": "en",
        "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
    }
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUPPLE_", "LC_", "LANG"))}
    env |= folders
    (base / "config" / "config.toml").write_text('level = "x"\n')  # a warning for stderr
    started = _child(
        [
            "program",
            "start",
            "--yes",
            "--screening",
            "no-signs",
            "--usual-pain",
            "2",
            "--date",
            "2026-11-20",
        ],
        env,
        None,
    )
    assert started.code == 0, started.err
    routine = base / "r.toml"
    routine.write_text(_child(["export", "back-pain-relief"], env, None).out)
    env["ROUTINE"] = str(routine)
    yield env


def _child(argv: list[str], env: dict[str, str], way: tuple[int, str | None] | None) -> Done:
    """``supple argv`` in a fresh process, one stream refused as ``way`` says; the other
    stream captured."""
    argv = [a.replace("{routine}", env.get("ROUTINE", "")) for a in argv]
    redirect = ""  # by the shell, before Python sets sys.stdout up, as a person's shell does
    if way is not None:
        fd, path = way
        redirect = f"{fd}>&-" if path is None else f"{fd}>{path}"
    command = ["/bin/sh", "-c", f'exec "$0" -m supple "$@" {redirect}', sys.executable, *argv]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    return Done(done.returncode, done.stdout, done.stderr)


def _crash_reports(env: dict[str, str]) -> list[Path]:
    return sorted(Path(env["SUPPLE_STATE_DIR"]).glob("crash-*"))


def test_every_command_with_each_stream_refused(env: dict[str, str]) -> None:
    helps = [(argv, name) for argv in HELP for name in (None, "stdout closed", "stdout full")]
    cases = helps + [(argv, name) for argv in RUNS for name in (None, *WAYS)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: _child(c[0], env, WAYS.get(c[1] or "")), cases))
    done = dict(zip(((tuple(a), n) for a, n in cases), results, strict=True))
    assert not _crash_reports(env)
    for argv in HELP + RUNS:
        key = tuple(argv)
        plain = done[key, None]
        assert "Traceback" not in plain.err, (argv, plain.err)
        for name in WAYS if argv in RUNS else ("stdout closed", "stdout full"):
            got = done[key, name]
            said = f"{' '.join(argv)} with {name}: exit {got.code}\n{got.err}"
            assert "Traceback" not in got.err and "Exception ignored" not in got.err, said
            assert "bug" not in got.err and "crashed" not in got.err, said
            zero = argv[0] in ALWAYS_ZERO
            if name.startswith("stdout"):
                assert got.err.startswith(plain.err.rstrip("\n")), said  # nothing lost from stderr
                failures = got.err.count("could not write to standard output")
                if plain.out:  # it had something to print, and could not
                    assert failures == 1, said
                    reason = "Bad file descriptor" if "closed" in name else "No space left"
                    assert reason in got.err, said
                    assert got.code == (0 if zero else plain.code or 1), said
                else:
                    assert failures == 0 and got.code == plain.code, said
            else:
                assert got.err == "", said
                lines = len(got.out.splitlines())  # (a calendar's stamp is the second's)
                assert lines == len(plain.out.splitlines()), said
                if plain.err and not zero:
                    assert got.code == (plain.code or 1), said
                else:
                    assert got.code == plain.code, said
