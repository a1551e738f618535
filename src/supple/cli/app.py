"""The app's entry points: `supple` alone, play and serve; the only ones that import Textual."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from supple.cli.command import (
    EXERCISE_IDS,
    ROUTINE_IDS,
    Command,
    add_lang,
    add_level,
    add_plain,
    coach,
    completes,
    find_routine,
    port,
)
from supple.i18n import _, lazy
from supple.system.environment import value

if TYPE_CHECKING:
    import argparse

    from supple.cli.command import Commands
    from supple.coach.coach import Coach
    from supple.core.record import SessionRecord
    from supple.core.routine import Level, Routine


def _serve_arguments(sub: Commands) -> None:
    p = sub.add_parser("serve", help=_("run the app in a web browser (textual-serve)"))
    p.add_argument("--host", default="127.0.0.1", help=_("address to listen on (127.0.0.1)"))
    p.add_argument("--port", type=port, default=8000, help=_("port (8000)"))


def _play_arguments(sub: Commands) -> None:
    p = sub.add_parser("play", help=_("start a routine straight away in the app"))
    routine = p.add_argument("routine", nargs="?", help=_("routine id (see `supple list`)"))
    completes(routine, ROUTINE_IDS)
    exercise = p.add_argument(
        "--exercise", metavar="ID", help=_("one library exercise alone (see `supple exercises`)")
    )
    completes(exercise, EXERCISE_IDS)
    p.add_argument(
        "--resume",
        action="store_true",
        help=_("continue your last session, stopped or interrupted, from the exercise it was in"),
    )
    add_level(p)
    add_lang(p, command=True)
    add_plain(p)


NO_TERMINAL = lazy(
    "supple: the app needs a terminal (its input and output must both be one). Without one, "
    "use the commands: list, show, validate, history, stats, program, test, config, serve."
)


def has_terminal() -> bool:
    """A terminal on both ends, or a Textual driver chosen for us (`supple serve`'s browser
    tabs run the app through the web driver, with no terminal by design)."""
    return value("TEXTUAL_DRIVER") is not None or (sys.stdin.isatty() and sys.stdout.isatty())


def plain_chosen(flag: bool, found: Coach | None = None) -> bool:
    """The one decision whether a session plays in plain mode: ``--plain``, ``SUPPLE_PLAIN``,
    ``TERM=dumb``, or (once a coach is at hand: the settings are read only then) the setting."""
    if flag or value("SUPPLE_PLAIN") is not None or value("TERM") == "dumb":
        return True
    return found is not None and found.config.plain


def cmd_app(
    routine: str | Routine | None,
    level: Level | None,
    *,
    resume: bool = False,
    plain: bool = False,
    every: int | None = None,
    found: Coach | None = None,
) -> int:
    """Every way into a session (``supple``, ``play ROUTINE``, ``--exercise``, ``--resume``,
    ``build --play``): in plain mode when ``plain_chosen`` says so, else in the app. ``routine``:
    an id, or a routine no file holds (one ``supple build`` made)."""
    if plain_chosen(plain):  # decided before the coach is made: no settings read for it
        return cmd_plain(routine, level, resume=resume, every=every, found=found)
    terminal = has_terminal()
    found = found if found is not None else coach()
    if plain_chosen(plain, found):  # the setting: plain mode needs no terminal either
        return cmd_plain(routine, level, resume=resume, every=every, found=found)
    if not terminal:  # escape codes into a file, and a session nobody sees, never ends
        print(_(NO_TERMINAL), file=sys.stderr)
        return 2
    what = _what_to_play(found, routine, level, resume=resume)
    if what is None:
        return 2
    routine, level, earlier = what
    if isinstance(routine, str) and find_routine(found.catalog, routine) is None:
        return 2
    if routine is not None and not _despite_flag(found):
        return 1
    from supple.tui.app import run_app  # Textual is imported only here

    start = (routine, found.level_for(level)) if routine is not None else None
    return run_app(found, start=start, resume=earlier)


def cmd_plain(
    routine: str | Routine | None,
    level: Level | None,
    *,
    resume: bool = False,
    every: int | None = None,
    found: Coach | None = None,
) -> int:
    """Plain mode: the session as lines (``supple.cli.plain``); with no routine, the routines
    listed and one asked for, then its level."""
    from supple.cli.plain_terminal import ask_routine, run_plain

    found = found if found is not None else coach()
    what = _what_to_play(found, routine, level, resume=resume)
    if what is None:
        return 2
    routine, level, earlier = what
    if routine is None:  # the routine asked for, then its level (unless --level gave it)
        chosen = ask_routine(found, level)
        if chosen is None:
            return 0
        routine, level = chosen
    if isinstance(routine, str) and find_routine(found.catalog, routine) is None:
        return 2
    if not _despite_flag(found):
        return 1
    setting = found.config.plain_every
    seconds = every if every is not None else 0 if setting == "off" else int(setting)
    return run_plain(found, routine, found.level_for(level), earlier, seconds)


def _despite_flag(found: Coach) -> bool:
    """A warning sign standing: asked before the session (docs/safety.md)."""
    from supple.cli.safety import go_despite_flag

    return go_despite_flag(found)


def cmd_play_routine(
    found: Coach, routine: Routine, level: Level, *, plain: bool = False, every: int | None = None
) -> int:
    """Play a routine that is not among the files (one `supple build` made for today)."""
    return cmd_app(routine, level, plain=plain, every=every, found=found)


def _what_to_play(
    found: Coach, routine: str | Routine | None, level: Level | None, *, resume: bool
) -> tuple[str | Routine | None, Level | None, SessionRecord | None] | None:
    """The routine and level asked for; with ``--resume`` the newest session's, and that session
    if it can be resumed as it was; else None, having said why (and, when its routine changed
    since, how to start it afresh)."""
    if not resume:
        return routine, level, None
    from supple.coach import wording
    from supple.core.words import printable

    newest = found.newest(1)
    offer = found.journal.resume_offer(found.catalog, newest[0]) if newest else None
    if offer is None:
        print(_("supple: no stopped or interrupted session to resume."), file=sys.stderr)
        return None
    if offer.fresh:
        routine = printable(offer.record.routine)
        print(
            f"supple: {printable(wording.resume_offer(offer))}: `supple play {routine}`.",
            file=sys.stderr,
        )
        return None
    return offer.record.routine, offer.record.level, offer.record


def _play(args: argparse.Namespace) -> int:
    if args.exercise is not None:
        if args.routine is not None or args.resume:
            said = _("supple play: a routine, --resume or --exercise: one of them")
            print(said, file=sys.stderr)
            return 2
        alone = _alone_id(args.exercise)
        if alone is None:
            return 2
        return cmd_app(alone, args.level, plain=args.plain, every=args.every)
    if args.routine is None and not args.resume:
        print(_("supple play: name a routine (see `supple list`), or --resume"), file=sys.stderr)
        return 2
    return cmd_app(args.routine, args.level, resume=args.resume, plain=args.plain, every=args.every)


def _alone_id(exercise_id: str) -> str | None:
    """The routine id of the exercise played alone; None after saying there is no such one."""
    from supple.coach.library_wording import unknown_exercise
    from supple.core.library import ALONE
    from supple.core.words import printable

    library = coach().library
    try:
        library.find(exercise_id)
    except KeyError:
        close = library.library.suggest(exercise_id)
        print(f"supple: {printable(unknown_exercise(exercise_id, close))}", file=sys.stderr)
        return None
    return f"{ALONE}{exercise_id}"


def _serve(args: argparse.Namespace) -> int:
    from supple.system.serve import serve  # textual-serve is imported only here

    return serve(args.host, args.port)


COMMANDS = {
    "serve": Command(_serve_arguments, _serve),
    "play": Command(_play_arguments, lambda args: _play(args)),
}
