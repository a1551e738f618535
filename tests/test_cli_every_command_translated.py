"""Every command's text in German and Spanish (issue 28), over a data folder with something to
say: a started program, a history, a test result, the screening answered and reminders on (the
scheduler faked as in tests/test_reminders.py). For each command, run in-process under ``--lang``
and under ``LANGUAGE``, no sentence of the catalogue that has a translation appears in English:
no fixed part of a msgid (between its placeholders) of three words or more shows in the output,
unless its translation holds it too (a command in backticks, a name). Unlike
tests/test_cli_translated.py, every msgid counts, the coach's and the core's too, and the data
folder is not empty, so the sentences of a program, a reminder and a status line are reached."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
import tomli_w

from supple import i18n
from supple.cli import main
from supple.core.history import HistoryStore
from tests import test_cli_translated as translated
from tests.fakes import make_record
from tests.test_reminders import FakeRunner, places_for

pytest.importorskip("babel", reason="the test extra installs Babel")
REPO = Path(__file__).resolve().parents[1]
LANGUAGES = ("de", "es")
# Each command a person reads the text of, with what it needs (play, serve and the app are
# sessions and screens, checked in tests/tui; completion prints shell code).
COMMANDS: list[list[str]] = [
    *translated.COMMANDS,  # those checked on an empty folder, now with something to say
    ["validate", str(REPO / "routines")],
    ["config", "show"],
    ["paths"],
    ["status"],
    ["status", "--ascii"],
    ["status", "--format", "{workout} | {next} | {tests} | {due}"],
    ["status", "--help"],
    ["remind", "status"],
    ["remind", "on", "--at", "09:00,23:30"],
    ["nudge", "--dry-run"],
    ["screening", "--show"],
    ["checkin", "--morning", "3"],
]


@cache
def translated_fragments(language: str) -> tuple[str, ...]:
    """The fixed parts of every msgid translated in ``language`` (three words or more) that its
    translation does not hold as they are."""
    from babel.messages.pofile import read_po

    path = REPO / "src/supple/locale" / language / "LC_MESSAGES/supple.po"
    with path.open("rb") as file:
        catalogue = read_po(file)
    found = set()
    for message in catalogue:
        if not message.id or not message.string or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        said = " ".join(strings)
        for text in ids:
            for part in re.split(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]|\n", text):
                part = part.strip(" .,:;()—-·")
                if len(re.findall(r"[A-Za-z]+", part)) >= 3 and part not in said:
                    found.add(part)
    return tuple(sorted(found))


@pytest.fixture
def folder(data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A history (five mornings in a row up to yesterday), a started program with a test result,
    the screening answered, reminders on; the scheduler and the desktop faked."""
    from supple.system import reminders

    runner = FakeRunner()
    monkeypatch.setattr(reminders, "default_runner", lambda: runner)
    monkeypatch.setattr(reminders, "places", lambda: places_for(tmp_path / "home"))
    store = HistoryStore(data_dir)
    at = datetime.now().astimezone().replace(hour=7, minute=30, second=0, microsecond=0)
    for n in range(5):
        at -= timedelta(days=1)
        path = store.path_for("lower-back-mobility", at)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(tomli_w.dumps(make_record(at, after=n)).encode())
    for setup in (
        ["screening", "--answer", "no-signs", "--usual-pain", "3"],
        ["program", "start"],
        ["test", "record", "toe-touch", "12"],
        ["remind", "on", "--at", "09:00,17:30"],
        ["history"],  # the status line's summary, kept
    ):
        assert main(setup) in (0, None), setup
    yield


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    i18n.reset()
    with contextlib.suppress(SystemExit):  # --help, a usage error: argparse exits
        main(args)
    out = capsys.readouterr()
    return out.out + out.err


def left_in_english(shown: str, language: str) -> list[str]:
    code = " ".join(re.findall(r"`[^`]*`", shown))  # commands in backticks stay as they are
    return [f for f in translated_fragments(language) if f in shown and f not in code]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translated_sentence_is_left_in_english(
    language: str, folder: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    left: dict[str, list[str]] = {}
    for args in COMMANDS:
        for how in ("flag", "environment"):
            if how == "flag":
                shown = run(["--lang", language, *args], capsys)
            else:
                monkeypatch.setenv("LANGUAGE", language)
                shown = run(args, capsys)
                monkeypatch.setenv("LANGUAGE", "en")
            assert shown.strip(), args
            found = left_in_english(shown, language)
            if found:
                left[f"{how}: supple {' '.join(args)}"] = found
    assert left == {}


def test_the_check_finds_english(folder: None, capsys: pytest.CaptureFixture[str]) -> None:
    """Not vacuous: the English of these commands holds many of the fragments."""
    assert len(translated_fragments("de")) > 500
    for args in (["remind", "status"], ["nudge", "--dry-run"], ["screening", "--show"]):
        assert left_in_english(run(args, capsys), "de"), args
