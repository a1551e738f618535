"""The command line in German and Spanish (issue 28): each command a person reads, run under
``--lang de`` and ``--lang es``, shows none of the command line's English sentences, fills every
placeholder and exits as it does in English; ``LANG=de_DE.UTF-8 supple list`` is German in a real
process. Content from files (routine titles, exercise steps) and the coach's sentences are
translated elsewhere: what is checked here is every sentence the command line itself writes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from supple import i18n
from supple.cli import main

pytest.importorskip("babel", reason="the test extra installs Babel")
REPO = Path(__file__).resolve().parents[1]

# English words that a sentence of the command line's catalogue holds; a fragment of a msgid
# with one of them must not reach a translated screen.
_STOPWORDS = (
    "the your session sessions exercise exercises press workout workouts done started usage "
    "options arguments print routine routines level minutes week weeks tests better needs "
    "total rests included nothing ladder streak last active program pain after before only "
    "what written saved found error required invalid choose"
)
STOPLIST = frozenset(_STOPWORDS.split())
COMMANDS = [
    ["list"],
    ["show", "back-pain-relief"],
    ["show", "no-such-routine"],
    ["history"],
    ["stats"],
    ["program"],
    ["program", "list"],
    ["test", "list"],
    ["advice"],
    ["exercises"],
    ["exercises", "--equipment", "wal"],
    ["build", "--minutes", "10"],
    ["build", "--minutes", "10", "--save", "Not An Id"],
    ["--help"],
    ["list", "--help"],
    ["list", "--bogus"],
    ["show", "back-pain-relief", "--level", "expert"],
]


@cache
def english_fragments() -> tuple[str, ...]:
    """The fixed parts (between placeholders) of every msgid the command line declares, those
    of two words or more holding a word of the stoplist."""
    from babel.messages.pofile import read_po

    with (REPO / "src/supple/locale/supple.pot").open("rb") as file:
        template = read_po(file)
    found = set()
    for message in template:
        if not message.id or not any("supple/cli/" in where for where, _ in message.locations):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in ids:
            for part in re.split(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]|\n", text):
                words = re.findall(r"[a-z]+", part.lower())
                # two words at least: one alone may be the other language's too ("total")
                if len(words) >= 2 and set(words) & STOPLIST:
                    found.add(part.strip())
    return tuple(sorted(found))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    i18n.reset()
    try:
        code = main(args)
    except SystemExit as exit:  # --help, a bad argument: argparse exits
        code = int(exit.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_fragments_are_many() -> None:
    """The check is not vacuous: the command line's sentences are in the template."""
    fragments = english_fragments()
    assert len(fragments) > 100
    assert "No sessions yet." in fragments
    assert "the following arguments are required:" in fragments


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("language", ["de", "es"])
def test_a_command_shows_no_english_sentence_of_its_own(
    args: list[str], language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    english_code, english = run(args, capsys)
    code, shown = run(["--lang", language, *args], capsys)
    assert code == english_code
    assert shown.strip()
    left = [f for f in english_fragments() if f in shown and f not in english_words(shown)]
    assert left == [], shown
    assert not re.search(r"\{[a-z_]+\}|%\([a-z_]+\)", shown), shown
    # the same output as in English would prove nothing translated (`advice` with nothing to
    # suggest prints only the coach's sentences, translated in coach/wording.py)
    assert english != shown or args == ["advice"], shown


def english_words(shown: str) -> str:
    """The parts of the output that are names, not sentences: `supple …` commands in backticks
    (translations keep them as they are)."""
    return " ".join(re.findall(r"`[^`]*`", shown))


def test_the_check_finds_an_english_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    """The heuristic catches a sentence left in English: the English output of `history`."""
    _, english = run(["history"], capsys)
    assert [f for f in english_fragments() if f in english]


def test_lang_de_in_the_environment_is_german_in_a_real_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env |= {"LANG": "de_DE.UTF-8", "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "supple", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Übungen" in done.stdout and "Einsteiger" in done.stdout
    assert " exercises · " not in done.stdout and "beginner" not in done.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_command_in_the_pseudo_locale_leaves_no_english_outside_its_strings(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A sentence never marked for translation prints as it is, which the catalogue's
    fragments above cannot see: under the pseudo-locale every marked one is bracketed, so an
    English word outside the brackets is one never marked (Textual-free: argparse's usage
    line names the options, which stay English)."""
    from tests.tui.test_pseudo_locale import english_outside

    _code, shown = run(["--lang", "pseudo", *args], capsys)
    lines = [
        re.sub(r"^ {2,}\S+|COMMAND", " ", line)  # a command's or option's name stays English
        for line in shown.splitlines()
        if "supple " not in line and not line.lstrip().startswith("-")  # the usage lines
    ]
    assert english_outside(lines) == [], shown
