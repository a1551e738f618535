"""Digits are ASCII digits (issue 24, class 3): every option, file and field that takes a
number, a time, a date or a duration refuses any other digit (``²``, ``０``, ``٣``), a sign
where none belongs and an inner space with a message naming the value, never a crash; and
the source keeps to the one reader."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import main
from supple.system import paths


@pytest.fixture(autouse=True)
def no_real_scheduler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`remind` and `nudge` talk to a fake systemd, crontab and desktop, never the machine's."""
    from supple.system import reminders
    from tests.test_reminders import FakeRunner, places_for

    runner, places = FakeRunner(), places_for(tmp_path / "home")
    monkeypatch.setattr(reminders, "default_runner", lambda: runner)
    monkeypatch.setattr(reminders, "places", lambda: places)


SRC = Path(__file__).resolve().parents[2] / "src" / "supple"

# Any digit but 0-9: every Unicode decimal digit (Nd) and other number (No: ², ½, ①…).
FOREIGN = st.characters(categories=["Nd", "No"]).filter(lambda c: c not in "0123456789")


@st.composite
def spoiled(draw: st.DrawFn, good: str) -> str:
    """``good`` with one ASCII digit replaced by another digit, a full-width one, or a sign or
    space pushed inside it."""
    spots = [i for i, c in enumerate(good) if c in "0123456789"]
    at = draw(st.sampled_from(spots))
    inside = [i for i in spots if i - 1 in spots]  # between two digits of one number
    how = draw(st.sampled_from(["foreign", "fullwidth", "sign", "space"][: 4 if inside else 2]))
    if how == "foreign":
        return good[:at] + draw(FOREIGN) + good[at + 1 :]
    if how == "fullwidth":
        return good[:at] + chr(0xFF10 + int(good[at])) + good[at + 1 :]
    mark = draw(st.sampled_from(["-", "+", "\u2212"])) if how == "sign" else " "
    at = draw(st.sampled_from(inside))
    return good[:at] + mark + good[at:]


# Every command-line entry point that reads a number, time or date; {} is the value.
OPTIONS = {
    "remind --at": (["remind", "on", "--at", "{}"], "07:30"),
    "remind --hours": (["remind", "on", "--hours", "{}"], "08:00-20:00"),
    "serve --port": (["serve", "--port", "{}"], "8080"),
    "history --since": (["history", "--since", "{}"], "2026-11-24"),
    "program start --date": (["program", "start", "--date", "{}"], "2026-11-24"),
    "log --minutes": (["log", "lower-back-mobility", "--minutes", "{}"], "45"),
    "log --at": (["log", "lower-back-mobility", "--at", "{}"], "07:30"),
    "log --done": (["log", "lower-back-mobility", "--done", "{}"], "1,2"),
    "test record": (["test", "record", "toe-touch", "{}"], "12"),
}


@settings(max_examples=60, deadline=None)
@given(data=st.data(), option=st.sampled_from(sorted(OPTIONS)))
def test_every_option_refuses_other_digits_signs_and_spaces(
    data: st.DataObject, option: str
) -> None:
    words, good = OPTIONS[option]
    bad = data.draw(spoiled(good))
    args = [bad if w == "{}" else w for w in words]
    assert run(args) in (1, 2), args  # refused: an error (1) or argparse's usage error (2)
    assert not list(paths.state_dir().glob("crash-*")), args


def run(args: list[str]) -> int | str | None:
    try:
        return main(args)
    except SystemExit as stop:  # argparse refusing an argument
        return stop.code


