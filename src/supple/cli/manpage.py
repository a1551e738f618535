"""The manual page, supple(1), written from the one parser (``supple.cli.build_parser``): each
command with its usage, help line and arguments as `supple COMMAND --help` gives them.
``scripts/manpage.py`` writes it to ``man/supple.1`` (shipped in the wheel's data files as
``share/man/man1/supple.1``); a test fails while that file is stale.

A small generator of our own rather than argparse-manpage: it reads the parser's actions and
help formatter as shtab does, adds no dependency, and its output changes only when the parser
does (no date in it)."""

from __future__ import annotations

import argparse

from supple import __version__
from supple.cli import build_parser

_SEE_ALSO = (
    "The guide, every setting and the file formats: docs/ in supple's source, "
    "or the README. Completion for bash, zsh and fish: supple completion SHELL."
)

_FILES = (
    ("$SUPPLE_CONFIG_DIR, else ~/.config/supple", "settings (config.toml) and your routines"),
    ("$SUPPLE_DATA_DIR, else ~/.local/share/supple", "the history, the program, test results"),
    ("$SUPPLE_STATE_DIR, else ~/.local/state/supple", "what this machine remembers"),
    ("$SUPPLE_CACHE_DIR, else ~/.cache/supple", "the synthesised sounds, safe to delete"),
)


def roff(text: str) -> str:
    """``text`` as roff body text: backslashes and hyphens escaped, no line read as a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        f"\\&{line}" if line.startswith((".", "'")) else line for line in escaped.splitlines()
    )


def _commands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, help line, parser) of each command, in the order of `supple --help`."""
    found: list[tuple[str, str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                found.append((name, helps.get(name, ""), sub))
    return found


def _arguments(parser: argparse.ArgumentParser, *, nested: bool = True) -> list[str]:
    """One tagged paragraph per argument shown in ``--help`` (hidden ones stay hidden); with
    ``nested``, a command's own commands (`supple program start`) too."""
    formatter = parser._get_formatter()
    lines: list[str] = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._SubParsersAction):
            if not nested:
                continue
            for name, help_line, _ in _commands(parser):
                lines += [".TP", f"\\fB{roff(name)}\\fR", roff(help_line)]
            continue
        invocation = formatter._format_action_invocation(action)
        lines += [".TP", f"\\fB{roff(invocation)}\\fR"]
        if action.help:
            lines.append(roff(formatter._expand_help(action)))
    return lines


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().split())
    return usage.removeprefix("usage: ")


def _usage_lines(parser: argparse.ArgumentParser, width: int = 72) -> list[str]:
    """The usage as a synopsis: lines of at most ``width`` columns (a terminal's 80 less
    the man page's margin of 7), each one after the first indented."""
    import textwrap

    return textwrap.wrap(
        _usage(parser),
        width,
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def manual() -> str:
    """supple.1, the whole manual page as roff."""
    parser = build_parser()
    lines = [
        f'.TH SUPPLE 1 "" "supple {__version__}" "User Commands"',
        ".SH NAME",
        "supple \\- a terminal mobility coach",
        ".SH SYNOPSIS",
        ".B supple",
        "[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]",
        ".SH DESCRIPTION",
        roff(parser.description or ""),
        "Pick a routine and a level; supple guides you through it with a timer, breathing cues "
        "and counters, and keeps a local history of every session. Keyboard only, no network.",
        ".SH OPTIONS",
        *_arguments(parser, nested=False),
        ".SH COMMANDS",
    ]
    for name, help_line, sub in _commands(parser):
        lines += [".SS " + roff(f"supple {name}"), roff(help_line), ".PP", ".nf"]
        lines += [*(roff(line) for line in _usage_lines(sub)), ".fi"]
        lines += _arguments(sub)
    lines += [".SH FILES"]
    for where, what in _FILES:
        lines += [".TP", f"\\fI{roff(where)}\\fR", roff(what)]
    lines += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBSUPPLE_TIME_SCALE\\fR",
        "speeds the clock up (for demonstrations and tests).",
        ".TP",
        "\\fBNO_COLOR\\fR",
        "no colour: every colour cue keeps a form without it.",
        ".SH SEE ALSO",
        roff(_SEE_ALSO),
    ]
    return "\n".join(lines) + "\n"
