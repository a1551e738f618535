"""`supple status`: one short line for a shell prompt or a tmux status bar, from a small summary.

Reading the history takes as long as the history is big, and may recover or quarantine files; a
prompt can afford neither. So the coach keeps a summary (``status.json`` in the state folder:
the streak and the day it was worked out for, the program's next workout and its day) whenever it
reads the history, and `supple status` reads only that file: json, datetime and the folder's
path, nothing of ``supple.core``. What changed since it was written follows from the dates
alone: a streak whose last day is before yesterday is over, "today counts" holds only on the day
it was written, a workout whose day has come is due, and the next-morning question is open
(``core.morning``'s rule over the newest sessions' facts the summary keeps, and the clock).

The words are made here, at reading, in the reader's language (``--lang``, then the
``language`` setting the summary carries, then the environment), from the summary's facts: in
English no catalogue is read, and the day words (``core.light_words``) are imported only for a
line that names a day.

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

from supple.cli.command import Command, add_lang
from supple.i18n import _, lazy

if TYPE_CHECKING:  # imported when a line is read: the CLI's parser reads OPTIONS alone
    import argparse

    from supple.cli.command import Commands
    from supple.core.summary import NextWorkout, Summary

# The status line's options, declared once: the fast path below parses them itself (no
# argparse for a prompt) and the CLI's parser adds them from here; a test holds the two alike.
# name -> (metavar, or None for a flag; help)
OPTIONS: dict[str, tuple[str | None, str]] = {
    "--ascii": (None, lazy("plain ASCII")),
    "--format": ("TEMPLATE", lazy("your own line ({streak}, {due}, …)")),
}

# The --format fields (their names stay English: a template is typed once and kept), each with
# what it holds, shown translated by ``usage()``.
FIELDS = {
    "streak": lazy("days in the current streak (0 when it is over)"),
    "today": lazy("✓ (ASCII: done) when today already counts, else empty"),
    "due": lazy("'workout 11' when the program's next workout is due, else empty"),
    "next": lazy("when the next workout is: today, a weekday (Thu) or a date (14 Dec); else empty"),
    "workout": lazy(
        "'Workout 11 of 18 — Lower back mobility, intermediate, 10 min'; 'See a doctor or "
        "physiotherapist first' while a warning sign stands (then due, next, number and tests "
        "are empty); else empty"
    ),
    "number": lazy("the next workout's number, else empty"),
    "total": lazy("the program's number of workouts, else empty"),
    "tests": lazy("'tests due' when the program's mobility tests are due, else empty"),
    "morning": lazy(
        "'how is your back this morning? supple checkin --morning N' while the next-morning "
        "question is open (before the day's first session), else empty"
    ),
    "line": lazy("the whole default line"),
}


def usage() -> str:
    """`supple status --help`, in the person's language (the fields' names as they are)."""
    return (
        _("usage: supple status [--ascii] [--format TEMPLATE] [--lang LANG]")
        + "\n\n"
        + _("One short line for a shell prompt or a status bar, e.g. '🔥 4 · due: workout 11'.")
        + "\n  --ascii            "
        + _("plain ASCII ('streak 4 | due: workout 11')")
        + "\n  --format TEMPLATE  "
        + _("your own line, with these fields:")
        + "\n"
        + "".join(f"    {'{' + name + '}':<10} {_(what)}\n" for name, what in FIELDS.items())
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
    """A day as a status bar says it: today, a weekday this coming week, else a date, in the
    reader's language ("heute", "Do", "14 Dez")."""
    if day <= today:
        # Translators: the status line's "next: today"
        return _("today")
    from supple.core.light_words import day_month, weekday_words  # only for a day to name

    if (day - today).days <= 6:
        return weekday_words(day)
    return day_month(day)


