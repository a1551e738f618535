"""The light commands keep their start-up at the import floor: each, run in a fresh process
over a data folder with a history and a started program, imports none of the modules whose
price was taken out of its path (issue 22). A regression fails here at once, without timing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import tomli_w

from supple.core.history import HistoryStore
from tests.fakes import make_record

# dataclasses brings inspect, ast, dis and tokenize (~10 ms); the rest are the app's or one
# option's (--ics, --csv); socket and hashlib (OpenSSL) only named the machine (`core.sync`
# reads os.uname and CPython's own SHA-256), unicodedata only names a digit that is not 0-9.
NEVER = (
    *("dataclasses", "inspect", "ast", "dis", "tokenize", "textual", "rich", "icalendar"),
    *("socket", "hashlib", "_hashlib", "csv", "unicodedata"),
    "importlib",  # a command's module and the built-in SHA-256 are found with __import__
    # fcntl only takes or tests a lock (none to test here); the number reader reads typed input
    "fcntl",
    "supple.core.numbers",
)
# In English, argparse says its own words: neither gettext nor locale (they looked each word up
# on disk, 2-3 ms); the probe's environment asks for English.
NOT_IN_ENGLISH = ("gettext", "locale")
# The views of the history and the program (their StrEnum and value classes): only where one
# is read; the coach's notices are apart from them (``coach.notices``).
WITHOUT_VIEWS = ("list", "show", "validate", "status")
# The routine's parser (with its breath patterns, layout and figures): not for the history and
# its summary, which know the levels and limits from ``core.limits``.
# `program` too, once a run has kept what it needs of the routines (each workout's length and
# title, its check against them: coach.program) while no file they come from changes.
WITHOUT_ROUTINES = ("history", "stats", "status", "program")
ROUTINE_MODULES = ("supple.core.routine", "supple.core.timeline", "supple.coach.catalog")
# json: only where the history's index or the status line's summary is read (and for --json).
WITHOUT_JSON = ("list", "show", "validate")
COMMANDS = {
    "list": ["list"],
    "show": ["show", "lower-back-mobility"],
    "validate": ["validate", str(Path(__file__).resolve().parents[2] / "routines")],
    "history": ["history"],
    "stats": ["stats"],
    "program": ["program"],
    "status": ["status"],
}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("startup")
    env = {
        "SUPPLE_CONFIG_DIR": str(base / "config"),
        "SUPPLE_DATA_DIR": str(base / "data"),
        "SUPPLE_STATE_DIR": str(base / "state"),
        "SUPPLE_CACHE_DIR": str(base / "cache"),  # one for the module's runs
        "LANGUAGE": "en",
    }
    store = HistoryStore(base / "data")
    at = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
    for n in range(5):
        at -= timedelta(days=1)
        path = store.path_for("back-pain-relief", at)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(tomli_w.dumps(make_record(at, after=n)).encode())
    _run(["program", "start"], env)
    _run(["program"], env)  # keeps the workouts' lengths (the bundled files are not new)
    return env


def _run(argv: list[str], env: dict[str, str]) -> list[str]:
    code = (
        "import gc, sys, io, contextlib\n"
        "from supple.cli import main\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: seen.append(phase))\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    gc.collect()  # from zero: the next collection is hundreds of objects away\n"
        "    seen.clear()\n"
        f"    code = main({argv!r})\n"
        "    during = len(seen)\n"
        "assert not code, code\n"
        "assert gc.isenabled()\n"
        "print('collections', during)\n"
        "print('\\n'.join(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_light_command_imports_nothing_it_does_not_need(
    command: str, folders: dict[str, str]
) -> None:
    said = _run(COMMANDS[command], folders)
    modules = set(said)
    assert "supple.cli" in modules  # the probe saw the command run
    # The cyclic collector is off while a command runs (everything it makes lives to its
    # exit: a collection would only rescan it), and on again after.
    assert said[:2] == ["collections", "0"]
    assert not modules & set(NEVER), sorted(modules & set(NEVER))
    assert not modules & set(NOT_IN_ENGLISH), sorted(modules & set(NOT_IN_ENGLISH))
    if command in WITHOUT_JSON:
        assert "json" not in modules
    if command in WITHOUT_ROUTINES:
        assert not modules & set(ROUTINE_MODULES), sorted(modules & set(ROUTINE_MODULES))
    if command in ("history", "status", "program"):  # nothing to say: no coach's sentences
        assert "supple.coach.wording" not in modules
    if command in WITHOUT_VIEWS:
        assert "supple.coach.views" not in modules
    if command == "status":
        assert "argparse" not in modules and "supple.coach" not in modules
        # "due: workout 1": the day words' module only for a line that names a day
        assert "supple.core.light_words" not in modules


# What another language adds to the status line's start-up: the catalogue's reader, no more
# (the .mo read by gettext, which brings locale and struct).
CATALOGUE_READER = {"gettext", "locale", "_locale", "struct", "_struct"}


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_status_line_in_another_language_adds_only_the_catalogue(
    language: str, folders: dict[str, str]
) -> None:
    english = set(_run(["status"], folders))
    other = _run(["status"], folders | {"LANGUAGE": language})
    assert set(other) - english <= CATALOGUE_READER, sorted(set(other) - english)
    assert "gettext" in other


def test_english_argparse_without_gettext_says_the_same_and_leaves_gettext_real() -> None:
    """A fresh process (pytest has imported argparse already, so only a new one takes the
    English path): argparse's words as argparse spells them, the real gettext for whoever imports
    it afterwards, and another language chosen later in the same process still translates
    argparse's words."""
    code = (
        "import sys, io, contextlib\n"
        "from supple import cli, i18n\n"
        "err = io.StringIO()\n"
        "with contextlib.redirect_stderr(err):\n"
        "    try:\n"
        "        cli.build_parser('history').parse_args(['history', '--bogus', '-x'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(repr(err.getvalue()))\n"
        "import argparse\n"
        "print(argparse.ngettext('one %s', 'many %s', 1), argparse.ngettext('one', 'many', 2))\n"
        "assert 'gettext' not in sys.modules and 'locale' not in sys.modules\n"
        "import gettext\n"
        "print(hasattr(gettext, 'translation'))\n"
        "i18n.choose('de')\n"
        "print(cli.build_parser('history').format_usage().split()[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"LANGUAGE": "en"},
    )
    said, plural, real, german = result.stdout.splitlines()
    assert said == repr(
        "usage: supple [-h] [--version] [--lang {en,de,es}] COMMAND ...\n"
        "supple: error: unrecognized arguments: --bogus -x\n"
    )
    assert plural == "one %s many"
    assert real == "True"
    assert german == "Aufruf:"
