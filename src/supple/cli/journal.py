"""The journal's commands: history and stats, each with its arguments."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from supple.cli.command import ROUTINE_IDS, Command, add_level, coach, completes, day, tell
from supple.core.words import counted, duration, level_word, plural, printable, said
from supple.i18n import _

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from supple.cli.command import Commands


def _history_arguments(sub: Commands) -> None:
    p = sub.add_parser("history", help=_("list past sessions, newest first"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json", action="store_true", help=_("the records as stored, with their path")
    )
    fmt.add_argument("--csv", action="store_true", help=_("one row per session"))
    p.add_argument(
        "--since", type=day, metavar="YYYY-MM-DD", help=_("only sessions from this day on")
    )
    only = p.add_argument("--routine", metavar="ID", help=_("only sessions of this routine"))
    completes(only, ROUTINE_IDS)


def _stats_arguments(sub: Commands) -> None:
    p = sub.add_parser("stats", help=_("streaks, weekly minutes and pain after sessions"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))


def _log_arguments(sub: Commands) -> None:
    p = sub.add_parser("log", help=_("log a session you did without the app"))
    completes(p.add_argument("routine", help=_("routine id (see `supple list`)")), ROUTINE_IDS)
    add_level(p)
    p.add_argument(
        "--at", metavar="WHEN", help=_("when it began: HH:MM today, or YYYY-MM-DD HH:MM (now)")
    )
    p.add_argument(
        "--minutes",
        type=_minutes,
        help=_("how long it took: 45, 4,5 or 1 h (the routine's own length)"),
    )
    p.add_argument(
        "--done",
        metavar="N,N,…",
        help=_("the exercises done, by their number in `supple show` (all of them)"),
    )
    p.add_argument("--pain-before", type=_pain, metavar="0-10", help=_("pain before (0 = none)"))
    p.add_argument("--pain-after", type=_pain, metavar="0-10", help=_("pain after (0 = none)"))


def _checkin_arguments(sub: Commands) -> None:
    p = sub.add_parser("checkin", help=_("answer this morning's pain for yesterday's session"))
    p.add_argument(
        "--morning",
        type=_pain,
        required=True,
        metavar="0-10",
        help=_("your back pain this morning, 0 = no pain … 10 = worst imaginable"),
    )
    p.add_argument("--json", action="store_true", help=_("print the session it was linked to"))


def cmd_checkin(rating: int, as_json: bool) -> int:
    import json

    from supple.coach import wording
    from supple.core.files import SaveError

    found = coach()
    try:
        record = found.journal.answer_morning(found.now(), rating)
    except SaveError as error:
        said = _("supple checkin: could not save {error}").format(error=printable(str(error)))
        print(said, file=sys.stderr)
        return 1
    tell(found)
    if record is None:
        print(f"supple checkin: {_(wording.NO_MORNING_SESSION)}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(record.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(wording.morning_answered(rating, printable(record.title), record.started))
    return 0


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
        print(_("supple log: --minutes must be more than 0 and at most a day"), file=sys.stderr)
        return 2
    try:
        pain = (args.pain_before, args.pain_after)
        record = found.journal.log_by_hand(
            found.catalog, routine.id, level, at, minutes, done, pain
        )
    except SaveError as error:
        print(f"supple log: {printable(str(error))}", file=sys.stderr)
        return 1
    tell(found)
    title = printable(record.title)
    print(wording.logged(title, record.exercises_done, record.exercises_total, record.counts))
    return 0


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula


def csv_cell(cell: object) -> object:
    """One cell of `history --csv`: a number as it is; text as one printable line, with a
    leading ``'`` when it starts like a formula (``=HYPERLINK(…)`` from an imported title), the
    usual defence, so a spreadsheet shows it as text and never runs it."""
    if not isinstance(cell, str):
        return cell
    shown = printable(cell)
    return (
        f"'{shown}"
        if shown.startswith(FORMULA_STARTS) or cell.startswith(FORMULA_STARTS)
        else shown
    )


# `supple history`'s title and level columns, in cells: as wide as the longest title and level
# word (shown whole, escaped; two spaces between them), at least these
TITLE_CELLS = 22
LEVEL_CELLS = 12


def column(text: str, cells: int) -> str:
    """``text`` in exactly ``cells`` terminal cells (a wide character takes two, a combining
    mark none): padded, or cut with "…" at its end, so the columns after it line up."""
    if cell_width(text) <= cells:
        return text + " " * (cells - cell_width(text))
    kept, used = [], 0
    for char in text:
        width = cell_width(char)
        if used + width > cells - 1:
            break
        kept.append(char)
        used += width
    return "".join(kept) + "…" + " " * (cells - 1 - used)


def cell_width(text: str) -> int:
    """The terminal cells ``text`` takes, counted as the app's tables count them (Rich's
    ``cell_len``: wide and full-width characters two, combining marks none). Text in the Latin
    letters below U+0300 (English, German, Spanish titles) is one cell a character and is
    counted here, so `supple history` imports Rich (~12 ms) only for other scripts: one table
    of widths, Rich's, not a second one from this Python's older `unicodedata`."""
    if all(ord(c) < 0x300 for c in text):  # printable() has escaped the control characters
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def cmd_history(as_json: bool, as_csv: bool, since: date | None, routine: str | None) -> int:
    from supple.core.history import select
    from supple.core.record import CSV_FIELDS

    found = coach()
    every = found.history().records
    records = select(every, since=since, routine=routine)
    tell(found)
    if as_json:
        import json

        # One record per line: readable, and quick to write for ten thousand sessions.
        lines = (json.dumps(r.to_json(), ensure_ascii=False) for r in records)
        body = ",\n".join(lines)
        print(f"[\n{body}\n]" if body else "[]")
        return 0
    if as_csv:
        # CSV is read in a terminal as often as in a spreadsheet: each text field is escaped
        # like any one-line value (a note's newline reads \n), so one session stays one line,
        # and never opens as a formula. The exact text is in --json.
        import csv  # only here: the plain list does without it

        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_FIELDS)
        writer.writerows([csv_cell(cell) for cell in r.csv_row()] for r in records)
        return 0
    if not records:
        if not every:
            print(_("No sessions yet."))
        else:
            print(_none_selected(routine, since, len(every)))
        return 0
    from supple.core.pain import old_feeling_words, pain_line

    longest = max(cell_width(printable(r.title)) for r in records)
    title_cells = max(longest, TITLE_CELLS)
    level_cells = max(LEVEL_CELLS, *(cell_width(printable(level_word(r.level))) for r in records))
    for r in records:
        feeling = "".join(
            f"  {words}"
            for words in (pain_line(r), old_feeling_words(r.feeling_before, r.feeling_after))
            if words
        )
        done = _("{done}/{total} done").format(done=r.exercises_done, total=len(r.exercises))
        by_hand = "  " + _("logged by hand") if r.by_hand else ""
        print(
            f"{r.started:%Y-%m-%d %H:%M}  {column(printable(r.title), title_cells)}  "
            f"{column(printable(level_word(r.level)), level_cells)} "
            f"{duration(r.active_seconds):>6}  {said(r.outcome).label:<15} "
            f"{done}{feeling}"
            f"{by_hand}"
        )
    return 0


def _none_selected(routine: str | None, since: date | None, every: int) -> str:
    """Why `supple history` shows nothing although there are sessions (whole sentences)."""
    count = plural(every, "session")
    if routine and since:
        said = _("No sessions of {routine} since {day} ({count} in all).")
    elif routine:
        said = _("No sessions of {routine} ({count} in all).")
    elif since:
        said = _("No sessions since {day} ({count} in all).")
    else:
        said = _("No sessions ({count} in all).")
    day = f"{since:%Y-%m-%d}" if since else ""
    return said.format(routine=printable(routine or ""), day=day, count=count)


def cmd_stats(as_json: bool) -> int:
    import json

    found = coach()
    stats = found.history().stats
    tell(found)
    if as_json:
        print(json.dumps(stats.to_json(), indent=2))
        return 0
    said_all = _("In all: {counted} ({ended} ended), {minutes} minutes of work")
    print(
        said_all.format(
            counted=counted(stats.counted), ended=stats.sessions, minutes=f"{stats.minutes:.0f}"
        )
    )
    print(
        _("Streak: {now} now, {longest} at the longest").format(
            now=plural(stats.current_streak, "day"), longest=plural(stats.longest_streak, "day")
        )
    )
    week = stats.this_week
    said_week = _("This week: {counted}, {minutes} minutes of work")
    print(said_week.format(counted=counted(week.sessions), minutes=f"{week.minutes:.0f}"))
    weeks = " ".join(f"{w.minutes:.0f}" for w in stats.weeks)
    print(_("Last 12 weeks (minutes): {minutes}").format(minutes=weeks))
    from supple.coach import wording
    from supple.core.pain import OLD_SCALE, SCALE
    from supple.core.words import dated

    if stats.pain:
        said_pain = _("Pain after sessions ({scale}, lower is better): {trend}")
        print(said_pain.format(scale=_(SCALE), trend=wording.pain_trend(stats)))
    if stats.feelings:
        said_feeling = _("Feeling after sessions ({scale}): {trend}")
        print(said_feeling.format(scale=_(OLD_SCALE), trend=wording.feelings_trend(stats)))
    if stats.last is not None:
        last = stats.last
        print(
            _("Last session: {when}, {title} ({outcome})").format(
                when=dated(last.started, "%a %d %b %H:%M"),
                title=printable(last.title),
                outcome=said(last.outcome).label,
            )
        )
    return 0


COMMANDS = {
    "history": Command(
        _history_arguments,
        lambda args: cmd_history(args.json, args.csv, args.since, args.routine),
    ),
    "stats": Command(_stats_arguments, lambda args: cmd_stats(args.json)),
    "log": Command(_log_arguments, cmd_log),
    "checkin": Command(_checkin_arguments, lambda args: cmd_checkin(args.morning, args.json)),
}


def _minutes(text: str) -> float:
    """``--minutes`` through the one number reader (a comma, a unit, ASCII digits only)."""
    import argparse

    from supple.core.numbers import NumberError, read_number

    try:
        return read_number(text, "min")
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _pain(text: str) -> int:
    """A 0–10 pain rating through the one number reader (ASCII digits only)."""
    import argparse

    from supple.core.pain import read_pain

    try:
        return read_pain(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
