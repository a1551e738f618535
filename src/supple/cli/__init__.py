"""The `supple` command line: parses arguments and calls into core or the TUI; no logic of its own.

Only `supple` (no command) and `supple play` import Textual; every other command stays light.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supple import __version__
from supple.core.words import change_words, duration, plural, printable
from supple.system import paths

# Each command imports what it uses, so that `supple list` does not pay for `supple program`
# (nor `supple status`, for a prompt, for the routines: supple.core.routine is imported late).
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from typing import TypeAlias

    from supple.coach.catalog import EffectiveCatalog
    from supple.coach.coach import Coach
    from supple.core.routine import Level, Routine

    # What `add_subparsers` returns: each command adds its own parser to it.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


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
    for name, add_arguments in COMMANDS.items():
        if only is None or name == only:
            add_arguments(sub)
    return parser


def _list_arguments(sub: Commands) -> None:
    p = sub.add_parser("list", help="list the routines with their minutes per level")
    p.add_argument("--json", action="store_true", help="print JSON")


def _show_arguments(sub: Commands) -> None:
    from supple.core.routine import LEVELS

    p = sub.add_parser("show", help="print a routine's timeline at a level")
    p.add_argument("routine", help="routine id (see `supple list`)")
    p.add_argument("--level", choices=LEVELS, help="the level (default: from the settings)")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print JSON")
    shown.add_argument(
        "--figures",
        action="store_true",
        help="draw each exercise's start and end position instead of the timeline",
    )


def _import_arguments(sub: Commands) -> None:
    p = sub.add_parser("import", help=_import_help())
    p.add_argument("file", type=Path, metavar="FILE")


def _export_arguments(sub: Commands) -> None:
    p = sub.add_parser("export", help="write one routine as a file to share")
    p.add_argument("routine", help="routine id (see `supple list`)")
    p.add_argument("--to", type=Path, metavar="FILE", help="write here (default: print it)")


def _validate_arguments(sub: Commands) -> None:
    p = sub.add_parser("validate", help="check routine files; exit 1 if any has a problem")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _history_arguments(sub: Commands) -> None:
    p = sub.add_parser("history", help="list past sessions, newest first")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="the records as stored, with their path")
    fmt.add_argument("--csv", action="store_true", help="one row per session")
    p.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD", help="only sessions from this day on"
    )
    p.add_argument("--routine", metavar="ID", help="only sessions of this routine")


def _stats_arguments(sub: Commands) -> None:
    p = sub.add_parser("stats", help="streaks, weekly minutes and how your back felt")
    p.add_argument("--json", action="store_true", help="print JSON")


def _program_arguments(sub: Commands) -> None:
    p = sub.add_parser("program", help="the 6-week program: where you are, test results")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--ics",
        nargs="?",
        const="-",
        type=Path,
        metavar="FILE",
        help="the remaining workouts and test days as a calendar file (to FILE, else printed)",
    )
    program_sub = p.add_subparsers(dest="program_command", metavar="ACTION")
    q = program_sub.add_parser("start", help="start (or restart) the program")
    q.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="the start day (today)")


def _status_arguments(sub: Commands) -> None:
    p = sub.add_parser(
        "status",
        help="one short line for a shell prompt or a status bar: streak, what is due",
        description="Reads only the summary the app and the other commands keep; never "
        "writes, never complains (see `supple status --help`).",
        add_help=False,
    )
    from supple.cli.status import OPTIONS

    for option, (metavar, what) in OPTIONS.items():
        if metavar is None:
            p.add_argument(option, action="store_true", help=what)
        else:
            p.add_argument(option, metavar=metavar, help=what)


def _test_arguments(sub: Commands) -> None:
    p = sub.add_parser("test", help="the program's mobility tests")
    test_sub = p.add_subparsers(dest="test_command", metavar="ACTION", required=True)
    test_sub.add_parser("list", help="the five tests: unit, which way is better, how")
    q = test_sub.add_parser(
        "record", help="record a result, e.g. `supple test record toe-touch 12`"
    )
    q.add_argument("test", help="test id (see `supple test list`)")
    q.add_argument("value", type=float, help="the result, in the test's unit")
    q.add_argument("--point", help="start, middle or end (default: where you are)")


def _config_arguments(sub: Commands) -> None:
    p = sub.add_parser("config", help="where the settings file is, and what it says")
    config_sub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_sub.add_parser("path", help="print the settings file's path")
    config_sub.add_parser("show", help="print the settings in force (problems on stderr)")


def _serve_arguments(sub: Commands) -> None:
    p = sub.add_parser("serve", help="run the app in a web browser (textual-serve)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (8000)")


def _remind_arguments(sub: Commands) -> None:
    p = sub.add_parser("remind", help="reminders at chosen times (a systemd timer, cron, launchd)")
    remind_sub = p.add_subparsers(dest="remind_command", metavar="ACTION", required=True)
    q = remind_sub.add_parser("on", help="turn reminders on (or change their times)")
    q.add_argument("--at", metavar="HH:MM,...", help="times of day (default 09:00,17:30)")
    q.add_argument("--days", metavar="DAYS", help="e.g. mon-fri, mon,wed,fri, daily (default)")
    q.add_argument(
        "--hours", metavar="HH:MM-HH:MM", help="only nudge within these hours (08:00-21:00)"
    )
    remind_sub.add_parser("off", help="turn reminders off, removing everything they installed")
    remind_sub.add_parser("status", help="whether reminders are on, the next one, the desktop")


def _nudge_arguments(sub: Commands) -> None:
    p = sub.add_parser(
        "nudge", help="what the reminder timer runs: a notification when a workout is due"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="print what it decides; show no notification"
    )


def _play_arguments(sub: Commands) -> None:
    from supple.core.routine import LEVELS

    p = sub.add_parser("play", help="start a routine straight away in the app")
    p.add_argument("routine", help="routine id (see `supple list`)")
    p.add_argument("--level", choices=LEVELS, help="the level (default: from the settings)")


# Each command's arguments, in the order of `supple --help`.
COMMANDS: dict[str, Callable[[Commands], None]] = {
    "list": _list_arguments,
    "show": _show_arguments,
    "import": _import_arguments,
    "export": _export_arguments,
    "validate": _validate_arguments,
    "history": _history_arguments,
    "stats": _stats_arguments,
    "program": _program_arguments,
    "status": _status_arguments,
    "test": _test_arguments,
    "config": _config_arguments,
    "serve": _serve_arguments,
    "remind": _remind_arguments,
    "nudge": _nudge_arguments,
    "play": _play_arguments,
}


def _import_help() -> str:
    from supple.core.imports import formats_in_words

    return f"bring routines in: {formats_in_words()}"


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


def _main(args: list[str]) -> int:
    try:
        if not args:  # `supple`: straight to the app, without building the argument parser
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
    command = args.command
    if command == "list":
        return cmd_list(args.json)
    if command == "show":
        return cmd_show(args.routine, args.level, args.json, args.figures)
    if command == "validate":
        return cmd_validate(args.paths)
    if command == "import":
        return cmd_import(args.file)
    if command == "export":
        return cmd_export(args.routine, args.to)
    if command == "history":
        return cmd_history(args.json, args.csv, args.since, args.routine)
    if command == "stats":
        return cmd_stats(args.json)
    if command == "status":  # only by a way round the fast path in _main (`supple -- status`)
        from supple.cli.status import main as status

        flags = ["--ascii"] if args.ascii else []
        if args.format is not None:
            flags += ["--format", args.format]
        return status(flags)
    if command == "program":
        if args.program_command == "start":
            return cmd_program_start(args.date)
        if args.ics is not None:
            return cmd_program_ics(args.ics)
        return cmd_program(args.json)
    if command == "test":
        if args.test_command == "list":
            return cmd_test_list()
        return cmd_test_record(args.test, args.value, args.point)
    if command == "config":
        return cmd_config(args.config_command)
    if command == "serve":
        from supple.system.serve import serve  # textual-serve is imported only here

        return serve(args.host, args.port)
    if command == "play":
        return cmd_app(args.routine, args.level)
    if command == "remind":
        return cmd_remind(args.remind_command, args.__dict__)
    if command == "nudge":
        return cmd_nudge(args.dry_run)
    return cmd_app(None, None)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-24") from None


def coach() -> Coach:
    """The coach over the person's own folders and settings; settings problems on stderr."""
    from supple.coach.coach import Coach

    found = Coach.from_environment()
    for problem in found.config_problems:
        print(f"supple: settings: {problem}", file=sys.stderr)
    return found


