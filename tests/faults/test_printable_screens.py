"""Text from a file never reaches the terminal raw, in the app (the CLI's half:
test_printable_files.py). Every settings, state and data file, a routine of yours and one
imported from each format other apps write are given a hostile payload (OSC, CSI, a C1
control, DEL, a bidi override, Rich markup) in their strings; one app walks every screen; the
text each screen sends the terminal (its compositor's strips, the segments Textual writes) holds
no control character (C0 but newline, DEL, C1) and no bidi control, and markup is shown as it
was written, never applied.

Poisoned two ways: the free text only (names, titles, notes: every string but the ids, levels,
dates and such, so the files are still read and their text is shown), and every string (the
files refused: the problems said about them are shown instead)."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets.option_list import OptionDoesNotExist

from supple import cli
from supple.tui.app import SuppleApp
from supple.tui.screens.home import HomeScreen
from supple.tui.screens.player import PlayerScreen
from tests.faults.test_printable_files import _leaves, _poisoned, remembered_and_adjusted
from tests.tui.conftest import advance, build_app
from tests.tui.scenes import settle

pytestmark = pytest.mark.faults

IMPORTS = Path(__file__).parents[1] / "data" / "imports"
# Markup among them (an unclosed [red] too): shown as written, never applied. Short enough for
# a name (at most 60 characters) to stay one.
HOSTILE = "\x1b]0;PWNED\x07\x1b[7mINV\x9b31m\u202e\u2066[b]x[/b][red]\x7f\x08\x00"
MARKUP = "[b]x[/b][red]"
# What must never reach the terminal: C0 but newline, DEL, C1, the bidi controls.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# An id, a level, a key, a date: left as it is ("every" False), so the file is still read.
WORD = re.compile(r"[a-z0-9_:.+-]*|\d{4}-\d\d-\d\dT[0-9:.+-]+")


def _cli(*argv: str) -> str:
    out = io.StringIO()
    quiet = contextlib.suppress(SystemExit)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out), quiet:
        cli.main(list(argv))
    return out.getvalue()


def _environ(monkeypatch: pytest.MonkeyPatch, base: Path) -> None:
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"SUPPLE_{name}_DIR", str(base / name.lower()))
    monkeypatch.setenv("HOME", str(base))
    monkeypatch.setenv("LANGUAGE", "en")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The files, made once by the commands a person would run (copied for each case)."""
    base = tmp_path_factory.mktemp("made")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _environ(monkeypatch, base)
        _make(base)
    yield base


@pytest.fixture
def folders(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("config", "data", "state"):
        shutil.copytree(made / name, tmp_path / name)
    _environ(monkeypatch, tmp_path)
    return tmp_path


def _make(base: Path) -> None:
    config, data = base / "config", base / "data"
    (config / "routines").mkdir(parents=True)
    mine = _cli("export", "back-pain-relief").replace('id = "back-pain-relief"', 'id = "mine"', 1)
    (config / "routines" / "mine.toml").write_text(mine)
    (config / "config.toml").write_text(
        'level = "beginner"\ntheme = "textual-dark"\n[keymap]\n"home.library" = "l"\n'
    )
    (config / "remind.toml").write_text(
        'schema = 1\non = true\nscheduler = "cron"\nat = ["08:00"]\n'
        'days = "mon-fri"\nhours = "08:00-19:00"\n'
    )
    for one in ("feeel/one.feeel", "jawt/workout.json", "openhiit/timer.json", "workrave/one.xml"):
        _cli("import", str(IMPORTS / one))
    _cli("program", "start", "--yes", "--screening", "no-signs", "--usual-pain", "2", "--date",
         "2026-11-20")  # fmt: skip
    _cli("exercises", "--not-for-me", "superman")
    _cli("test", "record", "toe-touch", "12", "--point", "start")
    # yesterday evening's session hurt: the morning question, advice
    _cli("log", "mine", "--at", "2026-11-23 19:05", "--pain-before", "4", "--pain-after", "7")
    remembered_and_adjusted(data)


def _hostile_imports(base: Path) -> list[Path]:
    """A file of each JSON format other apps write, its text given the payload: to import."""
    made = []
    for one in ("feeel/one.feeel", "jawt/workout.json", "openhiit/timer.json"):
        data = _poison(json.loads((IMPORTS / one).read_text()), HOSTILE, every=False)
        target = base / "hostile" / Path(one).name
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps(data))
        made.append(target)
    return made


def _files(base: Path) -> list[Path]:
    return sorted(
        p for p in base.rglob("*.toml") if "cache" not in p.parts and not p.name.startswith(".")
    )


def _poison(data: Any, payload: str, *, every: bool) -> Any:
    """Every string of ``data`` given ``payload`` (``every`` False: the free text only)."""
    for at in list(_leaves(data)):
        value: Any = data
        for key in at:
            value = value[key]
        if every or not WORD.fullmatch(value):
            data = _poisoned(data, at, payload)
    return data


