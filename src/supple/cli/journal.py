"""The journal's commands: history and stats, each with its arguments."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from supple.cli.command import Command, coach, day, tell
from supple.core.words import counted, duration, plural, printable, said

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from supple.cli.command import Commands


def _history_arguments(sub: Commands) -> None:
    p = sub.add_parser("history", help="list past sessions, newest first")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the records as stored, with their path")
    fmt.add_argument("--csv", action="store_true", help="one row per session")
    p.add_argument("--since", type=day, metavar="YYYY-MM-DD", help="only sessions from this day on")
    p.add_argument("--routine", metavar="ID", help="only sessions of this routine")


def _stats_arguments(sub: Commands) -> None:
    p = sub.add_parser("stats", help="streaks, weekly minutes and how your back felt")
    p.add_argument("--json", action="store_true", help="print JSON")


def _log_arguments(sub: Commands) -> None:
    from supple.core.routine import LEVELS

    p = sub.add_parser("log", help="log a session you did without the app")
    p.add_argument("routine", help="routine id (see `supple list`)")
    p.add_argument("--level", choices=LEVELS, help="the level (default: from the settings)")
    p.add_argument(
        "--at", metavar="WHEN", help="when it began: HH:MM today, or YYYY-MM-DD HH:MM (now)"
    )
    p.add_argument(
        "--minutes",
        type=_minutes,
        help="how long it took: 45, 4,5 or 1 h (the routine's own length)",
    )
    p.add_argument(
        "--done",
        metavar="N,N,…",
        help="the exercises done, by their number in `supple show` (all of them)",
    )


def cmd_log(args: argparse.Namespace) -> int:
    from supple.cli.command import find_routine
    from supple.coach import wording
    from supple.coach.journal import numbers, when
    from supple.core.files import SaveError

    found = coach()
    routine = find_routine(found.catalog, args.routine)
    if routine is None:
        return 2
    level = found.level_for(args.level)
    try:
        at = found.now() if args.at is None else when(args.at, found.now())
        done = None if args.done is None else numbers(args.done, len(routine.exercises))
    except ValueError as error:
        print(f"supple log: {printable(str(error))}", file=sys.stderr)
        return 2
    minutes = args.minutes
    if minutes is None:
        minutes = found.catalog.seconds(routine, level) / 60
    if not 0 < minutes <= 24 * 60:
        print("supple log: --minutes must be more than 0 and at most a day", file=sys.stderr)
        return 2
    try:
        record = found.journal.log_by_hand(found.catalog, routine.id, level, at, minutes, done)
    except SaveError as error:
        print(f"supple log: {printable(str(error))}", file=sys.stderr)
        return 1
    tell(found)
    title = printable(record.title)
    print(wording.logged(title, record.exercises_done, record.exercises_total, record.counts))
    return 0


def cmd_history(as_json: bool, as_csv: bool, since: date | None, routine: str | None) -> int:
    import csv
    import json

    from supple.core.history import select
    from supple.core.record import CSV_FIELDS

    found = coach()
    every = found.history().records
    records = select(every, since=since, routine=routine)
    tell(found)
    if as_json:
        # One record per line: readable, and quick to write for ten thousand sessions.
        lines = (json.dumps(r.to_json(), ensure_ascii=False) for r in records)
        body = ",\n".join(lines)
        print(f"[\n{body}\n]" if body else "[]")
        return 0
    if as_csv:
        # CSV is read in a terminal as often as in a spreadsheet: each text field is escaped
        # like any one-line value (a note's newline reads \n), so one session stays one line.
        # The exact text is in --json.
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_FIELDS)
        writer.writerows(
            [printable(cell) if isinstance(cell, str) else cell for cell in r.csv_row()]
            for r in records
        )
        return 0
    if not records:
        if not every:
            print("No sessions yet.")
        else:
            which = "".join(
                (
                    f" of {printable(routine)}" if routine else "",
                    f" since {since:%Y-%m-%d}" if since else "",
                )
            )
            print(f"No sessions{which} ({plural(len(every), 'session')} in all).")
        return 0
    for r in records:
        feeling = ""
        if r.feeling_before is not None or r.feeling_after is not None:
            feeling = f"  feeling {_or_dash(r.feeling_before)}→{_or_dash(r.feeling_after)}"
        print(
            f"{r.started:%Y-%m-%d %H:%M}  {printable(r.title):<22} {printable(r.level):<12} "
            f"{duration(r.active_seconds):>6}  {said(r.outcome).label:<15} "
            f"{r.exercises_done}/{len(r.exercises)} done{feeling}"
            f"{'  logged by hand' if r.by_hand else ''}"
        )
    return 0


def _or_dash(value: int | None) -> str:
    return "–" if value is None else str(value)


def cmd_stats(as_json: bool) -> int:
    import json

    found = coach()
    stats = found.history().stats
    tell(found)
    if as_json:
        print(json.dumps(stats.to_json(), indent=2))
        return 0
    print(
        f"In all: {counted(stats.counted)} ({stats.sessions} ended), "
        f"{stats.minutes:.0f} minutes of work"
    )
    print(
        f"Streak: {plural(stats.current_streak, 'day')} now, "
        f"{plural(stats.longest_streak, 'day')} at the longest"
    )
    week = stats.this_week
    print(f"This week: {counted(week.sessions)}, {week.minutes:.0f} minutes of work")
    print("Last 12 weeks (minutes): " + " ".join(f"{w.minutes:.0f}" for w in stats.weeks))
    if stats.last is not None:
        print(
            f"Last session: {stats.last.started:%a %d %b %H:%M}, {printable(stats.last.title)} "
            f"({said(stats.last.outcome).label})"
        )
    return 0


COMMANDS = {
    "history": Command(
        _history_arguments,
        lambda args: cmd_history(args.json, args.csv, args.since, args.routine),
    ),
    "stats": Command(_stats_arguments, lambda args: cmd_stats(args.json)),
    "log": Command(_log_arguments, cmd_log),
}


def _minutes(text: str) -> float:
    """``--minutes`` through the one number reader (a comma, a unit, ASCII digits only)."""
    import argparse

    from supple.core.numbers import NumberError, read_number

    try:
        return read_number(text, "min")
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