@settings(max_examples=30, deadline=None)
@given(data=st.data(), key=st.sampled_from(["at", "hours"]))
def test_a_bad_remind_toml_entry_is_reported_and_those_commands_exit_0(
    data: st.DataObject, key: str
) -> None:
    good = "07:30" if key == "at" else "08:00-20:00"
    bad = data.draw(spoiled(good))
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    value = f'["{bad}"]' if key == "at" else f'"{bad}"'
    text = f"schema = 1\non = true\n{key} = {value}\n"
    (folder / "remind.toml").write_text(text, encoding="utf-8")
    for command in (["remind", "status"], ["nudge"], ["remind", "off"], ["status"]):
        assert main(command) == 0, (command, bad)
    assert not list(paths.state_dir().glob("crash-*"))


@settings(max_examples=20, deadline=None)
@given(bad=spoiled("30"))
def test_a_spoiled_number_setting_in_config_toml_is_reported_not_fatal(bad: str) -> None:
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(f'get_ready = "{bad}"\n', encoding="utf-8")
    assert main(["config", "show"]) in (0, 1)
    assert not list(paths.state_dir().glob("crash-*"))


async def test_the_p_key_with_a_bad_remind_toml_does_not_crash(tmp_path: Path) -> None:
    from tests.tui.conftest import build_app

    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "remind.toml").write_text('schema = 1\non = true\nat = ["0²:30"]\n')
    app = build_app(tmp_path / "data", program=1)
    async with app.run_test() as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgramScreen"
    assert app.return_code in (None, 0)


# -- the source keeps to the one reader -----------------------------------------------------------


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _ascii_guarded(tree: ast.AST) -> set[int]:
    """The ``x.isdigit()`` calls in an ``and`` that also asks ``x.isascii()``: ASCII digits."""
    guarded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            calls = [c for v in node.values for c in _calls(v)]
            ascii_of = {
                ast.unparse(c.func.value)
                for c in calls
                if isinstance(c.func, ast.Attribute) and c.func.attr == "isascii"
            }
            for c in calls:
                if isinstance(c.func, ast.Attribute) and ast.unparse(c.func.value) in ascii_of:
                    guarded.add(id(c))
    return guarded


def test_the_source_has_no_unicode_digit_test_nor_argparse_int() -> None:
    """``str.isdigit``/``isdecimal``/``isnumeric`` and ``re``'s ``\\d`` take ``²`` or ``٣`` for a
    digit, and argparse's ``type=int`` or ``float`` reads them (and ``1_000``): none is used;
    numbers go through ``supple.core.numbers``."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "numbers.py" and path.parent.name == "core":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(SRC)
        guarded = _ascii_guarded(tree)
        for call in _calls(tree):
            func = call.func
            digit_test = isinstance(func, ast.Attribute) and func.attr in (
                "isdigit",
                "isdecimal",
                "isnumeric",
            )
            if digit_test and id(call) not in guarded:
                found.append(f"{where}:{call.lineno}: .{ast.unparse(func)}()")
            if isinstance(func, ast.Attribute) and func.attr == "add_argument":
                for keyword in call.keywords:
                    value = keyword.value
                    named = isinstance(value, ast.Name) and value.id in ("int", "float")
                    if keyword.arg == "type" and named:
                        found.append(f"{where}:{call.lineno}: type={ast.unparse(value)}")
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and re.search(r"(?<!\\)\\d", text):
                found.append(f"{where}:{node.lineno}: \\d in a pattern")
    assert found == []


@pytest.mark.parametrize("typed", ["1²", "１２", "١٢", "1 2", "+-3", "3①"])
async def test_the_apps_number_prompt_names_a_foreign_digit_and_saves_nothing(
    tmp_path: Path, typed: str
) -> None:
    from supple.tui.screens.mobility_tests import TestsScreen
    from tests.tui.conftest import build_app
    from tests.tui.scenes import settle

    app = build_app(tmp_path / "data", program=1)  # a program started, a week ago
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TestsScreen)
        before = dict(screen.saved)
        await pilot.press(*typed, "enter")  # toe touch
        await settle(pilot)
        assert app.screen is screen and screen.saved == before
        shown = str(screen.query_one("#test-error").render())
        assert typed.strip() in shown or "0-9" in shown