def tell(found: Coach) -> None:
    """One stderr line for each thing the coach has to say (each is said only once)."""
    for notice in found.take_notices():
        text = printable(notice.text.replace(":\n", ": "), lines=True)
        print(f"supple: {text[:1].lower()}{text[1:]}", file=sys.stderr)


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
            f"{duration(r.active_seconds):>6}  {printable(r.status):<11} "
            f"{r.exercises_done}/{len(r.exercises)} done{feeling}"
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
    print(f"Sessions: {stats.sessions}, {stats.minutes:.0f} minutes of work in all")
    print(
        f"Streak: {plural(stats.current_streak, 'day')} now, "
        f"{plural(stats.longest_streak, 'day')} at the longest"
    )
    week = stats.this_week
    print(f"This week: {plural(week.sessions, 'session')}, {week.minutes:.0f} minutes of work")
    print("Last 12 weeks (minutes): " + " ".join(f"{w.minutes:.0f}" for w in stats.weeks))
    if stats.last is not None:
        print(
            f"Last session: {stats.last.started:%a %d %b %H:%M}, {printable(stats.last.title)} "
            f"({printable(stats.last.status)})"
        )
    return 0


class ProgramContext:
    """The bundled program with its state, results and the history it counts from."""

    def __init__(self) -> None:
        self.coach = coach()
        self.now = self.coach.now()
        self.program = self.coach.program_service.load()
        view = self.coach.program()
        tell(self.coach)
        assert view is not None  # the program loaded just above
        self.view = view
        self.progress = view.progress


