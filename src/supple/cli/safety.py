"""The safety screening and the report for a physio: `supple screening`, `supple report`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from supple.cli.command import Command, coach, force_argument, prompt, tell, yes_words
from supple.i18n import _

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
        said = _("'{answer}' is not {no_signs} nor a warning sign (one or more of: {signs})")
        raise argparse.ArgumentTypeError(
            said.format(
                answer=unknown[0] if unknown else text,
                no_signs=NO_SIGNS,
                signs=", ".join(SIGN_KEYS),
            )
        )
    return keys


def pain_argument(text: str) -> int:
    import argparse

    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 10:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number from 0 to 10").format(text=text)
        )
    return int(text)


def add_answer_arguments(p: argparse.ArgumentParser, name: str) -> None:
    """The screening's answers as arguments, for scripts (the same in `program start`)."""
    p.add_argument(
        name,
        type=signs_argument,
        metavar="ANSWERS",
        help=_(
            "the screening's answers without asking: {no_signs}, or the warning signs "
            "answered yes, e.g. night_pain,fall_accident (see docs/safety.md)"
        ).format(no_signs=NO_SIGNS),
    )
    p.add_argument(
        "--usual-pain", type=pain_argument, metavar="N", help=_("your usual back pain, 0-10")
    )


def _screening_arguments(sub: Commands) -> None:
    p = sub.add_parser(
        "screening", help=_("the safety questions before exercise: ask them again, or show them")
    )
    add_answer_arguments(p, "--answer")
    p.add_argument(
        "--cleared",
        action="store_true",
        help=_("a doctor or physiotherapist has cleared you to exercise"),
    )
    p.add_argument("--show", action="store_true", help=_("show the answers, ask nothing"))


def _report_arguments(sub: Commands) -> None:
    p = sub.add_parser("report", help=_("one HTML page of your progress, to show a physio"))
    p.add_argument(
        "--to",
        type=Path,
        metavar="FILE",
        help=_("where to write it (default: supple-report-YYYY-MM-DD.html here)"),
    )
    force_argument(p)


def ask_screening(found: Coach) -> Screening | None:
    """Ask the questions on the terminal and save the answers; None when standard input is
    not a terminal (nothing asked) or the answers could not be saved (said on stderr)."""
    from supple.coach.wording import NOT_MEDICAL_ADVICE, SCREENING_INTRO, USUAL_PAIN_QUESTION
    from supple.core.screening import SIGNS

    if not sys.stdin.isatty():
        return None
    print(f"{_(SCREENING_INTRO)}\n{_(NOT_MEDICAL_ADVICE)}\n")
    yes: set[str] = set()
    # Ctrl+C or the end of input at any question: Unanswered, the command stops, nothing saved
    for sign in SIGNS:
        if prompt(_("{question} [y/N] ").format(question=_(sign.question))).strip().lower() in (
            yes_words()
        ):
            yes.add(sign.key)
    usual: int | None = None
    while usual is None:
        typed = prompt(f"{_(USUAL_PAIN_QUESTION)} ").strip()
        if typed.isascii() and typed.isdigit() and 0 <= int(typed) <= 10:
            usual = int(typed)
        else:
            print(_("A whole number from 0 to 10, please."))
    return save_answers(found, frozenset(yes), usual)


def save_answers(found: Coach, yes: frozenset[str], usual: int | None) -> Screening | None:
    from supple.core.files import SaveError

    try:
        return found.journal.answer_screening(yes, usual, found.now())
    except SaveError as error:
        print(_("supple: screening: {error}").format(error=error), file=sys.stderr)
        return None


def _screening(args: argparse.Namespace) -> int:
    from supple.coach.wording import NOT_MEDICAL_ADVICE, screening_result
    from supple.core.files import SaveError

    found = coach()
    if args.cleared:
        try:
            done = found.journal.clear_screening(found.now())
        except SaveError as error:
            print(_("supple: screening: {error}").format(error=error), file=sys.stderr)
            return 1
        tell(found)
        if done is None:
            print(_("supple: the screening has not been answered yet: nothing to clear."))
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
            print("  " + _("yes: {sign}").format(sign=_(sign.short)))
    print(_(NOT_MEDICAL_ADVICE))
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
    said = _("Report written to {path} (open it in a browser; print to PDF).")
    print(said.format(path=printable(str(target))))
    return 0


COMMANDS = {
    "screening": Command(_screening_arguments, _screening),
    "report": Command(_report_arguments, _report),
}
