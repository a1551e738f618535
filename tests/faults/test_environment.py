"""Environment values are input (issue 24, class 5): every variable supple declares, given a
hostile value, is reported once and ignored; the command line and the app's start, a session's
start (the player and speech commands) and quitting never crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.coach.coach import Coach
from supple.system import environment, paths
from supple.system.environment import VARIABLES, Variable

HOSTILE = [
    '"x',  # an unbalanced quote
    "'x y",
    "x\\",  # an escape with nothing after it
    "a\nb",
    "\x1b[31mred",
    "\x7f",
    "x" * 100_000,
    " ",
    "relative/folder",
    "0²",
    "１",
    "-3",
    "nan",
    "\udcff",  # a byte that was not UTF-8, as os.environ holds it
]


@pytest.fixture(autouse=True)
def fresh_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "_problems", {})
    monkeypatch.setattr(environment, "_shown", set())


def _start_and_quit(variable: Variable, raw: str) -> list[str]:
    environment._problems.clear()
    environment._shown.clear()
    with pytest.MonkeyPatch.context() as patch:  # undone before Hypothesis's next example
        patch.setenv(variable.name, raw)
        for name in ("config", "data", "state", "cache"):
            assert paths.folder(name).is_absolute()
        coach = Coach.from_environment()
        announcer = coach.announcer  # finds the speech program and the audio player
        announcer.silence()
        coach.end_all()
        assert 0 < paths.time_scale() <= 1000
    return environment.take_problems()


@pytest.mark.parametrize("variable", VARIABLES, ids=lambda v: v.name)
@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_value_is_ignored_and_reported_at_most_once(variable: Variable, raw: str) -> None:
    problems = _start_and_quit(variable, raw)
    assert len(problems) <= 1
    assert all(p.startswith(f"${variable.name} ignored: ") for p in problems)
    assert all(p.isprintable() and len(p) < 200 for p in problems)
    assert environment.take_problems() == []  # once: not again


@settings(max_examples=40, deadline=None)
@given(
    variable=st.sampled_from([v for v in VARIABLES if v.parser != "flag"]),
    raw=st.text(st.characters(exclude_characters="\x00", codec="utf-8"), min_size=1, max_size=60),
)
def test_any_text_in_any_variable_never_breaks_a_start(variable: Variable, raw: str) -> None:
    problems = _start_and_quit(variable, raw)
    assert len(problems) <= 1


@pytest.mark.parametrize(
    ("name", "raw", "why"),
    [
        ("SUPPLE_DATA_DIR", "data", "not an absolute path"),
        ("SUPPLE_TIME_SCALE", "0²", "type the digits 0-9"),
        ("SUPPLE_TIME_SCALE", "5000", "is not from above 0 to 1000"),
        ("XDG_DATA_HOME", "a\nb", "control character"),
    ],
)
def test_the_command_line_says_which_variable_it_ignored_once(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    raw: str,
    why: str,
) -> None:
    monkeypatch.setenv(name, raw)
    if name.startswith("XDG_"):
        monkeypatch.delenv("SUPPLE_DATA_DIR")
        monkeypatch.setenv("HOME", str(Path(paths.config_dir()).parent))
    assert main(["paths"]) == 0
    assert main(["list"]) == 0
    err = capsys.readouterr().err
    assert err.count(f"${name} ignored") == 1 and why in err


def test_a_good_value_is_used_as_given(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUPPLE_PLAYER", "'my player' --quiet")
    monkeypatch.setenv("SUPPLE_TIME_SCALE", "2,5")
    monkeypatch.setenv("SUPPLE_DATA_DIR", str(tmp_path / "elsewhere"))
    from supple.system.sound import find_player

    assert find_player() == ["my player", "--quiet"]
    assert paths.time_scale() == 2.5
    assert paths.data_dir() == tmp_path / "elsewhere"
    assert environment.take_problems() == []


async def test_the_app_notifies_a_bad_player_and_quits_cleanly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supple.core.clock import FakeClock
    from supple.tui.app import make_app

    monkeypatch.setenv("SUPPLE_PLAYER", '"x')
    monkeypatch.setenv("SUPPLE_SPEECH", "'")
    app = make_app(clock=FakeClock(1000.0), start=("lower-back-mobility", "beginner"))
    shown: list[str] = []
    notify = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (shown.append(message), notify(message, **kw))
    )
    async with app.run_test() as pilot:
        await pilot.pause()
        assert sum("$SUPPLE_PLAYER ignored" in m for m in shown) == 1
        assert sum("$SUPPLE_SPEECH ignored" in m for m in shown) == 1
        app.save_and_exit()
        await pilot.pause()
    assert app.return_code in (None, 0)


def test_every_variable_read_is_declared_and_documented() -> None:
    """The source reads no variable the table does not declare; the docs' table names each."""
    import re

    src = Path(paths.__file__).resolve().parents[1]
    read = set()
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"(?:environ|env)(?:\.get)?[\[(]\s*\"([A-Z_]+)\"", text))
        read |= set(re.findall(r"value\(\"([A-Z_]+)\"\)", text))
    declared = {v.name for v in VARIABLES}
    assert read <= declared
    docs = (src.parents[1] / "docs" / "command-line.md").read_text(encoding="utf-8")
    section = docs.split("## Environment", 1)[1]
    assert [n for n in sorted(declared) if f"`{n}`" not in section] == []
