"""Text from a file never reaches the terminal raw: every string field of every settings,
state and data file (and a routine of yours) is given escape sequences (OSC, CSI, a C1 control,
DEL, a bidi override, markup), and every command that reads it is run; nothing it prints on
standard output or standard error holds a control character (C0 but newline and tab, DEL, C1).
"""

from __future__ import annotations

import contextlib
import io
import re
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from supple import cli

PAYLOAD = "\x1b]0;PWNED\x07\x1b[7mINV\x9b31m\u202e[b]x[/b]\x7f\x08"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

COMMANDS = [
    ["list"],
    ["show", "mine"],
    ["validate", "{config}/routines/mine.toml"],
    ["exercises"],
    ["history"],
    ["stats"],
    ["program"],
    ["program", "list"],
    ["status"],
    ["advice"],
    ["screening", "--show"],
    ["config", "show"],
    ["paths"],
    ["remind", "status"],
    ["nudge"],
    ["test", "list"],
]


def _leaves(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where each string in ``value`` is (a path of keys and indexes)."""
    if isinstance(value, str):
        yield at
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*at, i))


def _poisoned(value: Any, at: tuple[Any, ...], payload: str = PAYLOAD) -> Any:
    """``value`` with the string at ``at`` holding ``payload`` (the rest as it was)."""
    if not at:
        return value + payload
    head, rest = at[0], at[1:]
    if isinstance(value, dict):
        return {k: _poisoned(v, rest, payload) if k == head else v for k, v in value.items()}
    return [_poisoned(v, rest, payload) if i == head else v for i, v in enumerate(value)]


def _run(argv: list[str], config: Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    argv = [a.replace("{config}", str(config)) for a in argv]
    quiet = contextlib.suppress(SystemExit)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), quiet:
        cli.main(argv)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"SUPPLE_{name}_DIR", str(tmp_path / name.lower()))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("LANGUAGE", "en")
    config = tmp_path / "config"
    (config / "routines").mkdir(parents=True)
    exported = _run(["export", "back-pain-relief"], config)
    mine = exported.replace('id = "back-pain-relief"', 'id = "mine"', 1)
    assert 'id = "mine"' in mine
    (config / "routines" / "mine.toml").write_text(mine)
    (config / "config.toml").write_text('level = "beginner"\ntheme = "textual-dark"\n')
    (config / "remind.toml").write_text(
        'schema = 1\non = true\nscheduler = "cron"\nat = ["08:00"]\n'
        'days = "mon-fri"\nhours = "08:00-19:00"\n'
    )
    start = ["program", "start", "--yes", "--screening", "no-signs", "--usual-pain", "2"]
    _run([*start, "--date", "2026-11-20"], config)
    _run(["exercises", "--not-for-me", "superman"], config)
    _run(["log", "mine", "--minutes", "5"], config)
    remembered_and_adjusted(tmp_path / "data")
    yield tmp_path


def remembered_and_adjusted(data: Path) -> None:
    """The files no command writes alone: the state file, one step easier, advice applied."""
    from supple.core.adjustments import save_adjustments
    from supple.core.advice_log import Applied, save_log
    from supple.core.remembered import Remembered, save_remembered
    from supple.system import paths

    save_adjustments({"mine": {"cat-cow": -1}}, data / "adjustments.toml")
    applied = Applied(
        id="easier-mine",
        kind="easier",
        routine="mine",
        exercises=("cat-cow",),
        reason="It hurt more after than before.",
        applied_at=datetime(2026, 11, 23, 20, 0, tzinfo=UTC),
        before=None,
        names=("Cat-cow",),
        was="5 reps",
        dose="4 reps",
    )
    save_log(data / "advice.toml", [applied])
    save_remembered(paths.state_file(), Remembered(level="beginner"))


def _files(base: Path) -> list[Path]:
    return sorted(
        p for p in base.rglob("*.toml") if "cache" not in p.parts and not p.name.startswith(".")
    )


def test_a_hostile_string_in_any_file_never_prints_raw(folders: Path) -> None:
    files = _files(folders)
    names = {p.name for p in files}
    assert {"config.toml", "remind.toml", "program.toml", "screening.toml", "mine.toml"} <= names
    assert "not-for-me.toml" in names and any(p.parent.name.isdigit() for p in files)
    assert {"advice.toml", "adjustments.toml", "state.toml"} <= names
    originals = {p: p.read_text() for p in files}
    shown = set()  # the files whose payload some command showed (escaped): the test reaches it
    for path in files:
        data = tomllib.loads(originals[path])
        for at in _leaves(data):
            path.write_text(tomli_w.dumps(_poisoned(data, at)))
            for argv in COMMANDS:
                said = _run(argv, folders / "config")
                found = RAW.search(said)
                where = (path.name, at, argv)
                assert found is None, (*where, said[max(0, found.start() - 80) :][:200])
                if "PWNED" in said:
                    shown.add(path.name)
        path.write_text(originals[path])
    print(sorted(shown))
    assert {"config.toml", "remind.toml", "mine.toml"} <= shown