def _poison_all(files: list[Path], payload: str, every: bool) -> None:
    for path in files:
        path.write_text(
            tomli_w.dumps(_poison(tomllib.loads(path.read_text()), payload, every=every))
        )


def _shown(app: SuppleApp) -> str:
    """What the top screen sends the terminal now: the text of its compositor's strips."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


# The walk: each step's keys (a number moves the fake clock), then the screen it shows is read;
# HOME goes back to home (the screens above it closed).
HOME = ("", ())
WALK: list[tuple[str, tuple[str | float, ...]]] = [
    ("morning question", ()),
    ("home", ("escape",)),
    ("advice chooser", ("v",)),
    HOME,
    ("library", ("l",)),
    HOME,
    ("build", ("b",)),
    HOME,
    ("program", ("p",)),  # with its Next box
    ("progress", ("g",)),
    ("program again", ("escape", "k")),  # the screening
    ("mobility tests", ("escape", "t")),
    ("the other program", ("escape", "o")),
    HOME,
    ("history", ("h",)),
    ("session detail", ("enter",)),
    HOME,
    ("stats", ("s",)),
    HOME,
    ("settings", ("comma",)),
    HOME,
    ("help", ("question_mark",)),
    HOME,
    ("editor", ("e",)),
    HOME,
    ("player", ("enter", 6.5)),  # the steps to the summary only if it plays (q quits home)
    ("jump list", ("j",)),
    ("this hurts", ("escape", "exclamation_mark")),
    ("end dialog", ("escape", "q")),
    ("check-in after", ("y",)),
    ("summary", ("6", "enter")),
    HOME,
]


IN_SESSION = ("jump list", "this hurts", "end dialog", "check-in after", "summary")


async def _walk(pilot: Pilot[Any], routine: str, imports: list[Path]) -> dict[str, str]:
    """Each screen of the walk: what it showed; then the import screen, given each of
    ``imports`` (the palette's only door: no key opens it)."""
    app = pilot.app
    assert isinstance(app, SuppleApp)
    seen: dict[str, str] = {}
    await settle(pilot)
    (home,) = [screen for screen in app.screen_stack if isinstance(screen, HomeScreen)]
    for name, keys in WALK:
        if not name:
            while app.screen is not home:
                app.pop_screen()
            await settle(pilot)
            continue
        if name in IN_SESSION and not any(isinstance(s, PlayerScreen) for s in app.screen_stack):
            continue  # the routine refused: no session
        if app.screen is home:
            with contextlib.suppress(OptionDoesNotExist):  # refused (every string poisoned)
                home.select(routine)
        for key in keys:
            if isinstance(key, str):
                await pilot.press(key)
            else:
                advance(app, key)
            await settle(pilot)
        seen[f"{name} ({type(app.screen).__name__})"] = _shown(app)

    app.action_import()
    await settle(pilot)
    for path in imports:
        app.screen.query_one("#import-path", Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running, path
        seen[f"import {path.name} ({type(app.screen).__name__})"] = _shown(app)
    return seen


@pytest.mark.parametrize("every", [False, True], ids=["free-text", "every-string"])
async def test_no_screen_shows_a_file_s_text_raw(folders: Path, every: bool) -> None:
    files = _files(folders)
    names = {p.name for p in files}
    wanted = {
        "config.toml", "remind.toml", "program.toml", "screening.toml", "mine.toml",
        "not-for-me.toml", "advice.toml", "adjustments.toml", "state.toml",
    }  # fmt: skip
    assert wanted <= names, wanted - names
    assert len([p for p in files if p.parent.name == "routines"]) >= 5  # mine, 4 imported
    assert any(p.parts[-3] == "tests" for p in files)  # a test result
    _poison_all(files, HOSTILE, every)
    app = build_app(folders / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        # a broken file is listed too: highlighted, its problems are shown
        mine = folders / "config" / "routines" / "mine.toml"
        imports = _hostile_imports(folders)
        seen = await _walk(pilot, f"error:{mine}" if every else "mine", imports)
    steps = [name for name, _ in WALK if name and not (every and name in IN_SESSION)]
    assert len(seen) == len(steps) + len(imports)
    raw = {
        screen: text[max(0, found.start() - 60) :][:120]
        for screen, text in seen.items()
        if (found := RAW.search(text)) is not None
    }
    assert raw == {}
    showing = {screen for screen, text in seen.items() if "PWNED" in text}
    assert len(showing) >= (1 if every else 12), sorted(showing)

    # Markup shown as written: never the bidi escape followed straight by the x ("[b]" gone)
    applied = {screen for screen in showing if "\\u2066x" in seen[screen]}
    assert applied == set()
    assert any(MARKUP in seen[screen] for screen in showing)
