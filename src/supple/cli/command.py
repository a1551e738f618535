"""What each command declares (its arguments and its handler), and what the commands share:
the coach with its notices on stderr, a routine found by its id, a day as an argument."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

# Light on purpose: `supple status` (for a prompt) imports this module for its declaration.
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path
    from typing import TypeAlias

    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.coach import Coach
    from supple.core.routine import Routine

    # What `add_subparsers` returns: each command adds its own parser to it.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


class Command:
    """One command of `supple`, declared in the module of its group: ``arguments`` adds its
    parser (name, help line, arguments), ``run`` does it with what was parsed (the exit code)."""

    # A plain class: a NamedTuple or a dataclass costs the status line 1-2 ms to build.
    __slots__ = ("arguments", "run")

    def __init__(
        self,
        arguments: Callable[[Commands], None],
        run: Callable[[argparse.Namespace], int],
    ) -> None:
        self.arguments = arguments
        self.run = run


# The ids `supple completion` (shtab) completes by asking supple itself, each through the hidden
# ``--ids`` of the command that lists them, so that a routine of your own completes as a bundled
# one does: the kind of id and that command, declared once for every shell.
ID_LISTS = {
    "routine": "list",
    "test": "test list",
    "exercise": "exercises",
    "program": "program list",
}


def listed_ids(kind: str) -> dict[str, str]:
    """What completes an id of ``kind``, per shell: a function of the script's preamble
    (``supple.cli.completion``), or for fish the command itself."""
    return {
        "bash": f"_supple_{kind}_ids",
        "zsh": f"_supple_{kind}_ids",
        "fish": f"(supple {ID_LISTS[kind]} --ids 2>/dev/null)",
    }


ROUTINE_IDS = listed_ids("routine")
TEST_IDS = listed_ids("test")
EXERCISE_IDS = listed_ids("exercise")
PROGRAM_IDS = listed_ids("program")


def comma_list(name: str, words: Iterable[str]) -> dict[str, str]:
    """Completion of a comma list from a closed set (``--focus``, ``--equipment``): the shell
    function ``_supple_<name>`` the completion script defines (``supple.cli.completion``)."""
    listed = " ".join(words)
    return {
        "bash": f"_supple_{name}",
        "zsh": f"_supple_{name}",
        "fish": f"(printf '%s\\n' {listed})",
    }


def completes(action: argparse.Action, candidates: dict[str, str]) -> None:
    """Mark ``action`` as completed by ``candidates`` (ROUTINE_IDS, TEST_IDS), read by shtab."""
    action.complete = candidates  # type: ignore[attr-defined]


def ids_argument(parser: argparse.ArgumentParser) -> None:
    """The hidden ``--ids`` (one id a line, nothing else) that the completion scripts call."""
    import argparse

    parser.add_argument("--ids", action="store_true", help=argparse.SUPPRESS)


def day(text: str) -> date:
    """An argument's YYYY-MM-DD, or argparse's error in words."""
    import argparse

    from supple.core.numbers import NumberError, check_digits
    from supple.core.words import printable
    from supple.i18n import _

    try:
        check_digits(text)  # `２０２６-…`: named, not "not a date"
        return date.fromisoformat(text)
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date like 2026-11-24").format(text=printable(text))
        ) from None


def start_day(text: str) -> date:
    """A program's start day: ``day``, from 2000 to a year from today (``core.program_start``)."""
    import argparse

    from supple.core.program_start import start_day_problem

    found = day(text)
    if (problem := start_day_problem(found, date.today())) is not None:
        raise argparse.ArgumentTypeError(problem)
    return found


def port(text: str) -> int:
    """An argument's port number (1 to 65535), read as every number is (``core.numbers``)."""
    import argparse

    from supple.core.numbers import NumberError, read_whole
    from supple.i18n import _

    try:
        number = read_whole(text)
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(
            _("{number} is not a port (1 to 65535)").format(number=number)
        )
    return number


class Unanswered(KeyboardInterrupt):
    """Ctrl+C or the end of input at a question the command line asks: the command stops there,
    having changed nothing (every question comes before the command's first write), exit 130.
    A KeyboardInterrupt, so that no ``except Exception`` on the way takes it for an error."""


UNANSWERED_EXIT = 130  # as for Ctrl+C anywhere else outside the app


@contextmanager
def answering() -> Iterator[None]:
    """Around the reading of an answer: Ctrl+C or the end of input there is ``Unanswered``."""
    try:
        yield
    except (EOFError, KeyboardInterrupt):
        raise Unanswered from None


def prompt(question: str) -> str:
    """The line typed after ``question`` on the terminal: the one reader of the command line's
    questions (``Unanswered`` on Ctrl+C or the end of input)."""
    with answering():
        return input(question)


def say_unanswered() -> int:
    """What the command line says when a question went unanswered; its exit code."""
    from supple.i18n import _

    print("\n" + _("supple: no answer: stopped, nothing changed"), file=sys.stderr)
    return UNANSWERED_EXIT


def ask(question: str) -> bool | None:
    """A yes/no question on the terminal (yes: y or yes; anything else: no; Ctrl+C or the end
    of input: ``Unanswered``); None when standard input is not a terminal: the caller refuses
    without ``--yes`` (exit 2) rather than wait, or decide, for someone who cannot answer."""
    from supple.core.light_words import yes_words
    from supple.i18n import _

    if not sys.stdin.isatty():
        return None
    # Translators: the prompt after a yes/no question; y/N are the keys in your language
    answer = prompt(_("{question} [y/N] ").format(question=question))
    return answer.strip().lower() in yes_words()


