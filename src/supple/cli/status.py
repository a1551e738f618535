"""`supple status`: one short line for a shell prompt or a tmux status bar, from a small summary.

Reading the history takes as long as the history is big, and may recover or quarantine files; a
prompt can afford neither. So the coach keeps a summary (``status.json`` in the state folder:
the streak and the day it was worked out for, the program's next workout and its day) whenever it
reads the history, and `supple status` reads only that file: json, datetime and the folder's
path, nothing of ``supple.core``. What changed since it was written follows from the dates
alone: a streak whose last day is before yesterday is over, "today counts" holds only on the day
it was written, a workout whose day has come is due, and the next-morning question is open
(``core.morning``'s rule over the newest sessions' facts the summary keeps, and the clock).

Read-only and silent: a missing, broken or huge summary prints nothing (or what it can) and
exits 0; the only message on stderr is a mistyped ``--format`` (exit 2): an unknown field, or a
format spec other than ``[[fill]align][0][width][.precision]`` in ASCII digits up to
``MAX_WIDTH``. A standard output that refuses the line is said (``cli.streams``), still exit 0.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from supple.cli.command import Command

if TYPE_CHECKING:  # imported when a line is read: the CLI's parser reads OPTIONS alone
    import argparse

    from supple.cli.command import Commands
    from supple.core.summary import Summary

# The status line's options, declared once: the fast path below parses them itself (no
# argparse for a prompt) and the CLI's parser adds them from here; a test holds the two alike.
# name -> (metavar, or None for a flag; help)
OPTIONS: dict[str, tuple[str | None, str]] = {
    "--ascii": (None, "plain ASCII"),
    "--format": ("TEMPLATE", "your own line ({streak}, {due}, …)"),
}

FIELDS = {
    "streak": "days in the current streak (0 when it is over)",
    "today": "✓ (ASCII: done) when today already counts, else empty",
    "due": "'workout 11' when the program's next workout is due, else empty",
    "next": "when the next workout is: today, a weekday (Thu) or a date (14 Dec); else empty",
    "workout": "'Workout 11 of 18 — Lower back mobility, intermediate, 10 min'; 'See a doctor "
    "or physiotherapist first' while a warning sign stands (then due, next, number and tests "
    "are empty); else empty",
    "number": "the next workout's number, else empty",
    "total": "the program's number of workouts, else empty",
    "tests": "'tests due' when the program's mobility tests are due, else empty",
    "morning": "'how is your back this morning? supple checkin --morning N' while the "
    "next-morning question is open (before the day's first session), else empty",
    "line": "the whole default line",
}

USAGE = (
    "usage: supple status [--ascii] [--format TEMPLATE]\n\n"
    "One short line for a shell prompt or a status bar, e.g. '🔥 4 · due: workout 11'.\n"
    "  --ascii            plain ASCII ('streak 4 | due: workout 11')\n"
    "  --format TEMPLATE  your own line, with these fields:\n"
    + "".join(f"    {'{' + name + '}':<10} {what}\n" for name, what in FIELDS.items())
)


def summary_path() -> Path:
    """Where the summary lives: beside the app's other state (the level last chosen, mute)."""
    from supple.core.summary import FILE_NAME
    from supple.system import paths

    return paths.state_dir() / FILE_NAME


# -- reading (`supple status`) ----------------------------------------------------------------


def _text(value: object, limit: int = 60) -> str:
    """A value from the file as one safe line: no control characters, no escape codes."""
    if not isinstance(value, str):
        return ""
    clean = "".join(c for c in value if c.isprintable())
    return clean[:limit]


def when(day: date, today: date) -> str:
    """A day as a status bar says it: today, a weekday this coming week, else a date."""
    if day <= today:
        return "today"
    if (day - today).days <= 6:
        return f"{day:%a}"
    return f"{day.day} {day:%b}"


def fields(
    summary: Summary | None, today: date, *, ascii: bool = False, now: datetime | None = None
) -> dict[str, str]:
    """Every ``--format`` field as of ``today`` (empty strings where there is nothing to say);
    the next-morning prompt only when told the time, ``now`` (aware, local)."""
    out = dict.fromkeys(FIELDS, "")
    if summary is None:
        return out
    if now is not None:
        from supple.core.morning import PROMPT, due_for

        if due_for(summary.morning, now) is not None:
            out["morning"] = PROMPT
    streak = summary.streak
    last = summary.streak_last
    if streak < 0 or last is None or last < today - timedelta(days=1) or last > today:
        streak = 0
    counts = summary.today_counts and summary.day == today
    out["streak"] = str(streak)
    out["today"] = ("done" if ascii else "✓") if counts else ""
    program = summary.program
    if program is not None:
        total = program.total
        out["total"] = "" if total is None else str(total)
        if program.tests_due:
            out["tests"] = "tests due"
        nxt = program.next
        if nxt is not None and (number := nxt.number) is not None:
            out["number"] = str(number)
            suggested = nxt.suggested
            if suggested is not None:
                out["next"] = when(suggested, today)
                if suggested <= today:
                    out["due"] = f"workout {number}"
            length = f", {nxt.minutes:g} min" if nxt.minutes is not None else ""
            dash = "-" if ascii else "—"
            of = f" of {total}" if total is not None else ""
            what = ", ".join(x for x in (_text(nxt.title), _text(nxt.level)) if x)
            out["workout"] = f"Workout {number}{of} {dash} {what}{length}"
    if program is not None and (clinician := _text(summary.clinician)):
        # A warning sign stands: a clinician first, never a workout (docs/safety.md).
        out |= {"due": "", "next": "", "number": "", "tests": "", "workout": clinician}
    out["line"] = default_line(out, summary, ascii=ascii)
    return out