def fields(
    summary: Summary | None,
    today: date,
    *,
    ascii: bool = False,
    now: datetime | None = None,
    workout: bool = True,
) -> dict[str, str]:
    """Every ``--format`` field as of ``today`` (empty strings where there is nothing to say);
    the next-morning prompt only when told the time, ``now`` (aware, local). The words are made
    here, at reading, in the reader's language: the summary holds facts (days, numbers, ids, a
    title in every language its routine has), whoever wrote it and in whatever language.
    ``workout=False`` leaves ``{workout}`` empty: the default line does without it (and without
    the words it takes: a prompt pays for what it shows)."""
    out = dict.fromkeys(FIELDS, "")
    if summary is None:
        return out
    if now is not None:
        from supple.core.morning import PROMPT, due_for

        if due_for(summary.morning, now) is not None:
            out["morning"] = _(PROMPT)
    streak = summary.streak
    last = summary.streak_last
    if streak < 0 or last is None or last < today - timedelta(days=1) or last > today:
        streak = 0
    counts = summary.today_counts and summary.day == today
    out["streak"] = str(streak)
    # Translators: the status line in plain ASCII when today already counts, "streak 4 done"
    out["today"] = (_("done") if ascii else "✓") if counts else ""
    program = summary.program
    if program is not None:
        total = program.total
        out["total"] = "" if total is None else str(total)
        if program.tests_due:
            # Translators: the status line when the program's mobility tests are due
            out["tests"] = _("tests due")
        nxt = program.next
        if nxt is not None and (number := nxt.number) is not None:
            out["number"] = str(number)
            suggested = nxt.suggested
            if suggested is not None:
                out["next"] = when(suggested, today)
                if suggested <= today:
                    # Translators: the status line's "due: workout 11"
                    out["due"] = _("workout {number}").format(number=number)
            if workout:
                out["workout"] = _workout(nxt, number, total, ascii=ascii)
    if program is not None and (clinician := _text(summary.clinician)):
        # A warning sign stands: a clinician first, never a workout (docs/safety.md); kept as
        # its English msgid, said in the reader's language
        out |= {"due": "", "next": "", "number": "", "tests": "", "workout": _(clinician)}
    out["line"] = default_line(out, summary, ascii=ascii)
    return out


def _workout(nxt: NextWorkout, number: int, total: int | None, *, ascii: bool) -> str:
    """'Workout 11 of 18 — Lower back mobility, intermediate, 10 min', as a reminder says it."""
    from supple.core.light_words import level_word, whole_minutes_words, workout_words
    from supple.i18n import translated_field

    title = (
        translated_field(nxt.titles.get("en", nxt.title), nxt.titles) if nxt.titles else nxt.title
    )
    parts = [_text(title), _text(level_word(nxt.level))]
    if nxt.minutes is not None:
        parts.append(whole_minutes_words(round(nxt.minutes)))
    said = workout_words(number, total, ", ".join(x for x in parts if x))
    return said.replace("—", "-") if ascii else said


def default_line(values: Mapping[str, str], summary: Summary, *, ascii: bool) -> str:
    """'🔥 4 ✓ · next: Thu', 'streak 4 | due: workout 11', 'program done' (in the reader's
    language)."""
    parts = []
    if ascii:
        # Translators: the status line in plain ASCII, "streak 4" (🔥 4 otherwise)
        streak = _("streak {days}").format(days=values["streak"])
        parts.append(streak + (f" {values['today']}" if values["today"] else ""))
    else:
        parts.append(f"🔥 {values['streak']}" + (" ✓" if values["today"] else ""))
    program = summary.program
    if summary.clinician and program is not None:
        parts.append(values["workout"])
    elif values["due"]:
        # Translators: the status line, "due: workout 11"
        parts.append(_("due: {what}").format(what=values["due"]))
    elif values["next"]:
        # Translators: the status line, "next: Thu" (the next workout's day)
        parts.append(_("next: {when}").format(when=values["next"]))
    elif program is not None and program.next is None:
        # Translators: the status line once every workout of the program is done
        parts.append(_("program done"))
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
    for _literal, name, spec, _conversion in parsed:
        if name is None:
            continue
        if name not in FIELDS:
            known = ", ".join(f"{{{f}}}" for f in FIELDS)
            said = _("unknown field {field}; known: {known}")
            return "--format: " + said.format(field=f"{{{name}}}", known=known)
        if spec and ("{" in spec or "}" in spec):
            said = _("a field inside {field}'s format is not supported")
            return "--format: " + said.format(field=f"{{{name}}}")
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
            return _("type the digits 0-9 (U+{code} is not one)").format(code=f"{ord(char):04X}")
        return _("expected [[fill]align][width][.precision], e.g. >3")
    for number in (match["width"], match["precision"]):
        if number and int(number) > MAX_WIDTH:
            return _("{number} is wider than {most}").format(number=number[:12], most=MAX_WIDTH)
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
    wanted = template is not None and "{workout" in template  # checked: a field's name
    values = fields(summary, today, ascii=ascii, now=now, workout=wanted)
    line = values["line"] if template is None else template.format_map(values)
    line = "".join(c for c in line if c.isprintable())  # one line, no escape codes
    return line.translate(_ASCII).encode("ascii", "replace").decode("ascii") if ascii else line