def coach() -> Coach:
    """The coach over the person's own folders and settings; settings problems on stderr."""
    from supple.coach.coach import Coach

    use_parsed_cache()
    from supple.i18n import _

    found = Coach.from_environment()
    for problem in found.config_problems:
        print(_("supple: settings: {problem}").format(problem=problem), file=sys.stderr)
    return found


def use_parsed_cache() -> None:
    """From now on, the routine, library, figure and program files parsed last time are not
    parsed again (``core.parsed_cache``: every check still runs on what it gives)."""
    from supple import __version__
    from supple.core import parsed_cache
    from supple.system.paths import cache_dir

    parsed_cache.use(parsed_cache.ParsedCache(cache_dir() / "parsed.marshal", __version__))


def tell(found: Coach) -> None:
    """One stderr line for each thing the coach has to say (each is said only once)."""
    from supple.core.words import printable

    for notice in found.take_notices():
        text = printable(notice.text.replace(":\n", ": "), lines=True)
        print(f"supple: {text[:1].lower()}{text[1:]}", file=sys.stderr)


def find_routine(found: EffectiveCatalog, routine_id: str) -> Routine | None:
    """The routine, or None after telling the user on stderr what exists."""
    from supple.core.tomlcheck import closest
    from supple.core.words import printable
    from supple.i18n import _

    try:
        return found.find(routine_id)
    except KeyError:
        known = sorted({r.id for r in found.routines})
        close = closest(routine_id, known)
        what = dict(id=printable(routine_id), known=printable(", ".join(known)))
        if close:
            said = _("supple: no routine '{id}'. Did you mean '{close}'? Known: {known}")
            print(said.format(close=printable(close), **what), file=sys.stderr)
        else:
            print(_("supple: no routine '{id}'. Known: {known}").format(**what), file=sys.stderr)
        broken = [e for e in found.errors if e.path.stem == routine_id]
        for error in broken:
            print(str(error), file=sys.stderr)
        return None


def force_argument(parser: argparse.ArgumentParser) -> None:
    """``--force`` for a command that writes a file the person names (declared once)."""
    from supple.i18n import _

    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE if it is an existing regular file (never a link, folder or device)"),
    )


def write_to(
    target: Path, data: bytes, *, force: bool, ours: Callable[[bytes], bool] | None = None
) -> bool:
    """Write ``data`` at ``target``, a path the person named, by supple.core.files.write_named's
    rule; False after one line on stderr if it was refused or could not be written (exit 1)."""
    from supple.core.files import Refused, write_named
    from supple.core.words import printable
    from supple.i18n import _

    where = printable(str(target))
    try:
        write_named(target, data, force=force, ours=ours)
    except Refused as refused:
        said = _("supple: not written: {path}: {reason}")
        print(said.format(path=where, reason=refused.reason), file=sys.stderr)
        return False
    except OSError as error:
        reason = error.strerror or str(error)
        said = _("supple: cannot write {path}: {reason}")
        print(said.format(path=where, reason=reason), file=sys.stderr)
        return False
    return True


def add_lang(parser: argparse.ArgumentParser, *, command: bool = False) -> None:
    """``--lang``, on ``supple`` and on ``supple play`` (read before the parser is built, by
    ``_chosen_lang``, so that the help is in it too; here it is checked and documented)."""
    import argparse

    from supple.i18n import LANGUAGES, _

    parser.add_argument(
        "--lang",
        choices=Shown(lang for lang in LANGUAGES if lang != "pseudo"),  # pseudo works, unsaid
        # a command's own default must not undo `supple --lang de play`
        default=argparse.SUPPRESS if command else None,
        help=_("the language shown and spoken (default: the setting, else LANGUAGE/LC_ALL/LANG)"),
    )


def add_plain(parser: argparse.ArgumentParser) -> None:
    """``--plain`` and ``--every``, on every command that starts a session (``play``,
    ``build``): the same words, read by ``supple.cli.app.plain_chosen``."""
    from supple.i18n import _

    parser.add_argument(
        "--plain",
        action="store_true",
        help=_(
            "the session as lines of text, for a screen reader or a braille display (also "
            "TERM=dumb, SUPPLE_PLAIN=1 or the setting plain)"
        ),
    )
    parser.add_argument(
        "--every",
        type=every,
        metavar="SECONDS",
        help=_("plain mode: say the time left every SECONDS (0: never; default: the setting)"),
    )


def every(text: str) -> int:
    """``--every``'s seconds (0 to 600), read as every number is (``core.numbers``)."""
    import argparse

    from supple.core.numbers import NumberError, read_whole
    from supple.i18n import _

    try:
        number = read_whole(text, "s")
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not 0 <= number <= 600:
        raise argparse.ArgumentTypeError(
            _("{number} is not from 0 to 600 seconds").format(number=number)
        )
    return number


class Shown(tuple[str, ...]):
    """An argument's choices as the help, the man page and completion list them; ``pseudo``
    (the pseudo-locale, for translators) is accepted besides, never offered."""

    HIDDEN = ("pseudo",)

    def __contains__(self, value: object) -> bool:
        return value in self.HIDDEN or super().__contains__(value)


def add_level(parser: argparse.ArgumentParser) -> None:
    """``--level``, on every command that plays, shows, logs or builds at a level: its default
    is the coach's ``level_for`` (the last one picked on home, at first the settings')."""
    from supple.core.routine import LEVELS
    from supple.i18n import _

    parser.add_argument(
        "--level",
        choices=LEVELS,
        help=_("the level (default: the last one picked on home; at first, the settings' level)"),
    )
