"""The `supple` command line: finds the module that declares the command asked for and runs it;
no logic of its own.

Each command is declared once, in the module of its group, with its arguments and its handler
(`supple.cli.command.Command`); only `supple` (no command), `supple play` and `supple serve`
import Textual, and every command imports only its own module.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from supple import __version__

if TYPE_CHECKING:
    import argparse

    from supple.cli.command import Command

# Each command and the module (in supple.cli) that declares it, in the order of `supple --help`;
# a module is imported only when one of its commands runs, so that `supple list` pays for
# neither `supple program` nor `supple remind` (nor `supple status`, for a prompt, for any).
COMMANDS: dict[str, str] = {
    "list": "routines",
    "show": "routines",
    "import": "routines",
    "export": "routines",
    "validate": "routines",
    "exercises": "exercises",
    "history": "journal",
    "stats": "journal",
    "log": "journal",
    "checkin": "journal",
    "program": "program",
    "status": "status",
    "test": "program",
    "advice": "advice",
    "screening": "safety",
    "report": "safety",
    "config": "settings",
    "paths": "settings",
    "serve": "app",
    "remind": "reminders",
    "nudge": "reminders",
    "play": "app",
    "completion": "completion",
    "build": "builder",
}


def declared(name: str) -> Command:
    """The command ``name`` as its module declares it (importing that module)."""
    module = f"{__name__}.{COMMANDS[name]}"
    __import__(module)  # importlib's import_module, without importing importlib (0.15 ms)
    command: Command = sys.modules[module].COMMANDS[name]
    return command


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` (a command's name) the parser of that command alone,
    which parses its arguments and words its errors alike: argparse's cost is per argument, and
    `supple list` should not pay for `supple remind`'s (nor import the routines for `--level`)."""
    from supple.i18n import _, language

    if language() == "en":
        _import_argparse_in_english()
    else:  # argparse's own words too (its section titles are read now)
        from supple.cli.argparse_words import translate

        translate()
    import argparse

    parser = argparse.ArgumentParser(
        prog="supple",
        description=_("A terminal mobility coach. With no command, opens the app."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"supple {__version__}",
        help=_("show program's version number and exit"),
    )
    from supple.cli.command import add_lang

    add_lang(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is None or name == only:
            declared(name).arguments(sub)
    return parser


def _same(message: str) -> str:
    return message


def _same_or_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def _import_argparse_in_english() -> None:
    """argparse, its words as it spells them, without the standard library's gettext.

    argparse says every word through ``gettext.gettext``, which looks each one up on disk in
    the global domain (expanding the language's names through ``locale``): importing the two and
    the look-ups of a parser's section titles cost 2-3 ms of a 40-60 ms command, measured, for
    English, which has no catalogue there (English is argparse's own text). So argparse is
    imported here against a stand-in ``gettext`` that returns the text as it is, removed once
    argparse has taken its two functions; a later ``import gettext`` (another language, in the
    same process) is the real one, and another language goes through ``argparse_words`` as
    before. An argparse imported earlier is left as it is."""
    if "argparse" in sys.modules:
        return
    import types

    real = sys.modules.get("gettext")
    stand_in = types.ModuleType("gettext")
    stand_in.__dict__.update(gettext=_same, ngettext=_same_or_plural)
    sys.modules["gettext"] = stand_in
    try:
        import argparse  # noqa: F401  (what this function is for)
    finally:
        if real is None:
            del sys.modules["gettext"]
        else:
            sys.modules["gettext"] = real


def _chosen_lang(args: list[str]) -> None:
    """``--lang X`` or ``--lang=X`` anywhere before ``--``, chosen before anything is worded;
    a value not supported is left to the parser to refuse."""
    from supple.i18n import LANGUAGES, choose

    for index, arg in enumerate(args):
        if arg == "--":
            return
        if arg == "--lang" and index + 1 < len(args):
            code = args[index + 1]
        elif arg.startswith("--lang="):
            code = arg.removeprefix("--lang=")
        else:
            continue
        if code in LANGUAGES:
            choose(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Every command, with the one handler for any uncaught error around it
    (``supple.system.crash``): a write the machine refused (a full disk, a read-only folder, a
    full standard output) is one line and exit 1; anything else a crash report, a short
    message, a non-zero exit."""
    args = sys.argv[1:] if argv is None else list(argv)
    # A command is a short process: what it creates (modules, classes, the records it reads)
    # lives until it exits, so the cyclic collector, run every 700 allocations, would only
    # rescan it (3-5 ms of a 60 ms start-up, measured). Off for the command, as it was after;
    # the app, which runs for hours, keeps it.
    command = bool(args) and args[0] not in APP_COMMANDS
    paused = command and gc.isenabled()
    if paused:
        gc.disable()
    streams = None
    asked = {"-h", "--help", "--version"}.intersection(args)  # the app's help is a command's
    if command or (args and asked):  # the app has its own terminal
        from supple.cli.streams import Streams

        streams = Streams()
        streams.install()
    try:
        code = _run(args)
        if streams is not None:
            code = streams.settle(code, args[0])
    except SystemExit as done:  # argparse's exit (--help, a usage error), kept for callers
        if streams is None:
            raise
        code = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
        raise SystemExit(streams.settle(code, args[0])) from None
    finally:
        if paused:
            gc.enable()
    if command and argv is None:  # run as the program (not called by a test or a script)
        _leave(code)
    return code


def _leave(code: int) -> None:
    """End the process now, once everything is written: its output flushed, the exit handlers
    run (the cache of parsed files saved). Tearing the interpreter down (collecting and freeing
    every module, class and value a command made) took 7-10 ms of a 55 ms command, measured,
    for nothing: the memory goes back with the process. Returns (and the interpreter exits as
    ever) when output cannot be flushed, so a closed pipe or a full disk is said as before, or
    when a thread other than a daemon is still running."""
    threading = sys.modules.get("threading")
    if threading is not None and any(
        t.is_alive() and not t.daemon and t is not threading.main_thread()
        for t in threading.enumerate()
    ):
        return
    if not _flushed():
        return
    import atexit

    atexit._run_exitfuncs()  # what the interpreter's exit would run first
    if _flushed():
        os._exit(code)


def _flushed() -> bool:
    """Both standard streams flushed (a closed one, None, has nothing to flush)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True


# The commands that run the app (and `--`, which opens it as no command does).
APP_COMMANDS = frozenset({"play", "serve", "--"})


def _run(args: list[str]) -> int:
    try:
        return _main(args)
    except KeyboardInterrupt as interrupt:  # Ctrl+C outside the app (it saves and exits itself)
        from supple.cli.command import Unanswered, say_unanswered

        # At a question: the command stops there, having changed nothing, and says so.
        return say_unanswered() if isinstance(interrupt, Unanswered) else 130
    except Exception as error:
        from supple.cli.streams import ALWAYS_ZERO
        from supple.system.crash import OUTSIDE_EXIT, OutputFailed, outside, report

        refused = 0 if args[:1] and args[0] in ALWAYS_ZERO else OUTSIDE_EXIT
        if isinstance(error, OutputFailed):  # said once, by the streams (`streams.settle`)
            return refused
        line = outside(error)
        if line is not None:
            print(f"supple: {line}", file=sys.stderr)
            return refused
        where = f"`supple {args[0]}`" if args and not args[0].startswith("-") else "`supple`"
        return report(error, where)
    finally:  # an environment variable ignored as unreadable: said once, on stderr
        from supple.system.environment import print_problems

        print_problems()


def _main(args: list[str]) -> int:
    try:
        if not args:  # `supple`: straight to the app, without building the argument parser
            from supple.cli.app import cmd_app

            return cmd_app(None, None)
        if args[0] == "status":  # for a prompt: no parser, nothing read but one small file
            from supple.cli.status import main as status

            return status(args[1:])
        if "--lang" in args or any(a.startswith("--lang=") for a in args):
            _chosen_lang(args)
        # The parser of the command asked for; anything else (`--help`, a typo) gets all of them.
        try:
            parsed = build_parser(args[0] if args[0] in COMMANDS else None).parse_args(args)
        except SystemExit:  # --help, --version, a usage error: argparse's own exit, unless
            # what it printed could not be written
            from supple.cli.streams import ALWAYS_ZERO, output_failed

            if output_failed():
                from supple.system.crash import OUTSIDE_EXIT

                return 0 if args[0] in ALWAYS_ZERO else OUTSIDE_EXIT
            raise
        return _dispatch(parsed)
    except BrokenPipeError:
        # `supple show ... | head`: the reader left; that is not an error worth a traceback.
        from supple.cli.streams import drop_output

        drop_output(1)
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:  # `supple --`: the app, as with no argument at all
        from supple.cli.app import cmd_app

        return cmd_app(None, None)
    return declared(args.command).run(args)
