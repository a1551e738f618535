"""The program's commands: program (its view, start, calendar) and test, with their arguments."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from supple.cli.command import (
    PROGRAM_IDS,
    TEST_IDS,
    Command,
    ask,
    coach,
    completes,
    force_argument,
    ids_argument,
    start_day,
    tell,
    write_to,
)
from supple.coach.program_wording import better_words, kind_word, point_word
from supple.core.words import (
    dated,
    decimal,
    duration,
    judged_words,
    level_word,
    measured,
    plural,
    printable,
)
from supple.i18n import _

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from supple.cli.command import Commands
    from supple.core.program import Program


def _program_arguments(sub: Commands) -> None:
    p = sub.add_parser("program", help=_("the active program: where you are, test results"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    other = p.add_argument(
        "--program", metavar="ID", help=_("another program's view (see `supple program list`)")
    )
    completes(other, PROGRAM_IDS)
    p.add_argument(
        "--ics",
        nargs="?",
        const="-",
        type=Path,
        metavar="FILE",
        help=_("the remaining workouts and test days as a calendar file (to FILE, else printed)"),
    )
    force_argument(p)
    program_sub = p.add_subparsers(dest="program_command", metavar="ACTION")
    listed = program_sub.add_parser(
        "list", help=_("the programs, which one is active, how far along each is")
    )
    listed.add_argument("--json", action="store_true", dest="list_json", help=_("print JSON"))
    ids_argument(listed)
    q = program_sub.add_parser(
        "start",
        help=_("start a program, switch back to one (resumed), or restart the active one"),
    )
    started = q.add_argument(
        "start_id", nargs="?", metavar="ID", help=_("which program (the active one)")
    )
    completes(started, PROGRAM_IDS)
    q.add_argument("--date", type=start_day, metavar="YYYY-MM-DD", help=_("the start day (today)"))
    q.add_argument(
        "--yes",
        action="store_true",
        help=_("restart a running program without asking (needed when not on a terminal)"),
    )
    from supple.cli.safety import add_answer_arguments

    add_answer_arguments(q, "--screening")


def _test_arguments(sub: Commands) -> None:
    p = sub.add_parser("test", help=_("the program's mobility tests"))
    test_sub = p.add_subparsers(dest="test_command", metavar="ACTION", required=True)
    listed = test_sub.add_parser("list", help=_("the five tests: unit, which way is better, how"))
    ids_argument(listed)
    q = test_sub.add_parser(
        "record", help=_("record a result, e.g. `supple test record toe-touch 12`")
    )
    completes(q.add_argument("test", help=_("test id (see `supple test list`)")), TEST_IDS)
    q.add_argument(
        "value",
        help=_("the result in the test's unit: 12, 2,5, 12 cm, 30 s or 1:30 for a time"),
    )
    q.add_argument("--point", help=_("start, middle or end (default: where you are)"))


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
        said = _("supple: the program file cannot be used:\n{problems}")
        print(said.format(problems=printable(str(error), lines=True)), file=sys.stderr)
        return None
    except KeyError:
        known = ", ".join(coach().program_service.ids())
        said = _("supple: no program '{id}' (known: {known})")
        print(said.format(id=printable(str(program_id)), known=printable(known)), file=sys.stderr)
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
            _("not started")
            if p.started is None
            else _("started {day} · {done}/{total} done").format(
                day=dated(p.started, "%d %b %Y"), done=len(p.done), total=len(program.workouts)
            )
        )
        print(f"{mark} {printable(program.id):<22} {printable(program.title):<28} {where}")
    print(_("* active · `supple program start ID` switches (a program started before resumes)"))
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
    program = ctx.program
    print(
        _("{title}: {workouts} workouts over {weeks} weeks, {tests} mobility tests").format(
            title=printable(program.title),
            workouts=len(program.workouts),
            weeks=program.weeks,
            tests=len(program.tests),
        )
    )
    if not ctx.active:
        said = _("Not the active program: `supple program start {id}` switches to it.")
        print(said.format(id=program.id))
    if p.started is None:
        print(_("Not started. `supple program start {id}` starts it today.").format(id=program.id))
    else:
        said = _("Started {day} · {done}/{total} done")
        day = dated(p.started, "%a %d %b %Y")
        print(said.format(day=day, done=len(p.done), total=len(program.workouts)))
        screening = ctx.coach.journal.screening()
        if screening is not None and screening.flag_stands:  # a clinician, never a workout
            from supple.coach.wording import flag_next

            print(flag_next(screening))
        elif p.next is not None and p.suggested is not None:
            length = duration(ctx.view.seconds.get(p.next.number, 0.0))
            said = _(
                "Next: workout {number} (week {week}) — {routine} at {level} ({length}), on {day}"
            )
            print(
                said.format(
                    number=p.next.number,
                    week=p.next.week,
                    routine=printable(ctx.coach.program_service.title(program, p.next.routine)),
                    level=level_word(p.next.level),
                    length=length,
                    day=dated(p.suggested, "%a %d %b"),
                )
            )
        elif p.finished:
            print(_("All workouts done. Well done!"))
        for number in ctx.view.too_long():
            minutes = decimal(ctx.view.seconds[number] / 60, ".1f")
            said = _("Workout {number} takes {minutes} min with your settings (over 30).")
            print(said.format(number=number, minutes=minutes))
        if p.due and not (screening is not None and screening.flag_stands):
            print(
                _("Tests due: {tests} (`supple test list`)").format(
                    tests=printable(", ".join(point_word(point) for point in p.due))
                )
            )
    for test in ctx.program.tests:
        by_point = p.results.get(test.id, {})
        values = "  ".join(
            f"{point_word(point)} {measured(by_point[point].value, test.unit)}"
            if point in by_point
            else f"{point_word(point)} –"
            for point in POINTS
        )
        change = p.change(test)  # judged as the app, the progress screen and the report judge it
        trend = "" if change is None else f"  {judged_words(change, test.error, test.unit)}"
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
            _(
                "supple: the program has not started: the calendar starts today, as if you "
                "started it now (`supple program start`)"
            ),
            file=sys.stderr,
        )
    elif not planned:
        print(
            _("supple: every workout of the program is done: the calendar is empty."),
            file=sys.stderr,
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
    said = _("{workouts} and {test_days} written to {path}").format(
        workouts=plural(workouts, "workout"),
        test_days=plural(len(planned) - workouts, "test day"),
        path=printable(str(target)),
    )
    print(said, file=sys.stderr)
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

    from supple.cli.safety import refused, screened
    from supple.coach.wording import after_start, restart_program

    # The answers given are saved (and said) first; a standing sign refuses before any question.
    if signs is not None and not screened(ctx.coach, ctx.program.screening, signs, usual_pain):
        return 1
    if (standing := ctx.coach.journal.screening()) and standing.flag_stands:
        return refused(standing)
    running = ctx.progress.started
    if running is not None and not ctx.active:  # a program left for another: resumed
        return _switch_back(ctx, day)
    if running is not None and not yes:  # the app asks too
        question, meaning = restart_program(running, day)
        answer = ask(f"{meaning}\n{question}")
        if answer is None:
            said = _(
                "supple: program start: the program is running (started {day}) and standard "
                "input is not a terminal to ask: add --yes to restart it"
            )
            print(said.format(day=f"{running:%Y-%m-%d}"), file=sys.stderr)
            return 2
        if not answer:
            print(_("Not restarted."))
            return 1

    # asked on a terminal if never answered
    if signs is None and not screened(ctx.coach, ctx.program.screening, None, None):
        return 1
    from supple.core.files import SaveError
    from supple.core.program import with_offset

    at = with_offset(datetime.combine(day, time())) if day is not None else ctx.now
    from supple.coach.journal import active_program

    started_before = active_program(ctx.coach.store) is not None
    left = ctx.coach.program_service.load() if started_before and not ctx.active else None
    from supple.core.screening import WarningSignStands

    try:
        started = ctx.coach.start_program(ctx.program, at)
    except SaveError as error:  # a newer supple's state, or a disk that will not take it
        said = _("supple: program start: {error}").format(error=printable(str(error)))
        print(said, file=sys.stderr)
        return 1
    except WarningSignStands as stands:
        return refused(stands.screening)
    view = ctx.coach.program()  # the status line follows the new start
    due = view.progress.due if view is not None else ()
    said = _("Started {title} on {day}. {next}").format(
        title=printable(ctx.program.title),
        day=dated(started, "%a %d %b %Y"),
        next=after_start(tuple(point_word(point) for point in due)),
    )
    print(said)
    _say_left(left)
    return 0


def _switch_back(ctx: ProgramContext, day: date | None) -> int:
    """Make a program started before the active one again: it resumes where it was left
    (``day``: said to be unused; `supple program start` again restarts it)."""
    from supple.cli.safety import refused
    from supple.coach.wording import program_resumed
    from supple.core.files import SaveError
    from supple.core.screening import WarningSignStands

    left = ctx.coach.program_service.load()
    try:
        started = ctx.coach.start_program(ctx.program, ctx.now)
    except SaveError as error:
        said = _("supple: program start: {error}").format(error=printable(str(error)))
        print(said, file=sys.stderr)
        return 1
    except WarningSignStands as stands:
        return refused(stands.screening)
    view = ctx.coach.program()  # the status line follows the active program
    done = len(view.progress.done) if view is not None else 0
    total = len(ctx.program.workouts)
    print(printable(program_resumed(ctx.program.title, started, done, total)))
    if day is not None:
        print(_("supple: --date is for a start: the program resumed instead"), file=sys.stderr)
    _say_left(left)
    return 0


def _say_left(left: Program | None) -> None:
    from supple.coach.wording import program_left

    if left is not None:
        print(printable(program_left(left.title)))


def cmd_test_list(ids: bool = False) -> int:
    ctx = _program_context()
    if ctx is None:
        return 2
    if ids:  # for the completion scripts: the ids alone
        print("\n".join(printable(test.id) for test in ctx.program.tests))
        return 0
    for test in ctx.program.tests:
        said = _("{name} — {unit}, {better} ({low}–{high}, {kind})").format(
            name=printable(test.name),
            unit=printable(test.unit),
            better=better_words(test.better),
            low=decimal(test.low),
            high=decimal(test.high),
            kind=kind_word(test.kind),
        )
        print(f"{printable(test.id):<15} {said}")
        for step in test.how:
            print(f"{'':<16}· {printable(step)}")
    return 0


def cmd_test_record(test_id: str, typed: str, point: str | None) -> int:
    from supple.core.numbers import NumberError, read_number
    from supple.core.program import POINTS

    if point is not None and point not in POINTS:
        said = _("supple: --point must be one of {points}, not '{point}'")
        print(said.format(points=", ".join(POINTS), point=printable(point)), file=sys.stderr)
        return 2
    ctx = _program_context()
    if ctx is None:
        return 2
    try:
        test = ctx.program.test(test_id)
    except KeyError:
        known = printable(", ".join(t.id for t in ctx.program.tests))
        said = _("supple: no test '{id}' (known: {known})")
        print(said.format(id=printable(test_id), known=known), file=sys.stderr)
        return 2
    try:
        value = read_number(typed, test.unit)
    except NumberError as error:
        said = _("supple: test record: {error}").format(error=printable(str(error)))
        print(said, file=sys.stderr)
        return 2
    problem = test.check(value)
    if problem:
        print(f"supple: {printable(problem)}", file=sys.stderr)
        return 2
    done = len(ctx.progress.done)
    at = point if point else ctx.program.point_for(done)
    after = dict(zip(POINTS, ctx.program.tests_after, strict=True))[at]
    if done < after:
        said = _("supple: the {point} tests come after workout {after}; {done} done so far")
        print(
            said.format(point=point_word(at), after=after, done=plural(done, "workout")),
            file=sys.stderr,
        )
        return 2
    result = ctx.coach.record_test(test, value, at)
    ctx.coach.program()  # the status line follows (the tests due)
    said = _("Recorded {name}: {value} {unit} ({point}) in {path}")
    print(
        said.format(
            name=printable(test.name),
            value=decimal(value),
            unit=printable(test.unit),
            point=point_word(at),
            path=printable(str(result.path)),
        )
    )
    return 0


def _program(args: argparse.Namespace) -> int:
    if args.program_command == "start":
        return cmd_program_start(
            args.date, args.yes, args.screening, args.usual_pain, args.start_id
        )
    if args.program_command == "list":
        if args.ids:  # for the completion scripts: the ids alone
            print("\n".join(coach().program_service.ids()))
            return 0
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
