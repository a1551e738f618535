"""`supple status`: one short line for a shell prompt or a tmux status bar, from a small summary.

Reading the history takes as long as the history is big, and may recover or quarantine files; a
prompt can afford neither. So the coach keeps a summary (``status.json`` in the state folder:
the streak and the day it was worked out for, the program's next workout and its day) whenever it
reads the history, and `supple status` reads only that file: json, datetime and the folder's
path, nothing of ``supple.core``. What changed since it was written follows from the dates
alone: a streak whose last day is before yesterday is over, "today counts" holds only on the day
it was written, a workout whose day has come is due.

Read-only and silent: a missing, broken or huge summary prints nothing (or what it can) and
exits 0; the only message on stderr is a mistyped ``--format`` (exit 2).
"""

from __future__ import annotations

import os
import string
import sys
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supple.core.program import Progress
    from supple.core.record import SessionRecord
    from supple.core.stats import Stats

SCHEMA = 1
FILE_NAME = "status.json"
MAX_BYTES = 64 * 1024  # a summary is a few hundred bytes; anything bigger is not ours

FIELDS = {
    "streak": "days in the current streak (0 when it is over)",
    "today": "✓ (ASCII: done) when today already counts, else empty",
    "due": "'workout 11' when the program's next workout is due, else empty",
    "next": "when the next workout is: today, a weekday (Thu) or a date (14 Dec); else empty",
    "workout": "'Workout 11 of 18 — Lower back mobility, intermediate, 10 min', else empty",
    "number": "the next workout's number, else empty",
    "total": "the program's number of workouts, else empty",
    "tests": "'tests due' when the program's mobility tests are due, else empty",
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
    from supple.system import paths

    return paths.state_dir() / FILE_NAME


# -- writing (the coach, after it read the history) -----------------------------------------


def summarize(
    records: Iterable[SessionRecord],
    stats: Stats,
    progress: Progress | None,
    seconds: Mapping[int, float],
    titles: Mapping[str, str],
) -> dict[str, Any]:
    """The summary of the history (``records`` and their ``stats``, worked out for
    ``stats.today``) and, for a started program, ``progress``, with each workout's ``seconds``
    as the person plays it and the routines' ``titles``."""
    from supple.core.words import whole_minutes

    today = stats.today
    # Today counts once a session that counts was done today (the streak's rule; a program
    # workout counted today is such a session).
    today_counts = any(r.counts and r.started.date() == today for r in records)
    streak = stats.current_streak
    last_day = today if today_counts else today - timedelta(days=1)
    program: dict[str, Any] | None = None
    if progress is not None and progress.started is not None:
        nxt = progress.next
        program = {
            "id": progress.program.id,
            "title": progress.program.title,
            "started": progress.started.date().isoformat(),
            "done": len(progress.done),
            "total": len(progress.program.workouts),
            "tests_due": list(progress.due),
            "next": None
            if nxt is None
            else {
                "number": nxt.number,
                "week": nxt.week,
                "routine": nxt.routine,
                "title": titles.get(nxt.routine, nxt.routine),
                "level": nxt.level,
                "minutes": whole_minutes(seconds[nxt.number]) if nxt.number in seconds else None,
                "suggested": progress.suggested.isoformat() if progress.suggested else None,
            },
        }
    return {
        "schema": SCHEMA,
        "day": today.isoformat(),
        "streak": streak,
        "streak_last": last_day.isoformat() if streak else None,
        "longest": stats.longest_streak,
        "today_counts": today_counts,
        "last_session": stats.last.started.date().isoformat() if stats.last else None,
        "sessions": stats.sessions,
        "program": program,
    }


def write_summary(path: Path, summary: Mapping[str, Any]) -> bool:
    """Write ``summary`` atomically if it differs from what is there; True if written. A
    failure (a read-only disk) costs only a stale status line, so it is swallowed."""
    import json

    from supple.core.files import atomic_write

    data = (json.dumps(summary, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
        atomic_write(path, data)
    except OSError:
        return False
    return True


# -- reading (`supple status`) ----------------------------------------------------------------


def read_summary(path: Path) -> dict[str, Any] | None:
    """The summary, or None if it is missing, not a regular file, too big, not JSON or not a
    summary of this schema. Never raises, never blocks (a FIFO in its place is not opened for
    reading beyond a non-blocking open)."""
    import json
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        raw = os.read(fd, MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return None
    return data


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


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
    summary: Mapping[str, Any] | None, today: date, *, ascii: bool = False
) -> dict[str, str]:
    """Every ``--format`` field as of ``today`` (empty strings where there is nothing to say)."""
    out = dict.fromkeys(FIELDS, "")
    if summary is None:
        return out
    written = _day(summary.get("day"))
    streak = _int(summary.get("streak")) or 0
    last = _day(summary.get("streak_last"))
    if streak < 0 or last is None or last < today - timedelta(days=1) or last > today:
        streak = 0
    counts = summary.get("today_counts") is True and written == today
    out["streak"] = str(streak)
    out["today"] = ("done" if ascii else "✓") if counts else ""
    program = summary.get("program")
    if isinstance(program, dict):
        total = _int(program.get("total"))
        out["total"] = "" if total is None else str(total)
        due_tests = program.get("tests_due")
        if isinstance(due_tests, list) and due_tests:
            out["tests"] = "tests due"
        nxt = program.get("next")
        if isinstance(nxt, dict) and (number := _int(nxt.get("number"))) is not None:
            out["number"] = str(number)
            suggested = _day(nxt.get("suggested"))
            if suggested is not None:
                out["next"] = when(suggested, today)
                if suggested <= today:
                    out["due"] = f"workout {number}"
            minutes = nxt.get("minutes")
            length = (
                f", {minutes:g} min"
                if isinstance(minutes, int | float) and not isinstance(minutes, bool)
                else ""
            )
            dash = "-" if ascii else "—"
            of = f" of {total}" if total is not None else ""
            what = ", ".join(x for x in (_text(nxt.get("title")), _text(nxt.get("level"))) if x)
            out["workout"] = f"Workout {number}{of} {dash} {what}{length}"
    out["line"] = default_line(out, summary, ascii=ascii)
    return out


def default_line(values: Mapping[str, str], summary: Mapping[str, Any], *, ascii: bool) -> str:
    """'🔥 4 ✓ · next: Thu', 'streak 4 | due: workout 11', 'program done'."""
    parts = []
    if ascii:
        parts.append(f"streak {values['streak']}" + (" done" if values["today"] else ""))
    else:
        parts.append(f"🔥 {values['streak']}" + (" ✓" if values["today"] else ""))
    program = summary.get("program")
    if values["due"]:
        parts.append(f"due: {values['due']}")
    elif values["next"]:
        parts.append(f"next: {values['next']}")
    elif isinstance(program, dict) and program.get("next", ...) is None:
        parts.append("program done")
    if values["tests"]:
        parts.append(values["tests"])
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
    return None


def render(
    summary: Mapping[str, Any] | None,
    today: date,
    *,
    ascii: bool = False,
    template: str | None = None,
) -> str:
    """The status line for ``today``: the default line, or ``template`` filled in (checked
    first with ``check_template``). Nothing at all without a summary."""
    if summary is None:
        return ""
    values = fields(summary, today, ascii=ascii)
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
        if arg == "--ascii":
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


def main(args: list[str], today: date | None = None) -> int:
    """`supple status`: print the line; exit 0 whatever the files say, 2 for a typo."""
    parsed = parse_args(args)
    if parsed == "help":
        _write(USAGE)
        return 0
    if isinstance(parsed, str):
        print(f"supple status: {parsed} (see `supple status --help`)", file=sys.stderr)
        return 2
    ascii, template = parsed
    if template is not None and (problem := check_template(template)):
        print(f"supple status: {problem}", file=sys.stderr)
        return 2
    try:
        summary = read_summary(summary_path())
        line = render(summary, today or date.today(), ascii=ascii, template=template)
    except Exception:  # a prompt never shows a traceback: no line is the answer
        return 0
    if line:
        if not ascii and not _encodable(line):
            line = render(summary, today or date.today(), ascii=True, template=template)
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
