"""The safety screening and the report for a physio: `supple screening`, `supple report`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from supple.cli.command import Command, coach, force_argument, prompt, tell
from supple.core.light_words import no_words, yes_words
from supple.i18n import _

if TYPE_CHECKING:
    import argparse

    from supple.cli.command import Commands
    from supple.coach.coach import Coach
    from supple.core.screening import Checklist, Screening

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

    from supple.core.pain import read_pain  # the one reader of a typed 0-10

    try:
        return read_pain(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number from 0 to 10").format(text=text)
        ) from None


def add_answer_arguments(p: argparse.ArgumentParser, name: str) -> None:
    """The screening's answers as arguments, for scripts (the same in `program start`)."""
    p.add_argument(
        name,
        type=signs_argument,
        metavar="ANSWERS",
        help=_(
            "the screening's answers without asking: {no_signs}, or the warning signs "
            "answered yes, e.g. night_pain,fall_accident (see docs/safety.md); with --usual-pain"
        ).format(no_signs=NO_SIGNS),
    )
    p.add_argument(
        "--usual-pain",
        type=pain_argument,
        metavar="N",
        help=_("your usual pain, 0-10 (needed with the answers)"),
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
    asked = p.add_argument(
        "--program",
        metavar="ID",
        help=_("the questions asked before this program (the active one's)"),
    )
    from supple.cli.command import PROGRAM_IDS, completes

    completes(asked, PROGRAM_IDS)


def _report_arguments(sub: Commands) -> None:
    p = sub.add_parser("report", help=_("one HTML page of your progress, to show a physio"))
    p.add_argument(
        "--to",
        type=Path,
        metavar="FILE",
        help=_("where to write it (default: supple-report-YYYY-MM-DD.html here)"),
    )
    force_argument(p)


def ask_screening(found: Coach, asked: Checklist) -> Screening | None:
    """Ask the questions of ``asked`` on the terminal and save the answers; None when standard
    input is not a terminal (nothing asked) or the answers could not be saved (said on stderr).
    Each question waits for a yes or a no: nothing is taken as answered by default."""
    from supple.coach.wording import NOT_MEDICAL_ADVICE
    from supple.core.pain import read_pain

    if not sys.stdin.isatty():
        return None
    print(f"{asked.intro}\n{_(NOT_MEDICAL_ADVICE)}\n")
    yes: set[str] = set()
    # Ctrl+C or the end of input at any question: Unanswered, the command stops, nothing saved
    for sign in asked.signs:
        answer = None
        while answer is None:
            answer = yes_or_no(prompt(_("{question} [y/n] ").format(question=sign.question)))
            if answer is None:
                print(_("Please answer y (yes) or n (no)."))
        if answer:
            yes.add(sign.key)
    usual: int | None = None
    while usual is None:
        try:
            usual = read_pain(prompt(f"{asked.usual_question} "))
        except ValueError:
            print(_("A whole number from 0 to 10, please."))
    return save_answers(found, frozenset(yes), usual, asked)


def yes_or_no(typed: str) -> bool | None:
    """A typed answer: True (a yes word), False (a no word), None (neither: ask again)."""

    word = typed.strip().lower()
    if word in yes_words():
        return True
    if word in no_words():
        return False
    return None


def save_answers(
    found: Coach, yes: frozenset[str], usual: int | None, asked: Checklist
) -> Screening | None:
    from supple.core.files import SaveError
    from supple.core.screening import BadScreening

    if usual is None:
        said = _("supple: screening: the usual pain is needed with the answers (--usual-pain N)")
        print(said, file=sys.stderr)
        return None
    try:
        return found.journal.answer_screening(yes, usual, found.now(), asked)
    except (SaveError, BadScreening) as error:
        print(_("supple: screening: {error}").format(error=error), file=sys.stderr)
        return None


def refused(screening: Screening) -> int:
    """A warning sign stands: the program does not start (docs/safety.md), and why. Exit 1."""
    from supple.coach.wording import program_refused

    print(f"supple: {program_refused(screening)}", file=sys.stderr)
    return 1


def go_despite_flag(found: Coach) -> bool:
    """Before any session from the command line: while a warning sign stands, say so and ask
    whether to exercise anyway (no terminal to ask: not started). True: go on."""
    from supple.cli.command import ask
    from supple.coach.wording import session_despite_flag

    screening = found.journal.screening()
    if screening is None or not screening.flag_stands:
        return True
    question, meaning = session_despite_flag(screening)
    answer = ask(f"{meaning}\n{question}")
    if answer is None:
        said = _(
            "supple: not started: a warning sign is answered yes and standard input is not a "
            "terminal to ask (see `supple screening --show`)"
        )
        print(said, file=sys.stderr)
        return False
    return answer


def checklist_for(found: Coach, program_id: str | None) -> Checklist | None:
    """The checklist asked before ``program_id`` (the active program's; the low-back one when
    no program can be read); None after saying there is no such program."""
    from supple.core.program import ProgramError
    from supple.core.screening import LOW_BACK, checklist

    service = found.program_service
    if program_id is not None and program_id not in service.ids():
        print(_("supple: no program '{id}'").format(id=program_id), file=sys.stderr)
        return None
    try:
        return checklist(service.load(program_id).screening)
    except ProgramError:
        return LOW_BACK


def _screening(args: argparse.Namespace) -> int:
    from supple.coach.wording import NOT_MEDICAL_ADVICE, screening_result
    from supple.core.files import SaveError

    found = coach()
    asked = checklist_for(found, args.program)
    if asked is None:
        return 2
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
        saved = save_answers(found, args.answer, args.usual_pain, asked)
        tell(found)
        if saved is None:
            return 1
        print(screening_result(saved))
        return 0
    if not args.show and sys.stdin.isatty():
        answers = ask_screening(found, asked)
        tell(found)
        if answers is None:
            return 1
        print(f"\n{screening_result(answers)}")
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

    page = report_page(
        found.journal, found.program_service, found.preferences, found.now, found.catalog
    )
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


def screened(
    found: Coach, checklist_id: str, signs: frozenset[str] | None, usual: int | None
) -> bool:
    """The safety screening before the program: the answers given as arguments, else asked on
    a terminal once; with neither, the program starts and supple says that harder waits for
    it. Any warning sign: what to do, said first. False: answers that could not be saved."""
    from supple.coach.wording import SCREENING_MISSING, screening_result
    from supple.core.screening import checklist

    asked = checklist(checklist_id)  # the program's own questions
    if signs is not None:
        screening = save_answers(found, signs, usual, asked)
        if screening is None:
            return False
    else:
        screening = found.journal.screening()
        if screening is None or not screening.answered_for(asked):
            screening = ask_screening(found, asked)
            if screening is None:
                print(f"supple: {_(SCREENING_MISSING)}", file=sys.stderr)
                return True
            print()
        else:
            return True  # answered before: `supple screening` asks again
    print(screening_result(screening))
    return True