def default_line(values: Mapping[str, str], summary: Summary, *, ascii: bool) -> str:
    """'🔥 4 ✓ · next: Thu', 'streak 4 | due: workout 11', 'program done'."""
    parts = []
    if ascii:
        parts.append(f"streak {values['streak']}" + (" done" if values["today"] else ""))
    else:
        parts.append(f"🔥 {values['streak']}" + (" ✓" if values["today"] else ""))
    program = summary.program
    if summary.clinician and program is not None:
        parts.append(values["workout"])
    elif values["due"]:
        parts.append(f"due: {values['due']}")
    elif values["next"]:
        parts.append(f"next: {values['next']}")
    elif program is not None and program.next is None:
        parts.append("program done")
    if values["tests"]:
        parts.append(values["tests"])
    if values["morning"]:
        parts.append(values["morning"])
    return (" | " if ascii else " · ").join(parts)


def check_template(template: str) -> str | None:
    """None if ``template`` is usable, else what is wrong, in words."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        return f"--format: {error}"
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        if name not in FIELDS:
            return f"--format: unknown field {{{name}}}; known: " + ", ".join(
                f"{{{f}}}" for f in FIELDS
            )
        if spec and ("{" in spec or "}" in spec):
            return f"--format: a field inside {{{name}}}'s format is not supported"
        if spec and (problem := spec_problem(spec)):
            return f"--format: {{{name}:{spec}}}: {problem}"
    return None


MAX_WIDTH = 200  # a status bar is one line: wider is a typo, and 300000000 took 760 MB

# What a text field's format spec may hold: [[fill]align][0][width][.precision][s], the width
# and precision in ASCII digits (Python's own reader takes '٣' as 3).
_SPEC = r"(?:.?[<>^])?0?(?P<width>[0-9]*)(?:\.(?P<precision>[0-9]+))?s?"


def spec_problem(spec: str) -> str | None:
    """None if ``spec`` is a format spec the status line takes, else what is wrong."""
    import re

    match = re.fullmatch(_SPEC, spec, re.DOTALL)
    if match is None:
        from supple.core.numbers import foreign_digit

        if (char := foreign_digit(spec)) is not None:
            return f"type the digits 0-9 (U+{ord(char):04X} is not one)"
        return "expected [[fill]align][width][.precision], e.g. >3"
    for number in (match["width"], match["precision"]):
        if number and int(number) > MAX_WIDTH:
            return f"{number[:12]} is wider than {MAX_WIDTH}"
    return None


def render(
    summary: Summary | None,
    today: date,
    *,
    ascii: bool = False,
    template: str | None = None,
    now: datetime | None = None,
) -> str:
    """The status line for ``today`` (and ``now``, for the next-morning prompt): the default
    line, or ``template`` filled in (checked first with ``check_template``). Nothing at all
    without a summary."""
    if summary is None:
        return ""
    values = fields(summary, today, ascii=ascii, now=now)
    line = values["line"] if template is None else template.format_map(values)
    line = "".join(c for c in line if c.isprintable())  # one line, no escape codes
    return line.encode("ascii", "replace").decode("ascii") if ascii else line


def parse_args(args: list[str]) -> tuple[bool, str | None] | str:
    """(ascii, template), or the usage problem in words ('help' for --help)."""
    ascii, template = False, None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("-h", "--help"):
            return "help"
        if arg == "--ascii":  # each of OPTIONS, in turn
            ascii = True
        elif arg == "--format":
            if not rest:
                return "--format needs a template, e.g. --format '{streak} {due}'"
            template = rest.pop(0)
        elif arg.startswith("--format="):
            template = arg.partition("=")[2]
        else:
            return f"unknown argument {arg!r}"
    return ascii, template


def main(args: list[str], today: date | None = None, now: datetime | None = None) -> int:
    """`supple status`: print the line; exit 0 whatever the files say, 2 for a typo. ``now``
    (aware) is the clock, ``today`` its day unless given."""
    parsed = parse_args(args)
    if parsed == "help":
        _write(USAGE)
        return 0
    if isinstance(parsed, str):
        print(f"supple status: {parsed} (see `supple status --help`)", file=sys.stderr)
        return 2
    ascii, template = parsed
    if template is not None and (problem := check_template(template)):
        from supple.core.words import printable  # the template is typed: ESC shown, not sent

        print(f"supple status: {printable(problem)}", file=sys.stderr)
        return 2
    from supple.core.summary import read_summary

    try:
        now = now or datetime.now().astimezone()
        day = today or now.date()
        summary = read_summary(summary_path())
        line = render(summary, day, ascii=ascii, template=template, now=now)
    except Exception:  # a prompt never shows a traceback: no line is the answer
        return 0
    if line:
        if not ascii and not _encodable(line):
            line = render(summary, day, ascii=True, template=template, now=now)
        _write(line + "\n")
    return 0


def _encodable(text: str) -> bool:
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError, UnicodeEncodeError):  # a closed pipe, a prompt gone away
        pass


def _arguments(sub: Commands) -> None:
    p = sub.add_parser(
        "status",
        help="one short line for a shell prompt or a status bar: streak, what is due",
        description="Reads only the summary the app and the other commands keep; never "
        "writes, never complains (see `supple status --help`).",
        add_help=False,
    )
    for option, (metavar, what) in OPTIONS.items():
        if metavar is None:
            p.add_argument(option, action="store_true", help=what)
        else:
            p.add_argument(option, metavar=metavar, help=what)


def _run(args: argparse.Namespace) -> int:
    """Only by a way round the fast path (`supple -- status`): the same line all the same."""
    flags = ["--ascii"] if args.ascii else []
    if args.format is not None:
        flags += ["--format", args.format]
    return main(flags)


COMMANDS = {"status": Command(_arguments, _run)}
