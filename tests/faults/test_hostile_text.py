"""Hostile text: markup brackets, control characters and bidi overrides in a routine file, a
check-in note and a session record are shown as text, escaped, never obeyed.

Generated strings mix the pieces that broke supple (``[/]`` raised MarkupError, ``[new]``
vanished, ESC sequences and bidi overrides reached the terminal raw) with ordinary words; every
one goes through the CLI (list, show, history, --csv, validate, --json) and the app (home,
player, check-in, summary, history, session detail, palette).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import shutil
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, Static

from supple.cli import main
from supple.core.history import HistoryStore
from supple.core.words import printable
from supple.system import paths
from supple.tui.context import StartSession
from supple.tui.screens.history import HistoryScreen
from supple.tui.screens.player import PlayerScreen
from supple.tui.screens.session_detail import SessionDetailScreen
from supple.tui.screens.summary import SummaryScreen
from tests.fakes import make_session_record
from tests.tui.conftest import WALL, advance, build_app
from tests.tui.scenes import settle

pytestmark = pytest.mark.faults

CLI_EXAMPLES = 80  # generated instances, each through list, show, history (3 ways), validate
APP_EXAMPLES = 8  # generated instances, each through seven screens (and the morning question)

# What must never reach a terminal raw (printable's own list, written out again here).
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

MARKUP = ["[/]", "[b]", "[/b]", "[new]", "[$accent]", "[link=x]", "[@click=quit]", "[", "]", "\\"]
CONTROLS = ["\x1b[2J", "\x1b]0;pwned\x07", "\x00", "\x08", "\r", "\t", "\x7f", "\x9b", "\n"]
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))] + ["\u2028"]
WORDS = ["Hips", "felt", "better", " ", "é", "ß", "日本", "🙂"]

piece = (
    st.sampled_from(MARKUP + CONTROLS + BIDI + WORDS)
    | st.characters(codec="utf-8", categories=["Cc"])
    | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=4)
)
# Starts with a letter: the validator rejects a blank title (and strip() counts some controls).
hostile = st.lists(piece, min_size=1, max_size=8).map(lambda parts: "x" + "".join(parts)[:60])

QUOTED = ["[/]", "Hips [new]", "felt [/] better"]  # the cases from issue 13


def _hostile_routine(title: str, text: str, note: str) -> dict[str, Any]:
    """The bundled back-pain-relief routine with every text of it hostile."""
    routine = tomllib.loads((paths.bundled_routines_dir() / "back-pain-relief.toml").read_text())
    routine.update(id="hostile", title=title, summary=text)
    for n, exercise in enumerate(routine["exercise"]):
        exercise["name"] = f"{text} {n}"
        exercise["how"] = [text, note, "x" + text[::-1]]
        exercise["safety"] = note
    return routine


def _write(title: str, text: str, note: str) -> Path:
    """The routine in the user's folder and one session of it (title and note hostile) in a
    fresh data folder."""
    shutil.rmtree(paths.data_dir(), ignore_errors=True)
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.toml"
    path.write_text(tomli_w.dumps(_hostile_routine(title, text, note)), encoding="utf-8")
    store = HistoryStore(paths.data_dir())
    started = WALL - timedelta(days=1)
    record = make_session_record(started, routine="hostile", title=title, note=note, after=7)
    store.save(record, store.path_for("hostile", started))
    return path


def _clean(out: str) -> None:
    """Nothing raw reaches the terminal, and nothing crashed."""
    assert RAW.search(out) is None, repr(RAW.search(out))
    assert "Traceback" not in out


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_printable_escapes_each_control_character_and_keeps_the_rest() -> None:
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("\u202eevil") == "\\u202eevil"
    assert printable("one\ntwo") == "one\\ntwo"
    assert printable("one\ntwo\r", lines=True) == "one\ntwo\\r"
    assert printable("Hips [new] \\ é 日本 🙂") == "Hips [new] \\ é 日本 🙂"
    for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x202A, 0x202E, 0x2066):
        assert RAW.search(printable(chr(code))) is None


@given(st.text(), st.booleans())
def test_printable_skips_the_pattern_only_for_text_it_would_leave_alone(
    text: str, lines: bool
) -> None:
    """``str.isprintable`` is its quick path (start-up, issue 22): the same result as the
    pattern alone, on any text."""
    unprintable = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    pattern = re.compile(
        f"[\x00-\x09\x0b-\x1f{unprintable}]" if lines else f"[\x00-\x1f{unprintable}]"
    )
    short = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

    def escaped(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        return short.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    assert printable(text, lines=lines) == pattern.sub(escaped, text)


@settings(
    max_examples=CLI_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=hostile, text=hostile, note=hostile)
@example(title="[/]", text="Hips [new]", note="felt [/] better")
@example(title="x\x1b]0;pwned\x07\x1b[2J", text="Hips\u202e[new]", note="felt\x00\x08\n[/]")
def test_the_cli_prints_hostile_text_escaped_and_json_exact(
    capsys: pytest.CaptureFixture[str], title: str, text: str, note: str
) -> None:
    path = _write(title, text, note)

    code, out = _run(capsys, "list")
    assert code == 0
    _clean(out)
    assert f"{'hostile':<24} {printable(title)}  [user]" in out

    code, out = _run(capsys, "show", "hostile", "--level", "beginner")
    assert code == 0
    _clean(out)
    assert out.startswith(f"{printable(title)} — beginner")
    assert printable(f"{text} 0") in out

    code, out = _run(capsys, "history")
    assert code == 0
    _clean(out)
    assert printable(title) in out

    code, out = _run(capsys, "history", "--csv")
    assert code == 0
    _clean(out.replace("\r\n", "\n"))  # CSV's own line ends (RFC 4180), nothing else
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(out.splitlines()) == 2  # the header and one session: one line each
    assert rows[0]["title"] == printable(title) and rows[0]["note"] == printable(note)

    code, out = _run(capsys, "validate", str(path))
    assert code == 0
    _clean(out)

    # A bad value and a bad key are quoted in the problem, escaped.
    bad = _hostile_routine(title, text, note)
    bad["exercise"][0]["kind"] = text
    bad["exercise"][1][note] = 1
    bad_path = path.with_name("bad.toml")
    bad_path.write_text(tomli_w.dumps(bad), encoding="utf-8")
    code, out = _run(capsys, "validate", str(bad_path))
    assert code == 1
    _clean(out)
    assert f"unknown value '{printable(text)}'" in out
    assert printable(note) in out
    bad_path.unlink()

    # JSON stays exact: its own escaping is already safe for a terminal.
    code, out = _run(capsys, "list", "--json")
    (listed,) = [r for r in json.loads(out) if r.get("id") == "hostile"]
    assert listed["title"] == title
    assert [e["name"] for e in listed["exercises"]] == [f"{text} {n}" for n in range(3)]
    code, out = _run(capsys, "history", "--json")
    (stored,) = json.loads(out)
    assert stored["title"] == title and stored["note"] == note
    # JSON escapes the C0 controls itself (ESC, NUL, newlines) and round-trips every text; it
    # is left as it is, for programs: with ensure_ascii=False it writes DEL, C1 and bidi as
    # they are (valid JSON), which is why the text output is the one for people.
    assert re.search("[\x00-\x09\x0b-\x1f]", out) is None


def _screen_text(app: Any) -> str:
    """What the terminal shows now, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _label(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _past_the_morning_question(pilot: Any, app: Any) -> None:
    """Yesterday's session (hostile title) is asked about this morning: the question shows it
    with nothing raw on the terminal; Esc skips it (asked once: a second app never asks)."""
    from supple.tui.screens.feeling import FeelingScreen

    if isinstance(app.screen, FeelingScreen):
        _clean(_screen_text(app))
        await pilot.press("escape")
        await settle(pilot)


async def _through_the_app(data_dir: Path, title: str, text: str, note: str) -> None:
    """Home, player, check-in, summary, history, session detail and palette, each looked at."""
    # The check-in strips the note it is given, as it does any note.
    shown_title, shown_note = printable(title), printable(note.strip())
    app = build_app(data_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await _past_the_morning_question(pilot, app)
        app.screen.select("hostile")  # type: ignore[attr-defined]
        await settle(pilot)
        preview = _label(app, "#preview-text")
        assert shown_title in preview and printable(f"{text} 0") in preview
        assert printable(text) in preview  # the summary
        _clean(_screen_text(app))

        app.post_message(StartSession("hostile", "beginner"))
        await settle(pilot)
        assert isinstance(app.screen, PlayerScreen)
        advance(app, 6.0)  # past the get-ready: the first exercise and its steps
        await settle(pilot)
        assert shown_title in _label(app, "#player-title")
        assert printable(f"{text} 0") in _label(app, "#exercise-name")
        how = _label(app, "#how")
        assert printable(text) in how and printable(note) in how
        _clean(_screen_text(app))

        await pilot.press("q")
        await settle(pilot)
        await pilot.press("y")  # end it now
        await settle(pilot)
        app.screen.query_one("#feeling", Input).value = "6"
        app.screen.query_one("#note", Input).value = note  # a note pasted as it is
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert shown_title in _label(app, "#title")
        assert f"“{shown_note}”" in _label(app, "#feelings")
        _clean(_screen_text(app))

        await pilot.press("enter")  # home
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        _clean(_screen_text(app))
        await pilot.press("enter")  # the newest: the session just ended
        await settle(pilot)
        assert isinstance(app.screen, SessionDetailScreen)
        assert shown_title in _label(app, "#title")
        assert f"“{shown_note}”" in _label(app, "#feelings")
        _clean(_screen_text(app))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"start")
        await settle(pilot)
        from textual.command import CommandList

        palette = app.screen.query_one(CommandList)
        entries = [str(palette.get_option_at_index(i).prompt) for i in range(palette.option_count)]
        assert any(f"Start {shown_title} at beginner" in e for e in entries)
        _clean(_screen_text(app))
        await pilot.press("escape")
        await settle(pilot)


@pytest.mark.parametrize(
    ("title", "text", "note"),
    [
        ("[/]", "Hips [new]", "felt [/] better"),
        ("Hips [new]", "[b]bold?[/b] [$accent] \\", "felt [/] better"),
        ("x\x1b]0;pwned\x07\x1b[2J", "Hips\u202e[new]\u2066", "felt\x00\x08\x7f\x9b [/]"),
    ],
)
async def test_the_quoted_cases_show_their_brackets_on_screen(
    data_dir: Path, title: str, text: str, note: str
) -> None:
    _write(title, text, note)
    await _through_the_app(data_dir, title, text, note)
    # And the literal brackets are on the screen itself, not only in the widgets.
    app = build_app(data_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await _past_the_morning_question(pilot, app)
        app.screen.select("hostile")  # type: ignore[attr-defined]
        await settle(pilot)
        screen = _screen_text(app)
        assert printable(title) in screen and printable(f"{text} 0") in screen
        await pilot.press("h")
        await settle(pilot)
        assert printable(title) in _screen_text(app)


# The generated instances in shards, each a test of its own, that parallel workers share.
APP_SHARDS = 4


@pytest.mark.parametrize("shard", range(APP_SHARDS))
@settings(
    max_examples=APP_EXAMPLES // APP_SHARDS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=hostile, text=hostile, note=hostile)
def test_the_app_shows_hostile_text_as_text(
    data_dir: Path, shard: int, title: str, text: str, note: str
) -> None:
    _write(title, text, note)
    asyncio.run(_through_the_app(data_dir, title, text, note))
