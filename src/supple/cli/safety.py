"""The safety screening and the report for a physio: `supple screening`, `supple report`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from supple.cli.command import Command, coach, force_argument, tell

if TYPE_CHECKING:
    import argparse

    from supple.cli.command import Commands
    from supple.coach.coach import Coach
    from supple.core.screening import Screening

NO_SIGNS = "no-signs"


def signs_argument(text: str) -> frozenset[str]:
    """``--answer``/``--screening``: ``no-signs``, or the keys of the signs answered yes."""
    import argparse

    from supple.core.screening import SIGN_KEYS

    if text == NO_SIGNS:
        return frozenset()
    keys = frozenset(k.strip() for k in text.split(",") if k.strip())
    unknown = sorted(keys - set(SIGN_KEYS))
    if unknown or not keys:
        raise argparse.ArgumentTypeError(
            f"'{unknown[0] if unknown else text}' is not {NO_SIGNS} nor a warning sign "
            f"(one or more of: {', '.join(SIGN_KEYS)})"
        )
    return keys


def pain_argument(text: str) -> int:
    import argparse

    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 10:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to 10")
    return int(text)


def add_answer_arguments(p: argparse.ArgumentParser, name: str) -> None:
    """The screening's answers as arguments, for scripts (the same in `program start`)."""
    p.add_argument(
        name,
        type=signs_argument,
        metavar="ANSWERS",
        help=f"the screening's answers without asking: {NO_SIGNS}, or the warning signs "
        "answered yes, e.g. night_pain,fall_accident (see docs/safety.md)",
    )
    p.add_argument(
        "--usual-pain", type=pain_argument, metavar="N", help="your usual back pain, 0-10"
    )


def _screening_arguments(sub: Commands) -> None:
    p = sub.add_parser(
        "screening", help="the safety questions before exercise: ask them again, or show them"
    )
    add_answer_arguments(p, "--answer")
    p.add_argument(
        "--cleared",
        action="store_true",
        help="a doctor or physiotherapist has cleared you to exercise",
    )
    p.add_argument("--show", action="store_true", help="show the answers, ask nothing")


def _report_arguments(sub: Commands) -> None:
    p = sub.add_parser("report", help="one HTML page of your progress, to show a physio")
    p.add_argument(
        "--to",
        type=Path,
        metavar="FILE",
        help="where to write it (default: supple-report-YYYY-MM-DD.html here)",
    )
    force_argument(p)


def ask_screening(found: Coach) -> Screening | None:
    """Ask the questions on the terminal and save the answers; None when standard input is
    not a terminal (nothing asked) or the answers could not be saved (said on stderr)."""
    from supple.coach.wording import NOT_MEDICAL_ADVICE, SCREENING_INTRO, USUAL_PAIN_QUESTION
    from supple.core.screening import SIGNS

    if not sys.stdin.isatty():
        return None
    print(f"{SCREENING_INTRO}\n{NOT_MEDICAL_ADVICE}\n")
    yes: set[str] = set()
    try:
        for sign in SIGNS:
            if input(f"{sign.question} [y/N] ").strip().lower() in ("y", "yes"):
                yes.add(sign.key)
        usual: int | None = None
        while usual is None:
            typed = input(f"{USUAL_PAIN_QUESTION} ").strip()
            if typed.isascii() and typed.isdigit() and 0 <= int(typed) <= 10:
                usual = int(typed)
            else:
                print("A whole number from 0 to 10, please.")
    except (EOFError, KeyboardInterrupt):
        print("\nNot saved.", file=sys.stderr)
        return None
    return save_answers(found, frozenset(yes), usual)


def save_answers(found: Coach, yes: frozenset[str], usual: int | None) -> Screening | None:
    from supple.core.files import SaveError

    try:
        return found.journal.answer_screening(yes, usual, found.now())
    except SaveError as error:
        print(f"supple: screening: {error}", file=sys.stderr)
        return None


def _screening(args: argparse.Namespace) -> int:
    from supple.coach.wording import NOT_MEDICAL_ADVICE, screening_result
    from supple.core.files import SaveError

    found = coach()
    if args.cleared:
        try:
            done = found.journal.clear_screening(found.now())
        except SaveError as error:
            print(f"supple: screening: {error}", file=sys.stderr)
            return 1
        tell(found)
        if done is None:
            print("supple: the screening has not been answered yet: nothing to clear.")
            return 2
        print(screening_result(done))
        return 0
    if args.answer is not None:
        saved = save_answers(found, args.answer, args.usual_pain)
        tell(found)
        if saved is None:
            return 1
        print(screening_result(saved))
        return 0
    if not args.show and sys.stdin.isatty():
        asked = ask_screening(found)
        tell(found)
        if asked is None:
            return 1
        print(f"\n{screening_result(asked)}")
        return 0
    current = found.journal.screening()
    tell(found)
    print(screening_result(current))
    if current is not None and current.answered:
        for sign in current.flags:
            print(f"  yes: {sign.short}")
    print(NOT_MEDICAL_ADVICE)
    return 0


def _report(args: argparse.Namespace) -> int:
    from supple.cli.command import write_to
    from supple.core.report import is_own_report
    from supple.core.words import printable

    found = coach()
    target: Path = args.to or Path(f"supple-report-{found.today():%Y-%m-%d}.html")
    from supple.coach.progress import report_page

    page = report_page(found.journal, found.program_service, found.preferences, found.now)
    tell(found)
    if not write_to(target, page.encode("utf-8"), force=args.force, ours=is_own_report):
        return 1
    print(f"Report written to {printable(str(target))} (open it in a browser; print to PDF).")
    return 0


COMMANDS = {
    "screening": Command(_screening_arguments, _screening),
    "report": Command(_report_arguments, _report),
}
