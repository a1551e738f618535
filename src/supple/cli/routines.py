"""The routine commands: list, show, validate, import and export, each with its arguments."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supple.cli.command import (
    ROUTINE_IDS,
    Command,
    add_level,
    coach,
    completes,
    find_routine,
    force_argument,
    ids_argument,
    use_parsed_cache,
    write_to,
)
from supple.core.words import decimal, duration, level_word, plural, printable, source_word
from supple.i18n import _, n_
from supple.system.environment import value

if TYPE_CHECKING:
    from supple.cli.command import Commands
    from supple.coach.catalog import EffectiveCatalog
    from supple.core.routine import Level, Routine


def _list_arguments(sub: Commands) -> None:
    p = sub.add_parser("list", help=_("list the routines with their minutes per level"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    ids_argument(p)


def _show_arguments(sub: Commands) -> None:
    p = sub.add_parser("show", help=_("print a routine's timeline at a level"))
    completes(p.add_argument("routine", help=_("routine id (see `supple list`)")), ROUTINE_IDS)
    add_level(p)
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help=_("print JSON"))
    shown.add_argument(
        "--figures",
        action="store_true",
        help=_("draw each exercise's start and end position instead of the timeline"),
    )


def _import_arguments(sub: Commands) -> None:
    p = sub.add_parser("import", help=_import_help())
    p.add_argument("file", type=Path, metavar="FILE")


def _export_arguments(sub: Commands) -> None:
    p = sub.add_parser("export", help=_("write one routine as a file to share"))
    completes(p.add_argument("routine", help=_("routine id (see `supple list`)")), ROUTINE_IDS)
    p.add_argument("--to", type=Path, metavar="FILE", help=_("write here (default: print it)"))
    force_argument(p)


def _validate_arguments(sub: Commands) -> None:
    p = sub.add_parser("validate", help=_("check routine files; exit 1 if any has a problem"))
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _import_help() -> str:
    from supple.core.imports import formats_in_words

    return _("bring routines in: {formats}").format(formats=formats_in_words())


def catalog() -> EffectiveCatalog:
    """The routines as the person will play them: their own first, their settings applied."""
    return coach().catalog


def _fmt_minutes(seconds: float) -> str:
    return _("{minutes} min").format(minutes=decimal(round(seconds / 60, 1)))


def cmd_list(as_json: bool, ids: bool = False) -> int:
    from supple.core.routine import LEVELS

    found = catalog()
    if ids:  # for the completion scripts: the ids alone, problems unsaid
        print("\n".join(printable(r.id) for r in found.routines))
        return 0
    if as_json:
        import json  # only here: the plain list does without it

        out: list[dict[str, Any]] = [routine_json(found, r) for r in found.routines]
        out += [{"path": str(e.path), "error": str(e)} for e in found.errors]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for routine in found.routines:
        seconds = found.seconds_per_level(routine)
        per_level = " · ".join(
            f"{level_word(level)} {_fmt_minutes(seconds[level])}" for level in LEVELS
        )
        source = source_word(routine.source)
        print(f"{printable(routine.id):<24} {printable(routine.title)}  [{source}]")
        timing = found.timing_words(routine)
        count = plural(len(routine.exercises), "exercise")
        print(f"{'':<24} {count} · {per_level} · {timing}")
    for error in found.errors:
        path = printable(str(error.path))
        print(_("! {path}: not usable:").format(path=path), file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
    if not found.routines and not found.errors:
        print(_("no routines found"), file=sys.stderr)
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
        "settings_timing": found.settings_timing(routine),
        "exercises": exercises,
    }


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
                    "settings_timing": found.settings_timing(routine),
                    "segments": [s.to_json() for s in segments],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    total = total_seconds(segments)
    heading = n_(
        "{title} — {level} — {count} segment, {duration} in all — {timing}",
        "{title} — {level} — {count} segments, {duration} in all — {timing}",
        len(segments),
    )
    print(
        heading.format(
            title=printable(routine.title),
            level=level_word(level),
            count=len(segments),
            duration=duration(total),
            timing=found.timing_words(routine),
        )
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
    colour = sys.stdout.isatty() and value("NO_COLOR") is None  # no-color.org: non-empty
    print(f"{printable(routine.title)} — {level_word(level)}")
    for number, exercise in enumerate(routine.exercises, 1):
        print(f"\n{number}. {printable(exercise.name)} — {exercise.describe(level)}")
        figure = FIGURES.get(exercise.figure or "")
        if figure is None:
            print("   " + _("(no figure)"))
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
        said = _("supple: cannot import {problem}").format(problem=printable(str(problem)))
        print(said, file=sys.stderr)
        return 1
    except (SaveError, OSError) as error:
        said = _("supple: could not save the imported routines: {error}")
        print(said.format(error=printable(str(error))), file=sys.stderr)
        return 1
    renamed = dict(report.renamed)
    print(f"{printable(str(path))}: {report.format}, {plural(len(report.written), 'routine')}")
    for routine, target in report.written:
        minutes = _("{minutes} min").format(
            minutes="/".join(decimal(m) for m in minutes_per_level(routine).values())
        )
        old = _renamed_from(renamed, routine.id)
        again = " " + _("(its own id, {id}, was taken)").format(id=printable(old)) if old else ""
        count = plural(len(routine.exercises), "exercise")
        title = printable(routine.title)
        print(f"  {printable(routine.id)}: {title} · {count} · {minutes}{again}")
        print("    " + _("saved to {path}").format(path=printable(str(target))))
    for line in report.notes:
        print("  " + _("note: {line}").format(line=printable(line)))
    for line in report.dropped:
        print("  " + _("not carried over: {line}").format(line=printable(line)))
    if report.written:
        first = printable(report.written[0][0].id)
        print(_("Start it with `supple play {id}`.").format(id=first))
    return 0


def _renamed_from(renamed: dict[str, str], new_id: str) -> str | None:
    return next((old for old, new in renamed.items() if new == new_id), None)


def cmd_export(routine_id: str, to: Path | None, force: bool = False) -> int:
    found = coach()
    try:
        text = found.routines.export(routine_id)
    except KeyError:
        said = _("supple: no routine '{id}' (see `supple list`)")
        print(said.format(id=printable(routine_id)), file=sys.stderr)
        return 1
    if to is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return 0
    if not write_to(to, text.encode("utf-8"), force=force):
        return 1
    said = _("{id} written to {path}").format(id=printable(routine_id), path=printable(str(to)))
    print(said, file=sys.stderr)
    return 0


def cmd_validate(targets: Sequence[Path]) -> int:
    from supple.core.routine import LIBRARY_FOLDER, RoutineError, load_routine
    from supple.system import paths

    use_parsed_cache()
    failed = False
    library = paths.bundled_library_dir()
    for target in targets:
        if LIBRARY_FOLDER in (target.name, target.parent.name):  # a library, or one of its files
            failed = _validate_library(target if target.is_dir() else target.parent) or failed
            continue
        # A folder named here (whatever its name, `x.toml` too) is validated as one: its
        # routine files; inside it, a `*.toml` that is not a file is a broken routine, as the
        # catalog says.
        files = [target]
        if target.is_dir():
            files = sorted(target.glob("*.toml"))
            if not files:
                print(_("no routine files in {path}").format(path=printable(str(target))))
                failed = True
        for path in files:
            try:
                load_routine(path, library=library)
            except RoutineError as error:
                failed = True
                for problem in error.problems:
                    print(problem)
            else:
                print(_("{path}: ok").format(path=printable(str(path))))
    return 1 if failed else 0


def _validate_library(folder: Path) -> bool:
    """Print the library's problems, or that it is ok; True if it has any."""
    from supple.core.library import load_library

    found = load_library(folder)
    for error in found.errors:
        for problem in error.problems:
            print(problem)
    if not found.errors:
        count = plural(len(found), "exercise")
        print(_("{path}: ok ({count})").format(path=printable(str(folder)), count=count))
    return bool(found.errors)


COMMANDS = {
    "list": Command(_list_arguments, lambda args: cmd_list(args.json, args.ids)),
    "show": Command(
        _show_arguments, lambda args: cmd_show(args.routine, args.level, args.json, args.figures)
    ),
    "import": Command(_import_arguments, lambda args: cmd_import(args.file)),
    "export": Command(
        _export_arguments, lambda args: cmd_export(args.routine, args.to, args.force)
    ),
    "validate": Command(_validate_arguments, lambda args: cmd_validate(args.paths)),
}