def _program_context() -> ProgramContext | None:
    from supple.core.program import ProgramError

    try:
        return ProgramContext()
    except ProgramError as error:
        print(
            f"supple: the program file cannot be used:\n{printable(str(error), lines=True)}",
            file=sys.stderr,
        )
        return None


def cmd_program(as_json: bool) -> int:
    import json

    from supple.core.program import POINTS

    ctx = _program_context()
    if ctx is None:
        return 2
    p = ctx.progress
    if as_json:
        print(json.dumps(p.to_json(), indent=2, ensure_ascii=False))
        return 0
    print(
        f"{printable(ctx.program.title)}: {len(ctx.program.workouts)} workouts over "
        f"{ctx.program.weeks} weeks, {len(ctx.program.tests)} mobility tests"
    )
    if p.started is None:
        print("Not started. `supple program start` starts it today.")
    else:
        print(f"Started {p.started:%a %d %b %Y} · {len(p.done)}/{len(ctx.program.workouts)} done")
        if p.next is not None and p.suggested is not None:
            length = duration(ctx.view.seconds.get(p.next.number, 0.0))
            print(
                f"Next: workout {p.next.number} (week {p.next.week}) — "
                f"{printable(p.next.routine)} at "
                f"{p.next.level} ({length}), on {p.suggested:%a %d %b}"
            )
        elif p.finished:
            print("All workouts done. Well done!")
        for number in ctx.view.too_long():
            minutes = ctx.view.seconds[number] / 60
            print(f"Workout {number} takes {minutes:.1f} min with your settings (over 30).")
        if p.due:
            print(f"Tests due: {printable(', '.join(p.due))} (`supple test list`)")
    for test in ctx.program.tests:
        by_point = p.results.get(test.id, {})
        values = "  ".join(
            f"{point} {by_point[point].value:g}" if point in by_point else f"{point} –"
            for point in POINTS
        )
        change = p.change(test)
        trend = "" if change is None else f"  {change_words(change, test.unit)}"
        print(f"  {printable(test.name):<32} {values}{printable(trend)}")
    return 0


