"""`supple exercises`: the exercise library, by area, with equipment, ladders and the exercises
marked "not for me"."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from supple.cli.command import Command, coach, ids_argument
from supple.i18n import _

if TYPE_CHECKING:
    import argparse

    from supple.cli.command import Commands
    from supple.core.library import Equipment, LibraryExercise


def equipment_argument(text: str) -> tuple[Equipment, ...]:
    """``none`` (I have nothing) or what I have, ``wall,chair``; argparse's error otherwise."""
    import argparse

    from supple.core.library import Equipment
    from supple.core.tomlcheck import closest
    from supple.core.words import printable

    if text.strip() == "none":
        return ()
    known = [e.value for e in Equipment]
    have = []
    for item in (part.strip() for part in text.split(",")):
        if item not in known:
            close = closest(item, [*known, "none"])
            what = dict(item=printable(item), known=", ".join(known))
            if close:
                said = _(
                    "unknown equipment '{item}' (did you mean '{close}'? one of: none, {known})"
                )
                raise argparse.ArgumentTypeError(said.format(close=close, **what))
            said = _("unknown equipment '{item}' (one of: none, {known})")
            raise argparse.ArgumentTypeError(said.format(**what))
        have.append(Equipment(item))
    return tuple(have)


def _arguments(sub: Commands) -> None:
    from supple.core.library import Area

    p = sub.add_parser("exercises", help=_("the exercise library: areas, equipment, ladders"))
    p.add_argument(
        "--area", choices=[a.value for a in Area], help=_("only those working this area")
    )
    p.add_argument(
        "--equipment",
        type=equipment_argument,
        help=_("what you have: none, or a list like wall,chair (those needing more are left out)"),
    )
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    ids_argument(p)
    mark = p.add_mutually_exclusive_group()
    mark.add_argument(
        "--not-for-me",
        metavar="ID",
        help=_("mark the exercise ID not for you: a session made for today leaves it out"),
    )
    mark.add_argument("--for-me", metavar="ID", help=_("undo --not-for-me ID"))


def exercise_json(item: LibraryExercise, marked: frozenset[str]) -> dict[str, Any]:
    from supple.core.routine import LEVELS

    exercise = item.exercise
    return {
        "id": item.id,
        "name": exercise.name,
        "kind": exercise.kind.value,
        "per_side": exercise.per_side,
        "areas": [a.value for a in item.areas],
        "equipment": [e.value for e in item.equipment],
        "easier": item.easier,
        "harder": item.harder,
        "warmup": item.warmup,
        "source": item.source,
        "not_for_me": item.id in marked,
        "levels": {level: exercise.describe(level) for level in LEVELS},
    }


def cmd_exercises(area: str | None, equipment: tuple[Equipment, ...] | None, as_json: bool) -> int:
    from supple.coach.library_wording import NOT_FOR_ME, area_word, equipment_word
    from supple.core.library import Area
    from supple.core.words import printable

    found = coach().library
    library = found.library
    marked = found.not_for_me()
    if marked.problem is not None:
        said = _("supple: not for me: {problem}").format(problem=printable(marked.problem))
        print(said, file=sys.stderr)
    chosen = library.in_area(Area(area)) if area is not None else library.exercises
    if equipment is not None:
        chosen = tuple(e for e in chosen if set(e.equipment) <= set(equipment))
    for error in library.errors:
        for problem in error.problems:
            print(_("supple: library: {problem}").format(problem=problem), file=sys.stderr)
    if as_json:
        import json

        out = [exercise_json(e, marked.ids) for e in chosen]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for item in chosen:
        exercise = item.exercise
        needs = ", ".join(equipment_word(e) for e in item.equipment) or _("nothing")
        mark = f"  ({_(NOT_FOR_ME)})" if item.id in marked.ids else ""
        print(f"{printable(item.id):<28} {printable(exercise.name)}{mark}")
        ladder = " → ".join(printable(e.id) for e in library.ladder(item.id))
        areas = ", ".join(area_word(a) for a in item.areas)
        dose = exercise.describe("beginner")
        # Translators: a library exercise's line: its dose, its body areas, its equipment
        said = _("{dose} · {areas} · needs {equipment}")
        print(f"{'':<28} " + said.format(dose=dose, areas=areas, equipment=needs))
        print(f"{'':<28} " + _("ladder: {ladder}").format(ladder=ladder))
    if not chosen:
        print(_("no exercises match"), file=sys.stderr)
    return 0


def cmd_mark(exercise_id: str, not_for_me: bool) -> int:
    """Mark (or unmark) one exercise "not for me" and say so; 2 for an id the library does not
    have (with the nearest), 1 when the file cannot be written."""
    from supple.coach.library_wording import marked, unknown_exercise
    from supple.core.files import SaveError
    from supple.core.words import printable

    library = coach().library
    try:
        item = library.find(exercise_id)
        library.mark(exercise_id, not_for_me)
    except KeyError:
        close = library.library.suggest(exercise_id)
        print(f"supple: {printable(unknown_exercise(exercise_id, close))}", file=sys.stderr)
        return 2
    except SaveError as error:
        print(f"supple: not for me: {printable(str(error))}", file=sys.stderr)
        return 1
    print(printable(marked(item.exercise.name, not_for_me)))
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.not_for_me is not None:
        return cmd_mark(args.not_for_me, True)
    if args.for_me is not None:
        return cmd_mark(args.for_me, False)
    if args.ids:  # for the completion scripts: the ids alone
        print("\n".join(e.id for e in coach().library.library.exercises))
        return 0
    return cmd_exercises(args.area, args.equipment, args.json)


COMMANDS = {"exercises": Command(_arguments, _run)}
