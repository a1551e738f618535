"""The program's commands: program (its view, start, calendar) and test, with their arguments."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from supple.cli.command import (
    TEST_IDS,
    Command,
    ask,
    coach,
    completes,
    day,
    force_argument,
    ids_argument,
    tell,
    write_to,
)
from supple.core.words import change_words, duration, plural, printable

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from supple.cli.command import Commands
    from supple.core.program import Program


def _program_arguments(sub: Commands) -> None:
    p = sub.add_parser("program", help="the active program: where you are, test results")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--program", metavar="ID", help="another program's view (see `supple program list`)"
    )
    p.add_argument(
        "--ics",
        nargs="?",
        const="-",
        type=Path,
        metavar="FILE",
        help="the remaining workouts and test days as a calendar file (to FILE, else printed)",
    )
    force_argument(p)
    program_sub = p.add_subparsers(dest="program_command", metavar="ACTION")
    listed = program_sub.add_parser(
        "list", help="the programs, which one is active, how far along each is"
    )
    listed.add_argument("--json", action="store_true", dest="list_json", help="print JSON")
    q = program_sub.add_parser(
        "start", help="start a program, switch back to one (resumed), or restart the active one"
    )
    q.add_argument("start_id", nargs="?", metavar="ID", help="which program (the active one)")
    q.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="the start day (today)")
    q.add_argument(
        "--yes",
        action="store_true",
        help="restart a running program without asking (needed when not on a terminal)",
    )
    from supple.cli.safety import add_answer_arguments

    add_answer_arguments(q, "--screening")


def _test_arguments(sub: Commands) -> None:
    p = sub.add_parser("test", help="the program's mobility tests")
    test_sub = p.add_subparsers(dest="test_command", metavar="ACTION", required=True)
    ids_argument(test_sub.add_parser("list", help="the five tests: unit, which way is better, how"))
    q = test_sub.add_parser(
        "record", help="record a result, e.g. `supple test record toe-touch 12`"
    )
    completes(q.add_argument("test", help="test id (see `supple test list`)"), TEST_IDS)
    q.add_argument(
        "value", help="the result in the test's unit: 12, 2,5, 12 cm, 30 s or 1:30 for a time"
    )
    q.add_argument("--point", help="start, middle or end (default: where you are)")


class ProgramContext:
    """A bundled program (the active one without an id) with its state, results and the
    history it counts from."""

    def __init__(self, program_id: str | None = None) -> None:
        self.coach = coach()
        self.now = self.coach.now()
        service = self.coach.program_service
        self.program = service.load(program_id)
        self.active = self.program.id == service.active_id()
        view = service.view(self.program.id)
        tell(self.coach)
        assert view is not None  # the program loaded just above
        self.view = view
        self.progress = view.progress


def _program_context(program_id: str | None = None) -> ProgramContext | None:
    from supple.core.program import ProgramError

    try:
        return ProgramContext(program_id)
    except ProgramError as error:
        print(
            f"supple: the program file cannot be used:\n{printable(str(error), lines=True)}",
            file=sys.stderr,
        )
        return None
    except KeyError:
        known = ", ".join(coach().program_service.ids())
        print(
            f"supple: no program '{printable(str(program_id))}' (known: {printable(known)})",
            file=sys.stderr,
        )
        return None


def cmd_program_list(as_json: bool = False) -> int:
    """Every program: which one is active, and how far along each is (its history is kept)."""
    import json

    found = coach()
    views = found.program_service.views()
    active = found.program_service.active_id()
    tell(found)
    if as_json:
        rows = [v.progress.to_json() | {"active": v.program.id == active} for v in views]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for view in views:
        p, program = view.progress, view.program
        mark = "*" if program.id == active else " "
        where = (
            "not started"
            if p.started is None
            else f"started {p.started:%d %b %Y} · {len(p.done)}/{len(program.workouts)} done"
        )
        print(f"{mark} {printable(program.id):<22} {printable(program.title):<28} {where}")
    print("* active · `supple program start ID` switches (a program started before resumes)")
    return 0 if views else 2


def cmd_program(as_json: bool, program_id: str | None = None) -> int:
    import json

    from supple.core.program import POINTS

    ctx = _program_context(program_id)
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
    if not ctx.active:
        print(f"Not the active program: `supple program start {ctx.program.id}` switches to it.")
    if p.started is None:
        print(f"Not started. `supple program start {ctx.program.id}` starts it today.")
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


def cmd_program_ics(target: Path, force: bool = False) -> int:
    """The remaining workouts and test days as an iCalendar file ("-": printed); a calendar
    supple wrote there before is replaced without ``force``."""
    from supple.core.calendar_ics import is_own_calendar, to_ics

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
    if not write_to(target, data, force=force, ours=is_own_calendar):
        return 1
    workouts = sum(1 for p in planned if p.number is not None)
    print(
        f"{plural(workouts, 'workout')} and {plural(len(planned) - workouts, 'test day')} "
        f"written to {printable(str(target))}",
        file=sys.stderr,
    )
    return 0


def cmd_program_start(
    day: date | None,
    yes: bool = False,
    signs: frozenset[str] | None = None,
    usual_pain: int | None = None,
    program_id: str | None = None,
) -> int:
    ctx = _program_context(program_id)
    if ctx is None:
        return 2
    from datetime import datetime, time

    from supple.coach.wording import after_start, restart_program

    running = ctx.progress.started
    if running is not None and not ctx.active:  # a program left for another: resumed
        return _switch_back(ctx, day)
    if running is not None and not yes:  # the app asks too
        question, meaning = restart_program(running, day)
        answer = ask(f"{meaning}\n{question}")
        if answer is None:
            print(
                f"supple: program start: the program is running (started {running:%Y-%m-%d}) "
                "and standard input is not a terminal to ask: add --yes to restart it",
                file=sys.stderr,
            )
            return 2
        if not answer:
            print("Not restarted.")
            return 1

    if not _screened(ctx, signs, usual_pain):
        return 1
    from supple.core.files import SaveError
    from supple.core.program import with_offset

    at = with_offset(datetime.combine(day, time())) if day is not None else ctx.now
    from supple.coach.journal import active_program

    started_before = active_program(ctx.coach.store) is not None
    left = ctx.coach.program_service.load() if started_before and not ctx.active else None
    try:
        started = ctx.coach.start_program(ctx.program, at)
    except SaveError as error:  # a newer supple's state, or a disk that will not take it
        print(f"supple: program start: {printable(str(error))}", file=sys.stderr)
        return 1
    view = ctx.coach.program()  # the status line follows the new start
    due = view.progress.due if view is not None else ()
    print(f"Started {printable(ctx.program.title)} on {started:%a %d %b %Y}. {after_start(due)}")
    _say_left(left)
    return 0


def _switch_back(ctx: ProgramContext, day: date | None) -> int:
    """Make a program started before the active one again: it resumes where it was left
    (``day``: said to be unused; `supple program start` again restarts it)."""
    from supple.coach.wording import program_resumed
    from supple.core.files import SaveError

    left = ctx.coach.program_service.load()
    try:
        started = ctx.coach.start_program(ctx.program, ctx.now)
    except SaveError as error:
        print(f"supple: program start: {printable(str(error))}", file=sys.stderr)
        return 1
    view = ctx.coach.program()  # the status line follows the active program
    done = len(view.progress.done) if view is not None else 0
    total = len(ctx.program.workouts)
    print(printable(program_resumed(ctx.program.title, started, done, total)))
    if day is not None:
        print("supple: --date is for a start: the program resumed instead", file=sys.stderr)
    _say_left(left)
    return 0


def _say_left(left: Program | None) -> None:
    from supple.coach.wording import program_left

    if left is not None:
        print(printable(program_left(left.title)))


def _screened(ctx: ProgramContext, signs: frozenset[str] | None, usual: int | None) -> bool:
    """The safety screening before the program: the answers given as arguments, else asked on
    a terminal once; with neither, the program starts and supple says that harder waits for
    it. Any warning sign: what to do, said first. False: answers that could not be saved."""
    from supple.cli.safety import ask_screening, save_answers
    from supple.coach.wording import SCREENING_MISSING, screening_result

    if signs is not None:
        screening = save_answers(ctx.coach, signs, usual)
        if screening is None:
            return False
    else:
        screening = ctx.coach.journal.screening()
        if screening is None or not screening.answered:
            screening = ask_screening(ctx.coach)
            if screening is None:
                print(f"supple: {SCREENING_MISSING}", file=sys.stderr)
                return True
            print()
        else:
            return True  # answered before: `supple screening` asks again
    print(screening_result(screening))
    return True


def cmd_test_list(ids: bool = False) -> int:
    ctx = _program_context()
    if ctx is None:
        return 2
    if ids:  # for the completion scripts: the ids alone
        print("\n".join(printable(test.id) for test in ctx.program.tests))
        return 0
    for test in ctx.program.tests:
        print(
            f"{printable(test.id):<15} {printable(test.name)} — {printable(test.unit)}, "
            f"{test.better} is better ({test.low:g}–{test.high:g}, {test.kind})"
        )
        for step in test.how:
            print(f"{'':<16}· {printable(step)}")
    return 0


def cmd_test_record(test_id: str, typed: str, point: str | None) -> int:
    from supple.core.numbers import NumberError, read_number
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
    try:
        value = read_number(typed, test.unit)
    except NumberError as error:
        print(f"supple: test record: {printable(str(error))}", file=sys.stderr)
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


def _program(args: argparse.Namespace) -> int:
    if args.program_command == "start":
        return cmd_program_start(
            args.date, args.yes, args.screening, args.usual_pain, args.start_id
        )
    if args.program_command == "list":
        return cmd_program_list(args.json or args.list_json)
    if args.ics is not None:
        return cmd_program_ics(args.ics, args.force)
    return cmd_program(args.json, args.program)


def _test(args: argparse.Namespace) -> int:
    if args.test_command == "list":
        return cmd_test_list(args.ids)
    return cmd_test_record(args.test, args.value, args.point)


COMMANDS = {
    "program": Command(_program_arguments, _program),
    "test": Command(_test_arguments, _test),
}