# --ascii in German or Spanish: their letters as ASCII writes them ("fällig" -> "faellig")
_ASCII = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "ñ": "n",
        "Ñ": "N",
        "á": "a",
        "é": "e",
        "í": "i",
        "ó": "o",
        "ú": "u",
        "Á": "A",
        "É": "E",
        "Í": "I",
        "Ó": "O",
        "Ú": "U",
        "¿": "?",
        "¡": "!",
        "—": "-",
        "·": "|",
    }
)


def chosen_lang(args: list[str]) -> tuple[list[str], str | None]:
    """``--lang X`` (or ``--lang=X``) taken out of ``args`` and chosen (it wins over the setting
    and the environment, as everywhere); the rest, and the problem in words if any."""
    from supple.i18n import choose

    rest: list[str] = []
    left = list(args)
    while left:
        arg = left.pop(0)
        if arg == "--lang" or arg.startswith("--lang="):
            code = arg.partition("=")[2] if "=" in arg else (left.pop(0) if left else "")
            try:
                choose(code)
            except ValueError as error:
                return rest, f"--lang: {error}"
        else:
            rest.append(arg)
    return rest, None


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
                return _("--format needs a template, e.g. --format '{example}'").format(
                    example="{streak} {due}"
                )
            template = rest.pop(0)
        elif arg.startswith("--format="):
            template = arg.partition("=")[2]
        else:
            return _("unknown argument {argument}").format(argument=repr(arg))
    return ascii, template


def main(args: list[str], today: date | None = None, now: datetime | None = None) -> int:
    """`supple status`: print the line; exit 0 whatever the files say, 2 for a typo. ``now``
    (aware) is the clock, ``today`` its day unless given."""
    args, problem = chosen_lang(args)
    parsed = problem if problem is not None else parse_args(args)
    if parsed == "help":
        _write(usage())
        return 0
    if isinstance(parsed, str):
        said = _("{problem} (see `supple status --help`)").format(problem=parsed)
        print(f"supple status: {said}", file=sys.stderr)
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
        if summary is not None and summary.language:
            from supple.i18n import use_setting

            use_setting(summary.language)  # the setting, kept by the coach (below --lang)
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
    from supple.i18n import _  # the full parser's only: the fast path prints no help

    p = sub.add_parser(
        "status",
        help=_("one short line for a shell prompt or a status bar: streak, what is due"),
        description=_(
            "Reads only the summary the app and the other commands keep; never writes, never "
            "complains (see `supple status --help`)."
        ),
        add_help=False,
    )
    add_lang(p, command=True)
    for option, (metavar, what) in OPTIONS.items():
        if metavar is None:
            p.add_argument(option, action="store_true", help=_(what))
        else:
            p.add_argument(option, metavar=metavar, help=_(what).replace("%", "%%"))


def _run(args: argparse.Namespace) -> int:
    """Only by a way round the fast path (`supple -- status`): the same line all the same."""
    flags = ["--ascii"] if args.ascii else []
    if args.format is not None:
        flags += ["--format", args.format]
    return main(flags)


COMMANDS = {"status": Command(_arguments, _run)}
