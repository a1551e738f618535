"""The `supple` command line: finds the module that declares the command asked for and runs it;
no logic of its own.

Each command is declared once, in the module of its group, with its arguments and its handler
(`supple.cli.command.Command`); only `supple` (no command), `supple play` and `supple serve`
import Textual, and every command imports only its own module.
"""

from __future__ import annotations

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
    "history": "journal",
    "stats": "journal",
    "log": "journal",
    "program": "program",
    "status": "status",
    "test": "program",
    "config": "settings",
    "paths": "settings",
    "serve": "app",
    "remind": "reminders",
    "nudge": "reminders",
    "play": "app",
}


def declared(name: str) -> Command:
    """The command ``name`` as its module declares it (importing that module)."""
    from importlib import import_module

    command: Command = import_module(f"{__name__}.{COMMANDS[name]}").COMMANDS[name]
    return command


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` (a command's name) the parser of that command alone,
    which parses its arguments and words its errors alike: argparse's cost is per argument, and
    `supple list` should not pay for `supple remind`'s (nor import the routines for `--level`)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="supple",
        description="A terminal mobility coach. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"supple {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is None or name == only:
            declared(name).arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Every command, with the one handler for any uncaught error around it
    (``supple.system.crash``): a crash report, a short message, a non-zero exit."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        return _main(args)
    except KeyboardInterrupt:  # Ctrl+C outside the app (which saves and exits on its own)
        return 130
    except Exception as error:
        from supple.system.crash import report

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
        # The parser of the command asked for; anything else (`--help`, a typo) gets all of them.
        return _dispatch(build_parser(args[0] if args[0] in COMMANDS else None).parse_args(args))
    except BrokenPipeError:
        # `supple show ... | head`: the reader left; that is not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:  # `supple --`: the app, as with no argument at all
        from supple.cli.app import cmd_app

        return cmd_app(None, None)
    return declared(args.command).run(args)
