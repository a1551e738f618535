"""`supple advice`: what is suggested and why; apply one by its id; undo the last applied."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from supple.cli.command import Command, coach, tell
from supple.core.words import printable
from supple.i18n import _

if TYPE_CHECKING:
    import argparse

    from supple.cli.command import Commands
    from supple.coach.advice import AdviceService
    from supple.coach.coach import Coach
    from supple.core.advice import Suggestion


def _arguments(sub: Commands) -> None:
    p = sub.add_parser("advice", help=_("what to change next, from your pain and tests, and why"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    actions = p.add_subparsers(dest="advice_command", metavar="ACTION")
    q = actions.add_parser("apply", help=_("apply one suggestion (one step easier or harder)"))
    q.add_argument("id", help=_("the suggestion's id (see `supple advice`)"))
    u = actions.add_parser("undo", help=_("put the easier/harder steps back as they were"))
    u.add_argument("id", nargs="?", help=_("the applied advice's id (default: the last one)"))


def _suggested(found: Coach) -> tuple[AdviceService, list[Suggestion]]:
    return found.advice, found.advice.suggested()


def cmd_advice(as_json: bool) -> int:
    import json

    from supple.coach.wording import ADVICE_NOT_MEDICAL, NO_ADVICE, advice

    found = coach()
    _service, suggestions = _suggested(found)
    tell(found)
    if as_json:
        out = [
            {
                "id": s.id,
                "kind": s.kind.value,
                "routine": s.routine,
                "exercises": list(s.exercises),
                "dose": s.dose,
                "was": s.was,
                "numbers": dict(s.numbers),
                "reason": advice(s),
            }
            for s in suggestions
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not suggestions:
        print(_(NO_ADVICE))  # a lazy constant: translated here
    for s in suggestions:
        print(f"{printable(s.id)}\n  {printable(advice(s))}")
    print(_(ADVICE_NOT_MEDICAL))
    return 0


def cmd_apply(advice_id: str) -> int:
    from supple.coach.advice import AdviceError
    from supple.coach.wording import advice, advice_already, advice_applied

    found = coach()
    service, suggested = _suggested(found)
    suggestions = {s.id: s for s in suggested}
    tell(found)
    chosen = suggestions.get(advice_id)
    if chosen is None:
        applied = [a for a in service.log() if a.id == advice_id and a.undone_at is None]
        if applied:
            said = _("supple: advice: {reason}").format(reason=advice_already(applied[-1]))
            print(said, file=sys.stderr)
            return 1
        said = _("supple: advice: no suggestion '{id}' today").format(id=printable(advice_id))
        print(said, file=sys.stderr)
        return 2
    try:
        service.apply(chosen, advice(chosen))
    except AdviceError as error:
        said = _("supple: advice: {reason}").format(reason=printable(str(error)))
        print(said, file=sys.stderr)
        return 1
    print(printable(advice_applied(advice(chosen))))
    return 0


def cmd_undo(advice_id: str | None) -> int:
    from supple.coach.advice import AdviceError

    found = coach()
    try:
        service, _suggestions = _suggested(found)
        entry = service.undo(advice_id)
    except AdviceError as error:
        said = _("supple: advice: {reason}").format(reason=printable(str(error)))
        print(said, file=sys.stderr)
        return 1
    print(_("Undone: {reason}").format(reason=printable(entry.reason)))
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.advice_command == "apply":
        return cmd_apply(args.id)
    if args.advice_command == "undo":
        return cmd_undo(args.id)
    return cmd_advice(args.json)


COMMANDS = {"advice": Command(_arguments, _run)}