def cmd_program_ics(target: Path) -> int:
    """The remaining workouts and test days as an iCalendar file ("-": printed)."""
    from supple.core.calendar_ics import to_ics
    from supple.core.files import atomic_write

    found = coach()
    calendar = found.program_service.calendar()
    tell(found)
    if calendar is None:
        return 2
    view, planned = calendar
    if view.progress.started is None:
        print(
            "supple: the program has not started: the calendar starts today, as if you started "
            "it now (`supple program start`)",
            file=sys.stderr,
        )
    elif not planned:
        print(
            "supple: every workout of the program is done: the calendar is empty.", file=sys.stderr
        )
    data = to_ics(planned, calendar_name=f"supple: {view.program.title}")
    if str(target) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        atomic_write(target, data)
    except OSError as error:
        print(
            f"supple: cannot write {printable(str(target))}: {error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    workouts = sum(1 for p in planned if p.number is not None)
    print(
        f"{plural(workouts, 'workout')} and {plural(len(planned) - workouts, 'test day')} "
        f"written to {printable(str(target))}",
        file=sys.stderr,
    )
    return 0


def cmd_program_start(day: date | None) -> int:
    ctx = _program_context()
    if ctx is None:
        return 2
    from datetime import datetime, time

    from supple.core.files import SaveError
    from supple.core.program import with_offset

    at = with_offset(datetime.combine(day, time())) if day is not None else ctx.now
    try:
        started = ctx.coach.start_program(ctx.program, at)
    except SaveError as error:  # a newer supple's state, or a disk that will not take it
        print(f"supple: program start: {printable(str(error))}", file=sys.stderr)
        return 1
    ctx.coach.program()  # the status line follows the new start
    print(
        f"Started {printable(ctx.program.title)} on {started:%a %d %b %Y}. "
        "Take the start tests, then workout 1."
    )
    return 0


def cmd_test_list() -> int:
    ctx = _program_context()
    if ctx is None:
        return 2
    for test in ctx.program.tests:
        print(
            f"{printable(test.id):<15} {printable(test.name)} — {printable(test.unit)}, "
            f"{test.better} is better ({test.low:g}–{test.high:g}, {test.kind})"
        )
        for step in test.how:
            print(f"{'':<16}· {printable(step)}")
    return 0


def cmd_test_record(test_id: str, value: float, point: str | None) -> int:
    from supple.core.program import POINTS

    if point is not None and point not in POINTS:
        print(
            f"supple: --point must be one of {', '.join(POINTS)}, not '{printable(point)}'",
            file=sys.stderr,
        )
        return 2
    ctx = _program_context()
    if ctx is None:
        return 2
    try:
        test = ctx.program.test(test_id)
    except KeyError:
        known = printable(", ".join(t.id for t in ctx.program.tests))
        print(f"supple: no test '{printable(test_id)}' (known: {known})", file=sys.stderr)
        return 2
    problem = test.check(value)
    if problem:
        print(f"supple: {printable(problem)}", file=sys.stderr)
        return 2
    done = len(ctx.progress.done)
    at = point if point else ctx.program.point_for(done)
    after = dict(zip(POINTS, ctx.program.tests_after, strict=True))[at]
    if done < after:
        print(
            f"supple: the {at} tests come after workout {after}; {plural(done, 'workout')} "
            "done so far",
            file=sys.stderr,
        )
        return 2
    result = ctx.coach.record_test(test, value, at)
    ctx.coach.program()  # the status line follows (the tests due)
    print(
        f"Recorded {printable(test.name)}: {value:g} {printable(test.unit)} ({at}) "
        f"in {printable(str(result.path))}"
    )
    return 0


def cmd_config(action: str) -> int:
    from dataclasses import asdict

    import tomli_w

    from supple.core.config import load_config

    path = paths.config_file()
    if action == "path":
        print(printable(str(path)))
        return 0
    config, problems = load_config(path)
    if path.exists():  # what the app would say of the theme and keymap, at their lines
        from supple.tui.keymap import check_ui_settings

        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        problems = [*problems, *check_ui_settings(config.theme, config.keymap, path, text)[2]]
    for problem in problems:
        print(f"supple: settings: {problem}", file=sys.stderr)
    values = {k: v for k, v in asdict(config).items() if v is not None and v != {}}
    print(
        f"# {printable(str(path))}"
        f"{'' if path.exists() else ' (not created yet: these are the defaults)'}"
    )
    print(tomli_w.dumps(values), end="")
    return 0


def catalog() -> EffectiveCatalog:
    """The routines as the person will play them: their own first, their settings applied."""
    return coach().catalog


def _fmt_minutes(seconds: float) -> str:
    return f"{round(seconds / 60, 1):g} min"


def cmd_list(as_json: bool) -> int:
    from supple.core.routine import LEVELS

    found = catalog()
    if as_json:
        import json  # only here: the plain list does without it

        out: list[dict[str, Any]] = [routine_json(found, r) for r in found.routines]
        out += [{"path": str(e.path), "error": str(e)} for e in found.errors]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for routine in found.routines:
        seconds = found.seconds_per_level(routine)
        per_level = " · ".join(f"{level} {_fmt_minutes(seconds[level])}" for level in LEVELS)
        print(f"{printable(routine.id):<24} {printable(routine.title)}  [{routine.source}]")
        print(f"{'':<24} {len(routine.exercises)} exercises · {per_level}")
    for error in found.errors:
        print(f"! {printable(str(error.path))}: not usable:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
    if not found.routines and not found.errors:
        print("no routines found", file=sys.stderr)
    return 0


def routine_json(found: EffectiveCatalog, routine: Routine) -> dict[str, Any]:
    from supple.core.routine import LEVELS, DoseKey, ExerciseKey, RoutineKey

    seconds = found.seconds_per_level(routine)
    exercises = []
    for exercise in routine.exercises:
        levels = {}
        for level in LEVELS:
            dose = exercise.dose(level)
            amounts: list[tuple[DoseKey, int | None]] = [(DoseKey.REPS, dose.reps)]
            amounts += [(DoseKey.SETS, dose.sets), (DoseKey.SECONDS, dose.seconds)]
            levels[level] = {k.value: v for k, v in amounts if v is not None}
        K = ExerciseKey
        exercises.append(
            {
                K.ID.value: exercise.id,
                K.NAME.value: exercise.name,
                K.KIND.value: exercise.kind.value,
                K.PER_SIDE.value: exercise.per_side,
                K.LEVELS.value: levels,
            }
        )
    return {
        RoutineKey.ID.value: routine.id,
        RoutineKey.TITLE.value: routine.title,
        "source": routine.source,
        "path": str(routine.path),
        "minutes": {level: round(s / 60, 1) for level, s in seconds.items()},
        "seconds": seconds,
        "exercises": exercises,
    }


def find_routine(found: EffectiveCatalog, routine_id: str) -> Routine | None:
    """The routine, or None after telling the user on stderr what exists."""
    from supple.core.tomlcheck import closest

    try:
        return found.find(routine_id)
    except KeyError:
        known = sorted({r.id for r in found.routines})
        close = closest(routine_id, known)
        hint = f" Did you mean '{printable(close)}'?" if close else ""
        print(
            f"supple: no routine '{printable(routine_id)}'.{hint} "
            f"Known: {printable(', '.join(known))}",
            file=sys.stderr,
        )
        broken = [e for e in found.errors if e.path.stem == routine_id]
        for error in broken:
            print(str(error), file=sys.stderr)
        return None


def cmd_show(routine_id: str, level: Level | None, as_json: bool, figures: bool = False) -> int:
    from supple.core.timeline import describe_segment, total_seconds

    found = catalog()
    routine = find_routine(found, routine_id)
    if routine is None:
        return 2
    level = found.level_for(level)
    segments = found.plan(routine, level).segments
    if figures:
        print_figures(routine, level)
        return 0
    if as_json:
        import json  # only here: the plain timeline does without it

        print(
            json.dumps(
                {
                    "routine": routine.id,
                    "level": level,
                    "total_seconds": total_seconds(segments),
                    "segments": [s.to_json() for s in segments],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    total = total_seconds(segments)
    print(
        f"{printable(routine.title)} — {level} — {len(segments)} segments, {duration(total)} in all"
    )
    at = 0.0
    for segment in segments:
        name = routine.exercises[segment.exercise_index].name
        what = describe_segment(segment, name, breath=True)
        print(f"{duration(at):>6}  {segment.seconds:>5g}s  {what}")
        at += segment.seconds
    return 0


def print_figures(routine: Routine, level: Level) -> None:
    """Each exercise's start and end position, side by side, sized to the terminal."""
    import shutil

    from supple.core.figure import figure_lines
    from supple.core.figures import FIGURES

    columns = max(40, min(shutil.get_terminal_size((80, 24)).columns, 160))
    width = (columns - 4) // 2
    height = max(4, width // 4)  # cells: a figure box is about twice as wide as it is tall
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")  # no-color.org: non-empty
    print(f"{printable(routine.title)} — {level}")
    for number, exercise in enumerate(routine.exercises, 1):
        print(f"\n{number}. {printable(exercise.name)} — {exercise.describe(level)}")
        figure = FIGURES.get(exercise.figure or "")
        if figure is None:
            print("   (no figure)")
            continue
        start = figure_lines(figure, 0.0, width, height, colour=colour)
        end = figure_lines(figure, 1.0, width, height, colour=colour)
        first, last = figure.labels
        print(f"  {first:<{width}}  {last}")
        for a, b in zip(start, end, strict=True):
            print(f"  {a}  {b}")


def cmd_import(path: Path) -> int:
    from supple.core.files import SaveError
    from supple.core.imports import ImportProblem
    from supple.core.timeline import minutes_per_level

    found = coach()
    try:
        report = found.import_routines(path)
    except ImportProblem as problem:
        print(f"supple: cannot import {printable(str(problem))}", file=sys.stderr)
        return 1
    except (SaveError, OSError) as error:
        print(
            f"supple: could not save the imported routines: {printable(str(error))}",
            file=sys.stderr,
        )
        return 1
    renamed = dict(report.renamed)
    print(f"{printable(str(path))}: {report.format}, {plural(len(report.written), 'routine')}")
    for routine, target in report.written:
        minutes = "/".join(f"{m:g}" for m in minutes_per_level(routine).values())
        old = _renamed_from(renamed, routine.id)
        again = f" (its own id, {printable(old)}, was taken)" if old else ""
        count = plural(len(routine.exercises), "exercise")
        title = printable(routine.title)
        print(f"  {printable(routine.id)}: {title} · {count} · {minutes} min{again}")
        print(f"    saved to {printable(str(target))}")
    for line in report.dropped:
        print(f"  not carried over: {printable(line)}")
    if report.written:
        print(f"Start it with `supple play {printable(report.written[0][0].id)}`.")
    return 0


def _renamed_from(renamed: dict[str, str], new_id: str) -> str | None:
    return next((old for old, new in renamed.items() if new == new_id), None)


def cmd_export(routine_id: str, to: Path | None) -> int:
    from supple.core.files import atomic_write

    found = coach()
    try:
        text = found.routines.export(routine_id)
    except KeyError:
        print(f"supple: no routine '{printable(routine_id)}' (see `supple list`)", file=sys.stderr)
        return 1
    if to is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return 0
    if to.exists():
        print(f"supple: {printable(str(to))} exists; choose another file", file=sys.stderr)
        return 1
    try:
        atomic_write(to, text.encode("utf-8"))
    except OSError as error:
        print(
            f"supple: cannot write {printable(str(to))}: {error.strerror or error}", file=sys.stderr
        )
        return 1
    print(f"{printable(routine_id)} written to {printable(str(to))}", file=sys.stderr)
    return 0


def cmd_validate(targets: Sequence[Path]) -> int:
    from supple.core.routine import RoutineError, load_routine

    failed = False
    for target in targets:
        files = sorted(target.glob("*.toml")) if target.is_dir() else [target]
        for path in files:
            try:
                load_routine(path)
            except RoutineError as error:
                failed = True
                for problem in error.problems:
                    print(problem)
            else:
                print(f"{printable(str(path))}: ok")
    return 1 if failed else 0


NO_TERMINAL = (
    "supple: the app needs a terminal (its input and output must both be one). Without one, "
    "use the commands: list, show, validate, history, stats, program, test, config, serve."
)


def has_terminal() -> bool:
    """A terminal on both ends, or a Textual driver chosen for us (`supple serve`'s browser
    tabs run the app through the web driver, with no terminal by design)."""
    return bool(os.environ.get("TEXTUAL_DRIVER")) or (sys.stdin.isatty() and sys.stdout.isatty())


def cmd_app(routine_id: str | None, level: Level | None) -> int:
    if not has_terminal():  # escape codes into a file, and a session nobody sees, never ends
        print(NO_TERMINAL, file=sys.stderr)
        return 2
    found = coach()
    if routine_id is not None and find_routine(found.catalog, routine_id) is None:
        return 2
    from supple.tui.app import run_app  # Textual is imported only here

    start = (routine_id, found.level_for(level)) if routine_id is not None else None
    return run_app(found, start=start)


def cmd_remind(action: str, options: dict[str, Any]) -> int:
    """`supple remind on|off|status`: the timer that runs `supple nudge`, and its settings."""
    from dataclasses import replace

    from supple.core.nudge import (
        RemindError,
        check_settings,
        outside_warning,
        parse_days,
        parse_hours,
        parse_times,
    )
    from supple.core.schema import newer
    from supple.system import desktop, reminders

    found = coach()
    runner, places = reminders.default_runner(), reminders.places()
    saved, problem = found.reminders.settings()
    if action == "status":
        return _remind_status(found, runner, places)
    if newer(saved.schema):  # a newer supple's settings: never rewritten, so nothing changes
        print(
            f"supple: remind {action}: {printable(str(found.remind_path))} was written by a newer "
            "supple; change reminders with it",
            file=sys.stderr,
        )
        return 1
    if action == "off":
        removed = reminders.uninstall(runner, places)
        if problem is None and found.remind_path.exists():
            reminders.save_settings(found.remind_path, replace(saved, on=False, scheduler=""))
        if removed:
            print("Reminders off. Removed:")
            for what in removed:
                print(f"  {printable(what)}")
        else:
            print("Reminders were not on; nothing to remove.")
        return 0
    if problem is not None:
        print(f"supple: reminder settings: {printable(problem)}; starting afresh", file=sys.stderr)
    try:
        settings = replace(
            saved,
            at=parse_times(options["at"]) if options.get("at") else saved.at,
            days=parse_days(options["days"]) if options.get("days") else saved.days,
            hours=parse_hours(options["hours"]) if options.get("hours") else saved.hours,
        )
    except RemindError as error:
        print(f"supple: remind on: {printable(str(error))}", file=sys.stderr)
        return 2
    never = check_settings(settings)
    if never is not None:
        print(f"supple: remind on: {never}", file=sys.stderr)
        return 2
    warning = outside_warning(settings)
    if warning is not None:
        print(f"supple: remind on: {warning}", file=sys.stderr)
    try:
        reminders.uninstall(runner, places)  # whatever was there before, by any scheduler
        settings = reminders.install(settings, runner, places)
    except (reminders.InstallError, OSError) as error:
        kept = ""
        if saved.on:  # put back the reminders that worked before, rather than none
            try:
                reminders.install(saved, runner, places)
                kept = " (the reminders set before are kept)"
            except (reminders.InstallError, OSError):
                reminders.save_settings(found.remind_path, replace(saved, on=False))
                kept = " (and the ones set before could not be put back: reminders are off)"
        print(f"supple: reminders not turned on: {printable(str(error))}{kept}", file=sys.stderr)
        return 1
    reminders.save_settings(found.remind_path, settings)
    where = {
        "systemd": f"a systemd user timer ({places.timer})",
        "cron": "a block in your crontab (missed times are not caught up)",
        "launchd": f"a launchd agent ({places.plist})",
    }[settings.scheduler]
    print(f"Reminders on: {settings.describe()}, by {printable(where)}.")
    print(found.reminder_line(found.remind_today()))
    if settings.scheduler == "cron" and not reminders.cron_running():
        print(
            "supple: remind on: no cron daemon seems to run here; the reminders start when one "
            "does",
            file=sys.stderr,
        )
    if desktop.desktop_env(runner, places) is None:
        print("No desktop here (no session bus, no DISPLAY): reminders stay silent until there is.")
    return 0


def _remind_status(found: Coach, runner: Any, places: Any) -> int:
    from supple.system import desktop, reminders

    settings, problem = found.reminders.settings()
    if problem is not None:
        print(f"supple: reminder settings: {printable(problem)}", file=sys.stderr)
    today = found.remind_today() if settings.on else None
    print(found.reminder_line(today))
    in_place = reminders.installed(runner, places)
    if settings.on:
        print(f"Run by: {settings.scheduler or 'unknown'}")
        if not in_place:
            print("But nothing is installed to run it: `supple remind on` installs it again.")
    for what in in_place:
        print(f"Installed: {printable(what)}")
    env = desktop.desktop_env(runner, places)
    if env is None:
        print("Desktop: none here (no session bus, no DISPLAY): a nudge stays silent.")
    else:
        seen = env.get("DBUS_SESSION_BUS_ADDRESS") or env.get("DISPLAY") or "macOS"
        print(f"Desktop: {printable(seen)}")
    if settings.on:
        decision = found.nudge(desktop=env is not None)
        said = decision.message if decision.notify else f"silent ({decision.reason})"
        print(f"A nudge now: {printable(said)}")
    tell(found)
    return 0


def cmd_nudge(dry_run: bool) -> int:
    """What the reminder timer runs: a notification when a workout is due, else nothing.
    Always exit 0 and never wait: a timer has nobody to answer it."""
    from supple.system import desktop, reminders

    found = coach()
    settings, _ = found.reminders.settings()
    if not settings.on and not dry_run:
        return 0  # a timer left behind: nothing read, nothing said
    runner, places = reminders.default_runner(), reminders.places()
    env = desktop.desktop_env(runner, places)
    decision = found.nudge(desktop=env is not None)
    tell(found)
    if dry_run:
        print(
            f"notify: {decision.title} — {decision.message}"
            if decision.notify
            else f"silent: {decision.reason}"
        )
        return 0
    if decision.notify and env is not None:
        done = desktop.notify(decision, runner, env, places)
        if done.startswith(("no ", "notify-send failed")):
            print(f"supple: nudge: {printable(done)}", file=sys.stderr)
    return 0
