"""`supple build`: a session made for today from the library, shown before anything; saved as
one of your routines (``--save ID``) or played (``--play``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from supple.cli.command import Command, add_level, add_plain, coach, comma_list, completes
from supple.i18n import _

if TYPE_CHECKING:
    import argparse

    from supple.cli.command import Commands
    from supple.coach.coach import Coach
    from supple.core.routine import Level, Routine


def _arguments(sub: Commands) -> None:
    from supple.core.builder import MAX_MINUTES, MIN_MINUTES
    from supple.core.library import Area, Equipment
    from supple.core.routine import SLUG

    p = sub.add_parser(
        "build",
        help=_("make a session for today from the library: minutes, focus, level, equipment"),
    )
    p.add_argument(
        "--minutes",
        type=minutes,
        required=True,
        help=_("how long ({low} to {high}; the session lasts it within 10 %%)").format(
            low=MIN_MINUTES, high=MAX_MINUTES
        ),
    )
    focus = p.add_argument(
        "--focus",
        default="",
        metavar="AREAS",
        help=_("body areas, comma-separated (default: every area): {areas}").format(
            areas=", ".join(Area)
        ),
    )
    completes(focus, comma_list("areas", Area))
    add_level(p)
    equipment = p.add_argument(
        "--equipment",
        default="none",
        metavar="WHAT",
        help=_("what you have, comma-separated, or none (the default): {equipment}").format(
            equipment=", ".join(Equipment)
        ),
    )
    completes(equipment, comma_list("equipment", Equipment))
    p.add_argument(
        "--save",
        metavar="ID",
        help=_("keep it as one of your routines under ID ({pattern})").format(pattern=SLUG),
    )
    p.add_argument("--play", action="store_true", help=_("start it in the app"))
    add_plain(p)


def _run(args: argparse.Namespace) -> int:
    from supple.coach.builder import BuildError, read_choices, session_builder
    from supple.core.builder import Refusal
    from supple.core.library import Area, Equipment

    try:
        focus = read_choices(args.focus, tuple(Area), "an area")
        equipment = read_choices(args.equipment, tuple(Equipment), "equipment")
    except BuildError as error:
        print(f"supple build: {error}", file=sys.stderr)
        return 2
    found = coach()
    level = found.level_for(args.level)
    builder = session_builder(found)
    result = builder.build(args.minutes, focus, level, equipment)
    if isinstance(result, Refusal):
        from supple.coach.library_wording import refusal

        said = _("supple build: no session: {reason}.").format(reason=refusal(result))
        print(said, file=sys.stderr)
        return 1
    routine = result.routine
    print(preview(routine, level, result.seconds))
    if args.save is not None and not _save(found, routine, args.save, level):
        return 1
    if args.play:
        from supple.cli.app import cmd_play_routine

        return cmd_play_routine(found, routine, level, plain=args.plain, every=args.every)
    return 0


def preview(routine: Routine, level: Level, seconds: float) -> str:
    """The session as it will play: title, each exercise with its dose, the total."""
    from supple.core.words import duration, level_word, printable

    width = max(len(e.name) for e in routine.exercises)
    lines = [printable(f"{routine.title} ({level_word(level)}, {duration(seconds)})")]
    for number, exercise in enumerate(routine.exercises, 1):
        name = printable(exercise.name).ljust(width)
        lines.append(f"{number:>3}. {name}  {exercise.describe(level)}")
    lines.append("     " + _("total {duration}, rests included").format(duration=duration(seconds)))
    return "\n".join(lines)


def _save(found: Coach, routine: Routine, routine_id: str, level: Level) -> bool:
    """Keep it as one of the person's routines, the built dose at every level; the hint names
    the level it was built at (what the record of playing it should say)."""
    import re

    from supple.coach.builder import save_built
    from supple.core.files import SaveError
    from supple.core.routine import SLUG
    from supple.core.words import printable

    if not re.fullmatch(SLUG, routine_id):
        said = _("supple build: '{id}' is not an id (lower-case letters, digits and dashes)")
        print(said.format(id=printable(routine_id)), file=sys.stderr)
        return False
    if routine_id in found.routine_ids():
        said = _("supple build: the id '{id}' is taken: choose another")
        print(said.format(id=routine_id), file=sys.stderr)
        return False
    try:
        path = save_built(found, routine, routine_id)
    except SaveError as error:
        print(f"supple build: {printable(str(error))}", file=sys.stderr)
        return False
    said = _("Saved as {path}: `supple play {id} --level {level}`.")
    print(said.format(path=printable(str(path)), id=routine_id, level=level))
    return True


COMMANDS = {"build": Command(_arguments, _run)}


def minutes(text: str) -> int:
    """``--minutes``, read as every number is (``core.numbers``: ASCII digits only)."""
    import argparse

    from supple.core.numbers import NumberError, read_whole

    try:
        return read_whole(text, "min")
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
